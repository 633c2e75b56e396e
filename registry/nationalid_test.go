package registry

import (
	"slices"
	"strings"
	"testing"
	"time"

	"giamngheo"
)

func nidDate(year int) time.Time {
	return time.Date(year, time.May, 10, 0, 0, 0, 0, time.UTC)
}

func nidCodes(issues []IDIssue) []string {
	codes := []string{}
	for _, i := range issues {
		codes = append(codes, i.Code)
	}
	return codes
}

func TestCheckNationalID(t *testing.T) {
	tests := []struct {
		name  string
		id    string
		birth time.Time
		sex   string
		want  []string
	}{
		{"empty: the ID is optional", "", nidDate(1985), "male", nil},
		{"blank", "  \u00a0 ", nidDate(1985), "male", nil},
		{"female born 2001 in Hải Dương", "030301012345", nidDate(2001), "female", nil},
		{"male born 1985 in Hải Dương", "030085012345", nidDate(1985), "male", nil},
		{"female born 1999 in Hà Nội", "001199000001", nidDate(1999), "female", nil},
		{"male born 2000 in Hải Phòng", "031200123456", nidDate(2000), "male", nil},
		{"female born 2105 (22nd century: 5)", "030505000001", nidDate(2105), "female", nil},
		{"male born 2399 (24th century: 8)", "096899000001", nidDate(2399), "male", nil},
		{"spaces", "030 085 012 345", nidDate(1985), "male", nil},
		{"dots", "030.085.012.345", nidDate(1985), "male", nil},
		{"Excel text marker", "'030085012345", nidDate(1985), "male", nil},
		{"sex in capitals", "030085012345", nidDate(1985), "Male", nil},
		{"unknown sex: century still checked", "030085012345", nidDate(1985), "", nil},
		{"no birth date: sex still checked", "030085012345", time.Time{}, "male", nil},
		{"nothing known", "030385012345", time.Time{}, "", nil},

		{"13 digits", "0300850123456", nidDate(1985), "male", []string{IDLength}},
		{"10 digits", "0300850123", nidDate(1985), "male", []string{IDLength}},
		{"11 digits, no province with a 0 in front", "99085012345", nidDate(1985), "male", []string{IDLength}},
		{"11 digits: Excel dropped the 0", "30085012345", nidDate(1985), "male", []string{IDLeadingZeroMissing}},
		{"old CMND", "142 345 678", nidDate(1985), "male", []string{IDOldCMND}},
		{"a letter", "03008501234O", nidDate(1985), "male", []string{IDNotDigits}},
		{"scientific notation from Excel", "3.00850123E+10", nidDate(1985), "male", []string{IDNotDigits}},
		{"province 099 does not exist", "099085012345", nidDate(1985), "male", []string{IDProvinceUnknown}},
		{"province 003 is a gap", "003085012345", nidDate(1985), "male", []string{IDProvinceUnknown}},
		{"province 000", "000085012345", nidDate(1985), "male", []string{IDProvinceUnknown}},
		{"female digit, male record", "030185012345", nidDate(1985), "male", []string{IDCenturySexMismatch}},
		{"male digit, female record", "030301012345", nidDate(2001), "male", []string{IDCenturySexMismatch}},
		{"20th-century digit, born 2001", "030001012345", nidDate(2001), "male", []string{IDCenturySexMismatch}},
		{"21st-century digit, born 1985", "030285012345", nidDate(1985), "male", []string{IDCenturySexMismatch}},
		{"sex mismatch with no birth date", "030185012345", time.Time{}, "male", []string{IDCenturySexMismatch}},
		{"year digits 85, born 1986", "030085012345", nidDate(1986), "male", []string{IDYearMismatch}},
		{"born 2005, digits 50", "030350012345", nidDate(2005), "female", []string{IDYearMismatch}},
		{"everything wrong", "099385012345", nidDate(1986), "male",
			[]string{IDProvinceUnknown, IDCenturySexMismatch, IDYearMismatch}},
	}
	for _, tt := range tests {
		got := CheckNationalID(tt.id, tt.birth, tt.sex)
		if codes := nidCodes(got); !slices.Equal(codes, append([]string{}, tt.want...)) {
			t.Errorf("%s: CheckNationalID(%q) = %v, want %v", tt.name, tt.id, codes, tt.want)
		}
		for _, i := range got {
			if i.Message == "" || i.MessageEN == "" || strings.Contains(i.Message+i.MessageEN, "%!") {
				t.Errorf("%s: issue %s has a bad message: %q / %q", tt.name, i.Code, i.Message, i.MessageEN)
			}
		}
	}
}

