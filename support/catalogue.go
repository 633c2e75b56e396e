package support

import "giamngheo/poverty"

// Type is one kind of support in the catalogue.
type Type struct {
	Code string       `json:"code"`
	Name poverty.Text `json:"name"`
	// Agency is the code of the agency that delivers it ("" = any agency, for "other").
	Agency string `json:"agency"`
	// Indicators are the deprivation indicators the support addresses.
	Indicators []poverty.IndicatorKey `json:"indicators,omitempty"`
	// Person is true when the support goes to a person (a card, a course), false when
	// it goes to the household (a loan, a house).
	Person bool `json:"person"`
	// Loan marks the Social Policy Bank's credit programmes.
	Loan bool `json:"loan,omitempty"`
}

// Type codes the gap worklists and the computed indicators read.
const (
	TypeHealthInsurance = "health_insurance"
	TypeTuition         = "tuition"
	TypeHousing         = "housing"
	TypeCleanWater      = "clean_water"
	TypeVocational      = "vocational_training"
	TypeLabourExport    = "labour_export"
	TypeJobPlacement    = "job_placement"
	TypeInfoDevices     = "info_devices"
	TypePoorFund        = "poor_fund"
)

// Types is the catalogue, in the order of the plan's activity areas.
var Types = []Type{
	{TypeHealthInsurance, poverty.Text{VI: "Thẻ bảo hiểm y tế", EN: "Health-insurance card"}, AgencyInsurance, []poverty.IndicatorKey{poverty.IndicatorHealthInsurance}, true, false},
	{TypeTuition, poverty.Text{VI: "Miễn, giảm học phí và hỗ trợ chi phí học tập", EN: "Tuition exemption and study costs"}, AgencyEducation, []poverty.IndicatorKey{poverty.IndicatorChildSchooling}, true, false},
	{"loan_poor", poverty.Text{VI: "Vay vốn NHCSXH: cho vay hộ nghèo", EN: "Social Policy Bank loan: poor households"}, AgencyPolicyBank, nil, false, true},
	{"loan_near_poor", poverty.Text{VI: "Vay vốn NHCSXH: cho vay hộ cận nghèo", EN: "Social Policy Bank loan: near-poor households"}, AgencyPolicyBank, nil, false, true},
	{"loan_escaped", poverty.Text{VI: "Vay vốn NHCSXH: cho vay hộ mới thoát nghèo", EN: "Social Policy Bank loan: newly escaped households"}, AgencyPolicyBank, nil, false, true},
	{"loan_jobs", poverty.Text{VI: "Vay vốn NHCSXH: hỗ trợ tạo việc làm", EN: "Social Policy Bank loan: job creation"}, AgencyPolicyBank, []poverty.IndicatorKey{poverty.IndicatorEmployment}, false, true},
	{"loan_water", poverty.Text{VI: "Vay vốn NHCSXH: nước sạch và vệ sinh môi trường nông thôn", EN: "Social Policy Bank loan: rural water and sanitation"}, AgencyPolicyBank, []poverty.IndicatorKey{poverty.IndicatorWater, poverty.IndicatorLatrine}, false, true},
	{"loan_housing", poverty.Text{VI: "Vay vốn NHCSXH: nhà ở", EN: "Social Policy Bank loan: housing"}, AgencyPolicyBank, []poverty.IndicatorKey{poverty.IndicatorHousingQuality, poverty.IndicatorHousingArea}, false, true},
	{"loan_student", poverty.Text{VI: "Vay vốn NHCSXH: học sinh, sinh viên", EN: "Social Policy Bank loan: students"}, AgencyPolicyBank, []poverty.IndicatorKey{poverty.IndicatorChildSchooling}, false, true},
	{TypeHousing, poverty.Text{VI: "Hỗ trợ nhà ở", EN: "Housing support"}, AgencyConstruct, []poverty.IndicatorKey{poverty.IndicatorHousingQuality, poverty.IndicatorHousingArea}, false, false},
	{TypeCleanWater, poverty.Text{VI: "Nước sạch, nhà tiêu hợp vệ sinh", EN: "Clean water and sanitation"}, AgencyAgriculture, []poverty.IndicatorKey{poverty.IndicatorWater, poverty.IndicatorLatrine}, false, false},
	{TypeVocational, poverty.Text{VI: "Đào tạo nghề", EN: "Vocational training"}, AgencyLabour, []poverty.IndicatorKey{poverty.IndicatorEmployment, poverty.IndicatorAdultEducation}, true, false},
	{TypeLabourExport, poverty.Text{VI: "Đưa người lao động đi làm việc ở nước ngoài", EN: "Labour export"}, AgencyLabour, []poverty.IndicatorKey{poverty.IndicatorEmployment}, true, false},
	{TypeJobPlacement, poverty.Text{VI: "Tư vấn, giới thiệu việc làm", EN: "Job placement"}, AgencyLabour, []poverty.IndicatorKey{poverty.IndicatorEmployment}, true, false},
	{"production", poverty.Text{VI: "Hỗ trợ phát triển sản xuất, mô hình giảm nghèo", EN: "Production support and models"}, AgencyAgriculture, nil, false, false},
	{"nutrition", poverty.Text{VI: "Cải thiện dinh dưỡng", EN: "Nutrition"}, AgencyHealth, []poverty.IndicatorKey{poverty.IndicatorNutrition}, true, false},
	{"legal_aid", poverty.Text{VI: "Trợ giúp pháp lý", EN: "Legal aid"}, AgencyJustice, nil, true, false},
	{TypeInfoDevices, poverty.Text{VI: "Hỗ trợ phương tiện nghe – xem, thiết bị thông tin", EN: "Information devices"}, AgencyInformation, []poverty.IndicatorKey{poverty.IndicatorTelecom, poverty.IndicatorInfoDevices}, false, false},
	{"electricity", poverty.Text{VI: "Hỗ trợ tiền điện", EN: "Electricity bills"}, AgencyIndustry, nil, false, false},
	{"tet_gift", poverty.Text{VI: "Quà Tết", EN: "Tết gifts"}, AgencyLabour, nil, false, false},
	{TypePoorFund, poverty.Text{VI: "Quỹ \"Vì người nghèo\"", EN: "\"For the Poor\" fund"}, AgencyFront, []poverty.IndicatorKey{poverty.IndicatorHousingQuality, poverty.IndicatorHousingArea}, false, false},
	{"other", poverty.Text{VI: "Hỗ trợ khác", EN: "Other support"}, "", nil, false, false},
}

