// Package disclosure keeps published tables of counts from revealing small groups:
// primary suppression of every count under the threshold and complementary
// suppression so that no suppressed count can be recovered from the row and column
// totals that are shown. It is pure: a table in, a mask out.
package disclosure

// Threshold is the smallest count of households or persons the public site shows: a
// count under it is shown as "<5" (issue 17; the practice of statistical offices for
// tables of persons, cf. the Law on Statistics 2015, Art. 57.2: statistical
// information on an individual may not be disclosed without consent).
const Threshold = 5

// Table is a table of counts: Cells[row][column]. Its row totals, column totals and
// grand total are the sums of the cells; they are published with it.
type Table struct {
	Cells [][]int64
}

// Mark says whether a number is shown, and why not.
type Mark uint8

// The marks. A small count is shown as "<5"; a count hidden to protect a small one is
// shown as "x" (the sign statistical yearbooks use for confidential figures), so a
// reader never takes a hidden 120 for a number under 5.
const (
	Shown  Mark = iota
	Small       // under the threshold (primary suppression)
	Hidden      // hidden so that a small count cannot be recovered (complementary)
)

// Mask says which numbers of a table may not be shown.
type Mask struct {
	Cells     [][]Mark
	RowTotals []Mark
	ColTotals []Mark
	Grand     Mark
}

// Totals returns the row totals, the column totals and the grand total of t.
func (t Table) Totals() (rows, cols []int64, grand int64) {
	rows = make([]int64, len(t.Cells))
	for i, r := range t.Cells {
		if len(r) > len(cols) {
			cols = append(cols, make([]int64, len(r)-len(cols))...)
		}
		for j, v := range r {
			rows[i] += v
			cols[j] += v
			grand += v
		}
	}
	return rows, cols, grand
}

// cell addresses a number of the table with its margins: row len(Cells) is the row of
// column totals, column width is the column of row totals.
type cell struct{ i, j int }

// Suppress returns the mask of t at threshold: every number (cell or total) under
// threshold is suppressed (primary), then, until nothing changes, every line — a row
// with its total, a column with its total, the row of column totals with the grand
// total, the column of row totals with the grand total — that has exactly one
// suppressed number gets a second one: its smallest shown cell, a total only when no
// cell is left (complementary). A line with two or more unknowns cannot be solved for
// either of them from its sum. (It does not guard against bounds reasoning over
// several lines — an interval, not a value — nor against differencing two tables
// published for overlapping units; publish one level only.)
func Suppress(t Table, threshold int64) Mask {
	rows, cols, grand := t.Totals()
	h, w := len(t.Cells), len(cols)
	val := func(c cell) int64 {
		switch {
		case c.i == h && c.j == w:
			return grand
		case c.i == h:
			return cols[c.j]
		case c.j == w:
			return rows[c.i]
		case c.j < len(t.Cells[c.i]):
			return t.Cells[c.i][c.j]
		}
		return 0
	}
	sup := make([][]Mark, h+1)
	for i := range sup {
		sup[i] = make([]Mark, w+1)
		for j := range sup[i] {
			if val(cell{i, j}) < threshold {
				sup[i][j] = Small
			}
		}
	}
	var lines [][]cell
	for i := 0; i <= h; i++ {
		var l []cell
		for j := 0; j <= w; j++ {
			l = append(l, cell{i, j})
		}
		lines = append(lines, l)
	}
	for j := 0; j <= w; j++ {
		var l []cell
		for i := 0; i <= h; i++ {
			l = append(l, cell{i, j})
		}
		lines = append(lines, l)
	}
	for changed := true; changed; {
		changed = false
		for _, l := range lines {
			n := 0
			for _, c := range l {
				if sup[c.i][c.j] != Shown {
					n++
				}
			}
			if n != 1 {
				continue
			}
			// The line's total is its last number: prefer the smallest inner number.
			best := -1
			for k, c := range l[:len(l)-1] {
				if sup[c.i][c.j] == Shown && (best < 0 || val(c) < val(l[best])) {
					best = k
				}
			}
			if best < 0 {
				best = len(l) - 1
			}
			c := l[best]
			sup[c.i][c.j] = Hidden
			changed = true
		}
	}
	m := Mask{Cells: make([][]Mark, h), RowTotals: make([]Mark, h), ColTotals: make([]Mark, w), Grand: sup[h][w]}
	for i := range h {
		m.Cells[i] = sup[i][:len(t.Cells[i])]
		m.RowTotals[i] = sup[i][w]
	}
	for j := range w {
		m.ColTotals[j] = sup[h][j]
	}
	return m
}

// Show is how a count is published: the number, "<5" for a small count, "x" for a
// hidden one. format writes a shown number (thousands separators).
func Show(n int64, m Mark, threshold int64, format func(int64) string) string {
	switch m {
	case Small:
		return "<" + format(threshold)
	case Hidden:
		return "x"
	}
	return format(n)
}

// ShareShown reports whether a share part/whole of households or persons may be
// published: neither the part nor the rest may be a small group (1 to threshold−1),
// or the share would tell who they are to anyone who knows the list. None and all
// (0 and whole) tell nothing the list's published count does not.
func ShareShown(part, whole, threshold int64) bool {
	small := func(n int64) bool { return n > 0 && n < threshold }
	return whole > 0 && part >= 0 && part <= whole && !small(part) && !small(whole-part)
}
