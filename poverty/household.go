package poverty

// Household is the set of answers of one household survey (Phiếu B, part 2 for the
// deprivation indicators; part 1 / the B1 card for the income estimate) that the rules
// read. The fields are flat and plain so that the registry can store them as they are
// and a CSV import can map one column onto each; see docs/classify.md for the JSON form.
//
// Nullable answers (pointers, and enum strings whose "" means not answered) follow the
// package's rule for unknown answers (see the package documentation).
type Household struct {
	// Area overrides the area of the commune for this household ("rural", "urban"); ""
	// keeps the commune's.
	Area Area `json:"area,omitempty"`
	// Region is the socio-economic region, needed only to read a B1 score card for a
	// rural household.
	Region Region `json:"region,omitempty"`
	// FarmHousehold marks a household living from agriculture, forestry, fishery or salt
	// making (hộ làm nông, lâm, ngư, diêm nghiệp), the only ones that can be of middle
	// living standard.
	FarmHousehold bool `json:"farm_household,omitempty"`
	// Income12m is the household's total income over the 12 months before the review, in
	// VND, excluding state social allowances (Decision 24/2021/QĐ-TTg, Art. 2).
	Income12m *int64 `json:"income_12m,omitempty"`
	// ScoreAnswers maps each item of the B1 score card to the chosen answer key.
	ScoreAnswers map[string]string `json:"score_answers,omitempty"`

	// HouseWallsDurable, HouseColumnsDurable and HouseRoofDurable say whether each of the
	// three main structures of the dwelling is made of durable materials.
	HouseWallsDurable   *bool `json:"house_walls_durable,omitempty"`
	HouseColumnsDurable *bool `json:"house_columns_durable,omitempty"`
	HouseRoofDurable    *bool `json:"house_roof_durable,omitempty"`
	// FloorAreaM2 is the floor area of the dwelling in square metres.
	FloorAreaM2 *float64 `json:"floor_area_m2,omitempty"`
	// WaterSource is the main source of domestic water.
	WaterSource WaterSource `json:"water_source,omitempty"`
	// Latrine is the type of latrine the household uses.
	Latrine Latrine `json:"latrine,omitempty"`
	// Telecom says whether at least one member uses telecommunication services (a phone
	// subscription or the internet).
	Telecom *bool `json:"telecom,omitempty"`
	// Devices lists the information devices the household owns: nil (JSON null or
	// absent) is not answered, an empty list means none.
	Devices []Device `json:"devices,omitzero"`
	// WasteTreated says whether the household's domestic solid waste is collected or
	// treated hygienically (indicator of the 2027-2030 standard).
	WasteTreated *bool `json:"waste_treated,omitempty"`

	// Members lists the persons of the household, in the order of the form; member
	// indexes in results count from 0 in this order.
	Members []Member `json:"members"`
}

// Member is one person of a household as listed on the form.
type Member struct {
	// Name is shown in explanations only.
	Name string `json:"name,omitempty"`
	// Sex is required ("male", "female"): the working age depends on it.
	Sex Sex `json:"sex"`
	// BirthDate is required, YYYY-MM-DD. Ages are computed on the reference date.
	BirthDate string `json:"birth_date"`
	// HealthInsurance says whether the member holds a valid health-insurance card.
	HealthInsurance *bool `json:"health_insurance,omitempty"`
	// Schooling is the school attendance and highest level completed.
	Schooling Schooling `json:"schooling,omitempty"`
	// Employment is the main work situation.
	Employment Employment `json:"employment,omitempty"`
	// DisabilityAllowance says whether the member is a person with a disability who
	// receives the monthly social allowance (on the commune's list; false if absent).
	DisabilityAllowance bool `json:"disability_allowance,omitempty"`
	// Malnourished says whether the child is stunted (height for age) or underweight
	// (weight for age); asked for children only.
	Malnourished *bool `json:"malnourished,omitempty"`
}

// Limits that reject data-entry errors; they are sanity bounds, not legal rules.
const (
	// MaxMembers is the largest household accepted. Results carry members as a 64-bit
	// set, and no household surveyed by Phiếu B comes close.
	MaxMembers = 64
	// MaxIncome12m bounds the 12-month income (VND) so that all arithmetic is exact.
	MaxIncome12m = 1_000_000_000_000_000
	// MaxFloorAreaM2 bounds the dwelling's floor area.
	MaxFloorAreaM2 = 100_000
	// MinBirthYear and MaxBirthYear bound birth dates; Classify also rejects ages above
	// MaxAge and births after the reference date.
	MinBirthYear = 1880
	MaxBirthYear = 2200
	MaxAge       = 130
	// maxScoreAnswers bounds the number of B1 answers.
	maxScoreAnswers = 200
	// maxText bounds names and answer keys, in bytes.
	maxText = 500
)

