package importfile

import (
	"strings"

	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/vntext"
)

// This file holds the spellings officers use for each closed answer. A value is
// matched by valueKey: folded (no diacritics, lower case) with punctuation turned
// into spaces, so "Vợ/Chồng", "vo chong" and "VỢ - CHỒNG" are one spelling. The
// machine value itself ("female", "septic") is always accepted too. Folding can make
// two answers meet ("nước mưa", rain, and "nước mua", bought water): newChoices
// refuses such a table, so no spelling is read as the wrong answer without notice.

// choice is one answer with its label in the template and the other spellings.
type choice[T ~string] struct {
	v       T
	label   string
	aliases []string
}

// choices is a closed list of answers.
type choices[T ~string] struct {
	list  []choice[T]
	index map[string]T // by valueKey
	exact map[string]T // the spellings as written, and in lower and upper case: most cells hit this
}

func newChoices[T ~string](list ...choice[T]) *choices[T] {
	c := &choices[T]{list: list, index: map[string]T{}, exact: map[string]T{}}
	for _, x := range list {
		for _, s := range append([]string{string(x.v), x.label}, x.aliases...) {
			c.exact[s], c.exact[strings.ToLower(s)], c.exact[strings.ToUpper(s)] = x.v, x.v, x.v
			k := valueKey(s)
			if old, dup := c.index[k]; dup && old != x.v {
				panic("importfile: spelling " + s + " means two answers")
			}
			c.index[k] = x.v
		}
	}
	return c
}

// parse returns the answer a cell means, and whether it is one.
func (c *choices[T]) parse(s string) (T, bool) {
	if v, ok := c.exact[s]; ok {
		return v, true
	}
	v, ok := c.index[valueKey(s)]
	return v, ok
}

// labels lists the template labels, for messages and the guide sheet.
func (c *choices[T]) labels() string {
	s := make([]string, len(c.list))
	for i, x := range c.list {
		s[i] = x.label
	}
	return strings.Join(s, "; ")
}

// label returns the template label of v.
func (c *choices[T]) label(v T) string {
	for _, x := range c.list {
		if x.v == v {
			return x.label
		}
	}
	return string(v)
}

// valueKey folds s and turns every run of characters other than letters and digits
// into one space.
func valueKey(s string) string {
	f := vntext.Fold(s)
	var b strings.Builder
	b.Grow(len(f))
	space := false
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(c)
			continue
		}
		space = true
	}
	return b.String()
}

var sexChoices = newChoices(
	choice[poverty.Sex]{poverty.Male, "Nam", []string{"m", "trai"}},
	choice[poverty.Sex]{poverty.Female, "Nữ", []string{"f", "gái"}},
)

var relationChoices = newChoices(
	choice[registry.Relation]{registry.RelationHead, "Chủ hộ", []string{"CH", "chủ hộ gia đình"}},
	choice[registry.Relation]{registry.RelationSpouse, "Vợ/Chồng", []string{"vợ", "chồng"}},
	choice[registry.Relation]{registry.RelationChild, "Con", []string{"con đẻ", "con nuôi", "con trai", "con gái", "con riêng"}},
	choice[registry.Relation]{registry.RelationChildInLaw, "Con dâu/Con rể", []string{"con dâu", "con rể", "dâu", "rể"}},
	choice[registry.Relation]{registry.RelationParent, "Bố/Mẹ", []string{"bố", "mẹ", "cha", "cha/mẹ", "cha mẹ", "bố đẻ", "mẹ đẻ", "bố vợ", "mẹ vợ", "bố chồng", "mẹ chồng"}},
	choice[registry.Relation]{registry.RelationGrandparent, "Ông/Bà", []string{"ông", "bà", "ông nội", "bà nội", "ông ngoại", "bà ngoại"}},
	choice[registry.Relation]{registry.RelationGrandchild, "Cháu", []string{"cháu nội", "cháu ngoại"}},
	choice[registry.Relation]{registry.RelationSibling, "Anh/Chị/Em", []string{"anh", "chị", "em", "anh trai", "chị gái", "em trai", "em gái", "anh chị em ruột"}},
	choice[registry.Relation]{registry.RelationOther, "Khác", []string{"quan hệ khác", "người ở nhờ"}},
)

