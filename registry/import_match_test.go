package registry

import (
	"strings"
	"testing"

	"giamngheo/poverty"
)

func person(name, birth, id string, rel Relation) Member {
	return Member{Member: poverty.Member{Name: name, BirthDate: birth}, NationalID: id, Relation: rel}
}

// TestFamilyMismatch: the rule that tells an update of a family from another family
// under the same household code (issue 10 item 2).
func TestFamilyMismatch(t *testing.T) {
	stored := &Household{Code: "HD-1", Members: []Member{
		person("Nguyễn Văn An", "1980-05-12", "030080001234", RelationHead),
		person("Trần Thị Bình", "1983-01-02", "030183001235", RelationSpouse),
		person("Nguyễn Văn Cường", "2012-09-30", "", RelationChild),
	}}
	with := func(change func(ms []Member) []Member) *Household {
		ms := append([]Member(nil), stored.Members...)
		return &Household{Code: "HD-1", Members: change(ms)}
	}
	for _, tc := range []struct {
		name string
		row  *Household
		want string // a word of the first reason, "" = same family
	}{
		{"same", with(func(ms []Member) []Member { return ms }), ""},
		{"a newborn", with(func(ms []Member) []Member {
			return append(ms, person("Nguyễn Thị Dung", "2025-03-01", "", RelationChild))
		}), ""},
		{"a member left", with(func(ms []Member) []Member { return ms[:2] }), ""},
		{"a spelling corrected (same ID)", with(func(ms []Member) []Member { ms[1].Name = "Trần Thị Bính"; return ms }), ""},
		{"a birth date corrected (same ID)", with(func(ms []Member) []Member { ms[0].BirthDate = "1980-06-12"; return ms }), ""},
		{"only the year known", with(func(ms []Member) []Member { ms[2].BirthDate = "2012"; return ms }), ""},
		{"name case and spaces", with(func(ms []Member) []Member { ms[2].Name = "nguyễn  văn cường"; return ms }), ""},
		{"another head", with(func(ms []Member) []Member {
			ms[0] = person("Lê Văn Lạ", "1975-01-01", "030075009999", RelationHead)
			return ms
		}), "chủ hộ khác"},
		{"a national ID held by another person", with(func(ms []Member) []Member {
			ms[1] = person("Phạm Thị Khác", "1990-01-01", "030183001235", RelationSpouse)
			return ms
		}), "mang số CCCD"},
		{"a changed national ID of the head", with(func(ms []Member) []Member { ms[0].NationalID = "030080009999"; return ms }), "chủ hộ khác"},
		{"most members unknown", with(func(ms []Member) []Member {
			return []Member{ms[0], person("Người Một", "2000-01-01", "", RelationChild), person("Người Hai", "2001-01-01", "", RelationChild)}
		}), "chỉ 1 trong 3"},
		{"one member of three not recognised (a diacritic lost)", with(func(ms []Member) []Member {
			ms[2].Name = "Nguyễn Văn Cuong"
			ms[2].BirthDate = "2012-09-30"
			return ms[:3]
		}), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := FamilyMismatch(stored, tc.row)
			switch {
			case tc.want == "" && got != nil:
				t.Fatalf("conflict %+v, want an update", got)
			case tc.want != "" && (got == nil || !strings.Contains(got[0].Message, tc.want)):
				t.Fatalf("reasons %+v, want %q", got, tc.want)
			}
		})
	}
}
