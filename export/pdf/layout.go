package pdf

import (
	"fmt"
	"io"
	"strconv"

	"github.com/go-pdf/fpdf"
)

// Page geometry in millimetres. A4 portrait with the margins of an administrative
// document: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm (Decree
// 30/2020/NĐ-CP, Appendix I; not in regulations.md: check against the text). We take
// the smallest of each range so wide tables keep room.
const (
	pageW        = 210.0
	pageH        = 297.0
	marginLeft   = 30.0
	marginRight  = 15.0
	marginTop    = 20.0
	marginBottom = 20.0
	// A report in landscape (report tables): the long side across, the same top and
	// bottom, a left margin of 20 mm so that wide tables keep their columns readable.
	landscapeLeft = 20.0

	bodySize  = 11.0 // point size of running text
	tableSize = 9.0  // point size of table cells
	lineH     = 5.6  // line height of running text
	cellLineH = 4.4  // line height inside table cells
	cellPadY  = 1.2  // vertical padding inside table cells
)

// layout is a thin layer over fpdf that knows the conventions of a Vietnamese
// administrative document: the two-column header, the place-and-date line, centred
// titles, tables whose header repeats on every page, and signature blocks.
type layout struct {
	pdf *fpdf.Fpdf
	// The page's width and height and the left margin, in mm: A4 portrait, or
	// landscape for report tables.
	pageW, pageH, left float64
}

// contentW is the width between the margins.
func (l *layout) contentW() float64 { return l.pageW - l.left - marginRight }

// newLayout starts an A4 portrait document with the embedded fonts and one page.
func newLayout(title string) *layout { return newLayoutOriented(title, false) }

// newLayoutOriented is newLayout in portrait, or in landscape for a report table.
func newLayoutOriented(title string, landscape bool) *layout {
	orient, w, h, left := "P", pageW, pageH, marginLeft
	if landscape {
		orient, w, h, left = "L", pageH, pageW, landscapeLeft
	}
	p := fpdf.New(orient, "mm", "A4", "")
	p.SetMargins(left, marginTop, marginRight)
	p.SetAutoPageBreak(true, marginBottom)
	p.AddUTF8FontFromBytes(fontFamily, "", fontRegular)
	p.AddUTF8FontFromBytes(fontFamily, "B", fontBold)
	p.SetTitle(title, true)
	p.SetCreator("giamngheo", true)
	p.SetLineWidth(0.2)
	l := &layout{pdf: p, pageW: w, pageH: h, left: left}
	// The page number is printed in the top margin, centred, from page 2 on; the
	// first page has none (Decree 30/2020/NĐ-CP, Appendix I; check against the text).
	p.SetHeaderFunc(func() {
		if n := p.PageNo(); n > 1 {
			l.font(false, 10)
			p.SetXY(l.left, 10)
			p.CellFormat(l.contentW(), 5, strconv.Itoa(n), "", 0, "C", false, 0, "")
		}
		p.SetXY(l.left, marginTop)
	})
	p.AddPage()
	l.font(false, bodySize)
	return l
}

// font selects the regular or bold embedded font at size points.
func (l *layout) font(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	l.pdf.SetFont(fontFamily, style, size)
}

// output checks for an error recorded by fpdf and writes the document to w.
func (l *layout) output(w io.Writer) error {
	if err := l.pdf.Error(); err != nil {
		return fmt.Errorf("export/pdf: %w", err)
	}
	if err := l.pdf.Output(w); err != nil {
		return fmt.Errorf("export/pdf: write: %w", err)
	}
	return nil
}

// fit returns the largest size ≤ size (and ≥ 8 pt) at which s fits on one line of
// width w, so a long commune name shrinks before it wraps.
func (l *layout) fit(s string, bold bool, size, w float64) float64 {
	for ; size > 8; size -= 0.5 {
		l.font(bold, size)
		if l.pdf.GetStringWidth(s)+2*l.pdf.GetCellMargin() <= w {
			break
		}
	}
	return size
}

// centred writes s centred in the column [x, x+w] starting at y, shrinking it to
// fit and wrapping only if it still does not fit. It returns the y below the text.
func (l *layout) centred(x, y, w float64, s string, bold bool, size float64) float64 {
	size = l.fit(s, bold, size, w)
	l.font(bold, size)
	l.pdf.SetXY(x, y)
	l.pdf.MultiCell(w, size*0.5, s, "", "C", false)
	return l.pdf.GetY()
}

