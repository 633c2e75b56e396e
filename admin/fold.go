package admin

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s without Vietnamese diacritics, in lower case, with runs of white space
// collapsed to one space and trimmed: "  Tỉnh  Hải Dương" → "tinh hai duong". It is
// the key for "name contains" searches (UnitFilter.Query) and for matching the headers
// of catalogue files, whose spelling and accents vary between exports.
func Fold(s string) string {
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
