package catalogue

import (
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"giamngheo/admin"
)

// unitTypes maps a folded unit type to its spelling and level. "thanh pho" is a
// province (a centrally-run city) or a district (a provincial city): see classify.
var unitTypes = map[string]struct {
	typ   string
	level admin.Level
}{
	"tinh":                 {"Tỉnh", admin.LevelProvince},
	"thanh pho trung uong": {"Thành phố Trung ương", admin.LevelProvince},
	"thanh pho":            {"Thành phố", ""},
	"huyen":                {"Huyện", admin.LevelDistrict},
	"quan":                 {"Quận", admin.LevelDistrict},
	"thi xa":               {"Thị xã", admin.LevelDistrict},
	"xa":                   {"Xã", admin.LevelCommune},
	"phuong":               {"Phường", admin.LevelCommune},
	"thi tran":             {"Thị trấn", admin.LevelCommune},
	// Special zones replace island districts from 01/07/2025 (Resolution 202/2025/QH15).
	"dac khu": {"Đặc khu", admin.LevelCommune},
}

// namePrefixes are the types a unit's name starts with, per level, longest first.
var namePrefixes = map[admin.Level][]string{
	admin.LevelProvince: {"thanh pho", "tinh"},
	admin.LevelDistrict: {"thanh pho", "thi xa", "huyen", "quan"},
	admin.LevelCommune:  {"thi tran", "dac khu", "phuong", "xa"},
}

// typeFromName returns the type a name starts with ("Thị xã Kinh Môn" → "Thị xã"), or
// "" when it starts with none. Exports with one row per commune give no type for the
// province and district, only their names.
func typeFromName(name string, level admin.Level) string {
	k := fold(name)
	for _, p := range namePrefixes[level] {
		if strings.HasPrefix(k, p+" ") {
			return unitTypes[p].typ
		}
	}
	return ""
}

// source yields rows with their row numbers, then io.EOF.
type source interface {
	next() (cells []string, row int, err error)
}

// headerScan is how many rows may precede the header (titles, dates, blank rows).
const headerScan = 20

// readTable finds the header in the first rows of src and reads the units below it.
// found is false when no header was recognised.
func readTable(src source, filename string) (units []admin.Unit, found bool, err error) {
	var l *layout
	for i := 0; i < headerScan && l == nil; i++ {
		cells, row, err := src.next()
		if err == io.EOF {
			return nil, false, nil
		} else if err != nil {
			return nil, false, err
		}
		if err := checkUTF8(filename, row, cells); err != nil {
			return nil, false, err
		}
		if l, err = detect(cells, filename, row); err != nil {
			return nil, false, err
		}
	}
	if l == nil {
		return nil, false, nil
	}
	b := builder{file: filename, l: l, at: map[string]int{}, rawParent: map[string]bool{}}
	for {
		cells, row, err := src.next()
		if err == io.EOF {
			break
		} else if err != nil {
			return nil, true, err
		}
		if err := checkUTF8(filename, row, cells); err != nil {
			return nil, true, err
		}
		if err := b.row(cells, row); err != nil {
			return nil, true, err
		}
	}
	if len(b.rows) == 0 {
		return nil, true, admin.FileError(filename, "tệp không có dòng dữ liệu nào.", "the file has no data rows.")
	}
	b.fixParents()
	units, err = admin.CheckCatalogue(filename, b.rows)
	return units, true, err
}

// builder collects the units of a table, once each: a province or district repeated on
// every commune row must read the same each time.
type builder struct {
	file string
	l    *layout
	rows []admin.CatalogueRow
	at   map[string]int // code → index in rows
	// rawParent marks the units whose parent was read from a "Mã cấp trên" column, as
	// written (fixParents pads them); the others' parents are padded codes already.
	rawParent map[string]bool
}

