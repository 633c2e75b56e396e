package main

import (
	"io"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"giamngheo"
)

// TestAnalysisPageInBrowser: the analysis page of a province, with its four tables,
// fits a phone and a desktop and passes axe-core at both widths; changing k in the form
// shows the new figures.
func TestAnalysisPageInBrowser(t *testing.T) {
	ctx := MustBrowser(t)
	r := MustRunServerWith(t, func(c *Config) { c.Provinces = "01,30,31" }, io.Discard)
	seedReportHouseholds(t, r)
	r.MustAddUser(t, "tinh.af", giamngheo.RoleProvinceOfficer, "31")
	do(t, ctx, append(login(r.URL, "tinh.af", testPassword), chromedp.WaitVisible(chromedp.ID("home-title")))...)
	c := &uiCheck{tb: t, ctx: ctx, dir: screenshotDir(t)}
	c.at(r.URL, "/analysis?k=0,25", "analysis", "analysis-indicators", true)
	do(t, ctx, chromedp.SetValue(chromedp.ID("analysis-k"), "0,01"), chromedp.Click(chromedp.ID("analysis-show")),
		chromedp.WaitVisible(chromedp.ID("af-h")))
	if h := text(t, ctx, "af-h"); !strings.HasPrefix(h, "100,00") {
		t.Fatalf("H at k = 0,01: %q, want 100,00 %%", h)
	}
}
