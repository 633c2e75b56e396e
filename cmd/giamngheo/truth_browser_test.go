package main

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/review"
)

// TestBrowserOneTruth: a commune officer edits an answer of a recognised poor household
// so that its survey result is no longer poor. It stays poor in the lists, is flagged,
// is offered to the month's regular round, and leaves the list only by that round's
// decision (Decision 24/2021/QĐ-TTg, Art. 5).
func TestBrowserOneTruth(t *testing.T) {
	r := MustRunServer(t)
	r.MustAddUser(t, "xa.thanhdong", giamngheo.RoleCommuneOfficer, "10507")
	sys := systemCtx(context.Background())
	h := poorHouseholdOf("10507", "TD-0900", "Hoàng Thị Mơ")
	if err := r.App.reg.CreateHousehold(sys, h); err != nil {
		t.Fatal(err)
	}
	today := giamngheo.Today(r.App.now())
	since := today.AddDate(0, -2, 0).Format(giamngheo.DateLayout)
	if err := r.App.store.SetHouseholdStatus(sys, h.ID, registry.Recognition{Class: poverty.Poor, Since: since, DecidedOn: since, DecisionNumber: "7/QĐ-UBND", Certificate: 3}); err != nil {
		t.Fatal(err)
	}
	roundStart, posted := scenarioRound(today, r.App.rev.Config)
	ctx := MustBrowser(t)
	inPoorList := func() bool {
		t.Helper()
		do(t, ctx, chromedp.Navigate(r.URL+"/households?status=poor"), chromedp.WaitVisible(chromedp.ID("household-total")))
		return exists(t, ctx, "household-list") && strings.Contains(text(t, ctx, "household-list"), "TD-0900")
	}
	do(t, ctx, append(login(r.URL, "xa.thanhdong", testPassword), chromedp.WaitVisible(chromedp.ID("home-title")))...)
	if !inPoorList() {
		t.Fatal("the recognised poor household is not in the list of the poor")
	}
	// The officer records a much higher income.
	do(t, ctx, chromedp.Navigate(r.URL+"/households/"+strconv.FormatInt(h.ID, 10)+"/edit"), chromedp.WaitVisible(chromedp.ID("household-form")),
		chromedp.SetValue(chromedp.ID("hh-income"), "360000000"),
		chromedp.Click(chromedp.ID("household-save")), chromedp.WaitVisible(chromedp.ID("household-status")))
	if st, cls := text(t, ctx, "household-status"), text(t, ctx, "household-class"); st != "Hộ nghèo" || cls == "Hộ nghèo" {
		t.Fatalf("after the edit: recognised %q (want Hộ nghèo), survey %q (want not poor)", st, cls)
	}
	if !exists(t, ctx, "needs-review") {
		t.Fatal("after the edit the household must be flagged for review")
	}
	if !inPoorList() {
		t.Fatal("an edit moved the household off the list of the poor")
	}
	// The month's regular round offers it; the officer takes it through the review.
	do(t, ctx, openRegularRound(r.URL, roundStart)...)
	if !exists(t, ctx, "flagged") || !strings.Contains(text(t, ctx, "flagged"), "TD-0900") {
		t.Fatal("the round does not offer the flagged household")
	}
	do(t, ctx, chromedp.Click(chromedp.ID("flag-TD-0900")), chromedp.WaitVisible(chromedp.CSS("#do-survey, #form-error, #error-status")))
	if exists(t, ctx, "form-error") || exists(t, ctx, "error-status") {
		page, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
		t.Fatalf("adding the flagged household: %s", page)
	}
	do(t, ctx, chromedp.Click(chromedp.ID("do-survey")), chromedp.WaitVisible(chromedp.ID("do-hold_meeting")),
		chromedp.SetValue(chromedp.ID("meeting-date"), posted.AddDate(0, 0, -1).Format(giamngheo.DateLayout)),
		chromedp.SendKeys(chromedp.ID("meeting-attendees"), "30"), chromedp.SendKeys(chromedp.ID("meeting-agree"), "25"),
		chromedp.SendKeys(chromedp.ID("meeting-chair"), "Lê Văn Tám"), chromedp.SendKeys(chromedp.ID("meeting-secretary"), "Ngô Thị Hạnh"))
	fillLateReason(t, ctx, "hold_meeting")
	do(t, ctx, chromedp.Click(chromedp.ID("do-hold_meeting")), chromedp.WaitVisible(chromedp.ID("do-post")))
	caseURL := location(t, ctx)
	// Until the decision the household is still poor.
	if !inPoorList() {
		t.Fatal("the household left the list before the decision")
	}
	do(t, ctx, chromedp.Navigate(caseURL), chromedp.WaitVisible(chromedp.ID("do-post")),
		chromedp.SetValue(chromedp.ID("posted-on-post"), posted.Format(giamngheo.DateLayout)))
	fillLateReason(t, ctx, "post")
	do(t, ctx, chromedp.Click(chromedp.ID("do-post")), chromedp.WaitVisible(chromedp.ID("do-decide")))
	fillLateReason(t, ctx, "decide")
	do(t, ctx, chromedp.Click(chromedp.ID("do-decide")), chromedp.WaitNotPresent(chromedp.ID("do-decide")))
	if st := text(t, ctx, "case-state"); st != review.StateDecided.Label() {
		t.Fatalf("the case is %q, want decided", st)
	}
	if inPoorList() {
		t.Fatal("after the decision the household must leave the list of the poor")
	}
	do(t, ctx, chromedp.Navigate(r.URL+"/households/"+strconv.FormatInt(h.ID, 10)), chromedp.WaitVisible(chromedp.ID("household-status")))
	if st := text(t, ctx, "household-status"); st == "Hộ nghèo" || exists(t, ctx, "needs-review") {
		t.Fatalf("after the decision: recognised %q, flagged %v", st, exists(t, ctx, "needs-review"))
	}
}

