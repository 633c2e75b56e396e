package pdf

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// sampleMinutes is a meeting with one household agreed, one at exactly 50% (agreed)
// and one below 50% (reviewed again).
func sampleMinutes() *MeetingMinutes {
	return &MeetingMinutes{
		Commune:    "Xã Thanh Hải",
		Village:    "Thôn Đông",
		Round:      Round{Year: 2025},
		Start:      time.Date(2025, 10, 20, 8, 0, 0, 0, time.UTC),
		End:        time.Date(2025, 10, 20, 10, 30, 0, 0, time.UTC),
		Location:   "Nhà văn hóa thôn Đông",
		Chair:      "Trần Văn Đức",
		Secretary:  "Phạm Ngọc Ánh",
		Attendees:  40,
		Supervisor: "Lương Thị Mai",
		Households: []VotedHousehold{
			{Household: Household{Head: "Nguyễn Thị Hường", Address: "Thôn Đông", Members: 4, Score: 120, Deprivations: 4}, Proposed: Poor, Agree: 31},
			{Household: Household{Head: "Vũ Văn Tám", Address: "Thôn Đông", Members: 2, Score: 150}, Proposed: EscapedPoor, Agree: 20},
			{Household: Household{Head: "Lê Thị Nụ", Address: "Thôn Đông", Members: 3, Score: 135, Deprivations: 1}, Proposed: NearPoor, Agree: 15, Attendees: 38},
		},
		Representatives: []string{"Nguyễn Thị Hường", "Vũ Văn Tám"},
	}
}

// TestMinutesLeaveWhatWasNotRecorded: the time and place of a meeting that the review
// did not record are left blank for the officer, never invented, and a tổ dân phố is
// chaired by its head (tổ trưởng), not a village head.
func TestMinutesLeaveWhatWasNotRecorded(t *testing.T) {
	doc := sampleMinutes()
	doc.Village, doc.Location, doc.End = "Tổ dân phố 3", "", time.Time{}
	doc.Start = time.Date(2025, 10, 20, 0, 0, 0, 0, time.UTC)
	text := MustText(t, MustWriteFile(t, "minutes-blank.pdf", func(b *bytes.Buffer) error { return WriteMeetingMinutes(b, doc) }))
	MustContain(t, text, "……… giờ ………, ngày 20 tháng 10 năm 2025", "Tổ trưởng tổ dân phố")
	for _, invented := range []string{"00 giờ 00", "08 giờ", "Nhà văn hóa", "Trưởng thôn"} {
		if strings.Contains(text, invented) {
			t.Errorf("the minutes invent %q", invented)
		}
	}
}

func TestWriteMeetingMinutes(t *testing.T) {
	path := MustWriteFile(t, "minutes.pdf", func(b *bytes.Buffer) error { return WriteMeetingMinutes(b, sampleMinutes()) })
	text := MustText(t, path)
	MustContain(t, text,
		"UBND XÃ THANH HẢI", "THÔN ĐÔNG", "BIÊN BẢN HỌP DÂN",
		"Rà soát hộ nghèo, hộ cận nghèo năm 2025",
		"08 giờ 00, ngày 20 tháng 10 năm 2025", "Nhà văn hóa thôn Đông",
		"Trần Văn Đức", "Phạm Ngọc Ánh", "Lương Thị Mai", "40 người.",
		"Nguyễn Thị Hường", "31/40", "77,5%",
		"20/40", "50,0%", // exactly half: agreed (Art. 4 step 3)
		"15/38", "39,5%",
		"Số hộ được thống nhất kết quả: 2 hộ.",
		"phải rà soát lại và họp lại: 1 hộ.",
		"10 giờ 30 cùng ngày",
		"Biên bản được lập thành 02 bản: 01 bản lưu tại thôn, 01 bản gửi Ban Chỉ đạo",
		"THƯ KÝ", "CHỦ TRÌ", "ĐẠI DIỆN CÁC HỘ GIA ĐÌNH",
	)
	// Each outcome sits on the row of its household.
	for head, outcome := range map[string]string{
		"Nguyễn Thị Hường": "Thống nhất", "Vũ Văn Tám": "Thống nhất", "Lê Thị Nụ": "Rà soát lại",
	} {
		if !lineWith(text, head, outcome) {
			t.Errorf("no line with %q and %q", head, outcome)
		}
	}
	MustEmbedDejaVu(t, path)
}

