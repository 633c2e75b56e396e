package registry

import (
	"strings"

	"giamngheo/poverty"
)

// The registry's own reading of national ID numbers. CCCD numbers (số định danh cá
// nhân) have 12 digits: the code of the province where the birth was registered
// (3 digits), one digit for sex and century of birth, the last two digits of the
// birth year, then 6 random digits (Circular 59/2021/TT-BCA, Art. 7, after Circular
// 07/2016/TT-BCA). Old identity cards (CMND) have 9 digits and carry nothing we can
// check. A mismatch is only a warning: the card is the authority and the list may be
// wrong, or the other way round, and the officer must look.
//
// The helpers are unexported and named so that they do not collide with the
// registry's exported national-ID API when it lands (CheckNationalID,
// NormalizeNationalID); switch to it then.

// idProvinces are the GSO codes of the 63 provinces before 1 July 2025, which are the
// codes printed in the first three digits of every CCCD issued so far.
var idProvinces = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields("01 02 04 06 08 10 11 12 14 15 17 19 20 22 24 25 26 27 30 31 33 34 35 36 37 38 " +
		"40 42 44 45 46 48 49 51 52 54 56 58 60 62 64 66 67 68 70 72 74 75 77 79 80 82 83 84 86 87 89 91 92 93 94 95 96") {
		m["0"+c] = true
	}
	return m
}()

// normalizeNationalID drops the separators people type or Excel adds (spaces, dots,
// dashes, a leading apostrophe that forces text) and keeps everything else, so that a
// letter or a stray symbol still fails validation rather than vanishing.
func normalizeNationalID(s string) string {
	s = strings.TrimSpace(s)
	if strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch r {
		case ' ', '.', '-', '\'', '\u00A0', '\t':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// nationalIDFormatError returns the Vietnamese and English reason why a normalised
// ID is malformed, or empty strings when it is well formed (or empty).
func nationalIDFormatError(id string) (vi, en string) {
	if id == "" {
		return "", ""
	}
	for _, r := range id {
		if r < '0' || r > '9' {
			return "Số CCCD/CMND " + quote(id) + " có ký tự không phải chữ số",
				"national ID " + quote(id) + " contains a character that is not a digit"
		}
	}
	if len(id) != 12 && len(id) != 9 {
		n := itoa(len(id))
		return "Số CCCD/CMND " + quote(id) + " có " + n + " chữ số; CCCD phải có 12 chữ số (CMND cũ: 9)",
			"national ID " + quote(id) + " has " + n + " digits; a CCCD has 12 (an old CMND: 9)"
	}
	return "", ""
}

// nationalIDMismatches compares a well-formed 12-digit CCCD with the member's sex
// and birth date (YYYY-MM-DD) and returns a warning for each disagreement.
func nationalIDMismatches(id string, sex poverty.Sex, birthDate string, field string) []Warning {
	if len(id) != 12 {
		return nil
	}
	var ws []Warning
	if !idProvinces[id[:3]] {
		ws = append(ws, Warning{Code: WarnNationalIDProvince, Field: field,
			Message:   "Ba số đầu của CCCD " + quote(id) + " (" + id[:3] + ") không phải mã tỉnh nơi đăng ký khai sinh",
			MessageEN: "the first three digits of CCCD " + quote(id) + " (" + id[:3] + ") are not a province code"})
	}
	g := int(id[3] - '0')
	idSex := poverty.Male
	if g%2 == 1 {
		idSex = poverty.Female
	}
	if sex != "" && sex != idSex {
		ws = append(ws, Warning{Code: WarnNationalIDSex, Field: field,
			Message:   "Số CCCD " + quote(id) + " là của người " + sexVI(idSex) + " nhưng giới tính ghi là " + sexVI(sex),
			MessageEN: "CCCD " + quote(id) + " belongs to a " + string(idSex) + " person but the sex recorded is " + string(sex)})
	}
	century := 1900 + 100*(g/2) // 0,1: 19xx; 2,3: 20xx; 4,5: 21xx …
	idYear := century + int(id[4]-'0')*10 + int(id[5]-'0')
	if d, err := poverty.ParseDate(birthDate); err == nil && d.Year != idYear {
		y := itoa(idYear)
		ws = append(ws, Warning{Code: WarnNationalIDBirthYear, Field: field,
			Message:   "Số CCCD " + quote(id) + " ghi năm sinh " + y + " nhưng ngày sinh là " + birthDate,
			MessageEN: "CCCD " + quote(id) + " encodes birth year " + y + " but the birth date is " + birthDate})
	}
	return ws
}

func sexVI(s poverty.Sex) string {
	switch s {
	case poverty.Male:
		return "nam"
	case poverty.Female:
		return "nữ"
	}
	return string(s)
}
