package storetest

import (
	"context"
	"fmt"
	"testing"

	"giamngheo/admin"
)

// testUnitNamesOn: a document reads the commune and the units above it as valid on its
// date: the district and the old province before 1 July 2025, the merged province
// after; a code the catalogue does not know reads as nothing.
func testUnitNamesOn(t *testing.T, s Store) {
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(context.Background(), units, maps))
	ctx := context.Background()
	for _, tc := range []struct {
		code, day string
		want      []string
	}{
		{"10816", "2024-06-30", []string{"Xã Hồng Lạc", "Huyện Thanh Hà", "Tỉnh Hải Dương"}},
		{"10816", "2025-06-30", []string{"Xã Hồng Lạc", "Huyện Thanh Hà", "Tỉnh Hải Dương"}},
		{"10816", "2025-07-01", []string{"Xã Hà Bắc", "Thành phố Hải Phòng"}},
		{"10813", "2026-12-07", []string{"Xã Thanh Hà", "Thành phố Hải Phòng"}},
		{"10816", "2019-01-01", []string{"Xã Hồng Lạc", "Huyện Thanh Hà", "Tỉnh Hải Dương"}}, // its first version has no start
		{"99999", "2026-12-07", nil},
	} {
		if got := admin.StoreNamesOn(ctx, s, tc.code, tc.day); fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("names of %s on %s = %q, want %q", tc.code, tc.day, got, tc.want)
		}
	}
}
