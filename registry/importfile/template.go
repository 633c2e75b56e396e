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

// requiredMark follows the header of a required column in the template, as official
// forms mark their required fields; the reader ignores it (headerKey drops what is in
// parentheses).
const requiredMark = " (*)"

// templateHeader is the header of c as the template writes it.
func templateHeader(c Column) string {
	if c.Required {
		return c.Header + requiredMark
	}
	return c.Header
}

// exampleRows returns the header row and the three rows of the example household.
func exampleRows() [][]string {
	rows := make([][]string, 4)
	for _, c := range columns[:templateColumns] {
		rows[0] = append(rows[0], templateHeader(c))
		for i := 0; i < 3; i++ {
			rows[i+1] = append(rows[i+1], c.Example[i])
		}
	}
	return rows
}

// WriteTemplateCSV writes the template as UTF-8 CSV with a byte-order mark (so that
// Excel opens it as Unicode): the header row, the required columns marked "(*)", and
// an example household of three members.
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
// row, the required columns marked "(*)" and shaded, and an example household of three
// members, its identity-number and date columns formatted as text so that Excel keeps
// leading zeros and typed dates, and a sheet "Hướng dẫn" describing each column, its
// allowed values and whether it is required.
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
	required, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "9C0006"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FCE4D6"}},
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
	last, _ := excelize.ColumnNumberToName(templateColumns)
	if err := f.SetCellStyle(dataSheet, "A1", last+"1", head); err != nil {
		return err
	}
	if err := f.SetColWidth(dataSheet, "A", last, 18); err != nil {
		return err
	}
	for i, c := range columns[:templateColumns] {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if c.id == colCode || c.id == colNationalID || c.id == colBirthDate || c.id == colPhone || c.id == colCommune || c.id == colProvince {
			if err := f.SetColStyle(dataSheet, col, text); err != nil {
				return err
			}
		}
		style := head
		if c.Required {
			style = required
		}
		if err := f.SetCellStyle(dataSheet, col+"1", col+"1", style); err != nil {
			return err
		}
	}
	if err := f.SetPanes(dataSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}

	if _, err := f.NewSheet(guideSheet); err != nil {
		return err
	}
	guide := [][]any{{"Cột", "Bắt buộc (*)", "Loại", "Mô tả", "Giá trị cho phép", "Tên cột khác được chấp nhận"}}
	for _, c := range columns {
		req, level := "", "Thành viên"
		if c.Required {
			req = "Có (*)"
		}
		if c.Recognition {
			req = "Chỉ khi nhập danh sách đã công nhận"
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
	guide = append(guide, []any{}, []any{"(*) Cột bắt buộc", "", "",
		"Các cột có dấu (*) phải có trong tệp và phải được ghi: cột loại Thành viên ở mọi dòng, cột loại Hộ ở dòng đầu của hộ. " +
			"Thu nhập 12 tháng là bắt buộc vì chuẩn nghèo xét thu nhập (Nghị định 07/2021/NĐ-CP, Điều 3); hộ được chấm điểm theo bảng B1 thay cho thu nhập thì nhập câu trả lời B1 trên trang của hộ. " +
			"Thiếu một cột bắt buộc thì tệp không được nhập; thiếu một ô bắt buộc thì hộ đó bị báo lỗi."},
		[]any{"Ghi chú", "", "",
			"Mỗi dòng là một thành viên; chủ hộ ở dòng đầu của hộ. Các cột loại Hộ ghi ở dòng đầu của hộ (có thể ghi lặp lại ở các dòng sau; nếu khác nhau, dùng giá trị dòng đầu). " +
				"Tên cột không phân biệt chữ hoa, chữ thường, dấu, khoảng trắng và phần trong ngoặc; tiêu đề có thể gồm hai dòng (tên nhóm gộp ô ở trên, tên cột ở dưới), và dòng đánh số cột (1), (2) … ngay dưới tiêu đề được bỏ qua. " +
				"Dòng tổng cộng, ghi chú, địa danh ngày tháng và chữ ký ở dưới bảng không được đọc là hộ. " +
				"Tệp có thể dùng bảng mã Unicode, TCVN3 (ABC, phông .VnTime) hoặc VNI; ô dán từ văn bản cũ vào tệp Unicode được chuyển mã và báo lại để kiểm tra. Tệp CSV có thể dùng dấu phẩy hoặc chấm phẩy."})
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
