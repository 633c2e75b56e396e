package vntext

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The letter grid is checked against Unicode's own decompositions, so a typo in a
// row (a tone out of order, a wrong vowel) cannot hide.
func TestLetterGrid(t *testing.T) {
	marks := [6]string{"", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"} // level, huyền, hỏi, ngã, sắc, nặng
	lower, upper := allLetters()
	if len(lower) != 67 || len(upper) != 67 {
		t.Fatalf("got %d lower-case and %d upper-case letters, want 67 and 67", len(lower), len(upper))
	}
	seen := map[rune]bool{}
	for _, row := range vowelRows {
		lo, up := []rune(row.lower), []rune(row.upper)
		if len(lo) != 6 || len(up) != 6 {
			t.Fatalf("row %q/%q: want 6 tones", row.lower, row.upper)
		}
		base := norm.NFD.String(string(lo[0]))
		for tone := range lo {
			for _, r := range []rune{lo[tone], up[tone]} {
				if seen[r] {
					t.Errorf("%q appears twice", r)
				}
				seen[r] = true
				if !norm.NFC.IsNormalString(string(r)) {
					t.Errorf("%q is not NFC", r)
				}
			}
			if got := norm.NFC.String(base + marks[tone]); got != string(lo[tone]) {
				t.Errorf("row %q tone %d: base %+q with mark %+q composes to %q, table says %q",
					row.lower, tone, base, marks[tone], got, lo[tone])
			}
			if unicode.ToUpper(lo[tone]) != up[tone] {
				t.Errorf("upper case of %q is %q, table says %q", lo[tone], unicode.ToUpper(lo[tone]), up[tone])
			}
			l, ok := lookupLetter(up[tone])
			if !ok || l.tone != uint8(tone) || !l.upper || l.base != lo[0] {
				t.Errorf("lookupLetter(%q) = %+v, %v", up[tone], l, ok)
			}
		}
	}
	if got := len([]rune(alphabet)); got != 33 {
		t.Errorf("alphabet has %d letters, want 29 Vietnamese + f j w z = 33", got)
	}
	if !strings.HasPrefix(alphabet, "aăâbcdđeê") {
		t.Errorf("alphabet starts %q", alphabet[:12])
	}
}
