package importfile

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/vntext"
)

// problem is what is wrong with one cell, in both languages, without the location,
// which the reader adds.
type problem struct {
	vi, en  string
	warning bool
}

func problemf(vi, en string, args ...any) *problem {
	return &problem{vi: fmt.Sprintf(vi, args...), en: fmt.Sprintf(en, args...)}
}

func warningf(vi, en string, args ...any) *problem {
	p := problemf(vi, en, args...)
	p.warning = true
	return p
}

// parseBool reads a yes/no cell; "" is not answered (nil).
func parseBool(s string) (*bool, *problem) {
	if s == "" {
		return nil, nil
	}
	if b, ok := boolExact[s]; ok {
		return &b, nil
	}
	k := valueKey(s)
	switch {
	case trueKeys[k]:
		t := true
		return &t, nil
	case falseKeys[k]:
		f := false
		return &f, nil
	}
	return nil, problemf("giá trị %q không hợp lệ (cho phép: Có, Không)", "invalid value %q (allowed: Có/yes, Không/no)", s)
}

// parseChoice reads a closed answer; "" is not answered.
func parseChoice[T ~string](c *choices[T], s string) (T, *problem) {
	if s == "" {
		return "", nil
	}
	if v, ok := c.parse(s); ok {
		return v, nil
	}
	return "", problemf("giá trị %q không có trong danh sách (cho phép: %s)", "value %q is not in the list (allowed: %s)", s, c.labels())
}

// parseDevices reads a list of devices separated by commas, semicolons, slashes, "+"
// or line breaks. "" is not answered (nil); "Không" is answered, none (empty list).
func parseDevices(s string) ([]poverty.Device, *problem) {
	if s == "" {
		return nil, nil
	}
	if noneKeys[valueKey(s)] {
		return []poverty.Device{}, nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '/' || r == '+' || r == '\n' })
	out := make([]poverty.Device, 0, len(parts))
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		d, ok := deviceChoices.parse(p)
		if !ok {
			return nil, problemf("phương tiện %q không có trong danh sách (cho phép: %s)", "device %q is not in the list (allowed: %s)", p, deviceChoices.labels())
		}
		if !containsDevice(out, d) {
			out = append(out, d)
		}
	}
	return out, nil
}

func containsDevice(ds []poverty.Device, d poverty.Device) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}

// parseMoney reads a whole amount of đồng: 48000000, 48.000.000, 48,000,000,
// "48 000 000 đ", or what Excel gives for a number cell (48000000, 4.8E+07).
func parseMoney(s string) (*int64, *problem) {
	if s == "" {
		return nil, nil
	}
	t := strings.ToLower(strings.TrimSpace(s))
	for _, suf := range []string{"đồng", "vnđ", "vnd", "đ", "d"} {
		t = strings.TrimSpace(strings.TrimSuffix(t, suf))
	}
	t = dropSpaces.Replace(t)
	if vntext.GroupedByThrees(t, '.') || vntext.GroupedByThrees(t, ',') {
		t = dropSeparators.Replace(t)
	}
	f, err := strconv.ParseFloat(t, 64)
	switch {
	case err != nil || math.IsNaN(f) || math.IsInf(f, 0):
		return nil, problemf("số tiền %q không đọc được (ghi số nguyên đồng, ví dụ 48000000 hoặc 48.000.000)", "cannot read amount %q (write whole đồng, e.g. 48000000 or 48.000.000)", s)
	case f < 0:
		return nil, problemf("thu nhập %q âm; thu nhập không được nhỏ hơn 0", "income %q is negative; it cannot be below 0", s)
	case f > poverty.MaxIncome12m:
		return nil, problemf("thu nhập %q quá lớn", "income %q is too large", s)
	case f != math.Trunc(f):
		return nil, problemf("thu nhập %q phải là số nguyên đồng", "income %q must be a whole number of đồng", s)
	}
	n := int64(f)
	return &n, nil
}

var (
	dropSpaces     = strings.NewReplacer(" ", "", "\u00A0", "")
	dropSeparators = strings.NewReplacer(".", "", ",", "")
)

// parseArea reads a floor area in m²: 45, 45,5, 45.5, "45 m2".
func parseArea(s string) (*float64, *problem) {
	return parseSquareMetres(s, false, poverty.MaxFloorAreaM2, "45 hoặc 45,5", "45 or 45.5")
}

// parseLand reads a land area in m² (Livelihood): as parseArea, and a number grouped
// by threes with dots is read the Vietnamese way, 1.440 being one thousand four
// hundred and forty (a floor area is never that large, a plot often is). The bound is
// registry.MaxLandM2.
func parseLand(s string) (*float64, *problem) {
	return parseSquareMetres(s, true, registry.MaxLandM2, "1.440 hoặc 360,5", "1440 or 360.5")
}

