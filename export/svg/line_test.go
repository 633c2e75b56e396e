package svg

import (
	"encoding/xml"
	"io"
	"math"
	"strings"
	"testing"
)

func TestLineChartIsWellFormedAndAccessible(t *testing.T) {
	c := &LineChart{ID: "trend", Title: "Tỷ lệ hộ nghèo <qua các năm>", Desc: "2024: 3 %; 2026: 2 %",
		Series: []Series{{Name: "Hộ nghèo"}, {Name: "Hộ cận nghèo"}},
		Labels: []string{"2024", "2025", "2026"},
		Values: [][]float64{{4, math.NaN(), 2}, {3, 3.5, 1}},
		Texts:  [][]string{{"4 %", "", "2 %"}, {"3 %", "3,5 %", "1 %"}}}
	var b strings.Builder
	if err := c.Write(&b, true); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	d := xml.NewDecoder(strings.NewReader(out))
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, out)
		}
	}
	for _, want := range []string{`role="img"`, `aria-labelledby="trend-t trend-d"`, `&lt;qua các năm&gt;`, `stroke-dasharray="6 4"`, ">3,5 %<", ">2026<", "<rect"} {
		if !strings.Contains(out, want) {
			t.Errorf("chart lacks %q:\n%s", want, out)
		}
	}
	// The first series has a gap: no line joins 2024 and 2026 (only the second
	// series' three points make a polyline).
	if n := strings.Count(out, "<polyline"); n != 1 {
		t.Errorf("%d polylines, want 1 (the broken series draws none)", n)
	}
	// The axis tops at a round value above the largest (4 → 5).
	if !strings.Contains(out, `>5</text>`) {
		t.Errorf("axis top is not 5:\n%s", out)
	}
}

func TestNiceMax(t *testing.T) {
	for v, want := range map[float64]float64{0: 1, 0.7: 1, 3.2: 5, 12: 20, 21: 25, 26: 50, 100: 100, 101: 200} {
		if got := niceMax(v); got != want {
			t.Errorf("niceMax(%v) = %v, want %v", v, got, want)
		}
	}
}
