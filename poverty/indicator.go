package poverty

// IndicatorKey names a deprivation indicator in the API, exports and tests.
type IndicatorKey string

// The indicators the package can compute. A standard lists the ones it uses; their
// thresholds are standard data (Thresholds).
const (
	IndicatorEmployment      IndicatorKey = "employment"
	IndicatorDependants      IndicatorKey = "dependants"
	IndicatorNutrition       IndicatorKey = "nutrition"
	IndicatorHealthInsurance IndicatorKey = "health_insurance"
	IndicatorAdultEducation  IndicatorKey = "adult_education"
	IndicatorChildSchooling  IndicatorKey = "child_schooling"
	IndicatorHousingQuality  IndicatorKey = "housing_quality"
	IndicatorHousingArea     IndicatorKey = "housing_area"
	IndicatorWater           IndicatorKey = "water"
	IndicatorLatrine         IndicatorKey = "latrine"
	IndicatorTelecom         IndicatorKey = "telecom"
	IndicatorInfoDevices     IndicatorKey = "info_devices"
	IndicatorWaste           IndicatorKey = "waste"
)

// IndicatorKeys lists every supported indicator; IndicatorSet bits follow this order.
var IndicatorKeys = []IndicatorKey{
	IndicatorEmployment, IndicatorDependants, IndicatorNutrition, IndicatorHealthInsurance,
	IndicatorAdultEducation, IndicatorChildSchooling, IndicatorHousingQuality, IndicatorHousingArea,
	IndicatorWater, IndicatorLatrine, IndicatorTelecom, IndicatorInfoDevices, IndicatorWaste,
}

// indicatorID is the position of a key in IndicatorKeys.
type indicatorID uint8

const (
	idEmployment indicatorID = iota
	idDependants
	idNutrition
	idHealthInsurance
	idAdultEducation
	idChildSchooling
	idHousingQuality
	idHousingArea
	idWater
	idLatrine
	idTelecom
	idInfoDevices
	idWaste
	numIndicators
)

func (k IndicatorKey) id() (indicatorID, bool) {
	for i, x := range IndicatorKeys {
		if x == k {
			return indicatorID(i), true
		}
	}
	return 0, false
}

// state is the outcome of one indicator, or of one member for a member-level indicator.
type state uint8

const (
	clear    state = iota // not deprived, or the member is not concerned
	deprived              // deprived (1: assess reads the bits)
	unknown               // an answer needed to decide is missing (2)
)

// finding is the outcome of one indicator for one household, with what the explanation
// needs to say why.
type finding struct {
	// members are the members who make the household deprived (for dependants: the
	// dependants); unknown are the members whose needed answer is missing.
	members, unknown MemberSet
	// count is the number of dependants, or of non-durable main structures (at most
	// MaxMembers; 32 bits keep the struct at 24 bytes, cleared on every classification).
	count int32
	state state
}

// assessment is the evaluation of a standard's indicators for a household.
type assessment struct {
	// house is filled by the validation, before assess reads it.
	house    houseFact
	findings [numIndicators]finding
	deprived IndicatorSet
	unknown  IndicatorSet
}

// memberLevel is the set of indicators decided member by member.
const memberLevel = 1<<idEmployment | 1<<idNutrition | 1<<idHealthInsurance | 1<<idAdultEducation | 1<<idChildSchooling

