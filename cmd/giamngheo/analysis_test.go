package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/report"
)

func getAnalysis(t *testing.T, c *http.Client, url string) *report.Analysis {
	t.Helper()
	code, b := getStatus(t, c, url)
	if code != 200 {
		t.Fatalf("GET %s: %d %s", url, code, b)
	}
	var a report.Analysis
	if err := json.Unmarshal(b, &a); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	return &a
}

// TestAnalysisAPIPageAndScope: the analysis of Hải Phòng counts its six households (not
// Hà Nội's), every one of them deprived in water, latrine and health insurance: poor at
// any k up to their score, none above it; the page shows the API's figures; a commune
// officer gets the analysis of its commune by village and 403 for the province.
func TestAnalysisAPIPageAndScope(t *testing.T) {
	r := MustRunServerWith(t, func(c *Config) { c.Provinces = "01,30,31" }, io.Discard)
	seedReportHouseholds(t, r)
	year := r.App.now().Year()
	r.MustAddUser(t, "tinh.hp", giamngheo.RoleProvinceOfficer, "31")
	c := loginClient(t, r.URL, "tinh.hp", testPassword)
	base := fmt.Sprintf("%s/api/v1/analysis?unit=31&period=%d", r.URL, year)

	low := getAnalysis(t, c, base+"&k=0.01")
	total := low.Rows[len(low.Rows)-1]
	if low.RowLevel != "commune" || total.Kind != "total" || total.Households != 6 || total.Poor != 6 || total.H != 1 || total.Others != 0 {
		t.Fatalf("k=0.01: %+v", total)
	}
	std, err := poverty.StandardByID(low.Standard)
	if err != nil {
		t.Fatal(err)
	}
	w := report.NestedWeights(std)
	score := w[poverty.IndicatorWater] + w[poverty.IndicatorLatrine] + w[poverty.IndicatorHealthInsurance]
	if math.Abs(total.A-score) > 1e-9 || math.Abs(total.M0-score) > 1e-9 {
		t.Fatalf("A %v, M0 %v, want the households' score %v", total.A, total.M0, score)
	}
	for i, ind := range total.Indicators {
		deprived := ind.Key == poverty.IndicatorWater || ind.Key == poverty.IndicatorLatrine || ind.Key == poverty.IndicatorHealthInsurance
		if want := map[bool]float64{true: 1, false: 0}[deprived]; ind.Censored != want {
			t.Fatalf("indicator %s: censored ratio %v, want %v", ind.Key, ind.Censored, want)
		}
		if deprived && math.Abs(ind.Contribution-w[ind.Key]/score*100) > 1e-9 {
			t.Fatalf("indicator %s: contribution %v, want %v", ind.Key, ind.Contribution, w[ind.Key]/score*100)
		}
		if low.Indicators[i].Key != ind.Key || low.Indicators[i].Weight != w[ind.Key] {
			t.Fatalf("indicator %d: %+v", i, low.Indicators[i])
		}
	}
	// Above the households' score, nobody is poor.
	high := getAnalysis(t, c, fmt.Sprintf("%s&k=%v", base, score+0.01))
	if tot := high.Rows[len(high.Rows)-1]; tot.Households != 6 || tot.Poor != 0 || tot.M0 != 0 {
		t.Fatalf("k above the score: %+v", tot)
	}
	// Recognised status beside the measure: 3 poor, 1 near-poor, 2 others in Hải Phòng.
	if s := low.Statuses; s[0].Households != 3 || s[1].Households != 1 || s[2].Households != 2 {
		t.Fatalf("by status: %+v", s)
	}
	// Bad k or weights: 400 with the Vietnamese message.
	for _, q := range []string{"&k=2", "&k=abc", "&weights=employment:x"} {
		if code, b := getStatus(t, c, base+q); code != http.StatusBadRequest || !strings.Contains(string(b), "không") {
			t.Errorf("%s: %d %s, want 400", q, code, b)
		}
	}
	// The page: Vietnamese labels and the API's figures.
	page := get(t, c, fmt.Sprintf("%s/analysis?unit=31&period=%d&k=0,01", r.URL, year))
	for _, want := range []string{"Tỷ lệ nghèo đa chiều (H)", "Mức độ thiếu hụt bình quân (A)", "Chỉ số nghèo đa chiều (M0)",
		`id="af-h">100,00 %`, "Nông thôn", "Thành thị", "Nguồn nước sinh hoạt", `id="analysis-indicators"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(page, "Hà Thị Bảy") {
		t.Error("the page names a household")
	}
	// A commune officer: its commune by village; not the province, not another commune.
	r.MustAddUser(t, "xa.td", giamngheo.RoleCommuneOfficer, "10507")
	xc := loginClient(t, r.URL, "xa.td", testPassword)
	own := getAnalysis(t, xc, fmt.Sprintf("%s/api/v1/analysis?period=%d&k=0.01", r.URL, year))
	if own.Unit != "10507" || own.RowLevel != "village" || own.Rows[len(own.Rows)-1].Households != 4 {
		t.Fatalf("the officer's own analysis: %s %s %+v", own.Unit, own.RowLevel, own.Rows[len(own.Rows)-1])
	}
	for _, u := range []string{"/api/v1/analysis?unit=31", "/api/v1/analysis?unit=10804", "/analysis?unit=00004"} {
		if code, _ := getStatus(t, xc, r.URL+u); code != http.StatusForbidden {
			t.Errorf("%s as the officer of 10507: %d, want 403", u, code)
		}
	}
}

// TestAnalysisCommand: `giamngheo analysis --unit 31 --k 0.01 --db …` prints the
// measures from the roll-ups; a bad k is refused with its message.
func TestAnalysisCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	r := MustRunServerWith(t, func(c *Config) { c.Provinces = "01,30,31"; c.DB = db }, io.Discard)
	seedReportHouseholds(t, r)
	year := fmt.Sprint(r.App.now().Year())
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"analysis", "--db", db, "--unit", "31", "--period", year, "--k", "1/100", "--format", "json"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("analysis: %d %s", code, errOut.String())
	}
	var a report.Analysis
	if err := json.Unmarshal(out.Bytes(), &a); err != nil {
		t.Fatal(err)
	}
	if tot := a.Rows[len(a.Rows)-1]; tot.Households != 6 || tot.Poor != 6 {
		t.Fatalf("analysis --format json: %+v", tot)
	}
	out.Reset()
	if code := run(context.Background(), []string{"analysis", "--db", db, "--unit", "31", "--period", year, "--k", "0.01"}, nil, &out, &errOut); code != 0 ||
		!strings.Contains(out.String(), "Tổng cộng") || !strings.Contains(out.String(), "100.00") {
		t.Fatalf("analysis text: %d\n%s\n%s", code, out.String(), errOut.String())
	}
	errOut.Reset()
	if code := run(context.Background(), []string{"analysis", "--db", db, "--unit", "31", "--k", "3"}, nil, io.Discard, &errOut); code == 0 || !strings.Contains(errOut.String(), "Ngưỡng nghèo k") {
		t.Fatalf("k=3: %d %s", code, errOut.String())
	}
}
