package importfile

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"giamngheo/registry"
)

// The workbooks of this file are made the way commune officers make theirs: text
// pasted from old .VnTime (TCVN3) and VNI documents into a Unicode sheet, two-row
// headers with merged group titles, a numbering row under the header, totals, notes,
// dates and signatures below the table. Each is read as excelize saves it and as
// LibreOffice saves it again, and compared with what the officer meant, exactly, in
// NFC.

// workbook is a generated sheet: its rows (string, number or nil cells) and merged
// ranges.
type workbook struct {
	name   string
	rows   [][]any
	merges [][2]string
	dates  []string // cells holding an Excel date (a serial number formatted as a date)
}

// xlsx writes the workbook with excelize.
func (w workbook) xlsx(tb testing.TB) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Sheet1"
	for i, row := range w.rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		r := row
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			tb.Fatal(err)
		}
	}
	for _, m := range w.merges {
		if err := f.MergeCell(sheet, m[0], m[1]); err != nil {
			tb.Fatal(err)
		}
	}
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		tb.Fatal(err)
	}
	for _, c := range w.dates {
		if err := f.SetCellStyle(sheet, c, c, date); err != nil {
			tb.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// pasteTCVN3 returns s as a Unicode sheet shows text pasted from a .VnTime document:
// the Windows-1252 characters of its TCVN3 bytes ("Phïng §øc Lîi").
func pasteTCVN3(tb testing.TB, s string) string {
	tb.Helper()
	b := encodeTCVN3(tb, s)
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c) // TCVN3's letters are all in 0xA0..0xFF, where Windows-1252 is Latin-1
	}
	return string(r)
}