// row reads the units one row defines: its province, district and commune in the
// repeated GSO export; its one unit (plus any province or district columns) otherwise.
func (b *builder) row(cells []string, row int) error {
	l := b.l
	parent, parentField := "", ""
	if c := l.get(cells, provCode); c != "" {
		name := l.get(cells, provName)
		u := admin.Unit{Code: pad(c, admin.LevelProvince), Name: nfc(name), Level: admin.LevelProvince,
			Type: typeFromName(name, admin.LevelProvince)}
		if err := b.add(u, row, l.field(provCode), l.field(provName), l.field(provCode), ""); err != nil {
			return err
		}
		parent, parentField = u.Code, l.field(provCode)
	}
	if c := l.get(cells, distCode); c != "" {
		if parent == "" {
			return admin.RowError(b.file, row, l.field(provCode), "thiếu mã tỉnh của huyện %s.", "the district %s has no province code.", c)
		}
		name := l.get(cells, distName)
		u := admin.Unit{Code: pad(c, admin.LevelDistrict), Name: nfc(name), Level: admin.LevelDistrict,
			Type: typeFromName(name, admin.LevelDistrict), ParentCode: parent}
		if err := b.add(u, row, l.field(distCode), l.field(distName), l.field(distCode), parentField); err != nil {
			return err
		}
		parent, parentField = u.Code, l.field(distCode)
	}
	if c := l.get(cells, commCode); c != "" {
		if parent == "" {
			return admin.RowError(b.file, row, l.field(provCode), "thiếu mã tỉnh của xã %s.", "the commune %s has no province code.", c)
		}
		name := l.get(cells, commName)
		typ := typeFromName(name, admin.LevelCommune)
		if _, ok := l.col[unitCode]; !ok {
			if v := l.get(cells, unitLevel); v != "" { // Cấp is the commune's type here
				t, ok := unitTypes[fold(v)]
				if !ok || t.level != admin.LevelCommune {
					return admin.RowError(b.file, row, l.field(unitLevel),
						"cấp %q không phải loại đơn vị cấp xã (Xã, Phường, Thị trấn, Đặc khu).",
						"level %q is not a commune-level type (Xã, Phường, Thị trấn, Đặc khu).", v)
				}
				typ = t.typ
			}
		}
		u := admin.Unit{Code: pad(c, admin.LevelCommune), Name: nfc(name), Level: admin.LevelCommune, Type: typ, ParentCode: parent}
		if err := b.add(u, row, l.field(commCode), l.field(commName), l.field(unitLevel), parentField); err != nil {
			return err
		}
		parent, parentField = u.Code, l.field(commCode)
	}
	code := l.get(cells, unitCode)
	if code == "" {
		if _, ok := l.col[unitCode]; ok && (l.get(cells, unitName) != "" || l.get(cells, unitLevel) != "") {
			return admin.RowError(b.file, row, l.field(unitCode), "mã đơn vị trống.", "the unit code is empty.")
		}
		return nil // a blank row, or a row of the repeated export already read
	}
	if strings.TrimLeft(parent, "0") == strings.TrimLeft(code, "0") {
		parent = "" // the unit's own code in a province or district column
	}
	name := l.get(cells, unitName)
	level, typ, err := b.classify(cells, row, name, parent != "" || l.get(cells, parentCode) != "")
	if err != nil {
		return err
	}
	u := admin.Unit{Code: pad(code, level), Name: nfc(name), Level: level, Type: typ}
	if _, ok := l.col[parentCode]; ok {
		u.ParentCode, parentField = l.get(cells, parentCode), l.field(parentCode)
		b.rawParent[u.Code] = u.ParentCode != "" // padded in fixParents
	} else if level != admin.LevelProvince && parent != "" {
		u.ParentCode = parent // from the province or district columns of the row
	}
	return b.add(u, row, l.field(unitCode), l.field(unitName), l.field(unitLevel), parentField)
}