var schoolingChoices = newChoices(
	choice[poverty.Schooling]{poverty.SchoolingStudying, "Đang đi học", []string{"đang đi học đúng cấp/lớp theo độ tuổi", "đang học", "đi học"}},
	choice[poverty.Schooling]{poverty.SchoolingStudyingBelowLevel, "Đang đi học không đúng độ tuổi", []string{"đang đi học nhưng không đúng cấp/lớp theo độ tuổi", "đi học không đúng tuổi", "học muộn"}},
	choice[poverty.Schooling]{poverty.SchoolingNone, "Chưa tốt nghiệp tiểu học", []string{"không đi học, chưa tốt nghiệp tiểu học", "không đi học", "chưa học xong tiểu học", "mù chữ"}},
	choice[poverty.Schooling]{poverty.SchoolingPrimary, "Tốt nghiệp tiểu học", []string{"tiểu học", "TN tiểu học", "cấp 1"}},
	choice[poverty.Schooling]{poverty.SchoolingLowerSecondary, "Tốt nghiệp THCS", []string{"tốt nghiệp trung học cơ sở", "THCS", "TN THCS", "cấp 2"}},
	choice[poverty.Schooling]{poverty.SchoolingUpperSecondary, "Tốt nghiệp THPT", []string{"tốt nghiệp trung học phổ thông", "THPT", "TN THPT", "cấp 3"}},
	choice[poverty.Schooling]{poverty.SchoolingVocational, "Có bằng/chứng chỉ nghề", []string{"nghề", "học nghề", "sơ cấp", "trung cấp", "cao đẳng nghề", "chứng chỉ nghề"}},
	choice[poverty.Schooling]{poverty.SchoolingHigher, "Cao đẳng, đại học trở lên", []string{"đại học", "cao đẳng", "đại học trở lên", "thạc sĩ", "tiến sĩ"}},
)

var employmentChoices = newChoices(
	choice[poverty.Employment]{poverty.EmployedWithContract, "Làm công có hợp đồng lao động", []string{"làm công hưởng lương có hợp đồng lao động", "có HĐLĐ", "có hợp đồng", "làm công có HĐLĐ"}},
	choice[poverty.Employment]{poverty.EmployedNoContract, "Làm công không có hợp đồng lao động", []string{"làm công hưởng lương không có hợp đồng lao động", "không có HĐLĐ", "không hợp đồng", "làm thuê", "làm công không có HĐLĐ"}},
	choice[poverty.Employment]{poverty.SelfEmployed, "Tự làm", []string{"tự làm (sản xuất, kinh doanh của hộ)", "tự sản xuất kinh doanh", "làm nông", "làm ruộng", "buôn bán"}},
	choice[poverty.Employment]{poverty.Unemployed, "Thất nghiệp", []string{"không có việc làm"}},
	choice[poverty.Employment]{poverty.NotInLabourForce, "Không tham gia lực lượng lao động", []string{"không tham gia LLLĐ", "nội trợ", "hưu trí", "nghỉ hưu", "mất sức lao động", "không có khả năng lao động", "còn nhỏ", "trẻ em"}},
)

var waterChoices = newChoices(
	choice[poverty.WaterSource]{poverty.WaterTap, "Nước máy", []string{"nước máy, nước sạch tập trung", "nước sạch tập trung"}},
	choice[poverty.WaterSource]{poverty.WaterDrilledWell, "Giếng khoan", nil},
	choice[poverty.WaterSource]{poverty.WaterProtectedDugWell, "Giếng đào được bảo vệ", []string{"giếng đào có bảo vệ", "giếng xây"}},
	choice[poverty.WaterSource]{poverty.WaterUnprotectedDugWell, "Giếng đào không được bảo vệ", []string{"giếng đào không bảo vệ"}},
	choice[poverty.WaterSource]{poverty.WaterProtectedSpring, "Nước khe, mó được bảo vệ", []string{"nước khe mó có bảo vệ"}},
	choice[poverty.WaterSource]{poverty.WaterUnprotectedSpring, "Nước khe, mó không được bảo vệ", []string{"nước khe mó không bảo vệ", "nước khe mó"}},
	choice[poverty.WaterSource]{poverty.WaterRain, "Nước mưa", nil},
	choice[poverty.WaterSource]{poverty.WaterBottled, "Nước đóng chai, đóng bình", []string{"nước đóng chai", "nước đóng bình", "nước bình"}},
	choice[poverty.WaterSource]{poverty.WaterTanker, "Nước mua từ xe chở, téc", []string{"nước mua từ xe chở", "xe téc", "nước téc"}},
	choice[poverty.WaterSource]{poverty.WaterSurface, "Nước sông, suối, ao, hồ", []string{"nước sông", "nước suối", "nước ao hồ", "sông suối"}},
	choice[poverty.WaterSource]{poverty.WaterOther, "Nguồn khác", []string{"khác"}},
)

