package poverty

import (
	"testing"
	"time"
)

// TestChildrenOf: the children under 16 on the reference date, those without health
// insurance or malnourished, and those of school age not at school.
func TestChildrenOf(t *testing.T) {
	std := mustStandard(t, "2022-2026")
	ref := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	born := func(years int) string { return ref.AddDate(-years, 0, -1).Format("2006-01-02") }
	yes, no := true, false
	h := &Household{Members: []Member{
		{Name: "Bố", Sex: Male, BirthDate: born(40)},                                                                        // an adult: not counted
		{Name: "Con 15", Sex: Female, BirthDate: born(15), HealthInsurance: &no, Schooling: SchoolingStudying},              // health
		{Name: "Con 10", Sex: Male, BirthDate: born(10), HealthInsurance: &yes, Schooling: SchoolingPrimary},                // education
		{Name: "Con 4", Sex: Male, BirthDate: born(4), HealthInsurance: &yes, Malnourished: &yes, Schooling: SchoolingNone}, // both
		{Name: "Con 1", Sex: Female, BirthDate: born(1)},                                                                    // unknown answers: neither
		{Name: "Con 16", Sex: Female, BirthDate: born(16), HealthInsurance: &no},                                            // 16: not a child
		{Name: "Chưa sinh", Sex: Female, BirthDate: "2027-01-01"},                                                           // after ref: not counted
	}}
	got := ChildrenOf(h, std, ref)
	if want := (Children{Total: 4, Health: 2, Education: 2}); got != want {
		t.Fatalf("ChildrenOf = %+v, want %+v", got, want)
	}
	if got := ChildrenOf(h, nil, ref); got != (Children{}) {
		t.Fatalf("without a standard: %+v", got)
	}
}
