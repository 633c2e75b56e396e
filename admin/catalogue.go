package admin

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"giamngheo"
)

// CatalogueRow is one unit read from a catalogue file, with the row it came from and
// the names of the columns its fields were read from, so that an error can point the
// user at the cell to fix. Empty column names default to the plain CSV's columns
// (code, name, level, parent_code).
type CatalogueRow struct {
	Unit        Unit
	Row         int // 1-based row in the file or sheet; the header is usually row 1
	CodeField   string
	NameField   string
	LevelField  string
	ParentField string
}

// CheckCatalogue checks the units read from one catalogue file (one date, so one
// version per code) and returns them in file order. It rejects an unknown level, an
// empty or non-numeric code, a code of the wrong length for its level (2/3/5 digits),
// an empty name, a duplicate code, a province with a parent, and a district or commune
// whose parent is missing from the same file or is of a level that cannot hold it
// (a district under a province; a commune under a district, or directly under its
// province since the two-tier government of 01/07/2025, Resolution 202/2025/QH15).
// Errors are EINVALID and name the file, the row and the column.
func CheckCatalogue(filename string, rows []CatalogueRow) ([]Unit, error) {
	type seen struct {
		row   int
		level Level
	}
	byCode := make(map[string]seen, len(rows))
	for i := range rows {
		r := &rows[i]
		u := &r.Unit
		if !u.Level.Valid() {
			return nil, RowError(filename, r.Row, or(r.LevelField, "level"),
				"cấp %q không hợp lệ (phải là province, district hoặc commune).",
				"unknown level %q (want province, district or commune).", string(u.Level))
		}
		if u.Code == "" {
			return nil, RowError(filename, r.Row, or(r.CodeField, "code"),
				"mã đơn vị trống.", "the unit code is empty.")
		}
		if !isDigits(u.Code) {
			return nil, RowError(filename, r.Row, or(r.CodeField, "code"),
				"mã %q chỉ được gồm chữ số.", "code %q must contain digits only.", u.Code)
		}
		if n := u.Level.CodeLength(); len(u.Code) != n {
			return nil, RowError(filename, r.Row, or(r.CodeField, "code"),
				"mã %[1]q của đơn vị cấp %[3]s phải có %[2]d chữ số.",
				"code %[1]q of a %[4]s must have %[2]d digits.", u.Code, n, u.Level.Label(), string(u.Level))
		}
		if strings.TrimSpace(u.Name) == "" {
			return nil, RowError(filename, r.Row, or(r.NameField, "name"),
				"tên của đơn vị %s trống.", "the name of unit %s is empty.", u.Code)
		}
		if prev, dup := byCode[u.Code]; dup {
			return nil, RowError(filename, r.Row, or(r.CodeField, "code"),
				"mã %q bị trùng (đã có ở dòng %d).", "duplicate code %q (already on row %d).", u.Code, prev.row)
		}
		byCode[u.Code] = seen{row: r.Row, level: u.Level}
	}
	units := make([]Unit, len(rows))
	for i := range rows {
		r := &rows[i]
		u := r.Unit
		field := or(r.ParentField, "parent_code")
		switch {
		case u.Level == LevelProvince && u.ParentCode != "":
			return nil, RowError(filename, r.Row, field,
				"tỉnh %s không được có đơn vị cấp trên (%q).", "province %s must not have a parent (%q).", u.Code, u.ParentCode)
		case u.Level != LevelProvince && u.ParentCode == "":
			return nil, RowError(filename, r.Row, field,
				"đơn vị %s thiếu mã đơn vị cấp trên.", "unit %s has no parent code.", u.Code)
		case u.Level != LevelProvince:
			p, ok := byCode[u.ParentCode]
			if !ok {
				return nil, RowError(filename, r.Row, field,
					"đơn vị cấp trên %q của đơn vị %s không có trong tệp.",
					"parent %q of unit %s is not in the file.", u.ParentCode, u.Code)
			}
			if p.level == LevelCommune || (u.Level == LevelDistrict && p.level != LevelProvince) {
				return nil, RowError(filename, r.Row, field,
					"đơn vị cấp %[3]s %[1]s không thể trực thuộc đơn vị cấp %[4]s %[2]s (dòng %[7]d).",
					"a %[5]s (%[1]s) cannot be under a %[6]s (%[2]s, row %[7]d).",
					u.Code, u.ParentCode, u.Level.Label(), p.level.Label(), string(u.Level), string(p.level), p.row)
			}
		}
		u.ValidFrom, u.ValidTo = "", ""
		units[i] = u
	}
	return units, nil
}

// unitColumns are the columns of the plain catalogue CSV, in file order.
var unitColumns = []string{"code", "name", "type", "level", "parent_code"}

