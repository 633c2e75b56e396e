package demo

import (
	"math"

	"giamngheo/poverty"
	"giamngheo/registry"
)

// Every share and probability in this file (deprivation counts and weights, income
// levels, employment, schooling, insurance, farm households) is SYNTHETIC: made up to
// look plausible, not taken from statistics. The thresholds they are built around
// (ages, lines, the 3-deprivation rule) come from the standard in force.

// Deprivation counts by target class (SYNTHETIC). A poor household has at least the
// standard's minimum (3), a near-poor one fewer; a household above the line may have
// any number, since the AND of Decree 07/2021/NĐ-CP, Art. 3.2 keeps it out of both.
var (
	countsPoor    = newTable([]weighted[int]{{3, 40}, {4, 30}, {5, 17}, {6, 9}, {7, 4}})
	countsNear    = newTable([]weighted[int]{{0, 25}, {1, 40}, {2, 35}})
	countsGeneral = newTable([]weighted[int]{{0, 55}, {1, 28}, {2, 12}, {3, 4}, {4, 1}})
)

// indicatorWeights are how likely each indicator is to be among a household's
// deprivations, by profile (SYNTHETIC). Poor households in the deltas lack health
// insurance, decent housing and information; in the mountains water, latrines,
// housing, nutrition and schooling dominate.
var indicatorWeights = map[profile]map[poverty.IndicatorKey]float64{
	profileGeneral: {
		poverty.IndicatorEmployment: 3, poverty.IndicatorHealthInsurance: 2.5, poverty.IndicatorHousingArea: 0.4,
		poverty.IndicatorHousingQuality: 0.3, poverty.IndicatorWater: 0.4, poverty.IndicatorLatrine: 0.8,
		poverty.IndicatorTelecom: 0.2, poverty.IndicatorInfoDevices: 0.3, poverty.IndicatorAdultEducation: 0.8,
		poverty.IndicatorChildSchooling: 0.2, poverty.IndicatorNutrition: 0.5, poverty.IndicatorWaste: 0.8,
	},
	profileDelta: {
		poverty.IndicatorHealthInsurance: 3, poverty.IndicatorHousingQuality: 2, poverty.IndicatorHousingArea: 1,
		poverty.IndicatorEmployment: 1.5, poverty.IndicatorAdultEducation: 1, poverty.IndicatorChildSchooling: 0.5,
		poverty.IndicatorNutrition: 0.7, poverty.IndicatorWater: 0.6, poverty.IndicatorLatrine: 1.2,
		poverty.IndicatorTelecom: 1.5, poverty.IndicatorInfoDevices: 1.5, poverty.IndicatorWaste: 1,
	},
	profileMountain: {
		poverty.IndicatorWater: 2.5, poverty.IndicatorLatrine: 3, poverty.IndicatorHousingQuality: 2.5,
		poverty.IndicatorNutrition: 2, poverty.IndicatorChildSchooling: 1.2, poverty.IndicatorAdultEducation: 2,
		poverty.IndicatorHealthInsurance: 1, poverty.IndicatorEmployment: 1, poverty.IndicatorTelecom: 1,
		poverty.IndicatorInfoDevices: 1.5, poverty.IndicatorHousingArea: 1.2, poverty.IndicatorWaste: 2,
	},
}

// Per-capita income above the line: line × (1 + m × e^(0.7 z)), z standard normal,
// with m the region's SYNTHETIC median excess (× 1.3 in urban areas).
var incomeExcess = map[poverty.Region]float64{
	tdmnpb: 1.0, dbsh: 2.2, btb: 1.4, tn: 1.3, dnb: 2.8, dbscl: 1.6,
}

// noMember marks a member-level indicator with no member chosen.
const noMember = -1