// pasteVNI returns s as a Unicode sheet shows text pasted from a VNI-Times document
// ("Nguyeãn Thò Höông").
func pasteVNI(tb testing.TB, s string) string {
	tb.Helper()
	b := encodeVNI(tb, s)
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

// person is a member as the officer meant it.
type person struct{ name, id, birth string }

// household is a household as the officer meant it.
type household struct {
	code    string
	members []person
}

// readWorkbook reads data with the reader, as the import does.
type readResult struct {
	hs      []*registry.Household
	issues  [][]Issue
	header  []Issue
	ignored []Issue
}

func readWorkbook(tb testing.TB, data []byte, name string) readResult {
	tb.Helper()
	r := MustOpen(tb, data, name)
	hs, is := readAll(tb, r)
	return readResult{hs, is, r.HeaderIssues(), r.IgnoredIssues()}
}

// checkHouseholds compares what was read with what the officer meant: codes, names,
// national IDs and birth dates, exactly and in NFC.
func checkHouseholds(tb testing.TB, got []*registry.Household, want []household) {
	tb.Helper()
	if len(got) != len(want) {
		codes := make([]string, len(got))
		for i, h := range got {
			codes[i] = h.Code
		}
		tb.Fatalf("read %d households %q, want %d", len(got), codes, len(want))
	}
	for i, w := range want {
		h := got[i]
		if h.Code != w.code || len(h.Members) != len(w.members) {
			tb.Errorf("household %d: %s with %d members, want %s with %d", i, h.Code, len(h.Members), w.code, len(w.members))
			continue
		}
		for j, p := range w.members {
			m := h.Members[j]
			if m.Name != p.name || m.NationalID != p.id || m.BirthDate != p.birth || !norm.NFC.IsNormalString(m.Name) {
				tb.Errorf("%s member %d: %q %q %q, want %q %q %q", w.code, j, m.Name, m.NationalID, m.BirthDate, p.name, p.id, p.birth)
			}
		}
	}
}

// messages joins the messages of issues, for searching.
func messages(is ...[]Issue) string {
	var b strings.Builder
	for _, l := range is {
		for _, i := range l {
			b.WriteString(i.Severity + ": " + i.Message + "\n")
		}
	}
	return b.String()
}

// pastedWorkbook is a Unicode list in which an officer pasted names, an ethnicity and
// yes/no answers from old .VnTime and VNI documents, and one name whose encoding no
// one can tell.
func pastedWorkbook(tb testing.TB) (workbook, []household) {
	tb.Helper()
	hdr := []any{"Mã hộ", "Mã xã", "Họ và tên", "Quan hệ với chủ hộ", "Giới tính", "Ngày sinh", "Số CCCD", "Dân tộc", "Có BHYT", "Thu nhập 12 tháng (đồng)"}
	w := workbook{name: "dan-ma-cu.xlsx", rows: [][]any{hdr,
		{"H1", "10507", pasteTCVN3(tb, "Phùng Đức Lợi"), "Chủ hộ", "Nam", "12/05/1980", "030080001234", "Kinh", "Có", "48.000.000"},
		{"H1", "10507", pasteVNI(tb, "Nguyễn Thị Hương"), pasteTCVN3(tb, "Vợ"), "Nữ", "02/01/1983", "030183001235", pasteTCVN3(tb, "Mường"), pasteTCVN3(tb, "Có"), nil},
		{"H1", "10507", pasteTCVN3(tb, "Phạm Ngọc Ánh"), "Con", "Nam", "30/09/2012", nil, "Kinh", pasteTCVN3(tb, "Không"), nil},
		{"H2", "10507", "Lê Văn Hải", "Chủ hộ", "Nam", 25569, "030070000111", "Kinh", "Có", 30000000},
		{"H2", "10507", pasteVNI(tb, "Trần Thị Thu Trang"), "Vợ", "Nữ", "1972-03-04", "030172000222", "Kinh", pasteVNI(tb, "Có"), nil},
		{"H3", "10507", "Ksor Y Bhi" + pasteTCVN3(tb, "ô") + "ng", "Chủ hộ", "Nam", "01/01/1990", "030090000333", "Ê Đê", "Có", 20000000},
	}, dates: []string{"F5"}}
	return w, []household{
		{"H1", []person{{"Phùng Đức Lợi", "030080001234", "1980-05-12"}, {"Nguyễn Thị Hương", "030183001235", "1983-01-02"}, {"Phạm Ngọc Ánh", "", "2012-09-30"}}},
		{"H2", []person{{"Lê Văn Hải", "030070000111", "1970-01-01"}, {"Trần Thị Thu Trang", "030172000222", "1972-03-04"}}},
		{"H3", []person{{"Ksor Y Bhi«ng", "030090000333", "1990-01-01"}}},
	}
}

func checkPasted(t *testing.T, got readResult, want []household) {
	// H3's name is undecided: an error on its cell, and the garbled text is not the
	// member's name.
	want[2].members[0].name = ""
	checkHouseholds(t, got.hs, want)
	h1 := got.hs[0]
	if h1.Members[1].Relation != registry.RelationSpouse || h1.Members[1].Ethnicity != "Mường" || h1.Members[1].HealthInsurance == nil ||
		!*h1.Members[1].HealthInsurance || h1.Members[2].HealthInsurance == nil || *h1.Members[2].HealthInsurance {
		t.Errorf("closed-list answers in legacy text: %+v / %+v", h1.Members[1], h1.Members[2])
	}
	if HasError(got.issues[0]) || HasError(got.issues[1]) {
		t.Errorf("H1 or H2 refused: %s", messages(got.issues[0], got.issues[1]))
	}
	all := messages(got.issues...)
	for _, want := range []string{
		`dòng 2, cột "Họ và tên" (C): chữ dán từ văn bản cũ`, `C2 "Phïng §øc Lîi" → "Phùng Đức Lợi" (TCVN3)`,
		`C3 "Nguyeãn Thò Höông" → "Nguyễn Thị Hương" (VNI)`, `D3 "Vî" → "Vợ" (TCVN3)`, `H3 "M\u00adêng" → "Mường" (TCVN3)`, `I3 "Cã" → "Có" (TCVN3)`,
		`I4 "Kh«ng" → "Không" (TCVN3)`, `C6 "Traàn Thò Thu Trang" → "Trần Thị Thu Trang" (VNI)`, `C4 "Ph¹m Ngäc ¸nh" → "Phạm Ngọc Ánh" (TCVN3)`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the warnings do not say %s:\n%s", want, all)
		}
	}
	if !HasError(got.issues[2]) || !strings.Contains(messages(got.issues[2]), `dòng 7, cột "Họ và tên" (C): ô C7 có chữ không đọc được ("Ksor Y Bhi«ng")`) {
		t.Errorf("the undecided cell is not an error on C7: %s", messages(got.issues[2]))
	}
}