// classify returns the level and type of a one-row-per-unit row from its Cấp cell (a
// type such as "Huyện", a tier such as "Cấp huyện", or a level such as "district") and
// its Loại cell or name. hasParent tells whether the row names a unit above it.
func (b *builder) classify(cells []string, row int, name string, hasParent bool) (admin.Level, string, error) {
	l := b.l
	v := l.get(cells, unitLevel)
	k := fold(v)
	typ := l.get(cells, unitType)
	if t, ok := unitTypes[fold(typ)]; ok {
		typ = t.typ
	}
	level, ok := admin.ParseLevel(k)
	switch {
	case ok:
	case k == "cap tinh":
		level = admin.LevelProvince
	case k == "cap huyen":
		level = admin.LevelDistrict
	case k == "cap xa":
		level = admin.LevelCommune
	default:
		t, known := unitTypes[k]
		if !known {
			return "", "", admin.RowError(b.file, row, l.field(unitLevel),
				"cấp %q không hợp lệ (cần Tỉnh, Thành phố Trung ương, Huyện, Quận, Thị xã, Thành phố, Xã, Phường, Thị trấn hoặc Đặc khu).",
				"unknown level %q (want Tỉnh, Thành phố Trung ương, Huyện, Quận, Thị xã, Thành phố, Xã, Phường, Thị trấn or Đặc khu).", v)
		}
		level = t.level
		if level == "" { // "Thành phố": centrally-run (no parent) or provincial (has one)
			level = admin.LevelDistrict
			if !hasParent && len(l.get(cells, unitCode)) <= 2 {
				level = admin.LevelProvince
			}
		}
		if typ == "" {
			typ = t.typ
		}
	}
	if typ == "" {
		typ = typeFromName(name, level)
	}
	return level, typ, nil
}

// add records u unless the same unit was already read; a different unit under the same
// code is an error naming the first row.
func (b *builder) add(u admin.Unit, row int, codeField, nameField, levelField, parentField string) error {
	if i, ok := b.at[u.Code]; ok {
		prev := b.rows[i]
		if prev.Unit == u {
			return nil
		}
		return admin.RowError(b.file, row, codeField,
			"mã %s đã có ở dòng %d với nội dung khác (%s, %s, cấp trên %q; ở đây: %s, %s, cấp trên %q).",
			"code %s is already on row %d with other content (%s, %s, parent %q; here: %s, %s, parent %q).",
			u.Code, prev.Row, prev.Unit.Name, prev.Unit.Level.Label(), prev.Unit.ParentCode, u.Name, u.Level.Label(), u.ParentCode)
	}
	b.at[u.Code] = len(b.rows)
	b.rows = append(b.rows, admin.CatalogueRow{Unit: u, Row: row,
		CodeField: codeField, NameField: nameField, LevelField: levelField, ParentField: parentField})
	return nil
}

// pad restores the leading zeros Excel drops from a code stored as a number ("4" →
// "00004" for a commune). Anything that is not all digits is left for
// admin.CheckCatalogue to reject.
func pad(code string, level admin.Level) string {
	n := level.CodeLength()
	if len(code) >= n || strings.TrimLeft(code, "0123456789") != "" {
		return code
	}
	return strings.Repeat("0", n-len(code)) + code
}

// fixParents pads the parent codes read from a parent column that Excel stored as
// numbers. A district's parent is a
// province (2 digits). A commune's parent is a district (3 digits) in a catalogue that
// has districts, and its province (2 digits) in a two-tier catalogue, since 01/07/2025
// (Resolution 202/2025/QH15): GSO catalogues never mix the two.
func (b *builder) fixParents() {
	hasDistricts := false
	for _, r := range b.rows {
		hasDistricts = hasDistricts || r.Unit.Level == admin.LevelDistrict
	}
	for i := range b.rows {
		u := &b.rows[i].Unit
		switch {
		case !b.rawParent[u.Code] || u.Level == admin.LevelProvince:
		case u.Level == admin.LevelCommune && hasDistricts:
			u.ParentCode = pad(u.ParentCode, admin.LevelDistrict)
		default:
			u.ParentCode = pad(u.ParentCode, admin.LevelProvince)
		}
	}
}

// nfc puts a name in Unicode NFC.
func nfc(s string) string { return norm.NFC.String(s) }

// checkUTF8 rejects a row that is not UTF-8 text: a CSV saved in a Windows code page.
func checkUTF8(filename string, row int, cells []string) error {
	for _, c := range cells {
		if !utf8.ValidString(c) {
			return admin.RowError(filename, row, "", "tệp không phải văn bản UTF-8; hãy lưu lại dưới dạng \"CSV UTF-8\".",
				"the file is not UTF-8 text; save it again as \"CSV UTF-8\".")
		}
	}
	return nil
}
