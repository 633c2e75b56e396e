package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"giamngheo"
)

// publicPages are the public site's pages with the id each waits for.
var publicPages = []struct{ path, name string }{
	{"/public", "public-home"}, {"/public/figures", "public-figures"}, {"/public/news", "public-news"},
	{"/public/documents", "public-documents"}, {"/public/offices", "public-offices"},
}

// checkPublicAndDashboard opens every public page and the province dashboard in
// Vietnamese and English at 390 and 1280 px: each fits, is light, passes axe-core,
// and leaves a screenshot named prefix-page-lang-width.png.
func checkPublicAndDashboard(t *testing.T, r *running, prefix string) {
	ctx := MustBrowserFor(t, 5*time.Minute)
	c := &uiCheck{tb: t, ctx: ctx, dir: screenshotDir(t)}
	for _, l := range []string{"vi", "en"} {
		for _, p := range publicPages {
			path := p.path
			if l == "en" {
				path += "?lang=en"
			}
			c.at(r.URL, path, prefix+"-"+p.name+"-"+l, "pub-title", true)
			if got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`)); got != l {
				t.Errorf("%s: html lang %q, want %q", path, got, l)
			}
		}
	}
	r.MustAddUser(t, "tinh.ui", giamngheo.RoleProvinceOfficer, "31")
	ctx = MustBrowserFor(t, 5*time.Minute) // a fresh browser: each has 90 seconds
	c = &uiCheck{tb: t, ctx: ctx, dir: screenshotDir(t)}
	do(t, ctx, append(login(r.URL, "tinh.ui", testPassword), chromedp.WaitVisible(chromedp.ID("home-title")))...)
	c.at(r.URL, "/dashboard", prefix+"-dashboard-vi", "dash-title", true)
	do(t, ctx, chromedp.Click(chromedp.ID("lang-switch")), chromedp.WaitVisible(chromedp.CSS(`html[lang="en"] #dash-title`)))
	c.at(r.URL, "/dashboard", prefix+"-dashboard-en", "dash-title", true)
	// The data table of a chart is one click away.
	do(t, ctx, chromedp.Click(chromedp.CSS(`#deprivation-data > summary`)), chromedp.WaitVisible(chromedp.CSS(`#deprivation-data table`)))
	c.at(r.URL, "/portal/news", prefix+"-portal-en", "post-form", true)
}

// TestBrowserDashboardAndPublicWithData: the pages with a province's households, and
// a leader's account (viewer of one commune) sees its commune only.
func TestBrowserDashboardAndPublicWithData(t *testing.T) {
	r := MustRunServer(t, func(c *Config) { c.Provinces = "31" })
	communes, _ := publicFixture(t, r)
	// The province's plan of this year: its targets on the dashboard and the public site.
	sys := systemCtx(context.Background())
	if _, err := r.App.plan.Seed(sys, "31", 2023); err != nil {
		t.Fatal(err)
	}
	if y := r.App.now().Year(); y != 2023 {
		if _, err := r.App.plan.CopyPlan(sys, "31", 2023, y); err != nil {
			t.Fatal(err)
		}
	}
	checkPublicAndDashboard(t, r, "data")
	r.MustAddUser(t, "xa.ui", giamngheo.RoleViewer, communes[0].Code)
	ctx := MustBrowserFor(t, 5*time.Minute)
	c := &uiCheck{tb: t, ctx: ctx, dir: screenshotDir(t)}
	do(t, ctx, append(login(r.URL, "xa.ui", testPassword), chromedp.WaitVisible(chromedp.ID("home-title")))...)
	c.at(r.URL, "/dashboard", "data-dashboard-commune-vi", "dash-title", true)
	if title := text(t, ctx, "dash-title"); !strings.Contains(title, communes[0].Name) {
		t.Errorf("the leader's dashboard is of %q, want %s", title, communes[0].Name)
	}
	page, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(page, communes[1].Name) || exists(t, ctx, "dash-unit") {
		t.Errorf("the leader of %s sees another unit or a unit picker", communes[0].Name)
	}
	if got := text(t, ctx, "total-households"); got != "8" {
		t.Errorf("the leader's households = %q, want 8", got)
	}
	if !exists(t, ctx, "targets-table") || !exists(t, ctx, "chart-trend-t") {
		t.Error("the leader's dashboard lacks the plan's targets or the trend")
	}
}

// TestBrowserDashboardAndPublicEmpty: the same pages on a province without households.
func TestBrowserDashboardAndPublicEmpty(t *testing.T) {
	r := MustRunServer(t, func(c *Config) { c.Provinces = "31" })
	checkPublicAndDashboard(t, r, "empty")
}
