package pdf

import (
	"io"
	"strings"
	"time"
)

// Decision is the commune chairman's decision recognising the lists of poor,
// near-poor, escaped-poor and escaped-near-poor households at the end of a review
// (Decision 24/2021/QĐ-TTg, Art. 4, step 6, and Art. 5 for the monthly review;
// regulations.md §3.4–3.6). Article 1 gives the count of each non-empty list, which
// is attached to the decision.
type Decision struct {
	Number     string    // "125/QĐ-UBND" (required)
	Date       time.Time // date of signature (required)
	Commune    string    // "Xã Thanh Hải" (required)
	Place      string    // place of the date line; empty derives it from Commune
	Round      Round     // the review whose results are recognised
	LegalBases []string  // "Căn cứ …" lines; nil uses DefaultLegalBases()
	// Proposal is the line naming who proposed the lists; empty uses the commune
	// steering committee.
	Proposal  string
	Effective time.Time // date the decision takes effect; zero: from the date of signature
	// Implementers are the bodies charged with carrying out the decision (Article
	// 3); nil uses the commune office, the steering committee and the village heads.
	Implementers []string
	Recipients   []string  // "Nơi nhận"; nil uses "Như Điều 3", the province PC and the archive
	Signer       Signature // empty takes "CHỦ TỊCH"
	// The four lists. At least one must be non-empty.
	Poor, NearPoor, EscapedPoor, EscapedNearPoor []Household
}

// DefaultLegalBases returns the legal bases printed when a decision or certificate
// gives none. The Law on Local Government is named without its date because the 2015
// law (amended in 2019; regulations.md §3.7 [V]) was replaced in 2025 [U: check which
// law applies at the date of the document]; a caller that needs the exact citation
// passes its own lines.
func DefaultLegalBases() []string {
	return append([]string(nil), defaultLegalBases...)
}

// defaultLegalBases backs DefaultLegalBases.
var defaultLegalBases = []string{
	"Căn cứ Luật Tổ chức chính quyền địa phương;",
	// Decree 07/2021/NĐ-CP of 27/01/2021 (regulations.md §0, LV-ND07-EN [V]).
	"Căn cứ Nghị định số 07/2021/NĐ-CP ngày 27 tháng 01 năm 2021 của Chính phủ quy định chuẩn nghèo đa chiều giai đoạn 2021 - 2025;",
	// Decision 24/2021/QĐ-TTg of 16/07/2021 (regulations.md §3.1 [V]).
	"Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16 tháng 7 năm 2021 của Thủ tướng Chính phủ quy định quy trình rà soát hộ nghèo, hộ cận nghèo hằng năm và quy trình xác định hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình giai đoạn 2022 - 2025;",
}

// LegalBasesFor returns the default legal bases of a document of a review under the
// standard with the given ID: from 2027 the standard is Decree 351/2025/NĐ-CP of
// 30/12/2025 (regulations.md §4.3 [V]); the procedure stays Decision 24/2021/QĐ-TTg, as
// no replacement is known [U].
func LegalBasesFor(standardID string) []string {
	bases := DefaultLegalBases()
	if standardID == "2027-2030" {
		bases[1] = "Căn cứ Nghị định số 351/2025/NĐ-CP ngày 30 tháng 12 năm 2025 của Chính phủ quy định chuẩn nghèo đa chiều quốc gia giai đoạn 2026 - 2030;"
	}
	return bases
}

// validate checks doc before anything is drawn.
func (doc *Decision) validate() error {
	if doc == nil {
		return invalid("doc", "Thiếu quyết định (trường %s).", "The decision is missing (field %s).", "doc")
	}
	if err := requireText("number", doc.Number, "số quyết định", "The decision number"); err != nil {
		return err
	}
	if doc.Date.IsZero() {
		return invalid("date", "Thiếu ngày ký quyết định (trường %s).", "The date of the decision is missing (field %s).", "date")
	}
	if err := requireText("commune", doc.Commune, "tên xã, phường", "The commune name"); err != nil {
		return err
	}
	if err := doc.Round.validate("round"); err != nil {
		return err
	}
	empty := true
	for i, hs := range doc.lists() {
		if err := validateHouseholds(listFields[i], hs); err != nil {
			return err
		}
		empty = empty && len(hs) == 0
	}
	if empty {
		return invalid("poor", "Quyết định chưa có hộ nào được công nhận (trường %s).",
			"The decision recognises no household (field %s).", "poor")
	}
	return nil
}

