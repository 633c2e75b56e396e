package importfile

import "strings"

// Level says what a column describes.
type Level int

// Levels.
const (
	// HouseholdLevel columns describe the household: repeated on each member row, or
	// given on the first row of the household only.
	HouseholdLevel Level = iota
	// MemberLevel columns describe the person of the row.
	MemberLevel
)

// Column is one column of the import template.
type Column struct {
	// Key is the stable English name of the column; it is also accepted as a header.
	Key string
	// Header is the Vietnamese header written in the template.
	Header string
	// Aliases are the other headers accepted for this column.
	Aliases []string
	Level   Level
	// Required columns must be present in the file, and their cell filled on every
	// member row (on the first row of the household for household columns).
	Required bool
	// Help describes the column in Vietnamese for the guide sheet; Allowed lists the
	// accepted values (empty for free text).
	Help    string
	Allowed string
	// Example holds the column's values for the three members of the template's
	// example household.
	Example [3]string
	// Recognition marks the columns of an existing registry's recognised list (the
	// status by the commune's decision and the decision's reference): read only when
	// the importer asks for it (imports.Options.Recognised), written neither in the
	// template's list nor in exports; the guide sheet describes them.
	Recognition bool

	id colID
	// fallbacks are headers that name this column only when no other header of the
	// file does: "Họ và tên chủ hộ" is the members' names in a list that has no other
	// name column, and the head's name, left aside, in one that has.
	fallbacks []string
}

// colID numbers the columns for the row parser.
type colID int

const (
	colCode colID = iota
	colProvince
	colCommune
	colVillage
	colAddress
	colPhone
	colName
	colRelation
	colSex
	colBirthDate
	colEthnicity
	colNationalID
	colHealthInsurance
	colSchooling
	colEmployment
	colDisability
	colMalnourished
	colFarm
	colIncome
	colWalls
	colColumns
	colRoof
	colFloorArea
	colWater
	colLatrine
	colTelecom
	colDevices
	colWaste
	colArea
	colRegion
	colAnnualCrop
	colPerennialCrop
	colAquaculture
	colForest
	colCattle
	colPigs
	colPoultry
	colAllowance
	colMerit
	colNoLabour
	colCauses
	colNeeds
	colRecognised
	colDecisionNumber
	colDecisionDate
	colCertificate
	numCols
)

const (
	helpBool  = "Có hoặc Không (cũng nhận: C/K, x, 1/0); để trống nếu chưa hỏi"
	allowBool = "Có; Không"
	helpLand  = "số không âm, có thể viết 1.440 hoặc 45,5; ghi 0 nếu không có; để trống nếu chưa hỏi."
	helpCount = "số nguyên không âm; ghi 0 nếu không nuôi; để trống nếu chưa hỏi."
)

