package importfile

import (
	"fmt"
	"hash/maphash"
	"strings"

	"giamngheo/registry"
)

// Kinds of duplicate.
const (
	// DupNationalID: the same national ID on members of two households.
	DupNationalID = "national_id"
	// DupHead: two households whose heads have the same name (folded), birth date and
	// village; often the same household listed twice under two codes.
	DupHead = "head"
	// DupCode: the same household code on two separate groups of rows.
	DupCode = "household_code"
)

// Duplicate is one household that looks like one seen before.
type Duplicate struct {
	Kind string
	// Code and Member point at the household just added and its member (-1 for the
	// household as a whole); OtherCode and OtherMember at the one seen first.
	Code        string
	Member      int
	OtherCode   string
	OtherMember int
	Message     string
	MessageEN   string
}

// DuplicateIndex finds duplicates across the households of an import, fed one by one.
// It keeps 8-byte hashes rather than names, and each household's code once, so a
// province (650,000 households, 2.2 million persons) fits in some tens of megabytes.
// The hashes are 64-bit: a false match is possible in principle, about one chance in
// ten million for a province, and the officer checks every reported pair anyway.
type DuplicateIndex struct {
	seed  maphash.Seed
	codes []string             // code of each household added, by ordinal
	ids   map[uint64]memberRef // national ID → first holder
	heads map[uint64]uint32    // head name + birth date + village → household
	seen  map[string]uint32    // household code → household
}

type memberRef struct {
	household uint32
	member    uint16
}

// Field returns the validation path the duplicate is about in the household just
// added ("members[1].national_id", "members[0].name", "code"), for Reader.IssueFor.
func (d Duplicate) Field() string {
	switch d.Kind {
	case DupNationalID:
		return fmt.Sprintf("members[%d].national_id", d.Member)
	case DupHead:
		return fmt.Sprintf("members[%d].name", d.Member)
	}
	return "code"
}

// NewDuplicateIndex returns an empty index.
func NewDuplicateIndex() *DuplicateIndex {
	return &DuplicateIndex{seed: maphash.MakeSeed(), ids: map[uint64]memberRef{},
		heads: map[uint64]uint32{}, seen: map[string]uint32{}}
}

// Add records h and returns how it duplicates households added before. Call it after
// Normalize (the reader's households are normalised), so that IDs and names compare.
func (d *DuplicateIndex) Add(h *registry.Household) []Duplicate {
	var out []Duplicate
	n := uint32(len(d.codes))
	// A copy: the reader's strings are slices of whole CSV lines, which the index would
	// otherwise keep alive, one line per household of the file.
	code := strings.Clone(h.Code)
	d.codes = append(d.codes, code)
	if j, ok := d.seen[code]; ok {
		out = append(out, codeDuplicate(h.Code, d.codes[j]))
	} else {
		d.seen[code] = n
	}
	for i, m := range h.Members {
		if m.NationalID == "" {
			continue
		}
		k := maphash.String(d.seed, m.NationalID)
		if ref, ok := d.ids[k]; ok {
			if ref.household != n {
				out = append(out, idDuplicate(h.Code, i, m.NationalID, m.Name, d.codes[ref.household], int(ref.member)))
			}
			continue
		}
		d.ids[k] = memberRef{n, uint16(i)}
	}
	if i := headIndex(h); i >= 0 && h.Members[i].BirthDate != "" {
		m := h.Members[i]
		k := maphash.String(d.seed, headKey(h, i))
		if j, ok := d.heads[k]; ok {
			if d.codes[j] != h.Code {
				out = append(out, headDuplicate(h.Code, i, m.Name, m.BirthDate, h.VillageName, d.codes[j]))
			}
		} else {
			d.heads[k] = n
		}
	}
	return out
}

func codeDuplicate(code, other string) Duplicate {
	return Duplicate{Kind: DupCode, Code: code, Member: -1, OtherCode: other, OtherMember: -1,
		Message:   fmt.Sprintf("Mã hộ %s xuất hiện ở hai nhóm dòng không liền nhau; các thành viên của một hộ phải ở các dòng liền nhau, các hộ khác nhau phải có mã khác nhau", code),
		MessageEN: fmt.Sprintf("household code %s appears on two separate groups of rows; a household's members must be on consecutive rows and different households need different codes", code)}
}

func idDuplicate(code string, member int, nationalID, name, other string, otherMember int) Duplicate {
	return Duplicate{Kind: DupNationalID, Code: code, Member: member, OtherCode: other, OtherMember: otherMember,
		Message: fmt.Sprintf("Số CCCD %s của %s (hộ %s) trùng với thành viên thứ %d của hộ %s",
			nationalID, name, code, otherMember+1, other),
		MessageEN: fmt.Sprintf("national ID %s of %s (household %s) is also on member %d of household %s",
			nationalID, name, code, otherMember+1, other)}
}

func headDuplicate(code string, member int, name, birth, village, other string) Duplicate {
	return Duplicate{Kind: DupHead, Code: code, Member: member, OtherCode: other, OtherMember: -1,
		Message: fmt.Sprintf("Chủ hộ %s (sinh %s, %s) của hộ %s trùng họ tên, ngày sinh và thôn với chủ hộ của hộ %s; có thể một hộ được ghi hai lần",
			name, birth, village, code, other),
		MessageEN: fmt.Sprintf("head %s (born %s, %s) of household %s has the same name, birth date and village as the head of household %s; the household may be listed twice",
			name, birth, village, code, other)}
}

// headIndex returns the member who heads h: the one marked head, or the first.
func headIndex(h *registry.Household) int {
	if i := h.Head(); i >= 0 {
		return i
	}
	if len(h.Members) > 0 {
		return 0
	}
	return -1
}