// answers fills in the survey answers so that the household has class target under
// the generator's standard: income at or below the line for poor and near-poor,
// above it otherwise; and a set of deprived indicators of the drawn size.
func (cg *communeGen) answers(h *registry.Household, ps []person, target poverty.Class, prof profile) {
	r, c, std := cg.r, cg.c, cg.g.std
	t := &std.Thresholds
	n := len(ps)
	working := func(p person) bool {
		below := t.WorkingAgeBelowMale
		if p.sex == poverty.Female {
			below = t.WorkingAgeBelowFemale
		}
		return p.age >= t.WorkingAgeMin && p.age < below
	}

	// Members eligible for each member-level indicator.
	var emp, nut, hi, adu, chs []int
	dependants := 0
	for i, p := range ps {
		if working(p) && !p.disabled {
			emp = append(emp, i)
		}
		if p.age < t.NutritionChildAgeBelow {
			nut = append(nut, i)
		}
		if p.age >= t.HealthInsuranceAgeMin {
			hi = append(hi, i)
		}
		if p.age >= t.AdultEducationAgeMin && p.age <= t.AdultEducationAgeMax {
			adu = append(adu, i)
		}
		if p.age >= t.ChildSchoolingAgeMin && p.age < t.ChildSchoolingAgeBelow {
			chs = append(chs, i)
		}
		if p.age < t.DependantChildAgeBelow || p.age >= t.DependantElderlyAgeMin || p.disabled {
			dependants++
		}
	}
	// The dependants indicator follows from who lives in the household; it is the
	// only one the answers cannot switch off.
	structural := 0
	keys := &cg.g.keys
	if keys.has[ixDependants] && dependants*100 > t.DependantSharePercent*n {
		structural = 1
	}

	var k int
	switch target {
	case poverty.Poor:
		k = countsPoor.draw(r)
	case poverty.NearPoor:
		k = min(countsNear.draw(r), std.PoorMinDeprivations-1)
	default:
		k = countsGeneral.draw(r)
	}
	extra := max(k-structural, 0)

	// Candidates: the standard's indicators that can be deprived in this household.
	var members [maxKeys][]int
	members[ixEmployment], members[ixNutrition], members[ixHealthInsurance] = emp, nut, hi
	members[ixAdultEducation], members[ixChildSchooling] = adu, chs
	memberLevel := func(i kix) bool {
		return i == ixEmployment || i == ixNutrition || i == ixHealthInsurance || i == ixAdultEducation || i == ixChildSchooling
	}
	var candBuf [maxKeys]weighted[kix]
	cands := candBuf[:0]
	for _, i := range keys.list {
		if i == ixDependants || (memberLevel(i) && len(members[i]) == 0) {
			continue
		}
		cands = append(cands, weighted[kix]{i, weightsByProfile[prof][i]})
	}
	var deprived [maxKeys]bool
	for ; extra > 0 && len(cands) > 0; extra-- {
		sum := 0.0
		for _, x := range cands {
			sum += x.w
		}
		u := r.Float64() * sum
		j := 0
		for ; j < len(cands)-1; j++ {
			u -= cands[j].w
			if u < 0 {
				break
			}
		}
		deprived[cands[j].v] = true
		cands = append(cands[:j], cands[j+1:]...)
	}
	chosen := func(i kix) int {
		if !deprived[i] {
			return noMember
		}
		return pick(r, members[i])
	}
	empI, nutI, hiI, aduI, chsI := chosen(ixEmployment), chosen(ixNutrition),
		chosen(ixHealthInsurance), chosen(ixAdultEducation), chosen(ixChildSchooling)

	rural := c.Area == poverty.Rural
	for i, p := range ps {
		m := &h.Members[i].Member
		// Health insurance: children under the indicator's age have free cards.
		ins := !(i == hiI || (hiI != noMember && p.age >= t.HealthInsuranceAgeMin && prof == profileDelta && r.chance(0.3)))
		m.HealthInsurance = &ins
		if p.age < t.NutritionChildAgeBelow {
			mal := i == nutI
			m.Malnourished = &mal
		}
		m.Schooling = schooling(r, p.age, t, i == chsI, i == aduI, i == empI)
		student := m.Schooling == poverty.SchoolingStudying || m.Schooling == poverty.SchoolingStudyingBelowLevel
		switch {
		case working(p) && i == empI:
			m.Employment = poverty.EmployedNoContract
			if r.chance(0.3) {
				m.Employment = poverty.Unemployed
			}
		case working(p) && (student || p.disabled):
			m.Employment = poverty.NotInLabourForce
		case working(p):
			x := r.Float64()
			self := 0.55
			if !rural {
				self = 0.3
			}
			switch {
			case x < self:
				m.Employment = poverty.SelfEmployed
			case x < 0.9:
				m.Employment = poverty.EmployedWithContract
			default:
				m.Employment = poverty.NotInLabourForce
			}
		case p.age >= t.WorkingAgeMin:
			m.Employment = poverty.NotInLabourForce
			if r.chance(choose(rural, 0.35, 0.15)) {
				m.Employment = poverty.SelfEmployed
			}
		}
	}

	s := &h.Survey
	s.Region = c.Region
	// Farm households (SYNTHETIC shares): most rural households in the mountains, 40 %
	// elsewhere in the countryside, 5 % in towns.
	s.FarmHousehold = rural && r.chance(choose(prof == profileMountain || c.prov.mountain, 0.75, 0.4))
	if !rural {
		s.FarmHousehold = r.chance(0.05)
	}
	housing(r, s, t, n, deprived[ixHousingQuality], deprived[ixHousingArea])
	s.WaterSource = water(r, deprived[ixWater], rural, prof == profileMountain || c.prov.mountain)
	s.Latrine = latrine(r, deprived[ixLatrine])
	tel := !deprived[ixTelecom]
	s.Telecom = &tel
	s.Devices = devices(r, t, deprived[ixInfoDevices], tel)
	waste := r.chance(choose(rural, 0.8, 0.95))
	if keys.has[ixWaste] {
		waste = !deprived[ixWaste]
	}
	s.WasteTreated = &waste

	// Income: at or below the line for poor and near-poor (45–100 % of it), above it
	// otherwise. The remainder added below 12 × members keeps the per-capita income
	// (rounded down to the đồng, as Classify computes it) at pc exactly.
	line := std.Lines.For(c.Area).Poverty
	var pc int64
	if target == poverty.Poor || target == poverty.NearPoor {
		pc = int64(float64(line)*(0.45+0.55*r.Float64())) / 1000 * 1000
		pc = min(max(pc, 1000), line)
	} else {
		m := incomeExcess[c.Region]
		if m == 0 {
			m = 2
		}
		if !rural {
			m *= 1.3
		}
		x := float64(line) * (1 + m*math.Exp(0.7*r.NormFloat64()))
		pc = int64(math.Ceil(x/1000)) * 1000
		pc = max(pc, line+1000)
		pc = min(pc, 200_000_000)
	}
	months := int64(12 * n)
	inc := pc*months + r.Int64N(months)
	s.Income12m = &inc
}

