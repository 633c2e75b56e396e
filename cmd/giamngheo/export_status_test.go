package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"giamngheo"
	"giamngheo/audit"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/registry/importfile"
	"giamngheo/registry/imports"
)

// exportStatusHeaders are the columns the household export adds after the template's.
var exportStatusHeaders = []string{"Tình trạng đã công nhận", "Công nhận từ ngày", "Số quyết định công nhận", "Ngày quyết định công nhận",
	"Số giấy chứng nhận", "Kết quả khảo sát", "Cần rà soát"}

// statusOfRows returns, for each household code of a table (header first), the export's
// status columns of its first row; it fails when a header is missing.
func statusOfRows(t *testing.T, rows [][]string) map[string][]string {
	t.Helper()
	if len(rows) == 0 {
		t.Fatal("empty export")
	}
	col := map[string]int{}
	for j, h := range rows[0] {
		col[strings.TrimPrefix(h, "\ufeff")] = j
	}
	for _, h := range append([]string{"Mã hộ"}, exportStatusHeaders...) {
		if _, ok := col[h]; !ok {
			t.Fatalf("the export has no column %q: %q", h, rows[0])
		}
	}
	out := map[string][]string{}
	for _, r := range rows[1:] {
		code := r[col["Mã hộ"]]
		if _, seen := out[code]; seen {
			continue
		}
		var v []string
		for _, h := range exportStatusHeaders {
			cell := ""
			if j := col[h]; j < len(r) {
				cell = r[j]
			}
			v = append(v, cell)
		}
		out[code] = v
	}
	return out
}

// TestExportCarriesRecognisedStatusAndSurveyResult: the household export (web XLSX and
// CSV, CLI) carries the recognised status with its decision and certificate, the survey
// result and the "cần rà soát" flag, honours the list's filters on either and on
// "differs", records them in the audit, and still imports back (ADR 0010; issue 11).
func TestExportCarriesRecognisedStatusAndSurveyResult(t *testing.T) {
	var db string
	r := MustRunServer(t, func(c *Config) { db = c.DB })
	sys := systemCtx(context.Background())
	agrees := poorHouseholdOf("10507", "TD-1", "Hoàng Thị Mơ")
	differs := poorHouseholdOf("10507", "TD-2", "Lê Thị Lan")
	differs.Members[0].NationalID = "030168004399"
	differs.Survey.Income12m = ptr(int64(900_000_000))
	for _, h := range []*registry.Household{agrees, differs} {
		if err := r.App.reg.CreateHousehold(sys, h); err != nil {
			t.Fatal(err)
		}
		if err := r.App.store.SetHouseholdStatus(sys, h.ID, registry.Recognition{Class: poverty.Poor, Since: "2026-01-05", DecidedOn: "2026-01-04",
			DecisionNumber: "7/QĐ-UBND", Certificate: 3}); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := r.App.reg.FindHouseholdByID(sys, agrees.ID); got.Result == nil || got.Result.Class != poverty.Poor {
		t.Fatalf("TD-1 should be poor by its survey too: %+v", got.Result)
	}
	r.MustAddUser(t, "xa.thanhdong", giamngheo.RoleCommuneOfficer, "10507")
	c := loginClient(t, r.URL, "xa.thanhdong", testPassword)
	get := func(path string) []byte {
		t.Helper()
		resp, err := c.Get(r.URL + path)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("%s: %v %v", path, err, resp)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return b
	}
	wantAgrees := []string{"Hộ nghèo", "05/01/2026", "7/QĐ-UBND", "04/01/2026", "3", "Hộ nghèo", "Không"}
	wantDiffers := []string{"Hộ nghèo", "05/01/2026", "7/QĐ-UBND", "04/01/2026", "3", "Không thuộc hộ nghèo, hộ cận nghèo", "Có"}
	check := func(name string, got map[string][]string, want map[string][]string) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: households %v, want %v", name, got, want)
		}
		for code, w := range want {
			if strings.Join(got[code], "|") != strings.Join(w, "|") {
				t.Fatalf("%s: %s = %q, want %q", name, code, got[code], w)
			}
		}
	}

	// XLSX, read back through excelize: only the household that differs.
	x := get("/households.xlsx?differs=1")
	f, err := excelize.OpenReader(bytes.NewReader(x))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(f.GetSheetName(0))
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	check("xlsx differs=1", statusOfRows(t, rows), map[string][]string{"TD-2": wantDiffers})
	// The exported file imports back: the reader leaves the status columns aside.
	rd, err := importfile.Open(bytes.NewReader(x), "xuat.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if issues := rd.HeaderIssues(); importfile.HasError(issues) {
		t.Fatalf("the export's header does not import: %+v", issues)
	}
	h, issues, err := rd.Next()
	if err != nil || importfile.HasError(issues) || h.Code != "TD-2" || len(h.Members) != 2 {
		t.Fatalf("reading the export back: %+v %+v %v", h, issues, err)
	}
	rd.Close()
	// And through the whole import (a dry run): the status columns are left aside with a
	// warning, nothing is invalid, the household is unchanged.
	rep, err := imports.Run(systemCtx(context.Background()), r.App.reg, bytes.NewReader(x), "xuat.xlsx", imports.Options{DryRun: true})
	if err != nil || rep.Invalid != 0 || rep.Counts.Unchanged != 1 || rep.Recognised != 0 {
		t.Fatalf("importing the export back: %v, %+v", err, rep)
	}

	// CSV on the recognised status: both; on the survey result: only the one that agrees.
	parse := func(b []byte) [][]string {
		t.Helper()
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	check("csv status=poor", statusOfRows(t, parse(get("/households.csv?status=poor"))), map[string][]string{"TD-1": wantAgrees, "TD-2": wantDiffers})
	check("csv class=poor", statusOfRows(t, parse(get("/households.csv?class=poor"))), map[string][]string{"TD-1": wantAgrees})
	check("csv status=none", statusOfRows(t, parse(get("/households.csv?status=none"))), map[string][]string{})

	// The CLI takes the same filters.
	cli := func(args ...string) [][]string {
		t.Helper()
		out := filepath.Join(t.TempDir(), "xuat.csv")
		var msg bytes.Buffer
		if code := run(context.Background(), append(args, "--format", "csv", "--out", out, "--db", db), nil, &msg, &msg); code != 0 {
			t.Fatalf("export %q: exit %d\n%s", args, code, msg.String())
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return parse(b)
	}
	check("cli --differs", statusOfRows(t, cli("export", "--differs")), map[string][]string{"TD-2": wantDiffers})
	check("cli --status poor --class poor", statusOfRows(t, cli("export", "--status", "poor", "--class", "poor")), map[string][]string{"TD-1": wantAgrees})
	check("cli --status none", statusOfRows(t, cli("export", "--status", "none")), map[string][]string{})
	var msg bytes.Buffer
	if code := run(context.Background(), []string{"export", "--status", "rich", "--db", db}, nil, &msg, &msg); code == 0 || !strings.Contains(msg.String(), "--status phải là") {
		t.Fatalf("--status rich: exit %d\n%s", code, msg.String())
	}

	// The audit names the filters.
	ex, _, err := r.App.store.FindAudit(context.Background(), audit.Filter{Entity: "household_list"})
	if err != nil {
		t.Fatal(err)
	}
	var details []string
	for _, e := range ex {
		details = append(details, string(e.After))
	}
	all := strings.Join(details, "\n")
	if !strings.Contains(all, `"differs":true`) || !strings.Contains(all, `"status":"poor"`) || !strings.Contains(all, `"status":""`) {
		t.Fatalf("the export audit does not name the filters:\n%s", all)
	}
}
