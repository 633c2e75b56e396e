package vntext

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Encoders for the round-trip tests only: the system reads legacy files, it never
// writes them.

// EncodeTCVN3 encodes NFC text as TCVN3 (VN3) bytes. Capitals with a tone have no
// VN3 code and are written with the lower-case code, as a .VnTimeH user would type
// them.
func EncodeTCVN3(s string) ([]byte, error) {
	enc := map[rune]byte{'\u00A0': 0xA0, 'đ': 0xAE, 'Đ': 0xA7}
	for c, r := range tcvn3Capitals {
		enc[r] = c
	}
	for i, row := range tcvn3Rows {
		lo, up := []rune(vowelRows[i].lower), []rune(vowelRows[i].upper)
		for tone, c := range row {
			if c == 0 {
				continue
			}
			enc[lo[tone]] = c
			if _, has := enc[up[tone]]; !has { // Ă Â Ê Ô Ơ Ư keep their capital codes
				enc[up[tone]] = c
			}
		}
	}
	var b []byte
	for _, r := range s {
		if r < utf8.RuneSelf {
			b = append(b, byte(r))
		} else if c, ok := enc[r]; ok {
			b = append(b, c)
		} else {
			return nil, fmt.Errorf("no TCVN3 code for %q", r)
		}
	}
	return b, nil
}

// EncodeVNI encodes NFC text as VNI-Windows, returned as the Windows-1252 characters
// of its bytes (the form DecodeVNI takes).
func EncodeVNI(s string) (string, error) {
	enc := map[rune]string{'đ': "ñ", 'Đ': "Ñ"}
	for i, row := range vniRows {
		lo, up := []rune(vowelRows[i].lower), []rune(vowelRows[i].upper)
		for tone, spelling := range row {
			enc[lo[tone]] = spelling
			enc[up[tone]] = strings.ToUpper(spelling)
		}
	}
	var b strings.Builder
	for _, r := range s {
		if e, ok := enc[r]; ok {
			b.WriteString(e)
		} else if r < utf8.RuneSelf {
			b.WriteRune(r)
		} else {
			return "", fmt.Errorf("no VNI spelling for %q", r)
		}
	}
	return b.String(), nil
}

// allLetters returns the 134 non-ASCII Vietnamese letters, lower case then upper.
func allLetters() (lower, upper []rune) {
	for _, row := range vowelRows {
		for _, r := range row.lower {
			if r >= utf8.RuneSelf {
				lower = append(lower, r)
			}
		}
		for _, r := range row.upper {
			if r >= utf8.RuneSelf {
				upper = append(upper, r)
			}
		}
	}
	return append(lower, 'đ'), append(upper, 'Đ')
}

// Realistic names and places used across the tests.
var sampleNames = []string{
	"Nguyễn Thị Hường", "Trần Văn Đức", "Phạm Ngọc Ánh", "Lê Thị Bích Ngọc",
	"Đỗ Quang Vũ", "Bùi Thị Thuỷ", "Tứ Kỳ", "Thanh Hà", "Cẩm Giàng",
}
