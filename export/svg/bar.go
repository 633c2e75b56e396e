// Package svg draws the product's charts as SVG on the server: no script, no
// library, no CDN, so they work on a closed network, print, and scale to a phone.
// Each chart carries its title and a description (its text alternative), writes
// every value as text beside its bar and tells its series apart by pattern as well
// as by colour.
package svg

import (
	"fmt"
	"html"
	"io"
	"strings"
)

// Series is one kind of bar of a chart (poor, near-poor …).
type Series struct {
	Name string
}

// Bar is one labelled group of bars: one value per series, with the text written
// beside each bar (the formatted value).
type Bar struct {
	Label  string
	Values []float64
	Texts  []string
}

// BarChart is a horizontal bar chart: the label of each group above its bars, so that
// long unit names stay readable at 390 px.
type BarChart struct {
	// ID makes the ids of the title, description and patterns unique in a page.
	ID, Title, Desc string
	Series          []Series
	Bars            []Bar
	// Max is the value of a full-length bar (0: the largest value).
	Max float64
}

// Layout, in the units of the viewBox (CSS pixels at a 400 px width).
const (
	width      = 400
	labelH     = 18
	barH       = 14
	barGap     = 3
	groupGap   = 10
	legendH    = 24
	valueSpace = 70
)

// fills are the series' looks: solid dark blue, then hatched orange, then dotted
// green; a series is known by its pattern in print and for colour-blind readers.
var fills = []struct{ colour, pattern string }{
	{"#1f4e79", ""},
	{"#b35900", `<path d="M0,6 L6,0" stroke="#fff" stroke-width="2"/>`},
	{"#2e6b30", `<circle cx="3" cy="3" r="1.4" fill="#fff"/>`},
}

func (c *BarChart) fill(s int) string {
	f := fills[s%len(fills)]
	if f.pattern == "" {
		return f.colour
	}
	return fmt.Sprintf("url(#%s-p%d)", c.ID, s)
}

// Height is the chart's height in viewBox units.
func (c *BarChart) Height() int {
	n := len(c.Series)
	if n == 0 {
		n = 1
	}
	h := legendH + len(c.Bars)*(labelH+n*(barH+barGap)+groupGap)
	if len(c.Bars) == 0 {
		h += 30
	}
	return h
}

// Write writes the chart as an <svg> element; standalone adds the XML declaration and
// namespace of a file of its own (the download).
func (c *BarChart) Write(w io.Writer, standalone bool) error {
	var b strings.Builder
	esc := html.EscapeString
	h := c.Height()
	if standalone {
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	}
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="%s-t %s-d" class="chart" font-family="Arial, Helvetica, sans-serif" font-size="13">`,
		width, h, width, h, esc(c.ID), esc(c.ID))
	fmt.Fprintf(&b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, esc(c.ID), esc(c.Title), esc(c.ID), esc(c.Desc))
	b.WriteString("<defs>")
	for s := range c.Series {
		f := fills[s%len(fills)]
		if f.pattern != "" {
			fmt.Fprintf(&b, `<pattern id="%s-p%d" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="%s"/>%s</pattern>`, esc(c.ID), s, f.colour, f.pattern)
		}
	}
	b.WriteString("</defs>")
	// Legend.
	x := 0
	for s, ser := range c.Series {
		fmt.Fprintf(&b, `<rect x="%d" y="4" width="14" height="14" fill="%s" stroke="#222" stroke-width="0.5"/><text x="%d" y="16" fill="#222">%s</text>`, x, c.fill(s), x+18, esc(ser.Name))
		x += 24 + 8*len([]rune(ser.Name))
	}
	max := c.Max
	if max <= 0 {
		for _, bar := range c.Bars {
			for _, v := range bar.Values {
				if v > max {
					max = v
				}
			}
		}
	}
	y := legendH
	for _, bar := range c.Bars {
		fmt.Fprintf(&b, `<text x="0" y="%d" fill="#222">%s</text>`, y+labelH-5, esc(bar.Label))
		y += labelH
		for s := range c.Series {
			v := 0.0
			if s < len(bar.Values) {
				v = bar.Values[s]
			}
			l := 0.0
			if max > 0 && v > 0 {
				l = v / max * (width - valueSpace)
			}
			fmt.Fprintf(&b, `<rect x="0" y="%d" width="%.1f" height="%d" fill="%s"/>`, y, l, barH, c.fill(s))
			t := ""
			if s < len(bar.Texts) {
				t = bar.Texts[s]
			}
			fmt.Fprintf(&b, `<text x="%.1f" y="%d" fill="#222">%s</text>`, l+4, y+barH-3, esc(t))
			y += barH + barGap
		}
		y += groupGap
	}
	if len(c.Bars) == 0 {
		fmt.Fprintf(&b, `<text x="0" y="%d" fill="#222">–</text>`, y+16)
	}
	b.WriteString("</svg>")
	_, err := io.WriteString(w, b.String())
	return err
}
