package pdf

import (
	"fmt"
	"io"
	"strconv"
	"time"
	"unicode"
)

// Certificate is the "Giấy chứng nhận hộ nghèo, hộ cận nghèo" the commune chairman
// issues with the recognition decision (Decision 24/2021/QĐ-TTg, Art. 4, step 6 and
// Art. 5; layout after regulations.md §3.7 [V]: number …/GCN-HN.HCN, legal bases,
// the head's name, ethnicity, ID and residence, then the members table). The sections
// after the members table were not retrieved [U] and are not printed. Unlike the
// posted lists, the certificate is handed to the household and carries the head's
// national ID.
type Certificate struct {
	Number     int       // printed as "{Number}/GCN-HN.HCN" (required, > 0)
	Date       time.Time // date of issue (required)
	Commune    string    // "Xã Thanh Hải" (required)
	Place      string    // place of the date line; empty derives it from Commune
	Round      Round     // the review whose result is certified
	LegalBases []string  // "Căn cứ …" lines; nil uses DefaultLegalBases() and the review result
	Head       string    // full name of the household head (required)
	Ethnicity  string    // of the head, "Kinh"
	NationalID string    // CCCD (12 digits) or old CMND (9 digits) of the head; optional
	IDIssued   time.Time // date the ID was issued; optional
	Residence  string    // permanent residence (nơi thường trú)
	Class      Category  // Poor or NearPoor; no other category has a certificate
	ValidYear  int       // the year the certificate is valid for (required)
	Members    []Member  // the household's members, the head included
	Signer     Signature // empty takes "CHỦ TỊCH"
}

// Member is one row of the certificate's members table.
type Member struct {
	Name         string // full name (required)
	Ethnicity    string
	Relationship string // relationship to the head: "Chủ hộ", "Vợ", "Con"…
	BirthYear    int    // 0 when unknown
	Female       bool   // the year of birth goes in the Nữ column, else in the Nam column
	Note         string // member changes: "Mới sinh", "Chuyển đi"…
}

// CertificateNumber formats the number of a certificate: 12 → "12/GCN-HN.HCN"
// (regulations.md §3.7 [V]).
func CertificateNumber(n int) string {
	return strconv.Itoa(n) + "/GCN-HN.HCN"
}

// validate checks doc before anything is drawn.
func (doc *Certificate) validate() error {
	if doc == nil {
		return invalid("doc", "Thiếu giấy chứng nhận (trường %s).", "The certificate is missing (field %s).", "doc")
	}
	if doc.Number <= 0 {
		return invalid("number", "Số giấy chứng nhận phải lớn hơn 0 (trường %s, đang là %d).",
			"The certificate number must be greater than 0 (field %s, got %d).", "number", doc.Number)
	}
	if doc.Date.IsZero() {
		return invalid("date", "Thiếu ngày cấp giấy chứng nhận (trường %s).", "The date of issue is missing (field %s).", "date")
	}
	if err := requireText("commune", doc.Commune, "tên xã, phường", "The commune name"); err != nil {
		return err
	}
	if err := doc.Round.validate("round"); err != nil {
		return err
	}
	if err := requireText("head", doc.Head, "họ tên chủ hộ", "The household head's name"); err != nil {
		return err
	}
	if id := oneLine(doc.NationalID); id != "" && !nationalIDShape(id) {
		return invalid("national_id", "Số CCCD/CMND phải gồm 12 hoặc 9 chữ số (trường %s).",
			"The national ID must have 12 or 9 digits (field %s).", "national_id")
	}
	// Only poor and near-poor households are certified (Decision 24/2021/QĐ-TTg,
	// Art. 4, step 6; regulations.md §3.4, §3.7).
	if doc.Class != Poor && doc.Class != NearPoor {
		return invalid("class", "Loại hộ phải là hộ nghèo hoặc hộ cận nghèo (trường %s).",
			"The class must be poor or near-poor (field %s).", "class")
	}
	if doc.ValidYear < 2021 || doc.ValidYear > 2100 {
		return invalid("valid_year", "Năm có giá trị của giấy chứng nhận không hợp lệ (trường %s, đang là %d).",
			"Invalid year of validity (field %s, got %d).", "valid_year", doc.ValidYear)
	}
	for i, m := range doc.Members {
		f := fmt.Sprintf("members[%d]", i)
		if err := requireText(f+".name", m.Name, "họ tên thành viên", "The member's name"); err != nil {
			return err
		}
		if m.BirthYear != 0 && (m.BirthYear < 1880 || m.BirthYear > doc.Date.Year()) {
			return invalid(f+".birth_year", "Năm sinh không hợp lệ (trường %s, đang là %d).",
				"Invalid year of birth (field %s, got %d).", f+".birth_year", m.BirthYear)
		}
	}
	return nil
}

