package registry

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// Mismatch is one reason why a row of an import is not the stored household of the
// same code: a different family, not an update of it (issue 10 item 2).
type Mismatch struct {
	Message   string `json:"message"`
	MessageEN string `json:"message_en"`
}

// Conflict is a row of an import whose household code is that of a stored household
// in the importer's scope but whose people do not match it.
type Conflict struct {
	Code    string     `json:"code"`
	Reasons []Mismatch `json:"reasons"`
}

// Change is a stored household an import updates (or would update), with the fields
// that change.
type Change struct {
	Code   string   `json:"code"`
	Fields []string `json:"fields"`
}

// personName is a name compared without case or repeated spaces (Vietnamese names
// keep their diacritics: Lê and Lệ are two people).
func personName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// sameBirth compares birth dates written as a year, a month or a day: "1970" agrees
// with "1970-05-01" (a register that knew only the year), "1970-05-01" does not with
// "1971-05-01".
func sameBirth(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if a == "" || b == "" {
		return a == b
	}
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

// SamePerson reports whether two members are the same person. When both carry a
// national ID, the IDs must be equal and the name or the birth date must agree too (a
// corrected spelling or date is an update; a shared ID with another name and another
// date is a different person). Otherwise the name and the birth date must both agree.
func SamePerson(a, b *Member) bool {
	name := personName(a.Name) == personName(b.Name)
	birth := sameBirth(a.BirthDate, b.BirthDate)
	if a.NationalID != "" && b.NationalID != "" {
		return a.NationalID == b.NationalID && (name || birth)
	}
	return name && birth
}

func head(h *Household) *Member {
	if i := h.Head(); i >= 0 {
		return &h.Members[i]
	}
	if len(h.Members) > 0 {
		return &h.Members[0]
	}
	return nil
}

func describe(m *Member) string {
	s := m.Name
	if m.BirthDate != "" {
		s += ", " + m.BirthDate
	}
	return s
}

// FamilyMismatch compares a row of an import with the stored household of the same
// code and returns why they are not the same family, or nil when the row may update
// the household. The rule (README, "Import"):
//   - the head of household must be the same person (SamePerson);
//   - a member of the row holding the national ID of a stored member must be that
//     person;
//   - at least half of the stored members must be found in the row (SamePerson), so
//     that births, deaths and marriages update a family but a list of other people does
//     not replace it.
func FamilyMismatch(stored, row *Household) []Mismatch {
	var out []Mismatch
	sh, rh := head(stored), head(row)
	if sh != nil && rh != nil && !SamePerson(sh, rh) {
		out = append(out, Mismatch{
			Message:   fmt.Sprintf("chủ hộ khác: đã lưu %s, trong tệp %s", describe(sh), describe(rh)),
			MessageEN: fmt.Sprintf("another head of household: stored %s, in the file %s", describe(sh), describe(rh))})
	}
	for i := range row.Members {
		rm := &row.Members[i]
		if rm.NationalID == "" {
			continue
		}
		for j := range stored.Members {
			sm := &stored.Members[j]
			if sm.NationalID == rm.NationalID && !SamePerson(sm, rm) {
				out = append(out, Mismatch{
					Message:   fmt.Sprintf("thành viên thứ %d (%s) mang số CCCD của %s đã lưu, khác tên và ngày sinh", i+1, describe(rm), describe(sm)),
					MessageEN: fmt.Sprintf("member %d (%s) holds the national ID of the stored %s, with another name and birth date", i+1, describe(rm), describe(sm))})
			}
		}
	}
	found := 0
	for j := range stored.Members {
		for i := range row.Members {
			if SamePerson(&stored.Members[j], &row.Members[i]) {
				found++
				break
			}
		}
	}
	if n := len(stored.Members); n >= 2 && 2*found < n {
		out = append(out, Mismatch{
			Message:   fmt.Sprintf("chỉ %d trong %d thành viên đã lưu có trong tệp", found, n),
			MessageEN: fmt.Sprintf("only %d of the %d stored members are in the file", found, n)})
	}
	return out
}

// ChangedFields names what an update of before to after changes, as field paths
// ("address", "survey.has_toilet", "members[2].birth_date", "members: 4 → 5").
func ChangedFields(before, after *Household) []string {
	var out []string
	for _, f := range []struct{ name, a, b string }{
		{"village_name", before.VillageName, after.VillageName},
		{"address", before.Address, after.Address},
		{"head_name", before.HeadName, after.HeadName},
		{"phone", before.Phone, after.Phone},
	} {
		if f.a != f.b {
			out = append(out, f.name)
		}
	}
	sa, _ := EncodeSurvey(underived(before))
	sb, _ := EncodeSurvey(underived(after))
	out = append(out, diffJSON("survey", sa, sb)...)
	if len(before.Members) != len(after.Members) {
		out = append(out, fmt.Sprintf("members: %d → %d", len(before.Members), len(after.Members)))
	}
	for i := range min(len(before.Members), len(after.Members)) {
		a, b := before.Members[i], after.Members[i]
		a.ID, b.ID = 0, 0
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		out = append(out, diffJSON(fmt.Sprintf("members[%d]", i), ja, jb)...)
	}
	return out
}

// diffJSON names the top-level keys of two JSON objects whose values differ, under
// prefix (nested objects are compared one level down).
func diffJSON(prefix string, a, b []byte) []string {
	var ma, mb map[string]any
	if json.Unmarshal(a, &ma) != nil || json.Unmarshal(b, &mb) != nil {
		if string(a) != string(b) {
			return []string{prefix}
		}
		return nil
	}
	keys := map[string]bool{}
	for k := range ma {
		keys[k] = true
	}
	for k := range mb {
		keys[k] = true
	}
	var out []string
	for k := range keys {
		va, vb := ma[k], mb[k]
		if reflect.DeepEqual(va, vb) {
			continue
		}
		oa, okA := va.(map[string]any)
		ob, okB := vb.(map[string]any)
		if okA && okB {
			ja, _ := json.Marshal(oa)
			jb, _ := json.Marshal(ob)
			out = append(out, diffJSON(prefix+"."+k, ja, jb)...)
			continue
		}
		out = append(out, prefix+"."+k)
	}
	sort.Strings(out)
	return out
}
