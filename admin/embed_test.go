package admin

import (
	"cmp"
	"slices"
	"testing"

	"giamngheo"
)

// The expected counts come from the embedded CSV files themselves (admin/data):
//
//	awk -F, 'NR>1{print $4}' data/vn-2023-04-10.csv | sort | uniq -c   → 63 / 705 / 10598
//	awk -F, 'NR>1{print $4}' data/vn-2025-03-01.csv | sort | uniq -c   → 63 / 696 / 10047
//	awk -F, 'NR>1{print $4}' data/vn-2025-07-01.csv | sort | uniq -c   → 34 / – / 3321
//	grep -c ',31$' data/vn-2025-07-01.csv                              → 114 (Hải Phòng)
//	wc -l data/vn-2025-07-01-commune-mapping.csv                        → 10605 (10604 rows)
//
// and agree with regulations.md §5 (Hải Dương: 12 district-level units, 235 then 207
// communes; Hải Phòng after 01/07/2025: 114 communes, 64 formed from Hải Dương's).

// mustEmbedded returns the embedded units and mapping or stops the test.
func mustEmbedded(tb testing.TB) ([]Unit, []Mapping) {
	tb.Helper()
	units, mappings, err := Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	return units, mappings
}

// countLevels counts units by level.
func countLevels(units []Unit) map[Level]int {
	n := map[Level]int{}
	for _, u := range units {
		n[u.Level]++
	}
	return n
}

// communesOfProvince returns the communes under province p on date: through its
// districts before 01/07/2025, directly after.
func communesOfProvince(units []Unit, p, date string) []Unit {
	var out []Unit
	for _, c := range Children(units, p, date) {
		switch c.Level {
		case LevelCommune:
			out = append(out, c)
		case LevelDistrict:
			out = append(out, Children(units, c.Code, date)...)
		}
	}
	return out
}

func countTypes(units []Unit) map[string]int {
	n := map[string]int{}
	for _, u := range units {
		n[u.Type]++
	}
	return n
}

func TestEmbeddedNationalCounts(t *testing.T) {
	units, mappings := mustEmbedded(t)
	for _, tc := range []struct {
		date                           string
		provinces, districts, communes int
	}{
		{"2023-06-30", 63, 705, 10598},
		{"2024-12-31", 63, 705, 10598}, // the last day of the first catalogue
		{"2025-01-01", 63, 696, 10047},
		{"2025-03-01", 63, 696, 10047},
		{"2025-06-30", 63, 696, 10047},
		{"2025-07-01", 34, 0, 3321},
		{"2025-08-01", 34, 0, 3321},
		{"", 34, 0, 3321},
	} {
		n := countLevels(AsOf(units, tc.date))
		if n[LevelProvince] != tc.provinces || n[LevelDistrict] != tc.districts || n[LevelCommune] != tc.communes {
			t.Errorf("AsOf(%q): %d provinces, %d districts, %d communes; want %d, %d, %d", tc.date,
				n[LevelProvince], n[LevelDistrict], n[LevelCommune], tc.provinces, tc.districts, tc.communes)
		}
	}
	// 15313 versions: computed independently of this package from the three CSV files
	// (a unit continues while code, name, type, level and parent stay the same).
	if len(units) != 15313 {
		t.Errorf("%d unit versions, want 15313", len(units))
	}
	if !slices.IsSortedFunc(units, func(a, b Unit) int {
		return cmp.Or(cmp.Compare(a.Code, b.Code), cmp.Compare(a.ValidFrom, b.ValidFrom))
	}) {
		t.Error("units are not ordered by code then valid_from")
	}
	if len(mappings) != 10604 {
		t.Errorf("%d mapping rows, want 10604", len(mappings))
	}
}

