package vntext

import "testing"

func TestParseDecimal(t *testing.T) {
	tests := []struct {
		in           string
		thousandDots bool
		want         float64
		ok           bool
	}{
		{"45", false, 45, true},
		{"45,5", false, 45.5, true},
		{"45.5", false, 45.5, true},
		{"1.234,5", false, 1234.5, true},
		{"1.440", false, 1.44, true},
		{"1.440", true, 1440, true},
		{"12.500.000", true, 12500000, true},
		{"0.125", true, 0.125, true},
		{"1 440", true, 1440, true},
		{" 360,5 ", true, 360.5, true},
		{"45.5", true, 45.5, true},
		{"abc", false, 0, false},
		{"NaN", false, 0, false},
		{"Inf", true, 0, false},
		{"", false, 0, false},
		{"1,2,3", false, 0, false},
	}
	for _, tt := range tests {
		got, err := ParseDecimal(tt.in, tt.thousandDots)
		if (err == nil) != tt.ok || tt.ok && got != tt.want {
			t.Errorf("ParseDecimal(%q, %v) = %v, %v; want %v ok=%v", tt.in, tt.thousandDots, got, err, tt.want, tt.ok)
		}
	}
}

func TestGroupedByThrees(t *testing.T) {
	for in, want := range map[string]bool{"48.000.000": true, "1.440": true, "-1.440": true, "45.5": false, "0.125": false,
		"1440": false, "1.44": false, "1.4400": false, "a.bcd": false, ".440": false} {
		if got := GroupedByThrees(in, '.'); got != want {
			t.Errorf("GroupedByThrees(%q) = %v", in, got)
		}
	}
	if !GroupedByThrees("48,000,000", ',') {
		t.Error("commas")
	}
}
