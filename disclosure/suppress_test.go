package disclosure

import (
	"fmt"
	"strings"
	"testing"
)

// render draws a table with its mask as the public site would: cells, then the row
// total; the last line is the column totals and the grand total.
func render(t Table, m Mask) string {
	rows, cols, grand := t.Totals()
	f := func(n int64) string { return fmt.Sprint(n) }
	var b strings.Builder
	for i, r := range t.Cells {
		for j, v := range r {
			b.WriteString(Show(v, m.Cells[i][j], Threshold, f) + " ")
		}
		b.WriteString("| " + Show(rows[i], m.RowTotals[i], Threshold, f) + "\n")
	}
	for j, v := range cols {
		b.WriteString(Show(v, m.ColTotals[j], Threshold, f) + " ")
	}
	b.WriteString("| " + Show(grand, m.Grand, Threshold, f))
	return b.String()
}

// recoverable solves, as an attacker would, every row or column (with its total) that
// has one unknown left, again and again; it returns the suppressed numbers it finds.
func recoverable(t Table, m Mask) []string {
	rows, cols, grand := t.Totals()
	h, w := len(t.Cells), len(cols)
	known := make([][]bool, h+1)
	for i := range known {
		known[i] = make([]bool, w+1)
	}
	for i := range h {
		for j := range w {
			known[i][j] = m.Cells[i][j] == Shown
		}
		known[i][w] = m.RowTotals[i] == Shown
	}
	for j := range w {
		known[h][j] = m.ColTotals[j] == Shown
	}
	known[h][w] = m.Grand == Shown
	_ = rows
	_ = grand
	var found []string
	for changed := true; changed; {
		changed = false
		for i := 0; i <= h; i++ {
			unknown := -1
			n := 0
			for j := 0; j <= w; j++ {
				if !known[i][j] {
					unknown, n = j, n+1
				}
			}
			if n == 1 {
				known[i][unknown] = true
				found = append(found, fmt.Sprintf("row %d col %d", i, unknown))
				changed = true
			}
		}
		for j := 0; j <= w; j++ {
			unknown := -1
			n := 0
			for i := 0; i <= h; i++ {
				if !known[i][j] {
					unknown, n = i, n+1
				}
			}
			if n == 1 {
				known[unknown][j] = true
				found = append(found, fmt.Sprintf("row %d col %d", unknown, j))
				changed = true
			}
		}
	}
	return found
}

func TestSuppress(t *testing.T) {
	for _, tc := range []struct {
		name  string
		cells [][]int64
		want  string
	}{
		{"nothing small", [][]int64{{10, 20}, {30, 40}}, "10 20 | 30\n30 40 | 70\n40 60 | 100"},
		{"one small cell takes the smallest of its row and column, and their crossing",
			[][]int64{{3, 20, 50}, {30, 40, 60}, {35, 45, 70}},
			"<5 x 50 | 73\nx x 60 | 130\n35 45 70 | 150\n68 105 180 | 353"},
		{"a small row total hides its row and a partner row", [][]int64{{1, 2}, {30, 40}, {50, 60}},
			"<5 <5 | <5\nx x | x\n50 60 | 110\n81 102 | 183"},
		{"an empty table: every number is small", [][]int64{{0, 0}, {0, 0}}, "<5 <5 | <5\n<5 <5 | <5\n<5 <5 | <5"},
		{"one column: the cell and its row total are the same number", [][]int64{{2}, {30}, {40}},
			"<5 | <5\nx | x\n40 | 40\n72 | 72"},
		{"a zero counts as small", [][]int64{{0, 10}, {10, 10}}, "<5 x | 10\nx x | 20\n10 20 | 30"},
		{"one row", [][]int64{{3, 30, 40}}, "<5 x 40 | 73\n<5 x 40 | 73"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb := Table{Cells: tc.cells}
			m := Suppress(tb, Threshold)
			got := render(tb, m)
			if got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
			if r := recoverable(tb, m); len(r) > 0 {
				t.Errorf("suppressed numbers recoverable from the totals: %v\n%s", r, got)
			}
		})
	}
}

// TestSuppressNeverLeavesOneUnknown runs the suppression over many pseudo-random
// tables with small cells and checks that no suppressed number can be solved from a
// line, that every count under the threshold is hidden, and that nothing else is
// marked small.
func TestSuppressNeverLeavesOneUnknown(t *testing.T) {
	seed := uint32(7)
	next := func(n uint32) int64 {
		seed = seed*1664525 + 1013904223
		return int64((seed >> 8) % n)
	}
	for k := range 2000 {
		h, w := int(next(6))+1, int(next(4))+1
		cells := make([][]int64, h)
		for i := range cells {
			cells[i] = make([]int64, w)
			for j := range cells[i] {
				if next(3) == 0 {
					cells[i][j] = next(6)
				} else {
					cells[i][j] = next(200)
				}
			}
		}
		tb := Table{Cells: cells}
		m := Suppress(tb, Threshold)
		if r := recoverable(tb, m); len(r) > 0 {
			t.Fatalf("table %d: recoverable %v\n%s", k, r, render(tb, m))
		}
		for i, row := range cells {
			for j, v := range row {
				if (v < Threshold) != (m.Cells[i][j] == Small) {
					t.Fatalf("table %d: cell %d,%d = %d marked %d", k, i, j, v, m.Cells[i][j])
				}
			}
		}
	}
}

// TestRecoverableFindsPrimaryOnly checks the attacker's solver itself: hiding the
// small cell alone leaves it recoverable from its row total.
func TestRecoverableFindsPrimaryOnly(t *testing.T) {
	tb := Table{Cells: [][]int64{{3, 20}, {30, 40}}}
	m := Mask{Cells: [][]Mark{{Small, Shown}, {Shown, Shown}}, RowTotals: []Mark{Shown, Shown}, ColTotals: []Mark{Shown, Shown}}
	if r := recoverable(tb, m); len(r) == 0 {
		t.Fatal("a lone suppressed cell was not found recoverable")
	}
}

func TestShareShown(t *testing.T) {
	for _, c := range []struct {
		part, whole int64
		want        bool
	}{
		{0, 0, false}, {3, 3, false}, {0, 3, false}, {1, 3, false}, {2, 10, false}, {5, 10, true}, {6, 10, false},
		{10, 10, true}, {0, 10, true}, {50, 100, true}, {96, 100, false}, {11, 10, false},
	} {
		if got := ShareShown(c.part, c.whole, Threshold); got != c.want {
			t.Errorf("ShareShown(%d, %d) = %v, want %v", c.part, c.whole, got, c.want)
		}
	}
}
