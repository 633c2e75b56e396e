package storetest

import (
	"context"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/audit"
	"giamngheo/registry"
	"giamngheo/report"
)

// testReportApproval: a commune submits its year, the province returns it with a
// comment, the commune submits again, the province approves; the approved year's
// reports are frozen (a later change of the registry does not move them, in the
// commune's report or in the province's row of that commune, while the next year's
// follows the registry); only the level above approves, every step names the version it
// was based on, withdrawing the approval makes the figures live again, and the
// completeness view counts submitted, approved and late communes.
func testReportApproval(t *testing.T, s Store) {
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(context.Background(), units, maps))
	now := time.Date(2026, 12, 18, 3, 0, 0, 0, time.UTC)
	reg := registryService(s, &now)
	sys := giamngheo.NewContextWithActor(context.Background(), giamngheo.System)
	inScope := func(ctx context.Context, scope, unit string) (bool, error) {
		return admin.StoreInScope(ctx, s, scope, unit)
	}
	rs := &report.Service{Store: s, Units: s, InScope: inScope, Frozen: s}
	ap := &report.Approvals{Reports: rs, Store: s, Audit: s, Tx: s, Now: func() time.Time { return now }, Deadlines: report.DefaultDeadlines}
	commune := giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{Username: "xa.habac", Role: giamngheo.RoleCommuneOfficer, ScopeCode: "10816"})
	province := giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{Username: "tinh.hp", Role: giamngheo.RoleProvinceOfficer, ScopeCode: "31"})

	add := func(code string) int64 {
		t.Helper()
		h := newHousehold(code, 40_000_000)
		for i := range h.Members {
			h.Members[i].NationalID = ""
		}
		MustOK(t, reg.CreateHousehold(sys, h))
		MustOK(t, s.SetHouseholdStatus(sys, h.ID, registry.Recognition{Class: "poor", Since: "2026-12-15", DecidedOn: "2026-12-15"}))
		return h.ID
	}
	add("HB-1")
	add("HB-2")
	poorOf := func(unit string, year int) (commune, total float64) {
		t.Helper()
		tb, err := rs.Build(province, "ket-qua-chinh-thuc", unit, year)
		MustOK(t, err)
		for _, r := range tb.Rows {
			if r.Code == "10816" || unit == "10816" && r.Kind == "total" {
				commune = r.Values[2]
			}
			if r.Kind == "total" {
				total = r.Values[2]
			}
		}
		return commune, total
	}
	if c, _ := poorOf("10816", 2026); c != 2 {
		t.Fatalf("poor households of the commune before any approval: %v, want 2", c)
	}

	// Submit, return with a comment, submit again, approve.
	_, err := ap.Submit(province, "10816", 2026, 0)
	MustCode(t, err, giamngheo.EFORBIDDEN) // the province does not submit for the commune
	sub, err := ap.Submit(commune, "10816", 2026, 0)
	MustOK(t, err)
	if sub.State != report.StateSubmitted || sub.Version != 1 || sub.SubmittedBy != "xa.habac" {
		t.Fatalf("submitted: %+v", sub)
	}
	_, err = ap.Approve(commune, "10816", 2026, 1)
	MustCode(t, err, giamngheo.EFORBIDDEN) // a commune does not approve itself
	_, err = ap.Return(province, "10816", 2026, 1, "  ")
	MustCode(t, err, giamngheo.EINVALID) // a return says why
	ret, err := ap.Return(province, "10816", 2026, 1, "Thiếu số liệu thôn Đông")
	MustOK(t, err)
	if ret.State != report.StateReturned || ret.Comment != "Thiếu số liệu thôn Đông" || ret.Version != 2 {
		t.Fatalf("returned: %+v", ret)
	}
	_, err = ap.Approve(province, "10816", 2026, 1)
	MustCode(t, err, giamngheo.ECONFLICT) // based on a stale version
	_, err = ap.Approve(province, "10816", 2026, 2)
	MustCode(t, err, giamngheo.ECONFLICT) // a returned report is not approved
	now = now.Add(24 * time.Hour)
	_, err = ap.Submit(commune, "10816", 2026, 2)
	MustOK(t, err)
	ok, err := ap.Approve(province, "10816", 2026, 3)
	MustOK(t, err)
	if ok.State != report.StateApproved || ok.DecidedBy != "tinh.hp" {
		t.Fatalf("approved: %+v", ok)
	}

	// A later change of the registry: a third poor household in the commune.
	add("HB-3")
	if c, _ := poorOf("10816", 2026); c != 2 {
		t.Fatalf("the approved commune report of 2026 moved after an edit: %v poor, want 2", c)
	}
	if c, total := poorOf("31", 2026); c != 2 || total != 2 {
		t.Fatalf("the province's 2026 row of the approved commune: %v (total %v), want 2", c, total)
	}
	if c, _ := poorOf("10816", 2027); c != 3 {
		t.Fatalf("the 2027 report does not follow the registry: %v poor, want 3", c)
	}

	comp, err := ap.Completeness(province, "31", 2026, "2026-12-21")
	MustOK(t, err)
	if len(comp.Units) != 2 || comp.Submitted != 1 || comp.Approved != 1 || comp.Late != 1 || comp.Due != "2026-12-20" {
		t.Fatalf("completeness: %+v", comp)
	}
	for _, u := range comp.Units {
		if u.Code == "10813" && !u.Late || u.Code == "10816" && u.Late {
			t.Fatalf("late flags: %+v", comp.Units)
		}
	}

	// Withdrawing needs a reason and makes the year live again.
	_, err = ap.Withdraw(province, "10816", 2026, 4, "")
	MustCode(t, err, giamngheo.EINVALID)
	w, err := ap.Withdraw(province, "10816", 2026, 4, "Sửa quyết định công nhận")
	MustOK(t, err)
	if w.State != report.StateSubmitted {
		t.Fatalf("after the withdrawal: %+v", w)
	}
	if c, _ := poorOf("10816", 2026); c != 3 {
		t.Fatalf("after the withdrawal the 2026 report is still frozen: %v poor, want 3", c)
	}
	entries, _, err := s.FindAudit(sys, audit.Filter{Entity: "report_period", EntityID: "10816/2026"})
	MustOK(t, err)
	actions := map[string]int{}
	for _, e := range entries {
		actions[e.Action]++
	}
	if actions["report_submit"] != 2 || actions["report_return"] != 1 || actions["report_approve"] != 1 || actions["report_withdraw"] != 1 {
		t.Fatalf("audit of the period: %v", actions)
	}
}
