package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TCVN3 (TCVN 5712:1993 VN3, "ABC", the .VnTime fonts) is an 8-bit encoding: ASCII
// unchanged, plus 67 lower-case Vietnamese letters, the 7 capitals without tone
// (Ă Â Ê Ô Ơ Ư Đ) and the no-break space in 0xA0..0xFF. It has no capital letters
// with a tone: to write "NGUYỄN" a user switches to an all-capitals font (.VnTimeH),
// which draws the lower-case codes as capitals. The bytes therefore do not tell
// "ễ" from "Ễ"; DecodeTCVN3 decodes them as lower case and then upper-cases them in
// words that are visibly typed in capitals (see DecodeTCVN3).
//
// The table was written from the TCVN 5712 layout and cross-checked against GNU
// libiconv's TCVN converter (tcvn.h), whose VN1 table is a superset of VN3 with the
// same lower-case codes. The mojibake every Vietnamese office knows confirms the
// common cases: "NguyÔn V¨n A", "TrÇn", "ThÞ", "§øc" are TCVN3 bytes shown as
// Windows-1252.

// tcvn3Rows gives the TCVN3 byte of each lower-case vowel of vowelRows (same rows,
// same tone order); 0 marks the plain ASCII vowel.
var tcvn3Rows = [12][6]byte{
	{0, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9},    // a à ả ã á ạ
	{0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6}, // ă ằ ẳ ẵ ắ ặ
	{0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB}, // â ầ ẩ ẫ ấ ậ
	{0, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1},    // e è ẻ ẽ é ẹ
	{0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6}, // ê ề ể ễ ế ệ
	{0, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE},    // i ì ỉ ĩ í ị
	{0, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4},    // o ò ỏ õ ó ọ
	{0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9}, // ô ồ ổ ỗ ố ộ
	{0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE}, // ơ ờ ở ỡ ớ ợ
	{0, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4},    // u ù ủ ũ ú ụ
	{0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9}, // ư ừ ử ữ ứ ự
	{0, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE},    // y ỳ ỷ ỹ ý ỵ
}

// tcvn3Capitals are the capitals VN3 has: the seven letters without tone.
var tcvn3Capitals = map[byte]rune{
	0xA1: 'Ă', 0xA2: 'Â', 0xA3: 'Ê', 0xA4: 'Ô', 0xA5: 'Ơ', 0xA6: 'Ư', 0xA7: 'Đ',
}

// tcvn3VN2Only are the codes VN3 leaves empty and VN1/VN2 fill with 16 capitals with
// a tone and 5 combining tone marks. ABC files do not normally hold them; decoding
// them the VN2 way costs nothing and rescues files made with VN2 fonts. Detect counts
// them as evidence against TCVN3.
var tcvn3VN2Only = map[byte]rune{
	0xAF: 'Ằ', 0xBA: 'Ẳ', 0xBF: 'Ẵ', 0xC0: 'Ắ', 0xC1: 'Ầ', 0xC2: 'Ẩ', 0xC3: 'Ẫ',
	0xC4: 'Ấ', 0xC5: 'Ề', 0xCD: 'Ể', 0xD9: 'Ễ', 0xDA: 'Ế', 0xDB: 'Ồ', 0xE0: 'Ổ',
	0xF0: 'Ỗ', 0xFF: 'Ố',
	0xB0: '\u0300', 0xB1: '\u0309', 0xB2: '\u0303', 0xB3: '\u0301', 0xB4: '\u0323',
}

// Byte classes of TCVN3, for decoding and for Detect.
const (
	tcvnASCII   = iota
	tcvnLower   // a VN3 lower-case letter: its case is unknown under .VnTimeH
	tcvnCapital // one of the seven VN3 capitals
	tcvnNBSP    // 0xA0
	tcvnVN2     // a VN2-only code
	tcvnC1      // 0x80..0x9F: not TCVN3; decoded as Windows-1252 punctuation
)

var (
	tcvn3Decode [256]rune
	tcvn3Class  [256]uint8
)

func init() {
	for c := 0; c < 0x80; c++ {
		tcvn3Decode[c] = rune(c)
	}
	for c := 0x80; c < 0xA0; c++ {
		tcvn3Decode[c] = cp1252Rune(byte(c))
		tcvn3Class[c] = tcvnC1
	}
	tcvn3Decode[0xA0], tcvn3Class[0xA0] = '\u00A0', tcvnNBSP
	for c, r := range tcvn3Capitals {
		tcvn3Decode[c], tcvn3Class[c] = r, tcvnCapital
	}
	for c, r := range tcvn3VN2Only {
		tcvn3Decode[c], tcvn3Class[c] = r, tcvnVN2
	}
	for i, row := range tcvn3Rows {
		lo := []rune(vowelRows[i].lower)
		for tone, c := range row {
			if c != 0 {
				tcvn3Decode[c], tcvn3Class[c] = lo[tone], tcvnLower
			}
		}
	}
	tcvn3Decode[0xAE], tcvn3Class[0xAE] = 'đ', tcvnLower
}

