package catalogue

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"giamngheo"
	"giamngheo/admin"
)

// gsoHeader is the header of the GSO export with one row per commune.
var gsoHeader = []any{"Tỉnh / Thành Phố", "Mã TP", "Quận Huyện", "Mã QH", "Phường Xã", "Mã PX", "Cấp", "Tên Tiếng Anh"}

// mustXLSX builds a workbook whose sheets hold the given rows, in order.
func mustXLSX(tb testing.TB, sheets ...[][]any) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, rows := range sheets {
		name := "Sheet1"
		if i > 0 {
			name = "Sheet" + string(rune('1'+i))
			if _, err := f.NewSheet(name); err != nil {
				tb.Fatal(err)
			}
		}
		for j, r := range rows {
			cell, err := excelize.CoordinatesToCellName(1, j+1)
			if err != nil {
				tb.Fatal(err)
			}
			if err := f.SetSheetRow(name, cell, &r); err != nil {
				tb.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// mustCSV renders rows as CSV with the given delimiter (no quoting needed in tests).
func mustCSV(rows [][]any, sep string) []byte {
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			if i > 0 {
				b.WriteString(sep)
			}
			if c != nil {
				b.WriteString(strings.TrimSpace(strings.ReplaceAll(anyString(c), sep, " ")))
			}
		}
		b.WriteString("\n")
	}
	return []byte(b.String())
}

func anyString(c any) string {
	switch v := c.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	}
	return ""
}

// haiDuong2025 returns the embedded units of province 30 in the 2025-03-01 catalogue
// and its rows in the GSO export form (one row per commune, with two title rows).
func haiDuong2025(tb testing.TB) ([]admin.Unit, [][]any) {
	tb.Helper()
	snaps, err := admin.EmbeddedSnapshots()
	if err != nil {
		tb.Fatal(err)
	}
	all := snaps[1].Units // vn-2025-03-01.csv
	byCode := map[string]admin.Unit{}
	for _, u := range all {
		byCode[u.Code] = u
	}
	var want []admin.Unit
	rows := [][]any{{"DANH MỤC ĐƠN VỊ HÀNH CHÍNH VIỆT NAM"}, {"Ngày 01/03/2025"}, gsoHeader}
	p := byCode["30"]
	want = append(want, p)
	for _, d := range all {
		if d.ParentCode != "30" {
			continue
		}
		want = append(want, d)
		for _, c := range all {
			if c.ParentCode == d.Code {
				want = append(want, c)
				rows = append(rows, []any{p.Name, p.Code, d.Name, d.Code, c.Name, c.Code, c.Type, ""})
			}
		}
	}
	return want, rows
}

// sortUnits orders units by code for comparison.
func sortUnits(us []admin.Unit) []admin.Unit {
	us = slices.Clone(us)
	slices.SortFunc(us, func(a, b admin.Unit) int { return strings.Compare(a.Code, b.Code) })
	return us
}

func TestReadGSOExportOfHaiDuong(t *testing.T) {
	want, rows := haiDuong2025(t)
	if len(want) != 1+12+207 {
		t.Fatalf("fixture: %d units, want 220", len(want))
	}
	withBOM := append([]byte("\xEF\xBB\xBF"), mustCSV(rows, ";")...)
	for _, tc := range []struct {
		name, file string
		data       []byte
	}{
		{"xlsx", "DanhMucHanhChinh.xlsx", mustXLSX(t, rows)},
		{"xlsx without extension", "download", mustXLSX(t, rows)},
		{"csv with comma", "DanhMuc.csv", mustCSV(rows, ",")},
		{"csv with semicolon and BOM", "DanhMuc.csv", withBOM},
		{"tab-separated", "DanhMuc.txt", mustCSV(rows, "\t")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read(bytes.NewReader(tc.data), tc.file)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(sortUnits(got), sortUnits(want)) {
				t.Errorf("got %d units, want %d equal to the embedded catalogue", len(got), len(want))
				for i, u := range sortUnits(got) {
					if i < len(want) && u != sortUnits(want)[i] {
						t.Errorf("first difference: %+v vs %+v", u, sortUnits(want)[i])
						break
					}
				}
			}
		})
	}
}

