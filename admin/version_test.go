package admin

import (
	"slices"
	"testing"

	"giamngheo"
)

func TestVersioned(t *testing.T) {
	prov := Unit{Code: "30", Name: "Tỉnh Hải Dương", Type: "Tỉnh", Level: LevelProvince}
	dist := Unit{Code: "288", Name: "Thành phố Hải Dương", Type: "Thành phố", Level: LevelDistrict, ParentCode: "30"}
	a := Unit{Code: "10507", Name: "Phường Cẩm Thượng", Type: "Phường", Level: LevelCommune, ParentCode: "288"}
	b := Unit{Code: "10510", Name: "Phường Bình Hàn", Type: "Phường", Level: LevelCommune, ParentCode: "288"}
	renamed := a
	renamed.Name = "Phường Thành Đông"
	retyped := b
	retyped.Type = "Xã"
	moved := b
	moved.ParentCode = "30"
	// v returns u with a validity period.
	v := func(u Unit, from, to string) Unit { u.ValidFrom, u.ValidTo = from, to; return u }

	for _, tc := range []struct {
		name  string
		snaps []Snapshot
		want  []Unit
	}{
		{"one snapshot", []Snapshot{{"", []Unit{prov, dist}}},
			[]Unit{v(dist, "", ""), v(prov, "", "")}},
		{"unchanged units continue", []Snapshot{{"", []Unit{prov, a}}, {"2025-01-01", []Unit{a, prov}}},
			[]Unit{v(a, "", ""), v(prov, "", "")}},
		{"a renamed unit gets a new version from the snapshot date", []Snapshot{{"", []Unit{a}}, {"2025-07-01", []Unit{renamed}}},
			[]Unit{v(a, "", "2025-06-30"), v(renamed, "2025-07-01", "")}},
		{"a type change is a new version", []Snapshot{{"", []Unit{b}}, {"2025-01-01", []Unit{retyped}}},
			[]Unit{v(b, "", "2024-12-31"), v(retyped, "2025-01-01", "")}},
		{"a parent change is a new version", []Snapshot{{"", []Unit{b}}, {"2025-07-01", []Unit{moved}}},
			[]Unit{v(b, "", "2025-06-30"), v(moved, "2025-07-01", "")}},
		{"a vanished unit closes the day before", []Snapshot{{"", []Unit{a, b}}, {"2025-03-01", []Unit{a}}},
			[]Unit{v(a, "", ""), v(b, "", "2025-02-28")}},
		{"a reused code after a gap is a new version", []Snapshot{{"", []Unit{a}}, {"2025-01-01", nil}, {"2025-07-01", []Unit{a}}},
			[]Unit{v(a, "", "2024-12-31"), v(a, "2025-07-01", "")}},
		{"a dated first snapshot keeps its date", []Snapshot{{"2023-04-10", []Unit{a}}, {"2024-03-01", []Unit{renamed}}},
			[]Unit{v(a, "2023-04-10", "2024-02-29"), v(renamed, "2024-03-01", "")}},
		{"the units' own validity is ignored", []Snapshot{{"", []Unit{v(a, "1999-01-01", "2000-01-01")}}},
			[]Unit{v(a, "", "")}},
		{"three snapshots, changing twice", []Snapshot{{"", []Unit{a}}, {"2025-01-01", []Unit{renamed}}, {"2025-07-01", []Unit{a}}},
			[]Unit{v(a, "", "2024-12-31"), v(renamed, "2025-01-01", "2025-06-30"), v(a, "2025-07-01", "")}},
		{"no snapshots", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Versioned(tc.snaps)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestVersionedErrors(t *testing.T) {
	a := Unit{Code: "10507", Name: "Phường Cẩm Thượng", Level: LevelCommune, ParentCode: "288"}
	for _, tc := range []struct {
		name  string
		snaps []Snapshot
	}{
		{"out of order", []Snapshot{{"", nil}, {"2025-07-01", nil}, {"2025-01-01", nil}}},
		{"same date twice", []Snapshot{{"2025-01-01", nil}, {"2025-01-01", nil}}},
		{"empty date after the first", []Snapshot{{"", nil}, {"", nil}}},
		{"bad date", []Snapshot{{"", nil}, {"2025-13-01", nil}}},
		{"bad first date", []Snapshot{{"01/07/2025", nil}}},
		{"duplicate code in a snapshot", []Snapshot{{"", []Unit{a, a}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Versioned(tc.snaps)
			if giamngheo.ErrorCode(err) != giamngheo.EINVALID {
				t.Fatalf("err = %v, want an EINVALID error", err)
			}
		})
	}
}
