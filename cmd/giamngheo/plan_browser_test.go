package main

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"giamngheo"
)

// TestPlanPageInBrowser: the province officer's and an agency officer's plan page fit
// a phone and a desktop, are light and pass axe-core.
func TestPlanPageInBrowser(t *testing.T) {
	ctx := MustBrowser(t)
	r := MustRunServerAt(t, time.Date(2026, 11, 10, 9, 0, 0, 0, giamngheo.Vietnam))
	sys := systemCtx(context.Background())
	if _, err := r.App.plan.Seed(sys, "31", 2023); err != nil {
		t.Fatal(err)
	}
	if _, err := r.App.plan.CopyPlan(sys, "31", 2023, 2026); err != nil {
		t.Fatal(err)
	}
	r.MustAddUser(t, "tinh.ui", giamngheo.RoleProvinceOfficer, "31")
	do(t, ctx, append(login(r.URL, "tinh.ui", testPassword), chromedp.WaitVisible(chromedp.ID("home-title")))...)
	c := &uiCheck{tb: t, ctx: ctx, dir: screenshotDir(t)}
	c.at(r.URL, "/plan", "plan", "reports", true)
}
