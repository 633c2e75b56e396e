package storetest

import (
	"context"
	"slices"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/jobs"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/review"
	"giamngheo/support"
)

func jobsService(s Store, now *time.Time) *jobs.Service {
	return &jobs.Service{Store: s, Registry: registryService(s, now), Support: supportService(s, now), Units: s, Audit: s, Tx: s,
		Now: func() time.Time { return *now }}
}

// jobsFixture adds to supportFixture HL-J01 (10816, poor): Phạm Văn Tú 1995,
// unemployed; and a decision of 15/12/2025 taking HL-003 off the poor list (so its
// Bình is of a newly escaped household).
func jobsFixture(t *testing.T, s Store, now *time.Time) map[string]*registry.Household {
	t.Helper()
	hs := supportFixture(t, s, now)
	h := newHousehold("HL-J01", 3*1_000_000*12)
	h.HeadName = "Phạm Văn Tú"
	h.Members = []registry.Member{{Member: poverty.Member{Name: "Phạm Văn Tú", Sex: poverty.Male, BirthDate: "1995-06-06", HealthInsurance: ptr(true),
		Schooling: poverty.SchoolingUpperSecondary, Employment: poverty.Unemployed}, Relation: registry.RelationHead}}
	MustOK(t, registryService(s, now).CreateHousehold(actor(giamngheo.RoleProvinceOfficer, "", ""), h))
	MustOK(t, s.SetHouseholdStatus(context.Background(), h.ID, registry.Recognition{Class: poverty.Poor, Since: "2026-01-01"}))
	hs["HL-J01"] = h
	ctx := context.Background()
	r := &review.RoundRecord{Round: review.Round{CommuneCode: "10816", Kind: review.RoundRegular, Year: 2025, Month: time.December,
		ReferenceDate: review.Date(2025, 12, 15), StartDate: review.Date(2025, 12, 15), EndDate: review.Date(2026, 1, 14), DecisionDue: review.Date(2026, 1, 14), PostingDays: 3},
		ProvinceCode: "31", CreatedAt: *now}
	MustOK(t, s.CreateRound(ctx, r))
	c := &review.CaseRecord{Case: review.Case{RoundID: r.ID, HouseholdID: hs["HL-003"].ID, Origin: review.OriginListed, State: review.StateDecided,
		PreviousClass: review.ClassPoor, FinalClass: review.ClassNotPoor, DecidedOn: review.Date(2025, 12, 15)}, ProvinceCode: "31", CommuneCode: "10816", UpdatedAt: *now}
	MustOK(t, s.CreateCase(ctx, c))
	return hs
}

