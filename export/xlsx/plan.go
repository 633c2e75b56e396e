package xlsx

import (
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"giamngheo"
	"giamngheo/plan"
	"giamngheo/support"
)

// WritePlan writes a plan's targets against their actuals by activity area, its
// budget lines and the agencies' reports, in the official look: the issuing unit and
// the national heading, the title and the day of the figures, numbered header rows,
// A4 landscape with the header repeated on every page, and the signature block.
func WritePlan(w io.Writer, o *plan.Overview, issuer, day string) error {
	f := excelize.NewFile()
	defer f.Close()
	agency := func(code string) string {
		if a, ok := support.AgencyByCode(code); ok {
			return a.Name.VI
		}
		return code
	}
	border := []excelize.Border{{Type: "left", Style: 1}, {Type: "right", Style: 1}, {Type: "top", Style: 1}, {Type: "bottom", Style: 1}}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true, Vertical: "center"}})
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	group, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	text, _ := f.NewStyle(&excelize.Style{Border: border, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	numFmt, intFmt := `#,##0.0`, `#,##0`
	nums, _ := f.NewStyle(&excelize.Style{Border: border, CustomNumFmt: &numFmt})
	ints, _ := f.NewStyle(&excelize.Style{Border: border, CustomNumFmt: &intFmt})
	cell := func(col, row int) string { c, _ := excelize.CoordinatesToCellName(col, row); return c }
	sheet := func(name string, cols []string, title string) (func(c string, v any, style int), int) {
		if idx, _ := f.GetSheetIndex("Sheet1"); idx >= 0 {
			_ = f.SetSheetName("Sheet1", name)
		} else {
			_, _ = f.NewSheet(name)
		}
		put := func(c string, v any, style int) {
			_ = f.SetCellValue(name, c, v)
			_ = f.SetCellStyle(name, c, c, style)
		}
		n := len(cols)
		half := n / 2
		put("A1", issuer, bold)
		_ = f.MergeCell(name, "A1", cell(half, 1))
		put(cell(half+1, 1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold)
		_ = f.MergeCell(name, cell(half+1, 1), cell(n, 1))
		put(cell(half+1, 2), "Độc lập – Tự do – Hạnh phúc", bold)
		_ = f.MergeCell(name, cell(half+1, 2), cell(n, 2))
		put("A4", title, bold)
		_ = f.MergeCell(name, "A4", cell(n, 4))
		put("A5", o.Plan.Title+" — số liệu đến ngày "+day[8:10]+"/"+day[5:7]+"/"+day[0:4]+" (đơn vị: "+o.Unit+")", bold)
		_ = f.MergeCell(name, "A5", cell(n, 5))
		for i, c := range cols {
			put(cell(i+1, 7), c, head)
			put(cell(i+1, 8), "("+strconv.Itoa(i+1)+")", head)
		}
		orient, size := "landscape", 9 // 9 = A4
		_ = f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &orient, Size: &size})
		_ = f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: name + "!$7:$8", Scope: name})
		return put, 9
	}
	sign := func(name string, row, n int) {
		put := func(c string, v string) { _ = f.SetCellValue(name, c, v); _ = f.SetCellStyle(name, c, c, bold) }
		half := n / 2
		put(cell(1, row), "Người lập biểu")
		_ = f.MergeCell(name, cell(1, row), cell(half, row))
		put(cell(half+1, row), "Thủ trưởng đơn vị")
		_ = f.MergeCell(name, cell(half+1, row), cell(n, row))
		put(cell(1, row+1), "(Ký, ghi rõ họ tên)")
		_ = f.MergeCell(name, cell(1, row+1), cell(half, row+1))
		put(cell(half+1, row+1), "(Ký tên, đóng dấu)")
		_ = f.MergeCell(name, cell(half+1, row+1), cell(n, row+1))
	}

	// The targets against their actuals, by activity area.
	const st = "ChiTieu"
	cols := []string{"STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Số đạt / tổng số", "Đánh giá", "Cơ quan chịu trách nhiệm", "Nguồn số liệu, căn cứ"}
	put, row := sheet(st, cols, "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KẾ HOẠCH GIẢM NGHÈO NĂM "+strconv.Itoa(o.Plan.Year))
	states := map[string]string{plan.StateMet: "Đạt", plan.StateNotMet: "Chưa đạt", plan.StateNoTarget: "Kế hoạch không nêu số", plan.StateNoData: "Chưa có số liệu"}
	for _, g := range o.Groups {
		title := "Chỉ tiêu chung"
		if g.Area.Code != "" {
			title = g.Area.Code + ". " + g.Area.Title + " (chủ trì: " + agency(g.Area.Lead) + ")"
		}
		put(cell(1, row), title, group)
		_ = f.MergeCell(st, cell(1, row), cell(len(cols), row))
		row++
		for i, x := range g.Actuals {
			t := x.Target
			put(cell(1, row), i+1, ints)
			put(cell(2, row), t.Indicator, text)
			put(cell(3, row), t.Unit, text)
			put(cell(4, row), "", nums)
			if t.Value != nil {
				put(cell(4, row), *t.Value, nums)
			}
			put(cell(5, row), "", nums)
			if x.Value != nil {
				put(cell(5, row), *x.Value, nums)
			}
			share := ""
			if t.Source == plan.SourceComputed && x.Whole > 0 {
				share = strconv.Itoa(x.Part) + "/" + strconv.Itoa(x.Whole)
			}
			put(cell(6, row), share, text)
			put(cell(7, row), states[x.State], text)
			put(cell(8, row), agency(t.Agency), text)
			src := t.HowMeasured
			if x.Figure != nil {
				src += " Căn cứ: " + x.Figure.Evidence + " (" + x.Figure.AsOf + ")."
			}
			put(cell(9, row), src, text)
			row++
		}
	}
	sign(st, row+2, len(cols))
	_ = f.SetColWidth(st, "A", "A", 6)
	_ = f.SetColWidth(st, "B", "B", 60)
	_ = f.SetColWidth(st, "C", "H", 14)
	_ = f.SetColWidth(st, "I", "I", 50)

	// The budget lines, with what the reports say was spent.
	const sb = "KinhPhi"
	cols = []string{"Nội dung", "Cơ quan", "Nguồn", "Phân bổ (đồng)", "Giải ngân (đồng)", "Quyết toán (đồng)", "Báo cáo giải ngân (đồng)", "Báo cáo quyết toán (đồng)"}
	put, row = sheet(sb, cols, "KINH PHÍ THỰC HIỆN KẾ HOẠCH GIẢM NGHÈO NĂM "+strconv.Itoa(o.Plan.Year))
	source := map[plan.FundSource]string{}
	for _, s := range plan.FundSources {
		source[s.Source] = s.VI
	}
	amount := func(c string, v *int64) {
		if v == nil {
			put(c, "", ints)
			return
		}
		put(c, *v, ints)
	}
	for _, g := range o.Groups {
		for _, b := range g.Budget {
			put(cell(1, row), b.Area, text)
			put(cell(2, row), agency(b.Agency), text)
			put(cell(3, row), source[b.Source], text)
			amount(cell(4, row), b.Allocated)
			amount(cell(5, row), b.Disbursed)
			amount(cell(6, row), b.Settled)
			put(cell(7, row), b.ReportedDisbursed, ints)
			put(cell(8, row), b.ReportedSettled, ints)
			row++
		}
	}
	for _, m := range o.Unbudgeted {
		put(cell(1, row), m.Area, text)
		put(cell(2, row), "", text)
		put(cell(3, row), source[m.Source], text)
		for c := 4; c <= 6; c++ {
			put(cell(c, row), "", ints)
		}
		put(cell(7, row), m.Disbursed, ints)
		put(cell(8, row), m.Settled, ints)
		row++
	}
	sign(sb, row+2, len(cols))
	_ = f.SetColWidth(sb, "A", "H", 18)

	// The agencies' reports.
	const sr = "BaoCaoCoQuan"
	cols = []string{"Cơ quan", "Tình trạng", "Ngày nộp", "Nội dung"}
	put, row = sheet(sr, cols, "TÌNH HÌNH BÁO CÁO CỦA CÁC CƠ QUAN (HẠN "+o.Plan.ReportDue[8:10]+"/"+o.Plan.ReportDue[5:7]+"/"+o.Plan.ReportDue[0:4]+")")
	rstates := map[string]string{plan.ReportOnTime: "Đúng hạn", plan.ReportLate: "Nộp muộn", plan.ReportMissing: "Chưa nộp, quá hạn", plan.ReportPending: "Chưa đến hạn"}
	for _, x := range o.Reports {
		put(cell(1, row), agency(x.Agency), text)
		put(cell(2, row), rstates[x.State], text)
		sub, narr := "", ""
		if x.Report != nil {
			sub, narr = x.Report.SubmittedAt.In(giamngheo.Vietnam).Format("02/01/2006"), x.Report.Narrative
		}
		put(cell(3, row), sub, text)
		put(cell(4, row), narr, text)
		row++
	}
	_ = f.SetColWidth(sr, "A", "A", 40)
	_ = f.SetColWidth(sr, "B", "C", 16)
	_ = f.SetColWidth(sr, "D", "D", 80)
	f.SetActiveSheet(0)
	_, err := f.WriteTo(w)
	return err
}
