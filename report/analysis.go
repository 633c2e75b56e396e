package report

import (
	"context"
	"fmt"
	"sort"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/poverty"
)

// ProfileQuery selects deprivation profiles of the roll-ups: Communes nil is every
// commune of the nation; By groups them per "village", "commune", "province", or ""
// for one sum.
type ProfileQuery struct {
	Communes []string
	By       string
}

// ProfileStore reads the households per deprivation profile from the maintained
// roll-ups (ADR 0012), never from the households.
type ProfileStore interface {
	// RollupProfiles sums the profile measures per the query's unit and status.
	RollupProfiles(ctx context.Context, q ProfileQuery) ([]Cell, error)
}

// AFSettings are the operator's defaults of the analysis (cmd: GIAMNGHEO_AF_K,
// GIAMNGHEO_AF_WEIGHTS); zero values take DefaultK and the nested weights.
type AFSettings struct {
	K       float64
	Weights string
}

// AnalysisQuery asks for the analysis of a unit ("" the nation) in a period (a year),
// under a standard ("" the one in force at the period's end), with a cut-off k (0: the
// default) and weights (see ParseWeights; "": the default).
type AnalysisQuery struct {
	Unit     string
	Period   int
	Standard string
	K        float64
	Weights  string
}

// WeightRow is an indicator of the analysis with its dimension and weight.
type WeightRow struct {
	Key       poverty.IndicatorKey `json:"key"`
	Title     string               `json:"title"`
	Dimension string               `json:"dimension"`
	Weight    float64              `json:"weight"`
}

// AnalysisRow is the analysis of one row: a unit, the total, an area (urban, rural)
// or a recognised status. Others counts its households not classified under the
// standard (another standard, or none), left out of AF.
type AnalysisRow struct {
	Code   string `json:"code,omitempty"`
	Name   string `json:"name"`
	Kind   string `json:"kind"` // "unit", "total", "area" or "status"
	Others int64  `json:"others"`
	AF
}

// Analysis is the Alkire–Foster analysis of a unit: its rows (villages of a commune,
// communes of a province, provinces of the nation) and total, the urban/rural split,
// and the split by recognised status (the legal class beside the measure).
type Analysis struct {
	Unit         string        `json:"unit"`
	UnitName     string        `json:"unit_name"`
	Period       int           `json:"period"`
	Standard     string        `json:"standard"`
	StandardName string        `json:"standard_name"`
	K            float64       `json:"k"`
	WeightsName  string        `json:"weights_name"`
	RowLevel     string        `json:"row_level"`
	Indicators   []WeightRow   `json:"indicators"`
	Rows         []AnalysisRow `json:"rows"`
	Areas        []AnalysisRow `json:"areas"`
	Statuses     []AnalysisRow `json:"statuses"`
}

