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
