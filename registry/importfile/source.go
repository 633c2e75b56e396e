package importfile

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"

	"giamngheo"
	"giamngheo/vntext"
)

// source yields the raw cells of each row of a file, with the row's 1-based number
// (the line of a CSV record's start, the row of a sheet); io.EOF at the end. The cells
// may be reused by the next call.
type source interface {
	next() ([]string, int, error)
	close() error
}

var (
	zipSignature = []byte("PK\x03\x04")
	oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	utf8BOM      = []byte{0xEF, 0xBB, 0xBF}
)

// openSource sniffs the first bytes of r and opens the matching source.
func openSource(r io.Reader, file string) (source, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(8)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, fileError(file, "Không đọc được tệp: %v", "cannot read the file: %v", err)
	}
	lower := strings.ToLower(file)
	switch {
	case len(head) == 0 || bytes.Equal(head, utf8BOM):
		return nil, fileError(file, "Tệp rỗng", "the file is empty")
	case bytes.HasPrefix(head, zipSignature):
		return openXLSX(br, file)
	case bytes.HasPrefix(head, oleSignature) || strings.HasSuffix(lower, ".xls"):
		return nil, fileError(file, "Tệp Excel 97-2003 (.xls) chưa được hỗ trợ; hãy mở bằng Excel và lưu lại dưới dạng .xlsx hoặc CSV",
			"Excel 97-2003 files (.xls) are not supported; open it in Excel and save it as .xlsx or CSV")
	case strings.HasSuffix(lower, ".xlsx") || strings.HasSuffix(lower, ".xlsm"):
		return nil, fileError(file, "Tệp không phải là tệp Excel .xlsx hợp lệ (có thể bị hỏng hoặc tải lên chưa xong)",
			"the file is not a valid .xlsx workbook (it may be damaged or incompletely uploaded)")
	}
	return openCSV(br), nil
}

// fileError is an EINVALID error about the whole file.
func fileError(file, vi, en string, args ...any) *giamngheo.Error {
	e := giamngheo.Errorf(giamngheo.EINVALID, "Tệp %s: "+vi, "file %s: "+en, append([]any{file}, args...)...)
	e.Field = file
	return e
}

// fileErrorText is fileError for messages already formatted, each in its language.
func fileErrorText(file, vi, en string) *giamngheo.Error {
	return &giamngheo.Error{Code: giamngheo.EINVALID, Field: file, Message: "Tệp " + file + ": " + vi, MessageEN: "file " + file + ": " + en}
}

// maxLine bounds a physical line of a CSV file. csv.Reader holds a whole record in
// memory, so a file with no line breaks (a binary file, a corrupted export) would
// otherwise be read whole.
const maxLine = 1 << 20

// errLineTooLong is returned by lineLimit.
var errLineTooLong = giamngheo.Errorf(giamngheo.EINVALID,
	"Tệp có một dòng dài hơn %d MB; đây không phải tệp CSV danh sách hộ, hoặc tệp bị hỏng",
	"the file has a line longer than %d MB; it is not a household CSV, or it is damaged", maxLine>>20)

// lineLimit fails once a physical line exceeds maxLine bytes.
type lineLimit struct {
	r   io.Reader
	run int // bytes since the last line break
}

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	if i := bytes.LastIndexByte(p[:n], '\n'); i >= 0 {
		l.run = n - i - 1
	} else {
		l.run += n
	}
	if l.run > maxLine {
		return n, errLineTooLong
	}
	return n, err
}

// csvSource reads a CSV file; cells are raw bytes, decoded later once the encoding is
// known.
type csvSource struct{ r *csv.Reader }

func openCSV(br *bufio.Reader) *csvSource {
	if b, _ := br.Peek(3); bytes.Equal(b, utf8BOM) {
		br.Discard(3)
	}
	cr := csv.NewReader(&lineLimit{r: br})
	cr.Comma = sniffComma(br)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	return &csvSource{r: cr}
}