// TestBrowserStaleEditRefused: an officer opens a household's form; meanwhile another
// officer saves a new phone number. The first officer's save is refused with a
// conflict naming the change, and nothing of it is written over the other's edit.
func TestBrowserStaleEditRefused(t *testing.T) {
	r := MustRunServer(t)
	r.MustAddUser(t, "xa.thanhdong", giamngheo.RoleCommuneOfficer, "10507")
	sys := systemCtx(context.Background())
	h := poorHouseholdOf("10507", "TD-0950", "Phan Thị Lụa")
	if err := r.App.reg.CreateHousehold(sys, h); err != nil {
		t.Fatal(err)
	}
	ctx := MustBrowser(t)
	do(t, ctx, append(login(r.URL, "xa.thanhdong", testPassword), chromedp.WaitVisible(chromedp.ID("home-title")),
		chromedp.Navigate(r.URL+"/households/"+strconv.FormatInt(h.ID, 10)+"/edit"), chromedp.WaitVisible(chromedp.ID("household-form")))...)
	phone := "0987654321"
	if _, err := r.App.reg.UpdateHousehold(sys, h.ID, registry.HouseholdUpdate{BaseVersion: h.Version, Phone: &phone}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.SetValue(chromedp.ID("hh-village"), "Thôn Mới"),
		chromedp.Click(chromedp.ID("household-save")), chromedp.WaitVisible(chromedp.ID("form-error")))
	if msg := text(t, ctx, "form-error"); !strings.Contains(msg, "phiên bản 2") || !strings.Contains(msg, "phone") {
		t.Fatalf("the stale save must be refused naming the change: %q", msg)
	}
	got, err := r.App.reg.FindHouseholdByID(sys, h.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Phone != phone || got.VillageName == "Thôn Mới" || got.Version != 2 {
		t.Fatalf("after the refused save: phone %q, village %q, version %d", got.Phone, got.VillageName, got.Version)
	}
}
