package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/support"
	"giamngheo/user"

	"github.com/xuri/excelize/v2"
)

var (
	gapTotalRE = regexp.MustCompile(`<span id="gap-total">(\d+)</span>`)
	tokenRE    = regexp.MustCompile(`name="token" value="([^"]+)"`)
)

// TestAgencyImportsHealthInsuranceList: an agency officer of the Social Insurance
// uploads a list of cards; the match report is shown before anything is recorded;
// committing it shrinks the worklist by the matched persons and moves the coverage;
// the same list again records nothing; another agency's officer does not see the list.
func TestAgencyImportsHealthInsuranceList(t *testing.T) {
	r := MustRunServer(t)
	sys := systemCtx(context.Background())
	for _, x := range []struct{ commune, code, head string }{{"10507", "HP-BH-1", "Phạm Thị Lan"}, {"10507", "HP-BH-2", "Đỗ Thị Mai"}} {
		h := poorHouseholdOf(x.commune, x.code, x.head)
		h.Members[0].NationalID = ""
		if err := r.App.reg.CreateHousehold(sys, h); err != nil {
			t.Fatal(err)
		}
		if err := r.App.store.SetHouseholdStatus(context.Background(), h.ID, registry.Recognition{Class: poverty.Poor, Since: "2025-01-01"}); err != nil {
			t.Fatal(err)
		}
	}
	for name, agency := range map[string]string{"bhxh.hp": support.AgencyInsurance, "sgd.hp": support.AgencyEducation} {
		if _, err := r.App.users.CreateUser(sys, user.NewUser{Username: name, Name: "Cán bộ " + name, Password: testPassword,
			Role: giamngheo.RoleAgencyOfficer, ScopeCode: "10507", Agency: agency}); err != nil {
			t.Fatal(err)
		}
	}
	c := loginClient(t, r.URL, "bhxh.hp", testPassword)
	total := func() string {
		t.Helper()
		m := gapTotalRE.FindStringSubmatch(get(t, c, r.URL+"/support?kind=health_insurance"))
		if m == nil {
			t.Fatal("the worklist shows no total")
		}
		return m[1]
	}
	if got := total(); got != "2" {
		t.Fatalf("worklist before the list: %s, want the two heads without a card", got)
	}
	// The worklist's workbook holds the same two people.
	if status, body := getStatus(t, c, r.URL+"/support/gaps.xlsx?kind=health_insurance"); status != http.StatusOK {
		t.Fatalf("worklist export: %d", status)
	} else {
		wb, err := excelize.OpenReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := wb.GetRows(wb.GetSheetName(0))
		if err != nil {
			t.Fatal(err)
		}
		text := fmt.Sprint(rows)
		if !strings.Contains(text, "Phạm Thị Lan") || !strings.Contains(text, "Đỗ Thị Mai") {
			t.Fatalf("the worklist's workbook lacks the two heads: %v", rows)
		}
	}
	if home := get(t, c, r.URL+"/"); !strings.Contains(home, `id="queue-support"`) {
		t.Fatal("the agency officer's home page has no support section")
	}
	upload := func(want string) string {
		t.Helper()
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		csrf := pageCSRF(t, c, r.URL+"/support")
		mw.WriteField("csrf", csrf)
		mw.WriteField("type", support.TypeHealthInsurance)
		fw, _ := mw.CreateFormFile("file", "the-bhyt.csv")
		io.WriteString(fw, "Mã hộ,Họ và tên,Ngày sinh,Ngày cấp\nHP-BH-1,Phạm Thị Lan,11/02/1968,\nHP-XX-9,Không Có,01/01/1990,\n")
		mw.Close()
		req, _ := http.NewRequest("POST", r.URL+"/support/lists?csrf="+csrf, &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		page := string(b)
		if resp.StatusCode != 200 || !strings.Contains(page, `<strong id="matched">1</strong>`) || !strings.Contains(page, `<strong id="unmatched">1</strong>`) {
			t.Fatalf("match report: %d\n%s", resp.StatusCode, page)
		}
		if got := total(); got != want {
			t.Fatalf("the preview recorded something: worklist %s, want %s", got, want)
		}
		return tokenRE.FindStringSubmatch(page)[1]
	}
	commit := func(token string) string {
		t.Helper()
		return postForm(t, c, r.URL+"/support/lists/commit", map[string]string{"csrf": pageCSRF(t, c, r.URL+"/support"), "token": token})
	}
	before := get(t, c, r.URL+"/support")
	page := commit(upload("2"))
	if !strings.Contains(page, "Đã ghi nhận 1 hỗ trợ") {
		t.Fatalf("commit message missing:\n%s", page)
	}
	if got := total(); got != "1" {
		t.Fatalf("worklist after the list: %s, want 1", got)
	}
	if after := get(t, c, r.URL+"/support"); !strings.Contains(before, "(2/4)") || !strings.Contains(after, "(3/4)") {
		t.Fatalf("the coverage did not move from 2/4 to 3/4")
	}
	if page := commit(upload("1")); !strings.Contains(page, "Đã ghi nhận 0 hỗ trợ; 1 đã có từ trước") {
		t.Fatalf("re-import:\n%s", page)
	}
	if got := total(); got != "1" {
		t.Fatalf("worklist after the re-import: %s", got)
	}
	other := loginClient(t, r.URL, "sgd.hp", testPassword)
	resp, err := other.Get(r.URL + "/support?kind=health_insurance")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("another agency reads the health-insurance worklist: %d", resp.StatusCode)
	}
}

// postForm posts a form with a client (following the redirect) and returns the page.
func postForm(tb testing.TB, c *http.Client, target string, fields map[string]string) string {
	tb.Helper()
	f := url.Values{}
	for k, v := range fields {
		f.Set(k, v)
	}
	resp, err := c.PostForm(target, f)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		tb.Fatalf("POST %s: %d %s", target, resp.StatusCode, b)
	}
	return string(b)
}
