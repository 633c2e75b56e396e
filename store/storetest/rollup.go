package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/poverty"
	"giamngheo/registry"
)

// mustVerify fails when the maintained roll-ups differ from a recount.
func mustVerify(tb testing.TB, s Store, when string) {
	tb.Helper()
	ms, err := s.VerifyRollups(context.Background())
	MustOK(tb, err)
	if len(ms) > 0 {
		tb.Fatalf("%s: %d roll-up differences, first %+v", when, len(ms), ms[:min(5, len(ms))])
	}
}

// testRollupsRandom makes thousands of random writes of every kind that changes the
// roll-ups (create, edit, import, decision, carry to another commune, a failed write)
// and checks after each batch that the maintained roll-ups equal a full recount and that
// the list flows add up to the lists.
func testRollupsRandom(t *testing.T, s Store) {
	ctx := context.Background()
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(ctx, units, maps))
	var villages []int64
	for _, v := range []struct{ commune, name string }{{"10816", "Thôn Đông"}, {"10816", "Thôn An"}, {"10813", "Khu 1"}} {
		vl := &admin.Village{CommuneCode: v.commune, Name: v.name, CreatedAt: t0}
		MustOK(t, s.CreateVillage(ctx, vl))
		villages = append(villages, vl.ID)
	}
	now := t0
	svc := registryService(s, &now)
	sys := giamngheo.NewContextWithActor(ctx, giamngheo.System)
	c, err := svc.NewClassifier(t0)
	MustOK(t, err)
	rng := rand.New(rand.NewPCG(14, uint64(len(s.Dialect()))))
	communes := []string{"10813", "10816"}
	var ids []int64
	seq := 0
	// random gives a household random answers: members, water, latrine, house, village.
	random := func(h *registry.Household) {
		h.CommuneCode = communes[rng.IntN(2)]
		h.VillageID = 0
		if k := rng.IntN(4); k < 3 {
			h.VillageID = villages[k]
		}
		h.Survey.WaterSource = []poverty.WaterSource{poverty.WaterSurface, poverty.WaterTap}[rng.IntN(2)]
		h.Survey.Latrine = []poverty.Latrine{poverty.LatrineNone, poverty.LatrineSeptic}[rng.IntN(2)]
		h.Survey.HouseRoofDurable = ptr(rng.IntN(2) == 0)
		h.Survey.HouseWallsDurable = ptr(rng.IntN(2) == 0)
		h.Survey.Income12m = ptr(int64(rng.IntN(80)) * 1_000_000)
		h.Members = h.Members[:1+rng.IntN(len(h.Members))]
		for i := range h.Members {
			h.Members[i].NationalID = ""
		}
		MustOK(t, c.Prepare(sys, h))
	}
	fresh := func() *registry.Household {
		seq++
		h := newHousehold(fmt.Sprintf("R-%05d", seq), 0)
		h.ProvinceCode, h.CreatedAt, h.UpdatedAt, h.Version = "30", now, now, 1
		random(h)
		return h
	}
	day := func() string { return giamngheo.DayString(now) }
	const batches, perBatch = 20, 100
	for b := range batches {
		for range perBatch {
			now = now.Add(7 * time.Hour)
			switch op := rng.IntN(10); {
			case op < 3 || len(ids) == 0: // create
				h := fresh()
				MustOK(t, s.CreateHousehold(ctx, h))
				ids = append(ids, h.ID)
			case op == 3: // import a small file through the bulk path
				var hs []*registry.Household
				for range 1 + rng.IntN(8) {
					hs = append(hs, fresh())
				}
				MustOK(t, s.ImportHouseholds(ctx, hs))
				for _, h := range hs {
					got, err := s.FindHouseholdByCode(ctx, h.ProvinceCode, h.Code)
					MustOK(t, err)
					ids = append(ids, got.ID)
				}
			case op < 6: // edit
				h, err := s.FindHouseholdByID(ctx, ids[rng.IntN(len(ids))])
				MustOK(t, err)
				if len(h.Members) < 3 {
					h.Members = newHousehold("x", 0).Members
				}
				random(h)
				h.Version++
				h.UpdatedAt = now
				MustOK(t, s.SaveHousehold(ctx, h))
			case op < 9: // a decision
				class := []poverty.Class{poverty.Poor, poverty.NearPoor, ""}[rng.IntN(3)]
				MustOK(t, s.SetHouseholdStatus(ctx, ids[rng.IntN(len(ids))], registry.Recognition{Class: class, Since: day(), DecidedOn: day()}))
			default: // carried to the other commune, or a write that fails and rolls back
				h, err := s.FindHouseholdByID(ctx, ids[rng.IntN(len(ids))])
				MustOK(t, err)
				if rng.IntN(2) == 0 {
					to := "10813"
					if h.CommuneCode == to {
						to = "10816"
					}
					MustOK(t, s.MoveHousehold(ctx, h, to, h.ProvinceCode, now, "test"))
					continue
				}
				dup := fresh()
				dup.Code, dup.ProvinceCode = h.Code, h.ProvinceCode
				MustCode(t, s.CreateHousehold(ctx, dup), giamngheo.ECONFLICT)
			}
		}
		mustVerify(t, s, fmt.Sprintf("batch %d", b))
	}
	// A rebuild of right roll-ups corrects nothing.
	fixed, err := s.RebuildRollups(ctx, day())
	MustOK(t, err)
	if len(fixed) != 0 {
		t.Fatalf("rebuild of right roll-ups corrected %+v", fixed)
	}
	mustVerify(t, s, "after rebuild")
}
