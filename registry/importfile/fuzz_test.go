package importfile

import (
	"bytes"
	"io"
	"testing"
)

// readFuzz reads a whole file as the import does; it may fail, never panic nor hang.
func readFuzz(t *testing.T, data []byte, name string) {
	rd, err := Open(bytes.NewReader(data), name)
	if err != nil {
		return
	}
	defer rd.Close()
	for i := 0; i < 100000; i++ {
		h, _, err := rd.Next()
		if err == io.EOF || err != nil {
			return
		}
		if h == nil {
			t.Fatal("Next returned no household and no error")
		}
	}
}

// FuzzCSVReader: any bytes given as a CSV file are read without a panic (issue 10,
// item 10). `go test` runs the seeds; `go test -fuzz FuzzCSVReader` explores.
func FuzzCSVReader(f *testing.F) {
	var tpl bytes.Buffer
	if err := WriteTemplateCSV(&tpl); err != nil {
		f.Fatal(err)
	}
	f.Add(tpl.Bytes())
	f.Add(bytes.ReplaceAll(tpl.Bytes(), []byte(","), []byte(";")))
	f.Add([]byte("Mã hộ,Họ và tên\n\"unterminated,x\n"))
	f.Add([]byte("\xef\xbb\xbf'=cmd|' /C calc'!A0,@SUM(1)\n-1,+2\n"))
	f.Add([]byte("M\xe3 h\xe9,Hä v\xb5 t\xaan\nHD-1,NguyÔn V¨n A\n")) // TCVN3 bytes
	f.Fuzz(func(t *testing.T, data []byte) {
		readFuzz(t, data, "fuzz.csv")
	})
}

// FuzzXLSXReader: any bytes given as a workbook are refused or read without a panic.
func FuzzXLSXReader(f *testing.F) {
	var tpl bytes.Buffer
	if err := WriteTemplateXLSX(&tpl); err != nil {
		f.Fatal(err)
	}
	f.Add(tpl.Bytes())
	f.Add(tpl.Bytes()[:len(tpl.Bytes())/2])
	f.Add([]byte("PK\x03\x04garbage"))
	f.Fuzz(func(t *testing.T, data []byte) {
		readFuzz(t, data, "fuzz.xlsx")
	})
}
