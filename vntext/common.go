package vntext

import "strings"

// commonSyllables are syllables that fill Vietnamese name lists and addresses:
// the common family names, middle names, given names and the words of
// administrative addresses (Hải Dương's districts among them). Detect gives a word
// found here one point more than any well-formed syllable, which settles the short
// cells where two readings are both well-formed: VNI "Thò" is "Thị", not "Thò";
// TCVN3 "Léc" is "Lộc", not "Léc"; VNI "Chí" is "Chí", not TCVN3 "Chớ". Both
// spellings of a tone placement ("hoà", "hòa") are listed so that neither reading
// gains from the list over the other.
var commonSyllables = func() map[string]bool {
	const words = `
		nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý
		đinh trịnh đoàn lương tạ mai cao hà tô lâm triệu quách vương chu đào thái
		kiều lưu tăng mạc khúc nông
		thị văn đức minh ngọc quang hữu công xuân thu thanh kim bích gia
		an anh ánh bảo bình châu chi chí cường dũng dung duy đạt điệp đông giang
		hải hạnh hằng hiền hiếu hiệp hoa hoà hòa hồng huệ hùng hưng hương hường
		huy huyền khánh khoa lan liên linh loan long lộc mạnh my mỹ nam nga ngân
		nghĩa nguyệt nhung oanh phong phúc phương phượng quân quyên quyết quỳnh
		sơn tâm tân thắng thảo thành thịnh thuận thuý thúy thuỷ thủy thư thương
		tiến toàn trang trinh trung tú tuấn tùng tuyết vân việt vinh yến
		tỉnh huyện xã thôn phường trấn khu phố xóm ấp số nhà đường
		tứ kỳ cẩm giàng ninh kinh môn sách miện nội`
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}()