// Validate checks that the answers are well formed: required fields present, values
// from the closed lists, amounts in range. It does not need the reference date (see
// Classify for the checks that do). Errors are *giamngheo.Error with code EINVALID and
// the field path, e.g. members[1].birth_date.
func (h *Household) Validate() error { return h.validate(Date{}, nil, nil) }

// validate is Validate; when ages is not nil it also receives every member's age on
// ref, and makes the checks that need the reference date: no one born after it, no
// one older than MaxAge. Classify thus reads each birth date once.
// hf, when not nil, receives the household's answers as numbers.
func (h *Household) validate(ref Date, ages *memberFacts, hf *houseFact) error {
	n := len(h.Members)
	if n == 0 {
		return invalid("members", "Hộ không có thành viên nào", "the household has no members")
	}
	if n > MaxMembers {
		return invalid("members", "Hộ có %d thành viên, vượt quá giới hạn %d", "the household has %d members, more than the limit of %d", n, MaxMembers)
	}
	if h.Area != "" && !h.Area.Valid() {
		return invalid("area", "Khu vực %q không hợp lệ (cho phép: rural, urban)", "invalid area %q (allowed: rural, urban)", h.Area)
	}
	if h.Region != "" && h.Region.column() < 0 {
		return invalid("region", "Vùng %q không hợp lệ", "invalid region %q", h.Region)
	}
	if h.Income12m != nil && (*h.Income12m < 0 || *h.Income12m > MaxIncome12m) {
		return invalid("income_12m", "Thu nhập 12 tháng %d đồng không hợp lệ (phải từ 0 đến %d)", "invalid 12-month income %d VND (must be between 0 and %d)", *h.Income12m, int64(MaxIncome12m))
	}
	if h.FloorAreaM2 != nil && !(*h.FloorAreaM2 >= 0 && *h.FloorAreaM2 <= MaxFloorAreaM2) {
		return invalid("floor_area_m2", "Diện tích nhà ở %v m² không hợp lệ (phải từ 0 đến %d)", "invalid floor area %v m² (must be between 0 and %d)", *h.FloorAreaM2, MaxFloorAreaM2)
	}
	water, latrine := h.WaterSource.code(), h.Latrine.code()
	if water < 0 {
		return invalid("water_source", "Nguồn nước %q không hợp lệ (cho phép: %s)", "invalid water source %q (allowed: %s)", h.WaterSource, allowed(waterSources))
	}
	if latrine < 0 {
		return invalid("latrine", "Loại nhà tiêu %q không hợp lệ (cho phép: %s)", "invalid latrine %q (allowed: %s)", h.Latrine, allowed(latrines))
	}
	var have answerMask
	for _, d := range h.Devices {
		c := d.code()
		have |= 1 << max(c, 0)
		if c <= 0 {
			return invalid("devices", "Phương tiện %q không hợp lệ (cho phép: %s)", "invalid device %q (allowed: %s)", d, allowed(devices))
		}
	}
	if len(h.ScoreAnswers) > maxScoreAnswers {
		return invalid("score_answers", "Quá nhiều câu trả lời bảng điểm (%d)", "too many score answers (%d)", len(h.ScoreAnswers))
	}
	for k, v := range h.ScoreAnswers {
		if k == "" || v == "" || len(k) > maxText || len(v) > maxText {
			return invalid("score_answers", "Câu trả lời bảng điểm %q: %q không hợp lệ", "invalid score answer %q: %q", k, v)
		}
	}
	if hf != nil {
		*hf = houseFact{water: water, latrine: latrine, devices: have, devicesAnswered: h.Devices != nil,
			walls: triOf(h.HouseWallsDurable), columns: triOf(h.HouseColumnsDurable), roof: triOf(h.HouseRoofDurable),
			telecom: triOf(h.Telecom), waste: triOf(h.WasteTreated), farm: h.FarmHousehold, area: areaCode(h.Area)}
		if h.FloorAreaM2 != nil {
			hf.hasFloor, hf.floor = true, *h.FloorAreaM2
		}
		if h.Income12m != nil {
			hf.hasIncome, hf.income = true, *h.Income12m
		}
	}
	for i := range h.Members {
		d, f, err := h.Members[i].validate(i)
		if err != nil {
			return err
		}
		if ages == nil {
			continue
		}
		a, err := ageOn(i, d, ref)
		if err != nil {
			return err
		}
		f.age = int16(a) // a ≤ MaxAge
		ages[i] = f
	}
	return nil
}