// ParseCatalogue reads the plain catalogue CSV (header code,name,type,level,parent_code,
// in any column order; other columns are ignored) and checks it with CheckCatalogue.
// Names and types are put in Unicode NFC, so that a file saved with decomposed accents
// does not look like renamed units to Versioned.
// filename is only used in messages. Bad input gives an EINVALID error, never a panic.
func ParseCatalogue(r io.Reader, filename string) ([]Unit, error) {
	cr := csv.NewReader(r)
	col, err := readHeader(cr, filename, unitColumns)
	if err != nil {
		return nil, err
	}
	var rows []CatalogueRow
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		} else if err != nil {
			return nil, CSVError(filename, err)
		}
		line, _ := cr.FieldPos(0)
		if err := checkUTF8(filename, line, rec); err != nil {
			return nil, err
		}
		level := strings.TrimSpace(rec[col["level"]])
		if l, ok := ParseLevel(level); ok {
			level = string(l)
		}
		rows = append(rows, CatalogueRow{Row: line, Unit: Unit{
			Code:       strings.TrimSpace(rec[col["code"]]),
			Name:       norm.NFC.String(strings.TrimSpace(rec[col["name"]])),
			Type:       norm.NFC.String(strings.TrimSpace(rec[col["type"]])),
			Level:      Level(level),
			ParentCode: strings.TrimSpace(rec[col["parent_code"]]),
		}})
	}
	if len(rows) == 0 {
		return nil, FileError(filename, "tệp không có dòng dữ liệu nào.", "the file has no data rows.")
	}
	return CheckCatalogue(filename, rows)
}

// readHeader reads the header row of a plain CSV and returns the index of each wanted
// column. A missing or repeated column is an error; other columns are ignored.
func readHeader(cr *csv.Reader, filename string, want []string) (map[string]int, error) {
	header, err := cr.Read()
	if err == io.EOF {
		return nil, FileError(filename, "tệp trống.", "the file is empty.")
	} else if err != nil {
		return nil, CSVError(filename, err)
	}
	if err := checkUTF8(filename, 1, header); err != nil {
		return nil, err
	}
	col := make(map[string]int, len(header))
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))) // Excel writes a BOM
		if _, dup := col[h]; dup && h != "" {
			return nil, RowError(filename, 1, h, "cột bị lặp lại.", "the column appears twice.")
		}
		col[h] = i
	}
	for _, w := range want {
		if _, ok := col[w]; !ok {
			return nil, FileError(filename, "thiếu cột %q (dòng tiêu đề phải là %s).",
				"missing column %q (the header must be %s).", w, strings.Join(want, ","))
		}
	}
	return col, nil
}

// checkUTF8 rejects a row that is not UTF-8 text, which is what a CSV saved by Excel in
// a legacy Windows code page looks like.
func checkUTF8(filename string, row int, rec []string) error {
	for _, f := range rec {
		if !utf8.ValidString(f) {
			return RowError(filename, row, "", "tệp không phải văn bản UTF-8; hãy lưu lại dưới dạng \"CSV UTF-8\".",
				"the file is not UTF-8 text; save it again as \"CSV UTF-8\".")
		}
	}
	return nil
}

// RowError returns an EINVALID error about one cell of a file, naming the file, the row
// and the field (column) first, in Vietnamese then English. vi and en are formatted with
// the same args. The error's Field is set to field.
func RowError(filename string, row int, field, vi, en string, args ...any) *giamngheo.Error {
	e := giamngheo.Errorf(giamngheo.EINVALID, vi, en, args...)
	switch {
	case field == "":
		e.Message = fmt.Sprintf("Tệp %s, dòng %d: %s", filename, row, e.Message)
		e.MessageEN = fmt.Sprintf("File %s, row %d: %s", filename, row, e.MessageEN)
	default:
		e.Message = fmt.Sprintf("Tệp %s, dòng %d, cột %q: %s", filename, row, field, e.Message)
		e.MessageEN = fmt.Sprintf("File %s, row %d, field %q: %s", filename, row, field, e.MessageEN)
	}
	e.Field = field
	return e
}

// FileError returns an EINVALID error about a whole file (no row), naming the file.
func FileError(filename, vi, en string, args ...any) *giamngheo.Error {
	e := giamngheo.Errorf(giamngheo.EINVALID, vi, en, args...)
	e.Message = fmt.Sprintf("Tệp %s: %s", filename, e.Message)
	e.MessageEN = fmt.Sprintf("File %s: %s", filename, e.MessageEN)
	return e
}

// CSVError turns an error of encoding/csv (or of the reader under it) into an EINVALID
// error naming the file and the row where the faulty record starts.
func CSVError(filename string, err error) *giamngheo.Error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		e := FileError(filename, "không đọc được tệp.", "cannot read the file.")
		e.MessageEN = fmt.Sprintf("File %s: cannot read the file (%v).", filename, err)
		return e
	}
	switch {
	case errors.Is(pe.Err, csv.ErrFieldCount):
		return RowError(filename, pe.StartLine, "", "số cột khác với dòng tiêu đề.",
			"the number of fields differs from the header.")
	case errors.Is(pe.Err, csv.ErrQuote), errors.Is(pe.Err, csv.ErrBareQuote):
		return RowError(filename, pe.StartLine, "", "dấu ngoặc kép (\") đặt sai chỗ.", "a quote (\") is misplaced.")
	}
	return RowError(filename, pe.StartLine, "", "lỗi định dạng CSV.", "malformed CSV.")
}

// or returns s, or def when s is empty.
func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