func TestReadHeaderVariants(t *testing.T) {
	data := [][]any{
		{"Tỉnh Hải Dương", "30", "Thị xã Kinh Môn", "292", "Phường An Lưu", "10675", "Phường", "An Luu Ward"},
		{"Tỉnh Hải Dương", "30", "Huyện Nam Sách", "291", "Thị trấn Nam Sách", "10606", "Thị trấn", ""},
	}
	want := []admin.Unit{
		{Code: "30", Name: "Tỉnh Hải Dương", Type: "Tỉnh", Level: admin.LevelProvince},
		{Code: "292", Name: "Thị xã Kinh Môn", Type: "Thị xã", Level: admin.LevelDistrict, ParentCode: "30"},
		{Code: "10675", Name: "Phường An Lưu", Type: "Phường", Level: admin.LevelCommune, ParentCode: "292"},
		{Code: "291", Name: "Huyện Nam Sách", Type: "Huyện", Level: admin.LevelDistrict, ParentCode: "30"},
		{Code: "10606", Name: "Thị trấn Nam Sách", Type: "Thị trấn", Level: admin.LevelCommune, ParentCode: "291"},
	}
	for _, header := range [][]any{
		gsoHeader,
		{"TỈNH/THÀNH PHỐ", "MÃ TP", "QUẬN HUYỆN", "MÃ QH", "PHƯỜNG XÃ", "MÃ PX", "CẤP", "TÊN TIẾNG ANH"},
		{"  tinh / thanh pho ", "ma  tp", "Quan Huyen", "ma qh", "phuong xa", "Ma PX", "cap", "ten tieng anh"},
		{"Ti\u0309nh / Tha\u0300nh Pho\u0302\u0301", "Ma\u0303 TP", "Quận Huyện", "Mã QH", "Phường Xã", "Mã PX", "Câ\u0301p", ""}, // decomposed accents
		{"Tên tỉnh", "Mã tỉnh", "Tên huyện", "Mã huyện", "Tên xã", "Mã xã", "Cấp", "Ghi chú"},
	} {
		rows := append([][]any{header}, data...)
		got, err := Read(bytes.NewReader(mustXLSX(t, rows)), "h.xlsx")
		if err != nil {
			t.Errorf("header %q: %v", header, err)
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("header %q:\ngot  %+v\nwant %+v", header, got, want)
		}
	}
}

