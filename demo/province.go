package demo

import (
	"math"
	"time"

	"giamngheo/poverty"
)

// province is what the generator knows about one of the 63 provinces as they stood
// before 1 July 2025 (GSO codes).
type province struct {
	code   string
	name   string
	region poverty.Region
	// pop is the population in thousands at the 1 April 2019 census, as remembered
	// from the published results (rounded; an estimate where memory is unsure). It is
	// used only to spread households over provinces.
	pop float64
	// weight is a SYNTHETIC relative poverty level within the region (1 = the regional
	// average), loosely ordered after public reporting (mountain border provinces
	// poorest, big cities least poor). It is not a published figure: the generator
	// rescales the weights so that each region reproduces its published rate.
	weight float64
}

// Regions: the GSO grouping of the 63 provinces into six socio-economic regions.
const (
	tdmnpb = poverty.RegionNorthernMidlandsMountains
	dbsh   = poverty.RegionRedRiverDelta
	btb    = poverty.RegionNorthCentralCoast
	tn     = poverty.RegionCentralHighlands
	dnb    = poverty.RegionSoutheast
	dbscl  = poverty.RegionMekongDelta
)

var provinces = []province{
	{"01", "Hà Nội", dbsh, 8054, 0.35},
	{"02", "Hà Giang", tdmnpb, 854, 2.0},
	{"04", "Cao Bằng", tdmnpb, 530, 1.6},
	{"06", "Bắc Kạn", tdmnpb, 314, 1.3},
	{"08", "Tuyên Quang", tdmnpb, 785, 0.85},
	{"10", "Lào Cai", tdmnpb, 731, 0.95},
	{"11", "Điện Biên", tdmnpb, 599, 1.8},
	{"12", "Lai Châu", tdmnpb, 460, 1.6},
	{"14", "Sơn La", tdmnpb, 1248, 1.4},
	{"15", "Yên Bái", tdmnpb, 822, 0.95},
	{"17", "Hoà Bình", tdmnpb, 854, 0.85},
	{"19", "Thái Nguyên", tdmnpb, 1287, 0.35},
	{"20", "Lạng Sơn", tdmnpb, 782, 0.95},
	{"22", "Quảng Ninh", dbsh, 1321, 0.3},
	{"24", "Bắc Giang", tdmnpb, 1804, 0.35},
	{"25", "Phú Thọ", tdmnpb, 1464, 0.4},
	{"26", "Vĩnh Phúc", dbsh, 1152, 1.0},
	{"27", "Bắc Ninh", dbsh, 1369, 0.6},
	{"30", "Hải Dương", dbsh, 1893, 1.0},
	{"31", "Hải Phòng", dbsh, 2029, 0.6},
	{"33", "Hưng Yên", dbsh, 1253, 1.2},
	{"34", "Thái Bình", dbsh, 1861, 1.5},
	{"35", "Hà Nam", dbsh, 852, 1.5},
	{"36", "Nam Định", dbsh, 1781, 1.5},
	{"37", "Ninh Bình", dbsh, 983, 1.4},
	{"38", "Thanh Hoá", btb, 3641, 1.1},
	{"40", "Nghệ An", btb, 3327, 1.2},
	{"42", "Hà Tĩnh", btb, 1289, 1.0},
	{"44", "Quảng Bình", btb, 896, 1.0},
	{"45", "Quảng Trị", btb, 633, 1.3},
	{"46", "Thừa Thiên Huế", btb, 1129, 0.6},
	{"48", "Đà Nẵng", btb, 1135, 0.05},
	{"49", "Quảng Nam", btb, 1496, 1.1},
	{"51", "Quảng Ngãi", btb, 1232, 1.2},
	{"52", "Bình Định", btb, 1487, 0.8},
	{"54", "Phú Yên", btb, 873, 1.0},
	{"56", "Khánh Hoà", btb, 1232, 0.5},
	{"58", "Ninh Thuận", btb, 591, 1.3},
	{"60", "Bình Thuận", btb, 1231, 0.4},
	{"62", "Kon Tum", tn, 541, 1.6},
	{"64", "Gia Lai", tn, 1514, 1.2},
	{"66", "Đắk Lắk", tn, 1870, 0.9},
	{"67", "Đắk Nông", tn, 623, 1.0},
	{"68", "Lâm Đồng", tn, 1297, 0.5},
	{"70", "Bình Phước", dnb, 995, 3.0},
	{"72", "Tây Ninh", dnb, 1170, 2.0},
	{"74", "Bình Dương", dnb, 2456, 0.1},
	{"75", "Đồng Nai", dnb, 3097, 1.0},
	{"77", "Bà Rịa - Vũng Tàu", dnb, 1149, 1.0},
	{"79", "Hồ Chí Minh", dnb, 8993, 0.5},
	{"80", "Long An", dbscl, 1689, 0.5},
	{"82", "Tiền Giang", dbscl, 1765, 0.8},
	{"83", "Bến Tre", dbscl, 1289, 1.1},
	{"84", "Trà Vinh", dbscl, 1009, 1.5},
	{"86", "Vĩnh Long", dbscl, 1023, 0.7},
	{"87", "Đồng Tháp", dbscl, 1600, 0.9},
	{"89", "An Giang", dbscl, 1908, 1.0},
	{"91", "Kiên Giang", dbscl, 1723, 0.8},
	{"92", "Cần Thơ", dbscl, 1236, 0.4},
	{"93", "Hậu Giang", dbscl, 734, 1.3},
	{"94", "Sóc Trăng", dbscl, 1200, 1.8},
	{"95", "Bạc Liêu", dbscl, 907, 1.1},
	{"96", "Cà Mau", dbscl, 1194, 1.0},
}

