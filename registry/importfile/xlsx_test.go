package importfile

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"giamngheo/poverty"
	"giamngheo/registry"
)

// xlsxBytes writes rows to a workbook with excelize's StreamWriter; cells that are
// int or float64 become number cells, as officers' sheets hold them.
func xlsxBytes(tb testing.TB, rows ...[]any) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, row); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

func anyRow(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func TestXLSX(t *testing.T) {
	rows := [][]any{anyRow(header)}
	for _, r := range family("H1") {
		rows = append(rows, anyRow(r))
	}
	// Number cells as Excel keeps them: an income, a date serial (30/06/1983), and a
	// CCCD typed as a number, which loses its leading zero.
	rows[1][8] = 48000000
	rows[1][11] = 1440.5 // a land area as a number cell
	rows[2][6] = 30497
	rows[2][7] = 30183001235
	rows = append(rows, nil, anyRow(family("H2")[0])) // an empty row 5, then H2 on row 6
	rows[5][6] = "31/02/1990"
	data := xlsxBytes(t, rows...)

	r := MustOpen(t, data, "danh-sach.xlsx")
	hs, iss := readAll(t, r)
	if len(hs) != 2 {
		t.Fatalf("got %d households", len(hs))
	}
	h := hs[0]
	if *h.Survey.Income12m != 48_000_000 || h.Members[1].BirthDate != "1983-06-30" || h.Members[1].NationalID != "030183001235" || *h.Livelihood.AnnualCropLandM2 != 1440.5 ||
		h.Members[0].Name != "Nguyễn Văn An" || h.Members[1].Sex != poverty.Female || h.Members[0].Relation != registry.RelationHead {
		t.Errorf("H1 read wrongly: %+v", h)
	}
	if len(iss[0]) != 1 || iss[0][0].Row != 3 || iss[0][0].Severity != SeverityWarning {
		t.Errorf("H1 issues %+v, want the 11-digit warning on row 3", iss[0])
	}
	if len(iss[1]) != 1 || iss[1][0].Row != 6 || iss[1][0].Column != "Ngày sinh" || !strings.Contains(iss[1][0].Message, "dòng 6, cột \"Ngày sinh\" (G)") {
		t.Errorf("H2 issues %+v, want the impossible date on row 6, column G", iss[1])
	}
}

func TestTruncatedXLSX(t *testing.T) {
	rows := [][]any{anyRow(header)}
	for i := 0; i < 200; i++ {
		for _, r := range family("H" + string(rune('A'+i%26)) + strings.Repeat("x", i/26)) {
			rows = append(rows, anyRow(r))
		}
	}
	data := xlsxBytes(t, rows...)
	for _, n := range []int{len(data) - 1, len(data) - 30, len(data) / 2, len(data) / 10, 100, 10} {
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("truncated at %d of %d: panic %v", n, len(data), p)
				}
			}()
			r, err := Open(bytes.NewReader(data[:n]), "cat-cut.xlsx")
			if err == nil {
				defer r.Close()
				for err == nil {
					_, _, err = r.Next()
				}
				if err == io.EOF {
					t.Errorf("truncated at %d of %d: read to the end without an error", n, len(data))
					return
				}
			}
			e := appErr(t, err)
			if !strings.Contains(e.Message, "cat-cut.xlsx") || !strings.Contains(e.Message, "bị hỏng hoặc không đầy đủ") {
				t.Errorf("truncated at %d: message %q", n, e.Message)
			}
		}()
	}
	// Not a zip at all, but named .xlsx.
	_, err := Open(strings.NewReader("Mã hộ,Họ tên\n"), "gia.xlsx")
	if e := appErr(t, err); !strings.Contains(e.Message, "không phải là tệp Excel") {
		t.Errorf("message %q", e.Message)
	}
}

