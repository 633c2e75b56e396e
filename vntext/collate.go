package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Vietnamese name order.
//
// Lists of people in Vietnam (class lists, voter lists, household lists) are sorted
// by the given name (tên, the last word), then by the family name and the middle
// names as written (họ và tên đệm). Words compare in the order of Vietnamese
// dictionaries:
//
//   - letters first, tone aside: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư
//     v x y (ă, â, đ, ê, ô, ơ, ư are letters of their own, after their plain
//     letter), with f, j, w, z of foreign names at their Latin places and digits
//     before letters;
//   - then the tone, as a weaker difference: no tone, huyền, hỏi, ngã, sắc, nặng
//     ("Ba" < "Bà" < "Bả" < "Bã" < "Bá" < "Bạ"), so "An" < "Án" < "Anh";
//   - case is ignored.
//
// Source: this is the standard Vietnamese collation of the Unicode CLDR (collation
// vi.xml, "standard": &a<ă<â, &d<đ, &e<ê, &o<ô<ơ, &u<ư at the primary level and the
// tone marks as secondary differences in the order ̀ < ̉ < ̃ < ́ < ̣ ), which follows
// the order of Vietnamese dictionaries. The brief that commissioned this package
// attributed the order to TCVN 5712; that standard is the 8-bit character set, and we
// could not confirm that it defines a collation, so CLDR is the citation here.
// Digraphs (ch, gh, gi, kh, ng, ngh, nh, ph, qu, th, tr) are compared letter by letter,
// as CLDR's standard collation does ("Chi" < "Cúc"); CLDR's "traditional" variant and
// some dictionaries file them as separate letters after c, g, k, n, p, t instead.
//
// The tone of a word counts wherever its mark sits, so the old and new placements
// sort together: "Thuỷ" and "Thủy", "Hoà" and "Hòa" have the same key.

// NameKey returns a sort key for a Vietnamese full name: comparing two keys as plain
// byte strings orders the names as described above, so the key can be stored in an
// SQL column and sorted with a binary collation (SQLite's default BINARY, COLLATE "C"
// in PostgreSQL). The key is printable ASCII, hence valid UTF-8 and safe in any text
// column. Names that differ only in case, spacing, Unicode normalisation or tone-mark
// placement get the same key; add a tie-breaker (the name itself, an ID) where a
// total order matters, as CompareNames does.
//
// Layout, for the record: the words in order given name, family name, middle names;
// each word is its letters' primary weights ('0'..'9' for digits, 'A'.. for the 33
// letters of alphabet, '{' and six hex digits for any other letter, by code point),
// then '!', then the digits 1..5 of its tones in order of appearance; words are
// separated by ' '. '!' and ' ' sort below every weight, so a shorter word or name
// comes before a longer one that it starts.
func NameKey(fullName string) string {
	words := strings.Fields(Clean(fullName))
	if len(words) == 0 {
		return ""
	}
	key := make([]byte, 0, len(fullName)+8)
	key = appendWordKey(key, words[len(words)-1])
	for _, w := range words[:len(words)-1] {
		key = appendWordKey(key, w)
	}
	return string(key)
}

// CompareNames compares two full names in Vietnamese list order (see NameKey) and
// returns -1, 0 or +1. Names with equal keys are ordered by their cleaned text, so
// the order is total and stable across runs.
func CompareNames(a, b string) int {
	if c := strings.Compare(NameKey(a), NameKey(b)); c != 0 {
		return c
	}
	return strings.Compare(Clean(a), Clean(b))
}

// appendWordKey appends the key of one word, preceded by ' ' unless it is the first;
// a word with nothing to sort on (punctuation only) is skipped.
func appendWordKey(key []byte, word string) []byte {
	start := len(key)
	if start > 0 {
		key = append(key, ' ')
	}
	var toneBuf [8]byte
	tones := toneBuf[:0]
	primary := false
	for _, r := range word {
		if l, ok := lookupLetter(r); ok {
			key = append(key, letterWeight[l.base])
			if l.tone != toneLevel {
				tones = append(tones, '0'+l.tone)
			}
			primary = true
			continue
		}
		switch {
		case r >= '0' && r <= '9':
			key = append(key, byte(r))
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			if f := foldRune(r); f >= 'a' && f <= 'z' {
				key = append(key, letterWeight[f]) // é, ü, ñ … of foreign names
				break
			}
			key = appendOtherWeight(key, unicode.ToLower(r))
		default:
			continue // punctuation, symbols, stray combining marks
		}
		primary = true
	}
	if !primary {
		return key[:start]
	}
	key = append(key, '!')
	return append(key, tones...)
}

// appendOtherWeight appends the weight of a letter outside the Latin alphabet: '{'
// (above every Latin letter) and its code point as six upper-case hex digits.
func appendOtherWeight(key []byte, r rune) []byte {
	const hex = "0123456789ABCDEF"
	if !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	key = append(key, '{')
	for shift := 20; shift >= 0; shift -= 4 {
		key = append(key, hex[(r>>shift)&0xF])
	}
	return key
}

// letterWeight maps a letter's base (as in letter.base) to its primary weight: 'A'
// for a, 'B' for ă … 'a' for z, in the order of alphabet.
// An array rather than a map: NameKey runs once per person on import.
var letterWeight = func() (w [0x1B1]byte) {
	i := 0
	for _, r := range alphabet {
		w[r] = byte('A' + i)
		i++
	}
	return w
}()