// merged2025 lists the provinces of 1 July 2025 that were formed by merging (Resolution
// 202/2025/QH15), keyed by the new code, each with the old provinces it absorbed (the
// new code is one of theirs). The eleven provinces that were not merged keep their
// code and are not listed.
var merged2025 = map[string][]string{
	"08": {"08", "02"}, "15": {"10", "15"}, "19": {"19", "06"}, "25": {"25", "26", "17"},
	"24": {"27", "24"}, "33": {"33", "34"}, "31": {"31", "30"}, "37": {"37", "35", "36"},
	"44": {"45", "44"}, "48": {"48", "49"}, "51": {"51", "62"}, "52": {"64", "52"},
	"56": {"56", "58"}, "68": {"68", "67", "60"}, "66": {"66", "54"}, "79": {"79", "74", "77"},
	"75": {"75", "70"}, "80": {"72", "80"}, "92": {"92", "94", "93"}, "86": {"86", "83", "84"},
	"82": {"87", "82"}, "96": {"96", "95"}, "91": {"89", "91"},
}

var provinceByCode = func() map[string]*province {
	m := make(map[string]*province, len(provinces))
	for i := range provinces {
		m[provinces[i].code] = &provinces[i]
	}
	return m
}()

// twoTier is the first day of the 34-province map.
var twoTier = time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)

// components returns the pre-2025 provinces that make up province code on date ref:
// itself before 1 July 2025; the merged provinces from then on.
func components(code string, ref time.Time) []string {
	if !civil(ref).Before(twoTier) {
		if olds, ok := merged2025[code]; ok {
			return olds
		}
	}
	return []string{code}
}

// civil returns the civil date of t at midnight UTC.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Households in the country used by the 2022 review: the denominator implied by the
// published national count and rate (1,057,374 poor = 4.03 %), regulations.md §6.1.
const countryHouseholds2022 = 26_200_000

// Hải Dương's review denominators implied by its published counts and rates
// (regulations.md §6.2): 13,823 poor = 2.15 % in 2022, 6,287 poor = 0.96 % in 2024.
const (
	haiDuong2022 = 643_000
	haiDuong2024 = 655_000
)

// DefaultHouseholds returns a realistic number of households for a province on the
// reference date: the review denominator for Hải Dương (≈ 643,000 in 2022, ≈ 655,000
// in 2024, straight line between and beyond), and for the other provinces their share
// by 2019 population of the rest of the country's 26.2 million households of 2022,
// grown 1 % a year (a SYNTHETIC estimate). For a province of the 34-province map (from
// 1 July 2025) it is the sum of the provinces merged into it. It returns 0 for an
// unknown code.
func DefaultHouseholds(provinceCode string, ref time.Time) int {
	total := 0
	for _, c := range components(provinceCode, ref) {
		total += defaultOld(c, ref)
	}
	return total
}

func defaultOld(code string, ref time.Time) int {
	p := provinceByCode[code]
	if p == nil {
		return 0
	}
	years := yearFraction(ref) - 2022.75 // reviews are at the end of the year
	if code == "30" {
		return int(math.Round(haiDuong2022 + (haiDuong2024-haiDuong2022)/2.0*years))
	}
	var others float64
	for _, q := range provinces {
		if q.code != "30" {
			others += q.pop
		}
	}
	base := (countryHouseholds2022 - haiDuong2022) * p.pop / others
	return int(math.Round(base * math.Pow(1.01, years)))
}

// yearFraction returns the year of t with its fraction (2022-10-01 ≈ 2022.75).
func yearFraction(t time.Time) float64 {
	t = civil(t)
	start := time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(1, 0, 0)
	return float64(t.Year()) + t.Sub(start).Hours()/end.Sub(start).Hours()
}

// RegionOf returns the socio-economic region of a province code: of the province
// itself before 1 July 2025, and of the first province merged into it (whose code it
// kept) for a province of the 34-province map. "" for an unknown code.
func RegionOf(provinceCode string) poverty.Region {
	if p := provinceByCode[provinceCode]; p != nil {
		return p.region
	}
	return ""
}
