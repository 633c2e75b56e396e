package simulation

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"giamngheo/poverty"
	"giamngheo/simulate"
)

// National heading of official documents (Decree 30/2020/NĐ-CP, Appendix I: the
// country's name and motto at the top of a document).
const (
	headingCountry = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	headingMotto   = "Độc lập – Tự do – Hạnh phúc"
)

// WriteXLSX writes the result as a workbook: the table by unit under the national
// heading and the title, with numbered columns and a totals row; then the changed
// households, the unknown indicators and the costs, one sheet each.
func WriteXLSX(w io.Writer, r *simulate.Result) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	const main = "Mo phong"
	if err := f.SetSheetName("Sheet1", main); err != nil {
		return err
	}
	rows := tableRows(r)
	ncol := len(rows[0])
	last, _ := excelize.ColumnNumberToName(ncol)
	put := func(row int, text string, style int) error {
		a, b := fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row)
		if err := f.MergeCell(main, a, b); err != nil {
			return err
		}
		if err := f.SetCellValue(main, a, text); err != nil {
			return err
		}
		return f.SetCellStyle(main, a, b, style)
	}
	for _, x := range []struct {
		row   int
		text  string
		style int
	}{{1, headingCountry, st.bold}, {2, headingMotto, st.boldItalic}, {4, Title(r), st.title}, {5, Subtitle(r), st.center}} {
		if err := put(x.row, x.text, x.style); err != nil {
			return err
		}
	}
	// The header, the column numbers (1), (2) …, the rows and the totals row.
	for j, v := range rows[0] {
		cell, _ := excelize.CoordinatesToCellName(j+1, 7)
		num, _ := excelize.CoordinatesToCellName(j+1, 8)
		if err := f.SetCellValue(main, cell, v); err != nil {
			return err
		}
		if err := f.SetCellValue(main, num, fmt.Sprintf("(%d)", j+1)); err != nil {
			return err
		}
	}
	a7, _ := excelize.CoordinatesToCellName(ncol, 8)
	if err := f.SetCellStyle(main, "A7", a7, st.header); err != nil {
		return err
	}
	for i, rec := range rows[1:] {
		y := 9 + i
		for j, v := range rec {
			cell, _ := excelize.CoordinatesToCellName(j+1, y)
			if err := f.SetCellValue(main, cell, v); err != nil {
				return err
			}
		}
		style := st.cell
		if i == len(rows)-2 {
			style = st.total
		}
		end, _ := excelize.CoordinatesToCellName(ncol, y)
		if err := f.SetCellStyle(main, fmt.Sprintf("A%d", y), end, style); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(main, "A", "A", 6); err != nil {
		return err
	}
	if err := f.SetColWidth(main, "C", "C", 28); err != nil {
		return err
	}
	if err := f.SetColWidth(main, "D", last, 14); err != nil {
		return err
	}
	if err := f.SetRowHeight(main, 7, 120); err != nil {
		return err
	}
	if err := detailSheets(f, r, st); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

type styles struct{ bold, boldItalic, title, center, header, cell, total int }

func newStyles(f *excelize.File) (styles, error) {
	border := []excelize.Border{{Type: "left", Style: 1, Color: "000000"}, {Type: "right", Style: 1, Color: "000000"},
		{Type: "top", Style: 1, Color: "000000"}, {Type: "bottom", Style: 1, Color: "000000"}}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	var s styles
	var err error
	for _, x := range []struct {
		p     *int
		style excelize.Style
	}{
		{&s.bold, excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}, Alignment: center}},
		{&s.boldItalic, excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}, Alignment: center}},
		{&s.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: center}},
		{&s.center, excelize.Style{Font: &excelize.Font{Italic: true}, Alignment: center}},
		{&s.header, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: center, Border: border}},
		{&s.cell, excelize.Style{Border: border, NumFmt: 3}},
		{&s.total, excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, NumFmt: 3}},
	} {
		if *x.p, err = f.NewStyle(&x.style); err != nil {
			return s, err
		}
	}
	return s, nil
}

// detailSheets adds the changed households, the unknown indicators and the costs.
func detailSheets(f *excelize.File, r *simulate.Result, st styles) error {
	changes := [][]any{{"STT", "Mã hộ / code", "Mã xã / commune", "Thôn / village", "Nhân khẩu / persons",
		"Đang công nhận / recognised", "Khảo sát hiện tại / current survey", "Mô phỏng / simulated",
		"Nếu chỉ số chưa có thông tin là thiếu hụt / if unknown deprived", "Lý do", "Reason"}}
	for i, c := range r.Changes {
		reason := c.Reason.Text()
		changes = append(changes, []any{i + 1, c.Code, c.CommuneCode, c.VillageName, c.Persons,
			label(c.Status), label(c.Survey), label(c.Simulated), label(c.IfDeprived), reason.VI, reason.EN})
	}
	unknown := [][]any{{"STT", "Chỉ số / indicator", "Số hộ chưa có thông tin / households not answered",
		"Trong đó: hộ cận nghèo sẽ là hộ nghèo nếu thiếu hụt / of which near-poor that would be poor if deprived"}}
	for i, u := range r.Unknown {
		unknown = append(unknown, []any{i + 1, u.Name.VI + " / " + u.Name.EN, u.Households, u.Decisive})
	}
	unknown = append(unknown, []any{}, []any{"", "Số hộ thay đổi so với diện đang công nhận / changed vs recognised status: ít nhất / at least", r.ChangedVsStatus.Min, "nhiều nhất / at most", r.ChangedVsStatus.Max},
		[]any{"", "Số hộ thay đổi so với khảo sát hiện tại / changed vs current survey: ít nhất / at least", r.ChangedVsSurvey.Min, "nhiều nhất / at most", r.ChangedVsSurvey.Max})
	costs := [][]any{{"STT", "Khoản hỗ trợ / support", "Tính theo / per", "Đơn giá (đồng/năm) / unit cost (VND/year)",
		"Số đối tượng đang công nhận / units, recognised", "Kinh phí đang công nhận / amount, recognised",
		"Số đối tượng mô phỏng / units, simulated", "Kinh phí mô phỏng / amount, simulated",
		"Kinh phí mô phỏng nếu chỉ số chưa có thông tin là thiếu hụt / amount if unknown deprived", "Chênh lệch / difference"}}
	for i, c := range r.Costs {
		costs = append(costs, []any{i + 1, c.Name, string(c.Per), c.UnitCost, c.Units[0], c.Amount[0], c.Units[2], c.Amount[2], c.Amount[3], c.Diff()})
	}
	for _, sh := range []struct {
		name string
		rows [][]any
	}{{"Thay doi", changes}, {"Chi so chua co", unknown}, {"Kinh phi", costs}} {
		if _, err := f.NewSheet(sh.name); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(sh.name)
		if err != nil {
			return err
		}
		for i, rec := range sh.rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if i == 0 {
				head := make([]any, len(rec))
				for j, v := range rec {
					head[j] = excelize.Cell{StyleID: st.header, Value: v}
				}
				rec = head
			}
			if err := sw.SetRow(cell, rec); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// label names a class ("" is on no list / not classified).
func label(c poverty.Class) string {
	if c == "" {
		return "không thuộc diện nào / none"
	}
	return c.Label().VI
}
