package importfile

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/vntext"
)

func TestHeaderVariants(t *testing.T) {
	tests := []struct {
		header string
		key    string
	}{
		{"Họ và tên", "name"}, {"Họ tên", "name"}, {"Ho ten", "name"}, {"HỌ VÀ TÊN", "name"}, {"  họ  và   tên ", "name"},
		{"Ho_va_ten", "name"}, {"Họ, tên", "name"}, {"Ho\u0323 te\u0302n", "name"}, // decomposed diacritics
		{"CCCD", "national_id"}, {"Số CCCD", "national_id"}, {"Số định danh", "national_id"}, {"so dinh danh ca nhan", "national_id"},
		{"Số CMND/CCCD", "national_id"},
		{"Ngày sinh", "birth_date"}, {"Ngày tháng năm sinh", "birth_date"}, {"Ngày, tháng, năm sinh", "birth_date"}, {"Ngày sinh (dd/mm/yyyy)", "birth_date"},
		{"Mã hộ", "household_code"}, {"MÃ HỘ", "household_code"}, {"ma ho", "household_code"}, {"household_code", "household_code"},
		{"Mã xã/phường", "commune_code"}, {"Thôn", "village"}, {"Tổ dân phố", "village"},
		{"Quan hệ với chủ hộ", "relation"}, {"QH với CH", "relation"},
		{"Thu nhập 12 tháng", "income_12m"}, {"Thu nhập 12 tháng (đồng)", "income_12m"}, {"Tổng thu nhập", "income_12m"},
		{"Diện tích nhà ở (m2)", "floor_area_m2"}, {"Nguồn nước", "water_source"}, {"Nhà vệ sinh", "latrine"},
		{"BHYT", "health_insurance"}, {"Có thẻ BHYT", "health_insurance"},
		{"Đất trồng cây hàng năm", "annual_crop_land_m2"}, {"Đất trồng cây hằng năm (m2)", "annual_crop_land_m2"}, {"Đất cây lâu năm", "perennial_crop_land_m2"},
		{"Mặt nước nuôi trồng thuỷ sản (m²)", "aquaculture_m2"}, {"Đất rừng", "forest_land_m2"}, {"Trâu bò", "cattle"}, {"Heo", "pigs"},
		{"Gà, vịt", "poultry"}, {"Trợ cấp xã hội hàng tháng", "social_allowance"}, {"Đối tượng BTXH", "social_allowance"},
		{"Trợ cấp khuyết tật", "disability_allowance"},
	}
	for _, tt := range tests {
		id, ok := headerIndex[headerKey(tt.header)]
		if !ok || columns[id].Key != tt.key {
			got := "none"
			if ok {
				got = columns[id].Key
			}
			t.Errorf("header %q → %s, want %s", tt.header, got, tt.key)
		}
	}
	for _, h := range []string{"Ghi chú", "STT", "Họ tên cha"} {
		if id, ok := headerIndex[headerKey(h)]; ok {
			t.Errorf("header %q should be unknown, got %s", h, columns[id].Key)
		}
	}
}

// TestOpenVariantHeaders reads a file whose headers are all variants, with a title
// row above them and an unknown column.
func TestOpenVariantHeaders(t *testing.T) {
	rows := [][]string{
		{"DANH SÁCH HỘ GIA ĐÌNH NĂM 2026", "", "", "", "", "", ""},
		{"STT", "ma ho", "MÃ XÃ", "Ho ten", "Nam/Nữ", "Ngày tháng năm sinh", "CCCD", "Thu nhap"},
		{"1", "H1", "10507", "Lê Thị Hoa", "nữ", "01/01/1990", "030190000001", "30.000.000"},
	}
	r := MustOpen(t, csvBytes(t, ';', rows...), "bien-the.csv")
	hi := r.HeaderIssues()
	if len(hi) != 1 || hi[0].Row != 2 || !strings.Contains(hi[0].Message, `"STT" (A)`) || hi[0].Severity != SeverityWarning {
		t.Errorf("header issues = %+v, want one warning naming STT (A) on row 2", hi)
	}
	hs, iss := readAll(t, r)
	if len(hs) != 1 || len(iss[0]) != 0 {
		t.Fatalf("got %d households, issues %+v", len(hs), iss)
	}
	m := hs[0].Members[0]
	if m.Name != "Lê Thị Hoa" || m.Sex != poverty.Female || m.BirthDate != "1990-01-01" || m.NationalID != "030190000001" || m.Relation != registry.RelationHead {
		t.Errorf("member = %+v", m)
	}
}

