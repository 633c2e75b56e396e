package storetest

import (
	"strings"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/plan"
	"giamngheo/support"
)

func planService(s Store, now *time.Time) *plan.Service {
	return &plan.Service{Store: s, Support: supportService(s, now), Rollups: s, Units: s, Audit: s, Tx: s, Now: func() time.Time { return *now }}
}

// testPlan: the seeded plan, its copy, versions, scope, entered and computed
// actuals from supportFixture, and the agencies' reports.
func testPlan(t *testing.T, s Store) {
	now := time.Date(2026, 11, 28, 3, 0, 0, 0, time.UTC)
	svc := planService(s, &now)
	supportFixture(t, s, &now)
	province := actor(giamngheo.RoleProvinceOfficer, "31", "")
	commune := actor(giamngheo.RoleCommuneOfficer, "10816", "")
	bhxh := actor(giamngheo.RoleAgencyOfficer, "31", support.AgencyInsurance)
	snn := actor(giamngheo.RoleAgencyOfficer, "31", support.AgencyAgriculture)

	_, err := svc.Seed(commune, "31", 2023)
	MustCode(t, err, giamngheo.EFORBIDDEN)
	_, err = svc.Seed(bhxh, "31", 2023)
	MustCode(t, err, giamngheo.EFORBIDDEN)
	p23, err := svc.Seed(province, "31", 2023)
	MustOK(t, err)
	_, err = svc.Seed(province, "31", 2023)
	MustCode(t, err, giamngheo.ECONFLICT)
	got, err := svc.FindPlan(commune, "31", 2023)
	MustOK(t, err)
	if got.Version != 1 || len(got.Targets) != len(p23.Targets) || len(got.Areas) != 12 || got.ReportDue != "2023-11-20" {
		t.Fatalf("stored plan: version %d, %d targets, %d areas, due %s", got.Version, len(got.Targets), len(got.Areas), got.ReportDue)
	}

	// Two officers edit the same version: the second is refused.
	a, b := *got, *got
	a.ReportDue = "2023-11-15"
	MustOK(t, svc.UpdatePlan(province, &a))
	if a.Version != 2 {
		t.Fatalf("version after an edit %d, want 2", a.Version)
	}
	b.Objective = "sửa cũ"
	MustCode(t, svc.UpdatePlan(province, &b), giamngheo.ECONFLICT)
	again, err := svc.FindPlan(province, "31", 2023)
	MustOK(t, err)
	if again.Version != 2 || again.ReportDue != "2023-11-15" || again.Objective == "sửa cũ" {
		t.Fatalf("after the stale edit: %+v", again.Doc.ReportDue)
	}
	MustCode(t, svc.UpdatePlan(bhxh, again), giamngheo.EFORBIDDEN)

	// This year's plan, copied from 2023.
	p, err := svc.CopyPlan(province, "31", 2023, 2026)
	MustOK(t, err)
	if p.ReportDue != "2026-11-15" || !strings.Contains(p.Title, "năm 2026") || !strings.Contains(p.Note, "Sao chép từ kế hoạch năm 2023") {
		t.Fatalf("copied plan: %q, due %s, note %q", p.Title, p.ReportDue, p.Note)
	}
	p27, err := svc.CopyPlan(province, "31", 2026, 2027)
	MustOK(t, err)
	if p27.Standard != "2027-2030" || !strings.Contains(p27.Note, "351/2025/NĐ-CP") {
		t.Fatalf("2027 plan: standard %s, note %q", p27.Standard, p27.Note)
	}

	// Figures: each agency its own targets; computed targets are not entered.
	MustCode(t, svc.AddFigure(bhxh, p, &plan.Figure{Target: "trainees", Value: 650, Evidence: "Báo cáo 12/BC-SNN"}), giamngheo.EFORBIDDEN)
	MustCode(t, svc.AddFigure(commune, p, &plan.Figure{Target: "trainees", Value: 650, Evidence: "x"}), giamngheo.EFORBIDDEN)
	MustCode(t, svc.AddFigure(bhxh, p, &plan.Figure{Target: "health_insurance", Value: 99, Evidence: "x"}), giamngheo.EINVALID)
	MustCode(t, svc.AddFigure(snn, p, &plan.Figure{Target: "trainees", Value: 650}), giamngheo.EINVALID)
	MustOK(t, svc.AddFigure(snn, p, &plan.Figure{Target: "trainees", Value: 650, Evidence: "Báo cáo 12/BC-SNN", AsOf: "2026-10-31"}))
	MustOK(t, svc.AddFigure(snn, p, &plan.Figure{Target: "models", Value: 2, Evidence: "Quyết định 5/QĐ-SNN", AsOf: "2026-11-01"}))

	o, err := svc.Progress(province, p)
	MustOK(t, err)
	act := map[string]plan.Actual{}
	for _, g := range o.Groups {
		for _, x := range g.Actuals {
			act[x.Target.Code] = x
		}
	}
	if len(act) != len(p.Targets) {
		t.Fatalf("%d actuals for %d targets", len(act), len(p.Targets))
	}
	// By hand from supportFixture: 4 households, 2 on the poor list (HL-001, TH-001);
	// 7 persons of listed households, covered Hoa, An, Dũng (cards) and Cúc (under 6).
	for code, w := range map[string]struct {
		part, whole int
		state       string
	}{
		"poor_rate":        {2, 4, plan.StateNotMet},
		"health_insurance": {4, 7, plan.StateNotMet},
		"credit":           {0, 3, plan.StateNotMet},
	} {
		x := act[code]
		if x.Part != w.part || x.Whole != w.whole || x.State != w.state {
			t.Fatalf("%s: %d of %d, %s; want %d of %d, %s", code, x.Part, x.Whole, x.State, w.part, w.whole, w.state)
		}
	}
	if x := act["trainees"]; x.Value == nil || *x.Value != 650 || x.State != plan.StateNotMet || x.Figure.EnteredBy == "" {
		t.Fatalf("trainees: %+v", x)
	}
	if x := act["models"]; x.State != plan.StateMet {
		t.Fatalf("models: %+v", x)
	}
	if x := act["fund"]; x.State != plan.StateNoTarget || x.Value != nil {
		t.Fatalf("fund (no figure in the plan): %+v", x)
	}
	if x := act["legal_aid"]; x.State != plan.StateNoData {
		t.Fatalf("legal aid: %+v", x)
	}
	// A health-insurance list moves the computed target.
	ssvc := supportService(s, &now)
	hs, err := ssvc.FindGaps(bhxh, support.GapHealthInsurance, 0, 100)
	MustOK(t, err)
	for _, g := range hs.Gaps {
		_, err := ssvc.RecordSupport(bhxh, &support.Record{HouseholdID: g.HouseholdID, Type: support.TypeHealthInsurance}, g.MemberID)
		MustOK(t, err)
	}
	o, err = svc.Progress(province, p)
	MustOK(t, err)
	for _, x := range o.Groups[indexOfArea(o, "6")].Actuals {
		if x.Target.Code == "health_insurance" && (x.Part != 7 || x.State != plan.StateMet) {
			t.Fatalf("after the cards: %+v", x)
		}
	}

	// Reports: due 15/11/2026 (copied), today 28/11: late, and missing for the others.
	r := &plan.Report{Agency: support.AgencyInsurance, Narrative: "Đã cấp thẻ BHYT cho người thuộc hộ nghèo, cận nghèo."}
	MustCode(t, svc.SubmitReport(snn, p, r, nil), giamngheo.EFORBIDDEN)
	MustOK(t, svc.SubmitReport(bhxh, p, r, []*plan.Figure{{Target: "health_insurance_middle", Value: 96.5, Evidence: "Báo cáo BHXH"}}))
	stale := &plan.Report{Agency: support.AgencyInsurance, Narrative: "bản cũ"}
	MustCode(t, svc.SubmitReport(bhxh, p, stale, nil), giamngheo.ECONFLICT)
	r.Narrative += " Bổ sung."
	MustOK(t, svc.SubmitReport(bhxh, p, r, nil))
	if r.Version != 2 {
		t.Fatalf("report version %d, want 2", r.Version)
	}
	sts, err := svc.ReportStatuses(province, p)
	MustOK(t, err)
	states := map[string]string{}
	for _, st := range sts {
		states[st.Agency] = st.State
	}
	if states[support.AgencyInsurance] != plan.ReportLate || states[support.AgencyAgriculture] != plan.ReportMissing || len(states) != len(p.Responsible()) {
		t.Fatalf("report states %v", states)
	}
	// Before the due day, the agency's next report is pending, 5 days ahead.
	now = time.Date(2026, 11, 10, 3, 0, 0, 0, time.UTC)
	d, err := svc.NextReport(snn)
	MustOK(t, err)
	if d == nil || d.Status.State != plan.ReportPending || d.Days != 5 || d.Plan.Year != 2026 {
		t.Fatalf("next report %+v", d)
	}
}

func indexOfArea(o *plan.Overview, code string) int {
	for i, g := range o.Groups {
		if g.Area.Code == code {
			return i
		}
	}
	return -1
}
