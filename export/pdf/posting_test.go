package pdf

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// samplePostingList is a commune-wide list with one household in each category.
func samplePostingList() *PostingList {
	return &PostingList{
		Commune:    "Xã Thanh Hải",
		Round:      Round{Year: 2025},
		PostedFrom: day(2025, 11, 3),
		PostedTo:   day(2025, 11, 5),
		Poor: []Household{
			{Head: "Nguyễn Thị Hường", Address: "Thôn Đông", Members: 4, Score: 120, Deprivations: 4, Note: "Tái nghèo"},
			{Head: "Trần Văn Đức", Address: "Thôn Đoài", Members: 3, Score: 131, Deprivations: 3},
		},
		NearPoor: []Household{
			{Head: "Phạm Ngọc Ánh", Address: "Thôn Nam", Members: 5, Income: 1450000, Deprivations: 1},
		},
		EscapedPoor: []Household{
			{Head: "Đặng Thị Thu", Address: "Thôn Bắc", Members: 2, Score: 190, Deprivations: 0},
		},
		Signer: Signature{Authority: "TM. Ban Chỉ đạo rà soát", Title: "Trưởng ban", Name: "Ngô Quang Hải"},
	}
}

func TestWritePostingList(t *testing.T) {
	doc := samplePostingList()
	path := MustWriteFile(t, "posting.pdf", func(b *bytes.Buffer) error { return WritePostingList(b, doc) })
	text := MustText(t, path)
	MustContain(t, text,
		"ỦY BAN NHÂN DÂN", "XÃ THANH HẢI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"Thanh Hải, ngày 03 tháng 11 năm 2025",
		"DANH SÁCH NIÊM YẾT CÔNG KHAI",
		"Kết quả rà soát định kỳ hộ nghèo, hộ cận nghèo năm 2025",
		"Toàn xã Thanh Hải",
		"từ ngày 03/11/2025 đến hết ngày 05/11/2025",
		"I. DANH SÁCH HỘ NGHÈO", "II. DANH SÁCH HỘ CẬN NGHÈO", "III. DANH SÁCH HỘ THOÁT NGHÈO", "IV. DANH SÁCH HỘ THOÁT CẬN NGHÈO",
		"Nguyễn Thị Hường", "Trần Văn Đức", "Phạm Ngọc Ánh", "Đặng Thị Thu",
		"1.450.000", "Tái nghèo",
		"Tổng cộng: 2 hộ, 7 nhân khẩu.", "Tổng cộng: 1 hộ, 5 nhân khẩu.", "Tổng cộng: 1 hộ, 2 nhân khẩu.",
		"Không có hộ nào.",
		"TM. BAN CHỈ ĐẠO RÀ SOÁT", "TRƯỞNG BAN", "Ngô Quang Hải",
	)
	MustEmbedDejaVu(t, path)
}

func TestWritePostingListVillage(t *testing.T) {
	doc := samplePostingList()
	doc.Village = "Thôn Đông"
	doc.Round = Round{Year: 2026, Month: 3}
	doc.Signer = Signature{}
	path := MustWriteFile(t, "village.pdf", func(b *bytes.Buffer) error { return WritePostingList(b, doc) })
	MustContain(t, MustText(t, path),
		"Thôn Đông, xã Thanh Hải",
		"Kết quả rà soát thường xuyên hộ nghèo, hộ cận nghèo tháng 3 năm 2026",
		"TM. BAN CHỈ ĐẠO RÀ SOÁT", "TRƯỞNG BAN")
}

// A long list runs over several pages, and every page of the table starts with
// the header row again.
func TestWritePostingListLong(t *testing.T) {
	doc := samplePostingList()
	doc.Poor = manyHouseholds(120)
	path := MustWriteFile(t, "long.pdf", func(b *bytes.Buffer) error { return WritePostingList(b, doc) })
	text := MustText(t, path)
	ps := pages(text)
	if len(ps) < 3 {
		t.Fatalf("120 households on %d pages, want at least 3", len(ps))
	}
	withRows := 0
	for i, p := range ps {
		if !strings.Contains(p, "Lê Văn Bình") && !strings.Contains(p, "Vũ Thị Lan") {
			continue
		}
		withRows++
		if !strings.Contains(p, "Họ và tên chủ hộ") {
			t.Errorf("page %d has rows but no table header:\n%s", i+1, p)
		}
	}
	if withRows < 2 {
		t.Errorf("the list's rows are on %d page(s), want more than one", withRows)
	}
	for _, want := range []string{"Lê Văn Bình 001", "Hoàng Văn Lực 120", "Tổng cộng: 120 hộ"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	// Page numbers start on page 2 (Decree 30/2020/NĐ-CP, Appendix I).
	if first := strings.Fields(ps[1]); len(first) == 0 || first[0] != "2" {
		t.Errorf("page 2 does not start with its number: %q", first[:min(3, len(first))])
	}
}

// The posted list is public (Decision 24/2021/QĐ-TTg, Art. 4, step 4), so neither
// it nor its rows may grow a field for a national ID number: this test fails if one
// is added.
func TestPostingListHasNoNationalID(t *testing.T) {
	for _, typ := range []reflect.Type{reflect.TypeFor[PostingList](), reflect.TypeFor[Household]()} {
		for f := range typ.Fields() {
			name := strings.ToLower(f.Name)
			if strings.Contains(name, "id") || strings.Contains(name, "cccd") || strings.Contains(name, "cmnd") {
				t.Errorf("%s.%s looks like an identity number; public lists must not carry one", typ.Name(), f.Name)
			}
		}
	}
}
