package xlsx

import (
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"giamngheo/report"
)

// WriteReport writes a report table in the official look: the national heading and
// the issuing unit, title and period, two header rows (groups merged over their
// columns), the column numbers (1)…(n), the rows and the total, Vietnamese number
// formats, A4 landscape with the header rows repeated on every page, and the signature
// block.
func WriteReport(w io.Writer, t *report.Table, issuer string) error {
	f := excelize.NewFile()
	defer f.Close()
	const sh = "BaoCao"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	n := len(t.Columns) + 2 // unit name and line, then the numbered columns
	last, _ := excelize.ColumnNumberToName(n)
	cell := func(col, row int) string { c, _ := excelize.CoordinatesToCellName(col, row); return c }
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true, Vertical: "center"}})
	border := []excelize.Border{{Type: "left", Style: 1}, {Type: "right", Style: 1}, {Type: "top", Style: 1}, {Type: "bottom", Style: 1}}
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	// Vietnamese formats: thousands with a dot, decimals with a comma (1.234,5).
	intFmt, pctFmt := `#,##0`, `#,##0.00`
	ints, _ := f.NewStyle(&excelize.Style{Border: border, CustomNumFmt: &intFmt})
	pcts, _ := f.NewStyle(&excelize.Style{Border: border, CustomNumFmt: &pctFmt})
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
	put("A4", "Biểu số "+strconv.Itoa(t.Number)+": "+t.Title, bold)
	_ = f.MergeCell(sh, "A4", last+"4")
	put("A5", "Đơn vị: "+t.UnitName+" — Kỳ báo cáo: năm "+strconv.Itoa(t.Period)+" (từ "+t.From+" đến "+t.To+")", bold)
	_ = f.MergeCell(sh, "A5", last+"5")
	// Header rows 7–8 (group over title), numbers in row 9.
	put("A7", "Đơn vị", head)
	_ = f.MergeCell(sh, "A7", "A8")
	put("B7", "Chỉ tiêu", head)
	_ = f.MergeCell(sh, "B7", "B8")
	put("A9", "A", head)
	put("B9", "B", head)
	for i := 0; i < len(t.Columns); {
		c := t.Columns[i]
		j := i
		for j+1 < len(t.Columns) && c.Group != "" && t.Columns[j+1].Group == c.Group {
			j++
		}
		if c.Group == "" {
			put(cell(i+3, 7), c.Title, head)
			_ = f.MergeCell(sh, cell(i+3, 7), cell(i+3, 8))
		} else {
			put(cell(i+3, 7), c.Group, head)
			_ = f.MergeCell(sh, cell(i+3, 7), cell(j+3, 7))
			for k := i; k <= j; k++ {
				put(cell(k+3, 8), t.Columns[k].Title, head)
			}
		}
		i = j + 1
	}
	for i, c := range t.Columns {
		label := "(" + strconv.Itoa(c.Num) + ")"
		if c.Formula != "" {
			label = c.Formula
		}
		put(cell(i+3, 9), label, head)
	}
	row := 10
	for _, r := range t.Rows {
		put(cell(1, row), r.Name, text)
		put(cell(2, row), r.Line, text)
		for i, v := range r.Values {
			style := ints
			if t.Columns[i].Percent {
				style = pcts
			}
			put(cell(i+3, row), v, style)
		}
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
	_ = f.SetColWidth(sh, "A", "A", 28)
	_ = f.SetColWidth(sh, "C", last, 12)
	orient, size := "landscape", 9 // 9 = A4
	if err := f.SetPageLayout(sh, &excelize.PageLayoutOptions{Orientation: &orient, Size: &size}); err != nil {
		return err
	}
	// The header rows repeat on every printed page.
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: sh + "!$7:$9", Scope: sh}); err != nil {
		return err
	}
	_, err := f.WriteTo(w)
	return err
}
