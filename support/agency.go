package support

import "giamngheo/poverty"

// Agency is a body the provincial plan assigns work to: a department, the Social
// Policy Bank, a mass organisation, or the district and commune people's committees.
type Agency struct {
	// Code is what a user's Agency field holds (user.User.Agency) and what plans and
	// support records refer to.
	Code string       `json:"code"`
	Name poverty.Text `json:"name"`
}

// The agency codes of a province (the bodies of section IV of the Hải Dương 2023 plan).
const (
	AgencyLabour      = "sldtbxh" // Sở Lao động – Thương binh và Xã hội
	AgencyPlanning    = "skhdt"   // Sở Kế hoạch và Đầu tư
	AgencyFinance     = "stc"     // Sở Tài chính
	AgencyAgriculture = "snnptnt" // Sở Nông nghiệp và Phát triển nông thôn
	AgencyHealth      = "syt"     // Sở Y tế
	AgencyEducation   = "sgddt"   // Sở Giáo dục và Đào tạo
	AgencyIndustry    = "sct"     // Sở Công thương
	AgencyConstruct   = "sxd"     // Sở Xây dựng
	AgencyJustice     = "stp"     // Sở Tư pháp
	AgencyCulture     = "svhttdl" // Sở Văn hoá, Thể thao và Du lịch
	AgencyHomeAffairs = "snv"     // Sở Nội vụ
	AgencyInformation = "stttt"   // Sở Thông tin và Truyền thông
	AgencyMedia       = "baodai"  // Đài Phát thanh – Truyền hình tỉnh, Báo tỉnh
	AgencyInsurance   = "bhxh"    // Bảo hiểm xã hội tỉnh
	AgencyStateBank   = "nhnn"    // Ngân hàng Nhà nước – Chi nhánh tỉnh
	AgencyPolicyBank  = "nhcsxh"  // Ngân hàng Chính sách xã hội – Chi nhánh tỉnh
	AgencyFront       = "mttq"    // Ủy ban MTTQ tỉnh và các tổ chức chính trị – xã hội
	AgencyDistricts   = "ubndh"   // UBND các huyện, thị xã, thành phố (and communes)
)

// Agencies lists the agencies in the order of section IV of the plan.
var Agencies = []Agency{
	{AgencyLabour, poverty.Text{VI: "Sở Lao động – Thương binh và Xã hội", EN: "Department of Labour, Invalids and Social Affairs"}},
	{AgencyPlanning, poverty.Text{VI: "Sở Kế hoạch và Đầu tư", EN: "Department of Planning and Investment"}},
	{AgencyFinance, poverty.Text{VI: "Sở Tài chính", EN: "Department of Finance"}},
	{AgencyAgriculture, poverty.Text{VI: "Sở Nông nghiệp và Phát triển nông thôn", EN: "Department of Agriculture and Rural Development"}},
	{AgencyHealth, poverty.Text{VI: "Sở Y tế", EN: "Department of Health"}},
	{AgencyEducation, poverty.Text{VI: "Sở Giáo dục và Đào tạo", EN: "Department of Education and Training"}},
	{AgencyIndustry, poverty.Text{VI: "Sở Công thương", EN: "Department of Industry and Trade"}},
	{AgencyConstruct, poverty.Text{VI: "Sở Xây dựng", EN: "Department of Construction"}},
	{AgencyJustice, poverty.Text{VI: "Sở Tư pháp", EN: "Department of Justice"}},
	{AgencyCulture, poverty.Text{VI: "Sở Văn hoá, Thể thao và Du lịch", EN: "Department of Culture, Sports and Tourism"}},
	{AgencyHomeAffairs, poverty.Text{VI: "Sở Nội vụ", EN: "Department of Home Affairs"}},
	{AgencyInformation, poverty.Text{VI: "Sở Thông tin và Truyền thông", EN: "Department of Information and Communications"}},
	{AgencyMedia, poverty.Text{VI: "Đài Phát thanh – Truyền hình tỉnh, Báo tỉnh", EN: "Provincial radio, television and newspaper"}},
	{AgencyInsurance, poverty.Text{VI: "Bảo hiểm xã hội tỉnh", EN: "Provincial Social Insurance"}},
	{AgencyStateBank, poverty.Text{VI: "Ngân hàng Nhà nước – Chi nhánh tỉnh", EN: "State Bank of Vietnam, provincial branch"}},
	{AgencyPolicyBank, poverty.Text{VI: "Ngân hàng Chính sách xã hội – Chi nhánh tỉnh", EN: "Vietnam Bank for Social Policies, provincial branch"}},
	{AgencyFront, poverty.Text{VI: "Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị – xã hội", EN: "Fatherland Front and the mass organisations"}},
	{AgencyDistricts, poverty.Text{VI: "UBND các huyện, thị xã, thành phố và các xã", EN: "District and commune people's committees"}},
}

// AgencyByCode returns the agency with the code, or false.
func AgencyByCode(code string) (Agency, bool) {
	for _, a := range Agencies {
		if a.Code == code {
			return a, true
		}
	}
	return Agency{}, false
}