// lineWith reports whether one line of text contains all of parts.
func lineWith(text string, parts ...string) bool {
	for _, ln := range strings.Split(text, "\n") {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(ln, p)
		}
		if all {
			return true
		}
	}
	return false
}

func TestAgreed(t *testing.T) {
	// Decision 24/2021/QĐ-TTg, Art. 4, step 3: at least 50% of attendees.
	for _, c := range []struct {
		agree, attendees int
		want             bool
	}{{0, 1, false}, {1, 1, true}, {1, 2, true}, {4, 9, false}, {5, 9, true}, {20, 40, true}, {19, 40, false}} {
		if got := agreed(c.agree, c.attendees); got != c.want {
			t.Errorf("agreed(%d, %d) = %v, want %v", c.agree, c.attendees, got, c.want)
		}
	}
}

func sampleDecision() *Decision {
	p := samplePostingList()
	return &Decision{
		Number:      "125/QĐ-UBND",
		Date:        day(2025, 12, 10),
		Commune:     "Xã Thanh Hải",
		Round:       Round{Year: 2025},
		Effective:   day(2026, 1, 1),
		Poor:        p.Poor,
		NearPoor:    p.NearPoor,
		EscapedPoor: p.EscapedPoor,
		Signer:      Signature{Title: "Chủ tịch", Name: "Ngô Quang Hải"},
	}
}

// TestDecisionUnder2027Standard: a decision of a review under the 2027–2030 standard
// names it and cites Decree 351/2025/NĐ-CP instead of Decree 07/2021/NĐ-CP.
func TestDecisionUnder2027Standard(t *testing.T) {
	doc := sampleDecision()
	doc.Round = Round{Year: 2026, Standard: "Chuẩn nghèo đa chiều quốc gia giai đoạn 2026-2030 (Nghị định 351/2025/NĐ-CP)"}
	doc.LegalBases = LegalBasesFor("2027-2030")
	text := MustText(t, MustWriteFile(t, "decision-2027.pdf", func(b *bytes.Buffer) error { return WriteDecision(b, doc) }))
	MustContain(t, text, "351/2025/NĐ-CP ngày 30 tháng 12 năm 2025", "24/2021/QĐ-TTg", "theo chuẩn nghèo đa chiều quốc gia giai đoạn 2026-2030")
	if strings.Contains(text, "07/2021/NĐ-CP") {
		t.Error("a decision under 2027–2030 cites Decree 07/2021/NĐ-CP")
	}
	if got := LegalBasesFor("2022-2026"); !strings.Contains(strings.Join(got, " "), "07/2021/NĐ-CP") {
		t.Errorf("2022–2026 bases: %v", got)
	}
}

func TestWriteDecision(t *testing.T) {
	path := MustWriteFile(t, "decision.pdf", func(b *bytes.Buffer) error { return WriteDecision(b, sampleDecision()) })
	text := MustText(t, path)
	MustContain(t, text,
		"Số: 125/QĐ-UBND", "Thanh Hải, ngày 10 tháng 12 năm 2025",
		"QUYẾT ĐỊNH",
		"Về việc công nhận hộ nghèo, hộ cận nghèo, hộ thoát nghèo năm 2025",
		"CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THANH HẢI",
		"Luật Tổ chức chính quyền địa phương", "07/2021/NĐ-CP", "24/2021/QĐ-TTg",
		"Điều 1.", "Hộ nghèo: 2 hộ, 7 nhân khẩu;", "Hộ cận nghèo: 1 hộ, 5 nhân khẩu;", "Hộ thoát nghèo: 1 hộ, 2 nhân khẩu;",
		"(Có danh sách kèm theo)",
		"Điều 2.", "có hiệu lực kể từ ngày 01/01/2026",
		"Điều 3.", "chịu trách nhiệm thi hành",
		"Nơi nhận:", "Như Điều 3;",
		"Ngô Quang Hải",
		"DANH SÁCH HỘ NGHÈO NĂM 2025", "DANH SÁCH HỘ CẬN NGHÈO NĂM 2025", "DANH SÁCH HỘ THOÁT NGHÈO NĂM 2025",
		"(Kèm theo Quyết định số 125/QĐ-UBND ngày 10 tháng 12 năm 2025",
		"Nguyễn Thị Hường", "Trần Văn Đức", "Phạm Ngọc Ánh",
	)
	if strings.Contains(text, "THOÁT CẬN NGHÈO NĂM") || strings.Contains(text, "Hộ thoát cận nghèo:") {
		t.Error("an empty list is attached or counted")
	}
	// The decision and each of the three lists start a page.
	if n := len(pages(text)); n < 4 {
		t.Errorf("decision has %d pages, want at least 4", n)
	}
	MustEmbedDejaVu(t, path)
}

