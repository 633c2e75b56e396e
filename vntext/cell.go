package vntext

import (
	"strings"
	"unicode/utf8"
)

// DecodeCell reads one cell of a file that is Unicode as a whole, where a cell may
// still hold text pasted from a legacy document: TCVN3 from a .VnTime file, or VNI,
// which Excel keeps as the Windows-1252 characters of its bytes ("Phïng §øc Lîi" for
// "Phùng Đức Lợi", "Nguyeãn Vaên An" for "Nguyễn Văn An"); in a CSV such a cell is the
// legacy bytes themselves, invalid UTF-8. It returns the cell's text in NFC, the
// encoding it was read in, and whether the reading is sure:
//
//   - ASCII, and text with a character Windows-1252 cannot produce (ă, ơ, ư, đ, ạ …),
//     is Unicode as it is (UTF8, true): only legacy text misread can be ruled out.
//   - Otherwise the TCVN3 and VNI readings are scored against the Unicode one (as
//     Detect scores a whole file, see plausibility). A legacy reading that is clean
//     (every word with a non-ASCII letter a well-formed syllable, no stray symbol) and
//     scores above the Unicode reading wins: "Phïng §øc Lîi" is TCVN3 "Phùng Đức Lợi",
//     "Phan Thò Thu Trang" is VNI "Phan Thị Thu Trang". If both legacy readings win,
//     the higher score decides, and equal scores with different texts are undecided.
//   - Otherwise the Unicode reading stands (UTF8, true) unless it is plainly garbled:
//     "Lê Hà", "Có", "Không" are what they seem, and so is a reading whose only fault
//     is a word Vietnamese spelling does not know ("Café", "Bhiông" in a minority
//     name), since no legacy reading does better.
//   - A garbled Unicode reading (a symbol such as "§", "«", "µ", a letter Vietnamese
//     does not use such as "ï" or "ø", a capital inside a word, two tones, invalid
//     UTF-8) that no legacy reading clearly explains is undecided (Unknown, false).
//     The text returned is then the Unicode reading, for messages only: the caller
//     must not store it as the cell's value.
//
// Only letters settle a cell: a short cell may read well in more than one encoding
// ("Cã" is TCVN3 "Có" but also a Unicode syllable), so a caller that knows the values
// a column allows should try the other readings (Decode) when the one returned is
// not among them.
//
// The cost is one scan of the cell in the common cases (ASCII codes, dates and
// numbers; Unicode names with a letter such as ă, ơ, đ or ễ); the three readings are
// scored only for the few cells made of Windows-1252 characters alone.
func DecodeCell(s string) (string, Encoding, bool) {
	if isASCIIString(s) {
		return s, UTF8, true
	}
	valid := utf8.ValidString(s)
	if valid && !onlyWindows1252(s) {
		return NFC(s), UTF8, true
	}
	var u string
	if valid {
		u = NFC(s)
	} else {
		u = NFC(strings.ToValidUTF8(s, "\uFFFD"))
	}
	uc := scoreCell(u)
	var raw []byte // the cell's legacy bytes
	var cp string  // and as Windows-1252 text
	if valid {
		raw, _ = encodeWindows1252(s)
		cp = s
	} else {
		raw = []byte(s)
		cp = decodeWindows1252(raw)
	}
	t, v := DecodeTCVN3(raw), DecodeVNI(cp)
	tc, vc := scoreCell(t), scoreCell(v)
	tc.score -= tcvn3Penalty(raw)
	tOK, vOK := tc.clean() && tc.score > uc.score, vc.clean() && vc.score > uc.score
	switch {
	case tOK && vOK && t == v:
		return t, TCVN3, true
	case tOK && vOK && tc.score > vc.score:
		return t, TCVN3, true
	case tOK && vOK && vc.score > tc.score:
		return v, VNI, true
	case tOK && !vOK:
		return t, TCVN3, true
	case vOK && !tOK:
		return v, VNI, true
	case !tOK && !vOK && valid && uc.hard == 0:
		return u, UTF8, true
	}
	return u, Unknown, false
}

// MaybeLegacy reports whether s may be legacy text misread, the only cells DecodeCell
// has to score: s has a byte that is not ASCII, and is either not UTF-8 or made only
// of characters Windows-1252 can produce. A caller can read the other cells as
// Unicode without asking DecodeCell. It does not allocate.
func MaybeLegacy(s string) bool {
	return !isASCIIString(s) && (!utf8.ValidString(s) || onlyWindows1252(s))
}

// cellScore is plausibility for one cell, with the evidence against it split into
// soft (words that are not Vietnamese syllables but are made of Vietnamese letters,
// as foreign and minority names are) and hard (what only mojibake produces).
type cellScore struct {
	score, soft, hard int
}

// clean reports whether the reading has nothing against it and some Vietnamese in it.
func (c cellScore) clean() bool { return c.soft == 0 && c.hard == 0 && c.score > 0 }

// scoreCell scores s (NFC) as plausibility does, without its map: a cell is short.
func scoreCell(s string) cellScore {
	var c cellScore
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			if n := symbolScore(r, size); n < 0 {
				c.score += n
				c.hard++
			}
			i += size
			continue
		}
		j, ascii := i, true
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r) {
				break
			}
			ascii = ascii && r < utf8.RuneSelf
			j += size
		}
		if !ascii {
			w := s[i:j]
			ok := validSyllable(w)
			switch {
			case !ok && mojibakeWord(w):
				c.score -= 2
				c.hard++
			case !ok:
				c.score -= 2
				c.soft++
			case commonSyllables[strings.ToLower(w)]:
				c.score += 3
			default:
				c.score += 2
			}
		}
		i = j
	}
	return c
}

// mojibakeWord reports whether w, which is not a syllable, has what legacy text read
// as Windows-1252 produces and real words do not: a letter outside the Vietnamese
// alphabet ("ï", "ø", "µ", "ª"), a combining mark, two tones, a capital after a
// lower-case letter ("NguyÔn"), or a vowel followed by a VNI diacritic byte that
// Vietnamese letters are also made of ("Vaên", "Bhioâng").
func mojibakeWord(w string) bool {
	tones, lower := 0, false
	prev := rune(0)
	for _, r := range w {
		l, ok := lookupLetter(r)
		if !ok {
			return true
		}
		if l.tone != toneLevel {
			tones++
		}
		if l.upper && lower {
			return true
		}
		if _, pair := vniPairs[[2]rune{prev, r}]; pair {
			return true
		}
		lower = lower || !l.upper
		prev = r
	}
	return tones > 1
}

// onlyWindows1252 reports whether every rune of s is one Windows-1252 can produce,
// without allocating (encodeWindows1252 answers the same and builds the bytes).
func onlyWindows1252(s string) bool {
	for _, r := range s {
		if r < 0x80 || r >= 0xA0 && r <= 0xFF {
			continue
		}
		if _, ok := cp1252Reverse[r]; !ok {
			return false
		}
	}
	return true
}

func isASCIIString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