func TestMissingColumns(t *testing.T) {
	data := csvBytes(t, ',', []string{"Mã hộ", "Mã xã", "Họ tên", "Dân tộc"}, []string{"H1", "10507", "A", "Kinh"})
	_, err := Open(bytes.NewReader(data), "thieu-cot.csv")
	e := appErr(t, err)
	for _, want := range []string{"thieu-cot.csv", `"Giới tính"`, `"Ngày sinh"`} {
		if !strings.Contains(e.Message, want) {
			t.Errorf("message %q does not name %s", e.Message, want)
		}
	}
	if e.Code != giamngheo.EINVALID || !strings.Contains(e.MessageEN, "required columns missing") {
		t.Errorf("error = %+v", e)
	}

	dup := csvBytes(t, ',', append(header, "Họ tên"), family("H1")[0])
	_, err = Open(bytes.NewReader(dup), "trung.csv")
	if e := appErr(t, err); !strings.Contains(e.Message, `"Họ và tên" (D)`) || !strings.Contains(e.Message, `"Họ tên" (O)`) {
		t.Errorf("duplicate column message %q", e.Message)
	}

	_, err = Open(bytes.NewReader([]byte("a,b,c\n1,2,3\n")), "khong-tieu-de.csv")
	if e := appErr(t, err); !strings.Contains(e.Message, "không tìm thấy dòng tiêu đề") {
		t.Errorf("no header message %q", e.Message)
	}
	_, err = Open(bytes.NewReader(nil), "rong.csv")
	if e := appErr(t, err); !strings.Contains(e.Message, "rỗng") {
		t.Errorf("empty file message %q", e.Message)
	}
	_, err = Open(bytes.NewReader([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}), "cu.xls")
	if e := appErr(t, err); !strings.Contains(e.Message, ".xls") {
		t.Errorf(".xls message %q", e.Message)
	}
}

func TestGrouping(t *testing.T) {
	h2 := family("H2")
	h2[1][0], h2[2][0] = "", "" // merged cells: code on the first row only
	h2[2][2] = "Thôn Tây"       // differs from the first row: warning, first value kept
	data := csvBytes(t, ',', join([][]string{header}, family("H1"), [][]string{{"", "", "", "", "", "", "", "", "", "", ""}}, h2, family("H3")[:1])...)
	r := MustOpen(t, data, "nhom.csv")
	hs, iss := readAll(t, r)
	if len(hs) != 3 {
		t.Fatalf("got %d households, want 3", len(hs))
	}
	for i, want := range []struct {
		code    string
		members int
	}{{"H1", 3}, {"H2", 3}, {"H3", 1}} {
		if hs[i].Code != want.code || len(hs[i].Members) != want.members {
			t.Errorf("household %d = %s with %d members, want %s with %d", i, hs[i].Code, len(hs[i].Members), want.code, want.members)
		}
	}
	if hs[1].VillageName != "Thôn Đông" || hs[1].HeadName != "Nguyễn Văn An" {
		t.Errorf("H2 village %q head %q", hs[1].VillageName, hs[1].HeadName)
	}
	// rows: 1 header, 2-4 H1, 5 blank, 6-8 H2
	if len(iss[1]) != 1 || iss[1][0].Row != 8 || iss[1][0].Column != "Thôn/Tổ dân phố" || iss[1][0].Severity != SeverityWarning {
		t.Errorf("H2 issues = %+v, want one warning on row 8, Thôn/Tổ dân phố", iss[1])
	}
	if len(iss[0]) != 0 || len(iss[2]) != 0 {
		t.Errorf("unexpected issues %+v %+v", iss[0], iss[2])
	}
	h := hs[0]
	if *h.Survey.Income12m != 48_000_000 || h.Survey.Latrine != poverty.LatrineSeptic || h.Members[1].BirthDate != "1983-01-02" ||
		h.Members[1].Relation != registry.RelationSpouse || *h.Members[2].HealthInsurance {
		t.Errorf("H1 read wrongly: %+v", h)
	}
	l := h.Livelihood
	if *l.AnnualCropLandM2 != 1440 || *l.Poultry != 30 || l.Cattle != nil || l.ForestLandM2 != nil ||
		h.Members[1].SocialAllowance != registry.AllowanceDisability || h.Members[0].SocialAllowance != "" {
		t.Errorf("H1 land, livestock or allowance read wrongly: %+v %q", l, h.Members[1].SocialAllowance)
	}
}