// lists returns the four lists in the order of categories.
func (doc *Decision) lists() [4][]Household {
	return [4][]Household{doc.Poor, doc.NearPoor, doc.EscapedPoor, doc.EscapedNearPoor}
}

// WriteDecision writes the recognition decision and its attached lists to w.
func WriteDecision(w io.Writer, doc *Decision) error {
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
	lists := doc.lists()
	var names []string // the non-empty categories, for the title
	for i, c := range categories {
		if len(lists[i]) > 0 {
			names = append(names, c.label())
		}
	}
	subject := "Về việc công nhận " + strings.Join(names, ", ") + " " + doc.Round.phrase()

	l := newLayout("Quyết định công nhận hộ nghèo, hộ cận nghèo, hộ thoát nghèo, hộ thoát cận nghèo")
	l.adminHeader(header{
		Upper:     "ỦY BAN NHÂN DÂN",
		Lower:     upper(commune),
		Number:    doc.Number,
		PlaceDate: placeDateLine(place, doc.Date),
	})
	l.title("QUYẾT ĐỊNH", subject)
	l.title("CHỦ TỊCH ỦY BAN NHÂN DÂN " + upper(commune))

	bases := doc.LegalBases
	if bases == nil {
		bases = DefaultLegalBases()
	}
	for _, b := range bases {
		l.para(b, style{})
	}
	proposal := oneLine(doc.Proposal)
	if proposal == "" {
		proposal = "Xét đề nghị của Ban Chỉ đạo rà soát hộ nghèo, hộ cận nghèo " + lowerFirst(commune) +
			" về kết quả " + doc.Round.kind() + " hộ nghèo, hộ cận nghèo " + doc.Round.phrase() + "."
	}
	l.para(proposal, style{})
	l.title("QUYẾT ĐỊNH:")

	// Article 1: one line per non-empty list, with households and members, as the
	// published results of a commune give them (regulations.md §3.6, Cẩm Duệ example).
	l.runs(run{text: "Điều 1.", bold: true}, run{text: "Công nhận các hộ gia đình trên địa bàn " + lowerFirst(commune) +
		" theo kết quả " + doc.Round.kind() + " " + doc.Round.phrase() + doc.Round.standardPhrase() + " như sau:"})
	for i, c := range categories {
		if len(lists[i]) > 0 {
			l.para("- "+c.Label()+": "+countPhrase(lists[i])+";", style{indent: 5})
		}
	}
	l.para("(Có danh sách kèm theo).", style{indent: 5})
	effective := "kể từ ngày ký"
	if !doc.Effective.IsZero() {
		effective = "kể từ ngày " + shortDate(doc.Effective)
	}
	l.runs(run{text: "Điều 2.", bold: true}, run{text: "Quyết định này có hiệu lực " + effective + "."})
	implementers := doc.Implementers
	if implementers == nil {
		implementers = []string{
			"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân " + lowerFirst(commune),
			"Ban Chỉ đạo rà soát hộ nghèo, hộ cận nghèo " + lowerFirst(commune),
			"Trưởng các thôn, tổ dân phố",
			"các hộ gia đình có tên tại Điều 1",
		}
	}
	l.runs(run{text: "Điều 3.", bold: true}, run{text: joinClean(implementers) + " chịu trách nhiệm thi hành Quyết định này./."})

	recipients := doc.Recipients
	if recipients == nil {
		recipients = []string{"Như Điều 3;", "UBND tỉnh (để báo cáo);", "Lưu: VT."}
	}
	l.columns(recipientLines(recipients), doc.Signer.orDefault(Signature{Title: "CHỦ TỊCH"}).lines())

	// The attached lists, each from a new page, headed with the decision they belong to.
	for i, c := range categories {
		if len(lists[i]) == 0 {
			continue
		}
		l.newPage()
		l.title("DANH SÁCH "+strings.ToUpper(c.label())+" "+strings.ToUpper(doc.Round.phrase()),
			"(Kèm theo Quyết định số "+oneLine(doc.Number)+" "+longDate(doc.Date)+
				" của Chủ tịch Ủy ban nhân dân "+lowerFirst(commune)+")")
		l.householdList(lists[i])
	}
	return l.output(w)
}

// joinClean joins names with ", " after cleaning each.
func joinClean(ss []string) string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if s = oneLine(s); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, ", ")
}
