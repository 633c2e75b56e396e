package pdf

import (
	"io"
	"strconv"
	"strings"
	"time"
)

// ProgressReport is an agency's report on the year's poverty-reduction plan: the
// figures of the targets it answers for against the plan, what it did in each
// activity area it leads, the money it disbursed and settled, signed by its head. The
// plan asks every agency for it before 20 November (Hải Dương plan 2023, section IV:
// "báo cáo kết quả thực hiện định kỳ hàng năm (trước ngày 20/11)").
type ProgressReport struct {
	Parent  string    // the body above the issuer: "ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG"; may be empty
	Issuer  string    // the reporting agency: "Sở Y tế" (required)
	Number  string    // "15/BC-SYT"; empty leaves "Số:      /BC" for the clerk
	Place   string    // the place of the date line: "Hải Dương" (required)
	Date    time.Time // the day of the report (required)
	Subject string    // "Kết quả thực hiện Kế hoạch … năm 2026" (required)
	Period  string    // "từ ngày 01/01/2026 đến ngày 20/11/2026" (required)
	// Bases are the documents the report answers (the plan); may be empty.
	Bases     []string
	Figures   []ProgressFigure
	Areas     []ProgressArea
	Narrative string
	Money     []ProgressMoney
	// Recipients are the "Nơi nhận" lines; nil: the plan's issuer and the archive.
	Recipients []string
	Signer     Signature
}

// ProgressFigure is one target of the report, written out by the caller (units vary:
// a share, persons, đồng).
type ProgressFigure struct {
	Indicator  string
	Target     string // "100 %"; "" prints "—"
	Actual     string // "75 %"; "" prints "—"
	Detail     string // "3/4 người"; may be empty
	Assessment string // "Chưa đạt"
}

// ProgressArea is what the agency did in one activity area it leads.
type ProgressArea struct {
	Title string // with its number in the plan: "2.1. Hỗ trợ phát triển sản xuất"
	Text  string
}

// ProgressMoney is money disbursed and settled for an area from a source, in đồng.
type ProgressMoney struct {
	Area, Source       string
	Disbursed, Settled int64
}

var progressColumns = []column{
	{title: "STT", w: 9, align: "C"},
	{title: "Chỉ tiêu", w: 70},
	{title: "Kế hoạch", w: 20, align: "C"},
	{title: "Thực hiện", w: 26, align: "C"},
	{title: "Đánh giá", w: 20, align: "C"},
}

var moneyColumns = []column{
	{title: "STT", w: 9, align: "C"},
	{title: "Nội dung", w: 60},
	{title: "Nguồn", w: 36},
	{title: "Giải ngân (đồng)", w: 25, align: "R"},
	{title: "Quyết toán (đồng)", w: 25, align: "R"},
}

func (doc *ProgressReport) validate() error {
	if doc == nil {
		return invalid("doc", "Thiếu báo cáo (trường %s).", "The report is missing (field %s).", "doc")
	}
	if err := requireText("issuer", doc.Issuer, "cơ quan báo cáo", "The reporting agency"); err != nil {
		return err
	}
	if err := requireText("place", doc.Place, "địa danh", "The place"); err != nil {
		return err
	}
	if doc.Date.IsZero() {
		return invalid("date", "Thiếu ngày báo cáo (trường %s).", "The date of the report is missing (field %s).", "date")
	}
	if err := requireText("subject", doc.Subject, "trích yếu", "The subject"); err != nil {
		return err
	}
	if err := requireText("period", doc.Period, "kỳ báo cáo", "The period"); err != nil {
		return err
	}
	for i, m := range doc.Money {
		if m.Disbursed < 0 || m.Settled < 0 {
			return invalid("money", "Số tiền âm ở dòng %[2]d (trường %[1]s).", "A negative amount on line %[2]d (field %[1]s).", "money", i+1)
		}
	}
	return nil
}

