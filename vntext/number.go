package vntext

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// GroupedByThrees reports whether s is digits grouped by threes with sep, an optional
// minus sign first and the first group not a lone leading zero: "48.000.000" and
// "1.440" with '.', not "45.5" or "0.125".
func GroupedByThrees(s string, sep byte) bool {
	s = strings.TrimPrefix(s, "-")
	parts := strings.Split(s, string(sep))
	if len(parts) < 2 || len(parts[0]) == 0 || len(parts[0]) > 3 || parts[0][0] == '0' {
		return false
	}
	for i, p := range parts {
		if i > 0 && len(p) != 3 {
			return false
		}
		for j := 0; j < len(p); j++ {
			if p[j] < '0' || p[j] > '9' {
				return false
			}
		}
	}
	return true
}

var errNotNumber = errors.New("not a number")

// ParseDecimal reads a number written the Vietnamese way or the English way, spaces
// ignored: a comma is the decimal mark when there is one ("45,5"; "1.234,5" with dots
// between thousands); without a comma a dot is a decimal point ("45.5"), unless
// thousandDots is set and the number is grouped by threes with dots ("1.440" is one
// thousand four hundred and forty, as a land area is written). NaN and infinities are
// refused.
func ParseDecimal(s string, thousandDots bool) (float64, error) {
	t := strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	switch {
	case strings.Contains(t, ","):
		t = strings.Replace(strings.ReplaceAll(t, ".", ""), ",", ".", 1)
	case thousandDots && GroupedByThrees(t, '.'):
		t = strings.ReplaceAll(t, ".", "")
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, errNotNumber
	}
	return f, nil
}

// Grouped writes n with sep between groups of three digits: 1.234.567 with '.' (the
// Vietnamese way), 1,234,567 with ','.
func Grouped(n int64, sep byte) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := 0; i < len(s); i++ {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(sep)
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Decimal writes v with places decimals the Vietnamese way: dots between thousands and
// a decimal comma (1.234,50).
func Decimal(v float64, places int) string {
	s := strconv.FormatFloat(v, 'f', places, 64)
	whole, frac, _ := strings.Cut(s, ".")
	n, _ := strconv.ParseInt(whole, 10, 64)
	out := Grouped(n, '.')
	if n == 0 && strings.HasPrefix(whole, "-") {
		out = "-0"
	}
	if frac != "" {
		out += "," + frac
	}
	return out
}
