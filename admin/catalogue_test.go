package admin

import (
	"errors"
	"strings"
	"testing"

	"giamngheo"
)

const catHeader = "code,name,type,level,parent_code\n"

// catOK is a small valid catalogue: Hải Dương before 2025 and a two-tier province.
const catOK = catHeader +
	"30,Tỉnh Hải Dương,Tỉnh,province,\n" +
	"288,Thành phố Hải Dương,Thành phố,district,30\n" +
	"10507,Phường Cẩm Thượng,Phường,commune,288\n" +
	"31,Thành phố Hải Phòng,Thành phố,province,\n" +
	"10525,Phường Hải Dương,Phường,commune,31\n"

func TestParseCatalogue(t *testing.T) {
	units, err := ParseCatalogue(strings.NewReader(catOK), "ok.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []Unit{
		{Code: "30", Name: "Tỉnh Hải Dương", Type: "Tỉnh", Level: LevelProvince},
		{Code: "288", Name: "Thành phố Hải Dương", Type: "Thành phố", Level: LevelDistrict, ParentCode: "30"},
		{Code: "10507", Name: "Phường Cẩm Thượng", Type: "Phường", Level: LevelCommune, ParentCode: "288"},
		{Code: "31", Name: "Thành phố Hải Phòng", Type: "Thành phố", Level: LevelProvince},
		{Code: "10525", Name: "Phường Hải Dương", Type: "Phường", Level: LevelCommune, ParentCode: "31"},
	}
	if len(units) != len(want) {
		t.Fatalf("got %d units, want %d", len(units), len(want))
	}
	for i := range want {
		if units[i] != want[i] {
			t.Errorf("unit %d = %+v, want %+v", i, units[i], want[i])
		}
	}
}

func TestParseCatalogueParentLaterInFile(t *testing.T) {
	in := catHeader + "10507,Phường Cẩm Thượng,Phường,commune,288\n288,Thành phố Hải Dương,Thành phố,district,30\n30,Tỉnh Hải Dương,Tỉnh,province,\n"
	units, err := ParseCatalogue(strings.NewReader(in), "later.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(units) != 3 || units[0].Code != "10507" {
		t.Fatalf("got %+v, want file order", units)
	}
}

func TestParseCatalogueAnyColumnOrderBOMAndSpaces(t *testing.T) {
	in := "\uFEFFlevel, Code ,parent_code,name,type,extra\n" +
		"province,01, ,Thành phố Hà Nội,Thành phố Trung ương,x\n" +
		" District ,001,01,Quận Ba Đình,Quận,y\n"
	units, err := ParseCatalogue(strings.NewReader(in), "order.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(units) != 2 || units[1].Code != "001" || units[1].Level != LevelDistrict || units[1].ParentCode != "01" || units[0].ParentCode != "" {
		t.Fatalf("got %+v", units)
	}
}

// TestParseCatalogueErrors checks that each kind of bad input gives an EINVALID error
// naming the file, the row and the field, in Vietnamese and in English.
func TestParseCatalogueErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		row      string // "dòng N" expected in the message, "" for a file-level error
		field    string
		vi, en   string // fragments of the two messages
	}{
		{"empty file", "", "", "", "tệp trống", "file is empty"},
		{"header only", catHeader, "", "", "không có dòng dữ liệu", "no data rows"},
		{"missing column", "code,name,type,level\n01,Hà Nội,Tỉnh,province\n", "", "", `thiếu cột "parent_code"`, `missing column "parent_code"`},
		{"duplicate column", "code,name,type,level,parent_code,code\n", "1", "code", "cột bị lặp lại", "appears twice"},
		{"unknown level", catHeader + "30,Tỉnh Hải Dương,Tỉnh,tinh,\n", "2", "level", `cấp "tinh" không hợp lệ`, `unknown level "tinh"`},
		{"empty level", catHeader + "30,Tỉnh Hải Dương,Tỉnh,,\n", "2", "level", `cấp "" không hợp lệ`, "unknown level"},
		{"empty code", catHeader + ",Tỉnh Hải Dương,Tỉnh,province,\n", "2", "code", "mã đơn vị trống", "code is empty"},
		{"letters in code", catHeader + "3O,Tỉnh Hải Dương,Tỉnh,province,\n", "2", "code", "chỉ được gồm chữ số", "digits only"},
		{"province code of 3 digits", catHeader + "030,Tỉnh Hải Dương,Tỉnh,province,\n", "2", "code", "cấp tỉnh phải có 2 chữ số", "of a province must have 2 digits"},
		{"district code of 2 digits", catHeader + "30,Tỉnh Hải Dương,Tỉnh,province,\n88,Thành phố Hải Dương,Thành phố,district,30\n", "3", "code", "cấp huyện phải có 3 chữ số", "of a district must have 3 digits"},
		{"commune code without leading zero", catHeader + "01,Hà Nội,Tỉnh,province,\n4,Phường Ba Đình,Phường,commune,01\n", "3", "code", "cấp xã phải có 5 chữ số", "of a commune must have 5 digits"},
		{"empty name", catHeader + "30,,Tỉnh,province,\n", "2", "name", "tên của đơn vị 30 trống", "name of unit 30 is empty"},
		{"duplicate code", catOK + "288,Huyện X,Huyện,district,30\n", "7", "code", `mã "288" bị trùng (đã có ở dòng 3)`, `duplicate code "288" (already on row 3)`},
		{"parent not in file", catHeader + "30,Tỉnh Hải Dương,Tỉnh,province,\n288,Thành phố Hải Dương,Thành phố,district,31\n", "3", "parent_code", `cấp trên "31" của đơn vị 288 không có trong tệp`, `parent "31" of unit 288 is not in the file`},
		{"commune whose district is missing", catHeader + "10507,Phường Cẩm Thượng,Phường,commune,288\n30,Tỉnh Hải Dương,Tỉnh,province,\n", "2", "parent_code", "không có trong tệp", "not in the file"},
		{"commune without parent", catHeader + "10507,Phường Cẩm Thượng,Phường,commune,\n", "2", "parent_code", "thiếu mã đơn vị cấp trên", "has no parent code"},
		{"province with parent", catHeader + "30,Tỉnh Hải Dương,Tỉnh,province,01\n", "2", "parent_code", "không được có đơn vị cấp trên", "must not have a parent"},
		{"district under a district", catOK + "289,Huyện X,Huyện,district,288\n", "7", "parent_code", "cấp huyện 289 không thể trực thuộc đơn vị cấp huyện 288", "a district (289) cannot be under a district (288, row 3)"},
		{"commune under a commune", catOK + "10510,Phường Bình Hàn,Phường,commune,10507\n", "7", "parent_code", "không thể trực thuộc", "a commune (10510) cannot be under a commune"},
		{"too few fields", catHeader + "30,Tỉnh Hải Dương,Tỉnh,province\n", "2", "", "số cột khác với dòng tiêu đề", "number of fields"},
		{"bare quote", catHeader + "30,Tỉnh \"Hải\" Dương,Tỉnh,province,\n", "2", "", "dấu ngoặc kép", "quote"},
		{"not UTF-8", catHeader + "30,T\xecnh H\xe1i D\xfd\xf5ng,Tỉnh,province,\n", "2", "", "không phải văn bản UTF-8", "not UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			units, err := ParseCatalogue(strings.NewReader(tc.in), "bad.csv")
			if err == nil {
				t.Fatalf("no error, got %d units", len(units))
			}
			checkError(t, err, "bad.csv", tc.row, tc.field, tc.vi, tc.en)
		})
	}
}

