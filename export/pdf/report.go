package pdf

import (
	"io"
	"strconv"
	"strings"

	"giamngheo/report"
	"giamngheo/vntext"
)

// WriteReport writes a report table (issue 14 item 7) in the official look, from the
// same numbers as the page, the workbook, CSV and JSON: the issuing unit beside the
// national title and motto, the report's number, title, unit and period, the table on
// A4 landscape with its header (groups over their columns) repeated on every page, the
// row of column numbers (1)…(n) with their formulas listed below, the rows and the
// total in bold, Vietnamese number formats (1.234; 12,34), and the signature block
// (Người lập biểu / Thủ trưởng đơn vị).
func WriteReport(w io.Writer, t *report.Table, issuer string) error {
	l := newLayoutOriented("Biểu số "+strconv.Itoa(t.Number)+": "+t.Title, true)
	upper, lower := "", issuer
	if rest, ok := strings.CutPrefix(issuer, "ỦY BAN NHÂN DÂN "); ok {
		upper, lower = "ỦY BAN NHÂN DÂN", rest
	}
	l.adminHeader(header{Upper: upper, Lower: lower})
	l.title("Biểu số "+strconv.Itoa(t.Number)+": "+t.Title,
		"Đơn vị: "+t.UnitName+" — Kỳ báo cáo: năm "+strconv.Itoa(t.Period)+" (từ "+dmy(t.From)+" đến "+dmy(t.To)+")")
	lines := false
	for _, r := range t.Rows {
		lines = lines || r.Line != ""
	}
	cols := []column{{title: "Đơn vị", w: 3.2}}
	if lines {
		cols = append(cols, column{title: "Chỉ tiêu", w: 1.6})
	}
	for _, c := range t.Columns {
		cols = append(cols, column{title: c.Title, group: c.Group, w: 1.2, align: "R"})
	}
	tb := l.newTable(cols)
	nums := []string{"A"}
	if lines {
		nums = append(nums, "B")
	}
	for _, c := range t.Columns {
		nums = append(nums, "("+strconv.Itoa(c.Num)+")")
	}
	tb.row(true, nums...)
	for _, r := range t.Rows {
		cells := []string{r.Name}
		if lines {
			cells = append(cells, r.Line)
		}
		for i, v := range r.Values {
			if t.Columns[i].Percent {
				cells = append(cells, vntext.Decimal(v, 2))
			} else {
				cells = append(cells, vntext.Grouped(int64(v), '.'))
			}
		}
		tb.row(r.Kind != "unit", cells...)
	}
	tb.end()
	var formulas []string
	for _, c := range t.Columns {
		if c.Formula != "" {
			formulas = append(formulas, c.Formula)
		}
	}
	if len(formulas) > 0 {
		l.para("Ghi chú: "+strings.Join(formulas, "; ")+".", style{size: 9})
	}
	l.columns([]blockLine{{text: "NGƯỜI LẬP BIỂU", bold: true}, {text: "(Ký, ghi rõ họ tên)", size: 10}},
		[]blockLine{{text: "THỦ TRƯỞNG ĐƠN VỊ", bold: true}, {text: "(Ký tên, đóng dấu)", size: 10}})
	return l.output(w)
}

// dmy writes a YYYY-MM-DD day as dd/mm/yyyy.
func dmy(day string) string {
	if len(day) != 10 {
		return day
	}
	return day[8:10] + "/" + day[5:7] + "/" + day[0:4]
}
