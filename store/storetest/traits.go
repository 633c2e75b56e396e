package storetest

import (
	"context"
	"reflect"
	"testing"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/report"
)

// testTraitReports: the household traits (issue 14 item 1) travel through the store
// and the reports of the traits (8, 9, 10, 12, 13) give the numbers worked out by hand
// for a small commune; totals are the sums of their rows.
//
// Commune 10816 on 28/11/2026, two villages:
//
//	H1 Đông poor       3 persons, head Kinh man, merit, causes capital+illness, needs capital
//	H2 Đông poor       3 persons, head Tày woman, no labour (officer), cause land
//	H3 An   near-poor  2 persons, head Mường man, cause capital
//	H4 An   on no list 3 persons, head Kinh man, merit
//	H5 An   poor       1 person, head Kinh man born 1960 (66: past the 2026 retirement
//	                   age of 61 years 6 months, Labour Code 2019 Art. 169), cause other
func testTraitReports(t *testing.T, s Store) {
	ctx := context.Background()
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(ctx, units, maps))
	var villages []int64
	for _, name := range []string{"Thôn Đông", "Thôn An"} {
		v := &admin.Village{CommuneCode: "10816", Name: name, CreatedAt: t0}
		MustOK(t, s.CreateVillage(ctx, v))
		villages = append(villages, v.ID)
	}
	now := t0
	svc := registryService(s, &now)
	sys := giamngheo.NewContextWithActor(ctx, giamngheo.System)
	mk := func(code string, village int, persons int, eth string, sex poverty.Sex, tr registry.Traits, status poverty.Class) *registry.Household {
		h := newHousehold(code, 10_000_000)
		h.VillageID, h.VillageName = villages[village], ""
		h.Members = h.Members[:persons]
		for i := range h.Members {
			h.Members[i].Ethnicity, h.Members[i].NationalID = eth, ""
		}
		h.Members[0].Sex = sex
		h.Traits = tr
		MustOK(t, svc.CreateHousehold(sys, h))
		if status != "" {
			MustOK(t, s.SetHouseholdStatus(ctx, h.ID, registry.Recognition{Class: status, Since: "2026-11-28", DecidedOn: "2026-11-28"}))
		}
		return h
	}
	yes := true
	mk("T1", 0, 3, "Kinh", poverty.Male, registry.Traits{Merit: true, Causes: []registry.Cause{registry.CauseIllness, registry.CauseCapital}, Needs: []registry.Need{"capital"}}, poverty.Poor)
	h2 := mk("T2", 0, 3, "Tày", poverty.Female, registry.Traits{NoLabourOverride: &yes, Causes: []registry.Cause{registry.CauseLand}}, poverty.Poor)
	mk("T3", 1, 2, "Mường", poverty.Male, registry.Traits{Causes: []registry.Cause{registry.CauseCapital}}, poverty.NearPoor)
	mk("T4", 1, 3, "Kinh", poverty.Male, registry.Traits{Merit: true}, "")
	h5 := newHousehold("T5", 10_000_000)
	h5.VillageID, h5.VillageName = villages[1], ""
	h5.Members = h5.Members[:1]
	h5.Members[0].BirthDate, h5.Members[0].NationalID = "1960-01-01", ""
	h5.Traits = registry.Traits{Causes: []registry.Cause{registry.CauseOther}}
	MustOK(t, svc.CreateHousehold(sys, h5))
	MustOK(t, s.SetHouseholdStatus(ctx, h5.ID, registry.Recognition{Class: poverty.Poor, Since: "2026-11-28", DecidedOn: "2026-11-28"}))

	// The traits are stored, derived and read back.
	got, err := s.FindHouseholdByID(ctx, h2.ID)
	MustOK(t, err)
	if tr := got.Traits; !tr.NoLabour || !tr.EthnicMinority || !tr.FemaleHead || tr.Merit || !reflect.DeepEqual(tr.Causes, []registry.Cause{registry.CauseLand}) {
		t.Fatalf("T2 traits as stored: %+v", tr)
	}
	got, err = s.FindHouseholdByID(ctx, h5.ID)
	MustOK(t, err)
	if !got.Traits.NoLabour || got.Traits.NoLabourOverride != nil {
		t.Fatalf("T5: a man of 66 alone has labour capacity: %+v", got.Traits)
	}
	mustVerify(t, s, "trait fixture")

	rs := &report.Service{Store: s, Units: s, Households: svc, Members: s, InScope: func(ctx context.Context, scope, unit string) (bool, error) {
		return admin.StoreInScope(ctx, s, scope, unit)
	}}
	// The named list of the poor (15) marks the household with a person of merit and
	// the two without labour capacity.
	l, err := rs.BuildCommuneList(sys, "15", "10816", 2026)
	MustOK(t, err)
	marks := map[string][2]bool{}
	for _, h := range l.Households {
		marks[h.Code] = [2]bool{h.Merit, h.NoLabour}
	}
	if len(marks) != 3 || marks["T1"] != [2]bool{true, false} || marks["T2"] != [2]bool{false, true} || marks["T5"] != [2]bool{false, true} {
		t.Fatalf("named list marks %v", marks)
	}
	recs := report.ListRecords(l)
	if len(recs[0]) != len(report.ListColumns) {
		t.Fatalf("list record of %d fields, %d columns", len(recs[0]), len(report.ListColumns))
	}
	build := func(name string) *report.Table {
		t.Helper()
		tb, err := rs.Build(sys, name, "10816", 2026)
		MustOK(t, err)
		sumRows(t, tb)
		return tb
	}
	// rows as written: Đông, An, not in a village, total; lines per unit as the report has them.
	want := func(name string, rows [][]float64) {
		t.Helper()
		// Villages come by name: An before Đông.
		lines := len(rows) / 4
		rows = append(append(append([][]float64{}, rows[lines:2*lines]...), rows[:lines]...), rows[2*lines:]...)
		tb := build(name)
		if len(tb.Rows) != len(rows) {
			t.Fatalf("report %s: %d rows, want %d", name, len(tb.Rows), len(rows))
		}
		for i, r := range tb.Rows {
			if !closeValues(r.Values, rows[i]) {
				t.Fatalf("report %s row %d (%s %s): %v, want %v", name, i, r.Name, r.Line, r.Values, rows[i])
			}
		}
	}
	z := func(n int) []float64 { return make([]float64, n) }
	// (8) poor: total, ethnic, no labour, merit, other; then near-poor the same.
	want("8", [][]float64{
		{2, 1, 1, 1, 0, 0, 0, 0, 0, 0}, {6, 3, 3, 3, 0, 0, 0, 0, 0, 0},
		{1, 0, 1, 0, 0, 1, 1, 0, 0, 0}, {1, 0, 1, 0, 0, 2, 2, 0, 0, 0},
		z(10), z(10),
		{3, 1, 2, 1, 0, 1, 1, 0, 0, 0}, {7, 3, 4, 3, 0, 2, 2, 0, 0, 0},
	})
	// (9) poor: total, Kinh, minorities, Mường, Tày, not recorded; then near-poor.
	tb := build("9")
	titles := []string{}
	for _, c := range tb.Columns {
		titles = append(titles, c.Title)
	}
	if !reflect.DeepEqual(titles[:6], []string{"Tổng số", "Kinh", "Dân tộc thiểu số", "Mường", "Tày", "Chưa ghi dân tộc"}) || len(titles) != 12 {
		t.Fatalf("report 9 columns %v", titles)
	}
	want("9", [][]float64{
		{2, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0},
		{1, 1, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0},
		z(12),
		{3, 2, 1, 0, 1, 0, 1, 0, 1, 1, 0, 0},
	})
	// (10) poor: total, land, capital, labour, tools, knowledge, skills, illness, other.
	want("10", [][]float64{
		{2, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		{1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0},
		z(18),
		{3, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0},
	})
	// (12): all: total, Kinh, minorities; poor: total, rate, Kinh, minorities, rate
	// among minorities, merit, no labour, female head.
	want("12", [][]float64{
		{2, 1, 1, 2, 100, 1, 1, 100, 1, 1, 1}, {6, 3, 3, 6, 100, 3, 3, 100, 3, 3, 3},
		{3, 2, 1, 1, 100.0 / 3, 1, 0, 0, 0, 1, 0}, {6, 4, 2, 1, 100.0 / 6, 1, 0, 0, 0, 1, 0},
		z(11), z(11),
		{5, 3, 2, 3, 60, 2, 1, 50, 1, 2, 1}, {12, 7, 5, 7, 700.0 / 12, 4, 3, 60, 3, 4, 3},
	})
	want("13", [][]float64{
		{2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0}, {6, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0},
		{3, 2, 1, 1, 100.0 / 3, 0, 1, 100, 0, 0, 0}, {6, 4, 2, 2, 100.0 / 3, 0, 2, 100, 0, 0, 0},
		z(11), z(11),
		{5, 3, 2, 1, 20, 0, 1, 50, 0, 0, 0}, {12, 7, 5, 2, 200.0 / 12, 0, 2, 40, 0, 0, 0},
	})
	// (11) poor: children under 16, deprived in health, rate, in education, rate; then
	// near-poor. T1 and T2 each have a child of 14, insured and at school.
	want("11", [][]float64{{2, 0, 0, 0, 0, 0, 0, 0, 0, 0}, z(10), z(10), {2, 0, 0, 0, 0, 0, 0, 0, 0, 0}})
	// T2's child loses its insurance and leaves school: the edit moves report (11).
	cur, err := s.FindHouseholdByID(ctx, h2.ID)
	MustOK(t, err)
	members := append([]registry.Member(nil), cur.Members...)
	no := false
	members[2].HealthInsurance, members[2].Schooling = &no, poverty.SchoolingLowerSecondary
	_, err = svc.UpdateHousehold(sys, h2.ID, registry.HouseholdUpdate{BaseVersion: cur.Version, Members: &members})
	MustOK(t, err)
	want("11", [][]float64{{2, 1, 50, 1, 50, 0, 0, 0, 0, 0}, z(10), z(10), {2, 1, 50, 1, 50, 0, 0, 0, 0, 0}})
	mustVerify(t, s, "children after an edit")
}

func closeValues(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if d := a[i] - b[i]; d > 1e-9 || d < -1e-9 {
			return false
		}
	}
	return true
}
