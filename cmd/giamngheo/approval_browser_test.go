package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
)

// TestBrowserReportApproval (issue 14 item 10): a commune officer opens report 1 and
// submits it; the province officer sees it waiting on the home page and in the
// completeness view, returns it with a comment; the commune reads the comment and
// submits again; the province approves; a household recognised poor afterwards leaves
// the approved report of the year unchanged. The pages pass axe-core.
func TestBrowserReportApproval(t *testing.T) {
	r := MustRunServerAt(t, time.Date(2026, 12, 18, 9, 0, 0, 0, giamngheo.Vietnam))
	r.MustAddUser(t, "xa.bao.cao", giamngheo.RoleCommuneOfficer, "10507")
	r.MustAddUser(t, "tinh.bao.cao", giamngheo.RoleProvinceOfficer, "31")
	sys := systemCtx(context.Background())
	recognise := func(code string) {
		t.Helper()
		h := poorHouseholdOf("10507", code, "Đỗ Văn "+code)
		if err := r.App.reg.CreateHousehold(sys, h); err != nil {
			t.Fatal(err)
		}
		if err := r.App.store.SetHouseholdStatus(sys, h.ID, registry.Recognition{Class: poverty.Poor, Since: "2026-12-15", DecidedOn: "2026-12-15", DecisionNumber: "12/QĐ-UBND"}); err != nil {
			t.Fatal(err)
		}
	}
	recognise("BC-1")

	ctx := MustBrowser(t)
	report := r.URL + "/reports?report=ket-qua-chinh-thuc&unit=10507&period=2026"
	as := func(user string) {
		t.Helper()
		do(t, ctx, chromedp.Navigate(r.URL+"/"), chromedp.WaitVisible(chromedp.CSS("body")))
		if exists(t, ctx, "logout") {
			do(t, ctx, chromedp.Click(chromedp.ID("logout")), chromedp.WaitVisible(chromedp.ID("login-submit")))
		}
		do(t, ctx, append(login(r.URL, user, testPassword), chromedp.WaitVisible(chromedp.ID("home-title")))...)
	}
	poor := func() string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#report-rows tr.row-total td:nth-of-type(3)`)))
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(v)
	}

	as("xa.bao.cao")
	do(t, ctx, chromedp.Navigate(report), chromedp.WaitVisible(chromedp.ID("report-approval")))
	waitText(t, ctx, "approval-state", "Chưa nộp")
	before := poor()
	do(t, ctx, chromedp.Click(chromedp.ID("approval-submit-button")))
	waitText(t, ctx, "approval-state", "Đã nộp")
	if exists(t, ctx, "approval-decide") {
		t.Fatal("the commune is offered to approve its own report")
	}

	as("tinh.bao.cao")
	waitText(t, ctx, "queue-report-approvals", "1 báo cáo chờ phê duyệt")
	do(t, ctx, chromedp.Navigate(r.URL+"/reports/completeness?period=2026"), chromedp.WaitVisible(chromedp.ID("completeness-rows")))
	waitText(t, ctx, "unit-10507", "Đã nộp")
	mustPassAxe(t, ctx)
	do(t, ctx, chromedp.Navigate(report), chromedp.WaitVisible(chromedp.ID("approval-decide")),
		chromedp.SendKeys(chromedp.ID("approval-comment-input"), "Thiếu số liệu tổ dân phố 3"),
		chromedp.Click(chromedp.ID("approval-return")))
	waitText(t, ctx, "approval-state", "Bị trả lại")

	as("xa.bao.cao")
	do(t, ctx, chromedp.Navigate(report), chromedp.WaitVisible(chromedp.ID("report-approval")))
	waitText(t, ctx, "approval-comment", "Thiếu số liệu tổ dân phố 3")
	mustPassAxe(t, ctx)
	do(t, ctx, chromedp.Click(chromedp.ID("approval-submit-button")))
	waitText(t, ctx, "approval-state", "Đã nộp")

	as("tinh.bao.cao")
	do(t, ctx, chromedp.Navigate(report), chromedp.WaitVisible(chromedp.ID("approval-decide")), chromedp.Click(chromedp.ID("approval-approve")))
	waitText(t, ctx, "approval-state", "Đã phê duyệt")
	if !exists(t, ctx, "approval-frozen") || !exists(t, ctx, "approval-withdraw") {
		t.Fatal("the approved year does not say its figures are frozen, or offers no withdrawal to the approver")
	}
	approved := poor()
	if approved != before {
		t.Fatalf("approving changed the figures: %s poor before, %s after", before, approved)
	}

	// A household recognised poor after the approval: the year's report does not move.
	recognise("BC-2")
	do(t, ctx, chromedp.Navigate(report), chromedp.WaitVisible(chromedp.ID("report-rows")))
	if got := poor(); got != approved {
		t.Fatalf("a change after the approval moved the approved report: %s poor, was %s", got, approved)
	}
	do(t, ctx, chromedp.Navigate(r.URL+"/reports?report=ket-qua-chinh-thuc&unit=10507&period=2027"), chromedp.WaitVisible(chromedp.ID("report-rows")))
	if got := poor(); got == approved {
		t.Fatalf("the next year's live report does not count the new poor household: %s", got)
	}
}
