package poverty

import (
	"fmt"
	"slices"
)

// Standard is one version of the multidimensional poverty standard: income lines, the
// deprivation indicators with their thresholds, and the rule that makes a household
// poor. It is data: the national standards ship embedded (standards/*.json) and a
// province may load a higher local standard of the same structure (LoadStandard).
//
// A Standard must pass Validate before use; the standards returned by this package
// have, and callers must treat them as read-only.
type Standard struct {
	// ID names the standard in results and on the command line, e.g. "2022-2026".
	ID   string `json:"id"`
	Name Text   `json:"name"`
	// Base is, for a local standard, the ID of the national standard it raises; its
	// lines must be at least the base's and its indicators the same.
	Base string `json:"base,omitempty"`
	// ValidFrom and ValidTo bound the reference dates the standard applies to, both
	// inclusive.
	ValidFrom Date `json:"valid_from"`
	ValidTo   Date `json:"valid_to"`
	// Citation is the legal text of the income lines and the classification rule.
	Citation Text  `json:"citation"`
	Lines    Lines `json:"lines"`
	// LowIncomeWorkerFrom is the first reference date on which low-income workers are
	// identified (zero: whenever the standard defines the line).
	LowIncomeWorkerFrom     Date `json:"low_income_worker_from,omitzero"`
	LowIncomeWorkerCitation Text `json:"low_income_worker_citation,omitzero"`
	// PoorMinDeprivations is the number of deprived indicators from which a household
	// whose income is at or below the line is poor rather than near-poor (3).
	PoorMinDeprivations int `json:"poor_min_deprivations"`
	// ScorePerDeprivation and ScorePoorMin are the B2 score form of the same rule
	// (10 points per deprived indicator, poor from 30).
	ScorePerDeprivation int `json:"score_per_deprivation"`
	ScorePoorMin        int `json:"score_poor_min"`
	// IncomeScoreLine is the B1 score at or below which the income test is met
	// (140 rural, 175 urban); zero when the standard defines no B1 score.
	IncomeScoreLine ScoreLine `json:"income_score_line"`
	ScoreCitation   Text      `json:"score_citation,omitzero"`
	// Thresholds are the numbers and answer lists the indicators use.
	Thresholds Thresholds `json:"thresholds"`
	// Indicators lists the deprivation indicators of the standard, in the order of
	// the legal text.
	Indicators []IndicatorSpec `json:"indicators"`
	// Notes record what is uncertain in the data ("uncertain, configurable") and other
	// caveats; they are shown to administrators.
	Notes []Text `json:"notes,omitempty"`

	ids  []indicatorID // Indicators compiled by Validate
	want IndicatorSet  // the same as a set
	// cleanWater, hygienicLatrines and infoDevices are the answer lists of the
	// thresholds as sets of answer codes, compiled by Validate.
	cleanWater, hygienicLatrines, infoDevices answerMask
	// rules are the rules worked out for every answer, compiled by Validate
	// (compiled.go).
	rules *compiledRules
	ready bool
}

// Lines are the monthly per-capita income lines of a standard, per area.
type Lines struct {
	Rural AreaLines `json:"rural"`
	Urban AreaLines `json:"urban"`
}

// AreaLines are the income lines of one area, in VND per person per month.
type AreaLines struct {
	// Poverty: a household whose income is at or below it is poor or near-poor.
	Poverty int64 `json:"poverty"`
	// MiddleUpper is the upper bound (inclusive) of the middle living standard band,
	// which starts just above Poverty; 0 when the standard defines no such band.
	MiddleUpper int64 `json:"middle_upper"`
	// LowIncomeWorker is the line at or below which working-age members of a household
	// that is neither poor nor near-poor are low-income workers; 0 when not defined.
	LowIncomeWorker int64 `json:"low_income_worker"`
}

// For returns the lines of area a.
func (l *Lines) For(a Area) AreaLines {
	if a == Urban {
		return l.Urban
	}
	return l.Rural
}

