package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/simulate"
)

// The fixture registry of the simulation: two rural communes of Hải Phòng (31), six
// households of two members each, classified on 15/06/2026 under 2022-2026, simulated
// on 15/01/2027. Rural lines: 1,500,000 (2022-2026), 2,200,000 (2027-2030) VND per
// person per month. None of them answered waste treatment (the survey before 2027).
//
//	code  commune  income/person  deprived (2022-2026)           2022-26    2027-30 (waste unknown)     status
//	A-1   10813    1,250,000      insurance, water, latrine      poor       poor                        poor
//	A-2   10813    1,800,000      insurance, water, latrine      not poor   poor (income line crossed)  —
//	A-3   10813    1,250,000      water, latrine                 near-poor  near-poor, poor if waste    near-poor
//	A-4   10813    10,000,000     insurance, water, latrine      not poor   not poor                    —
//	B-1   10606    1,250,000      insurance, water, devices      poor       near-poor (devices dropped),
//	                                                                        poor if waste               poor
//	B-2   10606    2,400,000      insurance, water, latrine      not poor   not poor; poor under a local
//	                                                                        line of 2,600,000           —
const (
	communeA = "10813"
	communeB = "10606"
)

func simHousehold(commune, code string, perCapita int64, mutate func(h *registry.Household)) *registry.Household {
	h := poorHouseholdOf(commune, code, "Chủ hộ "+code)
	h.Members[0].NationalID = ""
	h.Survey.Income12m = ptr(perCapita * 12 * 2)
	if mutate != nil {
		mutate(h)
	}
	return h
}

// mustSimulationFixture fills the registry and returns the households by code.
func mustSimulationFixture(tb testing.TB, r *running) map[string]*registry.Household {
	tb.Helper()
	sys := systemCtx(context.Background())
	hs := map[string]*registry.Household{}
	for _, h := range []*registry.Household{
		simHousehold(communeA, "A-1", 1_250_000, nil),
		simHousehold(communeA, "A-2", 1_800_000, nil),
		simHousehold(communeA, "A-3", 1_250_000, func(h *registry.Household) { h.Members[0].HealthInsurance = ptr(true) }),
		simHousehold(communeA, "A-4", 10_000_000, nil),
		simHousehold(communeB, "B-1", 1_250_000, func(h *registry.Household) {
			h.Survey.Latrine = poverty.LatrineSeptic
			h.Survey.Devices = []poverty.Device{}
		}),
		simHousehold(communeB, "B-2", 2_400_000, nil),
	} {
		if err := r.App.reg.CreateHousehold(sys, h); err != nil {
			tb.Fatal(err)
		}
		hs[h.Code] = h
	}
	for code, class := range map[string]poverty.Class{"A-1": poverty.Poor, "A-3": poverty.NearPoor, "B-1": poverty.Poor} {
		if err := r.App.store.SetHouseholdStatus(context.Background(), hs[code].ID, registry.Recognition{Class: class, Since: "2026-01-05", DecidedOn: "2026-01-05"}); err != nil {
			tb.Fatal(err)
		}
	}
	return hs
}

// tableChecksums hashes every row of every table of the SQLite file.
func tableChecksums(tb testing.TB, path string) map[string]string {
	tb.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		tb.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	out := map[string]string{}
	for _, t := range tables {
		rs, err := db.Query(`SELECT * FROM "` + t + `" ORDER BY 1`)
		if err != nil {
			tb.Fatal(err)
		}
		cols, _ := rs.Columns()
		h := sha256.New()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		n := 0
		for rs.Next() {
			if err := rs.Scan(ptrs...); err != nil {
				tb.Fatal(err)
			}
			fmt.Fprintf(h, "%v\n", vals)
			n++
		}
		rs.Close()
		out[t] = fmt.Sprintf("%d:%s", n, hex.EncodeToString(h.Sum(nil)))
	}
	return out
}

// simTotal is the part of a result the fixture checks: households by class.
type simTotal struct{ poor, near, middle, notPoor int }

func totalOf(t simulate.Tally) simTotal {
	return simTotal{t.Households[simulate.IdxPoor], t.Households[simulate.IdxNearPoor], t.Households[simulate.IdxMiddle], t.Households[simulate.IdxNotPoor]}
}