// sniffComma picks the separator of the first line: the most frequent of comma,
// semicolon (Excel's CSV where the decimal mark is a comma, as in Vietnamese
// settings) and tab, outside quotes. Comma wins ties.
func sniffComma(br *bufio.Reader) rune {
	b, _ := br.Peek(br.Size())
	counts := map[byte]int{}
	quoted := false
	for _, c := range b {
		if c == '"' {
			quoted = !quoted
		} else if !quoted && (c == '\n' || c == '\r') {
			break
		} else if !quoted {
			counts[c]++
		}
	}
	best := byte(',')
	for _, c := range []byte{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}

func (s *csvSource) next() ([]string, int, error) {
	rec, err := s.r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.Is(err, errLineTooLong) {
			return nil, 0, errLineTooLong
		}
		if errors.As(err, &pe) {
			return nil, pe.StartLine, giamngheo.Errorf(giamngheo.EINVALID, "Dòng %d: tệp CSV sai cấu trúc (%v)", "line %d: malformed CSV (%v)", pe.StartLine, pe.Err)
		}
		return nil, 0, err
	}
	for i, c := range rec {
		rec[i] = unneutralise(c) // our exports' apostrophe before a formula (formula.go)
	}
	line, _ := s.r.FieldPos(0)
	return rec, line, nil
}

func (s *csvSource) close() error { return nil }

// xlsxSource reads the first sheet of a workbook with excelize's row iterator. The
// upload is spooled to a temporary file first: a zip needs random access, and
// excelize's OpenReader would hold the whole file in memory.
type xlsxSource struct {
	file string
	tmp  string
	f    *excelize.File
	rows *excelize.Rows
	row  int
	// XML decoding is most of the cost of an XLSX import, so a goroutine decodes rows
	// ahead into ahead while the reader builds households from the ones before.
	ahead chan xlsxRow
	stop  chan struct{}
	done  chan struct{}
	last  int // row of the last row handed out
}

// xlsxRow is one decoded row, or the error that ended the sheet.
type xlsxRow struct {
	cells []string
	row   int
	err   error
}

// xlsxAhead bounds the rows decoded ahead (a few hundred kilobytes).
const xlsxAhead = 256

// xlsxDamaged is the message for a workbook that cannot be read to its end.
func xlsxDamaged(file string, err error) *giamngheo.Error {
	return fileError(file, "tệp Excel bị hỏng hoặc không đầy đủ (có thể tải lên chưa xong); hãy mở lại bằng Excel, lưu lại và tải lên lại (%v)",
		"the workbook is damaged or incomplete (perhaps not fully uploaded); open it in Excel, save it again and upload it again (%v)", err)
}

func openXLSX(r io.Reader, file string) (_ *xlsxSource, err error) {
	tmp, err := os.CreateTemp(Dir(), "giamngheo-import-*.xlsx")
	if err != nil {
		return nil, err
	}
	s := &xlsxSource{file: file, tmp: tmp.Name()}
	defer func() {
		if p := recover(); p != nil {
			err = xlsxDamaged(file, fmt.Errorf("%v", p))
		}
		if err != nil {
			s.close()
		}
	}()
	if _, err := io.Copy(tmp, r); err != nil {
		tmp.Close()
		return nil, fileError(file, "Không đọc được tệp: %v", "cannot read the file: %v", err)
	}
	if err := tmp.Close(); err != nil {
		return nil, err
	}
	if err := checkZip(s.tmp, file); err != nil { // limits.go: no zip bomb
		return nil, err
	}
	if s.f, err = excelize.OpenFile(s.tmp, xlsxOptions()); err != nil {
		return nil, xlsxDamaged(file, err)
	}
	sheets := s.f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fileError(file, "tệp Excel không có trang tính nào", "the workbook has no sheet")
	}
	sheet := sheets[0]
	if headerKey(sheet) == headerKey(guideSheet) && len(sheets) > 1 {
		sheet = sheets[1]
	}
	if s.rows, err = s.f.Rows(sheet); err != nil {
		return nil, xlsxDamaged(file, err)
	}
	return s, nil
}

