// Package catalogue reads the GSO catalogue of administrative units in the forms users
// actually have: the plain CSV of this project (code,name,type,level,parent_code), and
// the files downloaded from the GSO site (danhmuchanhchinh.gso.gov.vn) as Excel (.xlsx)
// or CSV, whose Vietnamese headers vary in case, accents and spacing between exports.
// It is the only part of admin that knows about Excel.
package catalogue

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"giamngheo/admin"
)

// Signatures of the formats Read tells apart.
var (
	zipMagic = []byte("PK\x03\x04")                       // .xlsx is a zip archive
	oleMagic = []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") // the old binary .xls
	utf8BOM  = []byte("\xEF\xBB\xBF")
)

// unzipLimit bounds what an uploaded workbook may expand to: the national catalogue is
// about 10 MB unzipped, so 256 MB leaves room and still stops a zip bomb.
const unzipLimit = 256 << 20

// Read reads a catalogue of administrative units from r and checks it with
// admin.CheckCatalogue; filename is used to tell the format (with the content's own
// signature: a zip archive is read as .xlsx) and in messages. It accepts:
//
//   - the plain CSV with header code,name,type,level,parent_code (admin.ParseCatalogue);
//   - the GSO export with one row per commune and the province and district repeated
//     on every row: "Tỉnh / Thành Phố", "Mã TP", "Quận Huyện", "Mã QH", "Phường Xã",
//     "Mã PX", "Cấp", "Tên Tiếng Anh" (the district columns may be absent, as in the
//     two-tier lists from 01/07/2025);
//   - a list with one row per unit: "Mã", "Tên", "Cấp" (Tỉnh, Thành phố Trung ương,
//     Huyện, Quận, Thị xã, Thành phố, Xã, Phường, Thị trấn, Đặc khu) and a parent
//     column such as "Mã cấp trên";
//
// as .xlsx (the first sheet with a recognised header) or CSV (comma, semicolon or tab,
// UTF-8 with or without BOM). Header matching ignores case, diacritics, punctuation and
// extra spaces; the header may follow a few title rows. Codes that Excel stored as
// numbers lost their leading zeros; they are padded back to the width of their level.
// Every error is EINVALID and names the file, and the row and column when there is one.
// The caller bounds the size of r (an upload limit).
func Read(r io.Reader, filename string) ([]admin.Unit, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(len(oleMagic))
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, admin.CSVError(filename, err)
	}
	ext := strings.ToLower(filepath.Ext(filename))
	switch {
	case bytes.HasPrefix(head, zipMagic) || ext == ".xlsx" || ext == ".xlsm":
		return readXLSX(br, filename)
	case bytes.HasPrefix(head, oleMagic) || ext == ".xls":
		return nil, admin.FileError(filename,
			"định dạng Excel cũ (.xls) không được hỗ trợ; hãy mở tệp và lưu lại dưới dạng .xlsx hoặc CSV UTF-8.",
			"the old Excel format (.xls) is not supported; open the file and save it as .xlsx or CSV UTF-8.")
	}
	return readCSV(br, filename)
}

// readXLSX reads the first sheet of the workbook that has a recognised header,
// streaming its rows.
func readXLSX(r io.Reader, filename string) ([]admin.Unit, error) {
	f, err := excelize.OpenReader(r, excelize.Options{UnzipSizeLimit: unzipLimit})
	if err != nil {
		e := admin.FileError(filename,
			"không phải tệp Excel (.xlsx) hợp lệ hoặc tệp bị hỏng, có thể tải về chưa xong; hãy tải lại tệp.",
			"not a valid Excel (.xlsx) workbook, or the file is damaged, perhaps not fully downloaded; download it again.")
		e.MessageEN = strings.TrimSuffix(e.MessageEN, ".") + fmt.Sprintf(" (%v).", err)
		return nil, e
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.Rows(sheet)
		if err != nil {
			return nil, damaged(filename, sheet, err)
		}
		src := &xlsxRows{rows: rows, file: filename, sheet: sheet}
		units, found, err := readTable(src, filename)
		rows.Close()
		if err != nil || found {
			return units, err
		}
	}
	return nil, noHeader(filename)
}

// xlsxRows streams the rows of one sheet.
type xlsxRows struct {
	rows        *excelize.Rows
	file, sheet string
	n           int
}

