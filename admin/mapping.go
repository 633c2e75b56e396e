package admin

import (
	"encoding/csv"
	"io"
	"strings"
)

// Kinds of mapping rows.
const (
	MappingFull    = "full"    // the whole old commune went to the new one
	MappingPartial = "partial" // the old commune was split: place households by village or address
)

// mappingColumns are the columns of the old→new commune mapping CSV.
var mappingColumns = []string{"old_code", "old_name", "new_code", "new_name", "kind"}

// ParseMappings reads the old→new commune mapping CSV (header
// old_code,old_name,new_code,new_name,kind). New codes are 5-digit commune codes; old
// codes are commune codes or, for an island district that had no communes, its 3-digit
// district code. Kind is "full" or "partial", and an (old, new) pair may appear once. It does not check the
// codes against a catalogue: the caller knows which catalogues the mapping joins.
func ParseMappings(r io.Reader, filename string) ([]Mapping, error) {
	cr := csv.NewReader(r)
	col, err := readHeader(cr, filename, mappingColumns)
	if err != nil {
		return nil, err
	}
	type pair struct{ old, new string }
	seen := map[pair]int{}
	var out []Mapping
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
		m := Mapping{
			OldCode: strings.TrimSpace(rec[col["old_code"]]),
			OldName: strings.TrimSpace(rec[col["old_name"]]),
			NewCode: strings.TrimSpace(rec[col["new_code"]]),
			NewName: strings.TrimSpace(rec[col["new_name"]]),
			Kind:    strings.ToLower(strings.TrimSpace(rec[col["kind"]])),
		}
		// The old side is a commune, or one of the five island districts that had no
		// communes (318 Bạch Long Vĩ, 471 Cồn Cỏ, 498 Hoàng Sa, 536 Lý Sơn, 755 Côn Đảo in
		// the embedded mapping), each of which became a special zone (đặc khu) on
		// 01/07/2025 (Resolution 202/2025/QH15 and the UBTVQH resolutions per province).
		if !isDigits(m.OldCode) || (len(m.OldCode) != LevelCommune.CodeLength() && len(m.OldCode) != LevelDistrict.CodeLength()) {
			return nil, RowError(filename, line, "old_code", "mã cũ %q phải là mã xã (5 chữ số) hoặc mã huyện không có xã (3 chữ số).",
				"old code %q must be a commune code (5 digits) or the code of a district without communes (3 digits).", m.OldCode)
		}
		if !isDigits(m.NewCode) || len(m.NewCode) != LevelCommune.CodeLength() {
			return nil, RowError(filename, line, "new_code", "mã xã mới %q phải gồm đúng 5 chữ số.",
				"new commune code %q must be exactly 5 digits.", m.NewCode)
		}
		if m.Kind != MappingFull && m.Kind != MappingPartial {
			return nil, RowError(filename, line, "kind", "loại %q không hợp lệ (phải là full hoặc partial).",
				"unknown kind %q (want full or partial).", m.Kind)
		}
		k := pair{m.OldCode, m.NewCode}
		if prev, dup := seen[k]; dup {
			return nil, RowError(filename, line, "old_code", "cặp %s → %s bị trùng (đã có ở dòng %d).",
				"duplicate pair %s → %s (already on row %d).", m.OldCode, m.NewCode, prev)
		}
		seen[k] = line
		out = append(out, m)
	}
	if len(out) == 0 {
		return nil, FileError(filename, "tệp không có dòng dữ liệu nào.", "the file has no data rows.")
	}
	return out, nil
}

// OldToNew returns the mapping rows of an old commune (before 01/07/2025), in file order:
// one "full" row, or several "partial" rows when the commune was split.
func OldToNew(mappings []Mapping, oldCode string) []Mapping {
	var out []Mapping
	for _, m := range mappings {
		if m.OldCode == oldCode {
			out = append(out, m)
		}
	}
	return out
}

// NewToOld returns the mapping rows of a new commune (from 01/07/2025), in file order:
// the old communes it was formed from, wholly ("full") or in part ("partial").
func NewToOld(mappings []Mapping, newCode string) []Mapping {
	var out []Mapping
	for _, m := range mappings {
		if m.NewCode == newCode {
			out = append(out, m)
		}
	}
	return out
}
