package storetest

import (
	"context"
	"math"
	"testing"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/poverty"
	"giamngheo/report"
)

// checkAnalysis: the Alkire–Foster analysis read from the roll-ups' deprivation
// profiles (ADR 0012) equals the one computed from the households themselves, per
// commune, for the total, the urban/rural split (10813 was a township, urban, in 2024)
// and the recognised statuses; the nation's total equals the province's.
func checkAnalysis(t *testing.T, s Store, ids []int64) {
	ctx := giamngheo.NewContextWithActor(context.Background(), giamngheo.System)
	svc := &report.Service{Store: s, Units: s, InScope: func(ctx context.Context, scope, unit string) (bool, error) {
		return admin.StoreInScope(ctx, s, scope, unit)
	}}
	std, err := poverty.StandardByID("2022-2026")
	MustOK(t, err)
	w := report.NestedWeights(std)
	var order []poverty.IndicatorKey
	for _, x := range std.Indicators {
		order = append(order, x.Key)
	}
	// The households as they are, grouped by commune, area (2024) and status.
	byCommune, byArea, byStatus := map[string][]report.Profile{}, map[string][]report.Profile{}, map[string][]report.Profile{}
	var all []report.Profile
	for _, id := range ids {
		h, err := s.FindHouseholdByID(ctx, id)
		MustOK(t, err)
		if h.Result == nil || h.Result.Standard != std.ID {
			t.Fatalf("household %d: result %+v, want one under %s", id, h.Result, std.ID)
		}
		p := report.Profile{Deprived: h.Result.Deprived.Keys(), N: 1}
		byCommune[h.CommuneCode] = append(byCommune[h.CommuneCode], p)
		area := "rural"
		if h.CommuneCode == "10813" {
			area = "urban"
		}
		byArea[area] = append(byArea[area], p)
		byStatus[string(h.Recognised.Class)] = append(byStatus[string(h.Recognised.Class)], p)
		all = append(all, p)
	}
	want := func(ps []report.Profile, k float64) report.AF {
		r, err := report.ComputeAF(ps, k, w, order)
		MustOK(t, err)
		return r
	}
	same := func(what string, got report.AnalysisRow, want report.AF) {
		t.Helper()
		if got.Households != want.Households || got.Poor != want.Poor || math.Abs(got.M0-want.M0) > 1e-12 || got.Others != 0 {
			t.Fatalf("%s: roll-ups give n=%d q=%d M0=%v others=%d, the households n=%d q=%d M0=%v",
				what, got.Households, got.Poor, got.M0, got.Others, want.Households, want.Poor, want.M0)
		}
		for i, x := range got.Indicators {
			if x.PoorDeprived != want.Indicators[i].PoorDeprived || x.Deprived != want.Indicators[i].Deprived {
				t.Fatalf("%s, %s: roll-ups %+v, households %+v", what, x.Key, x, want.Indicators[i])
			}
		}
	}
	for _, k := range []float64{0, 0.25, 0.5} {
		kk := k
		if kk == 0 {
			kk = report.DefaultK
		}
		a, err := svc.Analysis(ctx, report.AnalysisQuery{Unit: "30", Period: 2024, K: k})
		MustOK(t, err)
		if a.RowLevel != "commune" || len(a.Rows) != 3 || a.Standard != std.ID {
			t.Fatalf("analysis of 30 in 2024: %s rows %d standard %s", a.RowLevel, len(a.Rows), a.Standard)
		}
		for _, r := range a.Rows[:2] {
			same("commune "+r.Code, r, want(byCommune[r.Code], kk))
		}
		same("total", a.Rows[2], want(all, kk))
		same("urban", a.Areas[0], want(byArea["urban"], kk))
		same("rural", a.Areas[1], want(byArea["rural"], kk))
		if a.Areas[0].Households == 0 || a.Areas[1].Households == 0 {
			t.Fatalf("urban/rural split is empty on one side: %+v", a.Areas)
		}
		for _, st := range a.Statuses {
			same("status "+st.Code, st, want(byStatus[st.Code], kk))
		}
		// The random answers deprive a household of at most five indicators of twelve.
		if a.Statuses[0].Households == 0 || (k < 0.5 && a.Rows[2].Poor == 0) {
			t.Fatalf("analysis without poor households: %+v", a.Statuses)
		}
	}
	// The nation (rows per province) totals what the province does; after the reform
	// both communes are rural.
	nation, err := svc.Analysis(ctx, report.AnalysisQuery{Period: 2026})
	MustOK(t, err)
	same("nation", nation.Rows[len(nation.Rows)-1], want(all, report.DefaultK))
	same("nation rural", nation.Areas[1], want(all, report.DefaultK))
	// Households classified under another standard are counted apart.
	later, err := svc.Analysis(ctx, report.AnalysisQuery{Unit: "31", Period: 2027})
	MustOK(t, err)
	if tot := later.Rows[len(later.Rows)-1]; tot.Households != 0 || tot.Others != int64(len(all)) {
		t.Fatalf("2027-2030 analysis of households classified under 2022-2026: n=%d others=%d", tot.Households, tot.Others)
	}
	// Out of scope: refused.
	commune := giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{UserID: 9, Role: giamngheo.RoleCommuneOfficer, ScopeCode: "10816"})
	_, err = svc.Analysis(commune, report.AnalysisQuery{Unit: "10813", Period: 2026})
	MustCode(t, err, giamngheo.EFORBIDDEN)
}
