package importfile

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestHeaderWordings(t *testing.T) {
	for h, key := range map[string]string{
		"Họ và tên chủ hộ": "name", "HỌ TÊN CHỦ HỘ": "name", "Họ tên": "name", "Họ và tên thành viên hộ": "name",
		"Thu nhập": "income_12m", "Thu nhap": "income_12m", "THU NHẬP (đồng)": "income_12m", "Tổng thu nhập 12 tháng qua": "income_12m",
		"Số CCCD/ĐDCN": "national_id", "Số định danh cá nhân/CCCD": "national_id", "Năm sinh": "birth_date",
		"Mối quan hệ với chủ hộ": "relation", "Mã số hộ gia đình": "household_code", "Thôn/Ấp/Bản/Tổ dân phố": "village",
	} {
		id, _, ok := lookupHeader(h)
		if !ok || columns[id].Key != key {
			t.Errorf("header %q not read as %s", h, key)
		}
	}
	// Per-capita income is not the 12-month income, and a name split into "Họ" and
	// "Tên" is not a name column (the given names alone would be stored).
	for _, h := range []string{"Thu nhập bình quân (đồng/người/tháng)", "Họ", "Tên", "Chủ hộ"} {
		if id, _, ok := lookupHeader(h); ok {
			t.Errorf("header %q read as %s", h, columns[id].Key)
		}
	}
}

// TestFallbackHeader: "Họ và tên chủ hộ" is the name column of a head-only list, and
// gives way to the members' names where the list has them.
func TestFallbackHeader(t *testing.T) {
	hdr := []string{"Mã hộ", "Mã xã", "Họ và tên chủ hộ", "Họ và tên thành viên", "Giới tính", "Ngày sinh", "Thu nhập"}
	data := csvBytes(t, ',', hdr,
		[]string{"H1", "10507", "Nguyễn Văn An", "Nguyễn Văn An", "Nam", "12/05/1980", "48000000"},
		[]string{"H1", "10507", "Nguyễn Văn An", "Trần Thị Bình", "Nữ", "02/01/1983", ""})
	r := MustOpen(t, data, "hai-cot-ten.csv")
	if h := messages(r.HeaderIssues()); !strings.Contains(h, `"Họ và tên chủ hộ" (C, "Họ và tên thành viên" (D) được dùng / is used)`) {
		t.Errorf("header issues: %s", h)
	}
	hs, iss := readAll(t, r)
	if len(hs) != 1 || hs[0].Members[1].Name != "Trần Thị Bình" || HasError(iss[0]) {
		t.Errorf("read %+v, %s", hs, messages(iss...))
	}
}

func TestNumberingRow(t *testing.T) {
	for _, tt := range []struct {
		cells []string
		want  bool
	}{
		{[]string{"(1)", "(2)", "(3)", "(4)", "(5)"}, true},
		{[]string{"1", "2", "3", "", "5", "6"}, true},
		{[]string{"A", "B", "(1)", "(2)", "3=1+2"}, false},
		{[]string{"[1]", "[2]", "[3]", "4a"}, true},
		{[]string{"1", "H1", "10507", "Nguyễn Văn An"}, false},
		{[]string{"(1)", "(2)"}, false},
	} {
		if got := isNumberingRow(tt.cells, 5); got != tt.want {
			t.Errorf("isNumberingRow(%q) = %v", tt.cells, got)
		}
	}
}

// TestMissingColumnSaysWhatWasFound: a two-row header without the sex column is
// refused with a message naming the header's rows and every column found.
func TestMissingColumnSaysWhatWasFound(t *testing.T) {
	w := workbook{name: "thieu.xlsx", rows: [][]any{
		{"DANH SÁCH"},
		{"Mã hộ", "Mã xã", "Thông tin thành viên", nil, nil, "Thu nhập"},
		{nil, nil, "Họ tên", "Năm sinh Nam", "Năm sinh Nữ", "12 tháng"},
		{"H1", "10507", "Nguyễn Văn An", "1980", nil, 48000000},
	}, merges: [][2]string{{"A2", "A3"}, {"B2", "B3"}, {"C2", "E2"}}}
	_, err := Open(bytes.NewReader(w.xlsx(t)), w.name)
	e := appErr(t, err)
	for _, want := range []string{`thiếu cột bắt buộc: "Giới tính", "Ngày sinh"`, "Dòng tiêu đề là dòng 2–3",
		`"Mã hộ" (A)`, `"Thông tin thành viên / Họ tên" (C) = "Họ và tên"`, `"Thông tin thành viên / Năm sinh Nam" (D): không nhận ra`,
		`"Thu nhập / 12 tháng" (F)`} {
		if !strings.Contains(e.Message, want) {
			t.Errorf("message does not say %s: %s", want, e.Message)
		}
	}
	if !strings.Contains(e.MessageEN, "The header is rows 2–3") || !strings.Contains(e.MessageEN, ": not recognised") {
		t.Errorf("English message: %s", e.MessageEN)
	}
	if fi := FileIssue(w.name, err); fi.Message != e.Message || !fi.IsError() || fi.Row != 0 {
		t.Errorf("FileIssue = %+v", fi)
	}
}