// checkError checks that err is an EINVALID application error whose Vietnamese and
// English messages name the file, the row (when row != "") and the field, and contain
// the fragments vi and en.
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
		if e.Field != field {
			t.Errorf("Field = %q, want %q", e.Field, field)
		}
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

func TestParseMappings(t *testing.T) {
	const h = "old_code,old_name,new_code,new_name,kind\n"
	ms, err := ParseMappings(strings.NewReader(h+
		"00004,Phường Trúc Bạch,00004,Phường Ba Đình,full\n"+
		"00016,Phường Ngọc Hà,00004,Phường Ba Đình,partial\n"+
		"00016,Phường Ngọc Hà,00008,Phường Ngọc Hà,PARTIAL\n"+
		"318,Huyện Bạch Long Vĩ,11948,Đặc khu Bạch Long Vĩ,full\n"), "m.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 4 || ms[3].OldCode != "318" || ms[2] != (Mapping{OldCode: "00016", OldName: "Phường Ngọc Hà", NewCode: "00008", NewName: "Phường Ngọc Hà", Kind: MappingPartial}) {
		t.Fatalf("got %+v", ms)
	}
	for _, tc := range []struct{ name, in, row, field, vi, en string }{
		{"missing kind column", "old_code,old_name,new_code,new_name\n", "", "", `thiếu cột "kind"`, `missing column "kind"`},
		{"short old code", h + "4,Phường Trúc Bạch,00004,Phường Ba Đình,full\n", "2", "old_code", `mã cũ "4" phải là mã xã`, `old code "4" must be a commune code`},
		{"4-digit old code", h + "0004,Phường Trúc Bạch,00004,Phường Ba Đình,full\n", "2", "old_code", "5 chữ số", "5 digits"},
		{"district as new code", h + "00004,Phường Trúc Bạch,001,Phường Ba Đình,full\n", "2", "new_code", `mã xã mới "001" phải gồm đúng 5 chữ số`, "exactly 5 digits"},
		{"empty new code", h + "00004,Phường Trúc Bạch,,Phường Ba Đình,full\n", "2", "new_code", "5 chữ số", "5 digits"},
		{"unknown kind", h + "00004,Phường Trúc Bạch,00004,Phường Ba Đình,whole\n", "2", "kind", `loại "whole" không hợp lệ`, `unknown kind "whole"`},
		{"duplicate pair", h + "00004,A,00004,B,full\n00013,C,00004,B,full\n00004,A,00004,B,full\n", "4", "old_code", "bị trùng (đã có ở dòng 2)", "already on row 2"},
		{"no rows", h, "", "", "không có dòng dữ liệu", "no data rows"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseMappings(strings.NewReader(tc.in), "m.csv")
			if err == nil {
				t.Fatal("no error")
			}
			checkError(t, err, "m.csv", tc.row, tc.field, tc.vi, tc.en)
		})
	}
}

// TestParseCatalogueNFC: a name saved with decomposed accents reads as the precomposed
// one, so Versioned does not see a rename.
func TestParseCatalogueNFC(t *testing.T) {
	in := catHeader + "30,Ti\u0309nh Ha\u0309i Dươ\u0300ng,Ti\u0309nh,province,\n"
	units, err := ParseCatalogue(strings.NewReader(in), "nfd.csv")
	if err != nil {
		t.Fatal(err)
	}
	if units[0].Name != "Tỉnh Hải Dường" || units[0].Type != "Tỉnh" {
		t.Errorf("got %q %q, want NFC", units[0].Name, units[0].Type)
	}
}
