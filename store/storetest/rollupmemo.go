package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/report"
)

// rollupTotaler is a store that sums roll-ups over a scope (store.DB.RollupTotals),
// remembering them while the roll-up stamp stands (issue 13 item 8).
type rollupTotaler interface {
	RollupTotals(ctx context.Context, communes []string, village *int64, measures []string) ([]report.Cell, error)
	RollupsStamp(ctx context.Context) (int64, error)
}

// testRollupMemo: the totals and the communes with households that the pages read from
// the roll-ups are remembered while the roll-ups stand, and every change of a household
// is seen by the next read (a creation, a recognised status, an import, a move to
// another commune); a read inside a transaction that is rolled back is not kept.
func testRollupMemo(t *testing.T, s Store) {
	ctx := context.Background()
	tt, ok := s.(rollupTotaler)
	if !ok {
		t.Fatal("the store does not sum its roll-ups with a stamp")
	}
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(ctx, units, maps))
	now := t0
	svc := registryService(s, &now)
	sys := giamngheo.NewContextWithActor(ctx, giamngheo.System)
	c, err := svc.NewClassifier(t0)
	MustOK(t, err)
	seq := 0
	fresh := func(commune string) *registry.Household {
		seq++
		h := newHousehold(fmt.Sprintf("M-%04d", seq), 0)
		h.CommuneCode, h.ProvinceCode, h.CreatedAt, h.UpdatedAt, h.Version = commune, "30", t0, t0, 1
		MustOK(t, c.Prepare(sys, h))
		return h
	}
	both := []string{"10813", "10816"}
	// totals reads the households and the poor of communes, twice: the second read is
	// the remembered one when nothing changed between them.
	totals := func(communes []string) (all, poor int64) {
		t.Helper()
		for range 2 {
			cells, err := tt.RollupTotals(ctx, communes, nil, []string{report.MeasureHouseholds})
			MustOK(t, err)
			all, poor = 0, 0
			for _, cl := range cells {
				all += cl.N
				if cl.Status == string(poverty.Poor) {
					poor += cl.N
				}
			}
		}
		return all, poor
	}
	// listed is what a list of both communes in administrative order shows (its
	// communes are the roll-ups' communes with households, remembered).
	listed := func() []string {
		t.Helper()
		var codes []string
		for range 2 {
			hs, _, err := s.FindHouseholds(ctx, registry.HouseholdFilter{CommuneCodes: both, Page: giamngheo.Page{Limit: 100}})
			MustOK(t, err)
			codes = codes[:0]
			for _, h := range hs {
				codes = append(codes, h.Code)
			}
		}
		return codes
	}
	want := func(when string, communes []string, all, poor int64) {
		t.Helper()
		if a, p := totals(communes); a != all || p != poor {
			t.Fatalf("%s: RollupTotals(%v) = %d households, %d poor; want %d, %d", when, communes, a, p, all, poor)
		}
	}

	a, b := fresh("10816"), fresh("10816")
	MustOK(t, s.CreateHousehold(ctx, a))
	MustOK(t, s.CreateHousehold(ctx, b))
	want("two households", both, 2, 0)
	want("two households", []string{"10813"}, 0, 0)
	if got := listed(); !slices.Equal(got, []string{"M-0001", "M-0002"}) {
		t.Fatalf("list = %v", got)
	}
	stamp, err := tt.RollupsStamp(ctx)
	MustOK(t, err)

	// A household in the commune that had none: in the total and in the list at once.
	x := fresh("10813")
	MustOK(t, s.CreateHousehold(ctx, x))
	if next, err := tt.RollupsStamp(ctx); err != nil || next <= stamp {
		t.Fatalf("stamp after a creation = %d (%v), before %d", next, err, stamp)
	}
	want("a household created", both, 3, 0)
	want("a household created", []string{"10813"}, 1, 0)
	if got := listed(); !slices.Equal(got, []string{"M-0003", "M-0001", "M-0002"}) {
		t.Fatalf("list after a creation in 10813 = %v", got)
	}

	// A recognised status.
	MustOK(t, s.SetHouseholdStatus(ctx, a.ID, registry.Recognition{Class: poverty.Poor, Since: "2026-11-28", DecidedOn: "2026-11-28", DecisionNumber: "1/QĐ-UBND"}))
	want("a decision", both, 3, 1)

	// An import through the bulk path.
	MustOK(t, s.ImportHouseholds(ctx, []*registry.Household{fresh("10813"), fresh("10813")}))
	want("an import", []string{"10813"}, 3, 0)

	// A move to another commune: the commune it left has none any more.
	got, err := s.FindHouseholdByID(ctx, x.ID)
	MustOK(t, err)
	imported, _, err := s.FindHouseholds(ctx, registry.HouseholdFilter{CommuneCodes: []string{"10813"}, Page: giamngheo.Page{Limit: 10}})
	MustOK(t, err)
	if len(imported) != 3 {
		t.Fatalf("households of 10813: %d, want 3", len(imported))
	}
	for _, x := range imported[1:] {
		h, err := s.FindHouseholdByID(ctx, x.ID)
		MustOK(t, err)
		h.CommuneCode = "10816"
		MustOK(t, c.Prepare(sys, h))
		h.Version++
		MustOK(t, s.SaveHousehold(ctx, h))
	}
	got.CommuneCode = "10816"
	MustOK(t, c.Prepare(sys, got))
	got.Version++
	MustOK(t, s.SaveHousehold(ctx, got))
	want("moved to 10816", []string{"10813"}, 0, 0)
	want("moved to 10816", both, 5, 1)
	if got := listed(); len(got) != 5 || got[0] != "M-0001" {
		t.Fatalf("list after the moves = %v", got)
	}

	// Households created in 10813 inside a transaction that is rolled back, read there;
	// then as many committed in 10816: 10813 still has none.
	rollback := errors.New("rolled back")
	err = s.WithTx(ctx, func(ctx context.Context) error {
		for range 2 {
			MustOK(t, s.CreateHousehold(ctx, fresh("10813")))
		}
		cells, err := tt.RollupTotals(ctx, []string{"10813"}, nil, []string{report.MeasureHouseholds})
		MustOK(t, err)
		if len(cells) != 1 || cells[0].N != 2 {
			t.Errorf("inside the transaction: %+v, want 2 households", cells)
		}
		return rollback
	})
	if !errors.Is(err, rollback) {
		t.Fatalf("transaction: %v", err)
	}
	for range 2 {
		MustOK(t, s.CreateHousehold(ctx, fresh("10816")))
	}
	want("after a rollback", []string{"10813"}, 0, 0)
	want("after a rollback", both, 7, 1)
	mustVerify(t, s, "roll-up memo")
}

