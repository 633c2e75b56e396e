package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteSamples writes sample documents into the directory named by
// GIAMNGHEO_PDF_SAMPLES, for a person to look at (pdftoppm -png -r 60 …). It is
// skipped when the variable is not set.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("GIAMNGHEO_PDF_SAMPLES")
	if dir == "" {
		t.Skip("GIAMNGHEO_PDF_SAMPLES not set")
	}
	long := samplePostingList()
	long.Poor = append(long.Poor, manyHouseholds(60)...)
	samples := map[string]func(*bytes.Buffer) error{
		"posting.pdf":     func(b *bytes.Buffer) error { return WritePostingList(b, long) },
		"minutes.pdf":     func(b *bytes.Buffer) error { return WriteMeetingMinutes(b, sampleMinutes()) },
		"decision.pdf":    func(b *bytes.Buffer) error { return WriteDecision(b, sampleDecision()) },
		"certificate.pdf": func(b *bytes.Buffer) error { return WriteCertificate(b, sampleCertificate()) },
	}
	for name, write := range samples {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
