package demo

import "giamngheo/poverty"

// All name lists below are SYNTHETIC distributions for demonstration: the frequencies
// of Kinh family names follow the commonly quoted shares (Nguyễn ≈ 38 %, Trần 11 %,
// Lê 9.5 % …); everything else (middle and given names and their weights) is made up
// to look plausible.

// kinhFamiliesNorth and kinhFamiliesSouth differ only in Hoàng/Huỳnh and Vũ/Võ, which
// are the northern and southern forms of the same names.
var kinhFamiliesNorth, kinhFamiliesSouth = kinhFamilies("Hoàng", "Vũ"), kinhFamilies("Huỳnh", "Võ")

func kinhFamilies(hoang, vu string) table[string] {
	return newTable([]weighted[string]{
		{"Nguyễn", 38}, {"Trần", 11}, {"Lê", 9.5}, {"Phạm", 7}, {hoang, 5}, {"Phan", 4.5},
		{vu, 3.9}, {"Đặng", 2.1}, {"Bùi", 2}, {"Đỗ", 1.4}, {"Hồ", 1.3}, {"Ngô", 1.3},
		{"Dương", 1}, {"Lý", 0.5}, {"Đinh", 0.9}, {"Đào", 0.8}, {"Trịnh", 0.7}, {"Mai", 0.6},
		{"Trương", 0.6}, {"Lương", 0.5}, {"Cao", 0.5}, {"Lưu", 0.4}, {"Tạ", 0.4}, {"Hà", 0.5},
		{"Phùng", 0.4}, {"Tô", 0.3}, {"Vương", 0.3}, {"Thái", 0.2}, {"Quách", 0.2},
		{"Kiều", 0.2}, {"Chu", 0.3}, {"Lã", 0.1}, {"Lâm", 0.3}, {"Khúc", 0.1}, {"Tăng", 0.1},
		{"Triệu", 0.2}, {"Văn", 0.1}, {"Nghiêm", 0.1}, {"Doãn", 0.1},
	})
}

// Middle names (tên đệm). Older people carry Văn and Thị more often.
var (
	maleMiddleOld = newTable([]weighted[string]{
		{"Văn", 70}, {"Đức", 6}, {"Minh", 4}, {"Quang", 3}, {"Hữu", 4}, {"Công", 3}, {"Xuân", 3},
		{"Đình", 3}, {"Ngọc", 2}, {"Thanh", 2},
	})
	maleMiddleYoung = newTable([]weighted[string]{
		{"Văn", 28}, {"Đức", 10}, {"Minh", 10}, {"Quang", 7}, {"Thanh", 5}, {"Hữu", 4},
		{"Công", 4}, {"Xuân", 3}, {"Ngọc", 3}, {"Mạnh", 3}, {"Duy", 4}, {"Tiến", 3},
		{"Trọng", 3}, {"Anh", 3}, {"Hoàng", 3}, {"Gia", 4}, {"Đình", 3}, {"Quốc", 3}, {"Thế", 2}, {"Bảo", 3},
	})
	femaleMiddleOld = newTable([]weighted[string]{
		{"Thị", 85}, {"Thu", 3}, {"Hồng", 3}, {"Ngọc", 2}, {"Thanh", 2}, {"Kim", 2}, {"Minh", 1}, {"Bích", 2},
	})
	femaleMiddleYoung = newTable([]weighted[string]{
		{"Thị", 40}, {"Thu", 6}, {"Hồng", 4}, {"Ngọc", 7}, {"Thanh", 5}, {"Minh", 5}, {"Thùy", 5},
		{"Phương", 4}, {"Kim", 3}, {"Bích", 2}, {"Khánh", 4}, {"Lan", 2}, {"Mai", 2}, {"Hải", 2},
		{"Diệu", 2}, {"Bảo", 4}, {"Quỳnh", 3},
	})
)

// Given names by sex: 90 male and 90 female names, equally likely.
var maleGiven = []string{
	"An", "Anh", "Bảo", "Bình", "Bằng", "Cảnh", "Chiến", "Chính", "Công", "Cường",
	"Dũng", "Duy", "Dương", "Đại", "Đạt", "Định", "Đông", "Đức", "Giang", "Hải",
	"Hào", "Hiếu", "Hiệp", "Hoà", "Hoan", "Hoàng", "Hùng", "Huy", "Hưng", "Hậu",
	"Hợp", "Kha", "Khải", "Khang", "Khánh", "Khoa", "Khôi", "Kiên", "Lâm", "Lộc",
	"Long", "Luân", "Lực", "Lợi", "Lượng", "Mạnh", "Minh", "Nam", "Nghĩa", "Nguyên",
	"Nhân", "Nhật", "Phát", "Phong", "Phú", "Phúc", "Phương", "Quân", "Quang", "Quý",
	"Quyết", "Sang", "Sơn", "Sỹ", "Tài", "Tâm", "Tân", "Thái", "Thắng", "Thành",
	"Thanh", "Thiện", "Thịnh", "Thọ", "Thông", "Thuận", "Tiến", "Tính", "Toàn", "Trọng",
	"Trung", "Trường", "Tú", "Tuấn", "Tùng", "Tuyên", "Việt", "Vinh", "Vũ", "Xuân",
}

