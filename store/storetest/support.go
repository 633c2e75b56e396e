package storetest

import (
	"context"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/support"
)

func supportService(s Store, now *time.Time) *support.Service {
	return &support.Service{Store: s, Registry: registryService(s, now), Units: s, Audit: s, Tx: s, Now: func() time.Time { return *now }, Rollups: s}
}

func actor(role giamngheo.Role, scope, agency string) context.Context {
	return giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{UserID: 9, Username: "u." + agency + scope, Role: role, ScopeCode: scope, Agency: agency})
}

// supportFixture registers four households on 28/11/2026 and recognises three:
//
//	HL-001 (10816, poor):      Hùng 1980 no card, Hoa 1982 card, An 2012 card and studying;
//	HL-002 (10816, near-poor): Bình 1990 card unknown, Cúc 2022 no card (under 6),
//	                           Dũng 2015 card, not at school;
//	HL-003 (10816, on no list): Bình 1990 no card (the namesake of HL-002's);
//	TH-001 (10813, poor):      Hùng 1980 no card, ID 030080009999.
func supportFixture(t *testing.T, s Store, now *time.Time) map[string]*registry.Household {
	t.Helper()
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(context.Background(), units, maps))
	reg := registryService(s, now)
	officer := actor(giamngheo.RoleProvinceOfficer, "", "")
	out := map[string]*registry.Household{}
	mk := func(code, commune string, class poverty.Class, ms ...registry.Member) {
		h := newHousehold(code, 3*1_000_000*12)
		h.CommuneCode = commune
		if ms != nil {
			h.Members = ms
		}
		MustOK(t, reg.CreateHousehold(officer, h))
		if class != "" {
			MustOK(t, s.SetHouseholdStatus(context.Background(), h.ID, registry.Recognition{Class: class, Since: "2026-01-01"}))
		}
		out[code] = h
	}
	m := func(name, birth string, card *bool, sch poverty.Schooling, id string) registry.Member {
		return registry.Member{Member: poverty.Member{Name: name, Sex: poverty.Male, BirthDate: birth, HealthInsurance: card, Schooling: sch}, NationalID: id}
	}
	mk("HL-001", "10816", poverty.Poor)
	mk("HL-002", "10816", poverty.NearPoor, m("Trần Văn Bình", "1990-04-04", nil, poverty.SchoolingUpperSecondary, ""),
		m("Trần Thị Cúc", "2022-02-02", ptr(false), "", ""), m("Trần Văn Dũng", "2015-05-05", ptr(true), poverty.SchoolingNone, ""))
	mk("HL-003", "10816", "", m("Trần Văn Bình", "1990-04-04", ptr(false), poverty.SchoolingUpperSecondary, ""))
	mk("TH-001", "10813", poverty.Poor, m("Nguyễn Văn Hùng", "1980-03-01", ptr(false), poverty.SchoolingUpperSecondary, "030080009999"))
	return out
}

