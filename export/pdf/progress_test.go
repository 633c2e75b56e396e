package pdf

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"giamngheo"
)

func sampleProgress() *ProgressReport {
	return &ProgressReport{
		Parent: "Ủy ban nhân dân tỉnh Hải Dương", Issuer: "Bảo hiểm xã hội tỉnh Hải Dương", Place: "Hải Dương",
		Date:    time.Date(2026, 11, 18, 0, 0, 0, 0, giamngheo.Vietnam),
		Subject: "Kết quả thực hiện Kế hoạch giảm nghèo bền vững năm 2026",
		Period:  "từ ngày 01/01/2026 đến ngày 18/11/2026",
		Bases:   []string{"Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2026"},
		Figures: []ProgressFigure{{Indicator: "Người thuộc hộ nghèo, cận nghèo có thẻ bảo hiểm y tế", Target: "100 %", Actual: "75 %", Detail: "3/4", Assessment: "Chưa đạt"}},
		Areas:   []ProgressArea{{Title: "Hỗ trợ bảo hiểm y tế", Text: "Cấp 1.234 thẻ bảo hiểm y tế cho người thuộc hộ nghèo."}},
		Money:   []ProgressMoney{{Area: "6. Y tế", Source: "Ngân sách trung ương", Disbursed: 1_500_000, Settled: 1_000_000}},
		Signer:  Signature{Title: "Giám đốc", Name: "Nguyễn Văn Bình"},
	}
}

// TestWriteProgressReport: the report prints its heading, its figures and money, and
// its signer, with every Vietnamese letter extractable.
func TestWriteProgressReport(t *testing.T) {
	path := MustWriteFile(t, "progress.pdf", func(b *bytes.Buffer) error { return WriteProgressReport(b, sampleProgress()) })
	txt := strings.Join(strings.Fields(MustText(t, path)), " ")
	for _, want := range []string{
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG",
		"BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG", "Hải Dương, ngày 18 tháng 11 năm 2026", "BÁO CÁO",
		"Kết quả thực hiện Kế hoạch giảm nghèo bền vững năm 2026", "từ ngày 01/01/2026 đến ngày 18/11/2026",
		"100 %", "75 % (3/4)", "Chưa đạt", "Cấp 1.234 thẻ bảo hiểm y tế", "1.500.000", "1.000.000", "Tổng cộng",
		"GIÁM ĐỐC", "Nguyễn Văn Bình", "Nơi nhận:",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("the report lacks %q:\n%s", want, txt)
		}
	}
	if fonts := MustRun(t, "pdffonts", path); !strings.Contains(fonts, "dejavusans") || !strings.Contains(fonts, "yes") {
		t.Errorf("the font is not the embedded one:\n%s", fonts)
	}
}

func TestWriteProgressReportRefusesIncomplete(t *testing.T) {
	for field, edit := range map[string]func(*ProgressReport){
		"issuer":  func(d *ProgressReport) { d.Issuer = " " },
		"date":    func(d *ProgressReport) { d.Date = time.Time{} },
		"subject": func(d *ProgressReport) { d.Subject = "" },
		"period":  func(d *ProgressReport) { d.Period = "" },
		"money":   func(d *ProgressReport) { d.Money[0].Settled = -1 },
	} {
		d := sampleProgress()
		edit(d)
		var b bytes.Buffer
		err := WriteProgressReport(&b, d)
		if giamngheo.ErrorCode(err) != giamngheo.EINVALID || !strings.Contains(err.Error(), field) {
			t.Errorf("%s: %v, want EINVALID naming the field", field, err)
		}
	}
}
