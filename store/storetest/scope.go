package storetest

import (
	"context"
	"slices"
	"testing"

	"giamngheo/admin"
	"giamngheo/registry"
)

// testDistrictScopeAfterReform: districts were abolished on 1 July 2025; a district
// officer's scope keeps the district's communes and the merged communes formed only
// from them, not a commune formed across two districts (admin.StoreInScope).
func testDistrictScopeAfterReform(t *testing.T, s Store) {
	ctx := context.Background()
	units, maps := fixtureUnits()
	units = append(units,
		admin.Unit{Code: "295", Name: "Huyện Khác", Type: "Huyện", Level: admin.LevelDistrict, ParentCode: "30", ValidTo: "2025-06-30"},
		admin.Unit{Code: "10900", Name: "Xã Bên Cạnh", Type: "Xã", Level: admin.LevelCommune, ParentCode: "295", ValidTo: "2025-06-30"},
		admin.Unit{Code: "10999", Name: "Xã Hợp Nhất", Type: "Xã", Level: admin.LevelCommune, ParentCode: "31", ValidFrom: "2025-07-01"},
		admin.Unit{Code: "10998", Name: "Xã Liên Huyện", Type: "Xã", Level: admin.LevelCommune, ParentCode: "31", ValidFrom: "2025-07-01"},
	)
	maps = append(maps,
		admin.Mapping{OldCode: "10813", NewCode: "10999", Kind: "partial"},
		admin.Mapping{OldCode: "10816", NewCode: "10999", Kind: "partial"},
		admin.Mapping{OldCode: "10816", NewCode: "10998", Kind: "partial"},
		admin.Mapping{OldCode: "10900", NewCode: "10998", Kind: "partial"},
	)
	MustOK(t, s.ReplaceUnits(ctx, units, maps))
	for _, tc := range []struct {
		scope, unit string
		want        bool
	}{
		{"294", "10813", true},  // its commune, code kept by the reform
		{"294", "10816", true},  // idem
		{"294", "10999", true},  // merged only from its communes
		{"294", "10998", false}, // merged across two districts
		{"295", "10998", false},
		{"295", "10900", true},
		{"30", "10998", true}, // the old province covers both districts
		{"10816", "10813", false},
		{"10816", "10999", false}, // a commune's scope does not grow by a merger
		{"31", "10999", true},
	} {
		got, err := admin.StoreInScope(ctx, s, tc.scope, tc.unit)
		MustOK(t, err)
		if got != tc.want {
			t.Errorf("StoreInScope(%s, %s) = %v, want %v", tc.scope, tc.unit, got, tc.want)
		}
	}
	got, err := registry.CommunesUnder(ctx, s, "294")
	MustOK(t, err)
	slices.Sort(got)
	if want := []string{"10813", "10816", "10999"}; !slices.Equal(got, want) {
		t.Fatalf("CommunesUnder(294) = %v, want %v", got, want)
	}
}
