package registry

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"giamngheo"
)

// National ID (CCCD) checks.
//
// The 12-digit personal identification number (số định danh cá nhân), printed on the
// citizen identity card (căn cước công dân, CCCD) and on the newer căn cước card, is
// laid out by Decree 137/2015/NĐ-CP, Art. 13, and Circular 07/2016/TT-BCA, Art. 7 and
// its appendices, restated by Circular 59/2021/TT-BCA (which replaced it; Art. 4
// according to secondary sources, the original was not at hand); the Law on
// Identification 2023, Art. 12, keeps the 12 digits:
//
//	digits 1–3   code of the province where the birth was registered (see nationalIDProvinces)
//	digit  4     century of birth and sex: 0/1 male/female born 1900–1999, 2/3 for
//	             2000–2099, 4/5 for 2100–2199, 6/7 for 2200–2299, 8/9 for 2300–2399
//	digits 5–6   the last two digits of the year of birth
//	digits 7–12  a random sequence (nothing to check)
//
// The checks return warnings for the officer, never a verdict: a household record is
// kept with a doubtful number, and the caller decides what to block.

// Issue codes of CheckNationalID. They are stable: the UI and API clients match on
// them.
const (
	IDLength             = "id_length"               // not 12 digits (nor 9, nor 11 with a lost leading zero)
	IDNotDigits          = "id_not_digits"           // a character other than a digit or a separator
	IDOldCMND            = "id_old_cmnd"             // 9 digits: an old identity card (CMND); informational
	IDLeadingZeroMissing = "id_leading_zero_missing" // 11 digits that make a valid number with a leading 0
	IDProvinceUnknown    = "id_province_unknown"     // digits 1–3 are not a province code
	IDCenturySexMismatch = "id_century_sex_mismatch" // digit 4 disagrees with the recorded sex or birth century
	IDYearMismatch       = "id_year_mismatch"        // digits 5–6 disagree with the recorded birth year
)

// IDIssue is one finding of CheckNationalID: a stable code and a message for the
// officer in Vietnamese, with its English form.
type IDIssue struct {
	Code               string
	Message, MessageEN string
}

// Informational reports whether the issue is a notice rather than a problem with
// the number (an old CMND number is valid, just outdated).
func (i IDIssue) Informational() bool {
	return i.Code == IDOldCMND
}

// Err returns the issue as an application error (EINVALID on the field
// "national_id"), for a caller that decides to reject the number.
func (i IDIssue) Err() *giamngheo.Error {
	return &giamngheo.Error{Code: giamngheo.EINVALID, Message: i.Message, MessageEN: i.MessageEN, Field: "national_id"}
}

func idIssue(code, vi, en string, args ...any) IDIssue {
	e := giamngheo.Errorf(code, vi, en, args...)
	return IDIssue{Code: code, Message: e.Message, MessageEN: e.MessageEN}
}

