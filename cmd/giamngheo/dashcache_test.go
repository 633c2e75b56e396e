package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"giamngheo"
	"giamngheo/report"
)

// TestDashCacheKeptPagesPerUser: the dashboard is kept as a whole page per user
// (http/dashboard_cache.go), so two officers of the same province get the same figures
// each with their own name and their own CSRF token (the token works for its session
// and not for the other's); a commune's leader is refused the province and another
// commune although their pages are kept, and never gets a page made for someone else.
func TestDashCacheKeptPagesPerUser(t *testing.T) {
	r := MustRunServer(t, func(c *Config) { c.Provinces = "31" })
	communes, _ := publicFixture(t, r)
	r.MustAddUser(t, "tinh.mot", giamngheo.RoleProvinceOfficer, "31")
	r.MustAddUser(t, "tinh.hai", giamngheo.RoleProvinceOfficer, "31")
	r.MustAddUser(t, "xa.mot", giamngheo.RoleViewer, communes[0].Code)
	r.MustAddUser(t, "xa.hai", giamngheo.RoleViewer, communes[1].Code)
	csrfRe := regexp.MustCompile(`name="csrf" value="([^"]+)"`)
	page := func(c *http.Client, path string) (string, string) {
		t.Helper()
		code, body, h := dashGet(t, c, r.URL+path)
		if code != 200 {
			t.Fatalf("%s: %d\n%.1500s", path, code, body)
		}
		if n, err := strconv.Atoi(h.Get("Content-Length")); err != nil || n != len(body) {
			t.Errorf("%s: Content-Length %q, body %d bytes", path, h.Get("Content-Length"), len(body))
		}
		m := csrfRe.FindAllStringSubmatch(body, -1)
		if len(m) < 2 || m[0][1] != m[1][1] {
			t.Fatalf("%s: the page's forms lack the request's CSRF token: %v", path, m)
		}
		return body, m[0][1]
	}
	one := loginClient(t, r.URL, "tinh.mot", testPassword)
	two := loginClient(t, r.URL, "tinh.hai", testPassword)
	b1, tok1 := page(one, "/dashboard")
	b1again, tok1again := page(one, "/dashboard") // from the kept whole page
	b2, tok2 := page(two, "/dashboard")
	if b1 != b1again || tok1 != tok1again {
		t.Error("the kept page differs from the first one of the same user")
	}
	if tok1 == tok2 {
		t.Fatal("two sessions were given the same CSRF token")
	}
	if !strings.Contains(b1, "Cán bộ tinh.mot") || strings.Contains(b1, "tinh.hai") ||
		!strings.Contains(b2, "Cán bộ tinh.hai") || strings.Contains(b2, "tinh.mot") {
		t.Fatal("a kept page shows another user")
	}
	if strings.ReplaceAll(strings.ReplaceAll(b1, tok1, ""), "tinh.mot", "") != strings.ReplaceAll(strings.ReplaceAll(b2, tok2, ""), "tinh.hai", "") {
		t.Error("two officers of the province are shown different pages beyond their name and token")
	}
	// Each token is its session's: the language switch accepts it from its own
	// session only.
	post := func(c *http.Client, tok string) int {
		t.Helper()
		resp, err := c.PostForm(r.URL+"/lang", url.Values{"csrf": {tok}, "lang": {"vi"}, "next": {"/dashboard"}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := post(two, tok2); code != 200 {
		t.Errorf("the kept page's token of its own session: %d, want 200", code)
	}
	if code := post(two, tok1); code != http.StatusForbidden {
		t.Errorf("another session's token: %d, want 403", code)
	}
	// The leaders: the province's and the other commune's pages are kept, and refused.
	page(one, "/dashboard?unit="+communes[0].Code)
	page(one, "/dashboard?unit="+communes[1].Code)
	lead1 := loginClient(t, r.URL, "xa.mot", testPassword)
	lead2 := loginClient(t, r.URL, "xa.hai", testPassword)
	for _, c := range []struct {
		client *http.Client
		own    string
		other  string
	}{{lead1, communes[0].Code, communes[1].Code}, {lead2, communes[1].Code, communes[0].Code}} {
		for _, u := range []string{"/dashboard?unit=31", "/dashboard?unit=" + c.other, "/dashboard/chart.svg?chart=rates&unit=" + c.other} {
			if code, _, _ := dashGet(t, c.client, r.URL+u); code != http.StatusForbidden {
				t.Errorf("leader of %s asks %s: %d, want 403", c.own, u, code)
			}
		}
		for _, u := range []string{"/dashboard", "/dashboard?unit=" + c.own} {
			body, _ := page(c.client, u)
			if strings.Contains(body, "tinh.mot") || strings.Contains(body, tok1) || !strings.Contains(body, `<input type="hidden" name="unit" value="`+c.own+`">`) {
				t.Errorf("leader of %s asks %s: another unit's or user's page\n%.1500s", c.own, u, body)
			}
		}
	}
}

// TestDashCacheReportMemo: reports built through a report.Memo (the dashboard's) are
// the reports built without it, every one of them and the trend; and the memo never
// lets a table out of its scope: a commune's actor is refused the province's report
// although the memo holds it.
func TestDashCacheReportMemo(t *testing.T) {
	r := MustRunServer(t, func(c *Config) { c.Provinces = "31" })
	communes, _ := publicFixture(t, r)
	rs := reportService(r.App.store, r.App.reg)
	prov := giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{UserID: 90, Username: "tinh", Role: giamngheo.RoleProvinceOfficer, ScopeCode: "31"})
	memo := report.NewMemo()
	year := clockOf(context.Background())().Year()
	for _, unit := range []string{"31", communes[0].Code} {
		for _, name := range []string{"1", "2", "3", "4", "5", "6", "7"} {
			for _, y := range []int{year - 1, year} {
				plain, err := rs.Build(prov, name, unit, y)
				if err != nil {
					t.Fatal(err)
				}
				for range 2 {
					kept, err := rs.Build(report.WithMemo(prov, memo), name, unit, y)
					if err != nil {
						t.Fatal(err)
					}
					a, _ := json.Marshal(plain)
					b, _ := json.Marshal(kept)
					if string(a) != string(b) {
						t.Fatalf("report %s of %s %d through the memo differs:\n%s\n%s", name, unit, y, a, b)
					}
				}
			}
		}
		plain, err := rs.Trend(prov, unit, 2022, year)
		if err != nil {
			t.Fatal(err)
		}
		kept, err := rs.Trend(report.WithMemo(prov, memo), unit, 2022, year)
		if err != nil || fmt.Sprint(plain) != fmt.Sprint(kept) {
			t.Fatalf("trend of %s through the memo: %v\n%v\n%v", unit, err, plain, kept)
		}
	}
	leader := giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{UserID: 91, Username: "xa", Role: giamngheo.RoleViewer, ScopeCode: communes[1].Code})
	for _, unit := range []string{"31", communes[0].Code} {
		if _, err := rs.Build(report.WithMemo(leader, memo), "1", unit, year); giamngheo.ErrorCode(err) != giamngheo.EFORBIDDEN {
			t.Errorf("a leader of %s asks report 1 of %s through a memo that holds it: %v, want forbidden", communes[1].Code, unit, err)
		}
	}
}
