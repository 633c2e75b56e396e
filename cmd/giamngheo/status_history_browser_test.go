package main

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/review"
)

// TestBrowserHouseholdStatusHistory: the household page lists every change of the
// recognised status, newest first by the day it took effect, with its decision, round
// and certificate, dates dd/mm/yyyy, as cards on a phone that fit the screen and pass
// axe (issue 11 item 1).
func TestBrowserHouseholdStatusHistory(t *testing.T) {
	r := MustRunServer(t)
	r.MustAddUser(t, "xa.thanhdong", giamngheo.RoleCommuneOfficer, "10507")
	sys := systemCtx(context.Background())
	h := poorHouseholdOf("10507", "TD-0950", "Đinh Thị Hạnh")
	if err := r.App.reg.CreateHousehold(sys, h); err != nil {
		t.Fatal(err)
	}
	round, err := r.App.rev.OpenRound(sys, "10507", review.RoundPeriodic, 2025, time.January, review.WithBackdateReason("Nhập lại hồ sơ giấy"))
	if err != nil {
		t.Fatal(err)
	}
	for _, rc := range []registry.Recognition{
		{Class: poverty.NearPoor, Since: "2025-01-02", DecidedOn: "2024-12-30", DecisionNumber: "201/QĐ-UBND", Certificate: 12},
		{Class: poverty.Poor, Since: "2025-12-20", DecidedOn: "2025-12-15", DecisionNumber: "95/QĐ-UBND", RoundID: round.ID, Certificate: 4},
	} {
		if err := r.App.store.SetHouseholdStatus(sys, h.ID, rc); err != nil {
			t.Fatal(err)
		}
	}
	ctx := MustBrowser(t)
	do(t, ctx, append(login(r.URL, "xa.thanhdong", testPassword), chromedp.WaitVisible(chromedp.ID("home-title")))...)
	setViewport(t, ctx, phoneWidth)
	do(t, ctx, chromedp.Navigate(r.URL+"/households/"+strconv.FormatInt(h.ID, 10)), chromedp.WaitVisible(chromedp.ID("status-history")))
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#status-history tbody tr")].map(tr => [...tr.cells].map(c => c.innerText.trim()).join(" | "))`))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"20/12/2025 | Hộ nghèo | 95/QĐ-UBND | 15/12/2025 | " + round.Label() + " | số 4",
		"02/01/2025 | Hộ cận nghèo | 201/QĐ-UBND | 30/12/2024 |  | số 12",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Fatalf("status history rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	// On a phone the table is cards: one row a card, each cell labelled.
	display, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("#status-history tbody tr")).display`))
	if err != nil {
		t.Fatal(err)
	}
	if display == "table-row" {
		t.Fatal("on a phone the status history must show as cards, not table rows")
	}
	mustFitViewport(t, ctx)
	mustPassAxe(t, ctx)
}