// assess evaluates every indicator of std for a household of n members, with the
// findings the explanation names (classification reads indicatorSets, the same rules
// compiled), whose facts on the reference date are in ages and whose own answers are
// in a.house (both from the validation, or from the compact form: facts.go);
// a.findings must be zero. It does not allocate.
func assess(n int, std *Standard, ages *memberFacts, a *assessment) {
	t, want := &std.Thresholds, std.want
	if want&memberLevel != 0 {
		// One pass over the members for all member-level indicators.
		for i := range n {
			f := &ages[i]
			age := int(f.age)
			if want.has(idEmployment) {
				a.findings[idEmployment].note(i, employmentState(f, t))
			}
			if want.has(idNutrition) {
				a.findings[idNutrition].note(i, nutritionState(f.malnourished, age, t))
			}
			if want.has(idHealthInsurance) {
				a.findings[idHealthInsurance].note(i, healthInsuranceState(f.insurance, age, t))
			}
			if want.has(idAdultEducation) {
				a.findings[idAdultEducation].note(i, adultEducationState(f, t))
			}
			if want.has(idChildSchooling) {
				a.findings[idChildSchooling].note(i, childSchoolingState(f, t))
			}
		}
	}
	for _, id := range std.ids {
		f := &a.findings[id]
		switch id {
		case idEmployment, idNutrition, idHealthInsurance, idAdultEducation, idChildSchooling:
			f.settle()
		case idDependants:
			*f = dependantsFinding(n, ages, t)
		case idHousingQuality:
			*f = housingQualityFinding(&a.house, t)
		case idHousingArea:
			*f = housingAreaFinding(&a.house, n, t)
		case idWater:
			*f = codeFinding(a.house.water, std.cleanWater)
		case idLatrine:
			*f = codeFinding(a.house.latrine, std.hygienicLatrines)
		case idTelecom:
			*f = yesFinding(a.house.telecom)
		case idInfoDevices:
			*f = devicesFinding(&a.house, std.infoDevices)
		case idWaste:
			*f = yesFinding(a.house.waste)
		}
		// deprived is 1 and unknown 2: no branch on the outcome.
		a.deprived |= IndicatorSet(f.state&1) << id
		a.unknown |= IndicatorSet(f.state>>1) << id
	}
}

// note records the state of member i for a member-level indicator.
func (f *finding) note(i int, s state) {
	switch s {
	case deprived:
		f.members = f.members.with(i)
	case unknown:
		f.unknown = f.unknown.with(i)
	}
}

// settle decides a member-level indicator once every member is noted: deprived if any
// member is, otherwise unknown if any member's answer is missing.
func (f *finding) settle() {
	switch {
	case f.members != 0:
		f.state = deprived
	case f.unknown != 0:
		f.state = unknown
	}
}

// employmentState: a working-age member who is unemployed, or works for wages without
// a labour contract. Decree 07/2021/NĐ-CP, Appendix (indicator 1, "Việc làm") [S].
func employmentState(f *memberFact, t *Thresholds) state {
	if !t.workingAgeOf(f.female, int(f.age)) {
		return clear
	}
	switch f.work {
	case workUnemployed, workNoContract:
		return deprived
	case workUnanswered:
		return unknown
	}
	return clear
}

// dependant reports why a member counts as a dependant: a child, an elderly person, or a
// person with a disability receiving the monthly social allowance. Decree 07/2021/NĐ-CP,
// Appendix (indicator 2) [S; the 2021 definition is uncertain].
func dependant(age int, onAllowance bool, t *Thresholds) (child, elderly, disabled bool) {
	return age < t.DependantChildAgeBelow, age >= t.DependantElderlyAgeMin, onAllowance
}

// dependantsFinding: dependants are more than DependantSharePercent of members; the
// comparison is exact (3 of 6 is 50 %, not more). Decree 07/2021/NĐ-CP, Appendix
// (indicator 2) [S].
func dependantsFinding(n int, ages *memberFacts, t *Thresholds) finding {
	var f finding
	for i := range n {
		if c, e, d := dependant(int(ages[i].age), ages[i].disabled, t); c || e || d {
			f.members = f.members.with(i)
			f.count++
		}
	}
	if int(f.count)*100 > t.DependantSharePercent*n {
		f.state = deprived
	}
	return f
}

// nutritionState: a child below the age limit who is stunted or underweight. Decree
// 07/2021/NĐ-CP, Appendix (indicator 3) [S].
func nutritionState(malnourished tri, age int, t *Thresholds) state {
	if age >= t.NutritionChildAgeBelow {
		return clear
	}
	return yesNo(malnourished, triYes)
}

// healthInsuranceState: a member from the age limit without health insurance. Decree
// 07/2021/NĐ-CP, Appendix (indicator 4) [U: the age 6 is not verified].
func healthInsuranceState(insurance tri, age int, t *Thresholds) state {
	if age < t.HealthInsuranceAgeMin {
		return clear
	}
	return yesNo(insurance, triNo)
}

