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
	// A household that answered the B1 score card has no compact form (the card reads
	// its answers by key): the stream gives its answers.
	d := newHousehold("TH-002", 12*10_000_000*3)
	d.CommuneCode = "10813"
	d.Survey.ScoreAnswers = map[string]string{"assets": "1", "dwelling": "semi_durable", "earners": "1", "head_education": "lower_secondary", "household_size": "3", "pension": "no"}
	d.Survey.Region = poverty.RegionRedRiverDelta
	withCard := *svc
	withCard.Card = poverty.ExampleScoreCard()
	MustOK(t, withCard.CreateHousehold(sys, d))

	var got []simulate.Household
	collect := func(communes []string) []string {
		got = got[:0]
		var codes []string
		MustOK(t, s.EachSurvey(ctx, communes, func(h *simulate.Household) error {
			x := *h
			x.Facts = append([]byte(nil), h.Facts...)
			x.Answers.Members = append([]poverty.Member(nil), h.Answers.Members...)
			got = append(got, x)
			codes = append(codes, h.Code)
			return nil
		}))
		return codes
	}
	if codes := collect(nil); len(codes) != 4 || codes[0] != "TH-001" || codes[1] != "TH-002" || codes[2] != "HB-001" || codes[3] != "HB-002" {
		t.Fatalf("all communes: %v, want TH-001 TH-002 HB-001 HB-002 (commune, then code order)", codes)
	}
	th, sc, hb1, hb2 := got[0], got[1], got[2], got[3]
	if th.CommuneCode != "10813" || th.ProvinceCode != "31" || th.Class != c.Result.Class || th.Status != "" || th.StandardID != c.Result.Standard {
		t.Fatalf("TH-001 read as %+v", th)
	}
	// The households stored with their compact form come with it alone, the one
	// answering the card with its answers and members.
	for _, h := range []simulate.Household{th, hb1, hb2} {
		if h.Facts == nil || len(h.Answers.Members) != 0 {
			t.Fatalf("%s: facts %x, %d members' answers: want the compact form alone", h.Code, h.Facts, len(h.Answers.Members))
		}
	}
	if sc.Facts != nil || sc.Answers.ScoreAnswers["assets"] != "1" || len(sc.Answers.Members) != 3 || sc.Answers.Members[0].Name != "Nguyễn Văn Hùng" {
		t.Fatalf("TH-002 (B1 card) read as %+v", sc)
	}
	if n, _ := poverty.FactsMembers(hb1.Facts); n != 1 {
		t.Fatalf("HB-001: %d members in its compact form, want 1", n)
	}
	if n, pupils := poverty.FactsMembers(hb2.Facts); n != 3 || pupils != 1 {
		t.Fatalf("HB-002: %d members, %d at school in its compact form, want 3 and 1", n, pupils)
	}
	if hb2.Status != poverty.Poor || hb2.Class != poverty.Poor {
		t.Fatalf("HB-002 read as %+v", hb2)
	}
	// Every household classifies from what the stream gives as the registry did.
	std, err := poverty.StandardByID(c.Result.Standard)
	MustOK(t, err)
	for i, want := range []*poverty.Result{c.Result, b.Result, a.Result} {
		h := []simulate.Household{th, hb1, hb2}[i]
		var r poverty.Result
		MustOK(t, poverty.ClassifyFacts(&r, h.Facts, std, want.Area, poverty.DateOf(t0)))
		if r.Class != want.Class || r.Deprived != want.Deprived || r.Unknown != want.Unknown || r.Income != want.Income {
			t.Fatalf("%s: classified %+v from the stream, stored %+v", h.Code, r, want)
		}
	}
	if codes := collect([]string{"10816"}); len(codes) != 2 || codes[0] != "HB-001" || got[1].Facts == nil {
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
