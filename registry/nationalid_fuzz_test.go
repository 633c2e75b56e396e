package registry

import (
	"testing"
	"time"
)

// FuzzNationalID: any text is normalised and checked as a national ID without a
// panic, and normalising twice changes nothing more (issue 10, item 10).
func FuzzNationalID(f *testing.F) {
	for _, s := range []string{"030080001234", "030 080 001 234", "001168004321", "", "0", "９９９", "030080001234567890", "03008000123x", "-1"} {
		f.Add(s, int64(0), "female")
	}
	f.Add("030168004321", time.Date(1968, 2, 11, 0, 0, 0, 0, time.UTC).Unix(), "male")
	f.Fuzz(func(t *testing.T, s string, birth int64, sex string) {
		n := NormalizeNationalID(s)
		if NormalizeNationalID(n) != n {
			t.Fatalf("NormalizeNationalID is not idempotent on %q: %q then %q", s, n, NormalizeNationalID(n))
		}
		NationalIDProvince(n)
		CheckNationalID(n, time.Unix(birth%(1<<40), 0).UTC(), sex)
		CheckNationalID(s, time.Time{}, sex)
	})
}
