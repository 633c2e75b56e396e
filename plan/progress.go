package plan

import (
	"context"
	"math"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/report"
	"giamngheo/support"
)

// The states of a target against its actual.
const (
	StateMet      = "met"       // the actual meets the target
	StateNotMet   = "not_met"   // it does not yet
	StateNoTarget = "no_target" // the plan gives no figure: the actual is shown alone
	StateNoData   = "no_data"   // nothing entered yet
)

// Actual is a target and its actual value.
type Actual struct {
	Target Target
	// Value is the actual (a percent for a share); nil when nothing is known.
	Value *float64
	// Part and Whole are a computed share's counts (Whole 0 for a count).
	Part, Whole int
	// Figure is the entered figure the value comes from (nil for a computed one).
	Figure *Figure
	State  string
}

// Group is an activity area (or, with an empty Area.Code, the plan's general
// targets) with its targets against their actuals and its budget lines.
type Group struct {
	Area    Area
	Actuals []Actual
	Budget  []BudgetRow
}

// BudgetRow is a budget line and the money the agencies' reports say was disbursed
// and settled for its area and source.
type BudgetRow struct {
	BudgetLine
	ReportedDisbursed, ReportedSettled int64
}

// Overview is a plan's targets against their actuals, by activity area.
type Overview struct {
	Plan *Plan
	// Unit is the unit the computed actuals are of: the province, or the unit of an
	// officer below it (a commune officer sees its commune's).
	Unit    string
	Groups  []Group
	Reports []ReportStatus
	// Reported is the money of the reports by area (and source) with no budget line.
	Unbudgeted []MoneyLine
}

// Progress computes the plan's targets against their actuals: the computed ones live
// from the support records and the registry of the province (the poor-household
// rate summed from the maintained roll-ups), the entered ones from the latest figure
// of their agency.
func (s *Service) Progress(ctx context.Context, p *Plan) (*Overview, error) {
	unit := p.ProvinceCode
	if a := giamngheo.ActorFromContext(ctx); a != nil && a.ScopeCode != "" && a.ScopeCode != unit {
		unit = a.ScopeCode
	}
	return s.progressIn(ctx, p, unit)
}

// progressIn is Progress with the computed actuals of unit (the province or a unit
// under it; the caller has checked that the actor may read it).
func (s *Service) progressIn(ctx context.Context, p *Plan, unit string) (*Overview, error) {
	figs, err := s.Figures(ctx, p)
	if err != nil {
		return nil, err
	}
	var live map[support.Measure]support.Value
	needs := map[support.Measure]bool{}
	for _, t := range p.Targets {
		if t.Source == SourceComputed {
			needs[t.Measure] = true
		}
	}
	if len(needs) > 0 {
		if live, err = s.Support.Coverage(ctx, unit, p.Year); err != nil {
			return nil, err
		}
		if needs[support.MeasurePoorRate] || needs[support.MeasureNearPoorRate] {
			poor, near, total, err := s.listShares(ctx, unit)
			if err != nil {
				return nil, err
			}
			live[support.MeasurePoorRate] = support.Value{Part: poor, Whole: total}
			live[support.MeasureNearPoorRate] = support.Value{Part: near, Whole: total}
		}
	}
	o := &Overview{Plan: p, Unit: unit}
	groups := []Group{{Area: Area{Title: "Chỉ tiêu chung"}}}
	at := map[string]int{"": 0}
	for _, a := range p.Areas {
		at[a.Code] = len(groups)
		groups = append(groups, Group{Area: a})
	}
	for _, t := range p.Targets {
		x := Actual{Target: t}
		if t.Source == SourceComputed {
			// A count no record adds to is 0; a share of nobody is unknown.
			if v, ok := live[t.Measure]; ok || !isShare(t.Measure) {
				x.Part, x.Whole = v.Part, v.Whole
				if v.Whole > 0 || !isShare(t.Measure) {
					pct := v.Percent()
					x.Value = &pct
				}
			}
		} else if f := figs[t.Code]; f != nil {
			x.Figure = f
			v := f.Value
			x.Value = &v
		}
		x.State = state(t, x.Value)
		g := at[t.Area]
		groups[g].Actuals = append(groups[g].Actuals, x)
	}
	if o.Reports, err = s.ReportStatuses(ctx, p); err != nil {
		return nil, err
	}
	type key struct {
		area   string
		source FundSource
	}
	reported := map[key]MoneyLine{}
	for _, st := range o.Reports {
		if st.Report == nil {
			continue
		}
		for _, m := range st.Report.Money {
			k := key{m.Area, m.Source}
			r := reported[k]
			r.Area, r.Source = m.Area, m.Source
			r.Disbursed += m.Disbursed
			r.Settled += m.Settled
			reported[k] = r
		}
	}
	for _, b := range p.Budget {
		k := key{b.Area, b.Source}
		r := reported[k]
		delete(reported, k)
		g := at[b.Area]
		groups[g].Budget = append(groups[g].Budget, BudgetRow{BudgetLine: b, ReportedDisbursed: r.Disbursed, ReportedSettled: r.Settled})
	}
	for _, a := range append([]Area{{}}, p.Areas...) {
		for _, f := range FundSources {
			if m, ok := reported[key{a.Code, f.Source}]; ok {
				o.Unbudgeted = append(o.Unbudgeted, m)
			}
		}
	}
	if len(groups[0].Actuals) == 0 && len(groups[0].Budget) == 0 {
		groups = groups[1:]
	}
	o.Groups = groups
	return o, nil
}

func isShare(m support.Measure) bool { return m != support.MeasureTrainees }

// state compares an actual with its target; shares are compared at the one decimal
// they are shown with.
func state(t Target, v *float64) string {
	switch {
	case t.Value == nil:
		return StateNoTarget
	case v == nil:
		return StateNoData
	}
	a := math.Round(*v*10) / 10
	if (t.Compare == AtMost && a <= *t.Value) || (t.Compare != AtMost && a >= *t.Value) {
		return StateMet
	}
	return StateNotMet
}

// listShares sums the maintained roll-ups of the province's communes: households on
// the poor list, on the near-poor list, and all households (issue 14, ADR 0009).
func (s *Service) listShares(ctx context.Context, unit string) (poor, near, total int, err error) {
	cs, err := registry.CommunesUnder(ctx, s.Units, unit)
	if err != nil || len(cs) == 0 {
		return 0, 0, 0, err
	}
	counts, err := s.Rollups.RollupStatusCounts(ctx, cs, report.MeasureHouseholds)
	if err != nil {
		return 0, 0, 0, err
	}
	for _, n := range counts {
		total += int(n)
	}
	return int(counts[string(poverty.Poor)]), int(counts[string(poverty.NearPoor)]), total, nil
}