func (x *xlsxRows) next() ([]string, int, error) {
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return nil, 0, damaged(x.file, x.sheet, err)
		}
		return nil, 0, io.EOF
	}
	x.n++ // Next steps over absent rows too, so this is the sheet's row number
	cells, err := x.rows.Columns()
	if err != nil {
		return nil, 0, damaged(x.file, x.sheet, err)
	}
	return cells, x.n, nil
}

// damaged reports a sheet that could not be read.
func damaged(filename, sheet string, err error) error {
	e := admin.FileError(filename, "không đọc được trang tính %q; tệp có thể bị hỏng.",
		"cannot read sheet %q; the file may be damaged.", sheet)
	e.MessageEN = strings.TrimSuffix(e.MessageEN, ".") + fmt.Sprintf(" (%v).", err)
	return e
}

// readCSV reads a CSV: the plain catalogue through admin.ParseCatalogue, anything else
// as a GSO export.
func readCSV(br *bufio.Reader, filename string) ([]admin.Unit, error) {
	if head, _ := br.Peek(len(utf8BOM)); bytes.Equal(head, utf8BOM) {
		_, _ = br.Discard(len(utf8BOM))
	}
	head, _ := br.Peek(br.Size()) // the first lines, up to the buffer size
	if len(head) == 0 {
		if _, err := br.Peek(1); err != nil && err != io.EOF {
			return nil, admin.CSVError(filename, err)
		}
		return nil, admin.FileError(filename, "tệp trống.", "the file is empty.")
	}
	if isPlainHeader(head) {
		return admin.ParseCatalogue(br, filename)
	}
	cr := csv.NewReader(br)
	cr.Comma = sniffComma(head)
	cr.FieldsPerRecord = -1 // exports pad or trim rows; columns are found by header
	units, found, err := readTable(&csvRows{cr: cr, file: filename}, filename)
	if err == nil && !found {
		err = noHeader(filename)
	}
	return units, err
}

// isPlainHeader reports whether the first line is the header of the plain CSV.
func isPlainHeader(head []byte) bool {
	line, _, _ := bytes.Cut(head, []byte("\n"))
	fields := strings.Split(strings.TrimSpace(string(line)), ",")
	want := map[string]bool{"code": true, "name": true, "type": true, "level": true, "parent_code": true}
	n := 0
	for _, f := range fields {
		if want[strings.ToLower(strings.TrimSpace(f))] {
			n++
		}
	}
	return n == len(want)
}

// sniffComma picks the delimiter with the most fields on any of the first lines: Excel
// writes ";" where the decimal mark is a comma, and "Unicode text" is tab-separated.
func sniffComma(head []byte) rune {
	best, bestN := ',', 0
	lines := bytes.SplitN(head, []byte("\n"), 21)
	for _, c := range []rune{',', ';', '\t'} {
		for _, l := range lines[:min(len(lines), 20)] {
			if n := bytes.Count(l, []byte(string(c))); n > bestN {
				best, bestN = c, n
			}
		}
	}
	return best
}

// csvRows streams the records of a CSV with their line numbers.
type csvRows struct {
	cr   *csv.Reader
	file string
}

func (c *csvRows) next() ([]string, int, error) {
	rec, err := c.cr.Read()
	if err == io.EOF {
		return nil, 0, io.EOF
	} else if err != nil {
		return nil, 0, admin.CSVError(c.file, err)
	}
	line, _ := c.cr.FieldPos(0)
	return rec, line, nil
}

// noHeader reports a file in which no header row was recognised.
func noHeader(filename string) error {
	return admin.FileError(filename,
		"không tìm thấy dòng tiêu đề của danh mục trong 20 dòng đầu. Cần các cột \"Mã\", \"Tên\", \"Cấp\" (và \"Mã cấp trên\"), hoặc \"Mã TP\", \"Tỉnh / Thành Phố\", \"Mã QH\", \"Quận Huyện\", \"Mã PX\", \"Phường Xã\", \"Cấp\" như tệp tải từ trang của Tổng cục Thống kê, hoặc code,name,type,level,parent_code.",
		"no catalogue header in the first 20 rows. Expected the columns \"Mã\", \"Tên\", \"Cấp\" (and \"Mã cấp trên\"), or \"Mã TP\", \"Tỉnh / Thành Phố\", \"Mã QH\", \"Quận Huyện\", \"Mã PX\", \"Phường Xã\", \"Cấp\" as in the GSO download, or code,name,type,level,parent_code.")
}
