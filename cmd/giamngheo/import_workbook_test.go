package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"giamngheo/registry"
	"giamngheo/registry/imports"
)

// mustUnitsDB returns a fresh SQLite database with the embedded units loaded.
func mustUnitsDB(tb testing.TB) string {
	tb.Helper()
	db := filepath.Join(tb.TempDir(), "imp.db")
	if code := run(context.Background(), []string{"units", "load", "--db", db}, nil, io.Discard, io.Discard); code != 0 {
		tb.Fatal("units load failed")
	}
	return db
}

// mustTemplate writes the import template as `giamngheo import template` does.
func mustTemplate(tb testing.TB, format string) []byte {
	tb.Helper()
	var out bytes.Buffer
	if code := run(context.Background(), []string{"import", "template", "--format", format}, nil, &out, io.Discard); code != 0 {
		tb.Fatal("import template failed")
	}
	return out.Bytes()
}

// findHousehold returns the stored household with code.
func findHousehold(tb testing.TB, db, code string) *registry.Household {
	tb.Helper()
	ctx := context.Background()
	s, err := openStore(ctx, db)
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Close()
	hs, _, err := s.FindHouseholds(ctx, registry.HouseholdFilter{Query: code})
	if err != nil || len(hs) != 1 {
		tb.Fatalf("household %s: %v, %d found", code, err, len(hs))
	}
	h, err := s.FindHouseholdByID(ctx, hs[0].ID)
	if err != nil {
		tb.Fatal(err)
	}
	return h
}

// TestImportTemplateAsDownloaded imports the template, unchanged, into a real SQLite
// database: with the CLI on today's map (Hải Dương merged into Hải Phòng on 1 July
// 2025), and through the import service on the map of a reference date before the
// merger, when commune 10507 lay in Hải Dương (30).
func TestImportTemplateAsDownloaded(t *testing.T) {
	for _, format := range []string{"xlsx", "csv"} {
		t.Run(format, func(t *testing.T) {
			db := mustUnitsDB(t)
			file := filepath.Join(t.TempDir(), "mau-danh-sach-ho."+format)
			if err := os.WriteFile(file, mustTemplate(t, format), 0o644); err != nil {
				t.Fatal(err)
			}
			var out, errOut bytes.Buffer
			if code := run(context.Background(), []string{"import", file, "--db", db, "--quiet"}, nil, &out, &errOut); code != 0 {
				t.Fatalf("the template does not import: %s %s", out.String(), errOut.String())
			}
			if !strings.Contains(out.String(), "1 households, 3 members; created 1, updated 0, unchanged 0, invalid 0") || strings.Contains(errOut.String(), "[error]") {
				t.Fatalf("import: %s %s", out.String(), errOut.String())
			}
			h := findHousehold(t, db, "HD-0001")
			if h.ProvinceCode != "31" || h.CommuneCode != "10507" || len(h.Members) != 3 || h.Members[0].Name != "Nguyễn Văn An" ||
				h.Members[0].NationalID != "030080001234" || h.Members[1].BirthDate != "1983-01-02" || h.Result == nil {
				t.Errorf("stored %+v", h)
			}
		})
	}
	t.Run("reference date 2024-10-01", func(t *testing.T) {
		db := mustUnitsDB(t)
		ctx := context.Background()
		s, err := openStore(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		a := newApp(ctx, s)
		ref := time.Date(2024, time.October, 1, 0, 0, 0, 0, time.UTC)
		rep, err := imports.Run(systemCtx(ctx), a.reg, bytes.NewReader(mustTemplate(t, "xlsx")), "mau.xlsx", imports.Options{ReferenceDate: ref})
		s.Close()
		if err != nil || !rep.Committed || rep.Invalid != 0 || rep.Counts.Created != 1 {
			t.Fatalf("import on 2024-10-01: %v %+v", err, rep)
		}
		if h := findHousehold(t, db, "HD-0001"); h.ProvinceCode != "30" || h.CommuneCode != "10507" {
			t.Errorf("on the map of 2024-10-01 the household lies in province %s, commune %s; want 30, 10507", h.ProvinceCode, h.CommuneCode)
		}
	})
}

// TestImportBelowTheTable: a workbook made from the template with a second valid
// household, an invalid one, then a totals row, a date and a signature block. The
// lines below the table are reported and never become members; --skip-invalid keeps
// both valid households, the last one whole, and says which household it skipped.
func TestImportBelowTheTable(t *testing.T) {
	db := mustUnitsDB(t)
	f, err := excelize.OpenReader(bytes.NewReader(mustTemplate(t, "xlsx")))
	if err != nil {
		t.Fatal(err)
	}
	const sheet = "Danh sách"
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	at := func(row int, vals ...any) {
		cell, _ := excelize.CoordinatesToCellName(1, row)
		if err := f.SetSheetRow(sheet, cell, &vals); err != nil {
			t.Fatal(err)
		}
	}
	for i, code := range []string{"HD-0003", "HD-0002"} { // rows 5–7 invalid, 8–10 valid
		for j, r := range rows[1:4] {
			vals := make([]any, len(r))
			for k, v := range r {
				vals[k] = strings.Replace(v, "HD-0001", code, 1)
				if code == "HD-0003" && v == "12/05/1980" {
					vals[k] = "31/02/1980"
				}
			}
			at(5+3*i+j, vals...)
		}
	}
	at(11, "Tổng cộng", nil, nil, nil, nil, nil, "9 người")
	at(13, nil, nil, nil, nil, nil, nil, nil, nil, "Hải Phòng, ngày 15 tháng 12 năm 2026")
	at(14, nil, "Người lập biểu", nil, nil, nil, nil, nil, nil, "KT. CHỦ TỊCH")
	at(15, "Nguyễn Văn Lập", nil, nil, nil, nil, nil, "Trần Văn Chủ")
	dir := t.TempDir()
	file := filepath.Join(dir, "co-chu-ky.xlsx")
	if err := f.SaveAs(file); err != nil {
		t.Fatal(err)
	}
	f.Close()
	report := filepath.Join(dir, "bao-cao.xlsx")

	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"import", file, "--db", db, "--quiet"}, nil, &out, &errOut); code == 0 || countHouseholds(t, db) != 0 {
		t.Fatalf("all or nothing with an invalid household: %s", out.String())
	}
	out.Reset()
	errOut.Reset()
	if code := run(context.Background(), []string{"import", file, "--db", db, "--quiet", "--skip-invalid", "--report", report}, nil, &out, &errOut); code != 0 {
		t.Fatalf("--skip-invalid: %s %s", out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "3 households, 9 members; created 2, updated 0, unchanged 0, invalid 1") {
		t.Fatalf("import: %s", out.String())
	}
	for _, code := range []string{"HD-0001", "HD-0002"} {
		if h := findHousehold(t, db, code); len(h.Members) != 3 || h.Members[2].Name != "Nguyễn Văn Cường" {
			t.Errorf("%s stored with %d members: %+v", code, len(h.Members), h.Members)
		}
	}
	x, err := excelize.OpenFile(report)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := x.GetRows(x.GetSheetName(0))
	x.Close()
	var all strings.Builder
	for _, r := range got {
		all.WriteString(strings.Join(r, "|") + "\n")
	}
	for _, want := range []string{"hộ HD-0003 (dòng 5–7) bị bỏ qua, không được nhập, vì có 1 lỗi (lỗi đầu tiên ở dòng 5, cột \"Ngày sinh (*)\")",
		"các dòng 11–15 không phải là hộ hay thành viên, đã bỏ qua (dòng tổng cộng ở dưới bảng", "\"Người lập biểu\" (14)"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("the report does not say %s:\n%s", want, all.String())
		}
	}
}