func TestCheckNationalIDMessages(t *testing.T) {
	tests := []struct {
		id     string
		birth  time.Time
		sex    string
		vi, en string
	}{
		{"0300850123456", nidDate(1985), "male",
			"Số CCCD phải có 12 chữ số (đang có 13).",
			"The national ID number must have 12 digits (it has 13)."},
		{"03008501234O", nidDate(1985), "male",
			`Số CCCD chỉ được gồm chữ số (có ký tự "O").`,
			`The national ID number must contain digits only (found "O").`},
		{"099085012345", nidDate(1985), "male",
			"Mã tỉnh 099 (3 chữ số đầu của số CCCD) không phải mã tỉnh, thành phố nơi đăng ký khai sinh nào.",
			"Province code 099 (the first 3 digits of the national ID) is not the code of any province of birth registration."},
		{"030385012345", nidDate(1985), "male",
			"Chữ số thứ 4 của số CCCD là 3, nghĩa là nữ, sinh trong các năm 2000–2099; nhưng hồ sơ ghi nam, sinh năm 1985.",
			"Digit 4 of the national ID is 3, meaning female, born 2000–2099; but the record says male, born in 1985."},
		{"030085012345", nidDate(1986), "male",
			"Chữ số thứ 5–6 của số CCCD là 85, nhưng năm sinh trong hồ sơ là 1986 (phải là 86).",
			"Digits 5–6 of the national ID are 85, but the recorded year of birth is 1986 (they should be 86)."},
		{"30085012345", time.Time{}, "",
			"Số CCCD có 11 chữ số, có lẽ đã mất số 0 ở đầu (Excel bỏ số 0 khi ô định dạng kiểu số): số đúng có thể là 030085012345. Hãy kiểm tra và định dạng cột là văn bản (Text).",
			"The national ID number has 11 digits; its leading zero was probably lost (Excel drops it in number cells): it may be 030085012345. Check it and format the column as Text."},
	}
	for _, tt := range tests {
		got := CheckNationalID(tt.id, tt.birth, tt.sex)
		if len(got) != 1 {
			t.Fatalf("CheckNationalID(%q) = %v, want one issue", tt.id, got)
		}
		if got[0].Message != tt.vi || got[0].MessageEN != tt.en {
			t.Errorf("CheckNationalID(%q):\n got %q\n     %q\nwant %q\n     %q", tt.id, got[0].Message, got[0].MessageEN, tt.vi, tt.en)
		}
	}
	// With only the sex known, the message does not invent a birth year.
	got := CheckNationalID("030185012345", time.Time{}, "male")
	if len(got) != 1 || !strings.HasSuffix(got[0].Message, "hồ sơ ghi nam.") || !strings.HasSuffix(got[0].MessageEN, "record says male.") {
		t.Errorf("sex-only mismatch: %+v", got)
	}
}

func TestIDIssueHelpers(t *testing.T) {
	old := CheckNationalID("142345678", time.Time{}, "")
	if len(old) != 1 || !old[0].Informational() {
		t.Fatalf("old CMND: %+v, want one informational issue", old)
	}
	bad := CheckNationalID("0300850123456", time.Time{}, "")
	if len(bad) != 1 || bad[0].Informational() {
		t.Fatalf("13 digits: %+v, want one non-informational issue", bad)
	}
	err := bad[0].Err()
	if giamngheo.ErrorCode(err) != giamngheo.EINVALID || err.Field != "national_id" ||
		giamngheo.ErrorMessage(err) != bad[0].Message || giamngheo.ErrorMessageEN(err) != bad[0].MessageEN {
		t.Errorf("Err() = %+v", err)
	}
}

func TestNormalizeNationalID(t *testing.T) {
	tests := map[string]string{
		"":                     "",
		"030085012345":         "030085012345",
		" 030 085 012 345 ":    "030085012345",
		"030.085.012.345":      "030085012345",
		"030-085-012-345":      "030085012345",
		"030\u00a0085\t012345": "030085012345",
		"'030085012345":        "030085012345",
		"03008501234O":         "03008501234O", // letters stay, for the check to see
	}
	for in, want := range tests {
		if got := NormalizeNationalID(in); got != want {
			t.Errorf("NormalizeNationalID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNationalIDProvince(t *testing.T) {
	tests := map[string]string{
		"030301012345":    "30", // Hải Dương
		"031085012345":    "31", // Hải Phòng
		"001085012345":    "01", // Hà Nội
		"096085012345":    "96", // Cà Mau
		"030 301 012 345": "30",
		"099085012345":    "",
		"30301012345":     "",
		"142345678":       "",
		"":                "",
		"03030101234X":    "",
	}
	for in, want := range tests {
		if got := NationalIDProvince(in); got != want {
			t.Errorf("NationalIDProvince(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNationalIDProvinceTable(t *testing.T) {
	if len(nationalIDProvinces) != 63 {
		t.Errorf("%d province codes, want 63", len(nationalIDProvinces))
	}
	for code := range nationalIDProvinces {
		if len(code) != 3 || code[0] != '0' || !allDigits(code) || code > "096" || code == "000" {
			t.Errorf("bad code %q", code)
		}
	}
	// The GSO codes skip numbers left by provinces split or merged over the years.
	for _, gap := range []string{"003", "005", "007", "009", "013", "016", "018", "021", "023", "028",
		"029", "032", "039", "041", "043", "047", "050", "053", "055", "057", "059", "061", "063",
		"065", "069", "071", "073", "076", "078", "081", "085", "088", "090", "097"} {
		if nationalIDProvinces[gap] {
			t.Errorf("%s is not a province code", gap)
		}
	}
}
