package importfile

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeMembersCSV writes a file of n member rows in the template's columns, three
// members per household, as an officer's export would be.
func writeMembersCSV(w io.Writer, n int) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	rows := exampleRows()
	if err := cw.Write(rows[0]); err != nil {
		return err
	}
	given := []string{"An", "Bình", "Cường", "Dũng", "Hương", "Lan", "Minh", "Nga", "Phúc", "Quỳnh"}
	rec := make([]string, len(rows[1]))
	for i := 0; i < n; i++ {
		copy(rec, rows[1+i%3])
		rec[colCode] = fmt.Sprintf("HD-%07d", i/3)
		rec[colName] = "Nguyễn Văn " + given[(i/3)%len(given)]
		rec[colNationalID] = ""
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// TestStreamingMemory reads 200,000 member rows streamed through a pipe (the file is
// never whole in memory) and checks that the heap in use stays bounded.
func TestStreamingMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 200,000 rows")
	}
	const members, limit = 200_000, 64 << 20
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(writeMembersCSV(pw, members)) }()
	runtime.GC()
	r, err := Open(pr, "lon.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var ms runtime.MemStats
	var peak uint64
	households, read := 0, 0
	for {
		h, iss, err := r.Next()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if HasError(iss) {
			t.Fatalf("household %s: %+v", h.Code, iss)
		}
		households++
		read += len(h.Members)
		if households%2000 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
	}
	if read != members || households != members/3+1 {
		t.Errorf("read %d members in %d households, want %d in %d", read, households, members, members/3+1)
	}
	t.Logf("peak HeapInuse %.1f MB over %d members", float64(peak)/(1<<20), read)
	if peak > limit {
		t.Errorf("HeapInuse reached %d bytes, over the %d limit: the reader is holding rows", peak, limit)
	}
}

const (
	benchCSVMembers  = 30_000
	benchXLSXMembers = 3_000
)

func benchCSV(b *testing.B) []byte {
	var buf bytes.Buffer
	if err := writeMembersCSV(&buf, benchCSVMembers); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

func benchXLSX(b *testing.B) []byte {
	var buf bytes.Buffer
	if err := writeMembersCSV(&buf, benchXLSXMembers); err != nil {
		b.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		b.Fatal(err)
	}
	rows := make([][]any, len(recs))
	for i, r := range recs {
		rows[i] = anyRow(r)
	}
	return xlsxBytes(b, rows...)
}

func BenchmarkReadCSV(b *testing.B) {
	benchmarkRead(b, benchCSV(b), "bench.csv", benchCSVMembers)
}

func BenchmarkReadXLSX(b *testing.B) {
	benchmarkRead(b, benchXLSX(b), "bench.xlsx", benchXLSXMembers)
}

// BenchmarkBareCSV is the floor to compare BenchmarkReadCSV with: encoding/csv alone
// over the same file (reference/performance.md, G-PARSE).
func BenchmarkBareCSV(b *testing.B) {
	data := benchCSV(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		cr := csv.NewReader(bytes.NewReader(data))
		cr.ReuseRecord = true
		n := -1
		for {
			if _, err := cr.Read(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != benchCSVMembers {
			b.Fatalf("%d rows", n)
		}
	}
	b.ReportMetric(float64(benchCSVMembers)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkBareXLSX is excelize's row iterator alone over the same workbook as
// BenchmarkReadXLSX (G-IMPORT-XLSX).
func BenchmarkBareXLSX(b *testing.B) {
	data := benchXLSX(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		n := -1
		for rows.Next() {
			if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
				b.Fatal(err)
			}
			n++
		}
		rows.Close()
		f.Close()
		if n != benchXLSXMembers {
			b.Fatalf("%d rows", n)
		}
	}
	b.ReportMetric(float64(benchXLSXMembers)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

func benchmarkRead(b *testing.B, data []byte, name string, members int) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r, err := Open(bytes.NewReader(data), name)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			h, _, err := r.Next()
			if err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
			n += len(h.Members)
		}
		r.Close()
		if n != members {
			b.Fatalf("read %d members, want %d", n, members)
		}
	}
	b.ReportMetric(float64(members)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