// testJobsExchange: seekers from the registry get the recognised class and priority
// group; public registrations and seekers without consent appear on no candidate list
// and in no referral; vacancies close by themselves; a placement changes the member's
// employment answer (history kept, recognised status untouched), records the labour
// agency's support and shrinks its worklist; the report counts it.
func testJobsExchange(t *testing.T, s Store) {
	now := time.Date(2026, 11, 28, 3, 0, 0, 0, time.UTC)
	hs := jobsFixture(t, s, &now)
	svc := jobsService(s, &now)
	labour := actor(giamngheo.RoleAgencyOfficer, "10816", support.AgencyLabour)
	public := context.Background()

	register := func(code string, member int, sk jobs.Seeker) *jobs.Seeker {
		t.Helper()
		sk.HouseholdID = hs[code].ID
		MustOK(t, svc.RegisterSeeker(labour, &sk, hs[code].Members[member].ID))
		return &sk
	}
	tu := register("HL-J01", 0, jobs.Seeker{Skills: "Lái xe, bốc xếp", Range: jobs.RangeProvince, DesiredWage: 6_000_000, Consent: true})
	binh3 := register("HL-003", 0, jobs.Seeker{Skills: "lai xe", Consent: true})
	binh2 := register("HL-002", 0, jobs.Seeker{Skills: "lái xe", Consent: false})
	for _, x := range []struct {
		s     *jobs.Seeker
		class poverty.Class
		p     jobs.Priority
	}{{tu, poverty.Poor, jobs.PriorityPoor}, {binh3, "", jobs.PriorityEscaped}, {binh2, poverty.NearPoor, jobs.PriorityNearPoor}} {
		if x.s.Class != x.class || x.s.Priority != x.p || x.s.CommuneCode != "10816" || x.s.ProvinceCode == "" || x.s.Status != jobs.SeekerActive {
			t.Fatalf("%s: class %q priority %q commune %s/%s status %s, want %q %q", x.s.FullName, x.s.Class, x.s.Priority, x.s.ProvinceCode, x.s.CommuneCode, x.s.Status, x.class, x.p)
		}
	}
	if tu.FullName != "Phạm Văn Tú" || tu.BirthDate != "1995-06-06" {
		t.Fatalf("the member's name and birth date were not taken from the registry: %+v", tu)
	}
	stored, err := s.FindSeekerByID(context.Background(), tu.ID)
	MustOK(t, err)
	if stored.Skills != tu.Skills || !stored.Consent || stored.ConsentAt.IsZero() || stored.HouseholdID != tu.HouseholdID || stored.Range != jobs.RangeProvince || stored.DesiredWage != 6_000_000 {
		t.Fatalf("stored seeker differs: %+v", stored)
	}
	// A person on the public form: pending, then verified by an officer.
	pub := &jobs.Seeker{FullName: "Đỗ Văn Khách", BirthDate: "2000-01-01", CommuneCode: "10816", Skills: "lái xe", Consent: true, LowIncome: true}
	MustOK(t, svc.SubmitSeeker(public, pub))
	if pub.Status != jobs.SeekerPending || pub.Priority != jobs.PriorityLowIncome || pub.ProvinceCode == "" {
		t.Fatalf("public seeker: %+v", pub)
	}
	MustCode(t, svc.SubmitSeeker(public, &jobs.Seeker{FullName: "Ai Đó", BirthDate: "2000-01-01", CommuneCode: "99999"}), giamngheo.EINVALID)
	MustCode(t, svc.SubmitSeeker(public, &jobs.Seeker{FullName: "Trẻ Em", BirthDate: "2015-01-01", CommuneCode: "10816"}), giamngheo.EINVALID)

	// Scope and roles: another agency, another commune, anonymous.
	_, _, err = svc.FindSeekers(actor(giamngheo.RoleAgencyOfficer, "10816", support.AgencyInsurance), jobs.SeekerFilter{})
	MustCode(t, err, giamngheo.EFORBIDDEN)
	_, err = svc.FindSeekerByID(actor(giamngheo.RoleCommuneOfficer, "10813", ""), tu.ID)
	MustCode(t, err, giamngheo.EFORBIDDEN)
	_, _, err = svc.FindSeekers(public, jobs.SeekerFilter{})
	MustCode(t, err, giamngheo.EUNAUTHORIZED)
	list, n, err := svc.FindSeekers(labour, jobs.SeekerFilter{Query: "lai xe"})
	MustOK(t, err)
	if n != 4 || len(list) != 4 {
		t.Fatalf("officer's register: %d seekers, want 4 (the pending one too)", n)
	}

	// Vacancies: one by an officer, one from the public form, one closing today.
	v1 := &jobs.Vacancy{EmployerName: "Công ty TNHH Vận tải Hà Bắc", EmployerTaxCode: "0801234567", Position: "Lái xe tải", Skills: "lái xe",
		WageMin: 7_000_000, WageMax: 9_000_000, Places: 1, ClosingDate: "2026-12-31", CommuneCode: "10816"}
	MustOK(t, svc.RegisterVacancy(labour, v1))
	v2 := &jobs.Vacancy{EmployerName: "Hợp tác xã Đông Hải", Position: "Bốc xếp hàng hóa", Places: 3, ClosingDate: "2026-12-15", CommuneCode: "10813"}
	MustOK(t, svc.SubmitVacancy(public, v2))
	v3 := &jobs.Vacancy{EmployerName: "Xưởng may Thanh Hà", Position: "Thợ may", Skills: "may", Places: 2, ClosingDate: "2026-11-28", CommuneCode: "10816"}
	MustOK(t, svc.RegisterVacancy(labour, v3))
	MustCode(t, svc.RegisterVacancy(labour, &jobs.Vacancy{EmployerName: "X", EmployerTaxCode: "12", Position: "Y", Places: 1, ClosingDate: "2026-12-31", CommuneCode: "10816"}), giamngheo.EINVALID)
	MustCode(t, svc.RegisterVacancy(actor(giamngheo.RoleCommuneOfficer, "10816", ""), &jobs.Vacancy{EmployerName: "X", Position: "Y", Places: 1, ClosingDate: "2026-12-31", CommuneCode: "10813"}), giamngheo.EFORBIDDEN)
	publicIDs := func(q string) []int64 {
		t.Helper()
		vs, _, err := svc.PublicVacancies(public, q, giamngheo.Page{})
		MustOK(t, err)
		var ids []int64
		for _, v := range vs {
			ids = append(ids, v.ID)
		}
		return ids
	}
	if got := publicIDs(""); !slices.Equal(got, []int64{v3.ID, v1.ID}) {
		t.Fatalf("public vacancies %v, want v3 (closing today) then v1; never the pending one", got)
	}
	if got := publicIDs("LAI XE TAI"); !slices.Equal(got, []int64{v1.ID}) {
		t.Fatalf("search without diacritics: %v", got)
	}
	_, err = svc.VerifyVacancy(labour, v2.ID) // 10813 is not in the officer's scope
	MustCode(t, err, giamngheo.EFORBIDDEN)
	_, err = svc.VerifyVacancy(actor(giamngheo.RoleProvinceOfficer, "31", ""), v2.ID)
	MustOK(t, err)
	if got := publicIDs(""); !slices.Equal(got, []int64{v3.ID, v2.ID, v1.ID}) {
		t.Fatalf("after verification: %v, want by closing date", got)
	}

	// Candidates for v1: the consenting, verified seekers only.
	candidates := func() []int64 {
		t.Helper()
		_, ms, err := svc.Candidates(labour, v1.ID, jobs.MatchFilter{})
		MustOK(t, err)
		var ids []int64
		for _, m := range ms {
			ids = append(ids, m.Seeker.ID)
		}
		return ids
	}
	// Tú: 40 + 30 + 20 + 10 = 100; Bình (escaped): 40 + 30 + 10 + 10 = 90.
	if got := candidates(); !slices.Equal(got, []int64{tu.ID, binh3.ID}) {
		t.Fatalf("candidates %v, want Tú then Bình; never the seeker without consent nor the pending one", got)
	}
	_, err = svc.VerifySeeker(labour, pub.ID, 0, 0)
	MustOK(t, err)
	if got := candidates(); !slices.Contains(got, pub.ID) {
		t.Fatalf("the verified public seeker is not a candidate: %v", got)
	}
	_, err = svc.SetConsent(labour, pub.ID, false)
	MustOK(t, err)
	if got := candidates(); slices.Contains(got, pub.ID) {
		t.Fatalf("withdrawn consent still a candidate: %v", got)
	}
	w, err := s.FindSeekerByID(context.Background(), pub.ID)
	MustOK(t, err)
	if w.Consent || w.WithdrawnAt.IsZero() || w.ConsentAt.IsZero() {
		t.Fatalf("the withdrawal is not recorded: %+v", w)
	}
	_, err = svc.Refer(labour, binh2.ID, v1.ID)
	MustCode(t, err, giamngheo.EINVALID)

	// The day after: v3 has closed by itself.
	now = now.Add(24 * time.Hour)
	if got := publicIDs(""); slices.Contains(got, v3.ID) {
		t.Fatalf("a vacancy past its closing date is still public: %v", got)
	}
	if v, err := svc.FindVacancyByID(labour, v3.ID); err != nil || v.Status != jobs.VacancyClosed {
		t.Fatalf("v3 status %v (%v), want closed", v, err)
	}
	_, err = svc.Refer(labour, tu.ID, v3.ID)
	MustCode(t, err, giamngheo.EINVALID)

	// Refer, interview, hire.
	gaps := func() int {
		t.Helper()
		wl, err := supportService(s, &now).FindGaps(labour, support.GapLabour, 0, 100)
		MustOK(t, err)
		return wl.Total
	}
	before := gaps()
	ref, err := svc.Refer(labour, tu.ID, v1.ID)
	MustOK(t, err)
	if ref.Score != 100 || ref.Priority != jobs.PriorityPoor {
		t.Fatalf("referral: %+v", ref)
	}
	_, err = svc.Refer(labour, tu.ID, v1.ID)
	MustCode(t, err, giamngheo.ECONFLICT)
	_, err = svc.RecordOutcome(labour, ref.ID, jobs.Outcome{Status: jobs.ReferralInterview, InterviewOn: "2026-12-02"})
	MustOK(t, err)
	hist, err := registryService(s, &now).History(labour, tu.HouseholdID)
	MustOK(t, err)
	ref, err = svc.RecordOutcome(labour, ref.ID, jobs.Outcome{Status: jobs.ReferralHired, WithContract: true})
	MustOK(t, err)
	if ref.Status != jobs.ReferralHired || ref.PlacedOn != "2026-11-29" || ref.SupportID == 0 {
		t.Fatalf("placement: %+v", ref)
	}
	h, err := registryService(s, &now).FindHouseholdByID(labour, tu.HouseholdID)
	MustOK(t, err)
	if h.Members[0].Employment != poverty.EmployedWithContract || h.Recognised.Class != poverty.Poor {
		t.Fatalf("after the placement: employment %q, recognised %q", h.Members[0].Employment, h.Recognised.Class)
	}
	hist2, err := registryService(s, &now).History(labour, tu.HouseholdID)
	MustOK(t, err)
	if len(hist2) != len(hist)+1 || hist2[len(hist2)-1].Household.Members[0].Employment != poverty.Unemployed {
		t.Fatalf("the history does not keep the former answer: %d → %d entries", len(hist), len(hist2))
	}
	if after := gaps(); after != before-1 {
		t.Fatalf("labour worklist %d → %d, want one fewer", before, after)
	}
	recs, err := s.FindSupport(context.Background(), support.Filter{HouseholdID: tu.HouseholdID, Types: []string{support.TypeJobPlacement}})
	MustOK(t, err)
	if len(recs) != 1 || recs[0].Agency != support.AgencyLabour || recs[0].Person != support.PersonKey("Phạm Văn Tú", "1995-06-06") {
		t.Fatalf("support records: %+v", recs)
	}
	if v, _ := s.FindVacancyByID(context.Background(), v1.ID); v.Filled != 1 || v.Status != jobs.VacancyFilled {
		t.Fatalf("vacancy after the placement: %+v", v)
	}
	if sk, _ := s.FindSeekerByID(context.Background(), tu.ID); sk.Status != jobs.SeekerPlaced {
		t.Fatalf("seeker after the placement: %s", sk.Status)
	}
	_, err = svc.RecordOutcome(labour, ref.ID, jobs.Outcome{Status: jobs.ReferralNotHired})
	MustCode(t, err, giamngheo.ECONFLICT)
	refs, err := svc.FindReferrals(labour, jobs.ReferralFilter{SeekerID: tu.ID})
	MustOK(t, err)
	if len(refs) != 1 || refs[0].SeekerName != "Phạm Văn Tú" || refs[0].EmployerName != v1.EmployerName {
		t.Fatalf("referrals: %+v", refs)
	}

	// Labour export: Bình becomes a candidate and receives language training.
	_, err = svc.RecordExportSupport(labour, binh3.ID, "language", "2026-11-20", 3_000_000, "")
	MustCode(t, err, giamngheo.EINVALID)
	ex := register("HL-002", 0, jobs.Seeker{Skills: "cơ khí", LabourExport: true, Range: jobs.RangeAny, Consent: true})
	rec, err := svc.RecordExportSupport(labour, ex.ID, "language", "2026-11-20", 3_000_000, "Tiếng Nhật N4")
	MustOK(t, err)
	if rec.Type != support.TypeLabourExport || rec.Amount != 3_000_000 || rec.Agency != support.AgencyLabour {
		t.Fatalf("export support: %+v", rec)
	}
	_, err = svc.RecordExportSupport(labour, ex.ID, "loan", "2026-11-20", 50_000_000, "")
	MustCode(t, err, giamngheo.EFORBIDDEN) // the bank records its loans
	got, err := svc.ExportSupport(labour, ex)
	MustOK(t, err)
	if len(got) != 1 {
		t.Fatalf("export support of the candidate: %d records", len(got))
	}

	// The report of the year: 5 seekers (Tú, Bình ×2, the verified public one, the
	// export candidate), 3 vacancies with 6 places, 1 referral, 1 placement (poor).
	rep, err := svc.Report(labour, "2026-01-01", "2026-12-31")
	MustOK(t, err)
	tt := rep.Total
	if tt.Seekers != 5 || tt.PrioritySeekers != 4 || tt.Vacancies != 2 || tt.Places != 3 || tt.Referrals != 1 || tt.Placements != 1 || tt.PriorityPlacements != 1 {
		t.Fatalf("report of 10816: %+v", tt)
	}
	all, err := svc.Report(actor(giamngheo.RoleProvinceOfficer, "", ""), "2026-01-01", "2026-12-31")
	MustOK(t, err)
	if all.Total.Vacancies != 3 || all.Total.Places != 6 || len(all.Rows) != 2 {
		t.Fatalf("province report: %+v", all)
	}
	if r, _ := svc.Report(labour, "2027-01-01", "2027-12-31"); r.Total.Seekers != 0 || r.Total.Placements != 0 {
		t.Fatalf("another period counts: %+v", r.Total)
	}
}
