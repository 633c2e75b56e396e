package registry

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"giamngheo/poverty"
	"giamngheo/vntext"
)

// Traits are the household characteristics the reports of regulations.md §2.4 count
// (issue 14 item 1): the target groups of report (8), the causes of poverty of report
// (10), the ethnic groups of report (9) and the groups of reports (12)–(13). Merit,
// NoLabourOverride, Causes and Needs are entered by an officer; NoLabour,
// EthnicMinority and FemaleHead are derived from the members by DeriveTraits with the
// service's TraitRules each time the household is classified, and stored with it so
// that the roll-ups and the history read what was decided then.
type Traits struct {
	// Merit: a member of the household is a person of merit with the revolution
	// (người có công với cách mạng, Ordinance 02/2020/UBTVQH14), as the commune's list
	// records it. One household flag.
	Merit bool `json:"merit,omitempty"`
	// NoLabourOverride is the officer's decision on "no labour capacity" where the
	// members' ages and allowances say otherwise (a member bedridden without an
	// allowance, say); nil keeps the derived value.
	NoLabourOverride *bool `json:"no_labour_override,omitempty"`
	// Causes are the causes of poverty (several allowed), report (10).
	Causes []Cause `json:"causes,omitempty"`
	// Needs are the household's needs for support.
	Needs []Need `json:"needs,omitempty"`

	// NoLabour: the household has no labour capacity (hộ không có khả năng lao
	// động): derived (TraitRules.NoLabour) unless overridden.
	NoLabour bool `json:"no_labour,omitempty"`
	// EthnicMinority: an ethnic-minority household (hộ dân tộc thiểu số), derived.
	EthnicMinority bool `json:"ethnic_minority,omitempty"`
	// FemaleHead: the head of household is a woman (chủ hộ là nữ), derived.
	FemaleHead bool `json:"female_head,omitempty"`
	// Children counts the members under 16 and those of them deprived in health and in
	// education (report (11)), derived on the reference date under the standard in
	// force then.
	Children poverty.Children `json:"children,omitzero"`
}

// Cause is a cause of poverty (nguyên nhân nghèo).
type Cause string

// The eight causes of report (10) (regulations.md §2.4 item 10 [S]: as reproduced from
// the provincial layout set; the official Mẫu number is unknown).
const (
	CauseLand      Cause = "land"      // (1) thiếu đất sản xuất
	CauseCapital   Cause = "capital"   // (2) thiếu vốn
	CauseLabour    Cause = "labour"    // (3) thiếu lao động
	CauseTools     Cause = "tools"     // (4) thiếu công cụ sản xuất
	CauseKnowledge Cause = "knowledge" // (5) thiếu kiến thức sản xuất
	CauseSkills    Cause = "skills"    // (6) thiếu kỹ năng lao động
	CauseIllness   Cause = "illness"   // (7) ốm đau, tai nạn
	CauseOther     Cause = "other"     // (8) khác
)

// Choice is a value of a closed list with its Vietnamese and English labels.
type Choice struct {
	Value  string
	VI, EN string
}

// Causes lists the causes of poverty in the order of report (10).
var Causes = []Choice{
	{string(CauseLand), "Thiếu đất sản xuất", "lack of farm land"},
	{string(CauseCapital), "Thiếu vốn", "lack of capital"},
	{string(CauseLabour), "Thiếu lao động", "lack of labour"},
	{string(CauseTools), "Thiếu công cụ sản xuất", "lack of tools"},
	{string(CauseKnowledge), "Thiếu kiến thức sản xuất", "lack of farming knowledge"},
	{string(CauseSkills), "Thiếu kỹ năng lao động", "lack of work skills"},
	{string(CauseIllness), "Ốm đau, tai nạn", "illness, accident"},
	{string(CauseOther), "Nguyên nhân khác", "other cause"},
}

// Need is a need for support the household states (nhu cầu hỗ trợ).
type Need string

// Needs lists the needs for support (issue 14 item 1; the list is the programme's, not
// a legal text's).
var Needs = []Choice{
	{"capital", "Vốn", "capital"},
	{"jobs", "Việc làm", "jobs"},
	{"training", "Đào tạo nghề", "vocational training"},
	{"housing", "Nhà ở", "housing"},
	{"water", "Nước sạch", "clean water"},
	{"health", "Y tế", "health"},
	{"education", "Giáo dục", "education"},
	{"other", "Khác", "other"},
}

func choiceIn(list []Choice, v string) bool {
	for _, c := range list {
		if c.Value == v {
			return true
		}
	}
	return false
}

