package pdf

import (
	"bytes"
	"strings"
	"testing"
)

// Both embedded fonts parse, and they draw the whole Vietnamese alphabet.
func TestCoverage(t *testing.T) {
	for name, font := range map[string][]byte{"regular": fontRegular, "bold": fontBold} {
		set, err := cmapGlyphs(font)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, r := range vietnameseLetters + "0123456789 .,;:/-–…()%" {
			if !set.has(r) {
				t.Errorf("%s font has no glyph for %q (U+%04X)", name, r, r)
			}
		}
		if set.has('\u4E2D') { // a CJK ideograph, which DejaVu Sans lacks
			t.Errorf("%s font claims a glyph for U+4E2D", name)
		}
	}
	if _, err := cmapGlyphs([]byte("not a font")); err == nil {
		t.Error("cmapGlyphs accepted garbage")
	}
	if got := clean("Trương 中 Ánh"); got != "Trương ? Ánh" {
		t.Errorf("clean = %q", got)
	}
}

// vietnameseLetters is the Vietnamese alphabet with all tone marks, both cases.
const vietnameseLetters = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ" +
	"AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆGHIÌÍỈĨỊKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVXYỲÝỶỸỴ"

// Every Vietnamese letter, in both weights, comes back out of the PDF unchanged.
func TestAlphabetRoundTrip(t *testing.T) {
	var words []string
	rs := []rune(vietnameseLetters)
	for i := 0; i < len(rs); i += 12 {
		words = append(words, string(rs[i:min(i+12, len(rs))]))
	}
	phrase := strings.Join(words, " ")
	doc := sampleDecision()
	doc.Proposal = phrase      // regular
	doc.Signer.Name = words[3] // bold
	path := MustWriteFile(t, "alphabet.pdf", func(b *bytes.Buffer) error { return WriteDecision(b, doc) })
	MustContain(t, MustText(t, path), phrase, words[3])
}