// WriteProgressReport writes the agency's progress report as a PDF in the look of an
// administrative report (Decree 30/2020/NĐ-CP, Appendix I, the form of a "báo cáo";
// check against the text): the header, "BÁO CÁO" and its subject, the period, the
// figures against the plan, the narrative by activity area, the money, the
// recipients and the signature.
func WriteProgressReport(w io.Writer, doc *ProgressReport) error {
	if err := doc.validate(); err != nil {
		return err
	}
	if w == nil {
		return invalid("w", "Thiếu nơi ghi tệp (trường %s).", "No writer to write to (field %s).", "w")
	}
	number := oneLine(doc.Number)
	if number == "" {
		number = "      /BC"
	}
	l := newLayout("Báo cáo " + oneLine(doc.Subject))
	l.adminHeader(header{Upper: upper(doc.Parent), Lower: upper(doc.Issuer), Number: number, PlaceDate: placeDateLine(oneLine(doc.Place), doc.Date)})
	l.title("BÁO CÁO", doc.Subject)
	l.para("Kỳ báo cáo: "+oneLine(doc.Period)+".", style{align: "C"})
	for _, b := range doc.Bases {
		l.para("Căn cứ "+strings.TrimSuffix(oneLine(b), ".")+";", style{})
	}
	l.para(oneLine(doc.Issuer)+" báo cáo kết quả thực hiện như sau:", style{})

	l.space(2, 20)
	l.para("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", style{bold: true})
	if len(doc.Figures) == 0 {
		l.para("Cơ quan không chịu trách nhiệm chỉ tiêu nào của kế hoạch.", style{indent: 5})
	} else {
		t := l.newTable(progressColumns)
		for i, f := range doc.Figures {
			actual := dash(f.Actual)
			if d := oneLine(f.Detail); d != "" {
				actual += " (" + d + ")"
			}
			t.row(false, strconv.Itoa(i+1), f.Indicator, dash(f.Target), actual, f.Assessment)
		}
		t.end()
	}

	l.space(2, 20)
	l.para("II. KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG", style{bold: true})
	wrote := false
	for _, a := range doc.Areas {
		if oneLine(a.Title) == "" && oneLine(a.Text) == "" {
			continue
		}
		l.para(oneLine(a.Title), style{bold: true, indent: 5})
		text := strings.TrimSpace(clean(a.Text))
		if text == "" {
			text = "Chưa có nội dung báo cáo."
		}
		l.para(text, style{indent: 5})
		wrote = true
	}
	if n := strings.TrimSpace(clean(doc.Narrative)); n != "" {
		l.para(n, style{})
		wrote = true
	}
	if !wrote {
		l.para("Chưa có nội dung báo cáo.", style{indent: 5})
	}

	l.space(2, 20)
	l.para("III. KINH PHÍ THỰC HIỆN", style{bold: true})
	if len(doc.Money) == 0 {
		l.para("Không báo cáo kinh phí.", style{indent: 5})
	} else {
		t := l.newTable(moneyColumns)
		var dis, set int64
		for i, m := range doc.Money {
			t.row(false, strconv.Itoa(i+1), m.Area, m.Source, thousands(m.Disbursed), thousands(m.Settled))
			dis += m.Disbursed
			set += m.Settled
		}
		t.row(true, "", "Tổng cộng", "", thousands(dis), thousands(set))
		t.end()
	}

	recipients := doc.Recipients
	if recipients == nil {
		recipients = []string{"UBND tỉnh (để báo cáo);", "Sở Lao động – Thương binh và Xã hội (để tổng hợp);", "Lưu: VT."}
	}
	l.columns(recipientLines(recipients), doc.Signer.orDefault(Signature{Title: "THỦ TRƯỞNG CƠ QUAN"}).lines())
	return l.output(w)
}

// dash prints "—" for a figure not known.
func dash(s string) string {
	if s = oneLine(s); s == "" {
		return "—"
	}
	return s
}
