package poverty

import (
	"giamngheo/vntext"
	"math"
	"strconv"
	"strings"
)

// Text is a name or sentence in Vietnamese (shown first to users) and English.
type Text struct {
	VI string `json:"vi"`
	EN string `json:"en"`
}

// IsZero reports whether both languages are empty.
func (t Text) IsZero() bool { return t.VI == "" && t.EN == "" }

// money formats an amount in both languages: 1.450.000 in Vietnamese, 1,450,000 in
// English.
func money(n int64) Text { return Text{grouped(n, '.'), grouped(n, ',')} }

// grouped writes n with sep between groups of three digits.
func grouped(n int64, sep byte) string { return vntext.Grouped(n, sep) }

// decimalVI formats x with at most prec decimals, a decimal comma and no trailing
// zeros: 7,5 and 8 and 66,7.
func decimalVI(x float64, prec int) string {
	return strings.Replace(decimalEN(x, prec), ".", ",", 1)
}

// decimalEN formats x with at most prec decimals and no trailing zeros: 7.5 and 8.
func decimalEN(x float64, prec int) string {
	p := math.Pow(10, float64(prec))
	s := strconv.FormatFloat(math.Round(x*p)/p, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// joinText joins the Vietnamese and the English parts of ts with sep.
func joinText(ts []Text, sep string) Text {
	vi := make([]string, len(ts))
	en := make([]string, len(ts))
	for i, t := range ts {
		vi[i], en[i] = t.VI, t.EN
	}
	return Text{strings.Join(vi, sep), strings.Join(en, sep)}
}