func (s *xlsxSource) next() ([]string, int, error) {
	if s.ahead == nil {
		s.ahead, s.stop, s.done = make(chan xlsxRow, xlsxAhead), make(chan struct{}), make(chan struct{})
		go s.decodeAhead()
	}
	r, ok := <-s.ahead
	if !ok {
		return nil, s.last, io.EOF
	}
	s.last = r.row
	return r.cells, r.row, r.err
}

// decodeAhead decodes the rows until the first error (io.EOF at the end) or until
// close stops it.
func (s *xlsxSource) decodeAhead() {
	defer close(s.done)
	defer close(s.ahead)
	for {
		cells, row, err := s.decode()
		select {
		case s.ahead <- xlsxRow{cells, row, err}:
		case <-s.stop:
			return
		}
		if err != nil {
			return
		}
	}
}

// decode decodes the next row of the sheet.
func (s *xlsxSource) decode() (cells []string, row int, err error) {
	defer func() {
		if p := recover(); p != nil {
			cells, err = nil, xlsxDamaged(s.file, fmt.Errorf("%v", p))
		}
	}()
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, s.row, xlsxDamaged(s.file, err)
		}
		return nil, s.row, io.EOF
	}
	s.row++
	if cells, err = s.rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
		return nil, s.row, xlsxDamaged(s.file, err)
	}
	return cells, s.row, checkRow(cells, s.file, s.row)
}

func (s *xlsxSource) close() error {
	if s.ahead != nil {
		close(s.stop)
		<-s.done
		s.ahead = nil
	}
	var first error
	if s.rows != nil {
		first = s.rows.Close()
	}
	if s.f != nil {
		if err := s.f.Close(); err != nil && first == nil {
			first = err
		}
	}
	if s.tmp != "" {
		if err := os.Remove(s.tmp); err != nil && first == nil {
			first = err
		}
		s.tmp = ""
	}
	return first
}

// decoder turns raw cells into clean NFC text once the file's encoding is known.
type decoder struct{ enc vntext.Encoding }

// reading says how a cell was read when not simply in the file's encoding: as legacy
// text pasted into a Unicode file (enc TCVN3 or VNI), or not at all (undecided: the
// text is garbled and no encoding explains it).
type reading struct {
	enc       vntext.Encoding // vntext.Unknown: the file's encoding
	undecided bool
}

// text returns the cell's text, however it was read.
func (d decoder) text(s string) string {
	t, _ := d.cell(s)
	return t
}

// cell returns the cell's text and how it was read. A Unicode file is read cell by
// cell (vntext.DecodeCell), so that text pasted from an old .VnTime or VNI document
// is decoded, or flagged; a legacy file is decoded as a whole (vntext.Decode keeps
// the cells already retyped in Unicode).
func (d decoder) cell(s string) (string, reading) {
	if cleanASCII(s) {
		return s, reading{} // the common case of codes, dates and numbers: nothing to do
	}
	if isASCII(s) {
		return vntext.Clean(s), reading{}
	}
	switch {
	case d.enc != vntext.UTF8:
		return vntext.Clean(vntext.Decode([]byte(s), d.enc)), reading{}
	case !vntext.MaybeLegacy(s):
		return vntext.Clean(s), reading{} // a Unicode name: "Nguyễn", "Thị", "Văn"
	}
	t, enc, ok := vntext.DecodeCell(s)
	switch {
	case !ok:
		return vntext.Clean(t), reading{undecided: true}
	case enc != vntext.UTF8:
		return vntext.Clean(t), reading{enc: enc}
	}
	return vntext.Clean(t), reading{}
}

// cleanASCII reports whether s is printable ASCII that vntext.Clean would leave as
// it is: no leading, trailing or doubled space.
func cleanASCII(s string) bool {
	prev := byte(' ')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c >= 0x7F || c == ' ' && prev == ' ' {
			return false
		}
		prev = c
	}
	return prev != ' ' || len(s) == 0
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
