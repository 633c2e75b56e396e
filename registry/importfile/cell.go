package importfile

import (
	"strconv"
	"time"

	"giamngheo/registry"
	"giamngheo/vntext"
)

// decoded is a cell's text and how it was read.
type decoded struct {
	text string
	how  reading
}

// maxCache bounds the decoded-cell cache; past it, cells are decoded each time.
const maxCache = 4096

// cell returns the decoded text of column id in row, "" when absent.
func (r *Reader) cell(row *rawRow, id colID) string {
	v, _ := r.decode(id, r.raw(row, id))
	return v
}

// decode returns the text of a raw cell of column id and how it was read, from the
// cache for the closed-list columns.
func (r *Reader) decode(id colID, raw string) (string, reading) {
	if raw == "" {
		return "", reading{}
	}
	if !cached[id] {
		return r.dec.cell(raw)
	}
	if d, ok := r.cache[raw]; ok {
		return d.text, d.how
	}
	v, how := r.dec.cell(raw)
	if closed[id] {
		v, how = r.answer(id, raw, v, how)
	}
	if len(r.cache) < maxCache {
		if r.cache == nil {
			r.cache = map[string]decoded{}
		}
		r.cache[raw] = decoded{v, how}
	}
	return v, how
}

// answer settles the reading of a closed-list cell that letters alone cannot: "Cã"
// reads as a Unicode syllable but is TCVN3 "Có", and TCVN3 "Vî" (Vợ) reads as VNI
// "Vỵ" too. When the text read is not an allowed value and exactly one other reading
// of the cell is, that reading is the cell's.
func (r *Reader) answer(id colID, raw, v string, how reading) (string, reading) {
	if isASCII(raw) || accepts(id, v) && !how.undecided {
		return v, how
	}
	found, n := decoded{}, 0
	for _, e := range []vntext.Encoding{vntext.UTF8, vntext.TCVN3, vntext.VNI} {
		t := vntext.Clean(vntext.Decode([]byte(raw), e))
		if t == v && !how.undecided || !accepts(id, t) || n > 0 && t == found.text {
			continue
		}
		if e == r.dec.enc || e == vntext.UTF8 {
			e = vntext.Unknown // read as the file is, or as the Unicode it is: nothing to report
		}
		found, n = decoded{t, reading{enc: e}}, n+1
	}
	if n == 1 {
		return found.text, found.how
	}
	return v, how
}

// accepts reports whether v is an allowed value of the closed-list column id.
func accepts(id colID, v string) bool {
	if columns[id].Level == HouseholdLevel {
		var h registry.Household
		return setHousehold(&h, id, v) == nil
	}
	var m registry.Member
	return setMember(&m, id, v, time.Time{}) == nil
}

// cached marks the columns whose cells take few distinct values.
var cached = func() (c [numCols]bool) {
	for _, col := range columns {
		c[col.id] = closed[col.id] || col.id == colEthnicity
	}
	return c
}()

// closed marks the columns whose values come from a list.
var closed = func() (c [numCols]bool) {
	for _, col := range columns {
		c[col.id] = col.Allowed != "" || col.id == colSex || col.id == colRelation
	}
	return c
}()

// cellRef names a cell as Excel does: "D5".
func (r *Reader) cellRef(id colID, row int) string {
	return letter(r.colIdx[id]) + strconv.Itoa(row)
}

// pastedCell is a cell of the current row decoded from a legacy encoding.
type pastedCell struct {
	id       colID
	raw, got string
	enc      vntext.Encoding
}

// read checks how the cell of column id on row was read: an undecided cell is an
// error on the household, and its text is not used (false); a cell decoded from a
// legacy encoding is kept for the row's warning.
func (b *builder) read(row int, id colID, raw, v string, how reading) bool {
	switch {
	case how.undecided:
		b.issue(row, id, problemf("ô %s có chữ không đọc được (%q): có lẽ là chữ dán từ văn bản cũ (phông .VnTime – TCVN3, hoặc VNI-Times) mà không xác định được bảng mã; hãy gõ lại ô này bằng Unicode",
			"cell %s has unreadable text (%q): probably text pasted from an old document (.VnTime – TCVN3, or VNI-Times fonts) whose encoding cannot be decided; retype this cell in Unicode",
			b.r.cellRef(id, row), shown(raw)))
		return false
	case how.enc != vntext.Unknown:
		b.pasted = append(b.pasted, pastedCell{id, raw, v, how.enc})
	}
	return true
}

// flushPasted writes one warning for the cells of row that were decoded from a legacy
// encoding, naming each.
func (b *builder) flushPasted(row int) {
	if len(b.pasted) == 0 {
		return
	}
	var vi, en string
	for i, p := range b.pasted {
		if i > 0 {
			vi, en = vi+"; ", en+"; "
		}
		ref := b.r.cellRef(p.id, row)
		s := ref + " " + strconv.Quote(shown(p.raw)) + " → " + strconv.Quote(p.got) + " (" + p.enc.String() + ")"
		vi, en = vi+s, en+s
	}
	id := noColumn
	if len(b.pasted) == 1 {
		id = b.pasted[0].id
	}
	b.issue(row, id, &problem{warning: true,
		vi: "chữ dán từ văn bản cũ (phông .VnTime – TCVN3, hoặc VNI-Times) đã được chuyển sang Unicode ở các ô: " + vi + "; hãy kiểm tra",
		en: "text pasted from an old document (.VnTime – TCVN3, or VNI-Times fonts) was converted to Unicode in the cells: " + en + "; please check"})
	b.pasted = b.pasted[:0]
}

// shown is a raw cell as the officer saw it: legacy bytes (a CSV line pasted from an
// old file) as Windows-1252 shows them, "Tr§n" rather than "Tr\xa7n".
func shown(raw string) string {
	return vntext.Clean(vntext.Decode([]byte(raw), vntext.Unknown))
}
