package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/support"
	"giamngheo/user"
)

// TestBrowserAgencyImportsHealthInsuranceList is issue 15's scenario in a browser: the
// Social Insurance's officer opens its health-insurance worklist, uploads a
// beneficiary list, reviews the match preview, records it, and sees the worklist
// shrink and the plan's "100% health insurance" indicator move; every page passes axe.
func TestBrowserAgencyImportsHealthInsuranceList(t *testing.T) {
	ctx := MustBrowser(t)
	r := MustRunServerAt(t, time.Date(2026, 11, 10, 9, 0, 0, 0, giamngheo.Vietnam))
	sys := systemCtx(context.Background())
	if _, err := r.App.plan.Seed(sys, "31", 2023); err != nil {
		t.Fatal(err)
	}
	if _, err := r.App.plan.CopyPlan(sys, "31", 2023, 2026); err != nil {
		t.Fatal(err)
	}
	// Two poor households of 10507: each head (58) has no card, each son has one.
	for _, x := range []struct{ code, head string }{{"HP-BR-1", "Phạm Thị Lan"}, {"HP-BR-2", "Đỗ Thị Mai"}} {
		h := poorHouseholdOf("10507", x.code, x.head)
		h.Members[0].NationalID = ""
		if err := r.App.reg.CreateHousehold(sys, h); err != nil {
			t.Fatal(err)
		}
		if err := r.App.store.SetHouseholdStatus(context.Background(), h.ID, registry.Recognition{Class: poverty.Poor, Since: "2025-01-01"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := r.App.users.CreateUser(sys, user.NewUser{Username: "bhxh.ui", Name: "Cán bộ BHXH", Password: testPassword,
		Role: giamngheo.RoleAgencyOfficer, ScopeCode: "10507", Agency: support.AgencyInsurance}); err != nil {
		t.Fatal(err)
	}
	list := filepath.Join(t.TempDir(), "the-bhyt.csv")
	if err := os.WriteFile(list, []byte("Mã hộ,Họ và tên,Ngày sinh\nHP-BR-1,Phạm Thị Lan,11/02/1968\nHP-XX-9,Không Có,01/01/1990\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	do(t, ctx, append(login(r.URL, "bhxh.ui", testPassword), chromedp.WaitVisible(chromedp.ID("home-title")))...)
	// The plan before: 2 of the 4 persons hold a card.
	do(t, ctx, chromedp.Navigate(r.URL+"/plan"), chromedp.WaitVisible(chromedp.ID("t-health_insurance")))
	waitText(t, ctx, "t-health_insurance", "2/4")
	waitText(t, ctx, "t-health_insurance", "50 %")
	mustPassAxe(t, ctx)

	// The worklist from the home page's queue.
	do(t, ctx, chromedp.Navigate(r.URL+"/"), chromedp.WaitVisible(chromedp.ID("queue-support")),
		chromedp.Click(`#queue-support a[href="/support?kind=health_insurance"]`))
	waitText(t, ctx, "gap-total", "2")
	waitText(t, ctx, "gaps", "HP-BR-1")
	mustPassAxe(t, ctx)

	// The list: matched against the registry, nothing recorded yet.
	do(t, ctx, chromedp.SetValue(chromedp.ID("list-type"), support.TypeHealthInsurance),
		chromedp.SetValue(chromedp.ID("list-day"), "2026-11-05"),
		chromedp.SetUploadFiles(chromedp.ID("list-file"), []string{list}),
		chromedp.Click(chromedp.ID("list-submit")))
	waitText(t, ctx, "preview-counts", "1")
	if got := text(t, ctx, "matched"); got != "1" {
		t.Fatalf("matched: %q, want 1", got)
	}
	if got := text(t, ctx, "unmatched"); got != "1" {
		t.Fatalf("unmatched: %q, want 1", got)
	}
	waitText(t, ctx, "preview", "HP-XX-9")
	waitText(t, ctx, "gap-total", "2") // the worklist under the preview: nothing recorded yet
	mustPassAxe(t, ctx)

	// Confirmed: the worklist shrinks to the other head.
	do(t, ctx, chromedp.Click(chromedp.ID("commit-list")))
	waitText(t, ctx, "flash", "Đã ghi nhận 1 hỗ trợ")
	// The commit returns to the worklist the list closes.
	waitText(t, ctx, "gap-total", "1")
	mustPassAxe(t, ctx)
	if got := text(t, ctx, "gaps"); !strings.Contains(got, "HP-BR-2") || strings.Contains(got, "HP-BR-1") {
		t.Fatalf("the worklist after the list: %q, want HP-BR-2 alone", got)
	}

	// The plan's indicator moved: 3 of 4.
	do(t, ctx, chromedp.Navigate(r.URL+"/plan"), chromedp.WaitVisible(chromedp.ID("t-health_insurance")))
	waitText(t, ctx, "t-health_insurance", "3/4")
	waitText(t, ctx, "t-health_insurance", "75 %")
}
