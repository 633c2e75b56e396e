package support

import (
	"context"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/report"
)

// Measure is an indicator computed live from the registry and the support records.
type Measure string

// The measures the plan's targets can be computed from.
const (
	// MeasurePoorRate is the share of households recognised poor (plan 2023, I.2: down
	// to 1.6%).
	MeasurePoorRate Measure = "poor_rate"
	// MeasureNearPoorRate is the share of households recognised near-poor.
	MeasureNearPoorRate Measure = "near_poor_rate"
	// MeasureHealthInsurance is the share of the persons of recognised poor and near-poor
	// households holding a health-insurance card: by their survey answer, by a card
	// recorded this year, or as children under 6, who receive one from the State budget
	// (Law on Health Insurance, Art. 12) (plan 2023, I.2: 100%).
	MeasureHealthInsurance Measure = "health_insurance"
	// MeasureTuition is the share of the pupils (members attending school) of recognised
	// poor and near-poor households with a tuition exemption recorded this year.
	MeasureTuition Measure = "tuition"
	// MeasureCleanWater is the share of recognised poor and near-poor households not
	// deprived of clean water, or supported with water this year.
	MeasureCleanWater Measure = "clean_water"
	// MeasureCredit is the share of recognised poor and near-poor households with a
	// policy loan recorded this year.
	MeasureCredit Measure = "credit"
	// MeasureTrainees counts the persons of recognised poor and near-poor households
	// with vocational training recorded this year (a count, not a share).
	MeasureTrainees Measure = "trainees"
)

// Value is a computed indicator: Part of Whole (Whole 0 for a count).
type Value struct {
	Part, Whole int
}

// Percent returns the share in percent, or Part for a count.
func (v Value) Percent() float64 {
	if v.Whole == 0 {
		return float64(v.Part)
	}
	return 100 * float64(v.Part) / float64(v.Whole)
}

// Measures computes the live indicators over the actor's scope for the current year.
func (s *Service) Measures(ctx context.Context) (map[Measure]Value, error) {
	ref := giamngheo.Today(s.Now())
	cs, err := s.communes(ctx)
	if err != nil {
		return nil, err
	}
	out, err := s.coverage(ctx, cs, nil, ref.Year(), ref)
	if err != nil {
		return nil, err
	}
	// The rates count every household of the scope: from the maintained roll-ups of its
	// communes (ADR 0009), else one count query each.
	if s.Rollups != nil && cs != nil {
		counts, err := s.Rollups.RollupStatusCounts(ctx, cs, report.MeasureHouseholds)
		if err != nil {
			return nil, err
		}
		var total int
		for _, n := range counts {
			total += int(n)
		}
		poor, near := int(counts[string(poverty.Poor)]), int(counts[string(poverty.NearPoor)])
		out[MeasurePoorRate] = Value{Part: poor, Whole: total}
		out[MeasureNearPoorRate] = Value{Part: near, Whole: total}
		return out, nil
	}
	all := giamngheo.Page{Limit: 1}
	_, total, err := s.Registry.FindHouseholds(ctx, registry.HouseholdFilter{Page: all})
	if err != nil {
		return nil, err
	}
	for m, c := range map[Measure]poverty.Class{MeasurePoorRate: poverty.Poor, MeasureNearPoorRate: poverty.NearPoor} {
		_, n, err := s.Registry.FindHouseholds(ctx, registry.HouseholdFilter{Status: &c, Page: all})
		if err != nil {
			return nil, err
		}
		out[m] = Value{Part: n, Whole: total}
	}
	return out, nil
}