// nationalIDShape reports whether id has the shape of a citizen identity card
// number (12 digits) or an old identity card number (9 digits). The registry package
// checks the number itself; the certificate only refuses what cannot be one.
func nationalIDShape(id string) bool {
	for _, r := range id {
		if !unicode.IsDigit(r) || r > '9' {
			return false
		}
	}
	return len(id) == 12 || len(id) == 9
}

// WriteCertificate writes a poor or near-poor household certificate to w.
func WriteCertificate(w io.Writer, doc *Certificate) error {
	if err := doc.validate(); err != nil {
		return err
	}
	if w == nil {
		return invalid("w", "Thiếu nơi ghi tệp (trường %s).", "No writer to write to (field %s).", "w")
	}
	commune := oneLine(doc.Commune)
	place := oneLine(doc.Place)
	if place == "" {
		place = placeName(commune)
	}

	l := newLayout("Giấy chứng nhận hộ nghèo, hộ cận nghèo")
	l.adminHeader(header{
		Upper:  "ỦY BAN NHÂN DÂN",
		Lower:  upper(commune),
		Number: CertificateNumber(doc.Number),
	})
	l.title("GIẤY CHỨNG NHẬN", "HỘ NGHÈO, HỘ CẬN NGHÈO")
	l.title("CHỦ TỊCH ỦY BAN NHÂN DÂN " + upper(commune))

	bases := doc.LegalBases
	if bases == nil {
		bases = append(DefaultLegalBases(),
			"Căn cứ kết quả "+doc.Round.kind()+" hộ nghèo, hộ cận nghèo "+doc.Round.phrase()+" của "+lowerFirst(commune)+".")
	}
	for _, b := range bases {
		l.para(b, style{size: 10})
	}
	l.para("Chủ tịch Ủy ban nhân dân "+lowerFirst(commune)+" chứng nhận:", style{bold: true})

	dash := func(s string) string {
		if s = oneLine(s); s == "" {
			return "……………"
		}
		return s
	}
	l.runs(run{text: "Hộ gia đình ông/bà:"}, run{text: oneLine(doc.Head), bold: true},
		run{text: "   Dân tộc:"}, run{text: dash(doc.Ethnicity), bold: true})
	issued := "……………"
	if !doc.IDIssued.IsZero() {
		issued = shortDate(doc.IDIssued)
	}
	l.runs(run{text: "Số CCCD/CMND:"}, run{text: dash(doc.NationalID), bold: true},
		run{text: "   Ngày cấp:"}, run{text: issued, bold: true})
	l.runs(run{text: "Nơi thường trú:"}, run{text: dash(doc.Residence), bold: true})
	l.runs(run{text: "Là"}, run{text: doc.Class.label(), bold: true},
		run{text: "năm " + strconv.Itoa(doc.ValidYear) + "."})

	l.space(2, 30)
	l.para("I. DANH SÁCH THÀNH VIÊN HỘ GIA ĐÌNH", style{bold: true})
	t := l.newTable([]column{
		{title: "STT", w: 9, align: "C"},
		{title: "Họ và tên", w: 42},
		{title: "Dân tộc", w: 16, align: "C"},
		{title: "Quan hệ với chủ hộ", w: 24, align: "C"},
		{title: "Nam", group: "Năm sinh", w: 14, align: "C"},
		{title: "Nữ", group: "Năm sinh", w: 14, align: "C"},
		{title: "Ghi chú (biến động thành viên)", w: 28},
	})
	for i, m := range doc.Members {
		male, female := "", ""
		if m.BirthYear != 0 {
			if m.Female {
				female = strconv.Itoa(m.BirthYear)
			} else {
				male = strconv.Itoa(m.BirthYear)
			}
		}
		t.row(false, strconv.Itoa(i+1), m.Name, m.Ethnicity, m.Relationship, male, female, m.Note)
	}
	if len(doc.Members) == 0 {
		t.row(false, "", "(chưa có thành viên)")
	}
	t.end()

	// The place and date stand above the signature, as on the printed form.
	right := append([]blockLine{{text: placeDateLine(place, doc.Date)}},
		doc.Signer.orDefault(Signature{Title: "CHỦ TỊCH"}).lines()...)
	l.columns(nil, right)
	return l.output(w)
}
