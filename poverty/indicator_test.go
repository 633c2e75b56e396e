package poverty

import (
	"testing"
	"time"
)

// age returns a birth date such that the member is exactly `years` old on ref (the
// birthday is the reference date itself).
func age(ref time.Time, years int) string { return ref.AddDate(-years, 0, 0).Format("2006-01-02") }

// almost returns a birth date such that the member turns `years` the day after ref,
// so is years-1 on ref.
func almost(ref time.Time, years int) string { return ref.AddDate(-years, 0, 1).Format("2006-01-02") }

// indicatorState classifies h and returns the state of indicator k.
func indicatorState(t *testing.T, h *Household, std *Standard, ref time.Time, k IndicatorKey) state {
	t.Helper()
	r := mustClassify(t, h, std, Rural, ref, nil)
	switch {
	case r.Deprived.Has(k) && r.Unknown.Has(k):
		t.Fatalf("%s is both deprived and unknown", k)
	case r.Deprived.Has(k):
		return deprived
	case r.Unknown.Has(k):
		return unknown
	}
	return clear
}

var stateNames = map[state]string{clear: "not deprived", deprived: "deprived", unknown: "unknown"}

// TestMemberIndicatorBoundaries adds one member to a household deprived in nothing
// and checks one member-level indicator, at the edges of every age threshold.
func TestMemberIndicatorBoundaries(t *testing.T) {
	r := ref2026
	tests := []struct {
		name string
		key  IndicatorKey
		m    Member
		want state
	}{
		// Employment: working age is 15 to under 60 (men), under 55 (women).
		{"unemployed man aged exactly 15", IndicatorEmployment, Member{Sex: Male, BirthDate: age(r, 15), Employment: Unemployed}, deprived},
		{"unemployed man aged 14 (15 tomorrow)", IndicatorEmployment, Member{Sex: Male, BirthDate: almost(r, 15), Employment: Unemployed}, clear},
		{"unemployed man aged 59 (60 tomorrow)", IndicatorEmployment, Member{Sex: Male, BirthDate: almost(r, 60), Employment: Unemployed}, deprived},
		{"unemployed man aged exactly 60", IndicatorEmployment, Member{Sex: Male, BirthDate: age(r, 60), Employment: Unemployed}, clear},
		{"unemployed woman aged 54", IndicatorEmployment, Member{Sex: Female, BirthDate: almost(r, 55), Employment: Unemployed}, deprived},
		{"unemployed woman aged exactly 55", IndicatorEmployment, Member{Sex: Female, BirthDate: age(r, 55), Employment: Unemployed}, clear},
		{"wage work without contract", IndicatorEmployment, Member{Sex: Male, BirthDate: age(r, 30), Employment: EmployedNoContract}, deprived},
		{"wage work with contract", IndicatorEmployment, Member{Sex: Male, BirthDate: age(r, 30), Employment: EmployedWithContract}, clear},
		{"self-employed", IndicatorEmployment, Member{Sex: Male, BirthDate: age(r, 30), Employment: SelfEmployed}, clear},
		{"not in the labour force", IndicatorEmployment, Member{Sex: Female, BirthDate: age(r, 30), Employment: NotInLabourForce}, clear},
		{"working age, employment not answered", IndicatorEmployment, Member{Sex: Male, BirthDate: age(r, 30)}, unknown},
		{"aged 70, employment not answered", IndicatorEmployment, Member{Sex: Male, BirthDate: age(r, 70)}, clear},

		// Nutrition: children under 16.
		{"malnourished child aged 15", IndicatorNutrition, Member{Sex: Male, BirthDate: almost(r, 16), Malnourished: yes()}, deprived},
		{"malnourished member aged exactly 16", IndicatorNutrition, Member{Sex: Male, BirthDate: age(r, 16), Malnourished: yes()}, clear},
		{"child not malnourished", IndicatorNutrition, Member{Sex: Male, BirthDate: age(r, 5), Malnourished: no()}, clear},
		{"child, nutrition not answered", IndicatorNutrition, Member{Sex: Male, BirthDate: age(r, 5)}, unknown},

		// Health insurance: from age 6.
		{"uninsured child aged exactly 6", IndicatorHealthInsurance, Member{Sex: Male, BirthDate: age(r, 6), HealthInsurance: no()}, deprived},
		{"uninsured child aged 5 (6 tomorrow)", IndicatorHealthInsurance, Member{Sex: Male, BirthDate: almost(r, 6), HealthInsurance: no()}, clear},
		{"adult, insurance not answered", IndicatorHealthInsurance, Member{Sex: Male, BirthDate: age(r, 40)}, unknown},
		{"insured adult", IndicatorHealthInsurance, Member{Sex: Male, BirthDate: age(r, 40), HealthInsurance: yes()}, clear},

		// Adult education: 16 to 30; lower secondary below 18, upper secondary or vocational from 18.
		{"aged exactly 16, primary only, not studying", IndicatorAdultEducation, Member{Sex: Male, BirthDate: age(r, 16), Schooling: SchoolingPrimary}, deprived},
		{"aged 15, primary only", IndicatorAdultEducation, Member{Sex: Male, BirthDate: almost(r, 16), Schooling: SchoolingPrimary}, clear},
		{"aged 17, lower secondary", IndicatorAdultEducation, Member{Sex: Male, BirthDate: almost(r, 18), Schooling: SchoolingLowerSecondary}, clear},
		{"aged exactly 18, lower secondary", IndicatorAdultEducation, Member{Sex: Male, BirthDate: age(r, 18), Schooling: SchoolingLowerSecondary}, deprived},
		{"aged exactly 30, lower secondary", IndicatorAdultEducation, Member{Sex: Male, BirthDate: age(r, 30), Schooling: SchoolingLowerSecondary}, deprived},
		{"aged 31, lower secondary", IndicatorAdultEducation, Member{Sex: Male, BirthDate: age(r, 31), Schooling: SchoolingLowerSecondary}, clear},
		{"aged 30 tomorrow 31, none", IndicatorAdultEducation, Member{Sex: Male, BirthDate: almost(r, 31), Schooling: SchoolingNone}, deprived},
		{"aged 25, vocational", IndicatorAdultEducation, Member{Sex: Male, BirthDate: age(r, 25), Schooling: SchoolingVocational}, clear},
		{"aged 25, upper secondary", IndicatorAdultEducation, Member{Sex: Male, BirthDate: age(r, 25), Schooling: SchoolingUpperSecondary}, clear},
		{"aged 25, studying", IndicatorAdultEducation, Member{Sex: Male, BirthDate: age(r, 25), Schooling: SchoolingStudying}, clear},
		{"aged 16, studying below level", IndicatorAdultEducation, Member{Sex: Male, BirthDate: age(r, 16), Schooling: SchoolingStudyingBelowLevel}, clear},
		{"aged 25, schooling not answered", IndicatorAdultEducation, Member{Sex: Male, BirthDate: age(r, 25)}, unknown},

		// Child schooling: 3 to under 16.
		{"aged exactly 3, not attending", IndicatorChildSchooling, Member{Sex: Female, BirthDate: age(r, 3), Schooling: SchoolingNone}, deprived},
		{"aged 2 (3 tomorrow), not attending", IndicatorChildSchooling, Member{Sex: Female, BirthDate: almost(r, 3), Schooling: SchoolingNone}, clear},
		{"aged 15, below level for age", IndicatorChildSchooling, Member{Sex: Female, BirthDate: almost(r, 16), Schooling: SchoolingStudyingBelowLevel}, deprived},
		{"aged 15, finished lower secondary, not studying", IndicatorChildSchooling, Member{Sex: Female, BirthDate: almost(r, 16), Schooling: SchoolingLowerSecondary}, deprived},
		{"aged exactly 16, not attending", IndicatorChildSchooling, Member{Sex: Female, BirthDate: age(r, 16), Schooling: SchoolingNone}, clear},
		{"aged 10, attending", IndicatorChildSchooling, Member{Sex: Female, BirthDate: age(r, 10), Schooling: SchoolingStudying}, clear},
		{"aged 10, not answered", IndicatorChildSchooling, Member{Sex: Female, BirthDate: age(r, 10)}, unknown},
	}
	std := mustStandard(t, "2022-2026")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := goodHousehold(perCapita(1_000_000, 3))
			// Give the new member the non-deprived answers of the other indicators,
			// keeping those the case sets.
			m := tt.m
			if m.HealthInsurance == nil && tt.key != IndicatorHealthInsurance {
				m.HealthInsurance = yes()
			}
			if m.Malnourished == nil && tt.key != IndicatorNutrition {
				m.Malnourished = no()
			}
			if m.Schooling == "" && tt.key != IndicatorAdultEducation && tt.key != IndicatorChildSchooling {
				m.Schooling = SchoolingStudying
			}
			if m.Employment == "" && tt.key != IndicatorEmployment {
				m.Employment = SelfEmployed
			}
			h.Members = append(h.Members, m)
			if got := indicatorState(t, h, std, ref2026, tt.key); got != tt.want {
				t.Errorf("%s: got %s, want %s", tt.key, stateNames[got], stateNames[tt.want])
			}
		})
	}
}