var latrineChoices = newChoices(
	choice[poverty.Latrine]{poverty.LatrineSeptic, "Tự hoại", []string{"nhà tiêu tự hoại", "hố xí tự hoại"}},
	choice[poverty.Latrine]{poverty.LatrineSemiSeptic, "Bán tự hoại", []string{"nhà tiêu bán tự hoại"}},
	choice[poverty.Latrine]{poverty.LatrinePourFlush, "Thấm dội nước", []string{"nhà tiêu thấm dội nước"}},
	choice[poverty.Latrine]{poverty.LatrineDoubleVault, "Khô hai ngăn", []string{"nhà tiêu khô hai ngăn", "hai ngăn", "2 ngăn"}},
	choice[poverty.Latrine]{poverty.LatrineVentilatedPit, "Chìm có ống thông hơi", []string{"nhà tiêu chìm có ống thông hơi"}},
	choice[poverty.Latrine]{poverty.LatrineSimplePit, "Hố xí đào đơn giản", []string{"đào đơn giản", "hố đào"}},
	choice[poverty.Latrine]{poverty.LatrineHanging, "Cầu tiêu trên ao, sông", []string{"cầu ao", "cầu tiêu ao cá"}},
	choice[poverty.Latrine]{poverty.LatrineNone, "Không có nhà tiêu", []string{"không có"}},
	choice[poverty.Latrine]{poverty.LatrineOther, "Loại khác", []string{"khác"}},
)

var deviceChoices = newChoices(
	choice[poverty.Device]{poverty.DeviceTV, "Ti vi", []string{"tivi", "TV", "vô tuyến"}},
	choice[poverty.Device]{poverty.DeviceRadio, "Radio", []string{"đài", "đài radio", "đài FM"}},
	choice[poverty.Device]{poverty.DeviceComputer, "Máy vi tính", []string{"máy tính", "máy tính để bàn", "laptop", "máy tính xách tay"}},
	choice[poverty.Device]{poverty.DeviceTablet, "Máy tính bảng", []string{"ipad"}},
	choice[poverty.Device]{poverty.DeviceSmartphone, "Điện thoại thông minh", []string{"smartphone", "điện thoại cảm ứng"}},
	choice[poverty.Device]{poverty.DeviceBasicPhone, "Điện thoại thường", []string{"điện thoại di động thường", "điện thoại bàn phím"}},
)

var areaChoices = newChoices(
	choice[poverty.Area]{poverty.Rural, "Nông thôn", nil},
	choice[poverty.Area]{poverty.Urban, "Thành thị", []string{"đô thị", "khu vực đô thị"}},
)

var regionChoices = func() *choices[poverty.Region] {
	var list []choice[poverty.Region]
	for _, r := range poverty.Regions {
		list = append(list, choice[poverty.Region]{r, r.Label().VI, []string{r.Label().EN}})
	}
	return newChoices(list...)
}()

// allowanceChoices are the kinds of monthly social allowance, labelled as in
// registry.SocialAllowances, with the shorter spellings of commune lists and the
// English labels. "" or "Không" is none (parseAllowance).
var allowanceChoices = func() *choices[registry.SocialAllowance] {
	aliases := map[registry.SocialAllowance][]string{
		registry.AllowanceChild:        {"trẻ em", "trẻ em không có nguồn nuôi dưỡng", "trẻ mồ côi", "trẻ em mồ côi"},
		registry.AllowanceSingleParent: {"đơn thân", "người đơn thân", "đơn thân nuôi con", "người đơn thân thuộc hộ nghèo, cận nghèo đang nuôi con"},
		registry.AllowanceElderly:      {"cao tuổi", "NCT", "người già"},
		registry.AllowanceDisability:   {"khuyết tật", "người khuyết tật", "NKT", "khuyết tật nặng", "khuyết tật đặc biệt nặng"},
		registry.AllowanceHIV:          {"HIV", "người nhiễm HIV", "nhiễm HIV", "HIV/AIDS"},
		registry.AllowanceOther:        {"khác", "đối tượng bảo trợ khác"},
	}
	var list []choice[registry.SocialAllowance]
	for _, a := range registry.SocialAllowances {
		list = append(list, choice[registry.SocialAllowance]{a.Value, a.VI, append([]string{a.EN}, aliases[a.Value]...)})
	}
	return newChoices(list...)
}()

