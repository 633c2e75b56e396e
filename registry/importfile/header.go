package importfile

import (
	"strconv"
	"strings"
)

// The header of an officer's list is one row of column names, or two: group titles
// merged across the columns they group ("Nhà ở" over "Tường", "Cột", "Mái"), with the
// names below them, and the columns that are not grouped merged down across both rows.
// A merged cell holds its text in its first cell only, which is what a sheet gives.
// Under the header a row may number the columns, "(1)", "(2)" … "(n)" as official
// forms do: it is skipped.

// headerMatch is a reading of one or two rows as the header.
type headerMatch struct {
	at    int      // index in Reader.buf of the (lower) header row
	row   int      // its row number
	upper int      // row number of the group titles above it, 0 for a one-row header
	texts []string // each file column's header as the officer reads it
	ids   []colID  // each file column's template column, noColumn when not recognised
	weak  []bool   // recognised by a fallback header only (see Column.fallbacks)
	n     int      // distinct template columns recognised
}

// lookupHeader returns the column a header names, and whether only a fallback header
// (one that gives way to a better one elsewhere in the file) does.
func lookupHeader(h string) (colID, bool, bool) {
	k := headerKey(h)
	if id, ok := headerIndex[k]; ok {
		return id, false, true
	}
	if id, ok := fallbackIndex[k]; ok {
		return id, true, true
	}
	return noColumn, false, false
}

// matchHeader reads lower as the header row, with upper the row of group titles
// above it (nil for a one-row header).
func matchHeader(lower, upper []string) headerMatch {
	n := max(len(lower), len(upper))
	m := headerMatch{texts: make([]string, n), ids: make([]colID, n), weak: make([]bool, n)}
	seen := map[colID]bool{}
	group, open := "", false // the group title over this column, if any
	for j := 0; j < n; j++ {
		sub, top := at(lower, j), at(upper, j)
		// A group spans its title's column and the columns right of it whose upper
		// cell is empty, as long as they have names below; a title with nothing below
		// it is one column merged down across both rows.
		switch {
		case top != "":
			group, open = top, sub != ""
		case sub == "":
			open = false
		}
		if !open {
			group = ""
		}
		id, weak, ok := noColumn, false, false
		text := sub
		switch {
		case sub != "":
			if id, weak, ok = lookupHeader(sub); !ok && group != "" {
				if id, weak, ok = lookupHeader(group + " " + sub); !ok {
					id, weak, ok = lookupHeader(sub + " " + group)
				}
			}
			if group != "" {
				text = group + " / " + sub
			}
		case top != "":
			text = top
			id, weak, ok = lookupHeader(top)
		}
		m.texts[j], m.ids[j], m.weak[j] = text, id, weak
		if ok && !seen[id] {
			seen[id] = true
			m.n++
		}
	}
	return m
}

func at(cells []string, j int) string {
	if j < len(cells) {
		return cells[j]
	}
	return ""
}

// findHeader reads the header among the first headerSearchRows rows read ahead: the
// row, or pair of rows, that names the most template columns; a pair only when it
// names more than either of its rows alone. Ties go to the row higher up.
func (r *Reader) findHeader() headerMatch {
	rows := make([][]string, min(len(r.buf), headerSearchRows+1))
	for i := range rows {
		rows[i] = make([]string, len(r.buf[i].cells))
		for j, c := range r.buf[i].cells {
			rows[i][j] = r.dec.text(c)
		}
	}
	ones := make([]headerMatch, len(rows))
	for i := range rows {
		ones[i] = matchHeader(rows[i], nil)
		ones[i].at, ones[i].row = i, r.buf[i].row
	}
	best := headerMatch{at: -1}
	for i := 0; i < len(rows) && i < headerSearchRows; i++ {
		if ones[i].n > best.n {
			best = ones[i]
		}
		if i+1 < len(rows) {
			two := matchHeader(rows[i+1], rows[i])
			if two.n > ones[i].n && two.n > ones[i+1].n && two.n > best.n {
				two.at, two.row, two.upper = i+1, r.buf[i+1].row, r.buf[i].row
				best = two
			}
		}
	}
	return best
}

// headerRows names the row, or rows, of a header for messages.
func (m headerMatch) rows() (vi, en string) {
	if m.upper > 0 {
		return "dòng " + strconv.Itoa(m.upper) + "–" + strconv.Itoa(m.row), "rows " + strconv.Itoa(m.upper) + "–" + strconv.Itoa(m.row)
	}
	return "dòng " + strconv.Itoa(m.row), "row " + strconv.Itoa(m.row)
}

// maxFoundColumns bounds the columns a message lists.
const maxFoundColumns = 40

// found lists the header's columns for a message: each as written, with its letter
// and what it was read as ("Họ tên" (C) = "Họ và tên"; "Năm sinh Nam" (E): not
// recognised).
func (m headerMatch) found() (vi, en string) {
	var v, e []string
	for j, t := range m.texts {
		if t == "" {
			continue
		}
		if len(v) == maxFoundColumns {
			v, e = append(v, "…"), append(e, "…")
			break
		}
		s := strconv.Quote(t) + " (" + letter(j) + ")"
		switch id := m.ids[j]; {
		case id == noColumn:
			v, e = append(v, s+": không nhận ra"), append(e, s+": not recognised")
		case headerKey(t) != headerKey(columns[id].Header):
			v, e = append(v, s+" = "+strconv.Quote(columns[id].Header)), append(e, s+" = "+strconv.Quote(columns[id].Header))
		default:
			v, e = append(v, s), append(e, s)
		}
	}
	if len(v) == 0 {
		return "không có ô nào", "no cell"
	}
	return strings.Join(v, "; "), strings.Join(e, "; ")
}

// isNumberingRow reports whether cells number the columns of the header above: at
// least three cells and half the header's columns, each a small number or a letter,
// bare or in brackets: "(1)", "2", "[3]", "(A)".
func isNumberingRow(cells []string, headerColumns int) bool {
	n := 0
	for _, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if !columnNumber(c) {
			return false
		}
		n++
	}
	return n >= 3 && 2*n >= headerColumns
}

// columnNumber reports whether s is "7", "(7)", "[7]", "7a", "(A)" or "A".
func columnNumber(s string) bool {
	if len(s) >= 2 && (s[0] == '(' && s[len(s)-1] == ')' || s[0] == '[' && s[len(s)-1] == ']') {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	switch {
	case len(s) == 1 && (s[0] >= 'A' && s[0] <= 'Z' || s[0] >= 'a' && s[0] <= 'z'):
		return true
	case len(s) == 0 || len(s) > 4:
		return false
	}
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	return digits > 0 && digits <= 3 && (digits == len(s) || digits == len(s)-1 && s[digits] >= 'a' && s[digits] <= 'z')
}
