package importfile

import (
	"encoding/csv"
	"io"

	"github.com/xuri/excelize/v2"
)

// Sheet names of the template workbook.
const (
	dataSheet  = "Danh sách"
	guideSheet = "Hướng dẫn"
)

// exampleRows returns the header row and the three rows of the example household.
func exampleRows() [][]string {
	rows := make([][]string, 4)
	for _, c := range columns {
		rows[0] = append(rows[0], c.Header)
		for i := 0; i < 3; i++ {
			rows[i+1] = append(rows[i+1], c.Example[i])
		}
	}
	return rows
}

// WriteTemplateCSV writes the template as UTF-8 CSV with a byte-order mark (so that
// Excel opens it as Unicode): the header row and an example household of three
// members.
func WriteTemplateCSV(w io.Writer) error {
	if _, err := w.Write(utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(exampleRows()); err != nil {
		return err
	}
	return cw.Error()
}

// WriteTemplateXLSX writes the template workbook: a sheet "Danh sách" with the header
// row and an example household of three members, its identity-number and date columns
// formatted as text so that Excel keeps leading zeros and typed dates, and a sheet
// "Hướng dẫn" describing each column and its allowed values.
func WriteTemplateXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", dataSheet); err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": text
	if err != nil {
		return err
	}
	for i, row := range exampleRows() {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		vals := make([]any, len(row))
		for j, v := range row {
			vals[j] = v
		}
		if err := f.SetSheetRow(dataSheet, cell, &vals); err != nil {
			return err
		}
	}
	last, _ := excelize.ColumnNumberToName(len(columns))
	if err := f.SetCellStyle(dataSheet, "A1", last+"1", head); err != nil {
		return err
	}
	if err := f.SetColWidth(dataSheet, "A", last, 18); err != nil {
		return err
	}
	for i, c := range columns {
		if c.id == colCode || c.id == colNationalID || c.id == colBirthDate || c.id == colPhone || c.id == colCommune || c.id == colProvince {
			col, _ := excelize.ColumnNumberToName(i + 1)
			if err := f.SetColStyle(dataSheet, col, text); err != nil {
				return err
			}
			if err := f.SetCellStyle(dataSheet, col+"1", col+"1", head); err != nil {
				return err
			}
		}
	}
	if err := f.SetPanes(dataSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}

	if _, err := f.NewSheet(guideSheet); err != nil {
		return err
	}
	guide := [][]any{{"Cột", "Bắt buộc", "Loại", "Mô tả", "Giá trị cho phép", "Tên cột khác được chấp nhận"}}
	for _, c := range columns {
		req, level := "", "Thành viên"
		if c.Required {
			req = "Có"
		}
		if c.Level == HouseholdLevel {
			level = "Hộ"
		}
		aliases := ""
		for i, a := range c.Aliases {
			if i > 0 {
				aliases += "; "
			}
			aliases += a
		}
		guide = append(guide, []any{c.Header, req, level, c.Help, c.Allowed, aliases})
	}
	guide = append(guide, []any{}, []any{"Ghi chú", "", "",
		"Mỗi dòng là một thành viên; chủ hộ ở dòng đầu của hộ. Các cột loại Hộ ghi ở dòng đầu của hộ (có thể ghi lặp lại ở các dòng sau; nếu khác nhau, dùng giá trị dòng đầu). Tên cột không phân biệt chữ hoa, chữ thường, dấu và khoảng trắng. Tệp CSV có thể dùng dấu phẩy hoặc chấm phẩy, bảng mã Unicode, TCVN3 (ABC) hoặc VNI."})
	for i, row := range guide {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(guideSheet, cell, &row); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(guideSheet, "A1", "F1", head); err != nil {
		return err
	}
	for col, width := range map[string]float64{"A": 30, "B": 10, "C": 12, "D": 70, "E": 60, "F": 50} {
		if err := f.SetColWidth(guideSheet, col, col, width); err != nil {
			return err
		}
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	lastRow, _ := excelize.CoordinatesToCellName(6, len(guide))
	if err := f.SetCellStyle(guideSheet, "A2", lastRow, wrap); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}