// headerWorkbook is a list with two title rows, a two-row header (group titles merged
// over the columns they group, the others merged down), a numbering row, household
// cells merged down their members' rows, a totals row and a signature block.
func headerWorkbook(tb testing.TB) (workbook, []household) {
	tb.Helper()
	w := workbook{name: "tieu-de-hai-dong.xlsx", rows: [][]any{
		{"UBND XÃ THÀNH ĐÔNG"},
		{"DANH SÁCH HỘ GIA ĐÌNH RÀ SOÁT NĂM 2026"},
		{"STT", "Mã hộ", "Mã xã", "Thông tin thành viên", nil, nil, nil, "Nhà ở", nil, nil, "Thu nhập", "Ghi chú"},
		{nil, nil, nil, "Họ tên", "Giới tính", "Ngày tháng năm sinh", "Số định danh cá nhân", "Tường", "Cột", "Mái", "12 tháng (đồng)", nil},
		{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)"},
		{1, "TD-01", "10507", "Nguyễn Văn An", "Nam", "12/05/1980", "030080001234", "Có", "Có", "Không", 48000000, nil},
		{nil, nil, nil, "Trần Thị Bình", "Nữ", "02/01/1983", "030183001235", nil, nil, nil, nil, nil},
		{nil, nil, nil, "Nguyễn Văn Cường", "Nam", "30/09/2012", nil, nil, nil, nil, nil, "con"},
		{2, "TD-02", "10507", "Đỗ Thị Hồng", "Nữ", "15/08/1955", "030155000444", "Không", "Không", "Không", 18000000, "neo đơn"},
		{"Cộng", nil, nil, "4 người", nil, nil, nil, nil, nil, nil, 66000000, nil},
		{nil},
		{nil, nil, nil, nil, nil, "Hải Dương, ngày 15 tháng 12 năm 2026"},
		{nil, pasteTCVN3(tb, "Người lập biểu"), nil, nil, nil, "KT. CHỦ TỊCH"},
		{nil, nil, nil, nil, nil, "PHÓ CHỦ TỊCH"},
		{nil, "(Ký, ghi rõ họ tên)", nil, nil, nil, "(Ký tên, đóng dấu)"},
		{nil, "Lê Thị Lập", nil, "Phạm Văn Ký", "Nam"},
	}, merges: [][2]string{
		{"A1", "L1"}, {"A2", "L2"},
		{"A3", "A4"}, {"B3", "B4"}, {"C3", "C4"}, {"D3", "G3"}, {"H3", "J3"}, {"L3", "L4"},
		{"A6", "A8"}, {"B6", "B8"}, {"C6", "C8"}, {"H6", "H8"}, {"I6", "I8"}, {"J6", "J8"}, {"K6", "K8"},
		{"A10", "C10"},
	}}
	return w, []household{
		{"TD-01", []person{{"Nguyễn Văn An", "030080001234", "1980-05-12"}, {"Trần Thị Bình", "030183001235", "1983-01-02"}, {"Nguyễn Văn Cường", "", "2012-09-30"}}},
		{"TD-02", []person{{"Đỗ Thị Hồng", "030155000444", "1955-08-15"}}},
	}
}

func checkHeader(t *testing.T, got readResult, want []household) {
	checkHouseholds(t, got.hs, want)
	for _, is := range got.issues {
		if HasError(is) {
			t.Errorf("issues: %s", messages(is))
		}
	}
	s := got.hs[0].Survey
	if *got.hs[0].Survey.Income12m != 48_000_000 || !*s.HouseWallsDurable || !*s.HouseColumnsDurable || *s.HouseRoofDurable {
		t.Errorf("the grouped columns were read wrongly: %+v", s)
	}
	if h := messages(got.header); !strings.Contains(h, `"STT" (A)`) || !strings.Contains(h, `"Ghi chú" (L)`) || strings.Contains(h, "Thông tin") {
		t.Errorf("header issues: %s", h)
	}
	ign := messages(got.ignored)
	if len(got.ignored) != 1 || !strings.Contains(ign, "dòng 10: các dòng 10–16 không phải là hộ hay thành viên, đã bỏ qua (dòng tổng cộng ở dưới bảng") ||
		!strings.Contains(ign, `"Cộng" (10)`) || !strings.Contains(ign, `"Hải Dương, ngày 15 tháng 12 năm 2026" (12)`) || !strings.Contains(ign, `"Người lập biểu" (13)`) ||
		!strings.Contains(ign, "Dòng 16 có giới tính") {
		t.Errorf("ignored rows: %s", ign)
	}
}

