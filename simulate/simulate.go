// Package simulate answers "what if": it applies a poverty standard (national or
// local) on a reference date to the registry's current survey answers and counts, by
// administrative unit, the households and persons of each class, the households that
// would change class and why, the indicators the survey never answered (with the
// bounds of what they could change) and the cost of per-person and per-household
// support. It changes nothing stored: it reads the answers through Store and
// classifies them with the pure rules of package poverty.
package simulate

import (
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/poverty"
)

// Service runs simulations over a store.
type Service struct {
	Store Store
	Units admin.Store
	// Card is the B1 score card of the deployment, or nil.
	Card *poverty.ScoreCard
	Now  giamngheo.Clock
	// Parallel is how many parts of the communes are read at once; 0 means one per
	// processor, at most 4.
	Parallel int
}

// Params are the inputs of one simulation.
type Params struct {
	// Standard is the standard applied (required, validated).
	Standard *poverty.Standard
	// Standards resolve the standard each household's current result was computed
	// with (households.standard_id), for the reasons; nil means the national ones.
	Standards poverty.Catalogue
	// Date is the reference date (ages, low-income line); zero means today.
	Date time.Time
	// Unit is the unit simulated: "" the actor's scope (the whole country for a
	// national scope), else a province, district or commune code within it.
	Unit string
	// Costs are the support items to cost.
	Costs []Cost
	// MaxChanges bounds the households listed in Result.Changes (0: 1,000).
	MaxChanges int
}

// Class indexes of a Tally: the four classes of poverty.Class, then None (not on any
// list, for recognised status; not classified, for a survey result) and Invalid (the
// answers cannot be classified under the simulated standard).
const (
	IdxPoor = iota
	IdxNearPoor
	IdxMiddle
	IdxNotPoor
	IdxNone
	IdxInvalid
	NumIdx
)

// ClassIndex is the Tally index of a class ("" and unknown values: IdxNone).
func ClassIndex(c poverty.Class) int {
	switch c {
	case poverty.Poor:
		return IdxPoor
	case poverty.NearPoor:
		return IdxNearPoor
	case poverty.Middle:
		return IdxMiddle
	case poverty.NotPoor:
		return IdxNotPoor
	}
	return IdxNone
}

// IndexLabel names a Tally index.
func IndexLabel(i int) poverty.Text {
	switch i {
	case IdxPoor, IdxNearPoor, IdxMiddle, IdxNotPoor:
		return []poverty.Class{poverty.Poor, poverty.NearPoor, poverty.Middle, poverty.NotPoor}[i].Label()
	case IdxNone:
		return poverty.Text{VI: "không thuộc danh sách / chưa phân loại", EN: "on no list / not classified"}
	}
	return poverty.Text{VI: "không phân loại được", EN: "cannot be classified"}
}

// Tally counts households, persons and pupils by class index.
type Tally struct {
	Households [NumIdx]int `json:"households"`
	Persons    [NumIdx]int `json:"persons"`
	// Pupils are members attending school or training (Schooling studying), whom
	// per-pupil support (tuition exemption) concerns.
	Pupils [NumIdx]int `json:"pupils"`
}

func (t *Tally) add(i, persons, pupils int) {
	t.Households[i]++
	t.Persons[i] += persons
	t.Pupils[i] += pupils
}

func (t *Tally) merge(o *Tally) {
	for i := range t.Households {
		t.Households[i] += o.Households[i]
		t.Persons[i] += o.Persons[i]
		t.Pupils[i] += o.Pupils[i]
	}
}

// Row is one unit of the result: a village of a commune, a commune of a province (or
// district), or a province of the country, as the rows of report 1.
type Row struct {
	Code string `json:"code"`
	Name string `json:"name"`
	// Recognised counts by recognised status, Survey by current survey result,
	// Simulated by the simulated class with unknown indicators counted not deprived
	// (as Classify counts them), IfDeprived with them counted deprived.
	Recognised Tally `json:"recognised"`
	Survey     Tally `json:"survey"`
	Simulated  Tally `json:"simulated"`
	IfDeprived Tally `json:"if_deprived"`
}

