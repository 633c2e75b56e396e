package http

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"giamngheo"
)

// This file is the one place where the pages format what they show: days, times,
// counts, amounts of money, areas and percentages, and the names of roles. Templates
// call these through the template functions (day, datetime, num) and the view's
// methods (Num, Money, Area, Pct, Role), so that a Vietnamese page reads 1.970.000 đ,
// 12,5 % and 06/12/2026 everywhere, and an English page 1,970,000 VND and 12.5 %.

// upperFirst capitalises the first letter ("hộ nghèo" → "Hộ nghèo").
func upperFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// formatDay writes the day in Vietnam of t as dd/mm/yyyy ("" for the zero time).
func formatDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(giamngheo.Vietnam).Format("02/01/2006")
}

// formatDateTime writes t in Vietnam time as dd/mm/yyyy hh:mm.
func formatDateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(giamngheo.Vietnam).Format("02/01/2006 15:04")
}

// formatISODay rewrites a stored YYYY-MM-DD day as dd/mm/yyyy; anything else is
// returned unchanged ("" stays "").
func formatISODay(s string) string {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return s
	}
	return t.Format("02/01/2006")
}

// formatNumber writes an integer the Vietnamese way: 20.000, 1.250.000.
func formatNumber(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// formatInt writes an integer in the page's language: 1.250.000, or 1,250,000 in English.
func formatInt(n int, en bool) string {
	s := formatNumber(n)
	if en {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}

// formatDecimal writes a number with up to two decimals: 1.440,5 the Vietnamese way,
// 1,440.5 in English.
func formatDecimal(f float64, en bool) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	whole, frac, _ := strings.Cut(s, ".")
	n, err := strconv.Atoi(whole)
	if err != nil {
		return s
	}
	out, sep := formatNumber(n), ","
	if en {
		out, sep = strings.ReplaceAll(out, ".", ","), "."
	}
	if whole == "-0" {
		out = "-0"
	}
	if frac != "" {
		out += sep + frac
	}
	return out
}

// formatMoney writes an amount in đồng: 1.970.000 đ, or 1,970,000 VND in English.
func formatMoney(n int64, en bool) string {
	if en {
		return formatInt(int(n), true) + " VND"
	}
	return formatNumber(int(n)) + " đ"
}

// formatArea writes an area in square metres: 1.440,5 m².
func formatArea(f float64, en bool) string { return formatDecimal(f, en) + " m²" }

// formatPercent writes a share with one decimal: 12,5 % (12.5 % in English).
func formatPercent(f float64, en bool) string {
	f = math.Round(f*10) / 10
	return formatDecimal(f, en) + " %"
}

// roleNamesEN are the English names of the roles (Role.Label is the Vietnamese one).
var roleNamesEN = map[giamngheo.Role]string{
	giamngheo.RoleProvinceAdmin:   "Province administrator",
	giamngheo.RoleProvinceOfficer: "Province officer",
	giamngheo.RoleDistrictOfficer: "District officer",
	giamngheo.RoleCommuneOfficer:  "Commune officer",
	giamngheo.RoleAgencyOfficer:   "Agency officer",
	giamngheo.RoleViewer:          "Read only",
}

// roleName names a role in the page's language.
func roleName(r giamngheo.Role, en bool) string {
	if en {
		if s, ok := roleNamesEN[r]; ok {
			return s
		}
	}
	return r.Label()
}

// Num writes a count in the page's language (1.250 or 1,250).
func (v *view) Num(n int) string { return formatInt(n, v.Lang == "en") }

// Money writes an amount in đồng in the page's language.
func (v *view) Money(n int64) string { return formatMoney(n, v.Lang == "en") }

// Area writes an area in m² in the page's language.
func (v *view) Area(f float64) string { return formatArea(f, v.Lang == "en") }

// Pct writes a percentage in the page's language (12,5 %).
func (v *view) Pct(f float64) string { return formatPercent(f, v.Lang == "en") }

// Share writes part of total as a percentage ("" when total is 0).
func (v *view) Share(part, total int) string {
	if total == 0 {
		return ""
	}
	return v.Pct(100 * float64(part) / float64(total))
}

// Role names a role in the page's language.
func (v *view) Role(r giamngheo.Role) string { return roleName(r, v.Lang == "en") }

// ISODay rewrites a stored YYYY-MM-DD day as dd/mm/yyyy.
func (v *view) ISODay(s string) string { return formatISODay(s) }
