package report

// Measures of the maintained roll-ups (store table rollups): what the households of one
// village and recognised status add up to.
const (
	MeasureHouseholds   = "households"   // number of households
	MeasurePersons      = "persons"      // number of members
	MeasureDeprivations = "deprivations" // sum over the households of their deprived indicators
	MeasureDeprivedPfx  = "dep:"         // "dep:water": households deprived in the indicator
	// MeasureDiffers counts the households whose survey result would put them on
	// another list than the one they are recognised on ("cần rà soát", issue 13 item 8).
	MeasureDiffers = "differs"
	// MeasureClassPfx + a class counts the households whose survey result is that
	// class ("class:poor"; issue 13 item 8: the total of a list filtered on it).
	MeasureClassPfx = "class:"

	// The household traits (registry.TraitsText, issue 14 item 1), each the number of
	// households; with MeasurePersonsSfx the number of their members (groups and
	// ethnic groups only, which reports (8), (12) and (13) count in persons too).
	MeasureGroupPfx   = "grp:"     // "grp:merit", "grp:no_labour", "grp:ethnic", "grp:female_head", "grp:other"
	MeasureEthnicPfx  = "eth:"     // "eth:Tày": households whose head is of the ethnic group
	MeasureCausePfx   = "cause:"   // "cause:capital": households giving the cause of poverty
	MeasureNeedPfx    = "need:"    // "need:water": households stating the need for support
	MeasurePersonsSfx = "/persons" // "grp:merit/persons"
	// The children of the households (poverty.ChildrenOf, report (11)): a number of
	// members, not of households.
	MeasureChildren          = "child:total"     // members under 16
	MeasureChildrenHealth    = "child:health"    // of them deprived in health
	MeasureChildrenEducation = "child:education" // of them deprived in education
)

// TraitCount splits a stored trait that carries a count ("child:total=3") into its
// measure and count; a plain trait counts 1.
func TraitCount(trait string) (string, int64) {
	for i := len(trait) - 1; i > 0; i-- {
		if trait[i] == '=' {
			var n int64
			for _, c := range trait[i+1:] {
				if c < '0' || c > '9' {
					return trait, 1
				}
				n = n*10 + int64(c-'0')
			}
			return trait[:i], n
		}
	}
	return trait, 1
}

// TraitPersons reports whether the roll-ups count a trait's persons too.
func TraitPersons(trait string) bool {
	return len(trait) > 4 && (trait[:4] == MeasureGroupPfx || trait[:4] == MeasureEthnicPfx)
}

// FlowKind says why a poor or near-poor list grew or shrank; the dynamics reports (2)
// and (3) have one column per kind (regulations.md §2.4).
type FlowKind string

// The kinds of flow. "Other list" is near-poor for the poor list and poor for the
// near-poor list.
const (
	FlowOpening       FlowKind = "opening"         // on the list when the roll-ups were first built
	FlowToOtherList   FlowKind = "to_other_list"   // (2) escaped to the other list
	FlowToAbove       FlowKind = "to_above"        // (3) escaped above the near-poor line
	FlowOtherOut      FlowKind = "other_out"       // (4) other decreases: moved away, merged, died, members left
	FlowFromOtherList FlowKind = "from_other_list" // (5) came from the other list
	FlowRe            FlowKind = "re"              // (6) fell back (tái nghèo, tái cận nghèo)
	FlowNew           FlowKind = "new"             // (7) newly arisen (phát sinh mới)
	FlowOtherIn       FlowKind = "other_in"        // (8) other increases: moved in, split, members joined
	FlowCarryOut      FlowKind = "carry_out"       // carried to a new unit by a reorganisation
	FlowCarryIn       FlowKind = "carry_in"        // carried from an old unit by a reorganisation
)

// Increase reports whether the flow adds to its list.
func (k FlowKind) Increase() bool {
	switch k {
	case FlowOpening, FlowFromOtherList, FlowRe, FlowNew, FlowOtherIn, FlowCarryIn:
		return true
	}
	return false
}

// Cell is one number of the roll-ups: a unit, a recognised status and a measure.
type Cell struct {
	ProvinceCode string
	CommuneCode  string
	VillageID    int64
	Status       string
	Measure      string
	N            int64
}

// Flow is one number of the list flows: households and persons that joined or left a
// list, in a unit, on a day, for a reason.
type Flow struct {
	ProvinceCode string
	CommuneCode  string
	VillageID    int64
	Status       string
	Kind         FlowKind
	Day          string
	Households   int64
	Persons      int64
}

// Mismatch is a difference found by a roll-up check: what the table holds and what a
// recount gives.
type Mismatch struct {
	Table, Key string
	Stored     int64
	Counted    int64
}