// ChoiceLabel returns the Vietnamese label of v in list, or v itself.
func ChoiceLabel(list []Choice, v string) string {
	for _, c := range list {
		if c.Value == v {
			return c.VI
		}
	}
	return v
}

// Validate checks that every cause and need is known and given once.
func (t *Traits) Validate() error {
	seen := map[string]bool{}
	for _, c := range t.Causes {
		if !choiceIn(Causes, string(c)) || seen["c"+string(c)] {
			return invalid("traits.causes", "Nguyên nhân nghèo %q không hợp lệ hoặc bị lặp", "cause of poverty %q is unknown or repeated", c)
		}
		seen["c"+string(c)] = true
	}
	for _, n := range t.Needs {
		if !choiceIn(Needs, string(n)) || seen["n"+string(n)] {
			return invalid("traits.needs", "Nhu cầu hỗ trợ %q không hợp lệ hoặc bị lặp", "need for support %q is unknown or repeated", n)
		}
		seen["n"+string(n)] = true
	}
	return nil
}

// normalize orders the causes and needs as their lists do.
func (t *Traits) normalize() {
	order := func(list []Choice, v string) int {
		for i, c := range list {
			if c.Value == v {
				return i
			}
		}
		return len(list)
	}
	sort.SliceStable(t.Causes, func(i, j int) bool {
		return order(Causes, string(t.Causes[i])) < order(Causes, string(t.Causes[j]))
	})
	sort.SliceStable(t.Needs, func(i, j int) bool { return order(Needs, string(t.Needs[i])) < order(Needs, string(t.Needs[j])) })
	if len(t.Causes) == 0 {
		t.Causes = nil
	}
	if len(t.Needs) == 0 {
		t.Needs = nil
	}
}

// TraitRules are the rules that derive the traits from the members. The law leaves
// room in each, so they are configuration (cmd: GIAMNGHEO_* settings); the defaults
// are DefaultTraitRules.
type TraitRules struct {
	// MinWorkingAge is the youngest age of labour, in completed years: 15 (Labour Code
	// 2019, Art. 3.1: an employee is at least 15).
	MinWorkingAge int
	// Retirement is the retirement age in months under normal working conditions by
	// sex, in the calendar year of the reference date (Labour Code 2019, Art. 169.2:
	// from 2021 men 60 years 3 months and women 55 years 4 months, rising by 3 months
	// a year for men up to 62 in 2028 and by 4 months a year for women up to 60 in
	// 2035; Decree 135/2020/NĐ-CP, Art. 4).
	RetirementBaseYear                             int
	MaleStartMonths, MaleStepMonths, MaleMaxMonths int
	FemaleStartMonths, FemaleStepMonths            int
	FemaleMaxMonths                                int
	// DisabilityNoLabour counts a member receiving the monthly disability allowance
	// (a severe or very severe disability) as without labour capacity [U: the
	// programme's reading; no legal text found that defines the household term].
	DisabilityNoLabour bool
	// EthnicBy says whose ethnicity makes an ethnic-minority household: "head" (the
	// head's ethnicity is given and not a majority one) or "any" (a member's). The law
	// is silent; "head" is the default, as the named lists (14)–(15) record the
	// ethnicity beside the head.
	EthnicBy string
	// Majority lists the ethnicities that are not minorities (folded): "kinh".
	Majority []string
}

// DefaultTraitRules are the defaults of TraitRules.
var DefaultTraitRules = TraitRules{
	MinWorkingAge:      15,
	RetirementBaseYear: 2021,
	MaleStartMonths:    60*12 + 3, MaleStepMonths: 3, MaleMaxMonths: 62 * 12,
	FemaleStartMonths: 55*12 + 4, FemaleStepMonths: 4, FemaleMaxMonths: 60 * 12,
	DisabilityNoLabour: true,
	EthnicBy:           "head",
	Majority:           []string{"kinh"},
}

