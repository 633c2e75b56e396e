package plan

import (
	"time"

	"giamngheo/support"
)

// Plan is one province's plan for one year. Its content (Doc) is kept as one JSON
// document: small, edited and copied as a whole; every edit carries the Version it
// was made on, and an edit made on a stale version is refused (ECONFLICT).
type Plan struct {
	ID           int64     `json:"id"`
	ProvinceCode string    `json:"province_code"`
	Year         int       `json:"year"`
	Version      int       `json:"version"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
	Doc
}

// Doc is what a plan says.
type Doc struct {
	Title  string `json:"title"`
	Issuer string `json:"issuer"`
	// Number is the plan's document number ("" while it has none).
	Number string `json:"number,omitempty"`
	// Note explains what a reader must know: the province it was issued by when the
	// units have changed since, a copy still to be reviewed, a new standard.
	Note string `json:"note,omitempty"`
	// Standard is the poverty standard in force in the plan's year (poverty.Standard ID).
	Standard   string   `json:"standard"`
	LegalBases []string `json:"legal_bases"`
	Objective  string   `json:"objective"`
	Targets    []Target `json:"targets"`
	Areas      []Area   `json:"areas"`
	// Assignments are the duties section IV gives each agency.
	Assignments []Assignment `json:"assignments"`
	// Funding is what the plan says of its money (section III).
	Funding string       `json:"funding,omitempty"`
	Budget  []BudgetLine `json:"budget,omitempty"`
	// ReportDue is the day agencies' progress reports are due (YYYY-MM-DD): 20
	// November by default (Hải Dương plan 2023, section IV: "trước ngày 20/11").
	ReportDue string `json:"report_due"`
}

// How a target's actual is obtained.
const (
	// SourceComputed: computed live from the registry and the support records.
	SourceComputed = "computed"
	// SourceEntered: entered by the responsible agency with its evidence.
	SourceEntered = "entered"
)

// How a target is met.
const (
	AtLeast = "at_least" // the actual reaches the value (100% covered)
	AtMost  = "at_most"  // the actual falls to the value (poor-household rate 1.6%)
)

// Target is one indicator of the plan and its target value.
type Target struct {
	// Code names the target within the plan (figures refer to it).
	Code string `json:"code"`
	// Section is where the plan states it ("I.2", "II.8").
	Section string `json:"section"`
	// Area is the activity area it belongs to ("" for a general target).
	Area      string `json:"area,omitempty"`
	Indicator string `json:"indicator"`
	Unit      string `json:"unit"`
	// Value is the target; nil when the plan gives no figure (never invented).
	Value   *float64 `json:"value"`
	Compare string   `json:"compare,omitempty"`
	// HowMeasured says how the actual is obtained, for the reader of the plan.
	HowMeasured string `json:"how_measured"`
	Source      string `json:"source"`
	// Measure is the live measure of a computed target.
	Measure support.Measure `json:"measure,omitempty"`
	// Agency is the agency that answers for the target (and enters its figures).
	Agency string `json:"agency"`
}

// Area is an activity area of section II.
type Area struct {
	Code  string `json:"code"`
	Title string `json:"title"`
	Lead  string `json:"lead"`
	// Coordinating are the agencies named to coordinate; CoordinatingText is the
	// plan's own words ("… và các sở, ban, ngành, đoàn thể …").
	Coordinating     []string `json:"coordinating"`
	CoordinatingText string   `json:"coordinating_text"`
	Tasks            []string `json:"tasks"`
	Beneficiaries    string   `json:"beneficiaries"`
}

// Assignment is what section IV asks of one agency.
type Assignment struct {
	Agency  string   `json:"agency"`
	Heading string   `json:"heading"`
	Duties  []string `json:"duties"`
}

// FundSource is where a budget line's money comes from.
type FundSource string

// The sources of the plan's money (section III: central budget, local counterpart,
// integrated programmes and mobilised contributions; credit through the Social
// Policy Bank).
const (
	FundCentral   FundSource = "central"
	FundLocal     FundSource = "local"
	FundCredit    FundSource = "credit"
	FundMobilised FundSource = "mobilised"
)

// FundSources lists the sources with their names, in the order of the tables.
var FundSources = []struct {
	Source FundSource
	VI, EN string
}{
	{FundCentral, "Ngân sách trung ương", "Central budget"},
	{FundLocal, "Ngân sách địa phương đối ứng", "Local counterpart budget"},
	{FundCredit, "Vốn tín dụng chính sách", "Policy credit"},
	{FundMobilised, "Vốn huy động, đóng góp", "Mobilised contributions"},
}

// Valid reports whether f is a known source.
func (f FundSource) Valid() bool {
	for _, x := range FundSources {
		if x.Source == f {
			return true
		}
	}
	return false
}

// BudgetLine is money of one source for one activity area and agency, in đồng; nil
// amounts are not known.
type BudgetLine struct {
	Area      string     `json:"area"`
	Agency    string     `json:"agency"`
	Source    FundSource `json:"source"`
	Allocated *int64     `json:"allocated"`
	Disbursed *int64     `json:"disbursed"`
	Settled   *int64     `json:"settled"`
}

// TargetByCode returns the plan's target with the code, or false.
func (d *Doc) TargetByCode(code string) (Target, bool) {
	for _, t := range d.Targets {
		if t.Code == code {
			return t, true
		}
	}
	return Target{}, false
}

// AreaByCode returns the plan's area with the code, or false.
func (d *Doc) AreaByCode(code string) (Area, bool) {
	for _, a := range d.Areas {
		if a.Code == code {
			return a, true
		}
	}
	return Area{}, false
}

// Responsible returns the agencies that report on the plan: the leads of its areas
// and the agencies answering for its targets, in the order of section IV.
func (d *Doc) Responsible() []string {
	in := map[string]bool{}
	for _, a := range d.Areas {
		in[a.Lead] = true
	}
	for _, t := range d.Targets {
		if t.Agency != "" {
			in[t.Agency] = true
		}
	}
	var out []string
	for _, a := range support.Agencies {
		if in[a.Code] {
			out = append(out, a.Code)
		}
	}
	return out
}

// AreasOf returns the areas the agency leads.
func (d *Doc) AreasOf(agency string) []Area {
	var out []Area
	for _, a := range d.Areas {
		if a.Lead == agency {
			out = append(out, a)
		}
	}
	return out
}

// Figure is a value an agency entered for a target, with its evidence; the latest
// per target and unit is the actual.
type Figure struct {
	ID     int64   `json:"id"`
	PlanID int64   `json:"plan_id"`
	Target string  `json:"target"`
	Unit   string  `json:"unit_code,omitempty"`
	Agency string  `json:"agency"`
	Value  float64 `json:"value"`
	// Evidence says what the figure rests on (a decision, a report, a list).
	Evidence  string    `json:"evidence"`
	AsOf      string    `json:"as_of"`
	EnteredBy string    `json:"entered_by"`
	CreatedAt time.Time `json:"created_at"`
}

// Report is an agency's progress report on the plan: its narrative, a narrative per
// activity area it leads, and the money it disbursed and settled.
type Report struct {
	ID          int64       `json:"id"`
	PlanID      int64       `json:"plan_id"`
	Agency      string      `json:"agency"`
	Version     int         `json:"version"`
	Narrative   string      `json:"narrative"`
	Areas       []AreaNote  `json:"areas,omitempty"`
	Money       []MoneyLine `json:"money,omitempty"`
	SubmittedAt time.Time   `json:"submitted_at"`
	SubmittedBy string      `json:"submitted_by"`
	UpdatedAt   time.Time   `json:"updated_at"`
}

// AreaNote is a report's narrative of one activity area.
type AreaNote struct {
	Area string `json:"area"`
	Text string `json:"text"`
}

// MoneyLine is what a report says was disbursed and settled for an area and source.
type MoneyLine struct {
	Area      string     `json:"area"`
	Source    FundSource `json:"source"`
	Disbursed int64      `json:"disbursed"`
	Settled   int64      `json:"settled"`
}