// TestDependantsBoundaries checks the share "more than 50 %" and who counts as a
// dependant, at the age edges.
func TestDependantsBoundaries(t *testing.T) {
	r := ref2026
	worker := func(birth string) Member { return adult("", Male, birth) }
	tests := []struct {
		name    string
		members []Member
		want    state
	}{
		{"1 child of 2 members is 50 %, not more", []Member{worker(age(r, 40)), child("", age(r, 10))}, clear},
		{"2 of 4 is 50 %", []Member{worker(age(r, 40)), worker(age(r, 38)), child("", age(r, 10)), child("", age(r, 8))}, clear},
		{"3 of 5 is 60 %", []Member{worker(age(r, 40)), worker(age(r, 38)), child("", age(r, 10)), child("", age(r, 8)), child("", age(r, 1))}, deprived},
		{"member aged 15 is a dependant: 2 of 3", []Member{worker(age(r, 40)), child("", age(r, 10)), child("", almost(r, 16))}, deprived},
		{"member aged exactly 16 is not: 1 of 3", []Member{worker(age(r, 40)), child("", age(r, 10)), child("", age(r, 16))}, clear},
		{"member aged exactly 60 is a dependant: 2 of 3", []Member{worker(age(r, 40)), child("", age(r, 10)), worker(age(r, 60))}, deprived},
		{"member aged 59 is not: 1 of 3", []Member{worker(age(r, 40)), child("", age(r, 10)), worker(almost(r, 60))}, clear},
		{"adult on disability allowance: 2 of 3", []Member{worker(age(r, 40)), child("", age(r, 10)), {Sex: Male, BirthDate: age(r, 35), HealthInsurance: yes(), Schooling: SchoolingUpperSecondary, Employment: NotInLabourForce, DisabilityAllowance: true}}, deprived},
		{"single elderly person: 1 of 1", []Member{worker(age(r, 75))}, deprived},
	}
	std := mustStandard(t, "2022-2026")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := goodHousehold(perCapita(1_000_000, len(tt.members)))
			h.FloorAreaM2 = m2(200)
			h.Members = tt.members
			if got := indicatorState(t, h, std, r, IndicatorDependants); got != tt.want {
				t.Errorf("got %s, want %s", stateNames[got], stateNames[tt.want])
			}
		})
	}
}

