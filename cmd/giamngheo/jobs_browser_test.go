package main

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"giamngheo"
	"giamngheo/jobs"
	"giamngheo/poverty"
	"giamngheo/registry"

	"github.com/chromedp/chromedp"
)

// TestBrowserJobPlacement: on a phone, a job-centre officer registers a seeker from a
// poor household, registers a vacancy, finds the seeker ranked on it, refers and
// places; the household page shows the change in its history and the support, the
// labour agency's worklist has one person fewer, the recognised status is unchanged,
// and the public page (no login) shows the vacancy but never the seeker.
func TestBrowserJobPlacement(t *testing.T) {
	r := MustRunServer(t)
	sys := systemCtx(context.Background())
	h := poorHouseholdOf("10507", "HP-VL-9", "Ngô Thị Lành")
	h.Members[1].Name, h.Members[1].Employment = "Ngô Văn Tìm", poverty.Unemployed
	if err := r.App.reg.CreateHousehold(sys, h); err != nil {
		t.Fatal(err)
	}
	if err := r.App.store.SetHouseholdStatus(context.Background(), h.ID, registry.Recognition{Class: poverty.Poor, Since: "2025-01-01"}); err != nil {
		t.Fatal(err)
	}
	addLabourOfficer(t, r, "ttdvvl.hp", "31")
	ctx := MustBrowser(t)
	do(t, ctx, append(login(r.URL, "ttdvvl.hp", testPassword), chromedp.WaitVisible(chromedp.ID("home-title")))...)
	do(t, ctx, chromedp.Navigate(r.URL+"/support?kind=labour"), chromedp.WaitVisible(chromedp.ID("gap-total")))
	before, _ := strconv.Atoi(text(t, ctx, "gap-total"))
	if before < 1 {
		t.Fatalf("the unemployed member is not on the labour worklist (%d)", before)
	}

	// Register the seeker from the household.
	do(t, ctx, chromedp.Navigate(r.URL+"/jobs"), chromedp.Click(chromedp.ID("seeker-new")), chromedp.WaitVisible(chromedp.ID("hq")),
		chromedp.SendKeys(chromedp.ID("hq"), "HP-VL-9"), chromedp.Click(chromedp.ID("hq-search")), chromedp.WaitVisible(chromedp.ID("household-results")),
		chromedp.Click(chromedp.CSS("#household-results a")), chromedp.WaitVisible(chromedp.ID("seeker-form")),
		chromedp.Click(chromedp.CSS(`input[name="member"][value="`+strconv.FormatInt(h.Members[1].ID, 10)+`"]`)),
		chromedp.SendKeys(chromedp.ID("s-skills"), "lái xe, bốc xếp"), chromedp.SendKeys(chromedp.ID("s-wage"), "6000000"),
		chromedp.Click(chromedp.ID("s-consent")), chromedp.Click(chromedp.ID("seeker-submit")), chromedp.WaitVisible(chromedp.ID("seeker-priority")))
	if p := text(t, ctx, "seeker-priority"); p != "Thuộc hộ nghèo" {
		t.Fatalf("priority group %q", p)
	}
	mustPassAxe(t, ctx)

	// Register a vacancy.
	closing := giamngheo.DayString(r.App.now().AddDate(0, 0, 20))
	do(t, ctx, chromedp.Navigate(r.URL+"/jobs/vacancies/new"), chromedp.WaitVisible(chromedp.ID("vacancy-form")),
		chromedp.SendKeys(chromedp.ID("v-employer"), "Công ty TNHH Logistics Đình Vũ"), chromedp.SendKeys(chromedp.ID("v-tax"), "0209876543"),
		chromedp.SendKeys(chromedp.ID("v-position"), "Lái xe nâng hàng"), chromedp.SendKeys(chromedp.ID("v-skills"), "lái xe"),
		chromedp.SendKeys(chromedp.ID("v-wage-min"), "7000000"), chromedp.SetValue(chromedp.ID("v-closing"), closing),
		chromedp.SetValue(chromedp.ID("v-commune"), "10507"), chromedp.Click(chromedp.ID("vacancy-submit")), chromedp.WaitVisible(chromedp.ID("candidates")))

	// Match, refer, place.
	seekers, _, err := r.App.job.FindSeekers(sys, jobs.SeekerFilter{HouseholdID: h.ID})
	if err != nil || len(seekers) != 1 {
		t.Fatalf("seekers of the household: %v %v", seekers, err)
	}
	sid := strconv.FormatInt(seekers[0].ID, 10)
	row := text(t, ctx, "candidate-list")
	if !strings.Contains(row, "Ngô Văn Tìm") || !strings.Contains(row, "100/100") || !strings.Contains(row, "Cùng xã") {
		t.Fatalf("the seeker is not ranked with reasons:\n%s", row)
	}
	mustPassAxe(t, ctx)
	do(t, ctx, chromedp.Click(chromedp.ID("refer-"+sid)), chromedp.WaitVisible(chromedp.ID("referral-list")))
	refs, err := r.App.job.FindReferrals(sys, jobs.ReferralFilter{SeekerID: seekers[0].ID})
	if err != nil || len(refs) != 1 {
		t.Fatalf("referrals: %v %v", refs, err)
	}
	rid := strconv.FormatInt(refs[0].ID, 10)
	do(t, ctx, chromedp.SetValue(chromedp.ID("outcome-"+rid), "hired"), chromedp.Click(chromedp.ID("outcome-submit-"+rid)))
	// Wait for the page after the placement, not the flash of the referral's page.
	waitText(t, ctx, "flash", "Đã ghi nhận việc làm")
	if got := text(t, ctx, "vacancy-filled"); got != "1/1" {
		t.Fatalf("filled %q, want 1/1", got)
	}

	// The household shows the change; the worklist shrank; the status stayed.
	do(t, ctx, chromedp.Navigate(r.URL+"/households/"+strconv.FormatInt(h.ID, 10)), chromedp.WaitVisible(chromedp.ID("history")))
	if hist := text(t, ctx, "history"); !strings.Contains(hist, "ttdvvl.hp") {
		t.Fatalf("the history does not show the placement's change:\n%s", hist)
	}
	if sup := text(t, ctx, "support"); !strings.Contains(sup, "Tư vấn, giới thiệu việc làm") || !strings.Contains(sup, "Ngô Văn Tìm") {
		t.Fatalf("the household's support does not show the placement:\n%s", sup)
	}
	after, err := r.App.reg.FindHouseholdByID(sys, h.ID)
	if err != nil || after.Recognised.Class != poverty.Poor || after.Members[1].Employment != poverty.EmployedWithContract {
		t.Fatalf("after the placement: %+v %v", after.Recognised, err)
	}
	do(t, ctx, chromedp.Navigate(r.URL+"/support?kind=labour"), chromedp.WaitVisible(chromedp.ID("gap-total")))
	if n, _ := strconv.Atoi(text(t, ctx, "gap-total")); n != before-1 {
		t.Fatalf("labour worklist %d → %d, want one fewer", before, n)
	}

	// The public side, logged out: no seeker; the filled vacancy is no longer open.
	do(t, ctx, chromedp.Click(chromedp.ID("logout")), chromedp.WaitVisible(chromedp.ID("login-submit")),
		chromedp.Navigate(r.URL+"/public/jobs?q=LAI+XE"), chromedp.WaitVisible(chromedp.ID("public-total")))
	body := text(t, ctx, "main")
	if strings.Contains(body, "Ngô Văn Tìm") || strings.Contains(body, "Lái xe nâng hàng") {
		t.Fatalf("the public page shows the seeker or a filled vacancy:\n%s", body)
	}
	mustPassAxe(t, ctx)
	mustFitViewport(t, ctx)
}