// TestReadNumericCodes: Excel keeps a code typed as a number without its leading zeros.
func TestReadNumericCodes(t *testing.T) {
	rows := [][]any{gsoHeader,
		{"Thành phố Hà Nội", 1, "Quận Ba Đình", 1, "Phường Trúc Bạch", 4, "Phường", ""},
		{"Thành phố Hà Nội", 1, "Quận Ba Đình", 1, "Phường Phúc Xá", 1, "Phường", ""},
	}
	got, err := Read(bytes.NewReader(mustXLSX(t, rows)), "numbers.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	want := []admin.Unit{
		{Code: "01", Name: "Thành phố Hà Nội", Type: "Thành phố", Level: admin.LevelProvince},
		{Code: "001", Name: "Quận Ba Đình", Type: "Quận", Level: admin.LevelDistrict, ParentCode: "01"},
		{Code: "00004", Name: "Phường Trúc Bạch", Type: "Phường", Level: admin.LevelCommune, ParentCode: "001"},
		{Code: "00001", Name: "Phường Phúc Xá", Type: "Phường", Level: admin.LevelCommune, ParentCode: "001"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// TestReadTwoTierExport: from 01/07/2025 the export has no district columns.
func TestReadTwoTierExport(t *testing.T) {
	rows := [][]any{{"Mã TP", "Tỉnh / Thành Phố", "Mã PX", "Phường Xã", "Cấp"},
		{"31", "Thành phố Hải Phòng", "10507", "Phường Thành Đông", "Phường"},
		{"31", "Thành phố Hải Phòng", "11948", "Đặc khu Bạch Long Vĩ", "Đặc khu"},
		{"31", "Thành phố Hải Phòng", "11239", "Xã Thanh Miện", "Xã"},
	}
	got, err := Read(bytes.NewReader(mustCSV(rows, ",")), "hp.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []admin.Unit{
		{Code: "31", Name: "Thành phố Hải Phòng", Type: "Thành phố", Level: admin.LevelProvince},
		{Code: "10507", Name: "Phường Thành Đông", Type: "Phường", Level: admin.LevelCommune, ParentCode: "31"},
		{Code: "11948", Name: "Đặc khu Bạch Long Vĩ", Type: "Đặc khu", Level: admin.LevelCommune, ParentCode: "31"},
		{Code: "11239", Name: "Xã Thanh Miện", Type: "Xã", Level: admin.LevelCommune, ParentCode: "31"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestReadOneRowPerUnit(t *testing.T) {
	rows := [][]any{{"STT", "Mã", "Tên", "Cấp", "Mã cấp trên", "Tên Tiếng Anh"},
		{1, "01", "Thành phố Hà Nội", "Thành phố Trung ương", "", ""},
		{2, "001", "Quận Ba Đình", "Quận", "01", ""},
		{3, "00004", "Phường Trúc Bạch", "Phường", "001", ""},
		{4, "30", "Tỉnh Hải Dương", "Tỉnh", "", ""},
		{5, "288", "Thành phố Hải Dương", "Thành phố", "30", ""},
		{6, "292", "Thị xã Kinh Môn", "thị xã", "30", ""},
		{7, "291", "Huyện Nam Sách", "HUYỆN", "30", ""},
		{8, "10606", "Thị trấn Nam Sách", "Thị trấn", "291", ""},
		{9, "10609", "Xã Nam Hưng", "Xã", "291", ""},
		{10, "10675", "Phường An Lưu", "Cấp xã", "292", ""},
	}
	got, err := Read(bytes.NewReader(mustXLSX(t, rows)), "units.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	want := []admin.Unit{
		{Code: "01", Name: "Thành phố Hà Nội", Type: "Thành phố Trung ương", Level: admin.LevelProvince},
		{Code: "001", Name: "Quận Ba Đình", Type: "Quận", Level: admin.LevelDistrict, ParentCode: "01"},
		{Code: "00004", Name: "Phường Trúc Bạch", Type: "Phường", Level: admin.LevelCommune, ParentCode: "001"},
		{Code: "30", Name: "Tỉnh Hải Dương", Type: "Tỉnh", Level: admin.LevelProvince},
		{Code: "288", Name: "Thành phố Hải Dương", Type: "Thành phố", Level: admin.LevelDistrict, ParentCode: "30"},
		{Code: "292", Name: "Thị xã Kinh Môn", Type: "Thị xã", Level: admin.LevelDistrict, ParentCode: "30"},
		{Code: "291", Name: "Huyện Nam Sách", Type: "Huyện", Level: admin.LevelDistrict, ParentCode: "30"},
		{Code: "10606", Name: "Thị trấn Nam Sách", Type: "Thị trấn", Level: admin.LevelCommune, ParentCode: "291"},
		{Code: "10609", Name: "Xã Nam Hưng", Type: "Xã", Level: admin.LevelCommune, ParentCode: "291"},
		{Code: "10675", Name: "Phường An Lưu", Type: "Phường", Level: admin.LevelCommune, ParentCode: "292"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// TestReadOneRowPerUnitNumericParents: parents typed as numbers are padded to a
// district code in a three-tier list and to a province code in a two-tier one.
func TestReadOneRowPerUnitNumericParents(t *testing.T) {
	threeTier := [][]any{{"Mã", "Tên", "Cấp", "Mã cấp trên"},
		{1, "Thành phố Hà Nội", "Thành phố Trung ương", nil},
		{1, "Quận Ba Đình", "Quận", 1},
		{4, "Phường Trúc Bạch", "Phường", 1},
	}
	got, err := Read(bytes.NewReader(mustXLSX(t, threeTier)), "3.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[1].Code != "001" || got[1].ParentCode != "01" || got[2].Code != "00004" || got[2].ParentCode != "001" {
		t.Errorf("three tiers: %+v", got)
	}
	twoTier := [][]any{{"Mã", "Tên", "Cấp", "Mã cấp trên"},
		{1, "Thành phố Hà Nội", "Thành phố", nil},
		{4, "Phường Ba Đình", "Phường", 1},
	}
	got, err = Read(bytes.NewReader(mustXLSX(t, twoTier)), "2.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	want := []admin.Unit{
		{Code: "01", Name: "Thành phố Hà Nội", Type: "Thành phố", Level: admin.LevelProvince},
		{Code: "00004", Name: "Phường Ba Đình", Type: "Phường", Level: admin.LevelCommune, ParentCode: "01"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("two tiers: got %+v, want %+v", got, want)
	}
}

func TestReadPlainCSV(t *testing.T) {
	for _, name := range []string{"vn-2023-04-10.csv", "vn-2025-07-01.csv"} {
		raw, err := os.ReadFile("../data/" + name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Read(bytes.NewReader(raw), name)
		if err != nil {
			t.Fatal(err)
		}
		want, err := admin.ParseCatalogue(bytes.NewReader(raw), name)
		if err != nil {
			t.Fatal(err)
		}
		// wc -l: 11367 and 3356 lines with the header.
		if !slices.Equal(got, want) || (name == "vn-2025-07-01.csv" && len(got) != 3355) || (name == "vn-2023-04-10.csv" && len(got) != 11366) {
			t.Errorf("%s: %d units via Read, %d via ParseCatalogue", name, len(got), len(want))
		}
	}
	// The plain CSV keeps its strict checks through Read: no padding of short codes.
	_, err := Read(strings.NewReader("code,name,type,level,parent_code\n1,Thành phố Hà Nội,Thành phố,province,\n"), "plain.csv")
	checkError(t, err, "plain.csv", "2", "code", "phải có 2 chữ số", "must have 2 digits")
}

func TestReadSecondSheet(t *testing.T) {
	cover := [][]any{{"Hướng dẫn"}, {"Danh mục ở trang sau."}}
	data := [][]any{gsoHeader, {"Tỉnh Hải Dương", "30", "Huyện Nam Sách", "291", "Xã Nam Hưng", "10609", "Xã", ""}}
	got, err := Read(bytes.NewReader(mustXLSX(t, cover, data)), "two-sheets.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[2].Code != "10609" {
		t.Errorf("got %+v", got)
	}
}

func TestReadErrors(t *testing.T) {
	good := mustXLSX(t, [][]any{gsoHeader, {"Tỉnh Hải Dương", "30", "Huyện Nam Sách", "291", "Xã Nam Hưng", "10609", "Xã", ""}})
	xlsx := func(rows ...[]any) []byte { return mustXLSX(t, rows) }
	for _, tc := range []struct {
		name, file string
		data       []byte
		row, field string
		vi, en     string
	}{
		{"truncated xlsx", "DanhMuc.xlsx", good[:len(good)/2], "", "", "bị hỏng", "damaged"},
		{"truncated to the signature", "DanhMuc.xlsx", good[:4], "", "", "bị hỏng", "damaged"},
		{"csv named xlsx", "DanhMuc.xlsx", []byte("Mã,Tên,Cấp\n01,Hà Nội,Tỉnh\n"), "", "", "không phải tệp Excel (.xlsx) hợp lệ", "not a valid Excel"},
		{"old xls", "DanhMuc.xls", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), "", "", "(.xls) không được hỗ trợ", "(.xls) is not supported"},
		{"empty", "x.csv", nil, "", "", "tệp trống", "file is empty"},
		{"no header", "x.csv", []byte("a,b,c\n1,2,3\n"), "", "", "không tìm thấy dòng tiêu đề", "no catalogue header"},
		{"no header in xlsx", "x.xlsx", xlsx([]any{"a", "b"}, []any{1, 2}), "", "", "không tìm thấy dòng tiêu đề", "no catalogue header"},
		{"header only", "x.xlsx", xlsx(gsoHeader), "", "", "không có dòng dữ liệu", "no data rows"},
		{"not UTF-8", "x.csv", []byte("M\xe3,T\xean,C\xe2p\n"), "1", "", "không phải văn bản UTF-8", "not UTF-8"},
		{"repeated column", "x.xlsx", xlsx([]any{"Mã TP", "Tỉnh / Thành Phố", "Mã tỉnh"}), "1", "Mã tỉnh", `trùng nghĩa với cột "Mã TP"`, `same as column "Mã TP"`},
		{"code column without its name", "x.xlsx", xlsx([]any{"Mã TP", "Tỉnh / Thành Phố", "Mã QH", "Mã PX", "Phường Xã"}), "1", "Mã QH", "thiếu cột tên", "name column"},
		{"unknown Cấp", "x.xlsx", xlsx([]any{"Mã", "Tên", "Cấp"}, []any{"01", "Hà Nội", "Thủ đô"}), "2", "Cấp", `cấp "Thủ đô" không hợp lệ`, `unknown level "Thủ đô"`},
		{"district type as a commune's Cấp", "x.xlsx", xlsx(gsoHeader, []any{"Tỉnh Hải Dương", "30", "Huyện Nam Sách", "291", "Xã Nam Hưng", "10609", "Huyện", ""}), "2", "Cấp", "không phải loại đơn vị cấp xã", "not a commune-level type"},
		{"province read two ways", "x.xlsx", xlsx(gsoHeader,
			[]any{"Tỉnh Hải Dương", "30", "Huyện Nam Sách", "291", "Xã Nam Hưng", "10609", "Xã", ""},
			[]any{"Tỉnh Hải Dươngg", "30", "Huyện Nam Sách", "291", "Xã Nam Tân", "10612", "Xã", ""}),
			"3", "Mã TP", "mã 30 đã có ở dòng 2 với nội dung khác", "code 30 is already on row 2 with other content"},
		{"commune code too long", "x.xlsx", xlsx(gsoHeader, []any{"Tỉnh Hải Dương", "30", "Huyện Nam Sách", "291", "Xã Nam Hưng", "106090", "Xã", ""}), "2", "Mã PX", "phải có 5 chữ số", "must have 5 digits"},
		{"letters in a code", "x.xlsx", xlsx(gsoHeader, []any{"Tỉnh Hải Dương", "30", "Huyện Nam Sách", "29I", "Xã Nam Hưng", "10609", "Xã", ""}), "2", "Mã QH", "chỉ được gồm chữ số", "digits only"},
		{"commune without a province code", "x.xlsx", xlsx(gsoHeader, []any{"", "", "", "", "Xã Nam Hưng", "10609", "Xã", ""}), "2", "Mã TP", "thiếu mã tỉnh", "has no province code"},
		{"parent missing from the file", "x.xlsx", xlsx([]any{"Mã", "Tên", "Cấp", "Mã cấp trên"}, []any{"30", "Tỉnh Hải Dương", "Tỉnh", ""}, []any{"10609", "Xã Nam Hưng", "Xã", "291"}), "3", "Mã cấp trên", `cấp trên "291" của đơn vị 10609 không có trong tệp`, `parent "291" of unit 10609 is not in the file`},
		{"province with a parent", "x.xlsx", xlsx([]any{"Mã", "Tên", "Cấp", "Mã cấp trên"}, []any{"30", "Tỉnh Hải Dương", "Tỉnh", "01"}), "2", "Mã cấp trên", "không được có đơn vị cấp trên", "must not have a parent"},
		{"empty code", "x.xlsx", xlsx([]any{"Mã", "Tên", "Cấp"}, []any{"30", "Tỉnh Hải Dương", "Tỉnh"}, []any{"", "Huyện Nam Sách", "Huyện"}), "3", "Mã", "mã đơn vị trống", "code is empty"},
		{"duplicate unit", "x.csv", []byte("Mã,Tên,Cấp\n30,Tỉnh Hải Dương,Tỉnh\n30,Tỉnh Hải Phòng,Tỉnh\n"), "3", "Mã", "đã có ở dòng 2", "already on row 2"},
		{"csv fields", "x.csv", []byte("Mã,Tên,Cấp\n30,\"Tỉnh Hải Dương,Tỉnh\n"), "2", "", "dấu ngoặc kép", "quote"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			units, err := Read(bytes.NewReader(tc.data), tc.file)
			if err == nil {
				t.Fatalf("no error, got %+v", units)
			}
			checkError(t, err, tc.file, tc.row, tc.field, tc.vi, tc.en)
		})
	}
}

// checkError checks that err is an EINVALID application error whose messages name the
// file, the row (when row != "") and the field (when field != ""), and contain vi / en.
func checkError(t *testing.T, err error, file, row, field, vi, en string) {
	t.Helper()
	var e *giamngheo.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not a *giamngheo.Error", err, err)
	}
	if e.Code != giamngheo.EINVALID {
		t.Errorf("code = %q, want %q", e.Code, giamngheo.EINVALID)
	}
	viPrefix, enPrefix := "Tệp "+file, "File "+file
	if row != "" {
		viPrefix += ", dòng " + row
		enPrefix += ", row " + row
	}
	if field != "" {
		viPrefix += `, cột "` + field + `"`
		enPrefix += `, field "` + field + `"`
	}
	if !strings.HasPrefix(e.Message, viPrefix) || !strings.Contains(e.Message, vi) {
		t.Errorf("Vietnamese message %q: want prefix %q and %q", e.Message, viPrefix, vi)
	}
	if !strings.HasPrefix(e.MessageEN, enPrefix) || !strings.Contains(e.MessageEN, en) {
		t.Errorf("English message %q: want prefix %q and %q", e.MessageEN, enPrefix, en)
	}
	if strings.Contains(e.Message+e.MessageEN, "%!") {
		t.Errorf("bad formatting: %q / %q", e.Message, e.MessageEN)
	}
}

// TestReadOneRowPerUnitWithProvinceColumns: a list of units whose parent is given by
// the province columns; "Thành phố" is a district when the row names a province above
// it and a province otherwise.
func TestReadOneRowPerUnitWithProvinceColumns(t *testing.T) {
	rows := [][]any{{"Mã", "Tên", "Cấp", "Mã TP", "Tỉnh / Thành Phố"},
		{1, "Thành phố Hà Nội", "Thành phố", nil, nil},
		{288, "Thành phố Hải Dương", "Thành phố", 30, "Tỉnh Hải Dương"},
		{18, "Thị xã Sơn Tây", "Thị xã", 1, "Thành phố Hà Nội"},
	}
	got, err := Read(bytes.NewReader(mustXLSX(t, rows)), "districts.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	want := []admin.Unit{
		{Code: "01", Name: "Thành phố Hà Nội", Type: "Thành phố", Level: admin.LevelProvince},
		{Code: "30", Name: "Tỉnh Hải Dương", Type: "Tỉnh", Level: admin.LevelProvince},
		{Code: "288", Name: "Thành phố Hải Dương", Type: "Thành phố", Level: admin.LevelDistrict, ParentCode: "30"},
		{Code: "018", Name: "Thị xã Sơn Tây", Type: "Thị xã", Level: admin.LevelDistrict, ParentCode: "01"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}