func TestTemplateRoundTrip(t *testing.T) {
	check := func(t *testing.T, r *Reader) {
		hs, iss := readAll(t, r)
		if len(hs) != 1 || len(iss[0]) != 0 || len(r.HeaderIssues()) != 0 {
			t.Fatalf("households %d, issues %+v %+v", len(hs), iss, r.HeaderIssues())
		}
		h := hs[0]
		if err := h.Validate(); err != nil {
			t.Fatalf("Validate: %v", err)
		}
		s := h.Survey
		ok := h.Code == "HD-0001" && h.ProvinceCode == "31" && h.CommuneCode == "10507" && h.VillageName == "Thôn Đông" &&
			h.Address == "Số 12, đường làng" && h.Phone == "0912345678" && h.HeadName == "Nguyễn Văn An" &&
			s.FarmHousehold && *s.Income12m == 48_000_000 && *s.HouseWallsDurable && *s.HouseColumnsDurable && !*s.HouseRoofDurable &&
			*s.FloorAreaM2 == 45 && s.WaterSource == poverty.WaterDrilledWell && s.Latrine == poverty.LatrineSeptic &&
			*s.Telecom && len(s.Devices) == 2 && *s.WasteTreated && s.Area == "" && s.Region == poverty.RegionRedRiverDelta
		l := h.Livelihood
		ok = ok && *l.AnnualCropLandM2 == 1440 && l.PerennialCropLandM2 == nil && *l.AquacultureM2 == 360 && l.ForestLandM2 == nil &&
			*l.Cattle == 1 && *l.Pigs == 4 && *l.Poultry == 30
		if !ok {
			t.Errorf("household read wrongly: %+v\nsurvey %+v", h, s)
		}
		want := []registry.Member{
			{Member: poverty.Member{Name: "Nguyễn Văn An", Sex: poverty.Male, BirthDate: "1980-05-12", HealthInsurance: ptr(true), Schooling: poverty.SchoolingLowerSecondary, Employment: poverty.SelfEmployed},
				Relation: registry.RelationHead, Ethnicity: "Kinh", NationalID: "030080001234"},
			{Member: poverty.Member{Name: "Trần Thị Bình", Sex: poverty.Female, BirthDate: "1983-01-02", HealthInsurance: ptr(true), Schooling: poverty.SchoolingUpperSecondary, Employment: poverty.EmployedNoContract},
				Relation: registry.RelationSpouse, Ethnicity: "Kinh", NationalID: "030183001235"},
			{Member: poverty.Member{Name: "Nguyễn Văn Cường", Sex: poverty.Male, BirthDate: "2012-09-30", HealthInsurance: ptr(true), Schooling: poverty.SchoolingStudying, Employment: poverty.NotInLabourForce, Malnourished: ptr(false)},
				Relation: registry.RelationChild, Ethnicity: "Kinh"},
		}
		for i, w := range want {
			g := h.Members[i]
			if g.Name != w.Name || g.Sex != w.Sex || g.BirthDate != w.BirthDate || *g.HealthInsurance != *w.HealthInsurance ||
				g.Schooling != w.Schooling || g.Employment != w.Employment || g.Relation != w.Relation || g.Ethnicity != w.Ethnicity ||
				g.NationalID != w.NationalID || g.DisabilityAllowance || (w.Malnourished == nil) != (g.Malnourished == nil) || g.SocialAllowance != "" {
				t.Errorf("member %d = %+v, want %+v", i, g, w)
			}
		}
	}
	t.Run("csv", func(t *testing.T) {
		var b bytes.Buffer
		if err := WriteTemplateCSV(&b); err != nil {
			t.Fatal(err)
		}
		check(t, MustOpen(t, b.Bytes(), "mau.csv"))
	})
	t.Run("xlsx", func(t *testing.T) {
		var b bytes.Buffer
		if err := WriteTemplateXLSX(&b); err != nil {
			t.Fatal(err)
		}
		check(t, MustOpen(t, b.Bytes(), "mau.xlsx"))
		f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if got := f.GetSheetList(); len(got) != 2 || got[0] != "Danh sách" || got[1] != "Hướng dẫn" {
			t.Errorf("sheets %v", got)
		}
		guide, err := f.GetRows("Hướng dẫn")
		if err != nil {
			t.Fatal(err)
		}
		if len(guide) < len(Template())+1 || guide[1][0] != "Mã hộ" || !strings.Contains(strings.Join(guide[0], "|"), "Giá trị cho phép") {
			t.Errorf("guide sheet %v", guide[:2])
		}
		var latrine []string
		for _, row := range guide {
			if len(row) > 4 && row[0] == "Loại nhà tiêu" {
				latrine = row
			}
		}
		if latrine == nil || !strings.Contains(latrine[4], "Tự hoại") {
			t.Errorf("guide row for Loại nhà tiêu %v lacks the allowed values", latrine)
		}
	})
}