// rule draws a short horizontal line of length n centred in [x, x+w] at y.
func (l *layout) rule(x, w, y, n float64) {
	l.pdf.Line(x+(w-n)/2, y, x+(w+n)/2, y)
}

// header is the two-column head of an administrative document.
type header struct {
	Upper     string // body above the issuer, e.g. "ỦY BAN NHÂN DÂN"
	Lower     string // the issuer, e.g. "XÃ THANH HẢI" (bold, underlined)
	Number    string // "12/GCN-HN.HCN"; "" prints no number line
	PlaceDate string // "Thanh Hải, ngày 05 tháng 12 năm 2025"; "" prints none
}

// Column widths of the header.
const (
	headLeftW = 68.0
)

// adminHeader writes the issuer on the left and the national title and motto on the
// right, each with a short rule under it, then the number and the place-and-date line
// on one row (Decree 30/2020/NĐ-CP, Appendix I, items on the national title, the
// issuer, the number and the place and date; check against the text).
func (l *layout) adminHeader(h header) {
	p := l.pdf
	y0 := p.GetY()
	headRightW := l.contentW() - headLeftW
	xl, xr := l.left-8, l.left+headLeftW-8 // the header uses part of the left margin, as printed forms do
	wl := headLeftW

	y := l.centred(xl, y0, wl, oneLine(h.Upper), false, 11)
	y = l.centred(xl, y, wl, oneLine(h.Lower), true, 11)
	l.rule(xl, wl, y+0.8, 22)
	yl := y + 2.5

	yr := l.centred(xr, y0, headRightW+8, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, 11)
	motto := "Độc lập - Tự do - Hạnh phúc"
	yr = l.centred(xr, yr, headRightW+8, motto, true, 11.5)
	l.font(true, 11.5)
	l.rule(xr, headRightW+8, yr+0.8, p.GetStringWidth(motto))
	yr += 2.5

	y = max(yl, yr) + 1
	if h.Number != "" {
		l.centred(xl, y, wl, "Số: "+oneLine(h.Number), false, 11)
	}
	if h.PlaceDate != "" {
		l.centred(xr, y, headRightW+8, oneLine(h.PlaceDate), false, 11)
	}
	if h.Number != "" || h.PlaceDate != "" {
		y += lineH + 1
	}
	p.SetXY(l.left, y+4)
}

// title writes centred bold lines: the first large, the rest at body size.
func (l *layout) title(lines ...string) {
	for i, s := range lines {
		size := bodySize
		if i == 0 {
			size = 13
		}
		l.font(true, size)
		l.pdf.SetX(l.left)
		l.pdf.MultiCell(l.contentW(), size*0.5, oneLine(s), "", "C", false)
	}
	l.pdf.Ln(3)
	l.font(false, bodySize)
}

// style is how para writes a paragraph.
type style struct {
	bold   bool
	size   float64 // 0 = bodySize
	align  string  // "" = left
	indent float64 // left indent in mm
}

// para writes a wrapped paragraph at the full content width.
func (l *layout) para(s string, st style) {
	size := st.size
	if size == 0 {
		size = bodySize
	}
	align := st.align
	if align == "" {
		align = "L"
	}
	l.font(st.bold, size)
	l.pdf.SetX(l.left + st.indent)
	l.pdf.MultiCell(l.contentW()-st.indent, size*0.51, clean(s), "", align, false)
	l.pdf.Ln(0.8)
	l.font(false, bodySize)
}

// run is a piece of a line with its own weight.
type run struct {
	text string
	bold bool
}

// runs writes pieces of text one after another, wrapping as running text, then ends
// the line: "Họ và tên chủ hộ: " regular followed by the name in bold.
func (l *layout) runs(rs ...run) {
	l.pdf.SetX(l.left)
	for _, r := range rs {
		l.font(r.bold, bodySize)
		l.pdf.Write(lineH, oneLine(r.text)+" ")
	}
	l.pdf.Ln(lineH + 0.8)
	l.font(false, bodySize)
}

// space adds vertical space, or starts a new page when less than need mm is left.
func (l *layout) space(gap, need float64) {
	if l.pdf.GetY()+gap+need > l.pageH-marginBottom {
		l.pdf.AddPage()
		return
	}
	l.pdf.Ln(gap)
}

// newPage starts a new page.
func (l *layout) newPage() {
	l.pdf.AddPage()
	l.font(false, bodySize)
}