var femaleGiven = []string{
	"An", "Anh", "Ánh", "Bích", "Châu", "Chi", "Cúc", "Diệp", "Diệu", "Dung",
	"Duyên", "Điệp", "Đào", "Gấm", "Giang", "Hà", "Hải", "Hạnh", "Hảo", "Hằng",
	"Hậu", "Hiền", "Hoa", "Hoài", "Hồng", "Huệ", "Huế", "Hương", "Hường", "Huyền",
	"Khánh", "Khuyên", "Lan", "Lành", "Lệ", "Liên", "Liễu", "Linh", "Loan", "Lụa",
	"Ly", "Lý", "Mai", "Mận", "Mơ", "My", "Nga", "Ngân", "Ngát", "Ngọc",
	"Nguyệt", "Nhài", "Nhàn", "Nhi", "Nhung", "Oanh", "Phương", "Phượng", "Quyên", "Quỳnh",
	"Sen", "Tâm", "Thảo", "Thanh", "Thắm", "Thoa", "Thơm", "Thu", "Thúy", "Thủy",
	"Thư", "Thương", "Tình", "Trang", "Trâm", "Trinh", "Tuyền", "Tuyết", "Tươi", "Uyên",
	"Vân", "Vi", "Vy", "Xoan", "Xuân", "Yến", "Hiên", "Lài", "Lam", "Nhạn",
}

// naming is how one ethnic group forms names (SYNTHETIC tables, a handful of common
// family names per group).
type naming struct {
	families []string
	// maleMiddle and femaleMiddle: nil uses the Kinh tables.
	maleMiddle, femaleMiddle []string
	// maleGiven and femaleGiven: nil uses the Kinh lists.
	maleGiven, femaleGiven []string
	// highland names put a prefix (Y, H', A …) and the given name before the family
	// name, as Ê Đê, Ba Na and other Central Highlands names do.
	highland                 bool
	malePrefix, femalePrefix string
	// matrilineal groups (Ê Đê, Gia Rai) pass the mother's family name to children.
	matrilineal bool
}

