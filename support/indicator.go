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
		cells, err := s.Rollups.RollupCells(ctx, cs, false)
		if err != nil {
			return nil, err
		}
		var poor, near, total int
		for _, c := range cells {
			if c.Measure != report.MeasureHouseholds {
				continue
			}
			total += int(c.N)
			switch c.Status {
			case string(poverty.Poor):
				poor += int(c.N)
			case string(poverty.NearPoor):
				near += int(c.N)
			}
		}
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

// coverage computes the coverage measures over the communes cs (nil: the actor's
// scope) for the support recorded in year, with ages on ref. walk is the communes of
// the households' walk: nil when cs is the actor's whole scope, which the registry
// then resolves once instead of checking each commune.
func (s *Service) coverage(ctx context.Context, cs, walk []string, year int, ref time.Time) (map[Measure]Value, error) {
	out := map[Measure]Value{}
	if cs != nil && len(cs) == 0 {
		return out, nil
	}
	keys := func(types ...string) (map[Key]bool, error) {
		return s.Store.SupportedKeys(ctx, Filter{CommuneCodes: cs, Year: year, Types: types})
	}
	cards, err := keys(TypeHealthInsurance)
	if err != nil {
		return nil, err
	}
	tuition, err := keys(TypeTuition)
	if err != nil {
		return nil, err
	}
	water, err := keys(TypeCleanWater, "loan_water")
	if err != nil {
		return nil, err
	}
	loans, err := keys(loanTypes()...)
	if err != nil {
		return nil, err
	}
	trained, err := keys(TypeVocational)
	if err != nil {
		return nil, err
	}
	for _, c := range []poverty.Class{poverty.Poor, poverty.NearPoor} {
		err := s.Registry.EachHousehold(ctx, registry.HouseholdFilter{Status: &c, CommuneCodes: walk}, func(h *registry.Household) error {
			v := out[MeasureHealthInsurance]
			t := out[MeasureTuition]
			for _, m := range h.Members {
				k := Key{h.ID, PersonKey(m.Name, m.BirthDate)}
				v.Whole++
				age := ageOn(m.BirthDate, ref)
				if (m.HealthInsurance != nil && *m.HealthInsurance) || cards[k] || (age >= 0 && age < 6) {
					v.Part++
				}
				if m.Schooling == poverty.SchoolingStudying || m.Schooling == poverty.SchoolingStudyingBelowLevel {
					t.Whole++
					if tuition[k] {
						t.Part++
					}
				}
				if trained[k] {
					out[MeasureTrainees] = Value{Part: out[MeasureTrainees].Part + 1}
				}
			}
			out[MeasureHealthInsurance], out[MeasureTuition] = v, t
			hk := Key{h.ID, ""}
			w := out[MeasureCleanWater]
			w.Whole++
			if h.Result == nil || !h.Result.Deprived.Has(poverty.IndicatorWater) || water[hk] {
				w.Part++
			}
			out[MeasureCleanWater] = w
			l := out[MeasureCredit]
			l.Whole++
			if loans[hk] {
				l.Part++
			}
			out[MeasureCredit] = l
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