// ageOn is the age on ref of member i born on d, refused when d is after ref or the
// age is above MaxAge.
func ageOn(i int, d, ref Date) (int, error) {
	if d.Compare(ref) > 0 {
		return 0, invalid(memberField(i, "birth_date"), "Ngày sinh %s sau ngày tham chiếu %s", "birth date %s is after the reference date %s", d.vi(), ref.vi())
	}
	a := ageAt(d, ref)
	if a > MaxAge {
		return 0, invalid(memberField(i, "birth_date"), "Tuổi %d vào ngày tham chiếu không hợp lý (tối đa %d)", "implausible age %d on the reference date (at most %d)", a, MaxAge)
	}
	return a, nil
}

func (m *Member) validate(i int) (Date, memberFact, error) {
	if len(m.Name) > maxText {
		return Date{}, memberFact{}, invalid(memberField(i, "name"), "Họ tên dài quá %d byte", "name longer than %d bytes", maxText)
	}
	if m.Sex == "" {
		return Date{}, memberFact{}, invalid(memberField(i, "sex"), "Thiếu giới tính (male hoặc female)", "sex is missing (male or female)")
	}
	female := m.Sex == Female
	if !female && m.Sex != Male {
		return Date{}, memberFact{}, invalid(memberField(i, "sex"), "Giới tính %q không hợp lệ (cho phép: %s)", "invalid sex %q (allowed: %s)", m.Sex, allowed(sexes))
	}
	if m.BirthDate == "" {
		return Date{}, memberFact{}, invalid(memberField(i, "birth_date"), "Thiếu ngày sinh (dạng NNNN-TT-NN)", "birth date is missing (YYYY-MM-DD)")
	}
	d, ok := parseDate(m.BirthDate)
	if !ok {
		return Date{}, memberFact{}, invalid(memberField(i, "birth_date"), "Ngày sinh %q không hợp lệ (dạng NNNN-TT-NN, ví dụ 2010-06-30)", "invalid birth date %q (want YYYY-MM-DD, e.g. 2010-06-30)", m.BirthDate)
	}
	if d.Year < MinBirthYear || d.Year > MaxBirthYear {
		return Date{}, memberFact{}, invalid(memberField(i, "birth_date"), "Năm sinh %d không hợp lý (phải từ %d đến %d)", "implausible birth year %d (must be between %d and %d)", d.Year, MinBirthYear, MaxBirthYear)
	}
	school, work := m.Schooling.code(), m.Employment.code()
	if school == schoolInvalid {
		return Date{}, memberFact{}, invalid(memberField(i, "schooling"), "Trình độ/đi học %q không hợp lệ (cho phép: %s)", "invalid schooling %q (allowed: %s)", m.Schooling, allowed(schoolings))
	}
	if work == workInvalid {
		return Date{}, memberFact{}, invalid(memberField(i, "employment"), "Việc làm %q không hợp lệ (cho phép: %s)", "invalid employment %q (allowed: %s)", m.Employment, allowed(employments))
	}
	return d, memberFact{female: female, school: school, work: work, disabled: m.DisabilityAllowance,
		insurance: triOf(m.HealthInsurance), malnourished: triOf(m.Malnourished)}, nil
}

// memberFact is what the rules read of a member, worked out once per classification:
// the age on the reference date (at most MaxAge), the sex and the answers as numbers.
type memberFact struct {
	age    int16
	female bool
	// disabled: a person with a disability on the monthly social allowance.
	disabled bool
	school   schoolCode
	work     workCode
	// insurance: holds a health-insurance card; malnourished: stunted or underweight.
	insurance, malnourished tri
}

// factOf is the fact of member m aged age (for callers outside Classify).
func factOf(m *Member, age int) memberFact {
	return memberFact{age: int16(min(age, MaxAge+1)), female: m.Sex == Female, school: m.Schooling.code(), work: m.Employment.code(),
		disabled: m.DisabilityAllowance, insurance: triOf(m.HealthInsurance), malnourished: triOf(m.Malnourished)}
}

// memberFacts holds the facts of the members, in the order of the form.
type memberFacts [MaxMembers]memberFact