var columns = []Column{
	{Key: "household_code", Header: "Mã hộ", id: colCode, Level: HouseholdLevel, Required: true,
		Aliases: []string{"Mã số hộ", "Mã hộ gia đình", "Mã HGĐ", "Mã số hộ gia đình", "Mã hộ GĐ", "Mã số HGĐ"},
		Help:    "Mã hộ do xã quản lý, không trùng trong tỉnh; các thành viên của cùng hộ nằm ở các dòng liền nhau, chủ hộ ở dòng đầu. Dòng để trống mã hộ được coi là thành viên của hộ ở dòng trên.",
		Example: [3]string{"HD-0001", "HD-0001", "HD-0001"}},
	{Key: "province_code", Header: "Mã tỉnh", id: colProvince, Level: HouseholdLevel,
		Aliases: []string{"Mã tỉnh/thành phố", "Mã tỉnh, thành phố", "Mã TP"},
		Help:    "Mã tỉnh/thành phố (2 chữ số, danh mục của Tổng cục Thống kê). Để trống thì hệ thống lấy theo mã xã. Mã tỉnh trước ngày 01/07/2025 của xã (Hải Dương 30 cho một xã nay thuộc Hải Phòng 31) vẫn được nhận.",
		// Today's map: Hải Dương (30) was merged into Hải Phòng (31) on 1 July 2025
		// (Resolution 202/2025/QH15); commune 10507 is Phường Thành Đông of 31, formed
		// from Phường Cẩm Thượng (10507, then in 30) and three other communes.
		Example: [3]string{"31", "31", "31"}},
	{Key: "commune_code", Header: "Mã xã", id: colCommune, Level: HouseholdLevel, Required: true,
		Aliases: []string{"Mã xã/phường", "Mã xã, phường", "Mã phường/xã", "Mã xã, phường, thị trấn", "Mã xã/phường/đặc khu", "Mã đơn vị hành chính cấp xã", "Mã đơn vị hành chính", "Mã ĐVHC", "Mã ĐVHC cấp xã"},
		Help:    "Mã xã/phường/đặc khu (5 chữ số, danh mục của Tổng cục Thống kê).",
		Example: [3]string{"10507", "10507", "10507"}},
	{Key: "village", Header: "Thôn/Tổ dân phố", id: colVillage, Level: HouseholdLevel,
		Aliases: []string{"Thôn", "Thôn/Xóm", "Thôn, tổ dân phố", "Thôn/Tổ", "Tổ dân phố", "Xóm", "Ấp", "Bản", "Thôn/Bản", "Thôn/Bản/Ấp", "Thôn, xóm", "Thôn/Xóm/Tổ dân phố", "Thôn/Ấp/Bản/Tổ dân phố", "Thôn, ấp, bản, tổ dân phố", "Tên thôn", "Tên thôn/tổ dân phố"},
		Help:    "Tên thôn, xóm, bản, ấp hoặc tổ dân phố nơi hộ cư trú.",
		Example: [3]string{"Thôn Đông", "Thôn Đông", "Thôn Đông"}},
	{Key: "address", Header: "Địa chỉ", id: colAddress, Level: HouseholdLevel,
		Aliases: []string{"Địa chỉ thường trú", "Nơi thường trú", "Nơi ở", "Nơi ở hiện nay", "Số nhà"},
		Help:    "Địa chỉ cụ thể của hộ (số nhà, đường, ngõ).",
		Example: [3]string{"Số 12, đường làng", "Số 12, đường làng", "Số 12, đường làng"}},
	{Key: "phone", Header: "Điện thoại", id: colPhone, Level: HouseholdLevel,
		Aliases: []string{"Số điện thoại", "SĐT", "ĐT", "Điện thoại liên hệ"},
		Help:    "Số điện thoại liên hệ của hộ.",
		Example: [3]string{"0912345678", "0912345678", "0912345678"}},
	{Key: "name", Header: "Họ và tên", id: colName, Level: MemberLevel, Required: true,
		Aliases:   []string{"Họ tên", "Họ, tên", "Họ và tên thành viên", "Họ tên thành viên", "Tên thành viên", "Họ và tên người", "Họ và tên thành viên hộ", "Họ tên thành viên hộ", "Họ và tên người trong hộ", "Họ và tên nhân khẩu", "Họ tên nhân khẩu"},
		fallbacks: []string{"Họ và tên chủ hộ", "Họ tên chủ hộ", "Tên chủ hộ"},
		Help:      "Họ và tên đầy đủ của thành viên, có dấu.",
		Example:   [3]string{"Nguyễn Văn An", "Trần Thị Bình", "Nguyễn Văn Cường"}},
	{Key: "relation", Header: "Quan hệ với chủ hộ", id: colRelation, Level: MemberLevel,
		Aliases: []string{"Quan hệ", "Quan hệ chủ hộ", "Quan hệ với CH", "QH với chủ hộ", "QH với CH", "Quan hệ với người đứng đầu hộ", "Mối quan hệ với chủ hộ", "Quan hệ với chủ hộ gia đình", "QHVCH"},
		Help:    "Quan hệ của thành viên với chủ hộ; mỗi hộ có đúng một Chủ hộ. Nếu không có cột này, người ở dòng đầu của hộ là chủ hộ.",
		Example: [3]string{"Chủ hộ", "Vợ/Chồng", "Con"}},
	{Key: "sex", Header: "Giới tính", id: colSex, Level: MemberLevel, Required: true,
		Aliases: []string{"Giới", "Nam/Nữ", "Nam, nữ", "Giới tính Nam/Nữ"},
		Help:    "Nam hoặc Nữ.",
		Example: [3]string{"Nam", "Nữ", "Nam"}},
	{Key: "birth_date", Header: "Ngày sinh", id: colBirthDate, Level: MemberLevel, Required: true,
		Aliases:   []string{"Ngày tháng năm sinh", "Ngày, tháng, năm sinh", "Ngày/tháng/năm sinh", "Sinh ngày", "NTNS", "Ngày sinh (dd/mm/yyyy)", "Ngày tháng sinh"},
		fallbacks: []string{"Năm sinh"},
		Help:      "Ngày sinh đầy đủ: ngày/tháng/năm (12/05/1980), năm-tháng-ngày (1980-05-12) hoặc ô ngày của Excel. Năm phải đủ 4 chữ số.",
		Example:   [3]string{"12/05/1980", "02/01/1983", "30/09/2012"}},
	{Key: "ethnicity", Header: "Dân tộc", id: colEthnicity, Level: MemberLevel,
		Aliases: []string{"Dân tộc (Kinh, Tày …)"},
		Help:    "Tên dân tộc (Kinh, Tày, Thái, Mường, Khmer, H'Mông …).",
		Example: [3]string{"Kinh", "Kinh", "Kinh"}},
	{Key: "national_id", Header: "Số CCCD", id: colNationalID, Level: MemberLevel,
		Aliases: []string{"CCCD", "Số định danh", "Số định danh cá nhân", "CCCD/CMND", "Số CCCD/CMND", "Số CMND/CCCD", "CMND", "Số CMND", "Căn cước công dân", "Số căn cước", "Số căn cước công dân", "Mã định danh",
			"Số CCCD/ĐDCN", "Số CCCD/Số định danh", "Số CCCD/Số định danh cá nhân", "Số định danh cá nhân/CCCD", "Số ĐDCN", "Mã số định danh cá nhân", "Số thẻ CCCD", "Số thẻ căn cước"},
		Help:    "Số căn cước công dân / số định danh cá nhân (12 chữ số) hoặc CMND cũ (9 chữ số). Nên định dạng ô là Văn bản (Text) để Excel không bỏ số 0 ở đầu.",
		Example: [3]string{"030080001234", "030183001235", ""}},
	{Key: "health_insurance", Header: "Có BHYT", id: colHealthInsurance, Level: MemberLevel,
		Aliases: []string{"BHYT", "Thẻ BHYT", "Có thẻ BHYT", "Bảo hiểm y tế", "Có bảo hiểm y tế"},
		Help:    "Thành viên có thẻ bảo hiểm y tế còn hạn không. " + helpBool, Allowed: allowBool,
		Example: [3]string{"Có", "Có", "Có"}},
	{Key: "schooling", Header: "Tình trạng đi học", id: colSchooling, Level: MemberLevel,
		Aliases: []string{"Trình độ học vấn", "Học vấn", "Trình độ văn hóa", "Đi học", "Trình độ/đi học", "Tình trạng học tập"},
		Help:    "Tình trạng đi học hoặc bằng cấp cao nhất đã đạt.", Allowed: schoolingChoices.labels(),
		Example: [3]string{"Tốt nghiệp THCS", "Tốt nghiệp THPT", "Đang đi học"}},
	{Key: "employment", Header: "Việc làm", id: colEmployment, Level: MemberLevel,
		Aliases: []string{"Tình trạng việc làm", "Tình trạng lao động", "Việc làm chính"},
		Help:    "Tình trạng việc làm chính.", Allowed: employmentChoices.labels(),
		Example: [3]string{"Tự làm", "Làm công không có hợp đồng lao động", "Không tham gia lực lượng lao động"}},
	{Key: "disability_allowance", Header: "Hưởng trợ cấp khuyết tật", id: colDisability, Level: MemberLevel,
		Aliases: []string{"Trợ cấp khuyết tật", "Người khuyết tật hưởng trợ cấp", "NKT hưởng trợ cấp", "Khuyết tật hưởng trợ cấp"},
		Help:    "Người khuyết tật đang hưởng trợ cấp xã hội hằng tháng. Có hoặc Không; để trống là Không.", Allowed: allowBool,
		Example: [3]string{"Không", "Không", "Không"}},
	{Key: "malnourished", Header: "Trẻ suy dinh dưỡng", id: colMalnourished, Level: MemberLevel,
		Aliases: []string{"Suy dinh dưỡng", "Trẻ em suy dinh dưỡng", "SDD"},
		Help:    "Chỉ hỏi với trẻ em: thấp còi hoặc nhẹ cân. " + helpBool, Allowed: allowBool,
		Example: [3]string{"", "", "Không"}},
	{Key: "farm_household", Header: "Hộ làm nông, lâm, ngư, diêm nghiệp", id: colFarm, Level: HouseholdLevel,
		Aliases: []string{"Hộ nông nghiệp", "Hộ NLNDN", "Hộ làm nông lâm ngư diêm nghiệp", "Hộ làm NLNDN", "Hộ nông, lâm, ngư, diêm nghiệp"},
		Help:    "Hộ sống bằng nông nghiệp, lâm nghiệp, ngư nghiệp hoặc diêm nghiệp. Có hoặc Không; để trống là Không.", Allowed: allowBool,
		Example: [3]string{"Có", "Có", "Có"}},
	// Required: the poverty rules test the income (Decree 07/2021/NĐ-CP, Art. 3) or the
	// B1 score card's estimate of it (Circular 07/2021/TT-BLĐTBXH, Art. 3), and the
	// template has no B1 columns: without the income a household cannot be classified.
	{Key: "income_12m", Header: "Thu nhập 12 tháng (đồng)", id: colIncome, Level: HouseholdLevel, Required: true,
		Aliases: []string{"Thu nhập 12 tháng", "Tổng thu nhập 12 tháng", "Tổng thu nhập", "Thu nhập của hộ 12 tháng qua", "Tổng thu nhập của hộ",
			"Thu nhập", "Thu nhập của hộ", "Thu nhập 12 tháng qua", "Tổng thu nhập 12 tháng qua", "Tổng thu nhập của hộ 12 tháng qua", "Thu nhập năm", "Tổng thu nhập năm", "Thu nhập cả năm"},
		Help:    "Bắt buộc: tổng thu nhập của hộ trong 12 tháng qua, tính bằng đồng, không kể trợ cấp xã hội của Nhà nước; cần để xét chuẩn nghèo (hộ chấm điểm theo bảng B1 thì nhập câu trả lời B1 trên trang của hộ, không qua tệp). Số nguyên không âm, có thể viết 48.000.000.",
		Example: [3]string{"48000000", "48000000", "48000000"}},
	{Key: "house_walls_durable", Header: "Tường nhà bền chắc", id: colWalls, Level: HouseholdLevel,
		Aliases: []string{"Tường bền chắc", "Tường nhà", "Tường"},
		Help:    "Tường nhà làm bằng vật liệu bền chắc. " + helpBool, Allowed: allowBool,
		Example: [3]string{"Có", "Có", "Có"}},
	{Key: "house_columns_durable", Header: "Cột nhà bền chắc", id: colColumns, Level: HouseholdLevel,
		Aliases: []string{"Cột bền chắc", "Cột nhà", "Cột", "Khung cột bền chắc"},
		Help:    "Cột (khung) nhà làm bằng vật liệu bền chắc. " + helpBool, Allowed: allowBool,
		Example: [3]string{"Có", "Có", "Có"}},
	{Key: "house_roof_durable", Header: "Mái nhà bền chắc", id: colRoof, Level: HouseholdLevel,
		Aliases: []string{"Mái bền chắc", "Mái nhà", "Mái"},
		Help:    "Mái nhà làm bằng vật liệu bền chắc. " + helpBool, Allowed: allowBool,
		Example: [3]string{"Không", "Không", "Không"}},
	{Key: "floor_area_m2", Header: "Diện tích nhà ở (m²)", id: colFloorArea, Level: HouseholdLevel,
		Aliases: []string{"Diện tích nhà ở", "Diện tích nhà", "Diện tích ở", "Diện tích sàn"},
		Help:    "Diện tích nhà ở, mét vuông; có thể có phần thập phân (45,5).",
		Example: [3]string{"45", "45", "45"}},
	{Key: "water_source", Header: "Nguồn nước sinh hoạt", id: colWater, Level: HouseholdLevel,
		Aliases: []string{"Nguồn nước", "Nước sinh hoạt", "Nguồn nước chính"},
		Help:    "Nguồn nước sinh hoạt chính.", Allowed: waterChoices.labels(),
		Example: [3]string{"Giếng khoan", "Giếng khoan", "Giếng khoan"}},
	{Key: "latrine", Header: "Loại nhà tiêu", id: colLatrine, Level: HouseholdLevel,
		Aliases: []string{"Nhà tiêu", "Nhà vệ sinh", "Loại nhà vệ sinh", "Hố xí", "Loại hố xí"},
		Help:    "Loại nhà tiêu hộ đang sử dụng.", Allowed: latrineChoices.labels(),
		Example: [3]string{"Tự hoại", "Tự hoại", "Tự hoại"}},
	{Key: "telecom", Header: "Sử dụng dịch vụ viễn thông", id: colTelecom, Level: HouseholdLevel,
		Aliases: []string{"Viễn thông", "Dịch vụ viễn thông", "Có sử dụng viễn thông", "Sử dụng viễn thông"},
		Help:    "Có ít nhất một thành viên dùng dịch vụ viễn thông (thuê bao điện thoại hoặc internet). " + helpBool, Allowed: allowBool,
		Example: [3]string{"Có", "Có", "Có"}},
	{Key: "devices", Header: "Phương tiện tiếp cận thông tin", id: colDevices, Level: HouseholdLevel,
		Aliases: []string{"Phương tiện thông tin", "Tài sản tiếp cận thông tin", "Thiết bị tiếp cận thông tin", "Phương tiện phục vụ tiếp cận thông tin"},
		Help:    "Các phương tiện hộ có, cách nhau bởi dấu phẩy hoặc chấm phẩy; ghi Không nếu không có; để trống nếu chưa hỏi.", Allowed: deviceChoices.labels() + "; Không",
		Example: [3]string{"Ti vi, Điện thoại thông minh", "Ti vi, Điện thoại thông minh", "Ti vi, Điện thoại thông minh"}},
	{Key: "waste_treated", Header: "Rác thải được thu gom, xử lý", id: colWaste, Level: HouseholdLevel,
		Aliases: []string{"Rác thải", "Thu gom rác", "Xử lý rác thải", "Thu gom, xử lý rác thải", "Rác thải được thu gom"},
		Help:    "Chất thải rắn sinh hoạt của hộ được thu gom hoặc xử lý hợp vệ sinh. " + helpBool, Allowed: allowBool,
		Example: [3]string{"Có", "Có", "Có"}},
	{Key: "area", Header: "Khu vực", id: colArea, Level: HouseholdLevel,
		Aliases: []string{"Nông thôn/Thành thị", "Khu vực cư trú"},
		Help:    "Chỉ ghi khi hộ thuộc khu vực khác với loại đơn vị hành chính của xã; để trống thì theo xã.", Allowed: areaChoices.labels(),
		Example: [3]string{"", "", ""}},
	{Key: "region", Header: "Vùng", id: colRegion, Level: HouseholdLevel,
		Aliases: []string{"Vùng kinh tế - xã hội", "Vùng kinh tế xã hội", "Vùng KT-XH"},
		Help:    "Vùng kinh tế - xã hội, chỉ cần khi tính điểm bảng B1 cho hộ nông thôn.", Allowed: regionChoices.labels(),
		Example: [3]string{"Đồng bằng sông Hồng", "Đồng bằng sông Hồng", "Đồng bằng sông Hồng"}},
	// Land and livestock (issue 4): registry answers, not read by the poverty rules.
	{Key: "annual_crop_land_m2", Header: "Đất trồng cây hằng năm (m²)", id: colAnnualCrop, Level: HouseholdLevel,
		Aliases: []string{"Đất trồng cây hàng năm", "Đất cây hằng năm", "Đất cây hàng năm", "Diện tích đất trồng cây hằng năm", "Diện tích đất trồng cây hàng năm", "Đất trồng lúa, cây hằng năm"},
		Help:    "Diện tích đất trồng cây hằng năm (lúa, màu …) hộ đang sử dụng, mét vuông; " + helpLand,
		Example: [3]string{"1.440", "1.440", "1.440"}},
	{Key: "perennial_crop_land_m2", Header: "Đất trồng cây lâu năm (m²)", id: colPerennialCrop, Level: HouseholdLevel,
		Aliases: []string{"Đất cây lâu năm", "Diện tích đất trồng cây lâu năm", "Đất vườn cây lâu năm"},
		Help:    "Diện tích đất trồng cây lâu năm (cây ăn quả, cây công nghiệp lâu năm …), mét vuông; " + helpLand,
		Example: [3]string{"", "", ""}},
	{Key: "aquaculture_m2", Header: "Mặt nước nuôi trồng thủy sản (m²)", id: colAquaculture, Level: HouseholdLevel,
		Aliases: []string{"Mặt nước nuôi trồng thuỷ sản", "Diện tích nuôi trồng thủy sản", "Diện tích mặt nước nuôi trồng thủy sản", "Đất nuôi trồng thủy sản", "Mặt nước NTTS", "Ao nuôi cá"},
		Help:    "Diện tích mặt nước nuôi trồng thủy sản (ao, hồ, đầm), mét vuông; " + helpLand,
		Example: [3]string{"360", "360", "360"}},
	{Key: "forest_land_m2", Header: "Đất rừng sản xuất (m²)", id: colForest, Level: HouseholdLevel,
		Aliases: []string{"Đất rừng", "Diện tích rừng sản xuất", "Diện tích đất rừng sản xuất", "Rừng sản xuất", "Đất lâm nghiệp"},
		Help:    "Diện tích đất rừng sản xuất hộ được giao, thuê hoặc nhận khoán, mét vuông; " + helpLand,
		Example: [3]string{"", "", ""}},
	{Key: "cattle", Header: "Trâu, bò, ngựa (con)", id: colCattle, Level: HouseholdLevel,
		Aliases: []string{"Trâu, bò", "Trâu bò", "Số trâu, bò", "Số trâu bò ngựa", "Đại gia súc", "Gia súc lớn"},
		Help:    "Số con trâu, bò, ngựa hộ đang nuôi; " + helpCount,
		Example: [3]string{"1", "1", "1"}},
	{Key: "pigs", Header: "Lợn, dê, cừu (con)", id: colPigs, Level: HouseholdLevel,
		Aliases: []string{"Lợn", "Heo", "Lợn, dê", "Heo, dê, cừu", "Số lợn", "Gia súc nhỏ", "Tiểu gia súc"},
		Help:    "Số con lợn (heo), dê, cừu hộ đang nuôi; " + helpCount,
		Example: [3]string{"4", "4", "4"}},
	{Key: "poultry", Header: "Gia cầm (con)", id: colPoultry, Level: HouseholdLevel,
		Aliases: []string{"Gà, vịt", "Gà vịt", "Số gia cầm", "Gà, vịt, ngan, ngỗng"},
		Help:    "Số con gia cầm (gà, vịt, ngan, ngỗng …) hộ đang nuôi; " + helpCount,
		Example: [3]string{"30", "30", "30"}},
	{Key: "social_allowance", Header: "Trợ cấp xã hội hằng tháng", id: colAllowance, Level: MemberLevel,
		Aliases: []string{"Trợ cấp xã hội hàng tháng", "Trợ cấp xã hội", "Hưởng trợ cấp xã hội", "Loại trợ cấp xã hội", "Đối tượng bảo trợ xã hội", "Đối tượng BTXH", "Trợ cấp hằng tháng"},
		Help:    "Loại trợ cấp xã hội hằng tháng thành viên đang hưởng (Nghị định 20/2021/NĐ-CP); để trống hoặc ghi Không nếu không hưởng. Người khuyết tật hưởng trợ cấp vẫn ghi Có ở cột \"Hưởng trợ cấp khuyết tật\".",
		Allowed: allowanceChoices.labels() + "; Không",
		Example: [3]string{"", "", ""}},
	// The household traits the reports count (issue 14 item 1).
	{Key: "merit", Header: "Hộ có người có công với cách mạng", id: colMerit, Level: HouseholdLevel,
		Aliases: []string{"Người có công", "Hộ có người có công", "Có người có công với cách mạng", "Hộ người có công", "NCC", "Hộ có công với cách mạng"},
		Help:    "Hộ có thành viên là người có công với cách mạng (Pháp lệnh 02/2020/UBTVQH14). " + helpBool, Allowed: allowBool,
		Example: [3]string{"Không", "Không", "Không"}},
	{Key: "no_labour_override", Header: "Hộ không có khả năng lao động (cán bộ xác nhận)", id: colNoLabour, Level: HouseholdLevel,
		Aliases: []string{"Hộ không có khả năng lao động", "Không có khả năng lao động", "Không có KNLĐ", "Hộ không có KNLĐ", "Không có lao động"},
		Help:    "Để trống thì hệ thống tự xác định theo tuổi lao động của các thành viên (Bộ luật Lao động 2019, Điều 169) và trợ cấp khuyết tật; chỉ ghi Có/Không khi cán bộ xác nhận khác. " + helpBool, Allowed: allowBool,
		Example: [3]string{"", "", ""}},
	{Key: "causes", Header: "Nguyên nhân nghèo", id: colCauses, Level: HouseholdLevel,
		Aliases: []string{"Nguyên nhân nghèo, cận nghèo", "Nguyên nhân", "Các nguyên nhân nghèo", "Nguyên nhân chính"},
		Help:    "Các nguyên nhân nghèo của hộ, cách nhau bởi dấu phẩy hoặc chấm phẩy (có thể nhiều nguyên nhân); để trống nếu chưa hỏi.", Allowed: causeChoices.labels(),
		Example: [3]string{"Thiếu vốn; Ốm đau, tai nạn", "Thiếu vốn; Ốm đau, tai nạn", "Thiếu vốn; Ốm đau, tai nạn"}},
	{Key: "needs", Header: "Nhu cầu hỗ trợ", id: colNeeds, Level: HouseholdLevel,
		Aliases: []string{"Nhu cầu cần hỗ trợ", "Hộ có nhu cầu hỗ trợ", "Nhu cầu", "Nhu cầu được hỗ trợ"},
		Help:    "Các nhu cầu hỗ trợ của hộ, cách nhau bởi dấu phẩy hoặc chấm phẩy; để trống nếu chưa hỏi.", Allowed: needChoices.labels(),
		Example: [3]string{"Vốn, Đào tạo nghề", "Vốn, Đào tạo nghề", "Vốn, Đào tạo nghề"}},
	// The recognised list of an existing registry, for migrating it (issue 11 item 1):
	// the class by the commune chairman's decision after a review (Decision
	// 24/2021/QĐ-TTg, Art. 4 step 6 and Art. 5) and that decision's number and date.
	{Key: "recognised_status", Header: "Tình trạng đã công nhận", id: colRecognised, Level: HouseholdLevel, Recognition: true,
		Aliases: []string{"Tình trạng công nhận", "Đã công nhận", "Diện đã công nhận", "Phân loại đã công nhận", "Loại hộ đã công nhận", "Hộ nghèo, cận nghèo đã công nhận"},
		Help:    "Chỉ dùng khi chuyển sổ hộ nghèo đang quản lý sang hệ thống (chọn \"Nhập danh sách đã công nhận\", lệnh --recognised): diện của hộ theo quyết định công nhận của Chủ tịch UBND xã. Tệp có cột này mà không chọn thì cột này được bỏ qua.",
		Allowed: recognisedChoices.labels()},
	{Key: "decision_number", Header: "Số quyết định", id: colDecisionNumber, Level: HouseholdLevel, Recognition: true,
		Aliases: []string{"Số QĐ", "Quyết định số", "Số quyết định công nhận", "QĐ công nhận số", "Số QĐ công nhận"},
		Help:    "Số quyết định công nhận hộ (ví dụ 125/QĐ-UBND); bắt buộc khi ghi tình trạng đã công nhận."},
	{Key: "decision_date", Header: "Ngày quyết định", id: colDecisionDate, Level: HouseholdLevel, Recognition: true,
		Aliases: []string{"Ngày QĐ", "Ngày ký quyết định", "Ngày ban hành quyết định", "Ngày quyết định công nhận", "Ngày công nhận"},
		Help:    "Ngày ký quyết định công nhận, ngày/tháng/năm (15/12/2024); hộ được công nhận từ ngày này. Bắt buộc khi ghi tình trạng đã công nhận; không được sau ngày nhập."},
	{Key: "certificate_number", Header: "Số giấy chứng nhận", id: colCertificate, Level: HouseholdLevel, Recognition: true,
		Aliases: []string{"Số GCN", "Giấy chứng nhận số", "Số giấy chứng nhận hộ nghèo", "Số giấy chứng nhận hộ cận nghèo", "Số giấy CN"},
		Help:    "Số giấy chứng nhận hộ nghèo, hộ cận nghèo (số nguyên dương); để trống nếu chưa cấp."},
}