// RetirementMonths is the retirement age in months for sex in year (Labour Code 2019,
// Art. 169.2; before the base year, the base year's age).
func (r *TraitRules) RetirementMonths(sex poverty.Sex, year int) int {
	start, step, max := r.MaleStartMonths, r.MaleStepMonths, r.MaleMaxMonths
	if sex == poverty.Female {
		start, step, max = r.FemaleStartMonths, r.FemaleStepMonths, r.FemaleMaxMonths
	}
	n := start + step*maxInt(0, year-r.RetirementBaseYear)
	return min(n, max)
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// CanWork reports whether a member has labour capacity on ref: of working age (from
// MinWorkingAge to below the retirement age of the year) and, with
// DisabilityNoLabour, not receiving the disability allowance. A member whose birth
// date cannot be read counts as able to work (no derived claim without data).
func (r *TraitRules) CanWork(m *Member, ref time.Time) bool {
	b, err := poverty.ParseDate(m.BirthDate)
	if err != nil {
		return true
	}
	if r.DisabilityNoLabour && (m.DisabilityAllowance || m.SocialAllowance == AllowanceDisability) {
		return false
	}
	months := (ref.Year()-b.Year)*12 + int(ref.Month()) - int(b.Month)
	if ref.Day() < b.Day {
		months--
	}
	return months >= r.MinWorkingAge*12 && months < r.RetirementMonths(m.Sex, ref.Year())
}

// IsMajority reports whether an ethnicity is one of the majority (not a minority).
func (r *TraitRules) IsMajority(ethnicity string) bool {
	f := vntext.Fold(ethnicity)
	for _, m := range r.Majority {
		if f == vntext.Fold(m) {
			return true
		}
	}
	return false
}

// DeriveTraits sets the derived traits of h from its members on the reference date ref.
func (r *TraitRules) DeriveTraits(h *Household, ref time.Time) {
	t := &h.Traits
	t.normalize()
	t.NoLabour = len(h.Members) > 0
	for i := range h.Members {
		if r.CanWork(&h.Members[i], ref) {
			t.NoLabour = false
			break
		}
	}
	if t.NoLabourOverride != nil {
		t.NoLabour = *t.NoLabourOverride
	}
	t.EthnicMinority, t.FemaleHead = false, false
	if i := h.Head(); i >= 0 {
		t.FemaleHead = h.Members[i].Sex == poverty.Female
		e := h.Members[i].Ethnicity
		t.EthnicMinority = e != "" && !r.IsMajority(e)
	}
	if std, err := poverty.StandardInForce(ref); err == nil {
		t.Children = poverty.ChildrenOf(h.Answers(), std, ref)
	}
	if r.EthnicBy == "any" {
		for i := range h.Members {
			if e := h.Members[i].Ethnicity; e != "" && !r.IsMajority(e) {
				t.EthnicMinority = true
			}
		}
	}
}

// HeadEthnicity is the ethnicity of the head as the roll-ups group it: "Kinh" however
// it is written, else the name as written (cleaned; commas, which separate the stored
// traits, become spaces), "" when not given.
func HeadEthnicity(h *Household) string {
	i := h.Head()
	if i < 0 {
		return ""
	}
	e := vntext.Clean(strings.ReplaceAll(h.Members[i].Ethnicity, ",", " "))
	if vntext.Fold(e) == "kinh" {
		return "Kinh"
	}
	return e
}

// The groups of TraitsText: the target groups of reports (8), (12) and (13).
const (
	GroupMerit      = "merit"
	GroupNoLabour   = "no_labour"
	GroupEthnic     = "ethnic"
	GroupFemaleHead = "female_head"
	// GroupOther is none of merit, no labour, ethnic: report (8)'s "other", a
	// household counted once.
	GroupOther = "other"
)

// TraitsText is the stored traits column of h (registry.Stored.Traits): the groups,
// the head's ethnicity, the causes and the needs, as ",grp:merit,eth:Tày,cause:land,
// need:capital," so that the roll-ups recount them with a GROUP BY. Derived traits are
// read as h holds them (DeriveTraits ran when it was classified).
func TraitsText(h *Household) string {
	t := &h.Traits
	var b strings.Builder
	b.WriteString(",")
	put := func(s string) { b.WriteString(s); b.WriteString(",") }
	if t.Merit {
		put("grp:" + GroupMerit)
	}
	if t.NoLabour {
		put("grp:" + GroupNoLabour)
	}
	if t.EthnicMinority {
		put("grp:" + GroupEthnic)
	}
	if t.FemaleHead {
		put("grp:" + GroupFemaleHead)
	}
	if !t.Merit && !t.NoLabour && !t.EthnicMinority {
		put("grp:" + GroupOther)
	}
	if e := HeadEthnicity(h); e != "" {
		put("eth:" + e)
	}
	for _, c := range t.Causes {
		put("cause:" + string(c))
	}
	for _, n := range t.Needs {
		put("need:" + string(n))
	}
	// Counts, not flags: "child:total=3" adds 3 to the measure (report.TraitCount).
	for _, c := range []struct {
		measure string
		n       int
	}{{"child:total", t.Children.Total}, {"child:health", t.Children.Health}, {"child:education", t.Children.Education}} {
		if c.n > 0 {
			put(c.measure + "=" + strconv.Itoa(c.n))
		}
	}
	return b.String()
}

// TraitsItems splits a stored traits column into its items.
func TraitsItems(s string) []string {
	var out []string
	for _, x := range strings.Split(strings.Trim(s, ","), ",") {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}
