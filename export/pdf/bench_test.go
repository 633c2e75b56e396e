package pdf

import (
	"io"
	"testing"
)

// countingWriter counts the bytes written to it.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

// BenchmarkWritePostingList writes a commune-wide posting list of 1,000 households
// (700 poor, 300 near-poor).
func BenchmarkWritePostingList(b *testing.B) {
	doc := samplePostingList()
	hs := manyHouseholds(1000)
	doc.Poor, doc.NearPoor = hs[:700], hs[700:]
	var w countingWriter
	b.ReportAllocs()
	for b.Loop() {
		w.n = 0
		if err := WritePostingList(&w, doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(w.n), "bytes/doc")
}

var _ io.Writer = (*countingWriter)(nil)
