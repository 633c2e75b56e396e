package admin

import (
	"testing"
)

// tree is a small history: Hải Dương's ward 10507 was renamed and moved under the new
// Hải Phòng on 01/07/2025, when district 288 and province 30 closed.
var tree = []Unit{
	{Code: "10507", Name: "Phường Cẩm Thượng", Level: LevelCommune, ParentCode: "288", ValidTo: "2025-06-30"},
	{Code: "10507", Name: "Phường Thành Đông", Level: LevelCommune, ParentCode: "31", ValidFrom: "2025-07-01"},
	{Code: "10510", Name: "Phường Bình Hàn", Level: LevelCommune, ParentCode: "288", ValidTo: "2025-06-30"},
	{Code: "11311", Name: "Phường Minh Khai", Level: LevelCommune, ParentCode: "303", ValidTo: "2025-06-30"},
	{Code: "288", Name: "Thành phố Hải Dương", Level: LevelDistrict, ParentCode: "30", ValidTo: "2025-06-30"},
	{Code: "30", Name: "Tỉnh Hải Dương", Level: LevelProvince, ValidTo: "2025-06-30"},
	{Code: "303", Name: "Quận Hồng Bàng", Level: LevelDistrict, ParentCode: "31", ValidTo: "2025-06-30"},
	{Code: "31", Name: "Thành phố Hải Phòng", Type: "Thành phố Trung ương", Level: LevelProvince, ValidTo: "2025-06-30"},
	{Code: "31", Name: "Thành phố Hải Phòng", Type: "Thành phố", Level: LevelProvince, ValidFrom: "2025-07-01"},
}

func codes(us []Unit) []string {
	var out []string
	for _, u := range us {
		out = append(out, u.Code+":"+u.Name)
	}
	return out
}

func TestAsOfAndChildren(t *testing.T) {
	for _, tc := range []struct {
		name string
		got  []Unit
		want []string
	}{
		{"AsOf before", AsOf(tree, "2025-06-30"), []string{"10507:Phường Cẩm Thượng", "10510:Phường Bình Hàn", "11311:Phường Minh Khai", "288:Thành phố Hải Dương", "30:Tỉnh Hải Dương", "303:Quận Hồng Bàng", "31:Thành phố Hải Phòng"}},
		{"AsOf after", AsOf(tree, "2025-07-01"), []string{"10507:Phường Thành Đông", "31:Thành phố Hải Phòng"}},
		{"AsOf now", AsOf(tree, ""), []string{"10507:Phường Thành Đông", "31:Thành phố Hải Phòng"}},
		{"Children of 288", Children(tree, "288", "2025-01-01"), []string{"10507:Phường Cẩm Thượng", "10510:Phường Bình Hàn"}},
		{"Children of 288 after", Children(tree, "288", "2025-07-01"), nil},
		{"Children of 31 before", Children(tree, "31", "2025-06-30"), []string{"303:Quận Hồng Bàng"}},
		{"Children of 31 after", Children(tree, "31", "2025-07-01"), []string{"10507:Phường Thành Đông"}},
		{"provinces now", Children(tree, "", ""), []string{"31:Thành phố Hải Phòng"}},
	} {
		got := codes(tc.got)
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
				break
			}
		}
	}
}

func TestProvince(t *testing.T) {
	for _, tc := range []struct{ code, date, want string }{
		{"10507", "2025-06-30", "30"},
		{"10507", "2025-07-01", "31"},
		{"10507", "", "31"}, // latest version
		{"10510", "", "30"}, // closed: its parents on its last day
		{"10510", "2025-07-01", ""},
		{"288", "2020-01-01", "30"},
		{"30", "2024-01-01", "30"},
		{"11311", "2025-06-30", "31"},
		{"99999", "2025-06-30", ""},
	} {
		if got := Province(tree, tc.code, tc.date); got != tc.want {
			t.Errorf("Province(%s, %q) = %q, want %q", tc.code, tc.date, got, tc.want)
		}
	}
}

func TestInScope(t *testing.T) {
	for _, tc := range []struct {
		scope, unit, date string
		want              bool
	}{
		{"", "10507", "2025-01-01", true}, // the whole country
		{"10507", "10507", "2030-01-01", true},
		{"288", "10507", "2025-06-30", true},
		{"30", "10507", "2025-06-30", true},
		{"31", "10507", "2025-06-30", false},
		{"31", "10507", "2025-07-01", true},
		{"30", "10507", "2025-07-01", false},
		{"288", "10507", "2025-07-01", false},
		{"30", "10507", "", true}, // any version
		{"31", "10507", "", true},
		{"303", "10507", "", false},
		{"31", "11311", "", true},
		{"31", "11311", "2025-06-30", true},
		{"30", "11311", "", false},
		{"30", "99999", "", false},
		{"10507", "288", "", false}, // a parent is not under its child
	} {
		if got := InScope(tree, tc.scope, tc.unit, tc.date); got != tc.want {
			t.Errorf("InScope(%q, %s, %q) = %v, want %v", tc.scope, tc.unit, tc.date, got, tc.want)
		}
	}
}

func TestMappingQueries(t *testing.T) {
	ms := []Mapping{
		{OldCode: "00004", NewCode: "00004", Kind: MappingFull},
		{OldCode: "00016", NewCode: "00004", Kind: MappingPartial},
		{OldCode: "00016", NewCode: "00008", Kind: MappingPartial},
		{OldCode: "00008", NewCode: "00008", Kind: MappingFull},
	}
	if got := OldToNew(ms, "00016"); len(got) != 2 || got[0].NewCode != "00004" || got[1].NewCode != "00008" {
		t.Errorf("OldToNew(00016) = %+v", got)
	}
	if got := NewToOld(ms, "00008"); len(got) != 2 || got[0].OldCode != "00016" || got[1].OldCode != "00008" {
		t.Errorf("NewToOld(00008) = %+v", got)
	}
	if got := OldToNew(ms, "99999"); got != nil {
		t.Errorf("OldToNew(99999) = %+v, want nil", got)
	}
}
