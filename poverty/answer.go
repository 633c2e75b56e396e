package poverty

import "strings"

// This file holds the closed answer lists of the survey (Phiếu B) with their Vietnamese
// and English labels. The empty string is never in a list: it means "not answered".

// Sex is a member's sex as recorded on the form.
type Sex string

// Sexes.
const (
	Male   Sex = "male"
	Female Sex = "female"
)

var sexes = []label[Sex]{
	{Male, Text{"nam", "male"}},
	{Female, Text{"nữ", "female"}},
}

// Schooling is a member's school attendance and highest completed level, as one answer.
// For a child "studying" means attending the grade or level appropriate to age
// (preschool included); a child who attends school below that level is
// "studying_below_level".
type Schooling string

// Schooling answers.
const (
	SchoolingStudying           Schooling = "studying"
	SchoolingStudyingBelowLevel Schooling = "studying_below_level"
	SchoolingNone               Schooling = "none"                     // not studying, primary school not completed
	SchoolingPrimary            Schooling = "finished_primary"         // tốt nghiệp tiểu học
	SchoolingLowerSecondary     Schooling = "finished_lower_secondary" // tốt nghiệp THCS
	SchoolingUpperSecondary     Schooling = "finished_upper_secondary" // tốt nghiệp THPT
	SchoolingVocational         Schooling = "vocational"               // sơ cấp, trung cấp, cao đẳng nghề, or employer-certified training
	SchoolingHigher             Schooling = "higher_education"         // đại học trở lên
)

var schoolings = []label[Schooling]{
	{SchoolingStudying, Text{"đang đi học đúng cấp/lớp theo độ tuổi", "attending school at the level for age"}},
	{SchoolingStudyingBelowLevel, Text{"đang đi học nhưng không đúng cấp/lớp theo độ tuổi", "attending school below the level for age"}},
	{SchoolingNone, Text{"không đi học, chưa tốt nghiệp tiểu học", "not studying, primary school not completed"}},
	{SchoolingPrimary, Text{"tốt nghiệp tiểu học", "completed primary school"}},
	{SchoolingLowerSecondary, Text{"tốt nghiệp trung học cơ sở", "completed lower-secondary school"}},
	{SchoolingUpperSecondary, Text{"tốt nghiệp trung học phổ thông", "completed upper-secondary school"}},
	{SchoolingVocational, Text{"có bằng/chứng chỉ nghề", "holds a vocational qualification"}},
	{SchoolingHigher, Text{"cao đẳng, đại học trở lên", "higher education"}},
}

// valid reports whether s is "" or in the list.
func (s Schooling) valid() bool { return s.code() != schoolInvalid }

// schoolCode is a Schooling answer as a small number, read once per member by Classify
// so that the rules compare numbers, not texts.
type schoolCode uint8

const (
	schoolUnanswered schoolCode = iota
	schoolStudying
	schoolStudyingBelowLevel
	schoolNone
	schoolPrimary
	schoolLowerSecondary
	schoolUpperSecondary
	schoolVocational
	schoolHigher
	schoolInvalid
)

// code is a switch because Classify reads every member (keep it in step with
// schoolings; TestAnswerLists checks).
func (s Schooling) code() schoolCode {
	switch s {
	case "":
		return schoolUnanswered
	case SchoolingStudying:
		return schoolStudying
	case SchoolingStudyingBelowLevel:
		return schoolStudyingBelowLevel
	case SchoolingNone:
		return schoolNone
	case SchoolingPrimary:
		return schoolPrimary
	case SchoolingLowerSecondary:
		return schoolLowerSecondary
	case SchoolingUpperSecondary:
		return schoolUpperSecondary
	case SchoolingVocational:
		return schoolVocational
	case SchoolingHigher:
		return schoolHigher
	}
	return schoolInvalid
}

// studying reports whether the answer means the member attends school or training.
func (s Schooling) studying() bool {
	return s == SchoolingStudying || s == SchoolingStudyingBelowLevel
}

// Employment is a member's main work situation.
type Employment string

// Employment answers.
const (
	EmployedWithContract Employment = "employed_with_contract" // works for wages with a labour contract
	EmployedNoContract   Employment = "employed_no_contract"   // works for wages without a labour contract
	SelfEmployed         Employment = "self_employed"          // own farm or business, unpaid family work
	Unemployed           Employment = "unemployed"             // able and willing to work, has no job
	NotInLabourForce     Employment = "not_in_labour_force"    // studying, homemaker, unable to work …
)

