package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/support"
	"giamngheo/user"
)

// TestPlanPage: the province officer's plan page shows the seeded targets against
// their actuals from the registry (the poor-household rate from the roll-ups), the
// agencies' report states, and exports the workbook; an agency officer sees its report
// due on its home page, submits its figures and narrative, and may not enter another
// agency's figures; a stale edit of the plan is refused.
func TestPlanPage(t *testing.T) {
	r := MustRunServerAt(t, time.Date(2026, 11, 10, 9, 0, 0, 0, giamngheo.Vietnam))
	sys := systemCtx(context.Background())
	poor := poorHouseholdOf("10507", "HP-KH-1", "Phạm Thị Lan")
	other := poorHouseholdOf("10507", "HP-KH-2", "Đỗ Thị Mai")
	other.Members[0].NationalID = "030168004322"
	for _, h := range []*registry.Household{poor, other} {
		if err := r.App.reg.CreateHousehold(sys, h); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.App.store.SetHouseholdStatus(context.Background(), poor.ID, registry.Recognition{Class: poverty.Poor, Since: "2026-01-01"}); err != nil {
		t.Fatal(err)
	}
	if _, err := r.App.plan.Seed(sys, "31", 2023); err != nil {
		t.Fatal(err)
	}
	if _, err := r.App.plan.CopyPlan(sys, "31", 2023, 2026); err != nil {
		t.Fatal(err)
	}
	r.MustAddUser(t, "tinh.kh", giamngheo.RoleProvinceOfficer, "31")
	r.MustAddUser(t, "xa.kh", giamngheo.RoleCommuneOfficer, "10507")
	for name, agency := range map[string]string{"snn.kh": support.AgencyAgriculture, "bhxh.kh": support.AgencyInsurance} {
		if _, err := r.App.users.CreateUser(sys, user.NewUser{Username: name, Name: "Cán bộ " + name, Password: testPassword,
			Role: giamngheo.RoleAgencyOfficer, ScopeCode: "31", Agency: agency}); err != nil {
			t.Fatal(err)
		}
	}
	prov := loginClient(t, r.URL, "tinh.kh", testPassword)
	page := get(t, prov, r.URL+"/plan")
	for _, want := range []string{
		"Hải Dương năm 2026", `id="area-general"`, `id="area-10"`, "Hỗ trợ đầu tư cơ sở hạ tầng",
		// 1 of the 2 households is poor: 50 %, against 1,6 %.
		`<span class="actual">50 %</span> <span class="small">(1/2)</span>`, "1,6 %",
		// 1 of the 2 persons of the poor household holds a card.
		`id="t-health_insurance"`, "(1/2)", "khoảng 700 lượt người", "Chưa đến hạn", "20/11/2026", `id="plan-xlsx"`,
	} {
		if !strings.Contains(page, want) {
			t.Fatalf("plan page lacks %q:\n%s", want, page)
		}
	}

	// The agency officer's home page shows its report due, then it reports.
	snn := loginClient(t, r.URL, "snn.kh", testPassword)
	if home := get(t, snn, r.URL+"/"); !strings.Contains(home, `id="queue-plan"`) || !strings.Contains(home, "Còn 10 ngày") {
		t.Fatalf("the agency's home page lacks its report due:\n%s", home)
	}
	csrf := pageCSRF(t, snn, r.URL+"/plan")
	postForm(t, snn, r.URL+"/plan/reports", map[string]string{"csrf": csrf, "province": "31", "year": "2026", "version": "0",
		"fig_trainees": "720", "ev_trainees": "Báo cáo 15/BC-SNN", "narrative": "Đã tập huấn 720 lượt người.", "disbursed_2.1_local": "150.000.000"})
	page = get(t, prov, r.URL+"/plan")
	if !strings.Contains(page, "720 lượt người") || !strings.Contains(page, "Báo cáo 15/BC-SNN") || !strings.Contains(page, "Đúng hạn") {
		t.Fatalf("the agency's report is not on the plan page:\n%s", page)
	}
	// Another agency may not enter Agriculture's figures; a commune officer may not edit.
	bhxh := loginClient(t, r.URL, "bhxh.kh", testPassword)
	if code := postStatus(t, bhxh, r.URL+"/plan/figures", url.Values{"csrf": {pageCSRF(t, bhxh, r.URL+"/plan")}, "province": {"31"}, "year": {"2026"},
		"target": {"trainees"}, "value": {"1"}, "evidence": {"x"}}); code != http.StatusForbidden {
		t.Fatalf("another agency enters Agriculture's figure: %d", code)
	}
	xa := loginClient(t, r.URL, "xa.kh", testPassword)
	if code := postStatus(t, xa, r.URL+"/plan/settings", url.Values{"csrf": {pageCSRF(t, xa, r.URL+"/plan")}, "province": {"31"}, "year": {"2026"},
		"version": {"1"}, "report_due": {"2026-12-01"}}); code != http.StatusForbidden {
		t.Fatalf("a commune officer edits the plan: %d", code)
	}
	// Two edits on version 1: the second is a conflict.
	csrf = pageCSRF(t, prov, r.URL+"/plan")
	postForm(t, prov, r.URL+"/plan/settings", map[string]string{"csrf": csrf, "province": "31", "year": "2026", "version": "1", "report_due": "2026-11-25"})
	if code := postStatus(t, prov, r.URL+"/plan/settings", url.Values{"csrf": {csrf}, "province": {"31"}, "year": {"2026"}, "version": {"1"},
		"report_due": {"2026-11-30"}}); code != http.StatusConflict {
		t.Fatalf("a stale edit: %d, want 409", code)
	}

	resp, err := prov.Get(r.URL + "/plan.xlsx?province=31&year=2026")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("workbook: %v (%d %s)", err, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	motto, _ := f.GetCellValue("ChiTieu", "E1")
	rows, _ := f.GetRows("ChiTieu")
	found := false
	for _, row := range rows {
		if len(row) > 4 && strings.Contains(row[1], "700 lượt người") && row[3] == "700.0" && row[4] == "720.0" {
			found = true
		}
	}
	if motto != "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" || !found {
		t.Fatalf("workbook heading %q, trainees row found %v: %v", motto, found, rows)
	}
}

// post posts a form without following redirects and returns the status.
func postStatus(tb testing.TB, c *http.Client, target string, form url.Values) int {
	tb.Helper()
	nc := *c
	nc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := nc.PostForm(target, form)
	if err != nil {
		tb.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
