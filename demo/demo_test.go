package demo

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
)

// streamHash is the SHA-256 of the JSON of every household of cfg, in order.
func streamHash(tb testing.TB, cfg Config) [32]byte {
	tb.Helper()
	seq, err := Generate(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	h := sha256.New()
	for hh := range seq {
		b, err := json.Marshal(hh)
		if err != nil {
			tb.Fatal(err)
		}
		h.Write(b)
		h.Write([]byte{'\n'})
	}
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

func TestDeterminism(t *testing.T) {
	cfg := Config{Provinces: []string{"30", "02"}, Households: 20_000, Seed: 42, ReferenceDate: date(2022, 10, 1)}
	a, b := streamHash(t, cfg), streamHash(t, cfg)
	if a != b {
		t.Fatal("the same configuration gave different output")
	}
	cfg.Provinces = []string{"02", "30", "30"} // order and repeats do not matter
	if streamHash(t, cfg) != a {
		t.Error("the order of the provinces changed the output")
	}
	cfg.Seed = 43
	if streamHash(t, cfg) == a {
		t.Error("a different seed gave the same output")
	}
}

func TestStopEarly(t *testing.T) {
	seq, err := Generate(Config{Provinces: []string{"30"}, Households: 1000, Seed: 1, ReferenceDate: date(2022, 10, 1)})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for range seq {
		n++
		if n == 10 {
			break
		}
	}
	if n != 10 {
		t.Fatalf("got %d", n)
	}
}

func TestProvinceRates(t *testing.T) {
	for _, c := range []struct {
		code       string
		ref        time.Time
		poor, near float64
	}{
		{"30", date(2022, 10, 1), 0.0215, 0.0224},
		{"30", date(2023, 6, 30), 0.0215, 0.0224}, // the 2022 review holds until the next one
		{"30", date(2024, 12, 31), 0.0096, 0.0130},
	} {
		p, n := ProvinceRates(c.code, c.ref)
		if math.Abs(p-c.poor) > 1e-12 || math.Abs(n-c.near) > 1e-12 {
			t.Errorf("ProvinceRates(%s, %s) = %v, %v; want %v, %v", c.code, c.ref.Format("2006-01-02"), p, n, c.poor, c.near)
		}
	}
	// Poorer provinces of a region stay poorer: Hà Giang above Thái Nguyên.
	hg, _ := ProvinceRates("02", date(2022, 10, 1))
	tng, _ := ProvinceRates("19", date(2022, 10, 1))
	if hg <= tng {
		t.Errorf("Hà Giang %.4f ≤ Thái Nguyên %.4f", hg, tng)
	}
}

func TestConfigErrors(t *testing.T) {
	for name, cfg := range map[string]Config{
		"no date":               {Provinces: []string{"30"}},
		"no province":           {ReferenceDate: date(2022, 10, 1)},
		"unknown province":      {Provinces: []string{"99"}, ReferenceDate: date(2022, 10, 1)},
		"province not in force": {Provinces: []string{"30"}, ReferenceDate: date(2025, 10, 1)},
		"before the standards":  {Provinces: []string{"30"}, ReferenceDate: date(2021, 10, 1)},
		"negative households":   {Provinces: []string{"30"}, Households: -1, ReferenceDate: date(2022, 10, 1)},
	} {
		_, err := New(cfg)
		var e *giamngheo.Error
		if !errors.As(err, &e) || e.Code != giamngheo.EINVALID {
			t.Errorf("%s: got %v, want an EINVALID error", name, err)
		}
	}
}

// The Hải Dương plan for 2022–2024 uses the units in force then: 12 district-level
// units and 235 communes; villages are 5–15 per commune; codes sort in generation
// order and are unique.
func TestPlanHaiDuong(t *testing.T) {
	g, err := New(Config{Provinces: []string{"30"}, Households: 20_000, Seed: 5, ReferenceDate: date(2023, 10, 1)})
	if err != nil {
		t.Fatal(err)
	}
	cs := g.Communes()
	districts := map[string]bool{}
	urban := 0
	for _, c := range cs {
		districts[c.DistrictCode] = true
		if len(c.Villages) < 5 || len(c.Villages) > 15 {
			t.Errorf("%s has %d villages", c.Code, len(c.Villages))
		}
		if c.Area == poverty.Urban {
			urban++
			for _, v := range c.Villages {
				if !strings.HasPrefix(v, "Tổ dân phố ") {
					t.Errorf("%s %s: village %q, want Tổ dân phố N", c.Code, c.Type, v)
				}
			}
		} else if c.Type != "Xã" {
			t.Errorf("%s: type %q is rural", c.Code, c.Type)
		}
	}
	if len(cs) != 235 || len(districts) != 12 {
		t.Errorf("%d communes in %d districts, want 235 in 12", len(cs), len(districts))
	}
	for ref, want := range map[time.Time]int{date(2022, 10, 1): 235, date(2024, 10, 1): 235, date(2025, 3, 1): 207} {
		g, err := New(Config{Provinces: []string{"30"}, Households: 1000, Seed: 5, ReferenceDate: ref})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(g.Communes()); n != want {
			t.Errorf("%s: %d communes, want %d", ref.Format("2006-01-02"), n, want)
		}
	}
	if urban != 57 { // 47 phường + 10 thị trấn (regulations.md §5.1)
		t.Errorf("%d urban communes, want 57", urban)
	}
	if def := DefaultHouseholds("30", date(2022, 10, 1)); def < 640_000 || def > 646_000 {
		t.Errorf("DefaultHouseholds(30, 2022) = %d, want ≈ 643,000", def)
	}
	if def := DefaultHouseholds("30", date(2024, 10, 1)); def < 652_000 || def > 658_000 {
		t.Errorf("DefaultHouseholds(30, 2024) = %d, want ≈ 655,000", def)
	}
	country := 0
	for _, p := range provinces {
		country += DefaultHouseholds(p.code, date(2022, 10, 1))
	}
	if country < 26_100_000 || country > 26_300_000 {
		t.Errorf("country 2022 = %d households, want ≈ 26.2 M", country)
	}

	var codes []string
	for h := range g.Households() {
		codes = append(codes, h.Code)
	}
	if len(codes) != 20_000 {
		t.Fatalf("%d households", len(codes))
	}
	if !slices.IsSorted(codes) {
		t.Error("household codes are not in sorted order")
	}
	if len(slices.Compact(slices.Clone(codes))) != len(codes) {
		t.Error("duplicate household codes")
	}
}

// After 1 July 2025 there are no districts: communes hang from the province.
func TestPlanTwoTier(t *testing.T) {
	g, err := New(Config{Provinces: []string{"31"}, Households: 5000, Seed: 5, ReferenceDate: date(2025, 10, 1)})
	if err != nil {
		t.Fatal(err)
	}
	cs := g.Communes()
	if len(cs) != 114 {
		t.Errorf("%d communes in the new Hải Phòng, want 114", len(cs))
	}
	for _, c := range cs {
		if c.DistrictCode != "" {
			t.Fatalf("%s has district %s", c.Code, c.DistrictCode)
		}
	}
	if got, want := DefaultHouseholds("31", date(2025, 10, 1)), defaultOld("31", date(2025, 10, 1))+defaultOld("30", date(2025, 10, 1)); got != want {
		t.Errorf("DefaultHouseholds(31) after the merger = %d, want Hải Phòng + Hải Dương = %d", got, want)
	}
	if RegionOf("31") != poverty.RegionRedRiverDelta || RegionOf("99") != "" {
		t.Error("RegionOf")
	}
	for h := range g.Households() {
		if strings.Count(h.Address, ",") != 2 {
			t.Fatalf("address %q: want village, commune, province", h.Address)
		}
		break
	}
}

// Every household passes the registry's Normalize + Validate unchanged, its answers
// survive the poverty JSON decoder, and its family is consistent.
func TestHouseholdsValid(t *testing.T) {
	var sizes, people, kinh, nguyen, heads, hgPeople, hgKinh int
	given := map[string]bool{}
	cfg := Config{Provinces: []string{"30", "02", "58", "64", "66", "94", "79"}, Households: sampleSize(40_000), Seed: 9, ReferenceDate: date(2023, 10, 1)}
	g, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ref := cfg.ReferenceDate
	for h := range g.Households() {
		before, _ := json.Marshal(h)
		h.Normalize()
		if err := h.Validate(); err != nil {
			t.Fatalf("%s: %v", h.Code, err)
		}
		ws := h.Warnings
		h.Warnings = nil
		if after, _ := json.Marshal(h); string(after) != string(before) {
			t.Fatalf("Normalize changed %s:\n%s\n%s", h.Code, before, after)
		}
		h.Warnings = ws
		b, _ := json.Marshal(h.Answers())
		if _, err := poverty.DecodeHousehold(b); err != nil {
			t.Fatalf("%s: %v", h.Code, err)
		}
		checkFamily(t, h, ref)
		if h.ProvinceCode == "30" {
			sizes += len(h.Members)
			heads++
			if strings.HasPrefix(h.HeadName, "Nguyễn ") {
				nguyen++
			}
			for _, m := range h.Members {
				people++
				if m.Ethnicity == "Kinh" {
					kinh++
				}
			}
		}
		if h.ProvinceCode == "02" {
			for _, m := range h.Members {
				hgPeople++
				if m.Ethnicity == "Kinh" {
					hgKinh++
				}
			}
		}
		for _, m := range h.Members {
			if m.Ethnicity == "Kinh" {
				f := strings.Fields(m.Name)
				given[string(m.Sex)+f[len(f)-1]] = true
			}
		}
	}
	mean := float64(sizes) / float64(heads)
	if mean < 3.2 || mean > 3.8 {
		t.Errorf("Hải Dương mean household size %.2f, want ≈ 3.5", mean)
	}
	if share := float64(kinh) / float64(people); share < 0.985 {
		t.Errorf("Hải Dương Kinh share %.3f, want ≈ 0.99", share)
	}
	if share := float64(nguyen) / float64(heads); share < 0.34 || share > 0.42 {
		t.Errorf("Nguyễn share among heads %.3f, want ≈ 0.38", share)
	}
	if share := float64(hgKinh) / float64(hgPeople); share > 0.3 {
		t.Errorf("Hà Giang Kinh share %.3f, want a minority (≈ 0.13–0.2)", share)
	}
	if len(given) < 150 {
		t.Errorf("%d distinct (sex, given name) pairs, want at least 150", len(given))
	}
	t.Logf("Hải Dương: mean size %.2f, Kinh %.2f %%, Nguyễn %.1f %% of heads; %d given names seen",
		mean, 100*float64(kinh)/float64(people), 100*float64(nguyen)/float64(heads), len(given))
}

// checkFamily checks one household's relations and ages.
func checkFamily(t *testing.T, h *registry.Household, ref time.Time) {
	t.Helper()
	age := func(m registry.Member) int {
		b, err := time.Parse("2006-01-02", m.BirthDate)
		if err != nil {
			t.Fatalf("%s: birth date %q", h.Code, m.BirthDate)
		}
		a := ref.Year() - b.Year()
		if ref.Month() < b.Month() || ref.Month() == b.Month() && ref.Day() < b.Day() {
			a--
		}
		return a
	}
	if n := len(h.Members); n < 1 || n > 9 {
		t.Fatalf("%s: %d members", h.Code, n)
	}
	head := h.Members[0]
	if head.Relation != registry.RelationHead || h.HeadName != head.Name || age(head) < 18 {
		t.Fatalf("%s: the first member is not an adult head: %+v", h.Code, head)
	}
	ha, sa := age(head), -1
	for _, m := range h.Members {
		if m.Relation == registry.RelationSpouse {
			sa = age(m)
		}
	}
	for i, m := range h.Members[1:] {
		a := age(m)
		bad := false
		switch m.Relation {
		case registry.RelationHead:
			bad = true
		case registry.RelationSpouse, registry.RelationChildInLaw:
			bad = a < 18
		case registry.RelationChild:
			bad = a > ha-16 && a > sa-16 // one of the couple is the parent
		case registry.RelationParent:
			bad = a < ha+16
		case registry.RelationGrandchild:
			bad = a > ha-30 && a > sa-30
		}
		if bad {
			t.Fatalf("%s: member %d (%s, %d) vs head aged %d, spouse %d", h.Code, i+2, m.Relation, a, ha, sa)
		}
		if a < 14 && m.NationalID != "" {
			t.Fatalf("%s: a %d-year-old has a national ID", h.Code, a)
		}
	}
}

// National IDs follow the scheme checked by registry.CheckNationalID, except a small
// deliberate share of mismatches (~0.3 %) and duplicates (~0.2 %).
func TestNationalIDs(t *testing.T) {
	g, err := New(Config{Provinces: []string{"30"}, Households: sampleSize(100_000), Seed: 11, ReferenceDate: date(2022, 10, 1)})
	if err != nil {
		t.Fatal(err)
	}
	ref := date(2022, 10, 1)
	seen := map[string]bool{}
	var ids, dups, issues, eligible, repeatedWarnings int
	for h := range g.Households() {
		h.Normalize()
		for _, w := range h.Warnings {
			if w.Code == registry.WarnNationalIDRepeated {
				repeatedWarnings++
			}
		}
		for _, m := range h.Members {
			b, _ := time.Parse("2006-01-02", m.BirthDate)
			if b.AddDate(14, 0, 0).After(ref) {
				continue
			}
			eligible++
			if m.NationalID == "" {
				continue
			}
			ids++
			if len(m.NationalID) != 12 {
				t.Fatalf("%s: ID %q", h.Code, m.NationalID)
			}
			if seen[m.NationalID] {
				dups++
				continue
			}
			seen[m.NationalID] = true
			if len(registry.CheckNationalID(m.NationalID, b, string(m.Sex))) > 0 {
				issues++
			}
		}
	}
	pct := func(n int) float64 { return 100 * float64(n) / float64(ids) }
	t.Logf("%d IDs for %d persons aged 14+ (%.1f %%); %.3f %% with issues, %.3f %% duplicates; %d repeated-ID warnings within households",
		ids, eligible, 100*float64(ids)/float64(eligible), pct(issues), pct(dups), repeatedWarnings)
	if r := float64(ids) / float64(eligible); r < 0.95 || r > 0.99 {
		t.Errorf("%.3f of persons aged 14+ have an ID, want ≈ 0.97", r)
	}
	if p := pct(issues); p < 0.2 || p > 0.45 {
		t.Errorf("%.3f %% of IDs disagree with the record, want ≈ 0.3 %%", p)
	}
	if p := pct(dups); p < 0.14 || p > 0.27 {
		t.Errorf("%.3f %% of IDs are duplicates, want ≈ 0.2 %%", p)
	}
	if repeatedWarnings == 0 {
		t.Error("no household has a repeated ID for registry.Normalize to warn about")
	}
}