func TestSimulateFixture(t *testing.T) {
	var dbPath string
	r := MustRunServerAt(t, time.Date(2026, 6, 15, 9, 0, 0, 0, giamngheo.Vietnam), func(c *Config) { dbPath = c.DB })
	hs := mustSimulationFixture(t, r)
	for code, want := range map[string]poverty.Class{"A-1": poverty.Poor, "A-2": poverty.NotPoor, "A-3": poverty.NearPoor, "A-4": poverty.NotPoor, "B-1": poverty.Poor, "B-2": poverty.NotPoor} {
		if got := hs[code].Result.Class; got != want {
			t.Fatalf("fixture %s classified %s under 2022-2026, want %s", code, got, want)
		}
	}
	before := tableChecksums(t, dbPath)
	r.MustAddUser(t, "tinh.sim", giamngheo.RoleProvinceOfficer, "31")
	r.MustAddUser(t, "xa.sim", giamngheo.RoleCommuneOfficer, communeA)
	r.MustAddUser(t, "xem.sim", giamngheo.RoleViewer, "31")
	province := loginClient(t, r.URL, "tinh.sim", testPassword)
	commune := loginClient(t, r.URL, "xa.sim", testPassword)

	costs := `"costs": [{"name": "Thẻ BHYT", "per": "person", "classes": ["poor", "near_poor"], "unit_cost": 1263600},
		{"name": "Hỗ trợ hộ nghèo", "per": "household", "classes": ["poor"], "unit_cost": 1000000}]`
	token := func(name string) string {
		t.Helper()
		tok, err := r.App.users.CreateAPIToken(systemCtx(context.Background()), name, "test")
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	provinceToken, communeToken, viewerToken := token("tinh.sim"), token("xa.sim"), token("xem.sim")
	before = tableChecksums(t, dbPath) // the accounts and tokens are part of the setup
	post := func(tok string, body string) (int, *simulate.Result, string) {
		t.Helper()
		status, b := apiCall(t, "POST", r.URL+"/api/v1/simulate", tok, body)
		var out simulate.Result
		if status == http.StatusOK {
			if err := json.Unmarshal(b, &out); err != nil {
				t.Fatalf("%s: %v", b, err)
			}
		}
		return status, &out, string(b)
	}

	// 2027-2030 on 15/01/2027, the province: hand-computed above.
	code, res, body := post(provinceToken, `{"standard": "2027-2030", "date": "2027-01-15", `+costs+`}`)
	if code != http.StatusOK {
		t.Fatalf("province officer: %d %s", code, body)
	}
	if res.RowLevel != "commune" || len(res.Rows) != 2 || res.Rows[0].Code != communeB || res.Rows[1].Code != communeA {
		t.Fatalf("rows: level %s %+v", res.RowLevel, res.Rows)
	}
	check := func(what string, got, want simTotal) {
		t.Helper()
		if got != want {
			t.Fatalf("%s: %+v, want %+v", what, got, want)
		}
	}
	check("simulated", totalOf(res.Total.Simulated), simTotal{poor: 2, near: 2, notPoor: 2})
	check("simulated, waste deprived", totalOf(res.Total.IfDeprived), simTotal{poor: 4, notPoor: 2})
	check("current survey", totalOf(res.Total.Survey), simTotal{poor: 2, near: 1, notPoor: 3})
	check("recognised", totalOf(res.Total.Recognised), simTotal{poor: 2, near: 1})
	check("commune A simulated", totalOf(res.Rows[1].Simulated), simTotal{poor: 2, near: 1, notPoor: 1})
	if p := res.Total.Simulated.Persons; p[simulate.IdxPoor] != 4 || p[simulate.IdxNearPoor] != 4 {
		t.Fatalf("persons %v", p)
	}
	want := simulate.Bounds{Min: 1, Max: 3, IfNotDeprived: 2, IfDeprived: 2}
	if res.ChangedVsSurvey != want || res.ChangedVsStatus != want {
		t.Fatalf("changed vs survey %+v, vs status %+v, want %+v", res.ChangedVsSurvey, res.ChangedVsStatus, want)
	}
	if len(res.Unknown) != 1 || res.Unknown[0].Key != poverty.IndicatorWaste || res.Unknown[0].Households != 6 || res.Unknown[0].Decisive != 2 {
		t.Fatalf("unknown indicators %+v", res.Unknown)
	}
	changes := map[string]simulate.Change{}
	for _, c := range res.Changes {
		changes[c.Code] = c
	}
	if len(changes) != 3 {
		t.Fatalf("changes %+v", res.Changes)
	}
	a2 := changes["A-2"]
	if a2.Survey != poverty.NotPoor || a2.Simulated != poverty.Poor || a2.Reason.BelowBefore || !a2.Reason.BelowAfter ||
		a2.Reason.Income != 1_800_000 || a2.Reason.LineBefore != 1_500_000 || a2.Reason.LineAfter != 2_200_000 ||
		!strings.Contains(a2.Reason.Text().VI, "trên chuẩn cũ 1.500.000") {
		t.Fatalf("A-2 change %+v: %s", a2, a2.Reason.Text().VI)
	}
	b1 := changes["B-1"]
	if b1.Status != poverty.Poor || b1.Simulated != poverty.NearPoor || b1.IfDeprived != poverty.Poor ||
		!b1.Reason.Lost.Has(poverty.IndicatorInfoDevices) || !b1.Reason.Unknown.Has(poverty.IndicatorWaste) {
		t.Fatalf("B-1 change %+v", b1)
	}
	if a3 := changes["A-3"]; a3.Simulated != poverty.NearPoor || a3.IfDeprived != poverty.Poor {
		t.Fatalf("A-3 change %+v", a3)
	}
	if len(res.Costs) != 2 || res.Costs[0].Amount != [4]int64{6 * 1263600, 6 * 1263600, 8 * 1263600, 8 * 1263600} ||
		res.Costs[1].Amount != [4]int64{2_000_000, 2_000_000, 2_000_000, 4_000_000} {
		t.Fatalf("costs %+v", res.Costs)
	}

	// 2022-2026 on the survey's date: nothing changes, nothing is unknown.
	_, res, body = post(provinceToken, `{"standard": "2022-2026", "date": "2026-06-15"}`)
	check("2022-2026", totalOf(res.Total.Simulated), simTotal{poor: 2, near: 1, notPoor: 3})
	if res.ChangedVsSurvey != (simulate.Bounds{}) || res.ChangedVsStatus != (simulate.Bounds{}) || len(res.Unknown) != 0 {
		t.Fatalf("2022-2026: %s", body)
	}

	// A local standard raising the rural line to 2,600,000: B-2 becomes poor.
	_, res, body = post(provinceToken, `{"standard": "2027-2030", "date": "2027-01-15", "local": {"name": "Chuẩn Hải Phòng",
		"lines": {"rural": {"poverty": 2600000}, "urban": {"poverty": 2800000}}}}`)
	check("local", totalOf(res.Total.Simulated), simTotal{poor: 3, near: 2, notPoor: 1})
	if res.Standard != "local-2027-2030" || res.ChangedVsSurvey != (simulate.Bounds{Min: 2, Max: 4, IfNotDeprived: 3, IfDeprived: 3}) {
		t.Fatalf("local: %s", body)
	}
	// A local line below the national one is refused.
	if code, _, body := post(provinceToken, `{"standard": "2027-2030", "local": {"lines": {"rural": {"poverty": 1000000}, "urban": {"poverty": 2800000}}}}`); code != http.StatusBadRequest {
		t.Fatalf("local below national: %d %s", code, body)
	}

	// Scope: the commune officer simulates the villages of the commune, not another.
	code, res, body = post(communeToken, `{"standard": "2027-2030", "date": "2027-01-15"}`)
	if code != http.StatusOK || res.RowLevel != "village" || res.UnitCode != communeA {
		t.Fatalf("commune officer: %d %s", code, body)
	}
	check("commune officer", totalOf(res.Total.Simulated), simTotal{poor: 2, near: 1, notPoor: 1})
	if code, _, body := post(communeToken, `{"standard": "2027-2030", "unit": "`+communeB+`"}`); code != http.StatusForbidden {
		t.Fatalf("commune officer on another commune: %d %s", code, body)
	}
	if code, _, body := post(viewerToken, `{"standard": "2027-2030"}`); code != http.StatusForbidden {
		t.Fatalf("viewer: %d %s", code, body)
	}
	// GET with the page's query.
	q := url.Values{"standard": {"2027-2030"}, "date": {"2027-01-15"}}
	res2, err := province.Get(r.URL + "/api/v1/simulate?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	res2.Body.Close()
	if res2.StatusCode != http.StatusOK {
		t.Fatalf("GET api: %d", res2.StatusCode)
	}

	// The page: the form with the legal defaults, the result, and the workbook.
	page := getBody(t, province, r.URL+"/simulate?"+q.Encode()+"&cost_name_0=BHYT&cost_per_0=person&cost_class_0=poor&cost_unit_0=1263600")
	for _, want := range []string{`id="sim-total"`, "2.200.000", "1.500.000", "A-2", "5.054.400"} {
		if !strings.Contains(page, want) {
			t.Fatalf("page lacks %q:\n%s", want, page)
		}
	}
	if page := getBody(t, commune, r.URL+"/simulate?standard=2027-2030&unit="+communeB); strings.Contains(page, `id="sim-total"`) {
		t.Fatal("commune officer sees another commune's simulation")
	}

	// The CLI: the workbook with the national heading, numbered columns and totals.
	out := filepath.Join(t.TempDir(), "sim.xlsx")
	var stderr strings.Builder
	if code := run(context.Background(), []string{"simulate", "--db", dbPath, "--standard", "2027-2030", "--date", "2027-01-15", "--unit", "31", "--format", "xlsx", "-o", out}, nil, io.Discard, &stderr); code != 0 {
		t.Fatalf("simulate CLI: %s", stderr.String())
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Mo phong")
	if rows[0][0] != "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" || rows[1][0] != "Độc lập – Tự do – Hạnh phúc" || !strings.HasPrefix(rows[3][0], "KẾT QUẢ MÔ PHỎNG") ||
		rows[7][0] != "(1)" || rows[7][3] != "(4)" {
		t.Fatalf("heading rows %q", rows[:8])
	}
	last := rows[len(rows)-1]
	if !strings.HasPrefix(last[2], "Tổng cộng") || last[3] != "6" || last[9] != "2" || last[10] != "4" {
		t.Fatalf("totals row %q", last)
	}

	if after := tableChecksums(t, dbPath); fmt.Sprint(after) != fmt.Sprint(before) {
		for k, v := range after {
			if before[k] != v {
				t.Errorf("table %s changed by a simulation", k)
			}
		}
	}
}

func getBody(tb testing.TB, c *http.Client, u string) string {
	tb.Helper()
	res, err := c.Get(u)
	if err != nil {
		tb.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return string(b)
}

// TestSimulateInPartsEqualsOneReader runs the fixture's province simulation with one
// reader and with the communes cut into parts read at once (as on a machine with
// several processors), and wants the same result, in the same order, including when
// the list of changes is cut short.
func TestSimulateInPartsEqualsOneReader(t *testing.T) {
	r := MustRunServerAt(t, time.Date(2026, 6, 15, 9, 0, 0, 0, giamngheo.Vietnam))
	mustSimulationFixture(t, r)
	ctx := giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{Username: "tinh.sim", Role: giamngheo.RoleProvinceOfficer, ScopeCode: "31"})
	std, err := poverty.Standards().ByID("2027-2030")
	if err != nil {
		t.Fatal(err)
	}
	for _, maxChanges := range []int{1000, 1} {
		run := func(parallel int) *simulate.Result {
			t.Helper()
			svc := *r.App.sim
			svc.Parallel = parallel
			res, err := svc.Run(ctx, simulate.Params{Standard: std, Unit: "31", Date: time.Date(2027, 1, 15, 9, 0, 0, 0, giamngheo.Vietnam), MaxChanges: maxChanges})
			if err != nil {
				t.Fatal(err)
			}
			return res
		}
		one := run(1)
		if len(one.Rows) != 2 || one.Total.Simulated.Households[simulate.IdxPoor] == 0 {
			t.Fatalf("the fixture's simulation has %d rows and %+v poor: not the fixture", len(one.Rows), one.Total.Simulated)
		}
		if maxChanges == 1 && (!one.Truncated || len(one.Changes) != 1) {
			t.Fatalf("with at most 1 change: truncated %v, %d changes", one.Truncated, len(one.Changes))
		}
		want, _ := json.Marshal(one)
		for _, parallel := range []int{2, 3, 1000} {
			got, _ := json.Marshal(run(parallel))
			if string(got) != string(want) {
				t.Errorf("max %d changes, %d parts:\n got %s\nwant %s", maxChanges, parallel, got, want)
			}
		}
	}
}

// TestSimulateFactsEqualAnswers simulates a generated province from the compact form
// of its answers (ADR 0014), then from the answers themselves (the facts column
// emptied, as for households that have none), and wants the same result under each
// national standard.
func TestSimulateFactsEqualAnswers(t *testing.T) {
	var path string
	r := MustRunServer(t, func(c *Config) { c.DemoHouseholds = 1500; path = c.DB })
	ctx := giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{Username: "tinh.sim", Role: giamngheo.RoleProvinceOfficer, ScopeCode: "31"})
	run := func(id string) string {
		t.Helper()
		std, err := poverty.Standards().ByID(id)
		if err != nil {
			t.Fatal(err)
		}
		res, err := r.App.sim.Run(ctx, simulate.Params{Standard: std, Unit: "31", Date: time.Date(2027, 1, 15, 9, 0, 0, 0, giamngheo.Vietnam)})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total.Simulated.Households[simulate.IdxPoor] == 0 || len(res.Changes) == 0 {
			t.Fatalf("%s: no poor household and no change in the generated province: nothing compared", id)
		}
		b, _ := json.Marshal(res)
		return string(b)
	}
	ids := []string{"2022-2026", "2027-2030"}
	fromFacts := map[string]string{}
	for _, id := range ids {
		fromFacts[id] = run(id)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res, err := db.Exec(`UPDATE households SET facts = NULL WHERE facts IS NOT NULL`)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.RowsAffected(); n < 1000 {
		t.Fatalf("%d households had a compact form, want the generated province's", n)
	}
	for _, id := range ids {
		if got := run(id); got != fromFacts[id] {
			t.Errorf("%s from the answers:\n%s\nfrom the compact form:\n%s", id, got, fromFacts[id])
		}
	}
}
