package importfile

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"giamngheo"
)

// TempDir is where an import spools a workbook and keeps its temporary files ("":
// the system's temporary directory). The server sets it to a private directory
// under its data directory, whose leftovers RemoveStale clears at start-up.
var TempDir string

// Dir returns TempDir when it exists, else "" (the system's temporary directory).
func Dir() string {
	if TempDir != "" {
		if st, err := os.Stat(TempDir); err == nil && st.IsDir() {
			return TempDir
		}
	}
	return ""
}

// Temporary files of an import are named with this prefix (RemoveStale).
const tempPrefix = "giamngheo-"

// RemoveStale removes the temporary files an import left in dir when the process was
// killed (an import removes its own when it ends). It returns how many it removed.
func RemoveStale(dir string) (int, error) {
	if dir == "" {
		return 0, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		if os.IsNotExist(err) {
			return 0, nil
		}
		return 0, err
	}
	n := 0
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasPrefix(e.Name(), tempPrefix) {
			if err := os.Remove(filepath.Join(dir, e.Name())); err == nil {
				n++
			}
		}
	}
	return n, nil
}

// Limits on a workbook, checked before it is opened: a zip file of a few kilobytes
// can inflate to gigabytes (a zip bomb) and take the server's memory or disk.
// archive/zip refuses a part that inflates beyond its declared size, so the declared
// sizes can be trusted.
const (
	// MaxXLSXUnzipped bounds the inflated size of a workbook: a sheet of Excel's
	// 1,048,576 rows of households is about 700 MB of XML.
	MaxXLSXUnzipped = 1 << 30
	// maxXLSXInMemory bounds a part that excelize reads into memory whole (the shared
	// strings, the workbook): the sheets themselves are streamed.
	maxXLSXInMemory = 128 << 20
	// maxXLSXRatio is the largest inflation of the whole file: a workbook of text
	// inflates about 5 to 20 times; a bomb, hundreds or thousands.
	maxXLSXRatio = 200
	// maxXLSXParts bounds the number of files in the zip.
	maxXLSXParts = 10000
	// MaxColumns bounds the cells of a row (the template has fewer than 50 columns).
	MaxColumns = 500
	// MaxCellLength bounds a cell in characters, as Excel does.
	MaxCellLength = excelize.TotalCellChars
)

// xlsxOptions are the options a workbook is opened with.
func xlsxOptions() excelize.Options {
	return excelize.Options{UnzipSizeLimit: MaxXLSXUnzipped, UnzipXMLSizeLimit: 16 << 20, TmpDir: Dir()}
}

// tooLarge is the message for a workbook refused by the limits.
func tooLarge(file string) *giamngheo.Error {
	return fileError(file, "tệp Excel khi giải nén quá lớn (tối đa %d MB) hoặc có cấu trúc bất thường (có thể là tệp độc hại); hãy lưu lại danh sách dưới dạng CSV hoặc chia thành nhiều tệp",
		"the workbook is too large once unzipped (%d MB at most) or abnormally built (it may be malicious); save the list as CSV or split it into several files", MaxXLSXUnzipped>>20)
}

// checkZip refuses a workbook that would inflate beyond the limits.
func checkZip(path, file string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return xlsxDamaged(file, err)
	}
	defer zr.Close()
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if len(zr.File) > maxXLSXParts {
		return tooLarge(file)
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		name := strings.ToLower(f.Name)
		inMemory := !strings.HasPrefix(name, "xl/worksheets/")
		if total > MaxXLSXUnzipped || inMemory && f.UncompressedSize64 > maxXLSXInMemory {
			return tooLarge(file)
		}
	}
	if total > 16<<20 && total > uint64(st.Size())*maxXLSXRatio {
		return tooLarge(file)
	}
	return nil
}

// checkRow refuses a row with too many cells or a cell longer than Excel allows.
func checkRow(cells []string, file string, row int) error {
	if len(cells) > MaxColumns {
		return fileError(file, "dòng %d có %d cột, quá %d cột; đây không phải danh sách hộ theo mẫu",
			"row %d has %d columns, more than %d; this is not a household list in the template's layout", row, len(cells), MaxColumns)
	}
	for _, c := range cells {
		if len(c) > 4*MaxCellLength { // bytes: up to 4 per character
			return fileError(file, "dòng %d có một ô dài quá %d ký tự", "row %d has a cell longer than %d characters", row, MaxCellLength)
		}
	}
	return nil
}