// TestMixedCSV: a UTF-8 CSV with one line pasted from a TCVN3 file (its raw bytes)
// and one from a VNI file.
func TestMixedCSV(t *testing.T) {
	hdr := "Mã hộ,Mã xã,Họ và tên,Giới tính,Ngày sinh,Có BHYT,Thu nhập\n"
	data := append([]byte(hdr+"H1,10507,Nguyễn Văn An,Nam,12/05/1980,Có,48000000\n"), "H1,10507,"...)
	data = append(data, encodeTCVN3(t, "Trần Thị Hương,Nữ,02/01/1983,Không,\n")...)
	data = append(data, "H2,10507,"...)
	data = append(data, encodeVNI(t, "Lê Thị Thủy,Nữ,03/03/1970,Có,12000000\n")...)
	r := MustOpen(t, data, "tron.csv")
	hs, iss := readAll(t, r)
	checkHouseholds(t, hs, []household{
		{"H1", []person{{"Nguyễn Văn An", "", "1980-05-12"}, {"Trần Thị Hương", "", "1983-01-02"}}},
		{"H2", []person{{"Lê Thị Thủy", "", "1970-03-03"}}},
	})
	if r.Encoding().String() != "UTF-8" || HasError(iss[0]) || *hs[0].Members[1].HealthInsurance {
		t.Errorf("encoding %v, issues %s", r.Encoding(), messages(iss...))
	}
	if m := messages(iss...); !strings.Contains(m, `C3 "TrÇn ThÞ H\u00ad¬ng" → "Trần Thị Hương" (TCVN3); D3 "N÷" → "Nữ" (TCVN3); F3 "Kh«ng" → "Không" (TCVN3)`) ||
		!strings.Contains(m, `C4 "Leâ Thò Thuûy" → "Lê Thị Thủy" (VNI)`) {
		t.Errorf("no warning on C3: %s", m)
	}
}

// TestBelowTheTable: totals and subtotals, notes, dates and signatures are not
// members, whatever column they sit in; names that look like the totals words are.
func TestBelowTheTable(t *testing.T) {
	rows := [][]string{header}
	rows = append(rows, family("H1")...)
	rows = append(rows,
		[]string{"", "", "", "", "", "", "", "", "", "", "", "", "", "", "bổ sung sau"}, // a remark outside the template
		[]string{"Cộng thôn Đông", "", "", "3 người", "", "", "", "", "48000000"},
	)
	h2 := family("H2")
	h2[0][3] = "Tống Văn Công" // a name, not "Tổng"
	rows = append(rows, h2...)
	rows = append(rows,
		[]string{"", "", "", "Công Thị Hoa", "Con", "Nữ", "01/01/2015"}, // a member: "Công" is a family name
		[]string{"TỔNG CỘNG", "", "", "", "", "", "", "", "96.000.000"},
		[]string{"* Ghi chú: số liệu đến 30/11"},
		[]string{"", "", "", "", "", "", "Thanh Hà, ngày … tháng … năm 2026"},
		[]string{"", "Người lập biểu", "", "", "", "", "TM. ỦY BAN NHÂN DÂN"},
		[]string{"", "Nguyễn Văn Lập", "", "Lê Văn Chủ"},
	)
	r := MustOpen(t, csvBytes(t, ',', rows...), "duoi-bang.csv")
	hs, iss := readAll(t, r)
	if len(hs) != 2 || len(hs[0].Members) != 3 || len(hs[1].Members) != 4 || hs[1].Members[0].Name != "Tống Văn Công" || hs[1].Members[3].Name != "Công Thị Hoa" {
		t.Fatalf("households %d: %+v", len(hs), hs)
	}
	for _, is := range iss {
		if HasError(is) {
			t.Errorf("issues: %s", messages(is))
		}
	}
	ign := messages(r.IgnoredIssues())
	for _, want := range []string{`dòng 5 không phải là hộ hay thành viên, đã bỏ qua (chỉ có ô ở các cột không thuộc mẫu): "bổ sung sau" (5)`,
		`dòng 6 không phải là hộ hay thành viên, đã bỏ qua (dòng tổng cộng ở dưới bảng, và các dòng sau nó): "Cộng thôn Đông" (6)`,
		`các dòng 11–15 không phải`, `"TỔNG CỘNG" (11)`, `"* Ghi chú: số liệu đến 30/11" (12)`, `"Thanh Hà, ngày … tháng … năm 2026" (13)`, `"Người lập biểu" (14)`} {
		if !strings.Contains(ign, want) {
			t.Errorf("ignored rows do not say %s:\n%s", want, ign)
		}
	}
	var en string
	for _, is := range r.IgnoredIssues() {
		en += is.MessageEN + "\n"
	}
	if !strings.Contains(en, "rows 11–15: not households or members, ignored (a totals row below the table") {
		t.Errorf("English: %s", en)
	}
}

