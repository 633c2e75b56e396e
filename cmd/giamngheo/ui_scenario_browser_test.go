package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"giamngheo"
	"giamngheo/review"
)

// TestBrowserUIEveryPage opens every page an officer uses, for each role's home page
// and the main flows, at 390 px (a phone) and 1280 px (a desktop), on one server and
// one browser: no element is wider than the viewport, each page weighs under 100 kB
// before compression, axe-core finds no serious or critical violation, and a
// screenshot of each is written to GIAMNGHEO_SCREENSHOTS (else a temporary directory).
func TestBrowserUIEveryPage(t *testing.T) {
	r := MustRunServer(t)
	for _, u := range []struct {
		name  string
		role  giamngheo.Role
		scope string
	}{{"tinh.hp", giamngheo.RoleProvinceOfficer, "31"}, {"xa.thanhdong", giamngheo.RoleCommuneOfficer, "10507"},
		{"so.yte", giamngheo.RoleAgencyOfficer, "31"}, {"xem", giamngheo.RoleViewer, "31"}} {
		r.MustAddUser(t, u.name, u.role, u.scope)
	}
	sys := systemCtx(context.Background())
	var hid int64
	for i, head := range []string{"Đào Thị Nguyệt", "Nguyễn Văn Bình", "Trần Thị Hoa"} {
		h := poorHouseholdOf("10507", fmt.Sprintf("TD-%04d", i+1), head)
		h.Members[0].NationalID = fmt.Sprintf("03016800432%d", i)
		if err := r.App.reg.CreateHousehold(sys, h); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			hid = h.ID
		}
	}
	officer := actorCtx(t, r, "xa.thanhdong")
	today := giamngheo.Today(r.App.now())
	round, err := r.App.rev.OpenRound(officer, "10507", review.RoundRegular, today.Year(), today.Month())
	if err != nil {
		t.Fatal(err)
	}
	c, err := r.App.rev.FileRequest(officer, round.ID, hid, review.OriginRequest01, review.Date(today.Year(), today.Month(), today.Day()))
	if err != nil {
		t.Fatal(err)
	}

	ctx := MustBrowserFor(t, 5*time.Minute) // every page at two widths
	mustCatchBadPage(t, ctx)
	ui := &uiCheck{tb: t, ctx: ctx, dir: screenshotDir(t)}
	ui.at(r.URL, "/login", "login", "login-submit", false)

	homes := []struct{ user, password string }{{"admin", r.Password}, {"tinh.hp", testPassword}, {"xa.thanhdong", testPassword}, {"so.yte", testPassword}, {"xem", testPassword}}
	for _, h := range homes {
		do(t, ctx, append(login(r.URL, h.user, h.password), chromedp.WaitVisible(chromedp.ID("home-title")))...)
		ui.at(r.URL, "/", "home-"+h.user, "home-title", h.user == "xa.thanhdong")
		if h.user == "admin" {
			ui.at(r.URL, "/admin/users", "users", "user-list", false)
			ui.at(r.URL, "/admin/audit", "audit", "audit-total", false)
		}
	}
	// The commune officer's flows (the last login above is the viewer's).
	do(t, ctx, append(login(r.URL, "xa.thanhdong", testPassword), chromedp.WaitVisible(chromedp.ID("home-title")))...)
	if !exists(t, ctx, "queue-rounds") {
		t.Error("the commune officer's home page must list the round in progress")
	}
	for _, p := range []struct{ path, name, wait string }{
		{"/households", "households", "household-list"},
		{fmt.Sprintf("/households/%d", hid), "household", "household-class"},
		{"/households/new", "household-form", "household-form"},
		{"/import", "import", "import-form"},
		{"/review", "rounds", "rounds"},
		{fmt.Sprintf("/review/rounds/%d", round.ID), "round", "round-title"},
		{fmt.Sprintf("/review/cases/%d", c.ID), "case", "case-state"},
		{"/units", "units", "unit-count"},
		{"/units/10507", "unit", "unit-name"},
		{"/reports?report=thieu-hut-ho-ngheo", "reports", "report-rows"},
		{"/reports?report=danh-sach-ho-ngheo", "reports-list", "report-list"},
	} {
		ui.at(r.URL, p.path, p.name, p.wait, false)
	}
	// The household picker searches as one types (no diacritics), without leaving the page.
	setViewport(t, ctx, phoneWidth)
	roundURL := fmt.Sprintf("%s/review/rounds/%d", r.URL, round.ID)
	do(t, ctx, chromedp.Navigate(roundURL), chromedp.WaitVisible(chromedp.ID("request-household-q")),
		chromedp.SendKeys(chromedp.ID("request-household-q"), "tran thi"),
		chromedp.WaitVisible(chromedp.CSS(`#request-household-choices input[checked]`)))
	if got := text(t, ctx, "request-household-choices"); !strings.Contains(got, "Trần Thị Hoa") || strings.Contains(got, "Đào Thị Nguyệt") {
		t.Errorf("search as you type for %q shows: %s", "tran thi", got)
	}
	if loc := location(t, ctx); loc != roundURL {
		t.Errorf("search as you type left the page for %s", loc)
	}
	// An English page speaks English only: the work queue and the figures.
	do(t, ctx, chromedp.Navigate(r.URL+"/"), chromedp.WaitVisible(chromedp.ID("lang-switch")), chromedp.Click(chromedp.ID("lang-switch")),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="en"] #home-queue`)))
	if q := text(t, ctx, "home-queue") + text(t, ctx, "home-figures"); !strings.Contains(q, "Review rounds in progress") || strings.Contains(q, "Đợt rà soát") || strings.Contains(q, "Hộ gia đình") {
		t.Errorf("English home page: %s", q)
	}
	do(t, ctx, chromedp.Click(chromedp.ID("lang-switch")), chromedp.WaitVisible(chromedp.CSS(`html[lang="vi"] #home-queue`)))
	mustShootDesign(t, ctx, r.URL, []designShot{
		{"header", "/", "header.top"},
		{"work-queue", "/", "#home-queue"},
		{"tiles", "/", "#home-figures"},
		{"filters-and-buttons", "/households", "#household-filters"},
		{"toolbar-buttons", "/households", ".toolbar"},
		{"list-cards", "/households", "#household-list"},
		{"badges", "/households", "#household-list tbody tr"},
		{"empty-state", "/households?q=zzzz", "#household-empty"},
		{"picker", fmt.Sprintf("/review/rounds/%d?hq=nguyen#request", round.ID), ".picker"},
		{"form", "/households/new", "fieldset.member"},
		{"case-steps", fmt.Sprintf("/review/cases/%d", c.ID), "#case-actions"},
	})
	do(t, ctx, append(login(r.URL, "admin", "wrong-password"), chromedp.WaitVisible(chromedp.ID("login-error")))...)
	mustShootDesign(t, ctx, r.URL, []designShot{{"error-state", "/login", ".card.narrow"}})
}
