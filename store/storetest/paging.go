package storetest

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/report"
	"giamngheo/vntext"
)

// testHouseholdPaging: keyset pages (issue 13 item 8) walk a list in its order without
// a gap or a repeat, in every order and with filters; bounded totals; the search
// without diacritics through the search index (kept by a large import, a creation and
// an edit); the roll-up measure "differs".
func testHouseholdPaging(t *testing.T, s Store) {
	ctx := context.Background()
	sys := giamngheo.NewContextWithActor(ctx, giamngheo.System)
	svc, c := onFixture(t, s)

	pre := newHousehold("PRE-1", 36_000_000)
	pre.HeadName, pre.Members[0].Name, pre.Members[0].NationalID = "Phạm Thị Ngọc", "Phạm Thị Ngọc", "030199000001"
	MustOK(t, c.Prepare(ctx, pre))
	pre.CreatedAt, pre.UpdatedAt, pre.Version = t0, t0, 1
	MustOK(t, s.CreateHousehold(ctx, pre))

	// 40 households in a file out of commune order, imported as a large import (the
	// SQLite store then rebuilds its indexes and the search index at the end).
	var hs []*registry.Household
	for i := range 40 {
		code, commune := fmt.Sprintf("K-%03d", i), "10816"
		if i%3 == 1 {
			code, commune = fmt.Sprintf("K-%03d", 100+i), "10813"
		}
		income := int64(36_000_000)
		if i%5 == 0 {
			income = 3 * 9_000_000 * 12
		}
		h := newHousehold(code, income)
		h.CommuneCode = commune
		if i%3 == 2 { // clean water: not on the list of those lacking it
			h.Survey.WaterSource = poverty.WaterTap
		}
		name := fmt.Sprintf("Trần Văn Số%d", i)
		if i%4 == 0 {
			name = fmt.Sprintf("Lê Thị Ánh%d", i)
		}
		h.HeadName, h.Members[0].Name, h.Members[0].NationalID = name, name, fmt.Sprintf("0300800%05d", i)
		MustOK(t, c.Prepare(sys, h))
		h.CreatedAt, h.UpdatedAt, h.Version = t0, t0, 1
		hs = append(hs, h)
	}
	MustOK(t, s.WithTx(sys, func(ctx context.Context) error {
		mark, err := s.BeginImport(ctx, 50_000)
		if err != nil {
			return err
		}
		if _, err := svc.ImportBatch(ctx, hs); err != nil {
			return err
		}
		return s.FinishImport(ctx, mark, true)
	}))
	all := append([]*registry.Household{pre}, hs...)
	for _, h := range hs {
		// The import stored the file in commune order, with new ids.
		got, err := s.FindHouseholdByCode(ctx, "31", h.Code)
		MustOK(t, err)
		h.ID = got.ID
	}

	// walk reads every page of f, limit households at a time, by cursor.
	walk := func(f registry.HouseholdFilter, limit int) []string {
		t.Helper()
		var codes []string
		f.Page.Limit, f.CountUpTo = limit, -1
		for range 100 {
			page, total, err := s.FindHouseholds(ctx, f)
			MustOK(t, err)
			if total != -1 {
				t.Fatalf("CountUpTo -1 gave the total %d", total)
			}
			for _, h := range page {
				codes = append(codes, h.Code)
			}
			if len(page) < limit {
				return codes
			}
			f.After = f.CursorAfter(page[len(page)-1])
			// The cursor travels as a URL parameter.
			f.After, err = registry.ParseHouseholdCursor(f.After.String())
			MustOK(t, err)
		}
		t.Fatal("the pages never end")
		return nil
	}
	// want lists the households of all that keep is true for, sorted by less.
	want := func(keep func(*registry.Household) bool, less func(a, b *registry.Household) bool) []string {
		var sel []*registry.Household
		for _, h := range all {
			if keep(h) {
				sel = append(sel, h)
			}
		}
		sort.SliceStable(sel, func(i, j int) bool { return less(sel[i], sel[j]) })
		var out []string
		for _, h := range sel {
			out = append(out, h.Code)
		}
		return out
	}
	byAdmin := func(a, b *registry.Household) bool {
		return a.CommuneCode < b.CommuneCode || a.CommuneCode == b.CommuneCode && a.Code < b.Code
	}
	any := func(*registry.Household) bool { return true }
	poor := poverty.Poor
	isPoor := func(h *registry.Household) bool { return h.Result.Class == poverty.Poor }

	for _, tc := range []struct {
		name  string
		f     registry.HouseholdFilter
		limit int
		want  []string
	}{
		{"province, two communes", registry.HouseholdFilter{CommuneCodes: []string{"10816", "10813"}}, 7, want(any, byAdmin)},
		{"whole country", registry.HouseholdFilter{}, 6, want(any, byAdmin)},
		{"page size of the list", registry.HouseholdFilter{CommuneCodes: []string{"10813", "10816"}}, 41, want(any, byAdmin)},
		{"one commune", registry.HouseholdFilter{CommuneCodes: []string{"10813"}}, 4, want(func(h *registry.Household) bool { return h.CommuneCode == "10813" }, byAdmin)},
		{"survey class, two communes", registry.HouseholdFilter{CommuneCodes: []string{"10816", "10813"}, Class: &poor}, 5, want(isPoor, byAdmin)},
		{"differs", registry.HouseholdFilter{CommuneCodes: []string{"10816", "10813"}, Differs: true}, 5, want(isPoor, byAdmin)},
		// PostgreSQL reads the keys of such a page first (keysFirst).
		{"lacking clean water, two communes", registry.HouseholdFilter{CommuneCodes: []string{"10816", "10813"}, Indicator: poverty.IndicatorWater}, 4,
			want(func(h *registry.Household) bool { return h.Survey.WaterSource != poverty.WaterTap }, byAdmin)},
		{"lacking clean water, whole country", registry.HouseholdFilter{Indicator: poverty.IndicatorWater}, 6,
			want(func(h *registry.Household) bool { return h.Survey.WaterSource != poverty.WaterTap }, byAdmin)},
		{"by name, two communes", registry.HouseholdFilter{CommuneCodes: []string{"10816", "10813"}, SortByName: true}, 4,
			want(any, func(a, b *registry.Household) bool {
				ka, kb := vntext.NameKey(a.HeadName), vntext.NameKey(b.HeadName)
				return ka < kb || ka == kb && byAdmin(a, b)
			})},
	} {
		if got := walk(tc.f, tc.limit); !slices.Equal(got, tc.want) {
			t.Errorf("%s: pages give\n%v\nwant\n%v", tc.name, got, tc.want)
		}
		summary := tc.f
		summary.Summary = true
		if got := walk(summary, tc.limit); !slices.Equal(got, tc.want) {
			t.Errorf("%s, summary lines: pages give\n%v\nwant\n%v", tc.name, got, tc.want)
		}
	}

	// A summary line holds what a list shows, as the full household says it.
	full, _, err := s.FindHouseholds(ctx, registry.HouseholdFilter{CommuneCodes: []string{"10816", "10813"}, Page: giamngheo.Page{Limit: 500}})
	MustOK(t, err)
	lines, _, err := s.FindHouseholds(ctx, registry.HouseholdFilter{CommuneCodes: []string{"10816", "10813"}, Page: giamngheo.Page{Limit: 500}, Summary: true})
	MustOK(t, err)
	if len(lines) != len(full) || len(full) < 20 {
		t.Fatalf("summary lines %d, full %d", len(lines), len(full))
	}
	withResult := 0
	for i, h := range full {
		l := lines[i]
		if l.ID != h.ID || l.Code != h.Code || l.CommuneCode != h.CommuneCode || l.HeadName != h.HeadName || l.VillageName != h.VillageName ||
			l.VillageID != h.VillageID || l.Version != h.Version || l.Recognised.Class != h.Recognised.Class || l.NeedsReview() != h.NeedsReview() {
			t.Fatalf("summary line %+v differs from the household %+v", l, h)
		}
		if (l.Result == nil) != (h.Result == nil) {
			t.Fatalf("summary line %s: result %v, household's %v", l.Code, l.Result, h.Result)
		}
		if h.Result != nil {
			withResult++
			if l.Result.Class != h.Result.Class || l.Result.DeprivationCount != h.Result.DeprivationCount {
				t.Fatalf("summary line %s: %s/%d, household %s/%d", l.Code, l.Result.Class, l.Result.DeprivationCount, h.Result.Class, h.Result.DeprivationCount)
			}
		}
	}
	if withResult == 0 {
		t.Fatal("no household of the fixture has a survey result")
	}

	// Totals: exact, bounded ("more than n"), or none.
	f := registry.HouseholdFilter{CommuneCodes: []string{"10816", "10813"}, Class: &poor, Page: giamngheo.Page{Limit: 2}}
	_, exact, err := s.FindHouseholds(ctx, f)
	MustOK(t, err)
	if n := len(want(isPoor, byAdmin)); exact != n || n < 10 {
		t.Fatalf("exact total %d, want %d", exact, n)
	}
	f.CountUpTo = 5
	if _, n, err := s.FindHouseholds(ctx, f); err != nil || n != 6 {
		t.Fatalf("total counted up to 5 = %d (%v), want 6 (more than 5)", n, err)
	}
	f.CountUpTo = 500
	if _, n, err := s.FindHouseholds(ctx, f); err != nil || n != exact {
		t.Fatalf("total counted up to 500 = %d (%v), want %d", n, err, exact)
	}

	// Search without diacritics, from the search index, in entry order, by page.
	matches := func(q string, commune string) func(*registry.Household) bool {
		return func(h *registry.Household) bool {
			return (commune == "" || h.CommuneCode == commune) && strings.Contains(registry.SearchText(h), vntext.Fold(q))
		}
	}
	byID := func(a, b *registry.Household) bool { return a.ID < b.ID }
	for _, tc := range []struct {
		q, commune string
		limit      int
		n          int // at least
	}{
		{"tran van so1", "", 3, 9},      // Số1, Số10–Số19 but not the Lê Thị Ánh of every fourth
		{"TRẦN VĂN SỐ1", "10813", 2, 3}, // upper case, with diacritics, one commune
		{"le thi anh", "", 4, 10},       // the heads of every fourth household
		{"0300800000", "", 3, 10},       // national ID prefix
		{"k-00", "", 4, 5},              // household code prefix
		{"le thi an", "", 3, 10},        // the last word by its beginning
		{"nguyen van", "", 7, 41},       // every household: Nguyễn Văn An is a member of each
		{"ngoc", "", 1, 1},              // created one by one, not imported
		{"khong ai ten nay", "", 5, 0},  // no match
	} {
		f := registry.HouseholdFilter{Query: tc.q}
		if tc.commune != "" {
			f.CommuneCodes = []string{tc.commune}
		}
		exp := want(matches(tc.q, tc.commune), byID)
		if len(exp) < tc.n {
			t.Fatalf("search %q: the fixture has %d matches, want at least %d", tc.q, len(exp), tc.n)
		}
		if got := walk(f, tc.limit); !slices.Equal(got, exp) {
			t.Errorf("search %q in %q: pages give %v, want %v", tc.q, tc.commune, got, exp)
		}
		f.Page.Limit = 1
		if _, n, err := s.FindHouseholds(ctx, f); err != nil || n != len(exp) {
			t.Errorf("search %q: total %d (%v), want %d", tc.q, n, err, len(exp))
		}
		// The first page with a total counted up to a bound (what the list shows), the
		// full rows and the summary: the walked list's start, and the bounded count.
		for _, bound := range []int{2, 5, 100} {
			for _, summary := range []bool{false, true} {
				g := registry.HouseholdFilter{Query: f.Query, CommuneCodes: f.CommuneCodes, CountUpTo: bound, Summary: summary}
				g.Page.Limit = tc.limit
				page, n, err := s.FindHouseholds(ctx, g)
				MustOK(t, err)
				var codes []string
				for _, h := range page {
					codes = append(codes, h.Code)
					if h.HeadName == "" || h.CommuneCode == "" {
						t.Fatalf("search %q: a row without its head or commune: %+v", tc.q, h)
					}
				}
				if wantN := min(len(exp), bound+1); n != wantN || !slices.Equal(codes, exp[:min(len(exp), tc.limit)]) {
					t.Errorf("search %q up to %d (summary %v): %v, total %d; want %v, %d", tc.q, bound, summary, codes, n, exp[:min(len(exp), tc.limit)], wantN)
				}
			}
		}
	}

	// An edit keeps the search index: the old name is no longer found, the new one is.
	pre.HeadName, pre.Members[0].Name = "Đỗ Văn Mới", "Đỗ Văn Mới"
	MustOK(t, c.Prepare(ctx, pre))
	pre.Version++
	MustOK(t, s.SaveHousehold(ctx, pre))
	for q, n := range map[string]int{"pham thi ngoc": 0, "do van moi": 1} {
		if got, _, err := s.FindHouseholds(ctx, registry.HouseholdFilter{Query: q}); err != nil || len(got) != n {
			t.Errorf("after the edit, search %q found %d (%v), want %d", q, len(got), err, n)
		}
	}

	// The roll-up measure "differs" counts what the filter lists.
	_, differs, err := s.FindHouseholds(ctx, registry.HouseholdFilter{CommuneCodes: []string{"10816", "10813"}, Differs: true})
	MustOK(t, err)
	cells, err := s.RollupCells(ctx, []string{"10816", "10813"}, false)
	MustOK(t, err)
	var measured int64
	for _, cl := range cells {
		if cl.Measure == report.MeasureDiffers {
			measured += cl.N
		}
	}
	if differs == 0 || measured != int64(differs) {
		t.Fatalf("roll-up measure differs = %d, the filter lists %d", measured, differs)
	}
	type totaler interface {
		RollupTotals(ctx context.Context, communes []string, village *int64, measures []string) ([]report.Cell, error)
	}
	if tt, ok := s.(totaler); ok {
		for _, communes := range [][]string{nil, {"10816", "10813"}} {
			cells, err := tt.RollupTotals(ctx, communes, nil, []string{report.MeasureDiffers, report.MeasureHouseholds})
			MustOK(t, err)
			sum := map[string]int64{}
			for _, cl := range cells {
				sum[cl.Measure] += cl.N
			}
			if sum[report.MeasureDiffers] != int64(differs) || sum[report.MeasureHouseholds] != int64(len(all)) {
				t.Fatalf("RollupTotals(%v) = %v, want %d differing of %d", communes, sum, differs, len(all))
			}
		}
	}
	mism, err := s.VerifyRollups(ctx)
	MustOK(t, err)
	if len(mism) != 0 {
		t.Fatalf("roll-ups after the import and the edit: %+v", mism)
	}
}

