package vntext

// The 12 Vietnamese vowel letters, each with its six tones in the order used for
// sorting (see NameKey): level (không dấu), huyền, hỏi, ngã, sắc, nặng. With đ/Đ
// these are the 67 lower-case and 67 upper-case letters that are not plain ASCII
// (12×6 − 6 ASCII vowels + đ = 67), 134 in all.
var vowelRows = [12]struct{ lower, upper string }{
	{"aàảãáạ", "AÀẢÃÁẠ"},
	{"ăằẳẵắặ", "ĂẰẲẴẮẶ"},
	{"âầẩẫấậ", "ÂẦẨẪẤẬ"},
	{"eèẻẽéẹ", "EÈẺẼÉẸ"},
	{"êềểễếệ", "ÊỀỂỄẾỆ"},
	{"iìỉĩíị", "IÌỈĨÍỊ"},
	{"oòỏõóọ", "OÒỎÕÓỌ"},
	{"ôồổỗốộ", "ÔỒỔỖỐỘ"},
	{"ơờởỡớợ", "ƠỜỞỠỚỢ"},
	{"uùủũúụ", "UÙỦŨÚỤ"},
	{"ưừửữứự", "ƯỪỬỮỨỰ"},
	{"yỳỷỹýỵ", "YỲỶỸÝỴ"},
}

// Tones, numbered in dictionary order (see NameKey).
const (
	toneLevel = iota // không dấu
	toneGrave        // huyền  `
	toneHook         // hỏi    ?
	toneTilde        // ngã    ~
	toneAcute        // sắc    '
	toneDot          // nặng   .
)

// alphabet is the Vietnamese alphabet in dictionary order, with the four Latin
// letters Vietnamese does not use (f, j, w, z) slotted in at their Latin places so
// that foreign names still sort sensibly.
const alphabet = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"

// letter describes one Vietnamese letter: its base (lower-case, tone removed but
// hat, breve and horn kept: 'ă', 'ơ', 'đ'), its tone and its case.
type letter struct {
	base  rune
	tone  uint8
	upper bool
}

// Tables over the three ranges where Vietnamese letters live; found is false in the
// gaps.
type letterSlot struct {
	letter
	found bool
}

var (
	asciiLetters [0x80]letterSlot
	latinLetters [0x1B1 - 0xC0]letterSlot    // U+00C0..U+01B0
	extLetters   [0x1EFA - 0x1EA0]letterSlot // U+1EA0..U+1EF9
)

func init() {
	for c := 'a'; c <= 'z'; c++ {
		asciiLetters[c] = letterSlot{letter{base: c}, true}
		asciiLetters[c-'a'+'A'] = letterSlot{letter{base: c, upper: true}, true}
	}
	for _, row := range vowelRows {
		lo, up := []rune(row.lower), []rune(row.upper)
		for tone := range lo {
			setLetter(lo[tone], letter{base: lo[0], tone: uint8(tone)})
			setLetter(up[tone], letter{base: lo[0], tone: uint8(tone), upper: true})
		}
	}
	setLetter('đ', letter{base: 'đ'})
	setLetter('Đ', letter{base: 'đ', upper: true})
}

func setLetter(r rune, l letter) {
	switch {
	case r < 0x80:
		asciiLetters[r] = letterSlot{l, true}
	case r >= 0xC0 && r <= 0x1B0:
		latinLetters[r-0xC0] = letterSlot{l, true}
	case r >= 0x1EA0 && r <= 0x1EF9:
		extLetters[r-0x1EA0] = letterSlot{l, true}
	default:
		panic("vntext: letter outside the tables")
	}
}

// lookupLetter returns the description of r if it is a Vietnamese letter (or one of
// the ASCII letters f, j, w, z), NFC-composed.
func lookupLetter(r rune) (letter, bool) {
	var s letterSlot
	switch {
	case r < 0x80:
		s = asciiLetters[r]
	case r >= 0xC0 && r <= 0x1B0:
		s = latinLetters[r-0xC0]
	case r >= 0x1EA0 && r <= 0x1EF9:
		s = extLetters[r-0x1EA0]
	}
	return s.letter, s.found
}
