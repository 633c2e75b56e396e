// Command xlsxloop is the floor of the XLSX import benchmark (bench/import.sh): a bare
// excelize Rows() loop over the data sheet of a workbook, reading every row's cells
// the way registry/importfile does (Columns with RawCellValue) and doing nothing
// else. It prints the rows read and the rows per second.
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/xuri/excelize/v2"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: xlsxloop FILE.xlsx")
		os.Exit(2)
	}
	start := time.Now()
	f, err := excelize.OpenFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	sheet := sheets[0] // the data sheet, chosen as registry/importfile does
	if sheet == "Hướng dẫn" && len(sheets) > 1 {
		sheet = sheets[1]
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	n, cells := 0, 0
	for rows.Next() {
		cs, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		n++
		cells += len(cs)
	}
	if err := rows.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	d := time.Since(start)
	fmt.Printf("rows=%d cells=%d seconds=%.2f rows_per_s=%.0f\n", n, cells, d.Seconds(), float64(n)/d.Seconds())
}