// HasScoreLine reports whether the standard sets a B1 score line (2022–2026 does,
// Circular 07/2021/TT-BLĐTBXH; 2027–2030 does not), so that a score card can decide
// its income test.
func (s *Standard) HasScoreLine() bool {
	return s.IncomeScoreLine.Rural > 0 || s.IncomeScoreLine.Urban > 0
}

// ScoreLine is a B1 score line per area.
type ScoreLine struct {
	Rural int `json:"rural"`
	Urban int `json:"urban"`
}

// For returns the score line of area a.
func (s ScoreLine) For(a Area) int {
	if a == Urban {
		return s.Urban
	}
	return s.Rural
}

// Thresholds are the numbers and answer lists used by the indicators. Ages are in
// completed years on the reference date; "min" bounds are inclusive, "below" bounds
// exclusive, "max" bounds inclusive.
type Thresholds struct {
	// Working age: from WorkingAgeMin up to but not including the max for the sex.
	WorkingAgeMin         int `json:"working_age_min"`
	WorkingAgeBelowMale   int `json:"working_age_below_male"`
	WorkingAgeBelowFemale int `json:"working_age_below_female"`
	// Dependants: children below DependantChildAgeBelow, persons aged at least
	// DependantElderlyAgeMin, and members with a disability allowance. The household
	// is deprived when dependants are more than DependantSharePercent of members.
	DependantChildAgeBelow int `json:"dependant_child_age_below"`
	DependantElderlyAgeMin int `json:"dependant_elderly_age_min"`
	DependantSharePercent  int `json:"dependant_share_percent"`
	// Nutrition: children below this age.
	NutritionChildAgeBelow int `json:"nutrition_child_age_below"`
	// Health insurance: members from this age.
	HealthInsuranceAgeMin int `json:"health_insurance_age_min"`
	// Adult education: members from AdultEducationAgeMin to AdultEducationAgeMax; below
	// AdultEducationUpperAgeMin they need lower secondary, from it upper secondary or a
	// vocational qualification.
	AdultEducationAgeMin      int `json:"adult_education_age_min"`
	AdultEducationUpperAgeMin int `json:"adult_education_upper_age_min"`
	AdultEducationAgeMax      int `json:"adult_education_age_max"`
	// Child schooling: children from ChildSchoolingAgeMin to below ChildSchoolingAgeBelow.
	ChildSchoolingAgeMin   int `json:"child_schooling_age_min"`
	ChildSchoolingAgeBelow int `json:"child_schooling_age_below"`
	// Housing quality: deprived from this many non-durable main structures (of 3).
	HousingNonDurableMin int `json:"housing_non_durable_min"`
	// Housing area: deprived below this floor area per person, in m².
	HousingAreaPerPersonM2 float64 `json:"housing_area_per_person_m2"`
	// Answers that are not deprived.
	CleanWaterSources []WaterSource `json:"clean_water_sources,omitempty"`
	HygienicLatrines  []Latrine     `json:"hygienic_latrines,omitempty"`
	InfoDevices       []Device      `json:"info_devices,omitempty"`
}

// workingAge reports whether a member of sex s aged age is of working age.
func (t *Thresholds) workingAge(s Sex, age int) bool { return t.workingAgeOf(s == Female, age) }

func (t *Thresholds) workingAgeOf(female bool, age int) bool {
	below := t.WorkingAgeBelowMale
	if female {
		below = t.WorkingAgeBelowFemale
	}
	return age >= t.WorkingAgeMin && age < below
}

// IndicatorSpec describes one deprivation indicator of a standard.
type IndicatorSpec struct {
	Key       IndicatorKey `json:"key"`
	Dimension Text         `json:"dimension"`
	Name      Text         `json:"name"`
	// Rule states the deprivation rule in words, with the thresholds.
	Rule     Text `json:"rule"`
	Citation Text `json:"citation"`
	// Confidence is how well the rule is known: "V" verified in the legal text, "S" from
	// a secondary source, "U" uncertain (see shared/reference/regulations.md).
	Confidence string `json:"confidence"`
}

