package catalogue

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"giamngheo/admin"
)

// role is what a column holds.
type role int

const (
	provCode   role = iota + 1 // Mã TP
	provName                   // Tỉnh / Thành Phố
	distCode                   // Mã QH
	distName                   // Quận Huyện
	commCode                   // Mã PX
	commName                   // Phường Xã
	unitCode                   // Mã (one row per unit)
	unitName                   // Tên
	unitLevel                  // Cấp: a unit type (Tỉnh, Huyện, Xã …) or a level
	unitType                   // Loại: a unit type, when Cấp holds the level
	parentCode                 // Mã cấp trên
)

// headerRoles maps a folded header (see key) to its role. Other columns (Tên Tiếng Anh,
// STT, Ghi chú …) are ignored.
var headerRoles = map[string]role{
	"ma tp": provCode, "ma tinh": provCode, "ma tinh tp": provCode, "ma tinh thanh pho": provCode,
	"tinh thanh pho": provName, "tinh tp": provName, "tinh": provName, "ten tinh": provName,
	"ten tp": provName, "ten tinh thanh pho": provName, "ten tinh tp": provName,
	"ma qh": distCode, "ma huyen": distCode, "ma quan huyen": distCode,
	"quan huyen": distName, "huyen": distName, "ten huyen": distName, "ten qh": distName,
	"ten quan huyen": distName,
	"ma px":          commCode, "ma xa": commCode, "ma phuong xa": commCode,
	"phuong xa": commName, "xa": commName, "ten xa": commName, "ten px": commName,
	"ten phuong xa": commName,
	"ma":            unitCode, "code": unitCode, "ma dvhc": unitCode, "ma don vi": unitCode,
	"ma don vi hanh chinh": unitCode, "ma so": unitCode,
	"ten": unitName, "name": unitName, "ten dvhc": unitName, "ten don vi": unitName,
	"ten don vi hanh chinh": unitName,
	"cap":                   unitLevel, "level": unitLevel, "cap hanh chinh": unitLevel, "cap dvhc": unitLevel,
	"type": unitType, "loai": unitType, "loai hinh": unitType, "loai don vi": unitType,
	"ma cap tren": parentCode, "ma don vi cap tren": parentCode, "ma dvhc cap tren": parentCode,
	"ma dv cap tren": parentCode, "ma truc thuoc": parentCode, "ma cha": parentCode,
	"parent code": parentCode, "parent": parentCode,
}

// key folds a header for matching: no diacritics, lower case, punctuation as spaces,
// single spaces ("Tỉnh / Thành Phố" → "tinh thanh pho", "parent_code" → "parent code").
func key(h string) string {
	h = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			return r
		}
		return ' '
	}, norm.NFD.String(h))
	return fold(h)
}

// layout is a recognised header: the column of each role and the header texts.
type layout struct {
	col    map[role]int
	header []string
}

// detect recognises a header row. It returns nil when the row is not a catalogue
// header, and an error when it is one but is unusable (a repeated column, a code
// column without its name column).
func detect(cells []string, filename string, row int) (*layout, error) {
	l := &layout{col: map[role]int{}, header: cells}
	for i, c := range cells {
		r, ok := headerRoles[key(c)]
		if !ok {
			continue
		}
		if j, dup := l.col[r]; dup {
			return nil, admin.RowError(filename, row, strings.TrimSpace(c),
				"cột này trùng nghĩa với cột %q.", "this column means the same as column %q.", strings.TrimSpace(cells[j]))
		}
		l.col[r] = i
	}
	has := func(r role) bool { _, ok := l.col[r]; return ok }
	if !(has(unitCode) && has(unitName) && has(unitLevel)) && !has(commCode) && !(has(provCode) && has(provName)) {
		return nil, nil
	}
	for _, p := range [][2]role{{provCode, provName}, {distCode, distName}, {commCode, commName}} {
		if has(p[0]) && !has(p[1]) {
			return nil, admin.RowError(filename, row, l.field(p[0]),
				"thiếu cột tên đi kèm cột mã này.", "the name column that goes with this code column is missing.")
		}
	}
	return l, nil
}

// field returns the header text of a role's column, for messages.
func (l *layout) field(r role) string {
	if i, ok := l.col[r]; ok {
		return strings.TrimSpace(l.header[i])
	}
	return ""
}

// get returns the trimmed cell of a role's column in cells ("" when absent).
func (l *layout) get(cells []string, r role) string {
	i, ok := l.col[r]
	if !ok || i >= len(cells) {
		return ""
	}
	return strings.TrimSpace(cells[i])
}
