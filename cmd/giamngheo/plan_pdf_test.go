package main

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/support"
	"giamngheo/user"
)

// TestPlanReportPDF: the Agriculture department reports on the 2026 plan and
// downloads its report from the plan page as a PDF in the official look, with its
// computed and entered figures against the plan, its narrative and its money; the
// province officer downloads the same report from the agencies' table; an agency that
// does not report on the plan has no report.
func TestPlanReportPDF(t *testing.T) {
	r := MustRunServerAt(t, time.Date(2026, 11, 10, 9, 0, 0, 0, giamngheo.Vietnam))
	sys := systemCtx(context.Background())
	// Two poor households of 10507, both drinking surface water: clean water 0 of 2.
	for _, x := range []struct{ code, head, id string }{{"HP-PDF-1", "Phạm Thị Lan", "030168004331"}, {"HP-PDF-2", "Đỗ Thị Mai", "030168004332"}} {
		h := poorHouseholdOf("10507", x.code, x.head)
		h.Members[0].NationalID = x.id
		if err := r.App.reg.CreateHousehold(sys, h); err != nil {
			t.Fatal(err)
		}
		if err := r.App.store.SetHouseholdStatus(context.Background(), h.ID, registry.Recognition{Class: poverty.Poor, Since: "2026-01-01"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := r.App.plan.Seed(sys, "31", 2023); err != nil {
		t.Fatal(err)
	}
	if _, err := r.App.plan.CopyPlan(sys, "31", 2023, 2026); err != nil {
		t.Fatal(err)
	}
	r.MustAddUser(t, "tinh.pdf", giamngheo.RoleProvinceOfficer, "31")
	if _, err := r.App.users.CreateUser(sys, user.NewUser{Username: "snn.pdf", Name: "Cán bộ Sở NN", Password: testPassword,
		Role: giamngheo.RoleAgencyOfficer, ScopeCode: "31", Agency: support.AgencyAgriculture}); err != nil {
		t.Fatal(err)
	}
	snn := loginClient(t, r.URL, "snn.pdf", testPassword)
	if page := get(t, snn, r.URL+"/plan"); strings.Contains(page, `id="my-report-pdf"`) {
		t.Fatal("a report document is offered before the report is submitted")
	}
	postForm(t, snn, r.URL+"/plan/reports", map[string]string{"csrf": pageCSRF(t, snn, r.URL+"/plan"), "province": "31", "year": "2026", "version": "0",
		"fig_trainees": "720", "ev_trainees": "Báo cáo 15/BC-SNN", "narrative": "Đã tập huấn 720 lượt người thuộc hộ nghèo.",
		"area_2.1": "Xây dựng 2 mô hình chăn nuôi bò sinh sản.", "disbursed_2.1_local": "150.000.000", "settled_2.1_local": "100.000.000"})
	page := get(t, snn, r.URL+"/plan")
	if !strings.Contains(page, `id="my-report-pdf"`) {
		t.Fatal("the agency's plan page offers no report document")
	}
	body, ctype := download(t, snn, r.URL+"/plan/report.pdf?province=31&year=2026")
	if ctype != "application/pdf" {
		t.Fatalf("content type %q", ctype)
	}
	txt := strings.Join(strings.Fields(pdfText(t, body)), " ")
	for _, want := range []string{
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG", "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG",
		"Hải Dương, ngày 10 tháng 11 năm 2026", "BÁO CÁO", "Kết quả thực hiện Kế hoạch thực hiện Chương trình", "2.1. Hỗ trợ phát triển sản xuất",
		"từ ngày 01/01/2026 đến ngày 10/11/2026",
		// Clean water, computed: 0 of the 2 poor households, against 100 %.
		"100 %", "0 % (0/2)", "Chưa đạt",
		// Trainees, entered: 720 against about 700.
		"720 lượt người", "700 lượt người",
		"Xây dựng 2 mô hình chăn nuôi bò sinh sản.", "Đã tập huấn 720 lượt người thuộc hộ nghèo.",
		"Ngân sách địa phương", "150.000.000", "100.000.000", "Tổng cộng",
		"Nơi nhận:", "THỦ TRƯỞNG CƠ QUAN",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("the report lacks %q:\n%s", want, txt)
		}
	}
	// The province officer reaches it from the agencies' table.
	prov := loginClient(t, r.URL, "tinh.pdf", testPassword)
	link := "/plan/report.pdf?province=31&amp;year=2026&amp;agency=" + support.AgencyAgriculture
	if page := get(t, prov, r.URL+"/plan"); !strings.Contains(page, link) {
		t.Fatalf("the agencies' table has no link %s", link)
	}
	body, _ = download(t, prov, r.URL+strings.ReplaceAll(link, "&amp;", "&"))
	if got := pdfText(t, body); !strings.Contains(got, "150.000.000") {
		t.Fatalf("the province officer's copy lacks the money:\n%s", got)
	}
	resp, err := prov.Get(r.URL + "/plan/report.pdf?province=31&year=2026&agency=nobody")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("an unknown agency's report: %d, want 404", resp.StatusCode)
	}
}

// download GETs a file and returns its body and content type.
func download(tb testing.TB, c *http.Client, url string) ([]byte, string) {
	tb.Helper()
	resp, err := c.Get(url)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		tb.Fatalf("GET %s: %d %s", url, resp.StatusCode, b)
	}
	return b, resp.Header.Get("Content-Type")
}
