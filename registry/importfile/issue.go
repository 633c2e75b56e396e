package importfile

import (
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"giamngheo"
)

// Severities of an Issue.
const (
	// SeverityError: the household must not be stored as read.
	SeverityError = "error"
	// SeverityWarning: the household may be stored, but an officer should look.
	SeverityWarning = "warning"
)

// Issue is one problem found in a file. Message names the file, the row and the column
// in Vietnamese, so that it can be shown on its own; MessageEN is its English form.
type Issue struct {
	File string `json:"file"`
	// Row is the 1-based row of the sheet (the line of the CSV), 0 for the whole file.
	Row int `json:"row"`
	// Column is the header as written in the file (the template's header when the
	// column is missing), "" for the whole row.
	Column    string `json:"column,omitempty"`
	Message   string `json:"message"`
	MessageEN string `json:"message_en"`
	Severity  string `json:"severity"`
}

// IsError reports whether the issue blocks the household.
func (i Issue) IsError() bool { return i.Severity == SeverityError }

// HasError reports whether any issue is an error.
func HasError(issues []Issue) bool {
	for _, i := range issues {
		if i.IsError() {
			return true
		}
	}
	return false
}

// newIssue places p at file, row and column (header text and sheet letter, either
// may be empty).
func newIssue(file string, row int, column, letter string, p *problem) Issue {
	where, whereEN := "Tệp "+file, "file "+file
	if row > 0 {
		where += ", dòng " + strconv.Itoa(row)
		whereEN += ", row " + strconv.Itoa(row)
	}
	if column != "" {
		c := fmt.Sprintf("%q", column)
		if letter != "" {
			c += " (" + letter + ")"
		}
		where += ", cột " + c
		whereEN += ", column " + c
	}
	sev := SeverityError
	if p.warning {
		sev = SeverityWarning
	}
	return Issue{File: file, Row: row, Column: column, Severity: sev,
		Message: where + ": " + p.vi, MessageEN: whereEN + ": " + p.en}
}

// reportHeaders are the columns of the report, in Vietnamese.
var reportHeaders = []any{"Tệp", "Dòng", "Cột", "Mức độ", "Nội dung", "Nội dung (tiếng Anh)"}

// WriteReportXLSX writes issues as a workbook with one row per issue (Tệp, Dòng, Cột,
// Mức độ, Nội dung), for officers to download and correct their file. It streams, so
// a long report costs little memory.
func WriteReportXLSX(w io.Writer, issues []Issue) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Báo cáo lỗi"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, width := range []float64{24, 8, 24, 10, 90, 60} {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if err := sw.SetRow("A1", reportHeaders); err != nil {
		return err
	}
	for n, is := range issues {
		level := "Lỗi"
		if is.Severity == SeverityWarning {
			level = "Cảnh báo"
		}
		var row any = is.Row
		if is.Row == 0 {
			row = ""
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := sw.SetRow(cell, []any{is.File, row, is.Column, level, is.Message, is.MessageEN}); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}

// FileIssue turns an error about the whole file (from Open or Next) into an issue, so
// that the per-row report still says why nothing was read.
func FileIssue(file string, err error) Issue {
	var e *giamngheo.Error
	if !errors.As(err, &e) || e.Code != giamngheo.EINVALID {
		return Issue{File: file, Severity: SeverityError, Message: "Tệp " + file + ": lỗi khi đọc tệp", MessageEN: "file " + file + ": error while reading the file"}
	}
	return Issue{File: file, Severity: SeverityError, Message: e.Message, MessageEN: e.MessageEN}
}