// Has reports whether the standard includes indicator k.
func (s *Standard) Has(k IndicatorKey) bool {
	return slices.ContainsFunc(s.Indicators, func(x IndicatorSpec) bool { return x.Key == k })
}

// Spec returns the description of indicator k in s.
func (s *Standard) Spec(k IndicatorKey) (IndicatorSpec, bool) {
	for _, x := range s.Indicators {
		if x.Key == k {
			return x, true
		}
	}
	return IndicatorSpec{}, false
}

// ValidOn reports whether d is within the standard's validity period.
func (s *Standard) ValidOn(d Date) bool {
	return s.ValidFrom.Compare(d) <= 0 && d.Compare(s.ValidTo) <= 0
}

// maxLine bounds income lines (VND per person per month) so that arithmetic is exact.
const maxLine = 1_000_000_000

// Validate checks the standard and prepares it for Classify. Errors are
// *giamngheo.Error with code EINVALID naming the field.
func (s *Standard) Validate() error {
	s.ready = false
	if s.ID == "" || len(s.ID) > 100 {
		return invalid("id", "Chuẩn nghèo thiếu mã (id)", "the standard has no id")
	}
	if s.Name.VI == "" || s.Name.EN == "" {
		return invalid("name", "Chuẩn %s thiếu tên tiếng Việt hoặc tiếng Anh", "standard %s lacks a Vietnamese or English name", s.ID)
	}
	if s.ValidFrom.IsZero() || s.ValidTo.IsZero() || s.ValidTo.Compare(s.ValidFrom) < 0 {
		return invalid("valid_from", "Chuẩn %s: thời gian hiệu lực không hợp lệ", "standard %s: invalid validity period", s.ID)
	}
	if s.Citation.VI == "" || s.Citation.EN == "" {
		return invalid("citation", "Chuẩn %s thiếu căn cứ pháp lý", "standard %s lacks a citation", s.ID)
	}
	for _, a := range []Area{Rural, Urban} {
		l := s.Lines.For(a)
		field := "lines." + string(a)
		if l.Poverty <= 0 || l.Poverty > maxLine {
			return invalid(field+".poverty", "Chuẩn %s: chuẩn nghèo %s phải dương và không quá %d đồng", "standard %s: the %s poverty line must be positive and at most %d VND", s.ID, a, int64(maxLine))
		}
		if l.MiddleUpper != 0 && (l.MiddleUpper <= l.Poverty || l.MiddleUpper > maxLine) {
			return invalid(field+".middle_upper", "Chuẩn %s: mức trên của mức sống trung bình %s phải lớn hơn chuẩn nghèo", "standard %s: the %s middle-band upper line must be above the poverty line", s.ID, a)
		}
		if l.LowIncomeWorker < 0 || l.LowIncomeWorker > maxLine {
			return invalid(field+".low_income_worker", "Chuẩn %s: mức thu nhập thấp %s không hợp lệ", "standard %s: invalid %s low-income-worker line", s.ID, a)
		}
		if sl := s.IncomeScoreLine.For(a); sl < 0 || sl > 100_000 {
			return invalid("income_score_line."+string(a), "Chuẩn %s: ngưỡng điểm B1 %s không hợp lệ", "standard %s: invalid %s B1 score line", s.ID, a)
		}
	}
	if (s.IncomeScoreLine.Rural == 0) != (s.IncomeScoreLine.Urban == 0) {
		return invalid("income_score_line", "Chuẩn %s: ngưỡng điểm B1 phải có cho cả nông thôn và thành thị, hoặc không có", "standard %s: the B1 score line must be set for both areas or for neither", s.ID)
	}
	if err := s.validateIndicators(); err != nil {
		return err
	}
	n := len(s.Indicators)
	if s.PoorMinDeprivations < 1 || s.PoorMinDeprivations > n {
		return invalid("poor_min_deprivations", "Chuẩn %s: số chỉ số thiếu hụt của hộ nghèo phải từ 1 đến %d", "standard %s: poor_min_deprivations must be between 1 and %d", s.ID, n)
	}
	// Circular 07/2021/TT-BLĐTBXH, Art. 3: B2 is 10 points per deprived indicator and a
	// household is poor from 30 points, i.e. from 3 indicators. The two forms of the rule
	// must agree, or the score shown would contradict the class.
	if p := s.ScorePerDeprivation; p < 1 || p > 1000 || s.ScorePoorMin > p*s.PoorMinDeprivations || s.ScorePoorMin <= p*(s.PoorMinDeprivations-1) {
		return invalid("score_poor_min", "Chuẩn %s: điểm B2 (%d điểm/chỉ số, nghèo từ %d) không khớp với %d chỉ số", "standard %s: the B2 score (%d points per indicator, poor from %d) does not match %d indicators", s.ID, s.ScorePerDeprivation, s.ScorePoorMin, s.PoorMinDeprivations)
	}
	if err := s.Thresholds.validate(s.ID); err != nil {
		return err
	}
	t := &s.Thresholds
	for _, need := range []struct {
		k     IndicatorKey
		n     int
		field string
	}{
		{IndicatorWater, len(t.CleanWaterSources), "clean_water_sources"},
		{IndicatorLatrine, len(t.HygienicLatrines), "hygienic_latrines"},
		{IndicatorInfoDevices, len(t.InfoDevices), "info_devices"},
	} {
		if s.Has(need.k) && need.n == 0 {
			return invalid("thresholds."+need.field, "Chuẩn %s: chỉ số %s cần danh sách %s", "standard %s: indicator %s needs the list %s", s.ID, need.k, need.field)
		}
	}
	s.cleanWater = maskOf(t.CleanWaterSources, WaterSource.code)
	s.hygienicLatrines = maskOf(t.HygienicLatrines, Latrine.code)
	s.infoDevices = maskOf(t.InfoDevices, Device.code)
	s.rules = compileRules(s)
	s.ready = true
	return nil
}