// TypeByCode returns the support type with the code, or false.
func TypeByCode(code string) (Type, bool) {
	for _, t := range Types {
		if t.Code == code {
			return t, true
		}
	}
	return Type{}, false
}

// TypesOf returns the types an agency delivers; "" returns every type.
func TypesOf(agency string) []Type {
	var out []Type
	for _, t := range Types {
		if agency == "" || t.Agency == agency || t.Agency == "" {
			out = append(out, t)
		}
	}
	return out
}

// Source is where the money of a support came from.
type Source string

// The sources of funds of the plan's budget (section III of the plan).
const (
	SourceCentral   Source = "central"   // ngân sách trung ương
	SourceLocal     Source = "local"     // ngân sách địa phương (đối ứng)
	SourceCredit    Source = "credit"    // vốn tín dụng chính sách
	SourceMobilised Source = "mobilised" // vốn huy động, đóng góp
	SourceOther     Source = "other"
)

// Sources lists the sources with their labels.
var Sources = []struct {
	Source Source
	Name   poverty.Text
}{
	{SourceCentral, poverty.Text{VI: "Ngân sách trung ương", EN: "Central budget"}},
	{SourceLocal, poverty.Text{VI: "Ngân sách địa phương", EN: "Local budget"}},
	{SourceCredit, poverty.Text{VI: "Vốn tín dụng chính sách", EN: "Policy credit"}},
	{SourceMobilised, poverty.Text{VI: "Vốn huy động", EN: "Mobilised funds"}},
	{SourceOther, poverty.Text{VI: "Nguồn khác", EN: "Other"}},
}

// Valid reports whether s is "" or a known source.
func (s Source) Valid() bool {
	if s == "" {
		return true
	}
	for _, x := range Sources {
		if x.Source == s {
			return true
		}
	}
	return false
}
