package catalogue

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold returns s without Vietnamese diacritics, in lower case, with runs of white space
// collapsed to one space and trimmed: "  Tỉnh  Hải Dương" → "tinh hai duong". It
// matches headers and unit types, whose case, accents and spacing vary between
// exports. (Searching by name is vntext.Fold's job; this one also normalises spacing,
// which a header needs.)
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue // a combining mark: the tone or the vowel hat/horn/breve
		case r == 'đ' || r == 'Đ':
			r = 'd' // đ is a letter of its own, it does not decompose under NFD
		case unicode.IsSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