// Analysis computes the Alkire–Foster analysis of q.Unit inside the actor's scope, from
// the roll-ups' deprivation profiles.
func (s *Service) Analysis(ctx context.Context, q AnalysisQuery) (*Analysis, error) {
	ps, ok := s.Store.(ProfileStore)
	if !ok {
		return nil, fmt.Errorf("report: the store keeps no deprivation profiles")
	}
	if q.Period < 2000 || q.Period > 2100 {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Kỳ báo cáo phải là một năm (2025).", "The period must be a year (2025).")
	}
	if err := giamngheo.RequireScope(ctx, s.InScope, q.Unit); err != nil {
		return nil, err
	}
	to := fmt.Sprintf("%04d-12-31", q.Period)
	std, err := analysisStandard(q.Standard, q.Period)
	if err != nil {
		return nil, err
	}
	k := q.K
	if k == 0 {
		k = s.AF.K
	}
	if k == 0 {
		k = DefaultK
	}
	wname := q.Weights
	if wname == "" {
		wname = s.AF.Weights
	}
	w, err := ParseWeights(wname, std)
	if err != nil {
		return nil, err
	}
	if wname == "" {
		wname = "dimension"
	}
	a := &Analysis{Unit: q.Unit, UnitName: "Toàn quốc", Period: q.Period, Standard: std.ID, StandardName: std.Name.VI, K: k, WeightsName: wname}
	order := make([]poverty.IndicatorKey, len(std.Indicators))
	for i, spec := range std.Indicators {
		order[i] = spec.Key
		a.Indicators = append(a.Indicators, WeightRow{Key: spec.Key, Title: IndicatorTitle(spec.Key), Dimension: spec.Dimension.VI, Weight: w[spec.Key]})
	}
	row := func(code, name, kind string, p Profiles) (AnalysisRow, error) {
		profiles, others := p.Of(std.ID)
		r, err := ComputeAF(profiles, k, w, order)
		return AnalysisRow{Code: code, Name: name, Kind: kind, Others: others, AF: r}, err
	}
	type unitRow struct {
		code, name string
		urban      bool
	}
	var units []unitRow
	var query ProfileQuery
	keyOf := func(c Cell) string { return c.ProvinceCode }
	urban := Profiles{}
	haveUrban := false // whether urban is summed from the rows
	if q.Unit == "" {
		a.RowLevel, query.By = "province", "province"
		provinces, err := s.Units.FindUnits(ctx, admin.UnitFilter{AsOf: to, Level: admin.LevelProvince})
		if err != nil {
			return nil, err
		}
		for _, p := range provinces {
			units = append(units, unitRow{code: p.Code, name: p.Name})
		}
		// The nation's urban part: the urban communes' profiles in one sum.
		communes, err := s.Units.FindUnits(ctx, admin.UnitFilter{AsOf: to, Level: admin.LevelCommune})
		if err != nil {
			return nil, err
		}
		codes := []string{}
		for _, c := range communes {
			if c.Urban() {
				codes = append(codes, c.Code)
			}
		}
		cells, err := ps.RollupProfiles(ctx, ProfileQuery{Communes: codes})
		if err != nil {
			return nil, err
		}
		for _, c := range cells {
			urban[c.Measure] += c.N
		}
	} else {
		u, err := s.Units.FindUnitByCode(ctx, q.Unit, to)
		if err != nil {
			return nil, err
		}
		a.UnitName = u.Name
		haveUrban = true
		if u.Level == admin.LevelCommune {
			a.RowLevel, query = "village", ProfileQuery{Communes: []string{u.Code}, By: "village"}
			keyOf = func(c Cell) string { return fmt.Sprint(c.VillageID) }
			vs, err := s.Units.FindVillages(ctx, u.Code)
			if err != nil {
				return nil, err
			}
			for _, v := range vs {
				units = append(units, unitRow{code: fmt.Sprint(v.ID), name: v.Name, urban: u.Urban()})
			}
			units = append(units, unitRow{code: "0", name: "Chưa gắn thôn", urban: u.Urban()})
		} else {
			a.RowLevel, query = "commune", ProfileQuery{Communes: []string{}, By: "commune"}
			keyOf = func(c Cell) string { return c.CommuneCode }
			cs, err := s.Units.FindUnits(ctx, admin.UnitFilter{AsOf: to, Level: admin.LevelCommune, Province: provinceOf(u)})
			if err != nil {
				return nil, err
			}
			for _, c := range cs {
				if u.Level == admin.LevelDistrict && c.ParentCode != u.Code {
					continue
				}
				units = append(units, unitRow{code: c.Code, name: c.Name, urban: c.Urban()})
				query.Communes = append(query.Communes, c.Code)
			}
		}
	}
	cells, err := ps.RollupProfiles(ctx, query)
	if err != nil {
		return nil, err
	}
	perUnit, perStatus, total := map[string]Profiles{}, map[string]Profiles{}, Profiles{}
	for _, c := range cells {
		k := keyOf(c)
		if perUnit[k] == nil {
			perUnit[k] = Profiles{}
		}
		perUnit[k][c.Measure] += c.N
		if perStatus[c.Status] == nil {
			perStatus[c.Status] = Profiles{}
		}
		perStatus[c.Status][c.Measure] += c.N
	}
	// Units that hold households but are not among the units at the period's end (a
	// province merged by the 2025 reorganisation) keep their own row, so that the total
	// is the sum of the rows.
	seen := map[string]bool{}
	for _, u := range units {
		seen[u.code] = true
	}
	var former []unitRow
	for code := range perUnit {
		if !seen[code] {
			name := code
			if q.Unit == "" {
				if fu, err := s.Units.FindUnitByCode(ctx, code, ""); err == nil {
					name = fu.Name
				}
			}
			former = append(former, unitRow{code: code, name: name})
		}
	}
	sort.Slice(former, func(i, j int) bool { return former[i].code < former[j].code })
	units = append(units, former...)
	for _, u := range units {
		p := perUnit[u.code]
		if p == nil {
			p = Profiles{}
		}
		total.Add(p)
		if haveUrban && u.urban {
			urban.Add(p)
		}
		r, err := row(u.code, u.name, "unit", p)
		if err != nil {
			return nil, err
		}
		a.Rows = append(a.Rows, r)
	}
	r, err := row("", "Tổng cộng", "total", total)
	if err != nil {
		return nil, err
	}
	a.Rows = append(a.Rows, r)
	rural := Profiles{}
	rural.Add(total)
	for m, n := range urban {
		rural[m] -= n
	}
	for _, x := range []struct {
		code, name string
		p          Profiles
	}{{"urban", "Thành thị", urban}, {"rural", "Nông thôn", rural}} {
		r, err := row(x.code, x.name, "area", x.p)
		if err != nil {
			return nil, err
		}
		a.Areas = append(a.Areas, r)
	}
	for _, x := range []struct{ code, name string }{{poor, "Hộ nghèo"}, {nearPoor, "Hộ cận nghèo"}, {"", "Hộ khác"}} {
		p := perStatus[x.code]
		if p == nil {
			p = Profiles{}
		}
		r, err := row(x.code, x.name, "status", p)
		if err != nil {
			return nil, err
		}
		a.Statuses = append(a.Statuses, r)
	}
	return a, nil
}

// analysisStandard is the standard named id, or the one in force at the end of the
// period.
func analysisStandard(id string, period int) (*poverty.Standard, error) {
	if id != "" {
		return poverty.StandardByID(id)
	}
	return poverty.StandardInForce(time.Date(period, 12, 31, 12, 0, 0, 0, time.UTC))
}
