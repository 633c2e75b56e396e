package importfile

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

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

// fieldInParens finds a field name in parentheses: " (income_12m)", " (score_answers)".
var fieldInParens = regexp.MustCompile(` ?\(([a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]+\[[0-9]+\]\.[a-z_0-9]+)\)`)

// officerText replaces the field names a message gives in parentheses by the column
// the officer sees in the file (its header, or the template's when the file lacks
// it), and drops those that name no column: officers do not know "income_12m".
func (r *Reader) officerText(msg string, vi bool) string {
	if !strings.Contains(msg, "_") {
		return msg
	}
	return fieldInParens.ReplaceAllStringFunc(msg, func(m string) string {
		f := fieldInParens.FindStringSubmatch(m)[1]
		if i := strings.LastIndexByte(f, '.'); i >= 0 {
			f = f[i+1:]
		}
		id, ok := fieldColumns[f]
		if !ok {
			return ""
		}
		h := columns[id].Header
		if i := r.colIdx[id]; i >= 0 && i < len(r.header) && r.header[i] != "" {
			h = r.header[i]
		}
		if vi {
			return " (cột " + strconv.Quote(h) + ")"
		}
		return " (column " + strconv.Quote(h) + ")"
	})
}

// SkippedIssue returns the issue that tells the officer that the household Next
// returned last, with these issues, is not stored (the import skips invalid
// households), naming its rows and its first error.
func (r *Reader) SkippedIssue(issues []Issue) Issue {
	code, first, last := "", 0, 0
	if b := r.last; b != nil {
		code, first, last = b.h.Code, b.firstNo, b.lastNo
	}
	n, where, whereEN := 0, "", ""
	for _, is := range issues {
		if !is.IsError() {
			continue
		}
		if n++; n > 1 {
			continue
		}
		switch {
		case is.Row > 0 && is.Column != "":
			where, whereEN = fmt.Sprintf("dòng %d, cột %q", is.Row, is.Column), fmt.Sprintf("row %d, column %q", is.Row, is.Column)
		case is.Row > 0:
			where, whereEN = fmt.Sprintf("dòng %d", is.Row), fmt.Sprintf("row %d", is.Row)
		}
	}
	rows, rowsEN := fmt.Sprintf("dòng %d", first), fmt.Sprintf("row %d", first)
	if last > first {
		rows, rowsEN = fmt.Sprintf("dòng %d–%d", first, last), fmt.Sprintf("rows %d–%d", first, last)
	}
	p := &problem{
		vi: fmt.Sprintf("hộ %s (%s) bị bỏ qua, không được nhập, vì có %d lỗi", code, rows, n),
		en: fmt.Sprintf("household %s (%s) is skipped, not imported, because of %d errors", code, rowsEN, n)}
	if where != "" {
		p.vi += " (lỗi đầu tiên ở " + where + ")"
		p.en += " (the first at " + whereEN + ")"
	}
	p.vi += "; các hộ hợp lệ khác vẫn được nhập"
	p.en += "; the other, valid households are imported"
	return newIssue(r.file, first, "", "", p)
}