// adultEducationState: a member aged 16–30 who is not studying and lacks the level
// expected for the age: lower secondary below 18, upper secondary or a vocational
// qualification from 18. Decree 07/2021/NĐ-CP, Appendix (indicator 5) [S].
func adultEducationState(f *memberFact, t *Thresholds) state {
	age := int(f.age)
	if age < t.AdultEducationAgeMin || age > t.AdultEducationAgeMax {
		return clear
	}
	switch f.school {
	case schoolUnanswered:
		return unknown
	case schoolNone, schoolPrimary:
		return deprived
	case schoolLowerSecondary:
		if age >= t.AdultEducationUpperAgeMin {
			return deprived
		}
	}
	// Studying, upper secondary, vocational or higher education meet both levels; a
	// vocational qualification is counted as meeting the lower-secondary level too.
	return clear
}

// childSchoolingState: a child aged 3 to under 16 who does not attend the grade or
// level appropriate to the age. Decree 07/2021/NĐ-CP, Appendix (indicator 6) [S].
func childSchoolingState(f *memberFact, t *Thresholds) state {
	age := int(f.age)
	if age < t.ChildSchoolingAgeMin || age >= t.ChildSchoolingAgeBelow {
		return clear
	}
	switch f.school {
	case schoolUnanswered:
		return unknown
	case schoolStudying:
		return clear
	}
	return deprived
}

// housingQualityFinding: at least 2 of the 3 main structures (walls, columns, roof) are
// not durable. Decree 07/2021/NĐ-CP, Appendix (indicator 7) [S].
func housingQualityFinding(hf *houseFact, t *Thresholds) finding {
	var f finding
	missing := 0
	for _, p := range [3]tri{hf.walls, hf.columns, hf.roof} {
		switch p {
		case triUnanswered:
			missing++
		case triNo:
			f.count++
		}
	}
	switch {
	case int(f.count) >= t.HousingNonDurableMin:
		f.state = deprived
	case int(f.count)+missing >= t.HousingNonDurableMin:
		f.state = unknown
	}
	return f
}

// housingAreaFinding: floor area per person below 8 m² (exactly 8 is not deprived). The
// comparison multiplies instead of dividing, so it is exact. Decree 07/2021/NĐ-CP,
// Appendix (indicator 8) [S].
func housingAreaFinding(hf *houseFact, n int, t *Thresholds) finding {
	switch {
	case !hf.hasFloor:
		return finding{state: unknown}
	case hf.floor < t.HousingAreaPerPersonM2*float64(n):
		return finding{state: deprived}
	}
	return finding{}
}

// codeFinding: deprived unless the answer is one of the good ones (clean water
// sources, hygienic latrines: standard data). Decree 07/2021/NĐ-CP, Appendix
// (indicators 9, 10) [S]. code 0 is not answered.
func codeFinding(code int8, good answerMask) finding {
	switch {
	case code == 0:
		return finding{state: unknown}
	case good.has(code):
		return finding{}
	}
	return finding{state: deprived}
}

// devicesFinding: the household owns none of the listed information devices. Decree
// 07/2021/NĐ-CP, Appendix (indicator 12) [U]. An empty list is an answer (none);
// no list is not answered.
func devicesFinding(hf *houseFact, counted answerMask) finding {
	switch {
	case !hf.devicesAnswered:
		return finding{state: unknown}
	case hf.devices&counted != 0:
		return finding{}
	}
	return finding{state: deprived}
}

// yesFinding: deprived when a yes/no answer is no (telecom use: Decree 07/2021/NĐ-CP,
// Appendix, indicator 11 [U]; waste treatment: Decree 351/2025/NĐ-CP [V as to the
// indicator, U as to its wording]).
func yesFinding(p tri) finding {
	return finding{state: yesNo(p, triNo)}
}

// yesNo maps a yes/no answer to a state: unknown when not answered, deprived when it
// is bad.
func yesNo(p, bad tri) state {
	switch p {
	case triUnanswered:
		return unknown
	case bad:
		return deprived
	}
	return clear
}
