package vntext

import "testing"

func TestGroupedAndDecimal(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{{0, "0"}, {7, "7"}, {999, "999"}, {1000, "1.000"}, {1970000, "1.970.000"}, {-1234, "-1.234"}} {
		if got := Grouped(tc.n, '.'); got != tc.want {
			t.Errorf("Grouped(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
	for _, tc := range []struct {
		v      float64
		places int
		want   string
	}{{12.345, 2, "12,35"}, {1234.5, 1, "1.234,5"}, {50, 2, "50,00"}, {0, 2, "0,00"}, {-0.5, 2, "-0,50"}, {-1234.25, 2, "-1.234,25"}, {3, 0, "3"}} {
		if got := Decimal(tc.v, tc.places); got != tc.want {
			t.Errorf("Decimal(%v, %d) = %q, want %q", tc.v, tc.places, got, tc.want)
		}
	}
}
