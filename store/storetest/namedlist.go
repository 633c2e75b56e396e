package storetest

import (
	"context"
	"fmt"
	"testing"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/report"
)

// testNamedLists: the named lists (reports 14, 15) read the recognised poor or
// near-poor households of the actor's scope page by page, each with its members in
// their order (LoadMembers: one query a page); a commune's officer is refused another
// commune's list.
func testNamedLists(t *testing.T, s Store) {
	ctx := context.Background()
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(ctx, units, maps))
	now := t0
	reg := registryService(s, &now)
	sys := giamngheo.NewContextWithActor(ctx, giamngheo.System)
	for i := range 7 {
		h := newHousehold(fmt.Sprintf("NL-%d", i), 30_000_000)
		h.HeadName, h.Members[0].Name, h.Members[0].NationalID = fmt.Sprintf("Chủ hộ %d", i), fmt.Sprintf("Chủ hộ %d", i), ""
		if i >= 5 {
			h.CommuneCode = "10813"
		}
		if i == 3 {
			h.Members = h.Members[:1]
		}
		MustOK(t, reg.CreateHousehold(sys, h))
		class := poverty.Poor
		if i == 4 {
			class = poverty.NearPoor
		}
		since := "2026-03-01"
		if i == 0 {
			since = "2025-12-01"
		}
		MustOK(t, s.SetHouseholdStatus(ctx, h.ID, registry.Recognition{Class: class, Since: since}))
	}
	svc := &report.Service{Store: s, Units: s, Households: reg, Members: s, InScope: func(ctx context.Context, scope, unit string) (bool, error) {
		return admin.StoreInScope(ctx, s, scope, unit)
	}}
	l, err := svc.BuildList(sys, "15", "10816", 2026, 0, 3)
	MustOK(t, err)
	if l.Total != 4 || len(l.Households) != 3 || l.Households[0].HeadName != "Chủ hộ 0" || l.Households[0].New || !l.Households[1].New {
		t.Fatalf("first page of list 15 of 10816: %+v", l)
	}
	if m := l.Households[0].Members; len(m) != 3 || m[0].Name != "Chủ hộ 0" || m[1].Name != "Lê Thị Hoa" || !m[1].Female || m[1].BirthYear != "1982" || m[2].Relation != "Con" {
		t.Fatalf("members of the first household: %+v", m)
	}
	l, err = svc.BuildList(sys, "15", "10816", 2026, 3, 3)
	MustOK(t, err)
	if len(l.Households) != 1 || l.Households[0].No != 4 || l.Households[0].HeadName != "Chủ hộ 3" || len(l.Households[0].Members) != 1 {
		t.Fatalf("second page of list 15 of 10816: %+v", l)
	}
	whole, err := svc.BuildCommuneList(sys, "danh-sach-ho-can-ngheo", "10816", 2026)
	MustOK(t, err)
	if whole.Total != 1 || len(whole.Households) != 1 || whole.Households[0].HeadName != "Chủ hộ 4" {
		t.Fatalf("list 14 of 10816: %+v", whole)
	}
	// The province: both communes; a commune's officer: its commune only.
	l, err = svc.BuildList(sys, "15", "31", 2026, 0, 0)
	MustOK(t, err)
	if l.Total != 6 || l.Limit != report.DefaultListLimit {
		t.Fatalf("list 15 of 31: total %d, limit %d", l.Total, l.Limit)
	}
	officer := giamngheo.NewContextWithActor(ctx, &giamngheo.Actor{UserID: 9, Username: "xa", Role: giamngheo.RoleCommuneOfficer, ScopeCode: "10813"})
	l, err = svc.BuildList(officer, "15", "", 2026, 0, 0)
	MustOK(t, err)
	if l.Total != 2 {
		t.Fatalf("list 15 of the officer of 10813: %d households, want 2", l.Total)
	}
	_, err = svc.BuildList(officer, "15", "10816", 2026, 0, 0)
	MustCode(t, err, giamngheo.EFORBIDDEN)
	_, err = svc.BuildCommuneList(sys, "15", "31", 2026)
	MustCode(t, err, giamngheo.EINVALID)
}
