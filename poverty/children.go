package poverty

import "time"

// ChildAgeBelow is the age under which report (11) of the provincial set counts a member
// as a child: under 16 (regulations.md §2.4 item 11 [S]).
const ChildAgeBelow = 16

// Children is what report (11) counts of a household's children.
type Children struct {
	// Total counts the members under ChildAgeBelow on the reference date.
	Total int `json:"total,omitempty"`
	// Health counts those deprived in health: without health insurance from the
	// standard's insurance age, or malnourished below its nutrition age (Decree
	// 07/2021/NĐ-CP, Appendix, indicators 3 and 4).
	Health int `json:"health,omitempty"`
	// Education counts those deprived in education: not attending the grade for their
	// age, from the standard's schooling age (indicator 6).
	Education int `json:"education,omitempty"`
}

// ChildrenOf counts the children of h on ref by the thresholds of std, as report (11)
// "Tổng hợp chỉ tiêu thiếu hụt của trẻ em thuộc hộ nghèo, hộ cận nghèo" counts them
// (regulations.md §2.4 item 11 [S]). A member whose birth date cannot be read is not
// counted, and a missing answer does not count as deprived.
func ChildrenOf(h *Household, std *Standard, ref time.Time) Children {
	var c Children
	if std == nil {
		return c
	}
	t, day := &std.Thresholds, DateOf(ref)
	for i := range h.Members {
		m := &h.Members[i]
		d, ok := parseDate(m.BirthDate)
		if !ok || d.Compare(day) > 0 {
			continue
		}
		age := ageAt(d, day)
		if age >= ChildAgeBelow {
			continue
		}
		c.Total++
		if nutritionState(triOf(m.Malnourished), age, t) == deprived || healthInsuranceState(triOf(m.HealthInsurance), age, t) == deprived {
			c.Health++
		}
		if f := factOf(m, age); childSchoolingState(&f, t) == deprived {
			c.Education++
		}
	}
	return c
}