// TestBadInput changes one cell of a valid file and expects an error issue on that
// row and column, named in the message.
func TestBadInput(t *testing.T) {
	col := func(name string) int {
		for i, h := range header {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %s", name)
		return -1
	}
	tests := []struct {
		name    string
		member  int // 0..2, row = member + 2
		column  string
		value   string
		message string // part of the Vietnamese message
	}{
		{"impossible date", 1, "Ngày sinh", "31/02/1990", "không tồn tại"},
		{"month 13", 1, "Ngày sinh", "1990-13-01", "không tồn tại"},
		{"two-digit year", 1, "Ngày sinh", "12/05/90", "không đọc được"},
		{"year only", 1, "Ngày sinh", "1990", "chỉ có năm"},
		{"future birth", 2, "Ngày sinh", "01/01/2999", "tương lai"},
		{"13-digit ID", 1, "Số CCCD", "0301830012351", "đang có 13"},
		{"letters in ID", 1, "Số CCCD", "03018300123A", "chỉ được gồm chữ số"},
		{"10-digit ID", 1, "Số CCCD", "3018300123", "đang có 10"},
		{"scientific ID", 1, "Số CCCD", "3.01830E+11", "số mũ"},
		{"negative income", 0, "Thu nhập 12 tháng (đồng)", "-5000000", "âm"},
		{"text income", 0, "Thu nhập 12 tháng (đồng)", "khoảng 40 triệu", "không đọc được"},
		{"unknown latrine", 0, "Loại nhà tiêu", "Hố xí hai tầng", "không có trong danh sách"},
		{"unknown sex", 2, "Giới tính", "X", "không có trong danh sách"},
		{"unknown relation", 2, "Quan hệ với chủ hộ", "Hàng xóm", "không có trong danh sách"},
		{"bad bool", 2, "Có BHYT", "Có lẽ", "không hợp lệ"},
		{"missing name", 1, "Họ và tên", "", "thiếu họ và tên"},
		{"missing sex", 1, "Giới tính", "", "thiếu giới tính"},
		{"bad commune", 0, "Mã xã", "105", "Mã xã"},
		{"two heads", 1, "Quan hệ với chủ hộ", "Chủ hộ", "hai chủ hộ"},
		{"no head", 0, "Quan hệ với chủ hộ", "Con", "không có ai là Chủ hộ"},
		{"negative land", 0, "Đất trồng cây hằng năm (m²)", "-200", "âm"},
		{"text land", 0, "Đất trồng cây hằng năm (m²)", "4 sào", "không đọc được"},
		{"huge land", 0, "Đất trồng cây hằng năm (m²)", "200.000.000", "quá lớn"},
		{"half a hen", 0, "Gia cầm (con)", "2,5", "số nguyên"},
		{"text poultry", 0, "Gia cầm (con)", "nhiều", "không đọc được"},
		{"unknown allowance", 2, "Trợ cấp xã hội hằng tháng", "Lương hưu", "không có trong danh sách"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := family("H1")
			rows[tt.member][col(tt.column)] = tt.value
			r := MustOpen(t, csvBytes(t, ',', join([][]string{header}, rows)...), "xa-dong.csv")
			hs, iss := readAll(t, r)
			if len(hs) != 1 {
				t.Fatalf("got %d households", len(hs))
			}
			row := tt.member + 2
			var found bool
			for _, is := range iss[0] {
				if is.Severity == SeverityError && is.Row == row && is.Column == tt.column && is.File == "xa-dong.csv" {
					found = true
					where := fmt.Sprintf("Tệp xa-dong.csv, dòng %d, cột %q", row, tt.column)
					if !strings.HasPrefix(is.Message, where) || !strings.Contains(is.Message, tt.message) || is.MessageEN == "" {
						t.Errorf("message %q, want it to start with %q and contain %q", is.Message, where, tt.message)
					}
				}
			}
			if !found {
				t.Errorf("no error on row %d column %s; issues: %+v", row, tt.column, iss[0])
			}
		})
	}
}