// testScopeMemo: the communes under a scope are remembered while the units stand, and
// read again after any change of the units (the stamp of ReplaceUnits).
func testScopeMemo(t *testing.T, s Store) {
	ctx := context.Background()
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(ctx, units, maps))
	st, ok := s.(registry.UnitsStamper)
	if !ok {
		t.Fatal("the store does not stamp its changes of units")
	}
	before, err := st.UnitsStamp(ctx)
	MustOK(t, err)
	got, err := registry.CommunesUnder(ctx, s, "31")
	MustOK(t, err)
	if slices.Contains(got, "10999") || !slices.Contains(got, "10816") {
		t.Fatalf("communes under 31: %v", got)
	}
	again, err := registry.CommunesUnder(ctx, s, "31")
	MustOK(t, err)
	if !slices.Equal(got, again) {
		t.Fatalf("remembered communes differ: %v, %v", got, again)
	}
	units = append(units, admin.Unit{Code: "10999", Name: "Xã Mới", Type: "Xã", Level: admin.LevelCommune, ParentCode: "31", ValidFrom: "2025-07-01"})
	MustOK(t, s.ReplaceUnits(ctx, units, maps))
	after, err := st.UnitsStamp(ctx)
	MustOK(t, err)
	if after == before {
		t.Fatal("ReplaceUnits left the units stamp as it was")
	}
	got, err = registry.CommunesUnder(ctx, s, "31")
	MustOK(t, err)
	if !slices.Contains(got, "10999") {
		t.Fatalf("after a change of units, communes under 31: %v (the old answer was kept)", got)
	}
}

