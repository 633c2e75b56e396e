package importfile

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"giamngheo"
	"giamngheo/internal/testenv"
)

// bomb returns a workbook whose sheet is declared to inflate to declared bytes and
// really inflates to actual bytes of the same character.
func bomb(t *testing.T, part string, declared, actual int64) []byte {
	t.Helper()
	var tpl bytes.Buffer
	if err := WriteTemplateXLSX(&tpl); err != nil {
		t.Fatal(err)
	}
	b, err := testenv.ZipBomb(tpl.Bytes(), part, declared, actual)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestZipBombRefused: a workbook that inflates to gigabytes is refused before it is
// unpacked, with a message saying so; one that lies about its size fails as damaged
// without inflating further; and no temporary file stays behind (issue 10, item 4).
func TestZipBombRefused(t *testing.T) {
	TempDir = t.TempDir()
	defer func() { TempDir = "" }()
	for _, tc := range []struct {
		name             string
		part             string
		declared, actual int64
		want             string
	}{
		{"sheet of 4 GB", "xl/worksheets/sheet1.xml", 4 << 30, 1 << 20, "quá lớn"},
		{"shared strings of 200 MB", "xl/sharedStrings.xml", 200 << 20, 1 << 20, "quá lớn"},
		{"ratio of a bomb", "xl/worksheets/sheet1.xml", 100 << 20, 100 << 20, "quá lớn"},
		// archive/zip stops at the declared size: the sheet reads as empty.
		{"lying sizes", "xl/worksheets/sheet1.xml", 1 << 10, 50 << 20, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := bomb(t, tc.part, tc.declared, tc.actual)
			var before runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			rd, err := Open(bytes.NewReader(data), "bom.xlsx")
			if err == nil {
				for err == nil {
					_, _, err = rd.Next()
				}
				rd.Close()
			}
			if err == nil || err == io.EOF || !strings.Contains(giamngheo.ErrorMessage(err), tc.want) {
				t.Fatalf("%d-byte bomb: %v, want an error saying %q", len(data), err, tc.want)
			}
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			if grown := int64(after.HeapAlloc) - int64(before.HeapAlloc); grown > 64<<20 {
				t.Errorf("the heap grew by %d MB refusing the bomb", grown>>20)
			}
			left, _ := filepath.Glob(filepath.Join(TempDir, "*"))
			if len(left) != 0 {
				t.Fatalf("temporary files left: %v", left)
			}
		})
	}
}

// TestTooManyColumnsRefused: a workbook row of more cells than MaxColumns is refused
// with a message naming the row.
func TestTooManyColumnsRefused(t *testing.T) {
	f := excelize.NewFile()
	row := make([]any, MaxColumns+10)
	for i := range row {
		row[i] = "x"
	}
	if err := f.SetSheetRow("Sheet1", "A1", &row); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	_, err := readAllErr(&b, "rong.xlsx")
	if giamngheo.ErrorCode(err) != giamngheo.EINVALID || !strings.Contains(giamngheo.ErrorMessage(err), "510 cột") {
		t.Fatalf("a row of %d cells: %v", len(row), err)
	}
}

func readAllErr(r io.Reader, name string) (int, error) {
	rd, err := Open(r, name)
	if err != nil {
		return 0, err
	}
	defer rd.Close()
	n := 0
	for {
		_, _, err := rd.Next()
		if err == io.EOF {
			return n, nil
		} else if err != nil {
			return n, err
		}
		n++
	}
}

// TestRemoveStale: the temporary files a killed import left are removed at start-up,
// and nothing else.
func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"giamngheo-import-1.xlsx", "giamngheo-dup-2", "keep.txt"} {
		os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o600)
	}
	n, err := RemoveStale(dir)
	if err != nil || n != 2 {
		t.Fatalf("RemoveStale = %d, %v; want 2", n, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "keep.txt")); err != nil {
		t.Fatal("RemoveStale removed a file that is not an import's")
	}
}