func TestWarningsBecomeIssues(t *testing.T) {
	rows := family("H1")
	rows[1][7] = "30183001235"  // 11 digits: leading zero restored, with a warning
	rows[0][7] = "030180001234" // female digit on a man
	r := MustOpen(t, csvBytes(t, ',', join([][]string{header}, rows)...), "canh-bao.csv")
	hs, iss := readAll(t, r)
	if got := hs[0].Members[1].NationalID; got != "030183001235" {
		t.Errorf("ID = %q, want the leading zero restored", got)
	}
	want := map[int]string{2: "Chữ số thứ 4", 3: "11 chữ số"}
	for _, is := range iss[0] {
		if is.Severity != SeverityWarning || is.Column != "Số CCCD" || !strings.Contains(is.Message, want[is.Row]) {
			t.Errorf("unexpected issue %+v", is)
		}
		delete(want, is.Row)
	}
	if len(want) > 0 || HasError(iss[0]) {
		t.Errorf("missing warnings for rows %v; issues %+v", want, iss[0])
	}
}

func TestDates(t *testing.T) {
	today := mustDate(t, "2026-11-28")
	for in, want := range map[string]string{
		"12/05/1980": "1980-05-12", "2/1/1983": "1983-01-02", "02-01-1983": "1983-01-02", "2.1.1983": "1983-01-02",
		"1983-01-02": "1983-01-02", "1983/1/2": "1983-01-02", "1983-01-02 00:00:00": "1983-01-02",
		"29/02/2000": "2000-02-29", "30497": "1983-06-30", "30497.0": "1983-06-30", "44927": "2023-01-01",
	} {
		got, p := parseDate(in, today)
		if p != nil || got != want {
			t.Errorf("parseDate(%q) = %q, %v; want %q", in, got, p, want)
		}
	}
	for _, in := range []string{"31/02/1990", "29/02/1900", "29/02/2001", "00/01/1990", "1/13/1990", "1990", "12/05/90", "abc", "12/05/1980/1", "-5", "30", "1800-01-01", "2026-11-29"} {
		if got, p := parseDate(in, today); p == nil {
			t.Errorf("parseDate(%q) = %q, want a problem", in, got)
		}
	}
}

// TestBirthTodayInVietnam: a child born on 1 January 2027 in Vietnam may be entered at
// 00:30 that day, which is still 31 December on a server clock in UTC.
func TestBirthTodayInVietnam(t *testing.T) {
	at := time.Date(2026, 12, 31, 17, 30, 0, 0, time.UTC)
	if got, p := parseDate("01/01/2027", at); p != nil || got != "2027-01-01" {
		t.Fatalf("born today in Vietnam: %q, %v", got, p)
	}
	if _, p := parseDate("02/01/2027", at); p == nil {
		t.Fatal("born tomorrow in Vietnam: want a problem")
	}
}

