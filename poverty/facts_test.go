package poverty

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// factsCases are the households the compact form is checked on: the benchmark's
// varied mix (sizes 1–8, incomes around the lines, missing answers), every golden case,
// and households that put each answer at each of its values.
func factsCases(t *testing.T) []*Household {
	hs := benchHouseholds(600)
	files, err := filepath.Glob("testdata/golden/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var c goldenCase
		if err := json.Unmarshal(b, &c); err != nil {
			t.Fatal(err)
		}
		h, err := DecodeHousehold(c.Household)
		if err != nil {
			t.Fatal(err)
		}
		if len(h.ScoreAnswers) == 0 { // the card's households have no compact form
			hs = append(hs, h)
		}
	}
	tris := []*bool{nil, yes(), no()}
	for i := range 3 * 3 * 3 {
		h := goodHousehold(perCapita(int64(1_000_000+i*90_000), 3))
		h.HouseWallsDurable, h.HouseColumnsDurable, h.HouseRoofDurable = tris[i%3], tris[i/3%3], tris[i/9%3]
		h.Telecom, h.WasteTreated = tris[i%3], tris[(i+1)%3]
		h.Area = []Area{"", Rural, Urban}[i%3]
		h.WaterSource = waterSources[i%len(waterSources)].v
		h.Latrine = latrines[i%len(latrines)].v
		h.Devices = []Device{devices[i%len(devices)].v}
		if i%4 == 0 {
			h.Devices = nil
		}
		if i%5 == 0 {
			h.FloorAreaM2 = nil
		}
		if i%7 == 0 {
			h.Income12m = nil
		}
		h.Members = append(h.Members, child("Bé", bornAgo(i%17)), adult("Bà", Female, bornAgo(60+i%20)))
		for j := range h.Members {
			m := &h.Members[j]
			m.Schooling = schoolings[(i+j)%len(schoolings)].v
			m.Employment = employments[(i+2*j)%len(employments)].v
			m.HealthInsurance, m.Malnourished = tris[(i+j)%3], tris[(i+2*j)%3]
			m.DisabilityAllowance = (i+j)%6 == 0
			if (i+j)%9 == 0 {
				m.Schooling, m.Employment = "", ""
			}
		}
		hs = append(hs, h)
	}
	return hs
}

// TestClassifyFactsMatchesClassify: classifying the compact form gives what
// classifying the answers gives (result or error), under each national standard, in
// each area, on dates around birthdays and before some members were born.
func TestClassifyFactsMatchesClassify(t *testing.T) {
	refs := []time.Time{ref2026, time.Date(2027, 3, 1, 5, 0, 0, 0, time.UTC), time.Date(1990, 6, 30, 5, 0, 0, 0, time.UTC)}
	n, errs := 0, 0
	for _, h := range factsCases(t) {
		b := EncodeFacts(h)
		if b == nil {
			t.Fatalf("no compact form for a valid household: %+v", h)
		}
		if m, _ := FactsMembers(b); m != len(h.Members) {
			t.Fatalf("FactsMembers %d, want %d", m, len(h.Members))
		}
		for _, id := range []string{"2022-2026", "2027-2030"} {
			std := mustStandard(t, id)
			for _, area := range []Area{Rural, Urban} {
				for _, ref := range refs {
					want, werr := Classify(h, std, area, ref, nil)
					var got Result
					gerr := ClassifyFacts(&got, b, std, area, DateOf(ref))
					if gerr != nil {
						got = Result{}
					}
					if (werr == nil) != (gerr == nil) || (werr != nil && werr.Error() != gerr.Error()) {
						t.Fatalf("%s %s %s: error %v, Classify gives %v", id, area, ref, gerr, werr)
					}
					if !reflect.DeepEqual(got, want) {
						t.Fatalf("%s %s %s:\n got  %+v\n want %+v", id, area, ref, got, want)
					}
					n++
					if werr != nil {
						errs++
					}
				}
			}
		}
	}
	// The cases must reach the errors of the reference date and every class.
	if errs == 0 || errs == n {
		t.Fatalf("%d of %d classifications failed: the cases do not cover both", errs, n)
	}
}

