package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// VNI-Windows (the VNI Times fonts) writes most Vietnamese letters as a base letter
// followed by a second byte that the font draws as the diacritics: "Nguyeãn Vaên A"
// is "Nguyễn Văn A". A few letters are one byte of their own: ơ = ô, ư = ö, đ = ñ,
// and the i's and ỵ (ì, í, ỉ = æ, ĩ = ó, ị = ò, ỵ = î). Upper-case letters use
// upper-case bytes ("AÙ" = Á). Since the bytes are 0x80..0xFF of Windows-1252,
// VNI text usually reaches us already read as Windows-1252 characters, which is what
// DecodeVNI takes.
//
// The table was written from the VNI-Windows layout and cross-checked against the
// VNI table of xvnkb (vni.h), a Vietnamese keyboard driver.

// vniRows gives, for each row of vowelRows, the lower-case VNI spelling of its six
// tones.
var vniRows = [12][6]string{
	{"a", "aø", "aû", "aõ", "aù", "aï"},
	{"aê", "aè", "aú", "aü", "aé", "aë"},
	{"aâ", "aà", "aå", "aã", "aá", "aä"},
	{"e", "eø", "eû", "eõ", "eù", "eï"},
	{"eâ", "eà", "eå", "eã", "eá", "eä"},
	{"i", "ì", "æ", "ó", "í", "ò"},
	{"o", "oø", "oû", "oõ", "où", "oï"},
	{"oâ", "oà", "oå", "oã", "oá", "oä"},
	{"ô", "ôø", "ôû", "ôõ", "ôù", "ôï"},
	{"u", "uø", "uû", "uõ", "uù", "uï"},
	{"ö", "öø", "öû", "öõ", "öù", "öï"},
	{"y", "yø", "yû", "yõ", "yù", "î"},
}

// vniPairs maps a base letter and the byte after it to a letter; vniSingles maps the
// one-byte VNI letters. Both are built from vniRows in upper and lower case; a pair
// takes its case from the base letter and accepts the second byte in either case
// ("Aùnh" and "AÙnh" both give "Ánh"), since both turn up in real files.
var (
	vniPairs   = map[[2]rune]rune{}
	vniSingles = map[rune]rune{}
)

func init() {
	for i, row := range vniRows {
		lo, up := []rune(vowelRows[i].lower), []rune(vowelRows[i].upper)
		for tone, spelling := range row {
			rs := []rune(spelling)
			switch len(rs) {
			case 1:
				if rs[0] != lo[tone] { // not a plain ASCII vowel or ì/í
					vniSingles[rs[0]] = lo[tone]
					vniSingles[unicode.ToUpper(rs[0])] = up[tone]
				}
			case 2:
				base, mark := rs[0], rs[1]
				ubase, umark := unicode.ToUpper(base), unicode.ToUpper(mark)
				vniPairs[[2]rune{base, mark}] = lo[tone]
				vniPairs[[2]rune{base, umark}] = lo[tone]
				vniPairs[[2]rune{ubase, umark}] = up[tone]
				vniPairs[[2]rune{ubase, mark}] = up[tone]
			}
		}
	}
	vniSingles['ñ'], vniSingles['Ñ'] = 'đ', 'Đ'
}

// DecodeVNI decodes VNI-Windows text that was read as Windows-1252 (or Latin-1)
// characters to NFC Unicode: DecodeVNI("Nguyeãn Vaên A") == "Nguyễn Văn A". To decode
// raw VNI bytes, use Decode(b, VNI). Characters that are not part of a VNI spelling
// pass through unchanged.
func DecodeVNI(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s
	}
	if i > 0 {
		i-- // the last ASCII byte may be the base of a pair
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	rs := []rune(s[i:])
	for j := 0; j < len(rs); j++ {
		if j+1 < len(rs) {
			if r, ok := vniPairs[[2]rune{rs[j], rs[j+1]}]; ok {
				b.WriteRune(r)
				j++
				continue
			}
		}
		if r, ok := vniSingles[rs[j]]; ok {
			b.WriteRune(r)
			continue
		}
		b.WriteRune(rs[j])
	}
	return NFC(b.String())
}