func (r *Row) merge(o *Row) {
	r.Recognised.merge(&o.Recognised)
	r.Survey.merge(&o.Survey)
	r.Simulated.merge(&o.Simulated)
	r.IfDeprived.merge(&o.IfDeprived)
}

// Bounds is how many households would change class. The unknown indicators of a
// household may each be deprived or not: Min changes whatever they are, Max under at
// least one of the two assumptions; IfNotDeprived and IfDeprived are the counts under
// each assumption for every household at once.
type Bounds struct {
	Min           int `json:"min"`
	Max           int `json:"max"`
	IfNotDeprived int `json:"if_not_deprived"`
	IfDeprived    int `json:"if_deprived"`
}

func (b *Bounds) add(o Bounds) {
	b.Min += o.Min
	b.Max += o.Max
	b.IfNotDeprived += o.IfNotDeprived
	b.IfDeprived += o.IfDeprived
}

func (b *Bounds) note(a, d bool) {
	if a && d {
		b.Min++
	}
	if a || d {
		b.Max++
	}
	if a {
		b.IfNotDeprived++
	}
	if d {
		b.IfDeprived++
	}
}

// Unknown is one indicator of the simulated standard that some households' answers
// cannot decide: a question the survey never asked (waste treatment before the
// 2027–2030 standard of Decree 351/2025/NĐ-CP) or left blank.
type Unknown struct {
	Key  poverty.IndicatorKey `json:"key"`
	Name poverty.Text         `json:"name"`
	// Households is how many households have the indicator undecided; Decisive how
	// many of them are near-poor but would be poor if their unknown indicators were
	// deprived.
	Households int `json:"households"`
	Decisive   int `json:"decisive"`
}

// Issue is a household whose answers cannot be classified under the standard.
type Issue struct {
	HouseholdID int64  `json:"household_id"`
	Code        string `json:"code"`
	CommuneCode string `json:"commune_code"`
	Field       string `json:"field,omitempty"`
	Message     string `json:"message"`
	MessageEN   string `json:"message_en"`
}

// Result is the outcome of a simulation. Nothing in it is stored.
type Result struct {
	Standard     string       `json:"standard"`
	StandardName poverty.Text `json:"standard_name"`
	Date         poverty.Date `json:"date"`
	UnitCode     string       `json:"unit_code"`
	UnitName     string       `json:"unit_name"`
	// RowLevel is what the rows are: "province", "commune" or "village".
	RowLevel string `json:"row_level"`
	Rows     []*Row `json:"rows"`
	Total    Row    `json:"total"`
	// SurveyToSimulated[i][j] counts the households of current survey class i whose
	// simulated class is j (unknown indicators not deprived); StatusToSimulated the
	// same from the recognised status.
	SurveyToSimulated [NumIdx][NumIdx]int `json:"survey_to_simulated"`
	StatusToSimulated [NumIdx][NumIdx]int `json:"status_to_simulated"`
	// ChangedVsStatus and ChangedVsSurvey bound the households whose class would
	// differ from their recognised status and from their current survey result.
	ChangedVsStatus Bounds `json:"changed_vs_status"`
	ChangedVsSurvey Bounds `json:"changed_vs_survey"`
	// Changes lists changed households (either comparison), in commune order, up to
	// Params.MaxChanges; Truncated says more changed.
	Changes   []Change  `json:"changes"`
	Truncated bool      `json:"truncated"`
	Unknown   []Unknown `json:"unknown"`
	// Invalid counts households that cannot be classified; Issues shows the first.
	Invalid int          `json:"invalid"`
	Issues  []Issue      `json:"issues,omitempty"`
	Costs   []CostResult `json:"costs,omitempty"`
}