// TestEncodeFactsNone: no compact form for invalid answers or a household that
// answers the B1 card, and a damaged form is refused, never misread.
func TestEncodeFactsNone(t *testing.T) {
	bad := goodHousehold(perCapita(1_000_000, 1))
	bad.Members[0].BirthDate = "2010-02-30"
	scored := goodHousehold(perCapita(1_000_000, 1))
	scored.ScoreAnswers = map[string]string{"a": "b"}
	for _, h := range []*Household{bad, scored, {}} {
		if b := EncodeFacts(h); b != nil {
			t.Errorf("compact form %x for %+v", b, h)
		}
	}
	std := mustStandard(t, "2022-2026")
	b := EncodeFacts(goodHousehold(perCapita(1_000_000, 2)))
	for _, damaged := range [][]byte{nil, b[:5], b[:len(b)-1], append(append([]byte{}, b...), 0), append([]byte{2}, b[1:]...)} {
		var r Result
		err := ClassifyFacts(&r, damaged, std, Rural, DateOf(ref2026))
		wantInvalid(t, err, "facts")
	}
}

// FuzzClassifyFacts: any bytes are read without a panic; a household's compact form
// classifies as the household.
func FuzzClassifyFacts(f *testing.F) {
	for _, h := range benchHouseholds(20) {
		f.Add(EncodeFacts(h))
	}
	std := mustStandard(f, "2027-2030")
	f.Fuzz(func(t *testing.T, b []byte) {
		var r Result
		_ = ClassifyFacts(&r, b, std, Urban, DateOf(ref2026))
		FactsMembers(b)
	})
}

// TestCompiledRulesMatchRules: the indicators classification reads from the compiled
// rules (indicatorSets) are those the rules give member by member (assess, which the
// explanation reads), under each national standard and a local one that moves every
// threshold, for every case on dates that make members cross the age limits.
func TestCompiledRulesMatchRules(t *testing.T) {
	local := *mustStandard(t, "2022-2026")
	local.ID, local.ready = "local-test", false
	th := &local.Thresholds
	th.WorkingAgeMin, th.WorkingAgeBelowMale, th.WorkingAgeBelowFemale = 18, 62, 60
	th.DependantChildAgeBelow, th.DependantElderlyAgeMin, th.DependantSharePercent = 15, 65, 40
	th.NutritionChildAgeBelow, th.HealthInsuranceAgeMin = 6, 0
	th.AdultEducationAgeMin, th.AdultEducationUpperAgeMin, th.AdultEducationAgeMax = 15, 19, 35
	th.ChildSchoolingAgeMin, th.ChildSchoolingAgeBelow = 5, 15
	th.HousingNonDurableMin, th.HousingAreaPerPersonM2 = 1, 10
	th.CleanWaterSources = th.CleanWaterSources[:1]
	th.HygienicLatrines = th.HygienicLatrines[len(th.HygienicLatrines)-1:]
	if err := local.Validate(); err != nil {
		t.Fatal(err)
	}
	stds := []*Standard{mustStandard(t, "2022-2026"), mustStandard(t, "2027-2030"), &local}
	cases := factsCases(t)
	seen := map[IndicatorSet]bool{}
	for _, h := range cases {
		for _, std := range stds {
			for year := 2020; year <= 2040; year += 4 {
				ref := Date{year, 7, 1}
				var ages memberFacts
				var a assessment
				if h.validate(ref, &ages, &a.house) != nil {
					continue
				}
				dep, unk := indicatorSets(len(h.Members), std, &ages, &a.house)
				assess(len(h.Members), std, &ages, &a)
				if dep != a.deprived || unk != a.unknown {
					t.Fatalf("%s on %s: compiled rules give deprived %v, undecided %v; the rules %v, %v", std.ID, ref, dep, unk, a.deprived, a.unknown)
				}
				seen[dep] = true
			}
		}
	}
	// The cases must reach many different outcomes, or nothing was compared.
	if len(seen) < 50 {
		t.Fatalf("only %d different sets of deprivations", len(seen))
	}
}