func sampleCertificate() *Certificate {
	return &Certificate{
		Number:     12,
		Date:       day(2025, 12, 15),
		Commune:    "Xã Thanh Hải",
		Round:      Round{Year: 2025},
		Head:       "Nguyễn Thị Hường",
		Ethnicity:  "Kinh",
		NationalID: "030186001234",
		IDIssued:   day(2021, 5, 10),
		Residence:  "Thôn Đông, xã Thanh Hải, thành phố Hải Phòng",
		Class:      Poor,
		ValidYear:  2026,
		Members: []Member{
			{Name: "Nguyễn Thị Hường", Ethnicity: "Kinh", Relationship: "Chủ hộ", BirthYear: 1968, Female: true},
			{Name: "Trần Văn Đức", Ethnicity: "Kinh", Relationship: "Chồng", BirthYear: 1965},
			{Name: "Trần Thị Ánh", Ethnicity: "Kinh", Relationship: "Con", BirthYear: 2010, Female: true},
			{Name: "Phạm Ngọc Ánh", Ethnicity: "Tày", Relationship: "Cháu", BirthYear: 2024, Note: "Mới sinh"},
		},
		Signer: Signature{Title: "Chủ tịch", Name: "Ngô Quang Hải"},
	}
}

func TestWriteCertificate(t *testing.T) {
	path := MustWriteFile(t, "certificate.pdf", func(b *bytes.Buffer) error { return WriteCertificate(b, sampleCertificate()) })
	text := MustText(t, path)
	MustContain(t, text,
		"Số: 12/GCN-HN.HCN",
		"GIẤY CHỨNG NHẬN", "HỘ NGHÈO, HỘ CẬN NGHÈO",
		"Căn cứ kết quả rà soát định kỳ hộ nghèo, hộ cận nghèo năm 2025",
		"Nguyễn Thị Hường", "Kinh", "030186001234", "10/05/2021",
		"Thôn Đông, xã Thanh Hải, thành phố Hải Phòng",
		"hộ nghèo", "năm 2026",
		"I. DANH SÁCH THÀNH VIÊN HỘ GIA ĐÌNH", "Năm sinh", "Quan hệ với", "Nam", "Nữ",
		"Trần Văn Đức", "Phạm Ngọc Ánh", "Mới sinh",
		"Thanh Hải, ngày 15 tháng 12 năm 2025", "CHỦ TỊCH", "Ngô Quang Hải",
	)
	// The year of birth is in the Nam or the Nữ column: the female head's year is
	// right of the male member's year on the page.
	if !yearColumnOK(text, "Trần Văn Đức", "1965", "Nguyễn Thị Hường", "1968") {
		t.Error("years of birth are not in separate Nam/Nữ columns")
	}
	MustEmbedDejaVu(t, path)
}

// yearColumnOK reports whether the female member's year is printed further right
// than the male member's year.
func yearColumnOK(text, male, maleYear, female, femaleYear string) bool {
	col := func(name, year string) int {
		for _, ln := range strings.Split(text, "\n") {
			if strings.Contains(ln, name) && strings.Contains(ln, year) {
				return len([]rune(ln[:strings.Index(ln, year)]))
			}
		}
		return -1
	}
	m, f := col(male, maleYear), col(female, femaleYear)
	return m > 0 && f > m
}

func TestCertificateNumber(t *testing.T) {
	if got := CertificateNumber(12); got != "12/GCN-HN.HCN" {
		t.Errorf("CertificateNumber(12) = %q", got)
	}
}

func TestWriteCertificateNearPoor(t *testing.T) {
	doc := sampleCertificate()
	doc.Class = NearPoor
	doc.NationalID = ""
	doc.Members = nil
	path := MustWriteFile(t, "near.pdf", func(b *bytes.Buffer) error { return WriteCertificate(b, doc) })
	MustContain(t, MustText(t, path), "hộ cận nghèo năm 2026", "(chưa có thành viên)")
}
