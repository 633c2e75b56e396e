package svg

import (
	"fmt"
	"html"
	"io"
	"math"
	"strings"
)

// LineChart is a line chart over a few points in time (years, rounds): one line per
// series, each told apart by its dash and its marker as well as by its colour, every
// value written beside its point. A missing value (NaN) breaks its line.
type LineChart struct {
	// ID makes the ids of the title and description unique in a page.
	ID, Title, Desc string
	Series          []Series
	// Labels are the points of the horizontal axis, in order.
	Labels []string
	// Values[s][i] is series s at point i; Texts[s][i] its written value.
	Values [][]float64
	Texts  [][]string
	// Max is the top of the vertical axis (0: the largest value, rounded up).
	Max float64
}

// Layout of a line chart, in viewBox units.
const (
	lineH      = 150 // height of the plotting area
	lineLeft   = 36  // room for the axis labels
	lineRight  = 24
	lineTop    = legendH + 14
	lineBottom = 22
)

// lineLooks are the series' looks: solid line with round markers, dashed with square
// markers, dotted with diamonds.
var lineLooks = []struct{ colour, dash, marker string }{
	{"#1f4e79", "", "circle"},
	{"#b35900", "6 4", "square"},
	{"#2e6b30", "2 3", "diamond"},
}

// niceMax rounds a largest value up to 1, 2, 2.5 or 5 times a power of ten.
func niceMax(v float64) float64 {
	if v <= 0 || math.IsNaN(v) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// Height is the chart's height in viewBox units.
func (c *LineChart) Height() int { return lineTop + lineH + lineBottom }

func marker(kind string, x, y float64, fill string) string {
	switch kind {
	case "square":
		return fmt.Sprintf(`<rect x="%.1f" y="%.1f" width="7" height="7" fill="%s"/>`, x-3.5, y-3.5, fill)
	case "diamond":
		return fmt.Sprintf(`<path d="M%.1f,%.1f l4.5,4.5 l-4.5,4.5 l-4.5,-4.5 z" fill="%s"/>`, x, y-4.5, fill)
	}
	return fmt.Sprintf(`<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"/>`, x, y, fill)
}

// Write writes the chart as an <svg> element; standalone adds the XML declaration of
// a file of its own (the download).
func (c *LineChart) Write(w io.Writer, standalone bool) error {
	var b strings.Builder
	esc := html.EscapeString
	h := c.Height()
	if standalone {
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	}
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="%s-t %s-d" class="chart" font-family="Arial, Helvetica, sans-serif" font-size="12">`,
		width, h, width, h, esc(c.ID), esc(c.ID))
	fmt.Fprintf(&b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, esc(c.ID), esc(c.Title), esc(c.ID), esc(c.Desc))
	// Legend: a short stretch of each line with its marker.
	x := 0
	for s, ser := range c.Series {
		l := lineLooks[s%len(lineLooks)]
		fmt.Fprintf(&b, `<line x1="%d" y1="11" x2="%d" y2="11" stroke="%s" stroke-width="2.5"%s/>%s<text x="%d" y="15" fill="#222">%s</text>`,
			x, x+22, l.colour, dashAttr(l.dash), marker(l.marker, float64(x+11), 11, l.colour), x+26, esc(ser.Name))
		x += 34 + 7*len([]rune(ser.Name))
	}
	max := c.Max
	if max <= 0 {
		for _, vs := range c.Values {
			for _, v := range vs {
				if !math.IsNaN(v) && v > max {
					max = v
				}
			}
		}
		max = niceMax(max)
	}
	plotW := float64(width - lineLeft - lineRight)
	xAt := func(i int) float64 {
		if len(c.Labels) <= 1 {
			return lineLeft + plotW/2
		}
		return lineLeft + plotW*float64(i)/float64(len(c.Labels)-1)
	}
	yAt := func(v float64) float64 { return lineTop + lineH - v/max*lineH }
	// Grid and axis: four steps, each labelled.
	for k := 0; k <= 4; k++ {
		v := max * float64(k) / 4
		y := yAt(v)
		stroke := "#ccc"
		if k == 0 {
			stroke = "#222"
		}
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="%s" stroke-width="0.6"/><text x="%d" y="%.1f" fill="#444" text-anchor="end">%s</text>`,
			lineLeft, y, width-lineRight+8, y, stroke, lineLeft-4, y+4, esc(trimNum(v)))
	}
	for i, l := range c.Labels {
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" fill="#222" text-anchor="middle">%s</text>`, xAt(i), lineTop+lineH+16, esc(l))
	}
	for s := range c.Series {
		if s >= len(c.Values) {
			break
		}
		l := lineLooks[s%len(lineLooks)]
		var path []string
		for i, v := range c.Values[s] {
			if i >= len(c.Labels) {
				break
			}
			if math.IsNaN(v) {
				if len(path) > 1 {
					fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2.5"%s/>`, strings.Join(path, " "), l.colour, dashAttr(l.dash))
				}
				path = nil
				continue
			}
			path = append(path, fmt.Sprintf("%.1f,%.1f", xAt(i), yAt(v)))
		}
		if len(path) > 1 {
			fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2.5"%s/>`, strings.Join(path, " "), l.colour, dashAttr(l.dash))
		}
		for i, v := range c.Values[s] {
			if i >= len(c.Labels) || math.IsNaN(v) {
				continue
			}
			px, py := xAt(i), yAt(v)
			b.WriteString(marker(l.marker, px, py, l.colour))
			t := ""
			if s < len(c.Texts) && i < len(c.Texts[s]) {
				t = c.Texts[s][i]
			}
			// The first series writes its values above its points, the others below,
			// or above the first one's where below would fall on the axis labels.
			ty := py - 7
			if s%2 == 1 {
				ty = py + 15
				if ty > lineTop+lineH-2 {
					ty = py - 7 - 13*float64(s)
				}
			}
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" fill="#222" text-anchor="middle">%s</text>`, px, ty, esc(t))
		}
	}
	b.WriteString("</svg>")
	_, err := io.WriteString(w, b.String())
	return err
}

func dashAttr(d string) string {
	if d == "" {
		return ""
	}
	return ` stroke-dasharray="` + d + `"`
}

// trimNum writes an axis value without needless decimals.
func trimNum(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".")
}
