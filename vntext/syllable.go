package vntext

import (
	"strings"
	"unicode/utf8"
)

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
	tonePos := -1
	firstUpper := false
	for _, r := range word {
		l, ok := lookupLetter(r)
		if !ok || n == len(buf) {
			return false
		}
		if l.tone != toneLevel {
			tone, tonePos = l.tone, n
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
		rest, ok := strings.CutPrefix(s, initial)
		if !ok {
			continue
		}
		pos := tonePos
		if pos >= 0 {
			if pos -= utf8.RuneCountInString(initial); pos < 0 {
				continue // "gì" is g + ì, not gi + a toneless nothing
			}
		}
		if validRhyme(rest, tone, pos) {
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
	"ơi": nucleusNoFinal, "ua": nucleusNoFinal, "uâ": nucleusNeedFinal,
	"uê": nucleusFree, "ui": nucleusNoFinal, "uô": nucleusNeedFinal, "uơ": nucleusNoFinal,
	"uy": nucleusFree, "ưa": nucleusNoFinal, "ưi": nucleusNoFinal, "ươ": nucleusNeedFinal,
	"ưu": nucleusNoFinal, "yê": nucleusNeedFinal,

	"iêu": nucleusNoFinal, "yêu": nucleusNoFinal, "oai": nucleusNoFinal, "oao": nucleusNoFinal,
	"oay": nucleusNoFinal, "oeo": nucleusNoFinal, "uây": nucleusNoFinal, "uôi": nucleusNoFinal,
	"ươi": nucleusNoFinal, "ươu": nucleusNoFinal, "uya": nucleusNoFinal, "uyê": nucleusNeedFinal,
	"uyu": nucleusNoFinal,
}

// The loan-word nucleus "oo" (xoong, moóc) is left out on purpose: it never occurs in
// names, and leaving it out keeps VNI "Loäc" (Lộc) from reading as TCVN3 "Loọc".

// validRhyme reports whether rest (the syllable after its initial) is a nucleus and
// a final that go together under the given tone, carried by the letter at tonePos
// (a rune index into rest; -1 for the level tone).
func validRhyme(rest string, tone uint8, tonePos int) bool {
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
		if tonePos >= 0 && !toneOnRightVowel([]rune(nucleus), final, tonePos) {
			continue
		}
		return true
	}
	return false
}

// toneOnRightVowel reports whether the tone mark sits where Vietnamese spelling puts
// it in this nucleus: on the vowel with a diacritic (the last one in ươ); on the only
// vowel; on the last vowel before a final consonant (toán, huỳnh); on either vowel of
// an open oa, oe, uy (the old "hoà", "thuỷ" and the new "hòa", "thủy" are both in
// use); otherwise on the first of two vowels (hái, mía, rìu) or the middle of three
// (ngoài, khuỷu).
func toneOnRightVowel(nucleus []rune, final string, pos int) bool {
	if pos >= len(nucleus) {
		return false
	}
	for i := len(nucleus) - 1; i >= 0; i-- {
		if strings.ContainsRune("ăâêôơư", nucleus[i]) {
			return pos == i
		}
	}
	switch {
	case len(nucleus) == 1:
		return true
	case final != "":
		return pos == len(nucleus)-1
	}
	switch string(nucleus) {
	case "oa", "oe", "uy":
		return true
	}
	if len(nucleus) == 2 {
		return pos == 0
	}
	return pos == 1
}
