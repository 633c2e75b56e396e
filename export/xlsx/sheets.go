// Package xlsx writes simple workbooks (one table per sheet) with excelize's stream
// writer, for the lists officers edit or attach to documents.
package xlsx

import (
	"io"

	"github.com/xuri/excelize/v2"
)

// Sheet is one table: a name, a header row and the rows.
type Sheet struct {
	Name   string
	Header []string
	Rows   [][]any
}

// WriteSheets writes the sheets to w as a workbook; the header row is bold.
func WriteSheets(w io.Writer, sheets []Sheet) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.Name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(sh.Name); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(sh.Name)
		if err != nil {
			return err
		}
		head := make([]any, len(sh.Header))
		for j, h := range sh.Header {
			head[j] = excelize.Cell{StyleID: bold, Value: h}
		}
		if err := sw.SetRow("A1", head); err != nil {
			return err
		}
		for r, row := range sh.Rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+2)
			if err := sw.SetRow(cell, row); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}
