package pdf

import (
	"io"
	"time"
)

// PostingList is the list of review results posted in public at the village
// cultural house and the commune People's Committee office, so that residents can
// object before the commune recognises the lists (Decision 24/2021/QĐ-TTg, Art. 4,
// step 4; regulations.md §3.4). It is public by law: it names household heads and
// villages but carries no national ID numbers (Household has none).
type PostingList struct {
	Commune    string    // "Xã Thanh Hải" (required)
	Village    string    // "Thôn Đông"; empty for the list of the whole commune
	Place      string    // place of the date line; empty derives it from Commune
	Date       time.Time // date of the list; zero uses PostedFrom
	Round      Round     // the review whose results are posted
	PostedFrom time.Time // first day of posting (required)
	PostedTo   time.Time // last day of posting (required, not before PostedFrom)
	// The four lists, in the order of the commune chairman's decision.
	Poor, NearPoor, EscapedPoor, EscapedNearPoor []Household
	Signer                                       Signature // empty takes "TM. BAN CHỈ ĐẠO RÀ SOÁT / TRƯỞNG BAN"
}

// validate checks doc before anything is drawn.
func (doc *PostingList) validate() error {
	if doc == nil {
		return invalid("doc", "Thiếu danh sách niêm yết (trường %s).", "The posting list is missing (field %s).", "doc")
	}
	if err := requireText("commune", doc.Commune, "tên xã, phường", "The commune name"); err != nil {
		return err
	}
	if err := doc.Round.validate("round"); err != nil {
		return err
	}
	if doc.PostedFrom.IsZero() || doc.PostedTo.IsZero() {
		return invalid("posted_from", "Thiếu thời gian niêm yết (trường %s).", "The posting period is missing (field %s).", "posted_from")
	}
	// The length of the posting is not checked: Decision 24/2021/QĐ-TTg, Art. 4,
	// step 4 sets it in working days, but the number was not verified (03 in
	// secondary sources, 07 under the 2016–2020 rules; regulations.md §3.4 [U]).
	if doc.PostedTo.Before(doc.PostedFrom) {
		return invalid("posted_to", "Ngày kết thúc niêm yết trước ngày bắt đầu (trường %s).",
			"The posting period ends before it starts (field %s).", "posted_to")
	}
	for i, hs := range doc.lists() {
		if err := validateHouseholds(listFields[i], hs); err != nil {
			return err
		}
	}
	return nil
}

// listFields names the four lists in error messages.
var listFields = [...]string{"poor", "near_poor", "escaped_poor", "escaped_near_poor"}

// lists returns the four lists in the order of categories.
func (doc *PostingList) lists() [4][]Household {
	return [4][]Household{doc.Poor, doc.NearPoor, doc.EscapedPoor, doc.EscapedNearPoor}
}

// WritePostingList writes the public posting list of review results to w.
func WritePostingList(w io.Writer, doc *PostingList) error {
	if err := doc.validate(); err != nil {
		return err
	}
	if w == nil {
		return invalid("w", "Thiếu nơi ghi tệp (trường %s).", "No writer to write to (field %s).", "w")
	}
	date := doc.Date
	if date.IsZero() {
		date = doc.PostedFrom
	}
	place := oneLine(doc.Place)
	if place == "" {
		place = placeName(doc.Commune)
	}

	l := newLayout("Danh sách niêm yết công khai kết quả rà soát hộ nghèo, hộ cận nghèo")
	l.adminHeader(header{
		Upper:     "ỦY BAN NHÂN DÂN",
		Lower:     upper(doc.Commune),
		PlaceDate: placeDateLine(place, date),
	})
	where := "Toàn " + lowerFirst(oneLine(doc.Commune))
	if v := oneLine(doc.Village); v != "" {
		where = v + ", " + lowerFirst(oneLine(doc.Commune))
	}
	l.title("DANH SÁCH NIÊM YẾT CÔNG KHAI",
		"Kết quả "+doc.Round.kind()+" hộ nghèo, hộ cận nghèo "+doc.Round.phrase(),
		where)
	if doc.Round.Standard != "" {
		l.para("Theo "+lowerFirst(doc.Round.Standard)+".", style{align: "C"})
	}
	l.para("Thời gian niêm yết: từ ngày "+shortDate(doc.PostedFrom)+" đến hết ngày "+shortDate(doc.PostedTo)+".",
		style{align: "C"})

	heads := [...]string{
		"I. DANH SÁCH HỘ NGHÈO",
		"II. DANH SÁCH HỘ CẬN NGHÈO",
		"III. DANH SÁCH HỘ THOÁT NGHÈO",
		"IV. DANH SÁCH HỘ THOÁT CẬN NGHÈO",
	}
	for i, hs := range doc.lists() {
		l.space(3, 30)
		l.para(heads[i], style{bold: true})
		l.householdList(hs)
	}

	// Residents may object during the posting; objections lead to a re-check (phúc
	// tra) and a new posting (Decision 24/2021/QĐ-TTg, Art. 4, step 4; regulations.md §3.4).
	l.space(2, 20)
	l.para("Trong thời gian niêm yết, nếu có ý kiến thắc mắc hoặc khiếu nại về kết quả rà soát, "+
		"đề nghị phản ánh với Ban Chỉ đạo rà soát hộ nghèo, hộ cận nghèo "+lowerFirst(oneLine(doc.Commune))+
		" để được xem xét, phúc tra.", style{})
	l.columns(nil, doc.Signer.orDefault(Signature{Authority: "TM. BAN CHỈ ĐẠO RÀ SOÁT", Title: "TRƯỞNG BAN"}).lines())
	return l.output(w)
}