// headOnlyWorkbook is a list of one row per household (the head only) headed "Họ và
// tên chủ hộ" and "Thu nhap", with its totals row, a note and a signature.
func headOnlyWorkbook(tb testing.TB) (workbook, []household) {
	tb.Helper()
	w := workbook{name: "chu-ho.xlsx", rows: [][]any{
		{"STT", "Mã hộ", "Mã xã", "Họ và tên chủ hộ", "Giới tính", "Ngày sinh", "CCCD", "Thu nhap"},
		{1, "CH-1", 10507, "Vũ Thị Lan", "Nữ", "03/04/1960", "030160000555", "12.000.000"},
		{2, "CH-2", 10507, "Hoàng Văn Nam", "Nam", "05/06/1975", "030075000666", "24.000.000"},
		{"Tổng cộng", nil, nil, "2 hộ", nil, nil, nil, 36000000},
		{"Ghi chú: danh sách gồm các hộ rà soát cuối năm."},
		{nil, "Người lập biểu", nil, nil, "XÁC NHẬN CỦA UBND XÃ"},
		{nil, "Nguyễn Thị Lập", nil, nil, "Trần Văn Xã"},
	}}
	return w, []household{
		{"CH-1", []person{{"Vũ Thị Lan", "030160000555", "1960-04-03"}}},
		{"CH-2", []person{{"Hoàng Văn Nam", "030075000666", "1975-06-05"}}},
	}
}

func checkHeadOnly(t *testing.T, got readResult, want []household) {
	checkHouseholds(t, got.hs, want)
	if m := messages(got.issues...); strings.Contains(m, "error") {
		t.Errorf("issues: %s", m)
	}
	if *got.hs[1].Survey.Income12m != 24_000_000 {
		t.Errorf("income %d", *got.hs[1].Survey.Income12m)
	}
	if ign := messages(got.ignored); len(got.ignored) != 1 || !strings.Contains(ign, "các dòng 4–7") || !strings.Contains(ign, `"Tổng cộng" (4)`) {
		t.Errorf("ignored rows: %s", ign)
	}
}

// workbookCases are the generated workbooks and their checks.
var workbookCases = []struct {
	make  func(testing.TB) (workbook, []household)
	check func(*testing.T, readResult, []household)
}{
	{pastedWorkbook, checkPasted},
	{headerWorkbook, checkHeader},
	{headOnlyWorkbook, checkHeadOnly},
}

func TestOfficerWorkbooks(t *testing.T) {
	for _, c := range workbookCases {
		w, want := c.make(t)
		t.Run(w.name, func(t *testing.T) {
			c.check(t, readWorkbook(t, w.xlsx(t), w.name), want)
		})
	}
}

// TestOfficerWorkbooksLibreOffice saves every generated workbook again with LibreOffice
// (as an officer who opens and saves a list in LibreOffice Calc does) and reads it.
func TestOfficerWorkbooksLibreOffice(t *testing.T) {
	lo := mustLibreOffice(t)
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	os.Mkdir(in, 0o755)
	args := []string{"--headless", "--norestore", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--convert-to", "xlsx", "--outdir", out}
	wants := map[string][]household{}
	for _, c := range workbookCases {
		w, want := c.make(t)
		p := filepath.Join(in, w.name)
		if err := os.WriteFile(p, w.xlsx(t), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
		wants[w.name] = want
	}
	if b, err := exec.Command(lo, args...).CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, b)
	}
	for _, c := range workbookCases {
		w, _ := c.make(t)
		t.Run(w.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(out, w.name))
			if err != nil {
				t.Fatalf("LibreOffice did not save %s: %v", w.name, err)
			}
			if f, err := excelize.OpenReader(bytes.NewReader(data)); err != nil {
				t.Fatal(err)
			} else if app, err := f.GetAppProps(); err != nil || !strings.Contains(app.Application, "LibreOffice") {
				t.Fatalf("%s was not saved by LibreOffice: %+v %v", w.name, app, err)
			}
			c.check(t, readWorkbook(t, data, w.name), wants[w.name])
		})
	}
}

// mustLibreOffice returns the LibreOffice command.
func mustLibreOffice(tb testing.TB) string {
	tb.Helper()
	for _, p := range []string{"libreoffice", "soffice"} {
		if found, err := exec.LookPath(p); err == nil {
			return found
		}
	}
	if os.Getenv("CI") != "" {
		tb.Fatal("LibreOffice is not installed on CI: apt-get install -y libreoffice-calc")
	}
	tb.Skip("LibreOffice not found: apt-get install -y libreoffice-calc")
	return ""
}
