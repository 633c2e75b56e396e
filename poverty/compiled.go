package poverty

// memberRule is, for a member of one sex and age under a standard, what each answer
// makes of the member-level indicators the standard counts: the indicators it makes
// deprived (low 16 bits) and undecided (high 16 bits). The rules themselves are the
// state functions of indicator.go (employmentState, nutritionState,
// healthInsuranceState, adultEducationState, childSchoolingState), with their legal
// citations; compileMemberRules only works out their answers once for every age, sex
// and answer code, so that a member costs four table reads (issue 16 item 4). Each
// table covers every code its field can hold, so a code outside the lists reads what
// the state functions say of it.
type memberRule struct {
	work                    [8]uint32  // by workCode (3 bits)
	school                  [16]uint32 // by schoolCode (4 bits)
	malnourished, insurance [4]uint32  // by tri (2 bits)
}

// compiledRules are the rules of a standard worked out once for every answer (see
// memberRule): the member-level ones by sex (0 male, 1 female) and age (0 to MaxAge),
// the household-level ones by answer code, each covering every value its field can
// hold. indicatorSets reads them; the explanation reads the rules themselves (assess),
// and TestCompiledRulesMatchRules holds the two together.
type compiledRules struct {
	members        [2][MaxAge + 1]memberRule
	quality        [64]uint32  // by walls | columns << 2 | roof << 4 (tri)
	water, latrine [256]uint32 // by answer code (int8 as a byte)
	telecom, waste [4]uint32   // by tri
}

func compileRules(std *Standard) *compiledRules {
	t, want := &std.Thresholds, std.want
	bit := func(id indicatorID, s state) uint32 {
		if !want.has(id) {
			return 0
		}
		switch s {
		case deprived:
			return 1 << id
		case unknown:
			return 1 << (16 + id)
		}
		return 0
	}
	rs := new(compiledRules)
	for c := range rs.quality {
		hf := houseFact{walls: tri(c & 3), columns: tri(c >> 2 & 3), roof: tri(c >> 4 & 3)}
		rs.quality[c] = bit(idHousingQuality, housingQualityFinding(&hf, t).state)
	}
	for c := range rs.water {
		rs.water[c] = bit(idWater, codeFinding(int8(c), std.cleanWater).state)
		rs.latrine[c] = bit(idLatrine, codeFinding(int8(c), std.hygienicLatrines).state)
	}
	for c := range rs.telecom {
		rs.telecom[c] = bit(idTelecom, yesFinding(tri(c)).state)
		rs.waste[c] = bit(idWaste, yesFinding(tri(c)).state)
	}
	for sex := range 2 {
		for age := range MaxAge + 1 {
			r := &rs.members[sex][age]
			f := memberFact{age: int16(age), female: sex == 1}
			for c := range r.work {
				f.work = workCode(c)
				r.work[c] = bit(idEmployment, employmentState(&f, t))
			}
			for c := range r.school {
				f.school = schoolCode(c)
				r.school[c] = bit(idAdultEducation, adultEducationState(&f, t)) | bit(idChildSchooling, childSchoolingState(&f, t))
			}
			for c := range r.malnourished {
				r.malnourished[c] = bit(idNutrition, nutritionState(tri(c), age, t))
				r.insurance[c] = bit(idHealthInsurance, healthInsuranceState(tri(c), age, t))
			}
		}
	}
	return rs
}

// indicatorSets evaluates std's indicators for a household of n members whose facts
// are in ages and hf (as assess does, from the compiled rules): the deprived ones and
// the undecided ones. A member-level indicator is deprived when a member is, else
// undecided when a member's answer is missing.
func indicatorSets(n int, std *Standard, ages *memberFacts, hf *houseFact) (dep, unk IndicatorSet) {
	rs, want, t := std.rules, std.want, &std.Thresholds
	var m uint32
	if want&memberLevel != 0 {
		for i := range n {
			f := &ages[i]
			sex := 0
			if f.female {
				sex = 1
			}
			r := &rs.members[sex][min(int(f.age), MaxAge)]
			m |= r.work[f.work&7] | r.school[f.school&15] | r.malnourished[f.malnourished&3] | r.insurance[f.insurance&3]
		}
	}
	m |= rs.quality[hf.walls&3|(hf.columns&3)<<2|(hf.roof&3)<<4] | rs.water[uint8(hf.water)] | rs.latrine[uint8(hf.latrine)] |
		rs.telecom[hf.telecom&3] | rs.waste[hf.waste&3]
	if want.has(idHousingArea) {
		m |= stateBit(idHousingArea, housingAreaFinding(hf, n, t).state)
	}
	if want.has(idInfoDevices) {
		m |= stateBit(idInfoDevices, devicesFinding(hf, std.infoDevices).state)
	}
	if want.has(idDependants) {
		m |= stateBit(idDependants, dependantsFinding(n, ages, t).state)
	}
	dep = IndicatorSet(m)
	return dep, IndicatorSet(m>>16) &^ dep
}

// stateBit is a state as the bits of memberRule.
func stateBit(id indicatorID, s state) uint32 {
	return uint32(s&1)<<id | uint32(s>>1)<<(16+id)
}
