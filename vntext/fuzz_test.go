package vntext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Run one at a time, e.g.:
//
//	go test -run '^$' -fuzz '^FuzzToUnicode$' -fuzztime 20s -fuzzminimizetime 1s ./vntext/
//
// (the default minimisation budget of 60 s per new input stalls short runs).

func addSeeds(f *testing.F) {
	for _, name := range detectNames {
		f.Add([]byte(name))
		if b, err := EncodeTCVN3(name); err == nil {
			f.Add(b)
			f.Add([]byte(decodeWindows1252(b)))
		}
		if v, err := EncodeVNI(name); err == nil {
			f.Add([]byte(v))
		}
	}
	f.Add([]byte{0xff, 0xfe, 0x00, 0x81, 0xb0, 0xb4})
	f.Add([]byte("a\u0301\u0323\u0300"))
}

func FuzzToUnicode(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		s, e := ToUnicode(b)
		if !utf8.ValidString(s) {
			t.Fatalf("ToUnicode(%q) = %q (%v): invalid UTF-8", b, s, e)
		}
		if !norm.NFC.IsNormalString(s) {
			t.Fatalf("ToUnicode(%q) = %+q (%v): not NFC", b, s, e)
		}
		if d := Detect(b); d != e {
			t.Fatalf("Detect(%q) = %v, ToUnicode says %v", b, d, e)
		}
		if e == Unknown && utf8.Valid(b) {
			t.Fatalf("Detect(%q) = Unknown for valid UTF-8", b)
		}
		for _, enc := range []Encoding{Unknown, UTF8, TCVN3, VNI} {
			if d := Decode(b, enc); !utf8.ValidString(d) {
				t.Fatalf("Decode(%q, %v) = %q: invalid UTF-8", b, enc, d)
			}
		}
		if d := DecodeTCVN3(b); !utf8.ValidString(d) {
			t.Fatalf("DecodeTCVN3(%q) = %q: invalid UTF-8", b, d)
		}
		if d := DecodeVNI(string(b)); !utf8.ValidString(d) {
			t.Fatalf("DecodeVNI(%q) = %q: invalid UTF-8", b, d)
		}
	})
}

func FuzzNameKey(f *testing.F) {
	for _, name := range detectNames {
		f.Add(name, "Nguyễn Văn An")
	}
	f.Add("", "  ")
	f.Add("李 \xff", "Zoé\u0301")
	f.Fuzz(func(t *testing.T, a, b string) {
		ka := NameKey(a)
		for i := 0; i < len(ka); i++ {
			if ka[i] < ' ' || ka[i] > '~' {
				t.Fatalf("NameKey(%q) = %q: byte %#x is not printable ASCII", a, ka, ka[i])
			}
		}
		if ka != NameKey(Clean(a)) {
			t.Fatalf("NameKey(%q) differs from NameKey(Clean(%q))", a, a)
		}
		if CompareNames(a, a) != 0 {
			t.Fatalf("CompareNames(%q, itself) != 0", a)
		}
		ab, ba := CompareNames(a, b), CompareNames(b, a)
		if ab != -ba {
			t.Fatalf("CompareNames(%q, %q) = %d but reversed = %d", a, b, ab, ba)
		}
		if kb := NameKey(b); ka != kb && ab != strings.Compare(ka, kb) {
			t.Fatalf("CompareNames(%q, %q) = %d disagrees with the keys %q, %q", a, b, ab, ka, kb)
		}
	})
}

func FuzzFold(f *testing.F) {
	for _, name := range detectNames {
		f.Add(name)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := Fold(s)
		if utf8.ValidString(s) && !utf8.ValidString(folded) {
			t.Fatalf("Fold(%q) = %q: invalid UTF-8", s, folded)
		}
		if again := Fold(folded); again != folded {
			t.Fatalf("Fold is not idempotent on %q: %q then %q", s, folded, again)
		}
		if c := Clean(s); !utf8.ValidString(c) || Clean(c) != c {
			t.Fatalf("Clean(%q) = %q is not valid and stable", s, c)
		}
	})
}