// testSupportLists: the worklists, the coverage and a beneficiary list, with values
// worked out by hand from supportFixture.
func testSupportLists(t *testing.T, s Store) {
	now := time.Date(2026, 11, 28, 3, 0, 0, 0, time.UTC)
	svc := supportService(s, &now)
	hs := supportFixture(t, s, &now)
	bhxh := actor(giamngheo.RoleAgencyOfficer, "10816", support.AgencyInsurance)
	province := actor(giamngheo.RoleProvinceOfficer, "", "")
	gaps := func(ctx context.Context, k support.GapKind) []support.Gap {
		t.Helper()
		w, err := svc.FindGaps(ctx, k, 0, 100)
		MustOK(t, err)
		if w.Total != len(w.Gaps) {
			t.Fatalf("%s: total %d, page %d", k, w.Total, len(w.Gaps))
		}
		return w.Gaps
	}
	// Health insurance, aged 6+ without a card: Hùng (HL-001) and Bình (HL-002) in
	// 10816, Hùng (TH-001) in 10813; Cúc is under 6, HL-003 is on no list.
	if g := gaps(province, support.GapHealthInsurance); len(g) != 3 {
		t.Fatalf("province health-insurance worklist: %d, want 3: %+v", len(g), g)
	}
	g := gaps(bhxh, support.GapHealthInsurance)
	if len(g) != 2 || g[0].HouseholdCode != "HL-001" || g[0].MemberName != "Nguyễn Văn Hùng" || g[1].MemberName != "Trần Văn Bình" {
		t.Fatalf("the agency's worklist in its commune: %+v", g)
	}
	if g := gaps(province, support.GapEducation); len(g) != 1 || g[0].MemberName != "Trần Văn Dũng" {
		t.Fatalf("education worklist: %+v", g)
	}
	// newHousehold drinks surface water and has no latrine: the three listed households.
	if g := gaps(province, support.GapWater); len(g) != 3 {
		t.Fatalf("water worklist: %+v", g)
	}
	_, err := svc.FindGaps(actor(giamngheo.RoleAgencyOfficer, "10816", support.AgencyEducation), support.GapHealthInsurance, 0, 10)
	MustCode(t, err, giamngheo.EFORBIDDEN)

	// Coverage in 10816: 6 persons of listed households, covered Hoa, An, Dũng (cards)
	// and Cúc (under 6) = 4 of 6.
	ms, err := svc.Measures(bhxh)
	MustOK(t, err)
	if v := ms[support.MeasureHealthInsurance]; v.Part != 4 || v.Whole != 6 {
		t.Fatalf("health-insurance coverage %+v, want 4 of 6", v)
	}
	if v := ms[support.MeasurePoorRate]; v.Part != 1 || v.Whole != 3 {
		t.Fatalf("poor rate in 10816 %+v, want 1 of 3", v)
	}
	if v := ms[support.MeasureTuition]; v.Part != 0 || v.Whole != 1 {
		t.Fatalf("tuition %+v, want 0 of the 1 pupil", v)
	}

	rows := []support.Row{
		{Line: 2, NationalID: "030080001234", Day: "2026-11-20", Amount: 1_105_000, Source: support.SourceLocal}, // Hùng of HL-001
		{Line: 3, HouseholdCode: "HL-002", Name: "tran van binh", Day: "2026-11-20"},                             // Bình of HL-002
		{Line: 4, Name: "Trần Văn Bình", BirthDate: "1990-04-04", Commune: "Xã Hồng Lạc", Day: "2026-11-20"},     // two Bình
		{Line: 5, NationalID: "030080009999", Day: "2026-11-20"},                                                 // outside the scope
		{Line: 6, HouseholdCode: "HL-001", Day: "2026-11-20"},                                                    // no person named
		{Line: 7, Name: "Không Ai"},
	}
	rep, err := svc.MatchList(bhxh, support.TypeHealthInsurance, "bhyt.xlsx", rows)
	MustOK(t, err)
	if rep.Matched != 2 || rep.Ambiguous != 1 || rep.Unmatched != 3 {
		t.Fatalf("match report %d matched, %d ambiguous, %d unmatched; want 2, 1, 3: %+v", rep.Matched, rep.Ambiguous, rep.Unmatched, rep.Matches)
	}
	if len(rep.Matches[2].Candidates) != 2 || rep.Matches[1].Candidates[0].HouseholdID != hs["HL-002"].ID {
		t.Fatalf("candidates: %+v", rep.Matches)
	}
	res, err := svc.CommitList(bhxh, rep)
	MustOK(t, err)
	if res.Added != 2 || res.Already != 0 || res.Skipped != 4 {
		t.Fatalf("commit %+v, want 2 added, 4 skipped", res)
	}
	if g := gaps(bhxh, support.GapHealthInsurance); len(g) != 0 {
		t.Fatalf("the list closes exactly its gaps: %+v left", g)
	}
	if g := gaps(province, support.GapHealthInsurance); len(g) != 1 || g[0].HouseholdCode != "TH-001" {
		t.Fatalf("the other commune's gap stays: %+v", g)
	}
	ms, err = svc.Measures(bhxh)
	MustOK(t, err)
	if v := ms[support.MeasureHealthInsurance]; v.Part != 6 || v.Whole != 6 {
		t.Fatalf("coverage after the list %+v, want 6 of 6", v)
	}
	// The same list again adds nothing.
	rep, err = svc.MatchList(bhxh, support.TypeHealthInsurance, "bhyt.xlsx", rows)
	MustOK(t, err)
	res, err = svc.CommitList(bhxh, rep)
	MustOK(t, err)
	if res.Added != 0 || res.Already != 2 {
		t.Fatalf("re-import %+v, want nothing added, 2 already", res)
	}
	recs, err := svc.HouseholdSupport(bhxh, hs["HL-001"].ID)
	MustOK(t, err)
	if len(recs) != 1 || recs[0].MemberName != "Nguyễn Văn Hùng" || recs[0].Amount != 1_105_000 || recs[0].Source != support.SourceLocal || recs[0].Agency != support.AgencyInsurance {
		t.Fatalf("the household's support: %+v", recs)
	}
	// A household outside the agency's scope is refused, an unknown one not found.
	_, err = svc.HouseholdSupport(bhxh, hs["TH-001"].ID)
	MustCode(t, err, giamngheo.EFORBIDDEN)
	_, err = svc.HouseholdSupport(bhxh, 999_999_999)
	MustCode(t, err, giamngheo.ENOTFOUND)
	// An edit of the household stores its members anew: the card still counts.
	addr := "Thôn Tây"
	_, err = svc.Registry.UpdateHousehold(province, hs["HL-001"].ID, registry.HouseholdUpdate{BaseVersion: hs["HL-001"].Version, Address: &addr})
	MustOK(t, err)
	if g := gaps(bhxh, support.GapHealthInsurance); len(g) != 0 {
		t.Fatalf("after an edit of the household: %+v", g)
	}

	// The form: a person's support needs a member; another agency's type is refused,
	// as is a viewer and a household outside the scope.
	h := hs["HL-002"]
	_, err = svc.RecordSupport(bhxh, &support.Record{HouseholdID: h.ID, Type: support.TypeHealthInsurance}, 0)
	MustCode(t, err, giamngheo.EINVALID)
	_, err = svc.RecordSupport(bhxh, &support.Record{HouseholdID: h.ID, Type: support.TypeTuition}, h.Members[2].ID)
	MustCode(t, err, giamngheo.EFORBIDDEN)
	_, err = svc.RecordSupport(actor(giamngheo.RoleViewer, "", ""), &support.Record{HouseholdID: h.ID, Type: "other"}, 0)
	MustCode(t, err, giamngheo.EFORBIDDEN)
	_, err = svc.RecordSupport(bhxh, &support.Record{HouseholdID: hs["TH-001"].ID, Type: support.TypeHealthInsurance}, hs["TH-001"].Members[0].ID)
	MustCode(t, err, giamngheo.EFORBIDDEN)
	sgd := actor(giamngheo.RoleAgencyOfficer, "10816", support.AgencyEducation)
	added, err := svc.RecordSupport(sgd, &support.Record{HouseholdID: h.ID, Type: support.TypeTuition, Day: "2026-09-05", Amount: 300_000}, h.Members[2].ID)
	MustOK(t, err)
	if !added {
		t.Fatal("the tuition exemption was not recorded")
	}
	if added, err := svc.RecordSupport(sgd, &support.Record{HouseholdID: h.ID, Type: support.TypeTuition, Day: "2026-09-05"}, h.Members[2].ID); err != nil || added {
		t.Fatalf("the same support twice: added %v, %v", added, err)
	}
	if g := gaps(province, support.GapEducation); len(g) != 0 {
		t.Fatalf("education worklist after the exemption: %+v", g)
	}
	// Last year's support does not close this year's gap.
	_, err = svc.RecordSupport(province, &support.Record{HouseholdID: hs["TH-001"].ID, Type: support.TypeHealthInsurance, Day: "2025-12-31"}, hs["TH-001"].Members[0].ID)
	MustOK(t, err)
	if g := gaps(province, support.GapHealthInsurance); len(g) != 1 {
		t.Fatalf("a card of last year closed this year's gap: %+v", g)
	}
}