// TestHouseholdIndicatorBoundaries checks the household-level indicators.
func TestHouseholdIndicatorBoundaries(t *testing.T) {
	tests := []struct {
		name string
		key  IndicatorKey
		set  func(*Household)
		want state
	}{
		{"one non-durable structure", IndicatorHousingQuality, func(h *Household) { h.HouseRoofDurable = no() }, clear},
		{"two non-durable structures", IndicatorHousingQuality, func(h *Household) { h.HouseRoofDurable, h.HouseWallsDurable = no(), no() }, deprived},
		{"three non-durable structures", IndicatorHousingQuality, func(h *Household) { h.HouseRoofDurable, h.HouseWallsDurable, h.HouseColumnsDurable = no(), no(), no() }, deprived},
		{"one non-durable, one not answered", IndicatorHousingQuality, func(h *Household) { h.HouseRoofDurable, h.HouseWallsDurable = no(), nil }, unknown},
		{"one not answered, two durable", IndicatorHousingQuality, func(h *Household) { h.HouseRoofDurable = nil }, clear},

		{"exactly 8 m² per person (16 m², 2 persons)", IndicatorHousingArea, func(h *Household) { h.FloorAreaM2 = m2(16) }, clear},
		{"just under 8 m² per person", IndicatorHousingArea, func(h *Household) { h.FloorAreaM2 = m2(15.99) }, deprived},
		{"no floor area", IndicatorHousingArea, func(h *Household) { h.FloorAreaM2 = m2(0) }, deprived},
		{"floor area not answered", IndicatorHousingArea, func(h *Household) { h.FloorAreaM2 = nil }, unknown},

		{"drilled well", IndicatorWater, func(h *Household) { h.WaterSource = WaterDrilledWell }, clear},
		{"rainwater", IndicatorWater, func(h *Household) { h.WaterSource = WaterRain }, clear},
		{"unprotected dug well", IndicatorWater, func(h *Household) { h.WaterSource = WaterUnprotectedDugWell }, deprived},
		{"river water", IndicatorWater, func(h *Household) { h.WaterSource = WaterSurface }, deprived},
		{"water not answered", IndicatorWater, func(h *Household) { h.WaterSource = "" }, unknown},

		{"semi-septic latrine", IndicatorLatrine, func(h *Household) { h.Latrine = LatrineSemiSeptic }, clear},
		{"hanging latrine", IndicatorLatrine, func(h *Household) { h.Latrine = LatrineHanging }, deprived},
		{"no latrine", IndicatorLatrine, func(h *Household) { h.Latrine = LatrineNone }, deprived},
		{"latrine not answered", IndicatorLatrine, func(h *Household) { h.Latrine = "" }, unknown},

		{"no telecom", IndicatorTelecom, func(h *Household) { h.Telecom = no() }, deprived},
		{"telecom not answered", IndicatorTelecom, func(h *Household) { h.Telecom = nil }, unknown},

		{"no devices", IndicatorInfoDevices, func(h *Household) { h.Devices = []Device{} }, deprived},
		{"basic phone only", IndicatorInfoDevices, func(h *Household) { h.Devices = []Device{DeviceBasicPhone} }, deprived},
		{"radio", IndicatorInfoDevices, func(h *Household) { h.Devices = []Device{DeviceBasicPhone, DeviceRadio} }, clear},
		{"devices not answered", IndicatorInfoDevices, func(h *Household) { h.Devices = nil }, unknown},
	}
	std := mustStandard(t, "2022-2026")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := goodHousehold(perCapita(1_000_000, 2))
			tt.set(h)
			if got := indicatorState(t, h, std, ref2026, tt.key); got != tt.want {
				t.Errorf("%s: got %s, want %s", tt.key, stateNames[got], stateNames[tt.want])
			}
		})
	}
}

