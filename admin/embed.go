package admin

import (
	"embed"
	"slices"
	"sync"
	"time"

	"giamngheo"
)

// data holds the GSO catalogues and the old→new commune mapping; see data/README.md for
// their provenance and licences.
//
//go:embed data/*.csv
var data embed.FS

// Effective dates of the embedded catalogues (see EmbeddedSnapshots).
const (
	// EffectiveMergers2025 is when the 2025-03-01 catalogue is taken to start: the
	// commune-level mergers of 1 January 2025 under the 2024–2025 resolutions of the
	// Standing Committee of the National Assembly (UBTVQH) on rearranging district- and
	// commune-level units. An approximation: a few provinces' resolutions took effect on
	// other dates in late 2024 (the resolution numbers per province were not looked up,
	// regulations.md §5.1 [U]). A caller who knows better passes its own dates to
	// Versioned (EmbeddedSnapshots returns the snapshots to re-date).
	EffectiveMergers2025 = "2025-01-01"
	// EffectiveTwoTier is the start of the two-tier local government: districts
	// abolished, 34 provinces (Resolution 202/2025/QH15; Hải Phòng's communes:
	// Resolution 1669/NQ-UBTVQH15, new communes operate from 01/07/2025).
	EffectiveTwoTier = "2025-07-01"
)

// embeddedFiles are the catalogue files in date order with their effective dates.
var embeddedFiles = []struct{ file, validFrom string }{
	{"vn-2023-04-10.csv", ""}, // first snapshot: in force since before our records
	{"vn-2025-03-01.csv", EffectiveMergers2025},
	{"vn-2025-07-01.csv", EffectiveTwoTier},
}

// mappingFile is the old→new commune mapping of 1 July 2025.
const mappingFile = "vn-2025-07-01-commune-mapping.csv"

// embedded caches the parsed data: about 1.6 MB of CSV, parsed once per process.
var embedded struct {
	once     sync.Once
	snaps    []Snapshot
	units    []Unit
	mappings []Mapping
	err      error
}

func loadEmbedded() {
	e := &embedded
	for _, f := range embeddedFiles {
		units, err := parseEmbedded(f.file)
		if err != nil {
			e.err = err
			return
		}
		e.snaps = append(e.snaps, Snapshot{ValidFrom: f.validFrom, Units: units})
	}
	rd, err := data.Open("data/" + mappingFile)
	if err != nil {
		e.err = err
		return
	}
	defer rd.Close()
	if e.mappings, e.err = ParseMappings(rd, mappingFile); e.err != nil {
		return
	}
	e.units, e.err = Versioned(e.snaps)
}

func parseEmbedded(file string) ([]Unit, error) {
	rd, err := data.Open("data/" + file)
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	return ParseCatalogue(rd, file)
}

// EmbeddedSnapshots returns the three embedded GSO catalogues as snapshots with their
// default effective dates: vn-2023-04-10.csv from "" (since before our records),
// vn-2025-03-01.csv from EffectiveMergers2025, vn-2025-07-01.csv from EffectiveTwoTier.
// The result is a copy: change a ValidFrom and pass it to Versioned to re-date.
func EmbeddedSnapshots() ([]Snapshot, error) {
	embedded.once.Do(loadEmbedded)
	if embedded.err != nil {
		return nil, embedded.err
	}
	out := make([]Snapshot, len(embedded.snaps))
	for i, s := range embedded.snaps {
		out[i] = Snapshot{ValidFrom: s.ValidFrom, Units: slices.Clone(s.Units)}
	}
	return out, nil
}

// Embedded returns the national unit versions built from the embedded catalogues (see
// EmbeddedSnapshots for the dates), ordered by code then ValidFrom, and the old→new
// commune mapping of 1 July 2025. The slices are the caller's to change.
func Embedded() (units []Unit, mappings []Mapping, err error) {
	embedded.once.Do(loadEmbedded)
	if embedded.err != nil {
		return nil, nil, embedded.err
	}
	return slices.Clone(embedded.units), slices.Clone(embedded.mappings), nil
}

// EmbeddedProvinces returns the embedded unit versions and mapping rows of the given
// province codes, at any date: a unit version is kept when its province, following the
// parents in force during that version, is one of codes (so "30" keeps Hải Dương's
// districts and its communes up to 30/06/2025, and "31" keeps Hải Phòng before and after
// the merger but not the pre-merger versions of the Hải Dương codes it reused). A mapping
// row is kept when its old commune (as of the day before EffectiveTwoTier) or its new
// commune (as of EffectiveTwoTier) is kept. No codes means the whole country. An unknown
// province code is an EINVALID error.
func EmbeddedProvinces(codes ...string) ([]Unit, []Mapping, error) {
	units, mappings, err := Embedded()
	if err != nil || len(codes) == 0 {
		return units, mappings, err
	}
	for _, c := range codes {
		if !slices.ContainsFunc(units, func(u Unit) bool { return u.Code == c && u.Level == LevelProvince }) {
			return nil, nil, giamngheo.Errorf(giamngheo.EINVALID,
				"Không có tỉnh mã %q trong danh mục.", "There is no province with code %q in the catalogue.", c)
		}
	}
	byCode := map[string][]*Unit{}
	for i := range units {
		byCode[units[i].Code] = append(byCode[units[i].Code], &units[i])
	}
	var kept []Unit
	keptAt := map[string][]*Unit{} // code → kept versions
	for i := range units {
		u := &units[i]
		if underAny(byCode, u, codes, 0) {
			kept = append(kept, *u)
			keptAt[u.Code] = append(keptAt[u.Code], u)
		}
	}
	twoTier, _ := time.Parse(DateLayout, EffectiveTwoTier)
	dayBefore := twoTier.AddDate(0, 0, -1).Format(DateLayout) // the old communes' last day
	in := func(code, date string) bool {
		return slices.ContainsFunc(keptAt[code], func(u *Unit) bool { return u.ValidOn(date) })
	}
	var keptMappings []Mapping
	for _, m := range mappings {
		if in(m.OldCode, dayBefore) || in(m.NewCode, EffectiveTwoTier) {
			keptMappings = append(keptMappings, m)
		}
	}
	return kept, keptMappings, nil
}

// underAny reports whether the province above version u, following parent versions whose
// validity overlaps u's, is one of codes.
func underAny(byCode map[string][]*Unit, u *Unit, codes []string, depth int) bool {
	if u.Level == LevelProvince {
		return slices.Contains(codes, u.Code)
	}
	if depth >= 3 {
		return false
	}
	for _, p := range byCode[u.ParentCode] {
		if overlaps(u, p) && underAny(byCode, p, codes, depth+1) {
			return true
		}
	}
	return false
}

// overlaps reports whether the validity periods of a and b share a day.
func overlaps(a, b *Unit) bool {
	return (a.ValidFrom == "" || b.ValidTo == "" || a.ValidFrom <= b.ValidTo) &&
		(b.ValidFrom == "" || a.ValidTo == "" || b.ValidFrom <= a.ValidTo)
}
