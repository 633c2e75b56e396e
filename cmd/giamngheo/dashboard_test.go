package main

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"giamngheo"
)

func dashGet(t *testing.T, c *http.Client, url string) (int, string, http.Header) {
	t.Helper()
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

// TestDashboardScopes: the province officer sees every commune with its rates; a
// leader's account (viewer of one commune) sees its commune only, by villages, and is
// refused the province and another commune; the charts download as SVG, XLSX and CSV.
func TestDashboardScopes(t *testing.T) {
	r := MustRunServer(t, func(c *Config) { c.Provinces = "31" })
	communes, _ := publicFixture(t, r)
	r.MustAddUser(t, "tinh.ld", giamngheo.RoleProvinceOfficer, "31")
	r.MustAddUser(t, "xa.ld", giamngheo.RoleViewer, communes[0].Code)
	prov := loginClient(t, r.URL, "tinh.ld", testPassword)
	code, body, _ := dashGet(t, prov, r.URL+"/dashboard")
	if code != 200 || !strings.Contains(body, communes[0].Name) || !strings.Contains(body, communes[1].Name) || !strings.Contains(body, `id="chart-rates-t"`) {
		t.Fatalf("province dashboard: %d\n%.2000s", code, body)
	}
	// 11 households, 9 poor, 2 near-poor in the province.
	for _, want := range []string{`id="total-households">11<`, `id="total-poor">9<`, `id="total-near">2<`} {
		if !strings.Contains(body, want) {
			t.Errorf("province dashboard lacks %s", want)
		}
	}
	leader := loginClient(t, r.URL, "xa.ld", testPassword)
	code, body, _ = dashGet(t, leader, r.URL+"/dashboard")
	if code != 200 || !strings.Contains(body, communes[0].Name) || strings.Contains(body, communes[1].Name) || !strings.Contains(body, `id="total-households">8<`) {
		t.Fatalf("commune dashboard: %d\n%.3000s", code, body)
	}
	for _, u := range []string{"/dashboard?unit=31", "/dashboard?unit=" + communes[1].Code, "/dashboard/data.csv?chart=rates&unit=31"} {
		if code, body, _ := dashGet(t, leader, r.URL+u); code != http.StatusForbidden || strings.Contains(body, communes[1].Name) {
			t.Errorf("leader of %s asks %s: %d, want 403", communes[0].Code, u, code)
		}
	}
	for _, c := range []struct{ path, ctype, has string }{
		{"/dashboard/chart.svg?chart=rates", "image/svg+xml", "<svg"},
		{"/dashboard/data.csv?chart=deprivation", "text/csv", "Nguồn nước"},
		{"/dashboard/data.xlsx?chart=dynamics", "spreadsheetml", "PK"},
		{"/dashboard/data.csv?chart=review", "text/csv", "Quá hạn"},
	} {
		code, body, h := dashGet(t, prov, r.URL+c.path)
		if code != 200 || !strings.Contains(h.Get("Content-Type"), c.ctype) || !strings.Contains(body, c.has) || h.Get("Content-Disposition") == "" {
			t.Errorf("%s: %d %s %.200q", c.path, code, h.Get("Content-Type"), body)
		}
	}
	if code, _, _ := dashGet(t, prov, r.URL+"/dashboard/chart.svg?chart=nope"); code != http.StatusNotFound {
		t.Errorf("unknown chart: %d, want 404", code)
	}
	// Sorting by name puts the communes in name order.
	_, body, _ = dashGet(t, prov, r.URL+"/dashboard?sort=name")
	if !strings.Contains(body, `aria-sort="ascending"`) {
		t.Error("sorting by name is not marked on its column")
	}
}