var namings = map[string]naming{
	"Tày":   {families: []string{"Hoàng", "Nông", "Lương", "Hà", "Triệu", "Lục", "Bế", "Ma", "Đàm", "Nguyễn"}},
	"Nùng":  {families: []string{"Hoàng", "Nông", "Lăng", "Lục", "Vi", "Chu", "Hứa", "Mông", "Lý"}},
	"Thái":  {families: []string{"Lò", "Lường", "Quàng", "Cầm", "Vi", "Lộc", "Hà", "Tòng", "Điêu", "Lê"}},
	"Mường": {families: []string{"Bùi", "Đinh", "Quách", "Hà", "Xa", "Bạch"}},
	"H'Mông": {families: []string{"Giàng", "Vàng", "Sùng", "Thào", "Lý", "Mùa", "Hờ", "Lầu", "Ly", "Tráng"},
		maleMiddle: []string{"A", "Seo", "Mí", "Văn"}, femaleMiddle: []string{"Thị"},
		maleGiven:   []string{"Páo", "Chứ", "Sính", "Dế", "Tủa", "Lử", "Cở", "Pó", "Chá", "Sềnh", "Vừ", "Dình", "Xá", "Phử", "Lìa"},
		femaleGiven: []string{"Mỷ", "Súa", "Dợ", "Mai", "Sinh", "Dua", "Pàng", "Chở", "Ly", "Mỉ", "Sủ", "Dung", "Xua", "Hoa", "Chi"}},
	"Dao":      {families: []string{"Triệu", "Bàn", "Lý", "Đặng", "Phùng", "Chảo", "Tẩn"}},
	"Sán Chay": {families: []string{"Hoàng", "La", "Trần", "Lâm", "Nịnh"}},
	"Sán Dìu":  {families: []string{"Trần", "Lương", "Diệp", "Lâm", "Lý"}},
	"Khơ Mú":   {families: []string{"Vi", "Lô", "Cụt", "Lầu", "Moong"}},
	"Giáy":     {families: []string{"Hoàng", "Lù", "Vương", "Sần", "Lò"}},
	"Hoa":      {families: []string{"Lý", "Trương", "Lâm", "Quách", "Tăng", "Mạc", "Diệp", "Lưu"}},
	"Khmer": {families: []string{"Thạch", "Danh", "Sơn", "Kim", "Lâm", "Lý", "Trịnh", "Châu"},
		maleMiddle: []string{"Văn"}, femaleMiddle: []string{"Thị"},
		maleGiven:   []string{"Sóc", "Phol", "Rên", "Sa Ri", "Sa Rinh", "Som", "Chanh", "Kha", "Pha", "Hên", "Sa Rươne", "Thươne", "Sóc Khênh", "Nít", "Tha"},
		femaleGiven: []string{"Sa Rươl", "Srey", "Sa Vong", "Sóc Pha", "Thi", "Sa Ly", "Kim Loan", "Phươne", "Sà Rênh", "Mỹ", "Chanh Đa", "Sô Phia", "Ni", "Na", "Kim"}},
	"Chăm":     {families: []string{"Đàng", "Thuận", "Quảng", "Thiên", "Báo", "Châu", "Lưu", "Hán"}},
	"Raglai":   {families: []string{"Chamaléa", "Pinăng", "Katơr", "Mấu", "Cao", "Pi Năng"}},
	"Vân Kiều": {families: []string{"Hồ", "Lê", "Nguyễn", "Kray"}},
	"Ê Đê": {families: []string{"Niê", "Êban", "Mlô", "Byă", "Ayun", "Kbuôr", "Adrơng", "Knul", "Buôn Yă"}, highland: true, malePrefix: "Y", femalePrefix: "H'", matrilineal: true,
		maleGiven:   []string{"Bhin", "Khoa", "Blin", "Jút", "Thuôl", "Djhang", "Suôn", "Nguôl", "Lang", "Wik", "Kô", "Tlung"},
		femaleGiven: []string{"Ngơn", "Hen", "Ly", "Juen", "Luyến", "Đơ", "Nhi", "Ghi", "Mai", "Yơn", "Ruôn", "Bhiơ"}},
	"Gia Rai": {families: []string{"Ksor", "Rơ Châm", "Siu", "Rah Lan", "Kpă", "Rơ Mah", "Nay", "Puih"}, highland: true, malePrefix: "", femalePrefix: "H'", matrilineal: true,
		maleGiven:   []string{"Blơng", "Hlăk", "Ơi", "Thuyên", "Phin", "Lam", "Ngưm", "Jơn", "Dơi", "Tơ", "Aleo", "Khôn"},
		femaleGiven: []string{"Nhi", "Ra", "Lim", "Hyưn", "Blin", "Duen", "Len", "Hơn", "Piu", "Mai", "Joanh", "Bông"}},
	"Ba Na":   {families: []string{"Đinh", "Hồ", "Nguyễn", "Siu"}},
	"Xơ Đăng": {families: []string{"A Lăng", "Hồ", "Đinh", "Y"}},
	"M'Nông":  {families: []string{"Điểu", "Nơ", "Bon", "Kpơr"}, highland: true, malePrefix: "Y", femalePrefix: "H'"},
	"K'Ho":    {families: []string{"K'", "Ka", "Cil", "Liêng", "Kră"}, highland: true, malePrefix: "K'", femalePrefix: "Ka"},
	"Xtiêng":  {families: []string{"Điểu", "Thị", "Lâm"}},
}

// middleTable returns the Kinh middle-name table for sex and birth cohort.
func middleTable(sex poverty.Sex, old bool) table[string] {
	switch {
	case sex == poverty.Male && old:
		return maleMiddleOld
	case sex == poverty.Male:
		return maleMiddleYoung
	case old:
		return femaleMiddleOld
	}
	return femaleMiddleYoung
}

// familyName draws a family name for a person of ethnic group eth.
func familyName(r rng, eth string, south bool) string {
	if n, ok := namings[eth]; ok {
		return pick(r, n.families)
	}
	if south {
		return kinhFamiliesSouth.draw(r)
	}
	return kinhFamiliesNorth.draw(r)
}

// fullName forms the full name of a person with the given family name.
func fullName(r rng, eth, family string, sex poverty.Sex, age int) string {
	n, ok := namings[eth]
	given := maleGiven
	if sex == poverty.Female {
		given = femaleGiven
	}
	if ok && sex == poverty.Male && n.maleGiven != nil {
		given = n.maleGiven
	}
	if ok && sex == poverty.Female && n.femaleGiven != nil {
		given = n.femaleGiven
	}
	g := pick(r, given)
	if ok && n.highland {
		prefix := n.malePrefix
		if sex == poverty.Female {
			prefix = n.femalePrefix
		}
		switch {
		case prefix == "":
			return family + " " + g
		case prefix[len(prefix)-1] == '\'':
			return prefix + g + " " + family
		}
		return prefix + " " + g + " " + family
	}
	var middle string
	switch {
	case ok && sex == poverty.Male && n.maleMiddle != nil:
		middle = pick(r, n.maleMiddle)
	case ok && sex == poverty.Female && n.femaleMiddle != nil:
		middle = pick(r, n.femaleMiddle)
	default:
		middle = middleTable(sex, age >= 45).draw(r)
	}
	return family + " " + middle + " " + g
}