// schooling returns a schooling answer consistent with the age: children attend the
// level for their age unless chosen as deprived (childBad); members of 16–30 have the
// level for their age unless chosen (adultBad); worker is true for a member who must
// not be studying (chosen for the employment deprivation).
func schooling(r rng, age int, t *poverty.Thresholds, childBad, adultBad, worker bool) poverty.Schooling {
	switch {
	case age < t.ChildSchoolingAgeMin:
		return ""
	case age < t.ChildSchoolingAgeBelow:
		if childBad {
			if r.chance(0.6) {
				return poverty.SchoolingStudyingBelowLevel
			}
			if age >= 12 {
				return poverty.SchoolingPrimary
			}
			return poverty.SchoolingNone
		}
		return poverty.SchoolingStudying
	case age >= t.AdultEducationAgeMin && age <= t.AdultEducationAgeMax:
		if adultBad {
			if age < t.AdultEducationUpperAgeMin {
				if r.chance(0.6) {
					return poverty.SchoolingPrimary
				}
				return poverty.SchoolingNone
			}
			if r.chance(0.7) {
				return poverty.SchoolingLowerSecondary
			}
			return poverty.SchoolingPrimary
		}
		x := r.Float64()
		switch {
		case age < t.AdultEducationUpperAgeMin:
			if worker || x < 0.15 {
				return poverty.SchoolingLowerSecondary
			}
			return poverty.SchoolingStudying
		case age <= 22:
			switch {
			case !worker && x < 0.4:
				return poverty.SchoolingStudying
			case x < 0.8:
				return poverty.SchoolingUpperSecondary
			}
			return poverty.SchoolingVocational
		}
		switch {
		case x < 0.5:
			return poverty.SchoolingUpperSecondary
		case x < 0.7:
			return poverty.SchoolingVocational
		}
		return poverty.SchoolingHigher
	}
	// Older cohorts: less schooling the older (SYNTHETIC shares).
	x := r.Float64()
	switch {
	case age <= 45:
		return pickLevel(x, []float64{0.03, 0.30, 0.45, 0.10, 0.12})
	case age <= 60:
		return pickLevel(x, []float64{0.18, 0.40, 0.30, 0.07, 0.05})
	}
	return pickLevel(x, []float64{0.50, 0.30, 0.15, 0.0, 0.05})
}

// pickLevel maps x in [0,1) to a completed level with shares for primary-or-less,
// lower secondary, upper secondary, vocational, higher education.
func pickLevel(x float64, shares []float64) poverty.Schooling {
	levels := []poverty.Schooling{poverty.SchoolingPrimary, poverty.SchoolingLowerSecondary,
		poverty.SchoolingUpperSecondary, poverty.SchoolingVocational, poverty.SchoolingHigher}
	for i, s := range shares {
		if x < s {
			return levels[i]
		}
		x -= s
	}
	return levels[len(levels)-1]
}

// choose returns a when cond holds, else b.
func choose[T any](cond bool, a, b T) T {
	if cond {
		return a
	}
	return b
}