func (s *Standard) validateIndicators() error {
	if len(s.Indicators) == 0 {
		return invalid("indicators", "Chuẩn %s không có chỉ số nào", "standard %s has no indicators", s.ID)
	}
	ids := make([]indicatorID, 0, len(s.Indicators))
	for i, x := range s.Indicators {
		id, ok := x.Key.id()
		field := fmt.Sprintf("indicators[%d]", i)
		if !ok {
			return invalid(field+".key", "Chuẩn %s: chỉ số %q không được hỗ trợ", "standard %s: unsupported indicator %q", s.ID, x.Key)
		}
		if slices.Contains(ids, id) {
			return invalid(field+".key", "Chuẩn %s: chỉ số %q bị lặp", "standard %s: indicator %q is repeated", s.ID, x.Key)
		}
		if x.Name.VI == "" || x.Name.EN == "" || x.Citation.VI == "" || x.Citation.EN == "" {
			return invalid(field, "Chuẩn %s: chỉ số %q thiếu tên hoặc căn cứ", "standard %s: indicator %q lacks a name or citation", s.ID, x.Key)
		}
		switch x.Confidence {
		case "V", "S", "U":
		default:
			return invalid(field+".confidence", "Chuẩn %s: độ tin cậy của chỉ số %q phải là V, S hoặc U", "standard %s: the confidence of indicator %q must be V, S or U", s.ID, x.Key)
		}
		ids = append(ids, id)
	}
	s.ids, s.want = ids, 0
	for _, id := range ids {
		s.want = s.want.with(id)
	}
	return nil
}

