package simulate

import (
	"slices"

	"giamngheo"
	"giamngheo/poverty"
)

// Per is what a support item is counted by.
type Per string

// Counting units of a support item.
const (
	PerPerson    Per = "person"
	PerHousehold Per = "household"
	// PerPupil counts members attending school or training (tuition exemption).
	PerPupil Per = "pupil"
)

// Cost is one support item with the unit cost the user enters: paid per person,
// household or pupil of the given classes, in VND per year.
type Cost struct {
	Name     string          `json:"name"`
	Per      Per             `json:"per"`
	Classes  []poverty.Class `json:"classes"`
	UnitCost int64           `json:"unit_cost"`
}

// maxUnitCost bounds a unit cost (VND) so that every product stays exact.
const maxUnitCost = 1_000_000_000_000

// Validate checks a support item.
func (c *Cost) Validate() error {
	if c.Name == "" || len(c.Name) > 200 {
		return giamngheo.Errorf(giamngheo.EINVALID, "Khoản hỗ trợ cần có tên (tối đa 200 ký tự).", "A support item needs a name (at most 200 characters).")
	}
	switch c.Per {
	case PerPerson, PerHousehold, PerPupil:
	default:
		return giamngheo.Errorf(giamngheo.EINVALID, "Khoản %s: đơn vị tính phải là person, household hoặc pupil.", "Item %s: per must be person, household or pupil.", c.Name)
	}
	if len(c.Classes) == 0 {
		return giamngheo.Errorf(giamngheo.EINVALID, "Khoản %s: chọn ít nhất một diện hộ được hỗ trợ.", "Item %s: choose at least one class that receives it.", c.Name)
	}
	for _, k := range c.Classes {
		if ClassIndex(k) == IdxNone {
			return giamngheo.Errorf(giamngheo.EINVALID, "Khoản %s: diện hộ %q không hợp lệ.", "Item %s: invalid class %q.", c.Name, k)
		}
	}
	if c.UnitCost < 0 || c.UnitCost > maxUnitCost {
		return giamngheo.Errorf(giamngheo.EINVALID, "Khoản %s: đơn giá không hợp lệ.", "Item %s: invalid unit cost.", c.Name)
	}
	return nil
}

// CostResult is a support item applied to the counts: how many units (persons,
// households or pupils) receive it and the amount in VND, under the recognised
// status, the current survey results and the simulation (with unknown indicators
// counted not deprived, and deprived).
type CostResult struct {
	Cost
	Units  [4]int   `json:"units"`  // recognised, survey, simulated, if deprived
	Amount [4]int64 `json:"amount"` // the same × UnitCost
}

// Diff is the simulated amount minus the recognised one (unknown not deprived).
func (c *CostResult) Diff() int64 { return c.Amount[2] - c.Amount[0] }

func costOf(c Cost, total *Row) CostResult {
	out := CostResult{Cost: c}
	for j, t := range []*Tally{&total.Recognised, &total.Survey, &total.Simulated, &total.IfDeprived} {
		n := 0
		for i := range IdxNone {
			if !slices.Contains(c.Classes, []poverty.Class{poverty.Poor, poverty.NearPoor, poverty.Middle, poverty.NotPoor}[i]) {
				continue
			}
			switch c.Per {
			case PerPerson:
				n += t.Persons[i]
			case PerHousehold:
				n += t.Households[i]
			case PerPupil:
				n += t.Pupils[i]
			}
		}
		out.Units[j], out.Amount[j] = n, int64(n)*c.UnitCost
	}
	return out
}
