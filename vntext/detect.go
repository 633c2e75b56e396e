package vntext

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Encoding names the encoding of a piece of Vietnamese text.
type Encoding int

// The encodings Detect can tell apart.
const (
	Unknown Encoding = iota // none fits: not text, or an encoding we do not read
	UTF8                    // Unicode as UTF-8 (plain ASCII counts as UTF-8)
	TCVN3                   // TCVN 5712 VN3, "ABC", .VnTime fonts
	VNI                     // VNI-Windows, VNI-Times fonts
)

// String returns the usual name of the encoding.
func (e Encoding) String() string {
	switch e {
	case UTF8:
		return "UTF-8"
	case TCVN3:
		return "TCVN3"
	case VNI:
		return "VNI"
	}
	return "unknown"
}

// Detect guesses the encoding of b, which is either raw bytes (a CSV or text file)
// or text that Windows already read as Windows-1252 (an Excel cell holding TCVN3 or
// VNI, such as "NguyÔn" or "Nguyeãn"), passed as its UTF-8 bytes.
//
// The heuristic decodes b every plausible way and scores each result by how much of
// it is spelt like Vietnamese (see validSyllable): each word with a non-ASCII letter
// scores +2 if it is a well-formed Vietnamese syllable (+3 if it is one of the
// syllables common in names and addresses, see commonSyllables) and -2 if not;
// stray symbols ("¸", "µ", "×"), control characters and replacement characters
// cost points; TCVN3 loses points for codes that VN3 files do not contain. Only
// 64 KiB are scored, from the line of the first non-ASCII byte on. Then:
//
//   - ASCII is UTF8 (it reads the same in every encoding).
//   - Valid UTF-8 with any character outside Windows-1252 (ă, ơ, ư, đ, ế …) is UTF8:
//     a legacy encoding read as Windows-1252 cannot produce those.
//   - Otherwise valid UTF-8 is UTF8 unless its TCVN3 or VNI reading scores strictly
//     higher and above zero. Ties go to UTF8: "Hoà" is "Hoà" in Unicode and "Hồ"
//     in VNI, and nothing in the bytes can settle it.
//   - Invalid UTF-8 goes to the best of TCVN3, VNI and UTF-8 with replacement
//     characters (ties in that order), or Unknown if none scores above zero.
//
// The more text, the surer the guess: a single short cell may read well both ways,
// so an importer should detect a whole column or file at once and then decode each
// cell with Decode.
func Detect(b []byte) Encoding {
	e, _ := detect(b)
	return e
}

// ToUnicode detects the encoding of b (see Detect) and returns its text as NFC
// UTF-8 with the encoding found. For Unknown the bytes are read as Windows-1252,
// which keeps every byte visible, so the result is always valid UTF-8 and nothing
// is silently lost.
func ToUnicode(b []byte) (string, Encoding) {
	e, s := detect(b)
	return s, e
}

// Decode returns b decoded as e, in NFC; b is raw bytes or text already read as
// Windows-1252 (as for Detect). Text that can only be Unicode (valid UTF-8 with a
// character outside Windows-1252) is returned as such whatever e says, so decoding a
// whole column with the encoding detected for it never garbles a cell someone has
// already retyped in Unicode. Unknown reads invalid UTF-8 as Windows-1252 (every
// byte stays visible) and valid UTF-8 as itself; UTF8 turns each invalid byte into
// U+FFFD. The result is always valid UTF-8.
func Decode(b []byte, e Encoding) string {
	if isASCII(b) {
		return string(b)
	}
	valid := utf8.Valid(b)
	var raw []byte // b as legacy bytes, when b is valid UTF-8 read from Windows-1252
	if valid {
		var ok bool
		if raw, ok = encodeWindows1252(string(b)); !ok {
			return NFC(string(b))
		}
	}
	switch e {
	case UTF8:
		return NFC(strings.ToValidUTF8(string(b), "\uFFFD"))
	case TCVN3:
		if valid {
			return DecodeTCVN3(raw)
		}
		return DecodeTCVN3(b)
	case VNI:
		if valid {
			return DecodeVNI(string(b))
		}
		return DecodeVNI(decodeWindows1252(b))
	}
	if valid {
		return NFC(string(b))
	}
	return NFC(decodeWindows1252(b))
}