func (t *Thresholds) validate(id string) error {
	ages := []struct {
		name string
		v    int
	}{
		{"working_age_min", t.WorkingAgeMin}, {"working_age_below_male", t.WorkingAgeBelowMale},
		{"working_age_below_female", t.WorkingAgeBelowFemale}, {"dependant_child_age_below", t.DependantChildAgeBelow},
		{"dependant_elderly_age_min", t.DependantElderlyAgeMin}, {"nutrition_child_age_below", t.NutritionChildAgeBelow},
		{"health_insurance_age_min", t.HealthInsuranceAgeMin}, {"adult_education_age_min", t.AdultEducationAgeMin},
		{"adult_education_upper_age_min", t.AdultEducationUpperAgeMin}, {"adult_education_age_max", t.AdultEducationAgeMax},
		{"child_schooling_age_min", t.ChildSchoolingAgeMin}, {"child_schooling_age_below", t.ChildSchoolingAgeBelow},
	}
	for _, a := range ages {
		if a.v < 0 || a.v > MaxAge {
			return invalid("thresholds."+a.name, "Chuẩn %s: tuổi %d không hợp lệ", "standard %s: invalid age %d", id, a.v)
		}
	}
	if t.WorkingAgeBelowMale <= t.WorkingAgeMin || t.WorkingAgeBelowFemale <= t.WorkingAgeMin {
		return invalid("thresholds.working_age_min", "Chuẩn %s: độ tuổi lao động rỗng", "standard %s: the working age range is empty", id)
	}
	if !(t.AdultEducationAgeMin <= t.AdultEducationUpperAgeMin && t.AdultEducationUpperAgeMin <= t.AdultEducationAgeMax) {
		return invalid("thresholds.adult_education_age_min", "Chuẩn %s: độ tuổi của chỉ số trình độ giáo dục không hợp lệ", "standard %s: invalid adult-education ages", id)
	}
	if t.ChildSchoolingAgeMin >= t.ChildSchoolingAgeBelow {
		return invalid("thresholds.child_schooling_age_min", "Chuẩn %s: độ tuổi của chỉ số đi học rỗng", "standard %s: the child-schooling age range is empty", id)
	}
	if t.DependantSharePercent < 0 || t.DependantSharePercent >= 100 {
		return invalid("thresholds.dependant_share_percent", "Chuẩn %s: tỷ lệ người phụ thuộc phải từ 0 đến 99", "standard %s: dependant share must be between 0 and 99", id)
	}
	if t.HousingNonDurableMin < 1 || t.HousingNonDurableMin > 3 {
		return invalid("thresholds.housing_non_durable_min", "Chuẩn %s: số kết cấu không bền chắc phải từ 1 đến 3", "standard %s: housing_non_durable_min must be between 1 and 3", id)
	}
	if !(t.HousingAreaPerPersonM2 > 0 && t.HousingAreaPerPersonM2 <= 1000) {
		return invalid("thresholds.housing_area_per_person_m2", "Chuẩn %s: diện tích bình quân phải dương", "standard %s: the area per person must be positive", id)
	}
	for _, w := range t.CleanWaterSources {
		if w == "" || !known(waterSources, w) {
			return invalid("thresholds.clean_water_sources", "Chuẩn %s: nguồn nước %q không hợp lệ", "standard %s: invalid water source %q", id, w)
		}
	}
	for _, l := range t.HygienicLatrines {
		if l == "" || !known(latrines, l) {
			return invalid("thresholds.hygienic_latrines", "Chuẩn %s: loại nhà tiêu %q không hợp lệ", "standard %s: invalid latrine %q", id, l)
		}
	}
	for _, d := range t.InfoDevices {
		if d == "" || !known(devices, d) {
			return invalid("thresholds.info_devices", "Chuẩn %s: phương tiện %q không hợp lệ", "standard %s: invalid device %q", id, d)
		}
	}
	return nil
}
