package main

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"giamngheo"
)

// TestDashboardPlanTargetsAndTrend: with the province's plan of the year, the
// dashboard shows each target against the unit's actual (the plan page's
// computation), its gap and whether it is met, and the trend of the lists over the
// years as a line chart with its data; the public figures show the same targets and
// trend with small groups suppressed, and without a plan say there is none.
func TestDashboardPlanTargetsAndTrend(t *testing.T) {
	r := MustRunServerAt(t, time.Date(2026, 11, 10, 9, 0, 0, 0, giamngheo.Vietnam), func(c *Config) { c.Provinces = "31" })
	communes, secrets := publicFixture(t, r)
	// No plan yet: the public page says so (the dashboard too).
	if code, body, _ := dashGet(t, noRedirect(nil), r.URL+"/public/figures?year=2025"); code != 200 || !strings.Contains(body, `id="pub-plan-none"`) {
		t.Fatalf("public figures without a plan: %d\n%.2000s", code, body)
	}
	sys := systemCtx(context.Background())
	if _, err := r.App.plan.Seed(sys, "31", 2023); err != nil {
		t.Fatal(err)
	}
	if _, err := r.App.plan.CopyPlan(sys, "31", 2023, 2026); err != nil {
		t.Fatal(err)
	}
	r.MustAddUser(t, "tinh.kt", giamngheo.RoleProvinceOfficer, "31")
	r.MustAddUser(t, "xa.kt", giamngheo.RoleViewer, communes[0].Code)
	prov := loginClient(t, r.URL, "tinh.kt", testPassword)
	code, body, _ := dashGet(t, prov, r.URL+"/dashboard")
	if code != 200 {
		t.Fatalf("dashboard: %d", code)
	}
	row := func(body, id string) string {
		m := regexp.MustCompile(`<tr id="` + id + `"[^>]*>(.*?)</tr>`).FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("no row %s in:\n%s", id, body)
		}
		return m[1]
	}
	// 9 of the 11 households are poor: 81,8 % against at most 1,6 %.
	poor := row(body, "target-poor_rate")
	for _, want := range []string{"1,6 %", "81,8 %", "(9/11)", "−80,2 điểm %", "Chưa đạt"} {
		if !strings.Contains(poor, want) {
			t.Errorf("the poor-rate target lacks %q: %s", want, poor)
		}
	}
	for _, want := range []string{`id="targets-plan"`, `id="chart-targets-t"`, `id="chart-trend-t"`, `id="dash-computed"`, "<polyline"} {
		if !strings.Contains(body, want) {
			t.Errorf("the dashboard lacks %s", want)
		}
	}
	// The trend's data: the lists at the end of each year, from 2022.
	_, csv, _ := dashGet(t, prov, r.URL+"/dashboard/data.csv?chart=trend")
	for _, want := range []string{"2022,0,0 %,0,0 %", `2026 (đến nay),9,"81,8 %",2,"18,2 %"`} {
		if !strings.Contains(csv, want) {
			t.Errorf("trend data lacks %q:\n%s", want, csv)
		}
	}
	// The leader of the first commune sees the commune's actual: 6 of 8.
	leader := loginClient(t, r.URL, "xa.kt", testPassword)
	_, body, _ = dashGet(t, leader, r.URL+"/dashboard")
	if poor := row(body, "target-poor_rate"); !strings.Contains(poor, "75 %") || !strings.Contains(poor, "(6/8)") {
		t.Errorf("the commune's poor-rate target: %s", poor)
	}
	// The public figures: the rate 9/11 leaves 2 households, a small group: hidden.
	_, pub, _ := dashGet(t, noRedirect(nil), r.URL+"/public/figures")
	if pr := row(pub, "pub-target-poor_rate"); !strings.Contains(pr, "1,6 %") || !strings.Contains(pr, ">x<") || strings.Contains(pr, "81,8") {
		t.Errorf("the public poor-rate target is not suppressed: %s", pr)
	}
	if !strings.Contains(pub, `id="public-trend-t"`) || !strings.Contains(pub, `<th scope="row">2026</th><td class="num">9</td><td class="num">x</td><td class="num">&lt;5</td><td class="num">x</td>`) {
		t.Errorf("the public trend is missing or not suppressed:\n%s", pub)
	}
	for _, s := range secrets {
		if strings.Contains(pub, s) {
			t.Errorf("the public figures show %q", s)
		}
	}
}