// parseSquareMetres reads an area in m² from 0 to max (vntext.ParseDecimal, with an
// optional "m²" or "m2" after it); the examples go into the message.
func parseSquareMetres(s string, thousandDots bool, max int, exampleVI, exampleEN string) (*float64, *problem) {
	if s == "" {
		return nil, nil
	}
	t := strings.ToLower(strings.TrimSpace(s))
	for _, suf := range []string{"m²", "m2"} {
		t = strings.TrimSpace(strings.TrimSuffix(t, suf))
	}
	f, err := vntext.ParseDecimal(t, thousandDots)
	switch {
	case err != nil:
		return nil, &problem{vi: fmt.Sprintf("diện tích %q không đọc được (ghi số mét vuông, ví dụ %s)", s, exampleVI),
			en: fmt.Sprintf("cannot read area %q (write square metres, e.g. %s)", s, exampleEN)}
	case f < 0:
		return nil, problemf("diện tích %q âm", "area %q is negative", s)
	case f > float64(max):
		return nil, problemf("diện tích %q quá lớn (tối đa %d m²)", "area %q is too large (at most %d m²)", s, max)
	}
	return &f, nil
}

// parseCount reads a number of animals: 30, 1.200, "1 200", "12 con", or what Excel
// gives for a number cell (12, 12.0).
func parseCount(s string) (*int, *problem) {
	if s == "" {
		return nil, nil
	}
	t := strings.TrimSpace(strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), "con"))
	t = dropSpaces.Replace(t)
	if vntext.GroupedByThrees(t, '.') || vntext.GroupedByThrees(t, ',') {
		t = dropSeparators.Replace(t)
	}
	f, err := strconv.ParseFloat(t, 64)
	switch {
	case err != nil || math.IsNaN(f) || math.IsInf(f, 0):
		return nil, problemf("số con %q không đọc được (ghi số nguyên, ví dụ 30)", "cannot read count %q (write a whole number, e.g. 30)", s)
	case f < 0:
		return nil, problemf("số con %q âm", "count %q is negative", s)
	case f > registry.MaxAnimals:
		return nil, problemf("số con %q quá lớn (tối đa %d)", "count %q is too large (at most %d)", s, registry.MaxAnimals)
	case f != math.Trunc(f):
		return nil, problemf("số con %q phải là số nguyên", "count %q must be a whole number", s)
	}
	n := int(f)
	return &n, nil
}

// parseAllowance reads a kind of monthly social allowance; "" and "Không" are none.
func parseAllowance(s string) (registry.SocialAllowance, *problem) {
	if s == "" || noneKeys[valueKey(s)] {
		return "", nil
	}
	return parseChoice(allowanceChoices, s)
}

// Excel serial dates count days from 1899-12-30 (the 1900 date system, past its
// fictitious 29 February 1900, i.e. serial 61 onwards).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// parseDate reads a birth date and returns it as YYYY-MM-DD. It accepts d/m/yyyy
// (also with - or . between), yyyy-mm-dd (or yyyy/mm/dd), either followed by a time
// of day, and Excel serial numbers. A year alone is refused: the poverty rules need
// the age on the reference date.
func parseDate(s string, today time.Time) (string, *problem) {
	t := strings.TrimSpace(s)
	if i := strings.IndexAny(t, " T"); i > 0 {
		t = t[:i] // "1980-05-12 00:00:00", "1980-05-12T00:00:00"
	}
	var y, m, d int
	var ok bool
	if n, err := parseSerial(t); err == nil {
		switch {
		case n >= poverty.MinBirthYear && n <= 2200 && n == math.Trunc(n):
			return "", problemf("ngày sinh %q chỉ có năm; cần ghi đủ ngày/tháng/năm", "birth date %q is a year only; write day/month/year", s)
		case n >= 61 && n < 2958466:
			dt := excelEpoch.AddDate(0, 0, int(n))
			y, m, d, ok = dt.Year(), int(dt.Month()), dt.Day(), true
		default:
			return "", problemf("ngày sinh %q không phải là ngày", "birth date %q is not a date", s)
		}
	} else {
		y, m, d, ok = splitDate(t)
		if !ok {
			return "", problemf("ngày sinh %q không đọc được (ghi dạng ngày/tháng/năm, ví dụ 12/05/1980)", "cannot read birth date %q (write day/month/year, e.g. 12/05/1980)", s)
		}
	}
	if m < 1 || m > 12 || d < 1 || d > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return "", problemf("ngày sinh %q không tồn tại (ngày %d tháng %d năm %d)", "birth date %q does not exist (day %d, month %d, year %d)", s, d, m, y)
	}
	if y < poverty.MinBirthYear {
		return "", problemf("năm sinh %d không hợp lý (từ %d trở đi)", "implausible birth year %d (from %d on)", y, poverty.MinBirthYear)
	}
	iso := isoDate(y, m, d)
	// A day after today in Vietnam is in the future (a zero today checks nothing).
	if !today.IsZero() && iso > giamngheo.DayString(today) {
		return "", problemf("ngày sinh %q ở tương lai", "birth date %q is in the future", s)
	}
	return iso, nil
}

