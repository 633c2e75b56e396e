package report

import (
	"context"
	"sort"

	"giamngheo/admin"
)

// buildNation fills t with one row per province of the nation and the total, from the
// roll-ups summed per province in the store (one row per province and measure, never
// the communes' rows in the application). A province that no longer exists at the end
// of the period (merged by the 2025 reorganisation) but still holds flows of the
// period keeps its own row, so that the total is the sum of the rows.
func (s *Service) buildNation(ctx context.Context, def *Definition, t *Table) (*Table, error) {
	t.RowLevel = "province"
	provinces, err := s.Units.FindUnits(ctx, admin.UnitFilter{AsOf: t.To, Level: admin.LevelProvince})
	if err != nil {
		return nil, err
	}
	numbers := map[string]*Numbers{}
	get := func(code string) *Numbers {
		if numbers[code] == nil {
			numbers[code] = newNumbers()
		}
		return numbers[code]
	}
	cells, err := s.Store.RollupProvinceCells(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range cells {
		get(c.ProvinceCode).addCell(c.Status, c.Measure, c.N)
	}
	flows, err := s.Store.RollupProvinceFlows(ctx, t.From, t.To)
	if err != nil {
		return nil, err
	}
	for _, f := range flows {
		get(f.ProvinceCode).addFlow(f.Status, f.Kind, f.Day == "in", f.Households, f.Persons)
	}
	type row struct{ code, name string }
	var rows []row
	seen := map[string]bool{}
	for _, p := range provinces {
		if !seen[p.Code] {
			seen[p.Code] = true
			rows = append(rows, row{p.Code, p.Name})
		}
	}
	var former []row
	for code := range numbers {
		if seen[code] {
			continue
		}
		name := code
		if u, err := s.Units.FindUnitByCode(ctx, code, ""); err == nil {
			name = u.Name
		}
		former = append(former, row{code, name})
	}
	sort.Slice(former, func(i, j int) bool { return former[i].code < former[j].code })
	rows = append(rows, former...)
	total := newNumbers()
	for _, r := range rows {
		n := numbers[r.code]
		if n == nil {
			n = newNumbers()
		}
		total.add(n)
		t.addRows(def, Row{Code: r.code, Name: r.name, Kind: "unit"}, n)
	}
	t.addRows(def, Row{Name: "Tổng cộng", Kind: "total"}, total)
	return t, nil
}
