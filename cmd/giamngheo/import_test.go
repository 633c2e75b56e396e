package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"giamngheo"
	"giamngheo/registry"
	"giamngheo/registry/importfile"
)

// templateCSV returns the CSV template (header and one example household) as lines.
func templateCSV(tb testing.TB) []string {
	tb.Helper()
	var b bytes.Buffer
	if err := importfile.WriteTemplateCSV(&b); err != nil {
		tb.Fatal(err)
	}
	return strings.Split(strings.TrimRight(b.String(), "\r\n"), "\n")
}

// household returns the example household's rows with its code replaced.
func householdRows(lines []string, code string) string {
	var out []string
	for _, l := range lines[1:] {
		out = append(out, strings.Replace(l, "HD-0001", code, 1))
	}
	return strings.Join(out, "\n") + "\n"
}

func countHouseholds(tb testing.TB, db string) int {
	tb.Helper()
	s, err := openStore(context.Background(), db)
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Close()
	_, total, err := s.FindHouseholds(context.Background(), registry.HouseholdFilter{})
	if err != nil {
		tb.Fatal(err)
	}
	return total
}

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "imp.db")
	if code := run(context.Background(), []string{"units", "load", "--db", db}, nil, io.Discard, io.Discard); code != 0 {
		t.Fatal("units load failed")
	}
	lines := templateCSV(t)
	good := lines[0] + "\n" + householdRows(lines, "HD-0001") + householdRows(lines, "HD-0002")
	goodFile := filepath.Join(dir, "good.csv")
	os.WriteFile(goodFile, []byte(good), 0o644)

	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"import", goodFile, "--db", db, "--quiet"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("import: %s %s", out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "created 2") || countHouseholds(t, db) != 2 {
		t.Fatalf("first import: %s", out.String())
	}
	out.Reset()
	run(context.Background(), []string{"import", goodFile, "--db", db, "--quiet"}, nil, &out, io.Discard)
	if !strings.Contains(out.String(), "created 0, updated 0, unchanged 2") {
		t.Fatalf("re-import must change nothing: %s", out.String())
	}
	// Only the land of HD-0001 changes (1.440 → 2.000 m²): one update, seen through the
	// survey column's livelihood.
	changed := lines[0] + "\n" + strings.ReplaceAll(householdRows(lines, "HD-0001"), "1.440", "2.000") + householdRows(lines, "HD-0002")
	changedFile := filepath.Join(dir, "changed.csv")
	os.WriteFile(changedFile, []byte(changed), 0o644)
	out.Reset()
	run(context.Background(), []string{"import", changedFile, "--db", db, "--quiet"}, nil, &out, io.Discard)
	if !strings.Contains(out.String(), "created 0, updated 1, unchanged 1") {
		t.Fatalf("a changed land area must update the household: %s", out.String())
	}
	if s, err := openStore(context.Background(), db); err != nil {
		t.Fatal(err)
	} else {
		hs, _, err := s.FindHouseholds(context.Background(), registry.HouseholdFilter{Query: "HD-0001"})
		var h *registry.Household
		if err == nil && len(hs) == 1 {
			h, err = s.FindHouseholdByID(context.Background(), hs[0].ID)
		}
		s.Close()
		if err != nil || h == nil || h.Livelihood.AnnualCropLandM2 == nil || *h.Livelihood.AnnualCropLandM2 != 2000 || *h.Livelihood.Poultry != 30 || h.Version != 2 {
			t.Fatalf("after the land change: %v %+v", err, h)
		}
	}

	// A file with a 13-digit ID in one household and an impossible date in another:
	// nothing is stored, the report names the rows, and --skip-invalid keeps the rest.
	bad := lines[0] + "\n" + householdRows(lines, "HD-0003") +
		strings.Replace(householdRows(lines, "HD-0004"), "030080001234", "0300800012345", 1) +
		strings.Replace(householdRows(lines, "HD-0005"), "12/05/1980", "31/02/1980", 1)
	badFile := filepath.Join(dir, "bad.csv")
	os.WriteFile(badFile, []byte(bad), 0o644)
	report := filepath.Join(dir, "report.xlsx")
	out.Reset()
	errOut.Reset()
	code := run(context.Background(), []string{"import", badFile, "--db", db, "--quiet", "--report", report}, nil, &out, &errOut)
	if code == 0 || countHouseholds(t, db) != 2 {
		t.Fatalf("all-or-nothing import with errors: exit %d, %d households stored", code, countHouseholds(t, db))
	}
	if !strings.Contains(errOut.String(), "dòng 5") || !strings.Contains(errOut.String(), "dòng 8") || !strings.Contains(errOut.String(), "không có ngày 31/02/1980") && !strings.Contains(errOut.String(), "31/02/1980") {
		t.Fatalf("errors do not name the rows: %s", errOut.String())
	}
	x, err := excelize.OpenFile(report)
	if err != nil {
		t.Fatalf("report: %v", err)
	}
	rows, _ := x.GetRows(x.GetSheetName(0))
	x.Close()
	if len(rows) < 3 || rows[0][0] != "Tệp" {
		t.Fatalf("report rows: %v", rows)
	}
	errOut.Reset()
	if code := run(context.Background(), []string{"import", badFile, "--db", db, "--quiet", "--skip-invalid"}, nil, io.Discard, &errOut); code != 0 {
		t.Fatal("--skip-invalid import failed")
	}
	// HD-0003 carries the national IDs of the stored HD-0001 and HD-0002 (the same
	// template household): a warning against the registry, not only within the file.
	if !strings.Contains(errOut.String(), "hộ HD-0003: Số CCCD 030080001234 của thành viên thứ 1 (Nguyễn Văn An) trùng với thành viên Nguyễn Văn An của hộ HD-0001") {
		t.Fatalf("the import does not report IDs held by stored households: %s", errOut.String())
	}
	if n := countHouseholds(t, db); n != 3 {
		t.Fatalf("after --skip-invalid: %d households, want 3", n)
	}

	// A broken file: a clear message, nothing changed.
	trunc := filepath.Join(dir, "cut.xlsx")
	var xb bytes.Buffer
	importfile.WriteTemplateXLSX(&xb)
	os.WriteFile(trunc, xb.Bytes()[:xb.Len()/2], 0o644)
	errOut.Reset()
	if code := run(context.Background(), []string{"import", trunc, "--db", db, "--quiet"}, nil, io.Discard, &errOut); code == 0 || !strings.Contains(errOut.String(), "cut.xlsx") {
		t.Fatalf("truncated xlsx: exit %d, %q", code, errOut.String())
	}
	if n := countHouseholds(t, db); n != 3 {
		t.Fatalf("a broken file changed the database: %d", n)
	}
}

func TestImportRespectsScope(t *testing.T) {
	r := MustRunServer(t)
	r.MustAddUser(t, "xa.khac", giamngheo.RoleCommuneOfficer, "10813")
	lines := templateCSV(t)
	u, err := r.App.store.FindUserByUsername(context.Background(), "xa.khac")
	if err != nil {
		t.Fatal(err)
	}
	ctx := giamngheo.NewContextWithActor(context.Background(), u.Actor())
	_, err = runImportAs(ctx, r.App, lines[0]+"\n"+householdRows(lines, "HD-0009"))
	if giamngheo.ErrorCode(err) != giamngheo.EFORBIDDEN {
		t.Fatalf("importing another commune's households: %v, want forbidden", err)
	}
}

func runImportAs(ctx context.Context, a *app, csv string) (any, error) {
	return importsRun(ctx, a, strings.NewReader(csv), "scope.csv")
}