var employments = []label[Employment]{
	{EmployedWithContract, Text{"làm công hưởng lương có hợp đồng lao động", "works for wages with a labour contract"}},
	{EmployedNoContract, Text{"làm công hưởng lương không có hợp đồng lao động", "works for wages without a labour contract"}},
	{SelfEmployed, Text{"tự làm (sản xuất, kinh doanh của hộ)", "self-employed (own farm or business)"}},
	{Unemployed, Text{"thất nghiệp", "unemployed"}},
	{NotInLabourForce, Text{"không tham gia lực lượng lao động", "not in the labour force"}},
}

// valid reports whether e is "" or in the list.
func (e Employment) valid() bool { return e.code() != workInvalid }

// workCode is an Employment answer as a small number (see schoolCode).
type workCode uint8

const (
	workUnanswered workCode = iota
	workWithContract
	workNoContract
	workSelfEmployed
	workUnemployed
	workNotInLabourForce
	workInvalid
)

func (e Employment) code() workCode {
	switch e {
	case "":
		return workUnanswered
	case EmployedWithContract:
		return workWithContract
	case EmployedNoContract:
		return workNoContract
	case SelfEmployed:
		return workSelfEmployed
	case Unemployed:
		return workUnemployed
	case NotInLabourForce:
		return workNotInLabourForce
	}
	return workInvalid
}

// WaterSource is the household's main source of domestic water. Which sources count as
// clean is standard data (Thresholds.CleanWaterSources).
type WaterSource string

// Water sources.
const (
	WaterTap                WaterSource = "tap"
	WaterDrilledWell        WaterSource = "drilled_well"
	WaterProtectedDugWell   WaterSource = "protected_dug_well"
	WaterUnprotectedDugWell WaterSource = "unprotected_dug_well"
	WaterProtectedSpring    WaterSource = "protected_spring"
	WaterUnprotectedSpring  WaterSource = "unprotected_spring"
	WaterRain               WaterSource = "rainwater"
	WaterBottled            WaterSource = "bottled"
	WaterTanker             WaterSource = "tanker"
	WaterSurface            WaterSource = "surface"
	WaterOther              WaterSource = "other"
)

var waterSources = []label[WaterSource]{
	{WaterTap, Text{"nước máy", "tap water"}},
	{WaterDrilledWell, Text{"giếng khoan", "drilled well"}},
	{WaterProtectedDugWell, Text{"giếng đào được bảo vệ", "protected dug well"}},
	{WaterUnprotectedDugWell, Text{"giếng đào không được bảo vệ", "unprotected dug well"}},
	{WaterProtectedSpring, Text{"nước khe, mó được bảo vệ", "protected spring"}},
	{WaterUnprotectedSpring, Text{"nước khe, mó không được bảo vệ", "unprotected spring"}},
	{WaterRain, Text{"nước mưa", "rainwater"}},
	{WaterBottled, Text{"nước đóng chai, đóng bình", "bottled water"}},
	{WaterTanker, Text{"nước mua từ xe chở, téc", "water bought from a tanker"}},
	{WaterSurface, Text{"nước sông, suối, ao, hồ", "river, stream, pond or lake water"}},
	{WaterOther, Text{"nguồn khác", "other source"}},
}

// Latrine is the household's latrine type. Which types count as hygienic is standard
// data (Thresholds.HygienicLatrines).
type Latrine string

// Latrine types.
const (
	LatrineSeptic        Latrine = "septic"
	LatrineSemiSeptic    Latrine = "semi_septic"
	LatrinePourFlush     Latrine = "pour_flush"
	LatrineDoubleVault   Latrine = "double_vault"
	LatrineVentilatedPit Latrine = "ventilated_pit"
	LatrineSimplePit     Latrine = "simple_pit"
	LatrineHanging       Latrine = "hanging"
	LatrineNone          Latrine = "none"
	LatrineOther         Latrine = "other"
)

var latrines = []label[Latrine]{
	{LatrineSeptic, Text{"nhà tiêu tự hoại", "septic-tank latrine"}},
	{LatrineSemiSeptic, Text{"nhà tiêu bán tự hoại", "semi-septic latrine"}},
	{LatrinePourFlush, Text{"nhà tiêu thấm dội nước", "pour-flush latrine"}},
	{LatrineDoubleVault, Text{"nhà tiêu khô hai ngăn", "double-vault latrine"}},
	{LatrineVentilatedPit, Text{"nhà tiêu chìm có ống thông hơi", "ventilated pit latrine"}},
	{LatrineSimplePit, Text{"hố xí đào đơn giản", "simple pit"}},
	{LatrineHanging, Text{"cầu tiêu trên ao, sông", "hanging latrine over water"}},
	{LatrineNone, Text{"không có nhà tiêu", "no latrine"}},
	{LatrineOther, Text{"loại khác", "other type"}},
}