// detect implements Detect and returns the decoded text too.
func detect(b []byte) (Encoding, string) {
	if isASCII(b) {
		return UTF8, string(b)
	}
	valid := utf8.Valid(b)
	if valid {
		if _, ok := encodeWindows1252(string(b)); !ok {
			return UTF8, NFC(string(b))
		}
	}
	e := choose(sample(b, valid), valid)
	return e, Decode(b, e)
}

// choose scores the readings of b (see Detect); valid says whether b is UTF-8 that
// Windows-1252 can have produced.
func choose(b []byte, valid bool) Encoding {
	var t, v, u string
	var ts, vs, us int
	if valid {
		raw, _ := encodeWindows1252(string(b))
		t, v, u = DecodeTCVN3(raw), DecodeVNI(string(b)), NFC(string(b))
		ts = -tcvn3Penalty(raw)
	} else {
		t, v = DecodeTCVN3(b), DecodeVNI(decodeWindows1252(b))
		u = NFC(strings.ToValidUTF8(string(b), "\uFFFD"))
		ts = -tcvn3Penalty(b)
	}
	ts, vs, us = ts+plausibility(t), plausibility(v), plausibility(u)
	if valid {
		switch {
		case ts >= vs && ts > us && ts > 0:
			return TCVN3
		case vs > ts && vs > us && vs > 0:
			return VNI
		}
		return UTF8
	}
	switch {
	case ts >= vs && ts >= us && ts > 0:
		return TCVN3
	case vs >= us && vs > 0:
		return VNI
	case us > 0 && us > vs:
		return UTF8
	}
	return Unknown
}

// sampleSize bounds the text Detect scores: 64 KiB of names is more evidence than
// any decision needs, and scoring is much slower than decoding.
const sampleSize = 64 << 10

// sample returns the part of b that Detect scores: all of it when it is small, else
// sampleSize bytes from the line holding the first non-ASCII byte (the first
// evidence), cut at a line end or, for UTF-8, at least at a character boundary.
func sample(b []byte, valid bool) []byte {
	if len(b) <= sampleSize {
		return b
	}
	start := 0
	for start < len(b) && b[start] < utf8.RuneSelf {
		start++
	}
	if nl := bytes.LastIndexByte(b[:start], '\n'); nl >= 0 {
		start = nl + 1
	} else {
		start = 0
	}
	end := min(start+sampleSize, len(b))
	if end < len(b) {
		if nl := bytes.LastIndexByte(b[start:end], '\n'); nl > 0 {
			end = start + nl
		} else if valid {
			for end > start && !utf8.RuneStart(b[end]) {
				end--
			}
		}
	}
	return b[start:end]
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// tcvn3Penalty counts against TCVN3 the bytes VN3 does not assign (VN2 capitals and
// combining marks): real ABC files do not contain them, while UTF-8 and VNI text
// misread as TCVN3 is full of them.
func tcvn3Penalty(raw []byte) int {
	p := 0
	for _, c := range raw {
		if tcvn3Class[c] == tcvnVN2 {
			p += 2
		}
	}
	return p
}

// plausibility scores how Vietnamese-looking text s (NFC) is; see Detect.
func plausibility(s string) int {
	score := 0
	seen := map[string]int{} // names repeat: score each distinct word once
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			score += symbolScore(r, size)
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
			score += wordScore(s[i:j], seen)
		}
		i = j
	}
	return score
}

// wordScore scores one word with a non-ASCII letter, remembering it in seen.
func wordScore(w string, seen map[string]int) int {
	if n, ok := seen[w]; ok {
		return n
	}
	n := 2
	switch {
	case !validSyllable(w):
		n = -2
	case commonSyllables[strings.ToLower(w)]:
		n = 3
	}
	seen[w] = n
	return n
}

// symbolScore scores a character outside words: 0 for ASCII and the punctuation
// Vietnamese text does use, -1 for other symbols, -2 for control characters, -3 for
// a replacement character (an invalid byte).
func symbolScore(r rune, size int) int {
	switch {
	case r == utf8.RuneError && size <= 1, r == '\uFFFD':
		return -3
	case r == '\t' || r == '\n' || r == '\r':
		return 0
	case unicode.IsControl(r):
		return -2
	case r < utf8.RuneSelf:
		return 0
	}
	switch r {
	case '\u00A0', '‘', '’', '“', '”', '–', '—', '…', '•', '°', '₫', '№':
		return 0
	}
	return -1
}
