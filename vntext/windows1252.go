package vntext

import (
	"strings"
	"unicode/utf8"
)

// Legacy Vietnamese text reaches us through Windows, which reads its bytes in the
// system's ANSI code page, usually Windows-1252: a VNI or TCVN3 cell in an .xls or
// .xlsx workbook is stored as the Unicode string those bytes mean in Windows-1252
// ("NguyÔn" for TCVN3 "Nguyễn"). These helpers go both ways.

// cp1252High maps the bytes 0x80..0x9F of Windows-1252. The five bytes Windows-1252
// leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 controls of the same
// value, as Windows itself does, so that every byte survives a round trip.
var cp1252High = [32]rune{
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
}

// cp1252Reverse maps the non-Latin-1 runes of cp1252High back to their bytes.
var cp1252Reverse = func() map[rune]byte {
	m := make(map[rune]byte, len(cp1252High))
	for i, r := range cp1252High {
		m[r] = byte(0x80 + i)
	}
	return m
}()

// cp1252Rune returns the rune that Windows-1252 gives byte c.
func cp1252Rune(c byte) rune {
	if c >= 0x80 && c < 0xA0 {
		return cp1252High[c-0x80]
	}
	return rune(c)
}

// decodeWindows1252 reads b as Windows-1252 text. It never fails: every byte has a
// rune.
func decodeWindows1252(b []byte) string {
	var s strings.Builder
	s.Grow(len(b) + len(b)/2)
	for _, c := range b {
		if c < utf8.RuneSelf {
			s.WriteByte(c)
		} else {
			s.WriteRune(cp1252Rune(c))
		}
	}
	return s.String()
}

// encodeWindows1252 turns text that was read as Windows-1252 back into its bytes. It
// reports false when s has a rune Windows-1252 cannot have produced, which proves s
// is not a legacy encoding misread as Windows-1252.
func encodeWindows1252(s string) ([]byte, bool) {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < 0x80 || r >= 0xA0 && r <= 0xFF:
			b = append(b, byte(r))
		default:
			c, ok := cp1252Reverse[r]
			if !ok {
				return nil, false
			}
			b = append(b, c)
		}
	}
	return b, true
}
