package poverty

import (
	"slices"
	"testing"
	"time"
)

// withDeprivations returns a household of two adults whose per-capita income is pc and
// which is deprived in exactly k indicators (0–3): water, then latrine, then telecom.
func withDeprivations(pc int64, k int) *Household {
	h := goodHousehold(perCapita(pc, 2))
	if k > 0 {
		h.WaterSource = WaterSurface
	}
	if k > 1 {
		h.Latrine = LatrineHanging
	}
	if k > 2 {
		h.Telecom = no()
	}
	return h
}

// TestIncomeAndDeprivations checks the income line in each area and standard (income
// exactly at the line, one đồng above) and the count of deprivations (2 vs 3).
func TestIncomeAndDeprivations(t *testing.T) {
	tests := []struct {
		name string
		std  string
		ref  time.Time
		area Area
		pc   int64
		k    int
		want Class
	}{
		{"rural 2022, at the line, 3 deprivations", "2022-2026", ref2026, Rural, 1_500_000, 3, Poor},
		{"rural 2022, at the line, 2 deprivations", "2022-2026", ref2026, Rural, 1_500_000, 2, NearPoor},
		{"rural 2022, 1 đồng above, 3 deprivations (AND, not OR)", "2022-2026", ref2026, Rural, 1_500_001, 3, NotPoor},
		{"rural 2022, far below, 0 deprivations", "2022-2026", ref2026, Rural, 300_000, 0, NearPoor},
		{"rural 2022, zero income, 3 deprivations", "2022-2026", ref2026, Rural, 0, 3, Poor},
		{"urban 2022, at the line, 3 deprivations", "2022-2026", ref2026, Urban, 2_000_000, 3, Poor},
		{"urban 2022, at the line, 2 deprivations", "2022-2026", ref2026, Urban, 2_000_000, 2, NearPoor},
		{"urban 2022, 1 đồng above", "2022-2026", ref2026, Urban, 2_000_001, 3, NotPoor},
		{"urban 2022 vs rural: 1,800,000 is under the urban line", "2022-2026", ref2026, Urban, 1_800_000, 1, NearPoor},
		{"rural 2022: 1,800,000 is over the rural line", "2022-2026", ref2026, Rural, 1_800_000, 1, NotPoor},
		{"rural 2027, at the line, 3 deprivations", "2027-2030", ref2027, Rural, 2_200_000, 3, Poor},
		{"rural 2027, at the line, 2 deprivations", "2027-2030", ref2027, Rural, 2_200_000, 2, NearPoor},
		{"rural 2027, 1 đồng above", "2027-2030", ref2027, Rural, 2_200_001, 3, NotPoor},
		{"urban 2027, at the line", "2027-2030", ref2027, Urban, 2_800_000, 3, Poor},
		{"urban 2027, 1 đồng above", "2027-2030", ref2027, Urban, 2_800_001, 0, NotPoor},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			std := mustStandard(t, tt.std)
			r := mustClassify(t, withDeprivations(tt.pc, tt.k), std, tt.area, tt.ref, nil)
			if r.Class != tt.want {
				t.Errorf("class %s, want %s (income %+v, %d deprivations)", r.Class, tt.want, r.Income, r.DeprivationCount)
			}
			if r.DeprivationCount != tt.k || r.DeprivationScore != 10*tt.k {
				t.Errorf("%d deprivations (B2 %d), want %d (B2 %d)", r.DeprivationCount, r.DeprivationScore, tt.k, 10*tt.k)
			}
			if r.Income.PerCapita != tt.pc || r.IncomeMethod != IncomeMeasured || r.Area != tt.area || r.Standard != tt.std {
				t.Errorf("result %+v", r)
			}
		})
	}
}

// TestPerCapitaRounding pins the rounding: income / 12 / members rounded down to the
// đồng, then compared with the line.
func TestPerCapitaRounding(t *testing.T) {
	std := mustStandard(t, "2022-2026")
	for _, tt := range []struct {
		income12m int64
		pc        int64
		want      Class
	}{
		{36_000_000, 1_500_000, NearPoor},
		{36_000_023, 1_500_000, NearPoor}, // 1,500,000.96 rounds down to the line
		{36_000_024, 1_500_001, NotPoor},
	} {
		h := goodHousehold(tt.income12m)
		r := mustClassify(t, h, std, Rural, ref2026, nil)
		if r.Income.PerCapita != tt.pc || r.Class != tt.want {
			t.Errorf("income %d: per capita %d, class %s; want %d, %s", tt.income12m, r.Income.PerCapita, r.Class, tt.pc, tt.want)
		}
	}
}

