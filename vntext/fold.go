package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in lower case without diacritics, with đ turned into d, for
// searching without accents: Fold("Nguyễn Văn A") == "nguyen van a", so a query typed
// on a keyboard without a Vietnamese input method still finds the name. Accents of
// other Latin-script languages are stripped too (é → e); combining marks (from
// decomposed input) are dropped. Fold maps rune by rune and leaves white space
// alone: pass both sides through Clean first to ignore spacing.
//
// Fold is on the hot path of every search and import, so it works from tables: when
// s is ASCII with no upper-case letter (what a search box usually receives) it
// returns s itself without allocating, and otherwise it allocates exactly the result.
func Fold(s string) string {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			break
		}
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if f := foldRune(r); f >= 0 {
			if f < utf8.RuneSelf {
				b.WriteByte(byte(f))
			} else {
				b.WriteRune(f)
			}
		}
	}
	return b.String()
}

// foldRune returns the folded form of a non-ASCII rune, or -1 to drop it (a
// combining mark).
func foldRune(r rune) rune {
	switch {
	case r < foldLatinEnd:
		return foldLatin[r-0x80]
	case r >= 0x0300 && r <= 0x036F:
		return -1
	case r >= foldExtStart && r < foldExtEnd:
		return foldExt[r-foldExtStart]
	}
	return unicode.ToLower(r)
}

// Fold tables: Latin-1 Supplement and Latin Extended-A/B (U+0080..U+024F), and
// Latin Extended Additional (U+1E00..U+1EFF), where all the Vietnamese letters are.
const (
	foldLatinEnd = 0x0250
	foldExtStart = 0x1E00
	foldExtEnd   = 0x1F00
)

var (
	foldLatin [foldLatinEnd - 0x80]rune
	foldExt   [foldExtEnd - foldExtStart]rune
)

func init() {
	for r := rune(0x80); r < foldLatinEnd; r++ {
		foldLatin[r-0x80] = foldByDecomposition(r)
	}
	for r := rune(foldExtStart); r < foldExtEnd; r++ {
		foldExt[r-foldExtStart] = foldByDecomposition(r)
	}
}

// foldByDecomposition folds one rune through its canonical decomposition: the base
// letter of an accented Latin letter, lower-cased. đ (U+0111) has no decomposition
// (its bar is part of the letter) and is mapped by hand.
func foldByDecomposition(r rune) rune {
	if r == 'đ' || r == 'Đ' {
		return 'd'
	}
	if d := norm.NFD.String(string(r)); d != string(r) {
		if base, _ := utf8.DecodeRuneInString(d); base < utf8.RuneSelf {
			return unicode.ToLower(base)
		}
	}
	return unicode.ToLower(r)
}