// Coverage computes the coverage measures (not the rates, which the roll-ups answer)
// over the communes under unit ("" the actor's whole scope) for the support recorded
// in year; ages are taken on the last day of year, or today in the current year.
// unit must lie inside the actor's scope.
func (s *Service) Coverage(ctx context.Context, unit string, year int) (map[Measure]Value, error) {
	a := giamngheo.ActorFromContext(ctx)
	if a == nil {
		return nil, giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in.")
	}
	var cs, walk []string
	var err error
	if unit == "" {
		cs, err = s.communes(ctx)
	} else {
		in, err := admin.StoreInScope(ctx, s.Units, a.ScopeCode, unit)
		if err != nil {
			return nil, err
		}
		if !in {
			return nil, giamngheo.Errorf(giamngheo.EFORBIDDEN, "Đơn vị %s nằm ngoài phạm vi của tài khoản.", "Unit %s is outside this account's scope.", unit)
		}
		if cs, err = registry.CommunesUnder(ctx, s.Units, unit); cs == nil {
			cs = []string{}
		}
		walk = cs
	}
	if err != nil {
		return nil, err
	}
	ref := giamngheo.Today(s.Now())
	if year < ref.Year() {
		ref = time.Date(year, time.December, 31, 0, 0, 0, 0, giamngheo.Vietnam)
	}
	return s.coverage(ctx, cs, walk, year, ref)
}

// coverage computes the coverage measures over the communes cs (nil: the whole
// country) for the support recorded in year, with ages on ref, by counting the
// maintained needs of the recognised households (never the households themselves).
// walk is unused since the needs are kept per commune; it stays for the callers.
func (s *Service) coverage(ctx context.Context, cs, walk []string, year int, ref time.Time) (map[Measure]Value, error) {
	_ = walk
	out := map[Measure]Value{}
	if cs != nil && len(cs) == 0 {
		return out, nil
	}
	count := func(f NeedFilter) (int, error) {
		f.CommuneCodes, f.Year = cs, year
		return s.Store.CountNeeds(ctx, f)
	}
	var persons, uncovered, pupils, exempt, households, dry, watered, loans, trained int
	var err error
	// The persons and households of the lists: from the maintained roll-ups when the
	// service has them (two index reads), else counted from the needs.
	counts := []struct {
		n *int
		f NeedFilter
	}{{&persons, NeedFilter{Kind: NeedMember}}, {&households, NeedFilter{Kind: string(GapCredit)}}}
	if s.Rollups != nil && cs != nil {
		for _, c := range []struct {
			n       *int
			measure string
		}{{&persons, report.MeasurePersons}, {&households, report.MeasureHouseholds}} {
			m, err := s.Rollups.RollupStatusCounts(ctx, cs, c.measure)
			if err != nil {
				return nil, err
			}
			*c.n = int(m[string(poverty.Poor)] + m[string(poverty.NearPoor)])
		}
		counts = nil
	}
	for _, q := range append(counts, []struct {
		n *int
		f NeedFilter
	}{
		// Not covered: no card by the survey, no card recorded in the year, and not a
		// child under 6 (Law on Health Insurance, Art. 12: the State budget buys theirs).
		{&uncovered, NeedFilter{Kind: string(GapHealthInsurance), BornAfter: bornBefore(ref, 6), BornThrough: bornBefore(ref, 0), BornOutside: true,
			Types: []string{TypeHealthInsurance}}},
		{&pupils, NeedFilter{Kind: NeedPupil}},
		{&exempt, NeedFilter{Kind: NeedPupil, Types: []string{TypeTuition}, Supported: true}},
		{&dry, NeedFilter{Kind: NeedNoWater}},
		{&watered, NeedFilter{Kind: NeedNoWater, Types: []string{TypeCleanWater, "loan_water"}, Supported: true}},
		{&loans, NeedFilter{Kind: string(GapCredit), Types: loanTypes(), Supported: true}},
		{&trained, NeedFilter{Kind: NeedMember, Types: []string{TypeVocational}, Supported: true}},
	}...) {
		if *q.n, err = count(q.f); err != nil {
			return nil, err
		}
	}
	if households > 0 {
		out[MeasureHealthInsurance] = Value{Part: persons - uncovered, Whole: persons}
		out[MeasureTuition] = Value{Part: exempt, Whole: pupils}
		out[MeasureCleanWater] = Value{Part: households - dry + watered, Whole: households}
		out[MeasureCredit] = Value{Part: loans, Whole: households}
	}
	if trained > 0 {
		out[MeasureTrainees] = Value{Part: trained}
	}
	return out, nil
}