// NormalizeNationalID returns s without white space (including the no-break spaces
// of spreadsheets), dots and dashes, the separators people type into numbers ("030
// 085 012 345", "030.085.012.345"), and without the leading apostrophe Excel uses to
// mark a number as text (all of them, so that normalising twice changes nothing
// more: found by FuzzNationalID). It keeps everything else, so that a letter still
// fails the check rather than vanishing, and checks nothing itself.
func NormalizeNationalID(s string) string {
	return strings.TrimLeft(strings.Map(func(r rune) rune {
		if r == '.' || r == '-' || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s), "'")
}

// NationalIDProvince returns the two-digit GSO code of the province where the
// holder's birth was registered ("30" for Hải Dương), read from a 12-digit national
// ID, or "" if id is not 12 digits with a known province code.
func NationalIDProvince(id string) string {
	id = NormalizeNationalID(id)
	if len(id) != 12 || !allDigits(id) || !nationalIDProvinces[id[:3]] {
		return ""
	}
	return id[1:3]
}

// CheckNationalID checks a national ID number against the structure above and,
// where they are known, the holder's birth date and sex ("male" or "female"; any
// other value, or a zero birthDate, skips the checks that need it). The number is
// normalized first (NormalizeNationalID). It returns nil for an empty number, since
// the number is optional, and for a number with nothing to report.
func CheckNationalID(id string, birthDate time.Time, sex string) []IDIssue {
	id = NormalizeNationalID(id)
	if id == "" {
		return nil
	}
	if i := strings.IndexFunc(id, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
		r := []rune(id[i:])[0]
		return []IDIssue{idIssue(IDNotDigits,
			"Số CCCD chỉ được gồm chữ số (có ký tự %q).",
			"The national ID number must contain digits only (found %q).", string(r))}
	}
	switch n := len(id); {
	case n == 9:
		// The 9-digit identity card (chứng minh nhân dân) was replaced by the CCCD
		// (Law on Citizen Identification 2014) but many are still in use.
		return []IDIssue{idIssue(IDOldCMND,
			"Đây là số CMND cũ (9 chữ số), chưa phải số CCCD 12 chữ số; nên cập nhật khi có.",
			"This is an old 9-digit identity card (CMND) number, not a 12-digit national ID; update it when possible.")}
	case n == 11 && nationalIDProvinces["0"+id[:2]]:
		// Excel stores "030085012345" typed into a number cell as 30085012345.
		return []IDIssue{idIssue(IDLeadingZeroMissing,
			"Số CCCD có 11 chữ số, có lẽ đã mất số 0 ở đầu (Excel bỏ số 0 khi ô định dạng kiểu số): số đúng có thể là 0%[1]s. Hãy kiểm tra và định dạng cột là văn bản (Text).",
			"The national ID number has 11 digits; its leading zero was probably lost (Excel drops it in number cells): it may be 0%[1]s. Check it and format the column as Text.",
			id)}
	case n != 12:
		return []IDIssue{idIssue(IDLength,
			"Số CCCD phải có 12 chữ số (đang có %d).",
			"The national ID number must have 12 digits (it has %d).", n)}
	}

	var issues []IDIssue
	if code := id[:3]; !nationalIDProvinces[code] {
		issues = append(issues, idIssue(IDProvinceUnknown,
			"Mã tỉnh %s (3 chữ số đầu của số CCCD) không phải mã tỉnh, thành phố nơi đăng ký khai sinh nào.",
			"Province code %s (the first 3 digits of the national ID) is not the code of any province of birth registration.",
			code))
	}
	if issue, ok := checkCenturySex(id[3], birthDate, sex); !ok {
		issues = append(issues, issue)
	}
	if !birthDate.IsZero() {
		year := birthDate.Year()
		if want := twoDigits(year % 100); id[4:6] != want {
			issues = append(issues, idIssue(IDYearMismatch,
				"Chữ số thứ 5–6 của số CCCD là %[1]s, nhưng năm sinh trong hồ sơ là %[2]d (phải là %[3]s).",
				"Digits 5–6 of the national ID are %[1]s, but the recorded year of birth is %[2]d (they should be %[3]s).",
				id[4:6], year, want))
		}
	}
	return issues
}

// checkCenturySex checks digit 4 against the recorded sex and birth year.
func checkCenturySex(digit byte, birthDate time.Time, sex string) (IDIssue, bool) {
	d := int(digit - '0')
	idFemale, from := d%2 == 1, 1900+100*(d/2)
	sex = strings.ToLower(strings.TrimSpace(sex))
	sexKnown := sex == "male" || sex == "female"
	year := birthDate.Year()
	yearKnown := !birthDate.IsZero() && year >= 1900 && year <= 2399
	sexOK := !sexKnown || (sex == "female") == idFemale
	centuryOK := !yearKnown || (year-1900)/100 == d/2
	if sexOK && centuryOK {
		return IDIssue{}, true
	}
	idSexVI, idSexEN := "nam", "male"
	if idFemale {
		idSexVI, idSexEN = "nữ", "female"
	}
	// What the record says, as far as it says it.
	var recVI, recEN []string
	if sexKnown {
		if sex == "female" {
			recVI, recEN = append(recVI, "nữ"), append(recEN, "female")
		} else {
			recVI, recEN = append(recVI, "nam"), append(recEN, "male")
		}
	}
	if !birthDate.IsZero() {
		recVI = append(recVI, "sinh năm "+strconv.Itoa(year))
		recEN = append(recEN, "born in "+strconv.Itoa(year))
	}
	return idIssue(IDCenturySexMismatch,
		"Chữ số thứ 4 của số CCCD là %[1]d, nghĩa là %[2]s, sinh trong các năm %[4]d–%[5]d; nhưng hồ sơ ghi %[6]s.",
		"Digit 4 of the national ID is %[1]d, meaning %[3]s, born %[4]d–%[5]d; but the record says %[7]s.",
		d, idSexVI, idSexEN, from, from+99, strings.Join(recVI, ", "), strings.Join(recEN, ", ")), false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func twoDigits(n int) string {
	return string([]byte{byte('0' + n/10), byte('0' + n%10)})
}

// nationalIDProvinces are the 63 province codes of the ID scheme (Circular
// 07/2016/TT-BCA, Appendix I): "0" followed by the GSO two-digit code of the
// province as it stood before the 2025 mergers. A number keeps the code of the
// province where the birth was registered for life, so these stay valid after the
// 1 July 2025 reorganisation into 34 provinces (Resolution 202/2025/QH15); whether
// numbers issued since then use new codes was not verified, and an unknown code is
// only a warning.
var nationalIDProvinces = map[string]bool{
	"001": true, // Hà Nội
	"002": true, // Hà Giang
	"004": true, // Cao Bằng
	"006": true, // Bắc Kạn
	"008": true, // Tuyên Quang
	"010": true, // Lào Cai
	"011": true, // Điện Biên
	"012": true, // Lai Châu
	"014": true, // Sơn La
	"015": true, // Yên Bái
	"017": true, // Hoà Bình
	"019": true, // Thái Nguyên
	"020": true, // Lạng Sơn
	"022": true, // Quảng Ninh
	"024": true, // Bắc Giang
	"025": true, // Phú Thọ
	"026": true, // Vĩnh Phúc
	"027": true, // Bắc Ninh
	"030": true, // Hải Dương
	"031": true, // Hải Phòng
	"033": true, // Hưng Yên
	"034": true, // Thái Bình
	"035": true, // Hà Nam
	"036": true, // Nam Định
	"037": true, // Ninh Bình
	"038": true, // Thanh Hoá
	"040": true, // Nghệ An
	"042": true, // Hà Tĩnh
	"044": true, // Quảng Bình
	"045": true, // Quảng Trị
	"046": true, // Thừa Thiên Huế
	"048": true, // Đà Nẵng
	"049": true, // Quảng Nam
	"051": true, // Quảng Ngãi
	"052": true, // Bình Định
	"054": true, // Phú Yên
	"056": true, // Khánh Hoà
	"058": true, // Ninh Thuận
	"060": true, // Bình Thuận
	"062": true, // Kon Tum
	"064": true, // Gia Lai
	"066": true, // Đắk Lắk
	"067": true, // Đắk Nông
	"068": true, // Lâm Đồng
	"070": true, // Bình Phước
	"072": true, // Tây Ninh
	"074": true, // Bình Dương
	"075": true, // Đồng Nai
	"077": true, // Bà Rịa - Vũng Tàu
	"079": true, // Hồ Chí Minh
	"080": true, // Long An
	"082": true, // Tiền Giang
	"083": true, // Bến Tre
	"084": true, // Trà Vinh
	"086": true, // Vĩnh Long
	"087": true, // Đồng Tháp
	"089": true, // An Giang
	"091": true, // Kiên Giang
	"092": true, // Cần Thơ
	"093": true, // Hậu Giang
	"094": true, // Sóc Trăng
	"095": true, // Bạc Liêu
	"096": true, // Cà Mau
}