// TestImportMissingColumnReport: a file without a required column is refused with a
// message naming what was found, and the report file is written all the same.
func TestImportMissingColumnReport(t *testing.T) {
	db := mustUnitsDB(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "thieu-cot.csv")
	os.WriteFile(file, []byte("STT,Mã hộ,Mã xã,Họ tên,Năm sinh,Thu nhập\n1,H1,10507,Nguyễn Văn An,1980,48000000\n"), 0o644)
	report := filepath.Join(dir, "bao-cao.xlsx")
	var errOut bytes.Buffer
	if code := run(context.Background(), []string{"import", file, "--db", db, "--quiet", "--report", report}, nil, io.Discard, &errOut); code == 0 {
		t.Fatal("a file without the sex column was imported")
	}
	want := `thiếu cột bắt buộc: "Giới tính". Dòng tiêu đề là dòng 1, có các cột: "STT" (A): không nhận ra; "Mã hộ" (B); "Mã xã" (C); "Họ tên" (D) = "Họ và tên"; "Năm sinh" (E) = "Ngày sinh"; "Thu nhập" (F) = "Thu nhập 12 tháng (đồng)"`
	if !strings.Contains(errOut.String(), want) {
		t.Errorf("message %q lacks %q", errOut.String(), want)
	}
	x, err := excelize.OpenFile(report)
	if err != nil {
		t.Fatalf("no report written: %v", err)
	}
	rows, _ := x.GetRows(x.GetSheetName(0))
	x.Close()
	if len(rows) != 2 || !strings.Contains(rows[1][4], want) || rows[1][3] != "Lỗi" {
		t.Errorf("report rows %q", rows)
	}
}
