package svg

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

func TestBarChartIsWellFormedAndAccessible(t *testing.T) {
	c := &BarChart{ID: "rates", Title: "Tỷ lệ hộ nghèo <theo xã>", Desc: "Xã A 12,5 %; Xã B 3 %",
		Series: []Series{{Name: "Hộ nghèo"}, {Name: "Hộ cận nghèo"}},
		Bars: []Bar{{Label: "Xã A & B", Values: []float64{12.5, 4}, Texts: []string{"12,5 %", "4 %"}},
			{Label: "Xã C", Values: []float64{3, 0}, Texts: []string{"3 %", "0 %"}}}}
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
	for _, want := range []string{`role="img"`, `aria-labelledby="rates-t rates-d"`, `<title id="rates-t">Tỷ lệ hộ nghèo &lt;theo xã&gt;</title>`,
		`Xã A &amp; B`, `12,5 %`, `url(#rates-p1)`, `<pattern id="rates-p1"`} {
		if !strings.Contains(out, want) {
			t.Errorf("chart lacks %q:\n%s", want, out)
		}
	}
	// The longest bar is full length; the second series' zero draws no bar.
	if !strings.Contains(out, `width="330.0"`) || !strings.Contains(out, `width="0.0"`) {
		t.Errorf("bar lengths wrong:\n%s", out)
	}
}