func TestNumbers(t *testing.T) {
	for in, want := range map[string]int64{"48000000": 48e6, "48.000.000": 48e6, "48,000,000": 48e6, "48 000 000 đ": 48e6, "4.8E+07": 48e6, "0": 0, "1.500": 1500} {
		got, p := parseMoney(in)
		if p != nil || *got != want {
			t.Errorf("parseMoney(%q) = %v, %v; want %d", in, got, p, want)
		}
	}
	for _, in := range []string{"-1", "1,5", "abc", "1e30", "NaN"} {
		if _, p := parseMoney(in); p == nil {
			t.Errorf("parseMoney(%q) accepted", in)
		}
	}
	for in, want := range map[string]float64{"45": 45, "45,5": 45.5, "45.5": 45.5, "1.234,5": 1234.5, "30 m2": 30} {
		got, p := parseArea(in)
		if p != nil || *got != want {
			t.Errorf("parseArea(%q) = %v, %v; want %v", in, got, p, want)
		}
	}
	if _, p := parseArea("-3"); p == nil {
		t.Error("negative area accepted")
	}
	for in, want := range map[string]float64{"1440": 1440, "1.440": 1440, "12.500.000": 12_500_000, "360,5": 360.5, "45.5": 45.5, "1.234,5": 1234.5, "500 m2": 500, "0": 0} {
		got, p := parseLand(in)
		if p != nil || *got != want {
			t.Errorf("parseLand(%q) = %v, %v; want %v", in, got, p, want)
		}
	}
	for _, in := range []string{"-1", "abc", "100.000.001", "NaN"} {
		if _, p := parseLand(in); p == nil {
			t.Errorf("parseLand(%q) accepted", in)
		}
	}
	for in, want := range map[string]int{"30": 30, "1.200": 1200, "1 200": 1200, "12 con": 12, "12.0": 12, "0": 0} {
		got, p := parseCount(in)
		if p != nil || *got != want {
			t.Errorf("parseCount(%q) = %v, %v; want %d", in, got, p, want)
		}
	}
	for _, in := range []string{"-1", "2,5", "abc", "20.000.000"} {
		if _, p := parseCount(in); p == nil {
			t.Errorf("parseCount(%q) accepted", in)
		}
	}
	for in, want := range map[string]registry.SocialAllowance{"": "", "Không": "", "Người cao tuổi": registry.AllowanceElderly, "elderly": registry.AllowanceElderly,
		"NGUOI CAO TUOI": registry.AllowanceElderly, "đơn thân": registry.AllowanceSingleParent, "HIV": registry.AllowanceHIV, "Đối tượng khác": registry.AllowanceOther} {
		if got, p := parseAllowance(in); p != nil || got != want {
			t.Errorf("parseAllowance(%q) = %q, %v; want %q", in, got, p, want)
		}
	}
	ds, p := parseDevices("Ti vi; điện thoại thông minh, TIVI")
	if p != nil || len(ds) != 2 || ds[0] != poverty.DeviceTV || ds[1] != poverty.DeviceSmartphone {
		t.Errorf("parseDevices = %v, %v", ds, p)
	}
	if ds, p := parseDevices("Không"); p != nil || ds == nil || len(ds) != 0 {
		t.Errorf("parseDevices(Không) = %#v, %v; want an empty, non-nil list", ds, p)
	}
}

func TestLegacyEncodings(t *testing.T) {
	names := []string{"Nguyễn Văn Đức", "Trần Thị Hương", "Phạm Quốc Việt"}
	hdr := "Mã hộ,Mã xã,Thôn/Tổ dân phố,Họ và tên,Quan hệ với chủ hộ,Giới tính,Ngày sinh,Dân tộc,Loại nhà tiêu,Thu nhập\n"
	body := "H1,10507,Thôn Đồng Tâm," + names[0] + ",Chủ hộ,Nam,12/05/1980,Kinh,Tự hoại,36000000\n" +
		"H1,10507,Thôn Đồng Tâm," + names[1] + ",Vợ,Nữ,02/01/1983,Kinh,,\n" +
		"H2,10507,Thôn Đồng Tâm," + names[2] + ",Chủ hộ,Nam,03/03/1970,Mường,Bán tự hoại,20000000\n"
	tests := []struct {
		name string
		data []byte
		enc  vntext.Encoding
	}{
		{"utf8", []byte(hdr + body), vntext.UTF8},
		{"utf8 bom semicolons", append([]byte("\xEF\xBB\xBF"), strings.ReplaceAll(hdr+body, ",", ";")...), vntext.UTF8},
		{"tcvn3", encodeTCVN3(t, hdr+body), vntext.TCVN3},
		{"vni", encodeVNI(t, hdr+body), vntext.VNI},
		{"vni crlf semicolons", encodeVNI(t, strings.ReplaceAll(strings.ReplaceAll(hdr+body, ",", ";"), "\n", "\r\n")), vntext.VNI},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := MustOpen(t, tt.data, tt.name+".csv")
			if r.Encoding() != tt.enc {
				t.Errorf("encoding %v, want %v", r.Encoding(), tt.enc)
			}
			hs, iss := readAll(t, r)
			if len(hs) != 2 || len(hs[0].Members) != 2 {
				t.Fatalf("got %d households; issues %+v", len(hs), iss)
			}
			got := []string{hs[0].Members[0].Name, hs[0].Members[1].Name, hs[1].Members[0].Name}
			if strings.Join(got, "|") != strings.Join(names, "|") {
				t.Errorf("names %q, want %q", got, names)
			}
			if hs[0].VillageName != "Thôn Đồng Tâm" || hs[1].Members[0].Ethnicity != "Mường" || hs[1].Survey.Latrine != poverty.LatrineSemiSeptic {
				t.Errorf("household read wrongly: %+v / %+v", hs[0], hs[1])
			}
			for _, is := range iss {
				if len(is) > 0 {
					t.Errorf("issues: %+v", is)
				}
			}
		})
	}
}

