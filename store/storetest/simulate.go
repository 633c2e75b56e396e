package storetest

import (
	"context"
	"testing"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/simulate"
)

// testEachSurvey: the simulation's stream gives every household of the asked communes
// once, in commune order, with its members' answers in form order, its recognised
// status and its current survey result; nil means all communes, empty none.
func testEachSurvey(t *testing.T, s Store) {
	ctx := context.Background()
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(ctx, units, maps))
	now := t0
	svc := registryService(s, &now)
	sys := giamngheo.NewContextWithActor(ctx, giamngheo.System)
	// Created out of commune order: 10816 first, then 10813.
	a := newHousehold("HB-002", 12*1_000_000*3)
	b := newHousehold("HB-001", 12*1_000_000*3)
	b.Members = b.Members[:1]
	c := newHousehold("TH-001", 12*10_000_000*3)
	c.CommuneCode = "10813"
	c.Survey.WasteTreated = ptr(false)
	MustOK(t, svc.CreateHousehold(sys, a))
	MustOK(t, svc.CreateHousehold(sys, b))
	MustOK(t, svc.CreateHousehold(sys, c))
	MustOK(t, s.SetHouseholdStatus(ctx, a.ID, registry.Recognition{Class: poverty.Poor, Since: t0.Format(giamngheo.DateLayout)}))

	var got []simulate.Household
	collect := func(communes []string) []string {
		got = got[:0]
		var codes []string
		MustOK(t, s.EachSurvey(ctx, communes, func(h *simulate.Household) error {
			x := *h
			x.Answers.Members = append([]poverty.Member(nil), h.Answers.Members...)
			got = append(got, x)
			codes = append(codes, h.Code)
			return nil
		}))
		return codes
	}
	if codes := collect(nil); len(codes) != 3 || codes[0] != "TH-001" || codes[1] != "HB-001" || codes[2] != "HB-002" {
		t.Fatalf("all communes: %v, want TH-001 HB-001 HB-002 (commune, then code order)", codes)
	}
	th, hb1, hb2 := got[0], got[1], got[2]
	if th.CommuneCode != "10813" || th.ProvinceCode != "31" || th.Answers.WasteTreated == nil || *th.Answers.WasteTreated ||
		th.Class != c.Result.Class || th.Status != "" || th.StandardID != c.Result.Standard {
		t.Fatalf("TH-001 read as %+v", th)
	}
	if len(hb1.Answers.Members) != 1 || len(hb2.Answers.Members) != 3 {
		t.Fatalf("members: %d and %d, want 1 and 3", len(hb1.Answers.Members), len(hb2.Answers.Members))
	}
	m := hb2.Answers.Members
	if m[0].Name != "Nguyễn Văn Hùng" || m[2].BirthDate != "2012-09-01" || !m[1].DisabilityAllowance || m[0].HealthInsurance == nil || *m[0].HealthInsurance {
		t.Fatalf("HB-002 members read as %+v", m)
	}
	if hb2.Status != poverty.Poor || hb2.Class != poverty.Poor || hb2.Answers.Income12m == nil || *hb2.Answers.Income12m != 36_000_000 ||
		hb2.Answers.WaterSource != poverty.WaterSurface || len(hb2.Answers.Devices) != 1 {
		t.Fatalf("HB-002 read as %+v", hb2)
	}
	// Every household classifies from what the stream gives as the registry did.
	std, err := poverty.StandardByID(c.Result.Standard)
	MustOK(t, err)
	for i, want := range []*poverty.Result{c.Result, b.Result, a.Result} {
		r, err := poverty.Classify(&got[i].Answers, std, want.Area, t0, nil)
		MustOK(t, err)
		if r.Class != want.Class || r.Deprived != want.Deprived {
			t.Fatalf("%s: classified %s %v from the stream, stored %s %v", got[i].Code, r.Class, r.Deprived, want.Class, want.Deprived)
		}
	}
	if codes := collect([]string{"10816"}); len(codes) != 2 || codes[0] != "HB-001" {
		t.Fatalf("commune 10816: %v", codes)
	}
	if codes := collect([]string{}); len(codes) != 0 {
		t.Fatalf("no commune: %v", codes)
	}
	// fn's error stops the stream and is returned.
	stop := giamngheo.Errorf(giamngheo.EINVALID, "dừng", "stop")
	n := 0
	if err := s.EachSurvey(ctx, nil, func(*simulate.Household) error { n++; return stop }); err != stop || n != 1 {
		t.Fatalf("stopping: err %v after %d calls", err, n)
	}
}