// Template returns the columns of the import template in their order.
func Template() []Column {
	out := make([]Column, len(columns))
	for i, c := range columns {
		c.Aliases = append([]string(nil), c.Aliases...)
		out[i] = c
	}
	return out
}

// templateColumns counts the columns of the template's list and of exports: the
// columns before the recognition columns, which come last.
var templateColumns = func() int {
	n := 0
	for i, c := range columns {
		if c.Recognition {
			continue
		}
		if n != i {
			panic("importfile: a template column follows a recognition column: " + c.Key)
		}
		n++
	}
	return n
}()

// headerIndex maps headerKey of every header, alias and key to its column.
var headerIndex = func() map[string]colID {
	m := map[string]colID{}
	for i, c := range columns {
		if c.id != colID(i) {
			panic("importfile: columns out of order at " + c.Key)
		}
		for _, h := range append([]string{c.Key, c.Header}, c.Aliases...) {
			k := headerKey(h)
			if old, dup := m[k]; dup && old != c.id {
				panic("importfile: header " + h + " names two columns")
			}
			m[k] = c.id
		}
	}
	return m
}()

// fallbackIndex maps headerKey of every fallback header to its column.
var fallbackIndex = func() map[string]colID {
	m := map[string]colID{}
	for _, c := range columns {
		for _, h := range c.fallbacks {
			k := headerKey(h)
			if _, dup := headerIndex[k]; dup {
				panic("importfile: fallback header " + h + " is also a header")
			}
			m[k] = c.id
		}
	}
	return m
}()

// headerKey reduces a header to what identifies it: the text outside parentheses,
// as valueKey reads it, without spaces. "Họ và tên", "HỌ VÀ TÊN" and "Ho_va_ten" give
// "hovaten"; "Thu nhập 12 tháng (đồng)" gives "thunhap12thang".
func headerKey(h string) string {
	if i := strings.IndexByte(h, '('); i > 0 {
		if j := strings.LastIndexByte(h, ')'); j > i {
			h = h[:i] + h[j+1:]
		}
	}
	return strings.ReplaceAll(valueKey(h), " ", "")
}
