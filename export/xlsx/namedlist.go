package xlsx

import (
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"giamngheo/report"
)

// WriteNamedList writes a named list (reports 14, 15) in the official look: the
// national heading and the issuing unit, title and period, the header row with the
// column numbers, one row per member (the household's fields on its first member's
// row), A4 landscape with the header rows repeated on every page, and the signature
// block.
func WriteNamedList(w io.Writer, l *report.NamedList, issuer string) error {
	f := excelize.NewFile()
	defer f.Close()
	const sh = "DanhSach"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	n := len(report.ListColumns)
	last, _ := excelize.ColumnNumberToName(n)
	cell := func(col, row int) string { c, _ := excelize.CoordinatesToCellName(col, row); return c }
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true, Vertical: "center"}})
	border := []excelize.Border{{Type: "left", Style: 1}, {Type: "right", Style: 1}, {Type: "top", Style: 1}, {Type: "bottom", Style: 1}}
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	text, _ := f.NewStyle(&excelize.Style{Border: border})
	put := func(c string, v any, style int) {
		_ = f.SetCellValue(sh, c, v)
		_ = f.SetCellStyle(sh, c, c, style)
	}
	half := n / 2
	put("A1", issuer, bold)
	_ = f.MergeCell(sh, "A1", cell(half, 1))
	put(cell(half+1, 1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold)
	_ = f.MergeCell(sh, cell(half+1, 1), cell(n, 1))
	put(cell(half+1, 2), "Độc lập – Tự do – Hạnh phúc", bold)
	_ = f.MergeCell(sh, cell(half+1, 2), cell(n, 2))
	put("A4", "Biểu số "+strconv.Itoa(l.Number)+": "+l.Title, bold)
	_ = f.MergeCell(sh, "A4", last+"4")
	put("A5", "Đơn vị: "+l.UnitName+" — Kỳ báo cáo: năm "+strconv.Itoa(l.Period)+" — Số hộ: "+strconv.Itoa(l.Total), bold)
	_ = f.MergeCell(sh, "A5", last+"5")
	for i, c := range report.ListColumns {
		put(cell(i+1, 7), c, head)
		put(cell(i+1, 8), "("+strconv.Itoa(i+1)+")", head)
	}
	row := 9
	prev := -1
	for _, rec := range report.ListRecords(l) {
		no, _ := strconv.Atoi(rec[0])
		for i, v := range rec {
			if i < 5 && no == prev {
				v = ""
			}
			put(cell(i+1, row), v, text)
		}
		prev = no
		row++
	}
	row += 2
	put(cell(1, row), "Người lập biểu", bold)
	_ = f.MergeCell(sh, cell(1, row), cell(half, row))
	put(cell(half+1, row), "Thủ trưởng đơn vị", bold)
	_ = f.MergeCell(sh, cell(half+1, row), cell(n, row))
	put(cell(1, row+1), "(Ký, ghi rõ họ tên)", bold)
	_ = f.MergeCell(sh, cell(1, row+1), cell(half, row+1))
	put(cell(half+1, row+1), "(Ký tên, đóng dấu)", bold)
	_ = f.MergeCell(sh, cell(half+1, row+1), cell(n, row+1))
	_ = f.SetColWidth(sh, "B", "E", 18)
	_ = f.SetColWidth(sh, "G", "G", 24)
	orient, size := "landscape", 9 // 9 = A4
	if err := f.SetPageLayout(sh, &excelize.PageLayoutOptions{Orientation: &orient, Size: &size}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: sh + "!$7:$8", Scope: sh}); err != nil {
		return err
	}
	_, err := f.WriteTo(w)
	return err
}