func mustDate(tb testing.TB, s string) time.Time {
	d, err := poverty.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d.Time()
}

func TestIssueFor(t *testing.T) {
	r := MustOpen(t, csvBytes(t, ',', join([][]string{header}, family("H1"), family("H2"))...), "sau.csv")
	if _, _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	is := r.IssueFor("members[2].birth_date", "ngày sinh sau ngày tham chiếu", "born after the reference date", SeverityError)
	if is.Row != 7 || is.Column != "Ngày sinh" || !strings.HasPrefix(is.Message, `Tệp sau.csv, dòng 7, cột "Ngày sinh" (G): ngày sinh`) || !is.IsError() {
		t.Errorf("IssueFor member field = %+v", is)
	}
	is = r.IssueFor("commune_code", "xã không tồn tại", "no such commune", SeverityWarning)
	if is.Row != 5 || is.Column != "Mã xã" || is.IsError() {
		t.Errorf("IssueFor household field = %+v", is)
	}
	if is := r.IssueFor("", "x", "x", SeverityError); is.Row != 5 || is.Column != "" {
		t.Errorf("IssueFor whole household = %+v", is)
	}
}

func TestLineTooLong(t *testing.T) {
	// The long line comes after the rows Open reads ahead, so Next meets it.
	rows := [][]string{header}
	for i := 0; i < sampleRows; i++ {
		rows = append(rows, family(fmt.Sprintf("H%d", i))...)
	}
	data := append(csvBytes(t, ',', rows...), bytes.Repeat([]byte("x"), maxLine+10)...)
	r := MustOpen(t, data, "dai.csv")
	var err error
	n := 0
	for ; err == nil; n++ {
		_, _, err = r.Next()
	}
	if n < sampleRows/3 {
		t.Errorf("only %d households before the error", n)
	}
	if e := appErr(t, err); !strings.Contains(e.Message, "dài hơn 1 MB") {
		t.Errorf("message %q", e.Message)
	}
}

// TestOversizedHousehold: one code on many rows (a column of codes filled down by
// mistake) stops at poverty.MaxMembers members and a bounded list of issues.
func TestOversizedHousehold(t *testing.T) {
	rows := [][]string{header}
	for i := 0; i < 100; i++ {
		r := family("H1")[1]
		r[6], r[7] = "31/02/1990", "" // one error per row
		rows = append(rows, r)
	}
	rows = append(rows, family("H2")...)
	r := MustOpen(t, csvBytes(t, ',', rows...), "dai.csv")
	hs, iss := readAll(t, r)
	if len(hs) != 2 || len(hs[0].Members) != poverty.MaxMembers || len(hs[1].Members) != 3 {
		t.Fatalf("households %d, members %d", len(hs), len(hs[0].Members))
	}
	// 64 date errors, the oversize, no head, no income: 50 kept, the oversize kept
	// beyond the bound, and a summary of the other 16.
	if n := len(iss[0]); n != maxIssuesPerHousehold+2 {
		t.Errorf("%d issues, want %d", n, maxIssuesPerHousehold+2)
	}
	var over bool
	for _, is := range iss[0] {
		over = over || strings.Contains(is.Message, "hơn 64 thành viên") && is.Row == 2+poverty.MaxMembers && is.IsError()
	}
	if !over {
		t.Error("the oversize was not reported on the first row beyond the limit")
	}
	if last := iss[0][len(iss[0])-1]; !strings.Contains(last.Message, "và 16 vấn đề khác ở hộ H1") {
		t.Errorf("summary %q", last.Message)
	}
}

func TestCleanASCII(t *testing.T) {
	for s, want := range map[string]bool{"": true, "HD-01": true, "12/05/1980": true, "a b": true,
		" a": false, "a ": false, "a  b": false, "a\tb": false, "Hà": false, "a\x7f": false} {
		if got := cleanASCII(s); got != want {
			t.Errorf("cleanASCII(%q) = %v", s, got)
		}
		if want && vntext.Clean(s) != s {
			t.Errorf("cleanASCII(%q) is true but Clean changes it", s)
		}
	}
}
