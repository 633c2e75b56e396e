package storetest

import (
	"context"
	"testing"

	"giamngheo"
)

// testMoveAcrossProvinces: a household carried into another province (1 July 2025:
// Hải Dương's communes into Hải Phòng) keeps its members: they are read by the
// household's province and move with it.
func testMoveAcrossProvinces(t *testing.T, s Store) {
	ctx := context.Background()
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(ctx, units, maps))
	now := t0
	c, err := registryService(s, &now).NewClassifier(t0)
	MustOK(t, err)
	h := newHousehold("MV-001", 3*1_000_000*12)
	MustOK(t, c.Prepare(ctx, h))
	h.CreatedAt, h.UpdatedAt, h.Version = t0, t0, 1
	MustOK(t, s.CreateHousehold(ctx, h))
	from := h.ProvinceCode
	to := "01"
	if from == to {
		to = "31"
	}
	MustOK(t, s.MoveHousehold(ctx, h, "10813", to, t0.AddDate(0, 1, 0), "test"))
	got, err := s.FindHouseholdByID(ctx, h.ID)
	MustOK(t, err)
	if got.ProvinceCode != to || got.CommuneCode != "10813" {
		t.Fatalf("moved household is in %s/%s, want %s/10813", got.ProvinceCode, got.CommuneCode, to)
	}
	if len(got.Members) != 3 || got.Members[0].Name != "Nguyễn Văn Hùng" {
		t.Fatalf("after the move from province %s to %s the household has %d members, want its 3", from, to, len(got.Members))
	}
	// A move based on a version that is no longer the stored one changes nothing.
	stale := *got
	stale.Version--
	MustCode(t, s.MoveHousehold(ctx, &stale, "10816", from, t0.AddDate(0, 2, 0), "test"), giamngheo.ECONFLICT)
	again, err := s.FindHouseholdByID(ctx, h.ID)
	MustOK(t, err)
	if again.Version != got.Version || again.ProvinceCode != to {
		t.Fatalf("a stale move changed the household: version %d → %d, province %s", got.Version, again.Version, again.ProvinceCode)
	}
	byCode, err := s.FindHouseholdByCode(ctx, to, "MV-001")
	MustOK(t, err)
	if byCode.ID != h.ID {
		t.Fatalf("the household is not found by its code in its new province")
	}
}
