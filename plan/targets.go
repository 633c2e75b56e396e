package plan

import (
	"context"

	"giamngheo"
	"giamngheo/admin"
)

// UnitTargets is the plan of a unit's province for a year with its targets against
// the unit's actuals: what the dashboards and the public site show of the plan.
type UnitTargets struct {
	Plan *Plan
	// Unit is the unit the computed actuals are of; the entered figures are the
	// province's (an agency enters them province-wide).
	Unit    string
	Actuals []Actual
}

// TargetsOf returns the targets of the plan of the unit's province for the year
// against their actuals in the unit, computed by Progress (the plan page's
// computation, never a second one); nil when the province has no plan for the year.
// The actor must cover the unit and belong to its province (or the nation).
func (s *Service) TargetsOf(ctx context.Context, unit string, year int) (*UnitTargets, error) {
	a := giamngheo.ActorFromContext(ctx)
	if a == nil {
		return nil, giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in.")
	}
	if a.ScopeCode != "" && a.ScopeCode != unit {
		ok, err := admin.StoreInScope(ctx, s.Units, a.ScopeCode, unit)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, giamngheo.Errorf(giamngheo.EFORBIDDEN, "Đơn vị %s nằm ngoài phạm vi của tài khoản.", "Unit %s is outside this account's scope.", unit)
		}
	}
	u, err := s.Units.FindUnitByCode(ctx, unit, "")
	if err != nil {
		return nil, err
	}
	province := admin.StoreProvinceOf(ctx, s.Units, u, "")
	p, err := s.FindPlan(ctx, province, year)
	if giamngheo.ErrorCode(err) == giamngheo.ENOTFOUND {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	o, err := s.progressIn(ctx, p, unit)
	if err != nil {
		return nil, err
	}
	out := &UnitTargets{Plan: p, Unit: o.Unit}
	for _, g := range o.Groups {
		out.Actuals = append(out.Actuals, g.Actuals...)
	}
	return out, nil
}

// Gap is how far the actual is from the target, in the target's unit: positive when
// the actual is past the target in the direction the plan wants (above an "at least",
// below an "at most"), negative when it falls short; false when either is unknown.
func (x Actual) Gap() (float64, bool) {
	if x.Target.Value == nil || x.Value == nil {
		return 0, false
	}
	if x.Target.Compare == AtMost {
		return *x.Target.Value - *x.Value, true
	}
	return *x.Value - *x.Target.Value, true
}
