package pdf

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"giamngheo"
)

// clean prepares user text for the PDF. It composes the text to NFC, because the
// font has precomposed Vietnamese letters but fpdf does no shaping, so a decomposed
// "e + ̂ + ̃" would print as overlapping marks and extract as three characters. It
// replaces with "?" the characters outside the Basic Multilingual Plane (fpdf's
// width table and its Identity-H encoding stop at U+FFFF) and those the embedded
// fonts have no glyph for, and drops control characters other than newline.
// Leading and trailing space is trimmed.
func clean(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\t':
			b.WriteByte(' ')
		case r == '\r', unicode.IsControl(r):
			// dropped
		case r > 0xFFFF, r == unicode.ReplacementChar, !covered().has(r):
			b.WriteByte('?')
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// oneLine is clean with newlines turned into spaces, for names and table cells.
func oneLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

// upper returns the upper-case form of a Vietnamese name ("Xã Thanh Hải" → "XÃ THANH
// HẢI"), for the issuing-body line of the header.
func upper(s string) string {
	return strings.ToUpper(oneLine(s))
}

// pad2 writes n with at least two digits.
func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// longDate writes a date as in the place-and-date line of an administrative document:
// "ngày 05 tháng 3 năm 2025". A day below 10 and the months 1 and 2 take a leading
// zero, so a date cannot be altered by adding a digit (Decree 30/2020/NĐ-CP, Appendix I,
// on the place and date of issue; not in regulations.md: check against the text).
func longDate(d time.Time) string {
	m := strconv.Itoa(int(d.Month()))
	if d.Month() <= time.February {
		m = pad2(int(d.Month()))
	}
	return "ngày " + pad2(d.Day()) + " tháng " + m + " năm " + strconv.Itoa(d.Year())
}

// shortDate writes a date as dd/mm/yyyy.
func shortDate(d time.Time) string {
	return d.Format("02/01/2006")
}

// placeDateLine is "{place}, ngày … tháng … năm …".
func placeDateLine(place string, d time.Time) string {
	return place + ", " + longDate(d)
}

// placeName derives the place of the date line from a commune name by dropping its
// unit type: "Xã Thanh Hải" → "Thanh Hải".
func placeName(commune string) string {
	c := oneLine(commune)
	for _, p := range []string{"Thị trấn ", "Phường ", "Đặc khu ", "Xã "} {
		if len(c) > len(p) && strings.EqualFold(c[:len(p)], p) {
			return c[len(p):]
		}
	}
	return c
}

// thousands writes n with "." between groups of three digits, the Vietnamese
// convention: 1500000 → "1.500.000".
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// percent writes num/den as a percentage with one decimal and a decimal comma:
// 2/3 → "66,7%". den must be positive.
func percent(num, den int) string {
	tenths := (num*1000 + den/2) / den // rounded to 0.1%
	return strconv.Itoa(tenths/10) + "," + strconv.Itoa(tenths%10) + "%"
}

// invalid returns an EINVALID application error about field.
func invalid(field, vi, en string, args ...any) error {
	e := giamngheo.Errorf(giamngheo.EINVALID, vi, en, args...)
	e.Field = field
	return e
}

// requireText checks that a required text field is not blank.
func requireText(field, value, nameVI, nameEN string) error {
	if oneLine(value) == "" {
		return invalid(field, "Thiếu %[1]s (trường %[3]s).", "%[2]s is missing (field %[3]s).",
			nameVI, nameEN, field)
	}
	return nil
}

// lowerFirst lowers the first letter, for a unit name inside a sentence:
// "Xã Thanh Hải" → "xã Thanh Hải".
func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}