func TestFooterWords(t *testing.T) {
	for s, want := range map[string]bool{"Cộng": true, "Cộng:": true, "cộng thôn Đông": true, "Tổng: 25 hộ": true, "TỔNG": true,
		"Công": false, "Tống Văn A": false, "Cộng đồng": false} {
		got := totalsWord(s) || totalsKey(valueKey(s))
		if s == "Cộng đồng" {
			want = true // "Cộng" then a word: read as a subtotal when nothing else marks the row as a member's
		}
		if got != want {
			t.Errorf("totals(%q) = %v", s, got)
		}
	}
	for s, want := range map[string]bool{"Hải Dương, ngày 15 tháng 12 năm 2024": true, "ngày … tháng … năm …": true, "Ngày sinh": false, "Thôn Tháng Năm": false} {
		if got := dateLine(valueKey(s)); got != want {
			t.Errorf("dateLine(%q) = %v", s, got)
		}
	}
	for s, want := range map[string]bool{"KT. CHỦ TỊCH": true, "Người lập biểu": true, "(Ký, ghi rõ họ tên)": true, "Chủ hộ": false, "Cán bộ": true} {
		if got := hasKeyPrefix(valueKey(s), signatureKeys); got != want {
			t.Errorf("signature(%q) = %v", s, got)
		}
	}
}

// TestOfficerText: a message that names a field names the column instead.
func TestOfficerText(t *testing.T) {
	r := MustOpen(t, csvBytes(t, ',', header, family("H1")[0]), "a.csv")
	readAll(t, r)
	is := r.IssueFor("survey.income_12m", "Thiếu thu nhập 12 tháng (income_12m) hoặc câu trả lời bảng điểm B1 (score_answers)",
		"neither the 12-month income (income_12m) nor B1 score answers (score_answers) are given", SeverityError)
	if is.Message != `Tệp a.csv, dòng 2, cột "Thu nhập 12 tháng (đồng)" (I): Thiếu thu nhập 12 tháng (cột "Thu nhập 12 tháng (đồng)") hoặc câu trả lời bảng điểm B1` ||
		strings.Contains(is.MessageEN, "income_12m") || strings.Contains(is.MessageEN, "score_answers") {
		t.Errorf("issue %q / %q", is.Message, is.MessageEN)
	}
	sk := r.SkippedIssue([]Issue{{Row: 3, Column: "Ngày sinh", Severity: SeverityError}, {Row: 4, Severity: SeverityError}, {Severity: SeverityWarning}})
	if sk.Message != `Tệp a.csv, dòng 2: hộ H1 (dòng 2) bị bỏ qua, không được nhập, vì có 2 lỗi (lỗi đầu tiên ở dòng 3, cột "Ngày sinh"); các hộ hợp lệ khác vẫn được nhập` {
		t.Errorf("skipped: %q", sk.Message)
	}
}

// TestTemplateMarksRequired: the template's header marks the required columns, the
// income among them, and the guide sheet explains the mark.
func TestTemplateMarksRequired(t *testing.T) {
	var b bytes.Buffer
	if err := WriteTemplateXLSX(&b); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(dataSheet)
	marked := map[string]bool{}
	for _, h := range rows[0] {
		if base, ok := strings.CutSuffix(h, " (*)"); ok {
			marked[base] = true
		}
	}
	for _, c := range columns {
		if marked[c.Header] != c.Required {
			t.Errorf("column %q: marked %v, required %v", c.Header, marked[c.Header], c.Required)
		}
	}
	for _, h := range []string{"Mã hộ", "Mã xã", "Họ và tên", "Giới tính", "Ngày sinh", "Thu nhập 12 tháng (đồng)"} {
		if !marked[h] {
			t.Errorf("%q is not marked required", h)
		}
	}
	guide, _ := f.GetRows(guideSheet)
	if !strings.Contains(messagesOfRows(guide), "(*) Cột bắt buộc") {
		t.Error("the guide sheet does not explain (*)")
	}
}

func messagesOfRows(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "|") + "\n")
	}
	return b.String()
}