// boolean spellings. "x" is how a ticked box is typed in a list.
var (
	trueKeys  = map[string]bool{"co": true, "c": true, "x": true, "1": true, "yes": true, "y": true, "true": true, "dung": true, "ben chac": true, "co bhyt": true, "co the": true}
	falseKeys = map[string]bool{"khong": true, "k": true, "ko": true, "0": true, "no": true, "n": true, "false": true, "sai": true, "khong ben chac": true, "khong co": true}
)

// boolExact holds the usual spellings as typed, to skip valueKey.
var boolExact = map[string]bool{"Có": true, "có": true, "CÓ": true, "x": true, "X": true, "1": true, "C": true, "c": true,
	"Không": false, "không": false, "KHÔNG": false, "0": false, "K": false, "k": false}

// noneKeys mean "none" in the devices column: answered, and the list is empty.
var noneKeys = map[string]bool{"khong": true, "khong co": true, "none": true, "0": true}

// causeChoices are the causes of poverty (registry.Causes) with the spellings lists use.
var causeChoices = newChoices(
	choice[registry.Cause]{registry.CauseLand, "Thiếu đất sản xuất", []string{"thiếu đất", "không có đất sản xuất", "đất sản xuất"}},
	choice[registry.Cause]{registry.CauseCapital, "Thiếu vốn", []string{"thiếu vốn sản xuất", "không có vốn", "vốn"}},
	choice[registry.Cause]{registry.CauseLabour, "Thiếu lao động", []string{"không có lao động", "lao động"}},
	choice[registry.Cause]{registry.CauseTools, "Thiếu công cụ sản xuất", []string{"thiếu công cụ", "thiếu phương tiện sản xuất", "công cụ sản xuất"}},
	choice[registry.Cause]{registry.CauseKnowledge, "Thiếu kiến thức sản xuất", []string{"thiếu kiến thức", "thiếu kiến thức, kỹ thuật sản xuất", "kiến thức sản xuất"}},
	choice[registry.Cause]{registry.CauseSkills, "Thiếu kỹ năng lao động", []string{"thiếu kỹ năng", "thiếu tay nghề", "kỹ năng lao động"}},
	choice[registry.Cause]{registry.CauseIllness, "Ốm đau, tai nạn", []string{"ốm đau", "tai nạn", "ốm đau tai nạn", "bệnh tật", "có người ốm đau"}},
	choice[registry.Cause]{registry.CauseOther, "Nguyên nhân khác", []string{"khác"}},
)

// needChoices are the needs for support (registry.Needs).
var needChoices = newChoices(
	choice[registry.Need]{"capital", "Vốn", []string{"vay vốn", "hỗ trợ vốn", "tín dụng"}},
	choice[registry.Need]{"jobs", "Việc làm", []string{"hỗ trợ việc làm", "giới thiệu việc làm"}},
	choice[registry.Need]{"training", "Đào tạo nghề", []string{"học nghề", "dạy nghề", "đào tạo"}},
	choice[registry.Need]{"housing", "Nhà ở", []string{"hỗ trợ nhà ở", "nhà"}},
	choice[registry.Need]{"water", "Nước sạch", []string{"nước sinh hoạt", "nước"}},
	choice[registry.Need]{"health", "Y tế", []string{"bảo hiểm y tế", "khám chữa bệnh"}},
	choice[registry.Need]{"education", "Giáo dục", []string{"học tập", "hỗ trợ học tập", "giáo dục đào tạo"}},
	choice[registry.Need]{"other", "Khác", []string{"nhu cầu khác"}},
)