// TestBrowserJobPages: every job page fits a phone and a desktop, is light and passes
// axe-core, with data on it (a seeker from a poor household, a vacancy, a referral).
func TestBrowserJobPages(t *testing.T) {
	r := MustRunServer(t)
	sys := systemCtx(context.Background())
	h := poorHouseholdOf("10507", "HP-VL-5", "Lê Thị Trang")
	if err := r.App.reg.CreateHousehold(sys, h); err != nil {
		t.Fatal(err)
	}
	if err := r.App.store.SetHouseholdStatus(context.Background(), h.ID, registry.Recognition{Class: poverty.NearPoor, Since: "2025-01-01"}); err != nil {
		t.Fatal(err)
	}
	sk := &jobs.Seeker{HouseholdID: h.ID, Skills: "may công nghiệp, đóng gói", Consent: true, LabourExport: true, Range: jobs.RangeAny, DesiredWage: 8_000_000}
	if err := r.App.job.RegisterSeeker(sys, sk, h.Members[1].ID); err != nil {
		t.Fatal(err)
	}
	v := &jobs.Vacancy{EmployerName: "Công ty May Hải Phòng", EmployerTaxCode: "0201112223", Position: "Công nhân may công nghiệp", Skills: "may công nghiệp",
		WageMin: 6_500_000, WageMax: 9_000_000, Places: 20, ClosingDate: giamngheo.DayString(r.App.now().AddDate(0, 1, 0)), CommuneCode: "10507"}
	if err := r.App.job.RegisterVacancy(sys, v); err != nil {
		t.Fatal(err)
	}
	if _, err := r.App.job.Refer(sys, sk.ID, v.ID); err != nil {
		t.Fatal(err)
	}
	addLabourOfficer(t, r, "vl.trang", "31")
	ctx := MustBrowser(t)
	ui := &uiCheck{tb: t, ctx: ctx, dir: screenshotDir(t)}
	ui.at(r.URL, "/public/jobs", "public-jobs", "public-vacancies", false)
	ui.at(r.URL, "/public/jobs/seeker", "public-jobs-seeker", "public-seeker-form", false)
	ui.at(r.URL, "/public/jobs/employer", "public-jobs-employer", "public-employer-form", false)
	do(t, ctx, append(login(r.URL, "vl.trang", testPassword), chromedp.WaitVisible(chromedp.ID("home-title")))...)
	if !exists(t, ctx, "queue-jobs") {
		t.Error("the job-centre officer's home page has no job exchange section")
	}
	for _, p := range []struct{ path, name, wait string }{
		{"/jobs", "jobs", "seeker-list"},
		{"/jobs/seekers/new?hq=HP-VL-5", "jobs-seeker-new", "household-results"},
		{"/jobs/seekers/" + strconv.FormatInt(sk.ID, 10), "jobs-seeker", "vacancy-matches"},
		{"/jobs/vacancies/new", "jobs-vacancy-new", "vacancy-form"},
		{"/jobs/vacancies/" + strconv.FormatInt(v.ID, 10), "jobs-vacancy", "referral-list"},
		{"/jobs/report", "jobs-report", "jobs-report-table"},
	} {
		ui.at(r.URL, p.path, p.name, p.wait, false)
	}
}