// RunRollupMemoShared checks that a store's remembered roll-up totals follow the
// changes made through another store open on the same database (another process: a
// CLI import while the server runs). a and b must share one database.
func RunRollupMemoShared(t *testing.T, a, b Store) {
	ctx := context.Background()
	ta, ok := a.(rollupTotaler)
	if !ok {
		t.Fatal("the store does not sum its roll-ups with a stamp")
	}
	units, maps := fixtureUnits()
	MustOK(t, b.ReplaceUnits(ctx, units, maps))
	now := t0
	sys := giamngheo.NewContextWithActor(ctx, giamngheo.System)
	c, err := registryService(b, &now).NewClassifier(t0)
	MustOK(t, err)
	count := func() int64 {
		t.Helper()
		cells, err := ta.RollupTotals(ctx, []string{"10816"}, nil, []string{report.MeasureHouseholds})
		MustOK(t, err)
		var n int64
		for _, cl := range cells {
			n += cl.N
		}
		return n
	}
	for i := range 3 {
		if n := count(); n != int64(i) {
			t.Fatalf("store a counts %d households after %d created through store b", n, i)
		}
		count() // remembered
		h := newHousehold(fmt.Sprintf("S-%d", i), 0)
		h.ProvinceCode, h.CreatedAt, h.UpdatedAt, h.Version = "30", t0, t0, 1
		MustOK(t, c.Prepare(sys, h))
		if i == 1 {
			MustOK(t, b.ImportHouseholds(ctx, []*registry.Household{h}))
		} else {
			MustOK(t, b.CreateHousehold(ctx, h))
		}
	}
	if n := count(); n != 3 {
		t.Fatalf("store a counts %d households, want 3", n)
	}
}

// testUnitsMemo: the units read are remembered while the units stand; a replacement of
// the units is seen by the next read, and a caller that changes what it got does not
// change what the next one gets.
func testUnitsMemo(t *testing.T, s Store) {
	ctx := context.Background()
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(ctx, units, maps))
	name := func() string {
		t.Helper()
		u, err := s.FindUnitByCode(ctx, "10813", "2025-01-01")
		MustOK(t, err)
		return u.Name
	}
	if got := name(); got != "Thị trấn Thanh Hà" {
		t.Fatalf("unit 10813 = %q", got)
	}
	u, err := s.FindUnitByCode(ctx, "10813", "2025-01-01")
	MustOK(t, err)
	u.Name = "changed by a caller"
	if got := name(); got != "Thị trấn Thanh Hà" {
		t.Fatalf("after a caller changed its copy: %q", got)
	}
	for i := range units {
		if units[i].Code == "10813" {
			units[i].Name = "Thị trấn Thanh Hà (mới)"
		}
	}
	MustOK(t, s.ReplaceUnits(ctx, units, maps))
	if got := name(); got != "Thị trấn Thanh Hà (mới)" {
		t.Fatalf("after ReplaceUnits: %q", got)
	}
}
