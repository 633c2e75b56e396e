// Package csvsplit splits a household CSV file (the import layout: one row a member,
// the household code first) into its first n households and the rest, each with the
// header: a registry as it stands and a file imported into it, for the tests and
// benchmarks of imports into a live registry.
package csvsplit

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
)

// Households returns the first n households of the CSV read from r and the others.
func Households(r io.Reader, n int) (first, rest []byte, err error) {
	cr := csv.NewReader(bufio.NewReaderSize(r, 1<<20))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, nil, err
	}
	var a, b bytes.Buffer
	wa, wb := csv.NewWriter(&a), csv.NewWriter(&b)
	wa.Write(header)
	wb.Write(header)
	codes := map[string]bool{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		} else if err != nil {
			return nil, nil, err
		}
		if !codes[rec[0]] && len(codes) < n {
			codes[rec[0]] = true
		}
		if codes[rec[0]] {
			wa.Write(rec)
		} else {
			wb.Write(rec)
		}
	}
	wa.Flush()
	wb.Flush()
	if err := wa.Error(); err != nil {
		return nil, nil, err
	}
	return a.Bytes(), b.Bytes(), wb.Error()
}