// TestMiddleLivingStandard checks the band (line, upper] for farm households only.
func TestMiddleLivingStandard(t *testing.T) {
	tests := []struct {
		name string
		std  string
		ref  time.Time
		area Area
		farm bool
		pc   int64
		want Class
	}{
		{"rural farm just above the line", "2022-2026", ref2026, Rural, true, 1_500_001, Middle},
		{"rural farm at the upper bound", "2022-2026", ref2026, Rural, true, 2_250_000, Middle},
		{"rural farm above the upper bound", "2022-2026", ref2026, Rural, true, 2_250_001, NotPoor},
		{"rural farm at the poverty line is near-poor, not middle", "2022-2026", ref2026, Rural, true, 1_500_000, NearPoor},
		{"rural non-farm in the band", "2022-2026", ref2026, Rural, false, 2_000_000, NotPoor},
		{"urban farm at the upper bound", "2022-2026", ref2026, Urban, true, 3_000_000, Middle},
		{"urban farm above", "2022-2026", ref2026, Urban, true, 3_000_001, NotPoor},
		{"2027 defines no band", "2027-2030", ref2027, Rural, true, 2_300_000, NotPoor},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := withDeprivations(tt.pc, 1)
			h.FarmHousehold = tt.farm
			r := mustClassify(t, h, mustStandard(t, tt.std), tt.area, tt.ref, nil)
			if r.Class != tt.want {
				t.Errorf("class %s, want %s", r.Class, tt.want)
			}
		})
	}
}

// TestLowIncomeWorkers checks Decree 30/2025: working-age members of households that
// are neither poor nor near-poor, with per-capita income at or below the line.
func TestLowIncomeWorkers(t *testing.T) {
	r := ref2026
	members := []Member{
		adult("Chủ hộ", Male, almost(r, 60)), // 59: working age
		adult("Vợ", Female, age(r, 55)),      // 55: not working age (women under 55)
		child("Con", age(r, 14)),             // 14: not working age
		adult("Con lớn", Female, age(r, 15)), // 15: working age
		adult("Ông", Male, age(r, 60)),       // 60: not working age
		adult("Cháu", Female, almost(r, 55)), // 54: working age
	}
	wantWorkers := MemberSet(0).with(0).with(3).with(5)
	tests := []struct {
		name string
		std  string
		ref  time.Time
		area Area
		farm bool
		pc   int64
		want MemberSet
	}{
		{"rural at the line", "2022-2026", r, Rural, false, 2_250_000, wantWorkers},
		{"rural 1 đồng above", "2022-2026", r, Rural, false, 2_250_001, 0},
		{"rural farm household of middle living standard", "2022-2026", r, Rural, true, 2_000_000, wantWorkers},
		{"near-poor household has no low-income workers", "2022-2026", r, Rural, false, 1_400_000, 0},
		{"urban at the line", "2022-2026", r, Urban, false, 3_000_000, wantWorkers},
		{"urban above", "2022-2026", r, Urban, false, 3_000_001, 0},
		{"before Decree 30/2025", "2022-2026", time.Date(2025, 2, 23, 0, 0, 0, 0, time.UTC), Rural, false, 2_000_000, 0},
		{"2027 defines no line", "2027-2030", ref2027, Rural, false, 2_250_000, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := goodHousehold(perCapita(tt.pc, len(members)))
			h.Members = append([]Member(nil), members...)
			h.FloorAreaM2 = m2(100)
			h.FarmHousehold = tt.farm
			res := mustClassify(t, h, mustStandard(t, tt.std), tt.area, tt.ref, nil)
			if res.LowIncomeWorkers != tt.want {
				t.Errorf("low-income workers %v, want %v (class %s)", res.LowIncomeWorkers.Indexes(), tt.want.Indexes(), res.Class)
			}
		})
	}
}

// TestArea checks that the household's own area overrides the commune's, and that a
// household without either is refused.
func TestArea(t *testing.T) {
	std := mustStandard(t, "2022-2026")
	h := withDeprivations(1_800_000, 3)
	if r := mustClassify(t, h, std, Rural, ref2026, nil); r.Class != NotPoor || r.Area != Rural {
		t.Errorf("rural commune: %s in %s, want not_poor in rural", r.Class, r.Area)
	}
	h.Area = Urban
	r := mustClassify(t, h, std, Rural, ref2026, nil)
	if r.Class != Poor || r.Area != Urban || r.Income.Line != 2_000_000 {
		t.Errorf("household override: %s in %s (line %d), want poor in urban (2,000,000)", r.Class, r.Area, r.Income.Line)
	}
	h.Area = ""
	_, err := Classify(h, std, "", ref2026, nil)
	wantInvalid(t, err, "area")
}

// TestProvisional checks that unknown answers that could make the household poor
// mark the result provisional.
func TestProvisional(t *testing.T) {
	std := mustStandard(t, "2022-2026")
	tests := []struct {
		name        string
		k           int
		unknown     bool
		pc          int64
		class       Class
		provisional bool
	}{
		{"2 deprived + 1 unknown", 2, true, 1_000_000, NearPoor, true},
		{"1 deprived + 1 unknown", 1, true, 1_000_000, NearPoor, false},
		{"3 deprived + 1 unknown", 3, true, 1_000_000, Poor, false},
		{"2 deprived, none unknown", 2, false, 1_000_000, NearPoor, false},
		{"above the line, 2 deprived + 1 unknown", 2, true, 1_600_000, NotPoor, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := withDeprivations(tt.pc, tt.k)
			if tt.unknown {
				h.FloorAreaM2 = nil
			}
			r := mustClassify(t, h, std, Rural, ref2026, nil)
			if r.Class != tt.class || r.Provisional != tt.provisional || r.Unknown.Has(IndicatorHousingArea) != tt.unknown {
				t.Errorf("class %s provisional %v unknown %v; want %s %v", r.Class, r.Provisional, r.Unknown.Keys(), tt.class, tt.provisional)
			}
		})
	}
}

