package main

import (
	"io"
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
	// The old page's #af-h stands until the new one replaces it: wait for the new
	// address, then for the figure.
	do(t, ctx, chromedp.SetValue(chromedp.ID("analysis-k"), "0,01"), chromedp.Click(chromedp.ID("analysis-show")))
	waitLocation(t, ctx, "k=0%2C01", "k=0,01")
	waitText(t, ctx, "af-h", "100,00")
}
