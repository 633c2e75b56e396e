package pdf

// column is one column of a table.
type column struct {
	title string  // header text
	group string  // a header spanning consecutive columns with the same group ("Năm sinh" over "Nam", "Nữ")
	w     float64 // relative width; the widths are scaled to the content width
	align string  // "L", "C" or "R" for the cells (the header is always centred)
}

// table draws rows with borders, wraps cell text, and repeats the header row at the
// top of every page it runs onto, so each printed page of a long list can be read
// (and posted) on its own.
type table struct {
	l       *layout
	cols    []column
	widths  []float64
	grouped bool
	// minLines is the least number of text lines of a row: 2 leaves room for a
	// hand-written signature.
	minLines int
}

// newTable scales the column widths to the content width and draws the header,
// first moving to a new page if the header and one row would not fit.
func (l *layout) newTable(cols []column) *table {
	t := &table{l: l, cols: cols}
	var sum float64
	for _, c := range cols {
		sum += c.w
		if c.group != "" {
			t.grouped = true
		}
	}
	for _, c := range cols {
		t.widths = append(t.widths, c.w/sum*l.contentW())
	}
	if l.pdf.GetY()+t.headerHeight()+cellLineH+2*cellPadY > l.pageH-marginBottom {
		l.newPage()
	}
	t.header()
	return t
}

// maxCellLines caps the lines of one cell, so that a runaway note cannot make a row
// taller than a page.
const maxCellLines = 30

// lines splits s into the lines that fit column i, at least one and at most
// maxCellLines (the last one then ends with "…").
func (t *table) lines(i int, s string) []string {
	ls := t.l.pdf.SplitText(s, t.widths[i])
	if len(ls) == 0 {
		return []string{""}
	}
	if len(ls) > maxCellLines {
		ls = ls[:maxCellLines]
		ls[maxCellLines-1] += "…"
	}
	return ls
}

// headerHeight is the height of the header of t.
func (t *table) headerHeight() float64 {
	t.l.font(true, tableSize)
	n := 1
	for i, c := range t.cols {
		n = max(n, len(t.lines(i, c.title)))
	}
	h := float64(n)*cellLineH + 2*cellPadY
	if t.grouped {
		h += cellLineH + 2*cellPadY
	}
	return h
}

// header draws the header row (two rows when some columns are grouped).
func (t *table) header() {
	p := t.l.pdf
	h := t.headerHeight()
	sub := h
	if t.grouped {
		sub = h - (cellLineH + 2*cellPadY)
	}
	p.SetFillColor(235, 235, 235)
	x, y := t.l.left, p.GetY()
	for i := 0; i < len(t.cols); {
		c := t.cols[i]
		if c.group == "" {
			t.cell(x, y, t.widths[i], h, t.lines(i, c.title), "C", true)
			x += t.widths[i]
			i++
			continue
		}
		// A group: its title over the full width of its columns, the columns below.
		gw, j := 0.0, i
		for ; j < len(t.cols) && t.cols[j].group == c.group; j++ {
			gw += t.widths[j]
		}
		t.cell(x, y, gw, h-sub, []string{c.group}, "C", true)
		for k := i; k < j; k++ {
			t.cell(x, y+h-sub, t.widths[k], sub, t.lines(k, t.cols[k].title), "C", true)
			x += t.widths[k]
		}
		i = j
	}
	p.SetXY(t.l.left, y+h)
	t.l.font(false, tableSize)
}

// cell draws a bordered box with lines of text centred vertically.
func (t *table) cell(x, y, w, h float64, lines []string, align string, fill bool) {
	p := t.l.pdf
	style := "D"
	if fill {
		style = "FD"
	}
	p.Rect(x, y, w, h, style)
	ty := y + (h-float64(len(lines))*cellLineH)/2
	for i, s := range lines {
		p.SetXY(x, ty+float64(i)*cellLineH)
		p.CellFormat(w, cellLineH, s, "", 0, align, false, 0, "")
	}
}

// row draws one row; cells beyond the columns are ignored, missing cells are blank.
// When the row does not fit on the page, a new page is started and the header
// repeated first.
func (t *table) row(bold bool, cells ...string) {
	p := t.l.pdf
	t.l.font(bold, tableSize)
	split := make([][]string, len(t.cols))
	n := max(1, t.minLines)
	for i := range t.cols {
		s := ""
		if i < len(cells) {
			s = oneLine(cells[i])
		}
		split[i] = t.lines(i, s)
		n = max(n, len(split[i]))
	}
	h := float64(n)*cellLineH + 2*cellPadY
	// A row taller than a page is drawn where it is rather than looping on new pages.
	top := marginTop + t.headerHeight()
	if p.GetY()+h > t.l.pageH-marginBottom-0.01 && p.GetY() > top+0.01 {
		t.l.newPage()
		t.header()
	}
	t.l.font(bold, tableSize)
	x, y := t.l.left, p.GetY()
	for i, c := range t.cols {
		align := c.align
		if align == "" {
			align = "L"
		}
		t.cell(x, y, t.widths[i], h, split[i], align, false)
		x += t.widths[i]
	}
	p.SetXY(t.l.left, y+h)
}

// end leaves a little space under the table and restores the body font.
func (t *table) end() {
	t.l.pdf.Ln(2)
	t.l.font(false, bodySize)
}