func TestEmbeddedHaiDuong(t *testing.T) {
	units, _ := mustEmbedded(t)
	for _, tc := range []struct {
		date      string
		districts int
		communes  int
		types     map[string]int
	}{
		{"2023-06-30", 12, 235, map[string]int{"Phường": 47, "Xã": 178, "Thị trấn": 10}},
		{"2024-12-31", 12, 235, map[string]int{"Phường": 47, "Xã": 178, "Thị trấn": 10}},
		{"2025-03-01", 12, 207, map[string]int{"Phường": 46, "Xã": 151, "Thị trấn": 10}},
		{"2025-06-30", 12, 207, map[string]int{"Phường": 46, "Xã": 151, "Thị trấn": 10}},
	} {
		t.Run(tc.date, func(t *testing.T) {
			var p *Unit
			for _, u := range AsOf(units, tc.date) {
				if u.Code == "30" {
					p = &u
				}
			}
			if p == nil || p.Name != "Tỉnh Hải Dương" || p.Level != LevelProvince {
				t.Fatalf("province 30 = %+v, want Tỉnh Hải Dương", p)
			}
			ds := Children(units, "30", tc.date)
			var dcodes []string
			for _, d := range ds {
				dcodes = append(dcodes, d.Code)
			}
			wantD := []string{"288", "290", "291", "292", "293", "294", "295", "296", "297", "298", "299", "300"}
			if !slices.Equal(dcodes, wantD) {
				t.Errorf("districts of 30 = %v, want %v", dcodes, wantD)
			}
			cs := communesOfProvince(units, "30", tc.date)
			if len(cs) != tc.communes {
				t.Errorf("%d communes, want %d", len(cs), tc.communes)
			}
			if got := countTypes(cs); !mapsEqual(got, tc.types) {
				t.Errorf("communes by type = %v, want %v", got, tc.types)
			}
			for _, c := range cs {
				if pr := Province(units, c.Code, tc.date); pr != "30" {
					t.Errorf("Province(%s, %s) = %q, want 30", c.Code, tc.date, pr)
				}
				if !InScope(units, "30", c.Code, tc.date) {
					t.Errorf("InScope(30, %s, %s) = false", c.Code, tc.date)
				}
			}
		})
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestEmbeddedHaiPhongAfterReform(t *testing.T) {
	units, mappings := mustEmbedded(t)
	const date = "2025-08-01"
	now := AsOf(units, date)
	if slices.ContainsFunc(now, func(u Unit) bool { return u.Code == "30" }) {
		t.Error("province 30 still exists on 2025-08-01")
	}
	i := slices.IndexFunc(now, func(u Unit) bool { return u.Code == "31" })
	if i < 0 || now[i].Name != "Thành phố Hải Phòng" || now[i].ValidFrom != EffectiveTwoTier {
		t.Fatalf("province 31 on %s: %+v", date, now)
	}
	cs := Children(units, "31", date)
	if len(cs) != 114 {
		t.Errorf("Hải Phòng has %d units directly under it, want 114", len(cs))
	}
	// Resolution 1669/NQ-UBTVQH15: 67 xã, 45 phường, 2 đặc khu.
	if got, want := countTypes(cs), map[string]int{"Xã": 67, "Phường": 45, "Đặc khu": 2}; !mapsEqual(got, want) {
		t.Errorf("Hải Phòng communes by type = %v, want %v", got, want)
	}
	for _, c := range cs {
		if c.Level != LevelCommune {
			t.Errorf("%s %s under 31 is a %s, want a commune", c.Code, c.Name, c.Level)
		}
	}
	// The new units formed from ex-Hải Dương communes: the mapping rows whose old
	// commune was under province 30 on the old communes' last day.
	hd := map[string]bool{}
	for _, c := range communesOfProvince(units, "30", "2025-06-30") {
		hd[c.Code] = true
	}
	fromHD := map[string]bool{}
	oldHD := map[string]bool{}
	for _, m := range mappings {
		if hd[m.OldCode] {
			fromHD[m.NewCode] = true
			oldHD[m.OldCode] = true
		}
	}
	if len(fromHD) != 64 {
		t.Errorf("%d new units formed from Hải Dương communes, want 64", len(fromHD))
	}
	if len(oldHD) != 207 {
		t.Errorf("%d Hải Dương communes in the mapping, want all 207", len(oldHD))
	}
	for code := range fromHD {
		if Province(units, code, date) != "31" {
			t.Errorf("new unit %s formed from Hải Dương is not in Hải Phòng", code)
		}
	}
}

func TestEmbeddedMapping(t *testing.T) {
	_, mappings := mustEmbedded(t)
	// grep -E '^00016,' data/vn-2025-07-01-commune-mapping.csv: Ngọc Hà was split.
	got := OldToNew(mappings, "00016")
	want := []Mapping{
		{OldCode: "00016", OldName: "Phường Ngọc Hà", NewCode: "00004", NewName: "Phường Ba Đình", Kind: MappingPartial},
		{OldCode: "00016", OldName: "Phường Ngọc Hà", NewCode: "00008", NewName: "Phường Ngọc Hà", Kind: MappingPartial},
	}
	if !slices.Equal(got, want) {
		t.Errorf("OldToNew(00016) = %+v, want %+v", got, want)
	}
	// grep -c ',00004,' data/vn-2025-07-01-commune-mapping.csv → 10 old communes.
	back := NewToOld(mappings, "00004")
	if len(back) != 10 {
		t.Errorf("NewToOld(00004) has %d rows, want 10", len(back))
	}
	if !slices.Contains(back, Mapping{OldCode: "00004", OldName: "Phường Trúc Bạch", NewCode: "00004", NewName: "Phường Ba Đình", Kind: MappingFull}) {
		t.Errorf("NewToOld(00004) lacks Trúc Bạch (full): %+v", back)
	}
	if !slices.Contains(back, want[0]) {
		t.Errorf("NewToOld(00004) lacks Ngọc Hà (partial): %+v", back)
	}
	// A Hải Dương example: 10507 Phường Cẩm Thượng went wholly to Phường Thành Đông.
	if got := OldToNew(mappings, "10507"); len(got) != 1 || got[0].NewName != "Phường Thành Đông" || got[0].Kind != MappingFull {
		t.Errorf("OldToNew(10507) = %+v", got)
	}
}

func TestEmbeddedCodeReuse(t *testing.T) {
	units, _ := mustEmbedded(t)
	var vs []Unit
	for _, u := range units {
		if u.Code == "00004" {
			vs = append(vs, u)
		}
	}
	want := []Unit{
		{Code: "00004", Name: "Phường Trúc Bạch", Type: "Phường", Level: LevelCommune, ParentCode: "001", ValidTo: "2025-06-30"},
		{Code: "00004", Name: "Phường Ba Đình", Type: "Phường", Level: LevelCommune, ParentCode: "01", ValidFrom: "2025-07-01"},
	}
	if !slices.Equal(vs, want) {
		t.Fatalf("versions of 00004 = %+v, want %+v", vs, want)
	}
	for _, tc := range []struct {
		scope, date string
		want        bool
	}{
		{"001", "2025-06-30", true},
		{"001", "2025-07-01", false},
		{"001", "", true},
		{"01", "2025-06-30", true},
		{"01", "2025-07-01", true},
		{"30", "", false},
	} {
		if got := InScope(units, tc.scope, "00004", tc.date); got != tc.want {
			t.Errorf("InScope(%s, 00004, %q) = %v, want %v", tc.scope, tc.date, got, tc.want)
		}
	}
}

func TestEmbeddedProvinces(t *testing.T) {
	all, allM := mustEmbedded(t)
	for _, tc := range []struct {
		codes                          []string
		provinces, districts, communes int
		mappings                       int
	}{
		// Counts computed independently from the CSV files with the same rule.
		// 30: 1 + 12 + (235 communes + 22 that appeared on 2025-01-01); 244 mapping
		// rows start from its 207 communes (35 of which were split).
		{[]string{"30"}, 1, 12, 257, 244},
		{[]string{"31"}, 2, 17, 376, 452},
		{[]string{"30", "31"}, 3, 29, 633, 452},
	} {
		units, ms, err := EmbeddedProvinces(tc.codes...)
		if err != nil {
			t.Fatal(err)
		}
		n := countLevels(units)
		if n[LevelProvince] != tc.provinces || n[LevelDistrict] != tc.districts || n[LevelCommune] != tc.communes || len(ms) != tc.mappings {
			t.Errorf("EmbeddedProvinces(%v): %d/%d/%d versions, %d mappings; want %d/%d/%d, %d", tc.codes,
				n[LevelProvince], n[LevelDistrict], n[LevelCommune], len(ms), tc.provinces, tc.districts, tc.communes, tc.mappings)
		}
		for _, u := range units {
			date := u.ValidFrom
			if date == "" {
				date = "2023-06-30"
			}
			if p := Province(all, u.Code, date); !slices.Contains(tc.codes, p) {
				t.Errorf("EmbeddedProvinces(%v) kept %s %s (%s–%s) of province %q", tc.codes, u.Code, u.Name, u.ValidFrom, u.ValidTo, p)
			}
		}
	}
	// 31 keeps the new Phường Thành Đông (10507) but not the Hải Dương ward whose code it reused.
	units, _, err := EmbeddedProvinces("31")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, u := range units {
		if u.Code == "10507" {
			names = append(names, u.Name)
		}
	}
	if !slices.Equal(names, []string{"Phường Thành Đông"}) {
		t.Errorf("EmbeddedProvinces(31) versions of 10507: %v", names)
	}
	// No codes: the whole country.
	units, ms, err := EmbeddedProvinces()
	if err != nil || len(units) != len(all) || len(ms) != len(allM) {
		t.Errorf("EmbeddedProvinces() = %d units, %d mappings, %v; want %d, %d", len(units), len(ms), err, len(all), len(allM))
	}
	if _, _, err := EmbeddedProvinces("30", "99"); giamngheo.ErrorCode(err) != giamngheo.EINVALID {
		t.Errorf("unknown province: err = %v, want EINVALID", err)
	}
	if _, _, err := EmbeddedProvinces("288"); giamngheo.ErrorCode(err) != giamngheo.EINVALID {
		t.Errorf("a district code as a province: err = %v, want EINVALID", err)
	}
}

func TestEmbeddedReturnsCopies(t *testing.T) {
	units, mappings := mustEmbedded(t)
	units[0].Name = "changed"
	mappings[0].Kind = "changed"
	again, againM := mustEmbedded(t)
	if again[0].Name == "changed" || againM[0].Kind == "changed" {
		t.Error("Embedded returned the cached slices, not copies")
	}
}

// TestEmbeddedRedated re-dates the 2025 mergers (some took effect in late 2024) through
// EmbeddedSnapshots and Versioned.
func TestEmbeddedRedated(t *testing.T) {
	snaps, err := EmbeddedSnapshots()
	if err != nil {
		t.Fatal(err)
	}
	if len(snaps) != 3 || snaps[0].ValidFrom != "" || snaps[1].ValidFrom != EffectiveMergers2025 || snaps[2].ValidFrom != EffectiveTwoTier {
		t.Fatalf("snapshot dates: %q %q %q", snaps[0].ValidFrom, snaps[1].ValidFrom, snaps[2].ValidFrom)
	}
	snaps[1].ValidFrom = "2024-11-01"
	units, err := Versioned(snaps)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(communesOfProvince(units, "30", "2024-10-31")); n != 235 {
		t.Errorf("re-dated: %d Hải Dương communes on 2024-10-31, want 235", n)
	}
	if n := len(communesOfProvince(units, "30", "2024-11-01")); n != 207 {
		t.Errorf("re-dated: %d Hải Dương communes on 2024-11-01, want 207", n)
	}
	// The cached default is untouched.
	def, _ := mustEmbedded(t)
	if n := len(communesOfProvince(def, "30", "2024-11-01")); n != 235 {
		t.Errorf("default: %d Hải Dương communes on 2024-11-01, want 235", n)
	}
}

func BenchmarkEmbeddedParse(b *testing.B) {
	for b.Loop() {
		var snaps []Snapshot
		for _, f := range embeddedFiles {
			units, err := parseEmbedded(f.file)
			if err != nil {
				b.Fatal(err)
			}
			snaps = append(snaps, Snapshot{ValidFrom: f.validFrom, Units: units})
		}
		if _, err := Versioned(snaps); err != nil {
			b.Fatal(err)
		}
	}
}
