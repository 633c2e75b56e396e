package vntext

import "strings"

// validSyllable reports whether word (NFC, letters only) is spelt like one Vietnamese
// syllable: an optional initial consonant, a vowel nucleus, an optional final
// consonant, at most one tone, and a sensible case pattern (all lower, all upper,
// or capitalised). Detect uses it to tell real Vietnamese from the same bytes read
// in the wrong encoding, so it is permissive about rare spellings and strict about
// the shapes mojibake produces ("NguyÔn", "Vaên", "Tø").
func validSyllable(word string) bool {
	var buf [8]rune
	bases := buf[:0]
	tone, tones, uppers, n := uint8(0), 0, 0, 0
	firstUpper := false
	for _, r := range word {
		l, ok := lookupLetter(r)
		if !ok || n == len(buf) {
			return false
		}
		if l.tone != toneLevel {
			tone = l.tone
			tones++
		}
		if l.upper {
			uppers++
			firstUpper = firstUpper || n == 0
		}
		bases = append(bases, l.base)
		n++
	}
	if n == 0 || tones > 1 {
		return false
	}
	if uppers != 0 && uppers != n && !(uppers == 1 && firstUpper) {
		return false
	}
	s := string(bases)
	for _, initial := range initials {
		if rest, ok := strings.CutPrefix(s, initial); ok && validRhyme(rest, tone) {
			return true
		}
	}
	return false
}

// initials are the initial consonants, longest first so that "ngh" is tried before
// "ng" and "n"; "" is a syllable that starts with its vowel ("Ánh").
var initials = []string{
	"ngh",
	"ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
	"",
}

// finals are the final consonants; the semivowel finals (ai, ao, ay …) are part of
// the nuclei below.
var finals = []string{"ng", "nh", "ch", "c", "m", "n", "p", "t", ""}

// Nucleus constraints.
const (
	nucleusFree      = iota
	nucleusNeedFinal // ă, â, iê, uô, ươ … never end a syllable
	nucleusNoFinal   // ends in a semivowel or is an open diphthong: ai, ưa, iêu …
)

var nuclei = map[string]uint8{
	"a": nucleusFree, "ă": nucleusNeedFinal, "â": nucleusNeedFinal, "e": nucleusFree,
	"ê": nucleusFree, "i": nucleusFree, "o": nucleusFree, "ô": nucleusFree,
	"ơ": nucleusFree, "u": nucleusFree, "ư": nucleusFree, "y": nucleusFree,

	"ai": nucleusNoFinal, "ao": nucleusNoFinal, "au": nucleusNoFinal, "ay": nucleusNoFinal,
	"âu": nucleusNoFinal, "ây": nucleusNoFinal, "eo": nucleusNoFinal, "êu": nucleusNoFinal,
	"ia": nucleusNoFinal, "iê": nucleusNeedFinal, "iu": nucleusNoFinal, "oa": nucleusFree,
	"oă": nucleusNeedFinal, "oe": nucleusFree, "oi": nucleusNoFinal, "ôi": nucleusNoFinal,
	"ơi": nucleusNoFinal, "oo": nucleusNeedFinal, "ua": nucleusNoFinal, "uâ": nucleusNeedFinal,
	"uê": nucleusFree, "ui": nucleusNoFinal, "uô": nucleusNeedFinal, "uơ": nucleusNoFinal,
	"uy": nucleusFree, "ưa": nucleusNoFinal, "ưi": nucleusNoFinal, "ươ": nucleusNeedFinal,
	"ưu": nucleusNoFinal, "yê": nucleusNeedFinal,

	"iêu": nucleusNoFinal, "yêu": nucleusNoFinal, "oai": nucleusNoFinal, "oao": nucleusNoFinal,
	"oay": nucleusNoFinal, "oeo": nucleusNoFinal, "uây": nucleusNoFinal, "uôi": nucleusNoFinal,
	"ươi": nucleusNoFinal, "ươu": nucleusNoFinal, "uya": nucleusNoFinal, "uyê": nucleusNeedFinal,
	"uyu": nucleusNoFinal,
}

// validRhyme reports whether rest (the syllable after its initial) is a nucleus and
// a final that go together under the given tone.
func validRhyme(rest string, tone uint8) bool {
	for _, final := range finals {
		nucleus, ok := strings.CutSuffix(rest, final)
		if !ok {
			continue
		}
		kind, ok := nuclei[nucleus]
		if !ok {
			continue
		}
		switch {
		case final == "" && kind == nucleusNeedFinal,
			final != "" && kind == nucleusNoFinal:
			continue
		case final == "nh" || final == "ch":
			// -nh and -ch follow only a, ê, i, y: anh, ênh, inh, uynh, ach, ếch, ich.
			if !strings.HasSuffix(nucleus, "a") && !strings.HasSuffix(nucleus, "ê") &&
				!strings.HasSuffix(nucleus, "i") && !strings.HasSuffix(nucleus, "y") {
				continue
			}
		}
		// Stopped syllables (-c, -ch, -p, -t) take only the sắc or nặng tone.
		if (final == "c" || final == "ch" || final == "p" || final == "t") &&
			tone != toneAcute && tone != toneDot {
			continue
		}
		return true
	}
	return false
}