// TestClassifyRefuses checks the errors that need the reference date or the standard.
func TestClassifyRefuses(t *testing.T) {
	std := mustStandard(t, "2022-2026")
	h := goodHousehold(1)
	h.Members[1].BirthDate = "2026-07-01"
	_, err := Classify(h, std, Rural, ref2026, nil)
	wantInvalid(t, err, "members[1].birth_date")

	h = goodHousehold(1)
	h.Members[0].BirthDate = "1890-01-01"
	_, err = Classify(h, std, Rural, ref2026, nil)
	wantInvalid(t, err, "members[0].birth_date")

	h = goodHousehold(1)
	h.Income12m = nil
	_, err = Classify(h, std, Rural, ref2026, nil)
	wantInvalid(t, err, "income_12m")

	_, err = Classify(goodHousehold(1), &Standard{ID: "x"}, Rural, ref2026, nil)
	wantInvalid(t, err, "standard")
	_, err = Classify(goodHousehold(1), nil, Rural, ref2026, nil)
	wantInvalid(t, err, "standard")

	h = goodHousehold(1)
	h.Members = nil
	_, err = Classify(h, std, Rural, ref2026, nil)
	wantInvalid(t, err, "members")
}

// TestAgeOnReferenceDate checks exact ages: born 2010-06-30 is 16 on 2026-06-30.
func TestAgeOnReferenceDate(t *testing.T) {
	for _, tt := range []struct {
		birth, ref string
		want       int
	}{
		{"2010-06-30", "2026-06-30", 16},
		{"2010-06-30", "2026-06-29", 15},
		{"2010-07-01", "2026-06-30", 15},
		{"1996-06-30", "2026-06-30", 30},
		{"2008-02-29", "2026-02-28", 17},
		{"2008-02-29", "2026-03-01", 18},
		{"2008-02-29", "2028-02-29", 20},
		{"2026-06-30", "2026-06-30", 0},
	} {
		b, err1 := ParseDate(tt.birth)
		r, err2 := ParseDate(tt.ref)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if got := ageAt(b, r); got != tt.want {
			t.Errorf("born %s, on %s: age %d, want %d", tt.birth, tt.ref, got, tt.want)
		}
	}
}

// TestParseDate checks the strict YYYY-MM-DD layout.
func TestParseDate(t *testing.T) {
	for _, s := range []string{"", "2026-6-30", "2026/06/30", "30/06/2026", "2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "0000-01-01", "2026-06-30T00:00", "２０２６-06-30"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) accepted", s)
		} else {
			wantInvalid(t, err, "")
		}
	}
	for _, s := range []string{"2024-02-29", "2000-02-29", "2026-12-31", "1900-01-01"} {
		d, err := ParseDate(s)
		if err != nil || d.String() != s {
			t.Errorf("ParseDate(%q) = %v, %v", s, d, err)
		}
	}
	if _, err := ParseDate("1900-02-29"); err == nil {
		t.Errorf("1900 is not a leap year")
	}
}

// TestUnansweredAcrossTheSwitch: a household surveyed under 2022–2026 answered about
// information devices but was never asked about waste; under 2027–2030 waste is
// unanswered and devices no longer matter.
func TestUnansweredAcrossTheSwitch(t *testing.T) {
	h := &Household{Income12m: vndp(30_000_000), WaterSource: WaterTap, Latrine: LatrineSeptic,
		HouseWallsDurable: yes(), HouseColumnsDurable: yes(), HouseRoofDurable: yes(), FloorAreaM2: m2(60), Telecom: yes(),
		Devices: []Device{DeviceTV},
		Members: []Member{{Name: "Nguyễn Văn An", Sex: Male, BirthDate: "1970-03-04", HealthInsurance: yes(), Schooling: SchoolingUpperSecondary, Employment: EmployedWithContract}}}
	old, _ := StandardByID("2022-2026")
	neu, _ := StandardByID("2027-2030")
	for _, tc := range []struct {
		std  *Standard
		ref  time.Time
		want []IndicatorKey
	}{
		{old, time.Date(2026, 12, 31, 12, 0, 0, 0, time.UTC), nil},
		{neu, time.Date(2027, 1, 2, 12, 0, 0, 0, time.UTC), []IndicatorKey{IndicatorWaste}},
	} {
		got, err := Unanswered(h, tc.std, tc.ref)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.Keys(), tc.want) {
			t.Errorf("%s: unanswered %v, want %v", tc.std.ID, got.Keys(), tc.want)
		}
	}
	h.WasteTreated = yes()
	if got, _ := Unanswered(h, neu, time.Date(2027, 1, 2, 0, 0, 0, 0, time.UTC)); got.Len() != 0 {
		t.Errorf("answered waste: unanswered %v", got.Keys())
	}
}
