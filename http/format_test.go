package http

import (
	"testing"
	"time"

	"giamngheo"
)

func TestFormatters(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{formatMoney(1_970_000, false), "1.970.000 đ"},
		{formatMoney(1_970_000, true), "1,970,000 VND"},
		{formatMoney(-500, false), "-500 đ"},
		{formatArea(1440.5, false), "1.440,5 m²"},
		{formatArea(1440.5, true), "1,440.5 m²"},
		{formatPercent(12.5, false), "12,5 %"},
		{formatPercent(12.46, true), "12.5 %"},
		{formatPercent(100, false), "100 %"},
		{formatInt(1250000, true), "1,250,000"},
		{formatDay(time.Date(2025, 6, 30, 23, 30, 0, 0, time.UTC)), "01/07/2025"},
		{formatDateTime(time.Date(2025, 6, 30, 23, 30, 0, 0, time.UTC)), "01/07/2025 06:30"},
		{formatISODay("2026-12-06"), "06/12/2026"},
		{formatISODay(""), ""},
		{roleName(giamngheo.RoleCommuneOfficer, false), "Cán bộ xã"},
		{roleName(giamngheo.RoleCommuneOfficer, true), "Commune officer"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	for _, r := range giamngheo.Roles {
		if roleNamesEN[r] == "" {
			t.Errorf("role %s has no English name", r)
		}
	}
}

func TestPickerMatchesWithoutDiacritics(t *testing.T) {
	opts := []opt{{"10507", "Phường Thành Đông (10507)"}, {"10813", "Thị trấn Thanh Hà (10813)"}}
	for _, tc := range []struct {
		q    string
		want []string
	}{{"thanh dong", []string{"10507"}}, {"THANH", []string{"10507", "10813"}}, {"10813", []string{"10813"}}, {"xyz", nil}} {
		p := &picker{Query: tc.q}
		p.pickFrom(opts, "")
		var got []string
		for _, c := range p.Choices {
			got = append(got, c.Value)
		}
		if len(got) != len(tc.want) || (len(got) > 0 && got[0] != tc.want[0]) {
			t.Errorf("query %q: %v, want %v", tc.q, got, tc.want)
		}
	}
	// A single option is chosen by default; the chosen one always shows, first.
	p := &picker{}
	p.pickFrom(opts[:1], "")
	if len(p.Choices) != 1 || !p.Choices[0].Checked {
		t.Errorf("single option: %+v", p.Choices)
	}
	p = &picker{Query: "thanh ha"}
	p.pickFrom(opts, "10507")
	if len(p.Choices) != 2 || p.Choices[0].Value != "10507" || !p.Choices[0].Checked {
		t.Errorf("chosen first: %+v", p.Choices)
	}
}