// Device is an information device the household owns. Which devices count for the
// information-device indicator is standard data (Thresholds.InfoDevices).
type Device string

// Devices.
const (
	DeviceTV         Device = "tv"
	DeviceRadio      Device = "radio"
	DeviceComputer   Device = "computer"
	DeviceTablet     Device = "tablet"
	DeviceSmartphone Device = "smartphone"
	DeviceBasicPhone Device = "basic_phone"
)

var devices = []label[Device]{
	{DeviceTV, Text{"ti vi", "television"}},
	{DeviceRadio, Text{"radio", "radio"}},
	{DeviceComputer, Text{"máy vi tính", "computer"}},
	{DeviceTablet, Text{"máy tính bảng", "tablet"}},
	{DeviceSmartphone, Text{"điện thoại thông minh", "smartphone"}},
	{DeviceBasicPhone, Text{"điện thoại thường", "basic mobile phone"}},
}

// waterCode numbers the water sources from 1 (0: not answered, -1: not in the list),
// in a switch because Classify reads every household (in step with waterSources;
// TestAnswerCodes checks).
func (w WaterSource) code() int8 {
	switch w {
	case "":
		return 0
	case WaterTap:
		return 1
	case WaterDrilledWell:
		return 2
	case WaterProtectedDugWell:
		return 3
	case WaterUnprotectedDugWell:
		return 4
	case WaterProtectedSpring:
		return 5
	case WaterUnprotectedSpring:
		return 6
	case WaterRain:
		return 7
	case WaterBottled:
		return 8
	case WaterTanker:
		return 9
	case WaterSurface:
		return 10
	case WaterOther:
		return 11
	}
	return -1
}

// code numbers the latrine types from 1 (0: not answered, -1: not in the list).
func (l Latrine) code() int8 {
	switch l {
	case "":
		return 0
	case LatrineSeptic:
		return 1
	case LatrineSemiSeptic:
		return 2
	case LatrinePourFlush:
		return 3
	case LatrineDoubleVault:
		return 4
	case LatrineVentilatedPit:
		return 5
	case LatrineSimplePit:
		return 6
	case LatrineHanging:
		return 7
	case LatrineNone:
		return 8
	case LatrineOther:
		return 9
	}
	return -1
}

// code numbers the devices from 1 (0: empty, -1: not in the list).
func (d Device) code() int8 {
	switch d {
	case "":
		return 0
	case DeviceTV:
		return 1
	case DeviceRadio:
		return 2
	case DeviceComputer:
		return 3
	case DeviceTablet:
		return 4
	case DeviceSmartphone:
		return 5
	case DeviceBasicPhone:
		return 6
	}
	return -1
}

// answerMask is a set of answer codes (1 to 15).
type answerMask uint16

func (m answerMask) has(code int8) bool { return code > 0 && m&(1<<code) != 0 }

// maskOf is the set of the codes of list.
func maskOf[T ~string](list []T, code func(T) int8) answerMask {
	var m answerMask
	for _, v := range list {
		if c := code(v); c > 0 {
			m |= 1 << c
		}
	}
	return m
}

// houseFact is what the rules read of the household's own answers, as numbers, worked
// out once per classification by the validation.
type houseFact struct {
	water, latrine  int8
	devices         answerMask
	devicesAnswered bool
	// walls, columns, roof: durable; telecom: uses telecommunications; waste: treated.
	walls, columns, roof, telecom, waste tri
	farm                                 bool
	hasFloor, hasIncome                  bool
	// area is the household's own area: 0 the commune's, 1 rural, 2 urban (areaCode).
	area   uint8
	floor  float64
	income int64
}

// tri is a yes/no answer that may be missing.
type tri uint8

const (
	triUnanswered tri = iota
	triYes
	triNo
)

func triOf(p *bool) tri {
	switch {
	case p == nil:
		return triUnanswered
	case *p:
		return triYes
	}
	return triNo
}

// label pairs an answer value with its bilingual label.
type label[T ~string] struct {
	v T
	t Text
}

// labelOf returns the label of v, and whether v is in the list.
func labelOf[T ~string](list []label[T], v T) (Text, bool) {
	for _, l := range list {
		if l.v == v {
			return l.t, true
		}
	}
	return Text{string(v), string(v)}, false
}

// known reports whether v is "" (not answered) or in the list.
func known[T ~string](list []label[T], v T) bool {
	if v == "" {
		return true
	}
	for i := range list {
		if list[i].v == v {
			return true
		}
	}
	return false
}

// allowed lists the values of a list, for error messages.
func allowed[T ~string](list []label[T]) string {
	s := make([]string, len(list))
	for i, l := range list {
		s[i] = string(l.v)
	}
	return strings.Join(s, ", ")
}