// DecodeTCVN3 decodes bytes in TCVN3 (ABC, VN3) to NFC Unicode. To use it on text
// that Windows already read as Windows-1252 (an Excel cell), use Decode, which turns
// the text back into bytes first.
//
// Case: VN3 has no code for a capital with a tone, so such letters decode as lower
// case, except in words typed visibly in capitals: when a word's other letters that
// do carry case (ASCII and the seven VN3 capitals, not counting the first letter)
// are all capitals, its lower-case codes are upper-cased ("NGUYÔN" → "NGUYỄN"). A
// word with no such letter ("Hµ", for "Hà" or "HÀ") takes the case of the nearest
// preceding such word in the same field (fields end at line breaks, tabs, commas,
// semicolons and '|'), or failing that the following one. A capital at the start of
// a word cannot be recovered when the rest is lower case: "¸nh" decodes as "ánh",
// not "Ánh" (the bytes are the same; only the font differed).
//
// Bytes 0x80..0x9F, which VN3 leaves to the platform, decode as Windows-1252
// punctuation (curly quotes, dashes); the codes VN3 leaves empty decode as in VN2
// (see tcvn3VN2Only). The result is always valid UTF-8.
func DecodeTCVN3(b []byte) string {
	i := 0
	for i < len(b) && b[i] < utf8.RuneSelf {
		i++
	}
	if i == len(b) {
		return string(b)
	}
	runes := make([]rune, len(b))
	ambiguous := make([]bool, len(b))
	combining := false
	for j, c := range b {
		runes[j] = tcvn3Decode[c]
		ambiguous[j] = tcvn3Class[c] == tcvnLower
		combining = combining || c >= 0xB0 && c <= 0xB4
	}
	upcaseCapsWords(runes, ambiguous)
	var s strings.Builder
	s.Grow(len(b) * 2)
	for _, r := range runes {
		s.WriteRune(r)
	}
	if combining {
		return NFC(s.String())
	}
	return s.String()
}

// Word cases, for upcaseCapsWords.
const (
	caseUnknown = iota
	caseMixed
	caseCaps
)

// upcaseCapsWords upper-cases the ambiguous letters of the words typed in capitals;
// see DecodeTCVN3.
func upcaseCapsWords(runes []rune, ambiguous []bool) {
	type word struct{ start, end, class int }
	var words []word
	flush := func(field []word) {
		for k := range field {
			if field[k].class != caseUnknown {
				continue
			}
			for d := k - 1; d >= 0; d-- { // the nearest classified word before
				if field[d].class != caseUnknown {
					field[k].class = field[d].class
					break
				}
			}
			if field[k].class != caseUnknown {
				continue
			}
			for d := k + 1; d < len(field); d++ { // or after
				if field[d].class != caseUnknown {
					field[k].class = field[d].class
					break
				}
			}
		}
		for _, w := range field {
			if w.class != caseCaps {
				continue
			}
			for j := w.start; j < w.end; j++ {
				if ambiguous[j] {
					runes[j] = unicode.ToUpper(runes[j])
				}
			}
		}
	}
	for j := 0; j < len(runes); {
		r := runes[j]
		switch {
		case isFieldBreak(r):
			flush(words)
			words = words[:0]
			j++
			continue
		case !isWordRune(r):
			j++
			continue
		}
		w := word{start: j, class: caseUnknown}
		for ; j < len(runes) && isWordRune(runes[j]); j++ {
			if ambiguous[j] || !unicode.IsLetter(runes[j]) {
				continue
			}
			switch {
			case unicode.IsLower(runes[j]):
				w.class = caseMixed
			case j > w.start && w.class == caseUnknown:
				w.class = caseCaps
			}
		}
		w.end = j
		words = append(words, w)
	}
	flush(words)
}

func isFieldBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\t', ',', ';', '|':
		return true
	}
	return false
}

// isWordRune reports whether r belongs inside a word: a letter or a combining mark.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// CapitaliseName gives a capital back to the words of a person's name decoded from
// TCVN3 that lost it: VN3 has no capitals with a tone, so "¸nh" decodes as "ánh"
// whatever font drew it. When every other word of the name starts with a capital,
// a word that starts with a lower-case letter with a diacritic (one VN3 could not
// have capitalised) takes one: "Phạm Ngọc ánh" becomes "Phạm Ngọc Ánh". A name typed
// in lower case ("nguyễn văn an") is left alone.
func CapitaliseName(name string) string {
	words := strings.Fields(name)
	upper, lower := 0, 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			upper++
		case r >= utf8.RuneSelf && unicode.IsLower(r):
			lower++
		default:
			return name
		}
	}
	if upper == 0 || lower == 0 {
		return name
	}
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}