// TestIndicatorSets checks which indicators each standard evaluates: 2027-2030 drops
// information devices and adds waste treatment.
func TestIndicatorSets(t *testing.T) {
	h := goodHousehold(perCapita(1_000_000, 2))
	h.Devices = []Device{}
	h.WasteTreated = no()

	r22 := mustClassify(t, h, mustStandard(t, "2022-2026"), Rural, ref2026, nil)
	if !r22.Deprived.Has(IndicatorInfoDevices) || r22.Deprived.Has(IndicatorWaste) || r22.DeprivationCount != 1 {
		t.Errorf("2022-2026: deprived %v, want only info_devices", r22.Deprived.Keys())
	}
	r27 := mustClassify(t, h, mustStandard(t, "2027-2030"), Rural, ref2027, nil)
	if r27.Deprived.Has(IndicatorInfoDevices) || !r27.Deprived.Has(IndicatorWaste) || r27.DeprivationCount != 1 {
		t.Errorf("2027-2030: deprived %v, want only waste", r27.Deprived.Keys())
	}

	h.WasteTreated = nil
	r27 = mustClassify(t, h, mustStandard(t, "2027-2030"), Rural, ref2027, nil)
	if !r27.Unknown.Has(IndicatorWaste) {
		t.Errorf("2027-2030: waste not answered should be unknown, got unknown %v", r27.Unknown.Keys())
	}
	r22 = mustClassify(t, h, mustStandard(t, "2022-2026"), Rural, ref2026, nil)
	if r22.Unknown.Has(IndicatorWaste) {
		t.Errorf("2022-2026 has no waste indicator, but it is reported unknown")
	}
}

// TestAllIndicatorsDeprived builds a household deprived in every indicator of the
// 2022-2026 standard and checks that all twelve are found.
func TestAllIndicatorsDeprived(t *testing.T) {
	r := ref2026
	h := &Household{
		Income12m:         vndp(perCapita(500_000, 3)),
		HouseWallsDurable: no(), HouseColumnsDurable: no(), HouseRoofDurable: no(),
		FloorAreaM2: m2(10), WaterSource: WaterSurface, Latrine: LatrineNone,
		Telecom: no(), Devices: []Device{},
		Members: []Member{
			{Sex: Male, BirthDate: age(r, 20), Employment: Unemployed, HealthInsurance: no(), Schooling: SchoolingPrimary},
			{Sex: Female, BirthDate: age(r, 8), Malnourished: yes(), HealthInsurance: yes(), Schooling: SchoolingNone},
			{Sex: Female, BirthDate: age(r, 70), HealthInsurance: yes(), Schooling: SchoolingNone, Employment: NotInLabourForce},
		},
	}
	res := mustClassify(t, h, mustStandard(t, "2022-2026"), Rural, r, nil)
	if res.DeprivationCount != 12 || res.DeprivationScore != 120 || res.Unknown != 0 || res.Class != Poor {
		t.Errorf("got %d deprivations (%v), score %d, unknown %v, class %s; want 12, 120, none, poor",
			res.DeprivationCount, res.Deprived.Keys(), res.DeprivationScore, res.Unknown.Keys(), res.Class)
	}
}