// testLongScope: a scope of many communes (a province's, old codes included) is read
// as the communes among them that hold households (the roll-ups): a list, a search
// and a count see every household of the scope and none outside it, and a household
// written into an empty commune of the scope is seen by the next read.
func testLongScope(t *testing.T, s Store) {
	ctx := context.Background()
	_, c := onFixture(t, s)
	create := func(code, commune string) {
		t.Helper()
		h := newHousehold(code, 36_000_000)
		h.CommuneCode, h.HeadName, h.Members[0].Name = commune, "Đỗ Văn Dài", "Đỗ Văn Dài"
		MustOK(t, c.Prepare(ctx, h))
		h.CreatedAt, h.UpdatedAt, h.Version = t0, t0, 1
		MustOK(t, s.CreateHousehold(ctx, h))
	}
	// Scopes of 30 codes: one commune of the catalogue and 29 codes of no household.
	scope := func(commune string) []string {
		out := []string{commune}
		for i := range 29 {
			out = append(out, fmt.Sprintf("199%02d", i))
		}
		return out
	}
	find := func(commune string, f registry.HouseholdFilter) (string, int) {
		t.Helper()
		f.CommuneCodes = scope(commune)
		hs, n, err := s.FindHouseholds(ctx, f)
		MustOK(t, err)
		var out []string
		for _, h := range hs {
			out = append(out, h.Code)
		}
		slices.Sort(out)
		return strings.Join(out, " "), n
	}
	filters := []registry.HouseholdFilter{{}, {Query: "do van dai"}, {Query: "LS-"}, {Page: giamngheo.Page{Limit: 1}}}
	for _, f := range filters {
		if got, n := find("10813", f); got != "" || n != 0 {
			t.Errorf("%+v, no household yet: %q, total %d", f, got, n)
		}
	}
	create("LS-1", "10816")
	create("LS-2", "10813")
	for _, commune := range []string{"10816", "10813"} {
		want := map[string]string{"10816": "LS-1", "10813": "LS-2"}[commune]
		for _, f := range filters {
			if got, n := find(commune, f); got != want || n != 1 {
				t.Errorf("%s %+v: %q, total %d; want %s, 1", commune, f, got, n, want)
			}
		}
	}
}