// isoDate writes YYYY-MM-DD for a year of four digits.
func isoDate(y, m, d int) string {
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + d/10), byte('0' + d%10)}
	return string(b[:])
}

// parseSerial reads a cell that is a plain number (an Excel date serial or a year),
// failing fast, without allocating, on anything with a date separator.
func parseSerial(s string) (float64, error) {
	if s == "" || strings.ContainsAny(s, "/-") {
		return 0, errNotSerial
	}
	return strconv.ParseFloat(s, 64)
}

var errNotSerial = errors.New("not a number")

// splitDate splits d/m/yyyy, d-m-yyyy, d.m.yyyy, yyyy-mm-dd and yyyy/mm/dd, without
// allocating (it runs on every member row).
func splitDate(s string) (y, m, d int, ok bool) {
	var n [3]int
	var width [3]int
	k := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			if width[k] == 4 {
				return 0, 0, 0, false
			}
			n[k] = n[k]*10 + int(c-'0')
			width[k]++
		case (c == '/' || c == '-' || c == '.') && k < 2 && width[k] > 0:
			k++
		default:
			return 0, 0, 0, false
		}
	}
	switch {
	case k != 2 || width[2] == 0:
		return 0, 0, 0, false
	case width[0] == 4 && width[1] <= 2 && width[2] <= 2:
		return n[0], n[1], n[2], true
	case width[2] == 4 && width[0] <= 2 && width[1] <= 2:
		return n[2], n[1], n[0], true
	}
	return 0, 0, 0, false
}

// parseNationalID reads an ID cell with registry.NormalizeNationalID. An 11-digit
// number that CheckNationalID recognises as a CCCD whose leading zero Excel dropped
// gets the zero back, with a warning; a number Excel wrote in scientific notation has
// lost digits and is refused, as are wrong lengths and characters other than digits.
func parseNationalID(s string) (string, *problem) {
	if s == "" {
		return "", nil
	}
	if strings.ContainsAny(s, "eE") && strings.Contains(s, "+") {
		return "", problemf("số CCCD %q bị Excel ghi dạng số mũ, đã mất chữ số; hãy định dạng cột là Văn bản (Text) và nhập lại", "national ID %q was turned into scientific notation by Excel and lost digits; format the column as Text and type it again", s)
	}
	id := registry.NormalizeNationalID(strings.TrimSuffix(strings.TrimSpace(s), ".0")) // ".0": a number cell read raw
	for _, is := range registry.CheckNationalID(id, time.Time{}, "") {
		switch is.Code {
		case registry.IDLeadingZeroMissing:
			return "0" + id, warningf("số CCCD %q có 11 chữ số; đã thêm số 0 ở đầu (Excel bỏ số 0 này khi ô định dạng kiểu số), hãy kiểm tra", "national ID %q has 11 digits; a leading 0 was added (Excel drops it in number cells), please check", s)
		case registry.IDNotDigits, registry.IDLength:
			return "", &problem{vi: fmt.Sprintf("số CCCD %q: %s", s, is.Message), en: fmt.Sprintf("national ID %q: %s", s, is.MessageEN)}
		}
	}
	return id, nil
}

// parseList reads several choices separated by semicolons, commas, slashes, "+" or
// line breaks, then on commas where a part is not itself a choice ("Ốm đau, tai nạn"
// holds a comma; its halves are aliases of the same cause).
// "" is not answered (nil); each value is kept once.
func parseList[T ~string](c *choices[T], s string) ([]T, *problem) {
	if s == "" || noneKeys[valueKey(s)] {
		return nil, nil
	}
	var out []T
	add := func(v T) {
		for _, x := range out {
			if x == v {
				return
			}
		}
		out = append(out, v)
	}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '/' || r == '+' || r == '\n' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if v, ok := c.parse(part); ok {
			add(v)
			continue
		}
		for _, p := range strings.Split(part, ",") {
			p = strings.TrimSpace(p)
			if p == "" {
				continue
			}
			v, ok := c.parse(p)
			if !ok {
				return nil, problemf("giá trị %q không có trong danh sách (cho phép: %s)", "value %q is not in the list (allowed: %s)", p, c.labels())
			}
			add(v)
		}
	}
	return out, nil
}

// listLabels writes a list of choices as parseList reads it.
func listLabels[T ~string](c *choices[T], vs []T) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = c.label(v)
	}
	return strings.Join(s, "; ")
}
