package poverty

import (
	"fmt"
	"time"

	"giamngheo"
)

// Date is a civil date with no time zone, as written on a survey form or in a legal
// text. It is written YYYY-MM-DD in JSON. The zero Date means "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the civil date in Vietnam of the instant t, whatever t's location, so
// that a server on UTC switches standards at midnight in Vietnam (1 January 2027 starts
// at 17:00 UTC on 31 December). A Date's Time (midnight UTC) keeps its day.
func DateOf(t time.Time) Date {
	y, m, d := t.In(giamngheo.Vietnam).Date()
	return Date{y, m, d}
}

// ParseDate parses a civil date written YYYY-MM-DD. It rejects any other layout and
// days that do not exist (2026-02-30).
func ParseDate(s string) (Date, error) {
	d, ok := parseDate(s)
	if !ok {
		return Date{}, giamngheo.Errorf(giamngheo.EINVALID,
			"Ngày %q không hợp lệ (cần dạng NNNN-TT-NN, ví dụ 2026-06-30)",
			"invalid date %q (want YYYY-MM-DD, e.g. 2026-06-30)", s)
	}
	return d, nil
}

// parseDate is the allocation-free core of ParseDate, used in the classification path
// (once per member per classification, so its digits are read without a loop).
func parseDate(s string) (Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	// A byte below '0' wraps around, so one comparison per digit rejects both sides.
	d0, d1, d2, d3 := s[0]-'0', s[1]-'0', s[2]-'0', s[3]-'0'
	m0, m1, e0, e1 := s[5]-'0', s[6]-'0', s[8]-'0', s[9]-'0'
	if d0 > 9 || d1 > 9 || d2 > 9 || d3 > 9 || m0 > 9 || m1 > 9 || e0 > 9 || e1 > 9 {
		return Date{}, false
	}
	y := int(d0)*1000 + int(d1)*100 + int(d2)*10 + int(d3)
	m := int(m0)*10 + int(m1)
	d := int(e0)*10 + int(e1)
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return Date{}, false
	}
	return Date{y, time.Month(m), d}, true
}

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC of d, for APIs that take a time.Time.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return sign(d.Year - e.Year)
	case d.Month != e.Month:
		return sign(int(d.Month) - int(e.Month))
	}
	return sign(d.Day - e.Day)
}

func sign(n int) int {
	if n < 0 {
		return -1
	} else if n > 0 {
		return 1
	}
	return 0
}

// String returns d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// vi returns d as Vietnamese text writes it: DD/MM/YYYY.
func (d Date) vi() string { return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year) }

// MarshalText writes d as YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD; the empty string gives the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ageAt returns the age in completed years of a person born on birth, on the date ref:
// a person born 2010-06-30 is 16 on 2026-06-30 and 15 the day before. A person born on
// 29 February turns a year older on 1 March in common years.
func ageAt(birth, ref Date) int {
	age := ref.Year - birth.Year
	if ref.Month < birth.Month || (ref.Month == birth.Month && ref.Day < birth.Day) {
		age--
	}
	return age
}