func ptr[T any](v T) *T { return &v }

func TestTemplateColumns(t *testing.T) {
	cols := Template()
	if len(cols) != int(numCols) {
		t.Fatalf("%d columns, want %d", len(cols), numCols)
	}
	cols[0].Aliases[0] = "changed"
	if columns[0].Aliases[0] == "changed" {
		t.Error("Template must return a copy")
	}
	for _, c := range cols {
		if c.Help == "" || c.Header == "" || c.Key == "" {
			t.Errorf("column %+v lacks documentation", c)
		}
		if c.Allowed != "" && c.Example[0] != "" {
			if _, p := parseAny(c, c.Example[0]); p != nil {
				t.Errorf("example %q of %s is refused: %s", c.Example[0], c.Key, p.vi)
			}
		}
	}
}

// parseAny parses v as column c would.
func parseAny(c Column, v string) (any, *problem) {
	if c.Level == HouseholdLevel {
		var h registry.Household
		return h, setHousehold(&h, c.id, v)
	}
	var m registry.Member
	return m, setMember(&m, c.id, v, mustDate(nil, "2026-01-01"))
}

func TestReportXLSX(t *testing.T) {
	issues := []Issue{
		{File: "a.csv", Row: 5, Column: "Ngày sinh", Message: "Tệp a.csv, dòng 5, cột \"Ngày sinh\": ngày sinh \"31/02/1990\" không tồn tại", MessageEN: "x", Severity: SeverityError},
		{File: "a.csv", Row: 0, Message: "Tệp a.csv: cảnh báo", MessageEN: "y", Severity: SeverityWarning},
	}
	var b bytes.Buffer
	if err := WriteReportXLSX(&b, issues); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || strings.Join(rows[0][:5], "|") != "Tệp|Dòng|Cột|Mức độ|Nội dung" ||
		strings.Join(rows[1][:5], "|") != "a.csv|5|Ngày sinh|Lỗi|"+issues[0].Message || rows[2][3] != "Cảnh báo" || rows[2][1] != "" {
		t.Errorf("report rows %q", rows)
	}
}

// TestXLSXLegacyText reads a workbook whose cells hold TCVN3 text as Excel shows it
// under Windows-1252 ("NguyÔn"), as legacy sheets converted to .xlsx do.
func TestXLSXLegacyText(t *testing.T) {
	cp1252 := func(s string) string { // TCVN3 letters are all in 0xA0..0xFF, which is Latin-1
		b := encodeTCVN3(t, s)
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c)
		}
		return string(r)
	}
	rows := [][]any{anyRow([]string{cp1252("Mã hộ"), cp1252("Mã xã"), cp1252("Thôn/Tổ dân phố"), cp1252("Họ và tên"), cp1252("Giới tính"), cp1252("Ngày sinh"), cp1252("Thu nhập")})}
	for i, name := range []string{"Nguyễn Văn Đức", "Trần Thị Hương", "Phạm Quốc Việt", "Lê Thị Thủy"} {
		rows = append(rows, []any{"H" + string(rune('1'+i/2)), 10507, cp1252("Thôn Đồng Tâm"), cp1252(name), cp1252([]string{"Nam", "Nữ"}[i%2]), "01/01/1980", 24000000})
	}
	r := MustOpen(t, xlsxBytes(t, rows...), "tcvn3.xlsx")
	hs, iss := readAll(t, r)
	if r.Encoding().String() != "TCVN3" || len(hs) != 2 {
		t.Fatalf("encoding %v, %d households", r.Encoding(), len(hs))
	}
	got := hs[0].Members[0].Name + "|" + hs[0].Members[1].Name + "|" + hs[1].Members[1].Name
	if got != "Nguyễn Văn Đức|Trần Thị Hương|Lê Thị Thủy" || hs[1].VillageName != "Thôn Đồng Tâm" || hs[0].Members[1].Sex != poverty.Female || hs[0].CommuneCode != "10507" {
		t.Errorf("read %q, %+v", got, hs[1])
	}
	for _, is := range iss {
		if HasError(is) {
			t.Errorf("issues %+v", is)
		}
	}
}
