package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode Normalization Form C. Vietnamese typed with Unikey's
// "Unicode tổ hợp" (composed) setting or pasted from macOS arrives decomposed (a base
// letter followed by combining tone marks), which looks identical on screen but does
// not compare equal; every stored name goes through NFC first. It returns s itself,
// without allocating, when s is already NFC.
func NFC(s string) string {
	return norm.NFC.String(s)
}

// Clean returns s in NFC with leading and trailing white space removed and every
// inner run of white space (including the no-break spaces Excel is fond of, tabs and
// line breaks) collapsed to one ASCII space. Zero-width spaces and byte-order marks
// (U+200B, U+FEFF), invisible debris of copy and paste, are dropped, and bytes that
// are not UTF-8 become U+FFFD, so the result is always valid UTF-8. It returns s
// itself, without allocating, when there is nothing to change.
func Clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = NFC(s)
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for _, r := range s {
		switch {
		case r == '\u200B' || r == '\uFEFF':
			continue
		case unicode.IsSpace(r):
			pending = b.Len() > 0
			continue
		}
		if pending {
			b.WriteByte(' ')
			pending = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isClean reports whether Clean has nothing to do on a valid NFC string.
func isClean(s string) bool {
	prevSpace := true // so that a leading space is not clean
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case unicode.IsSpace(r), r == '\u200B', r == '\uFEFF':
			return false
		default:
			prevSpace = false
		}
		i += size
	}
	return !prevSpace || len(s) == 0
}
