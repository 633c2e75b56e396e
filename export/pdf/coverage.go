package pdf

import (
	"encoding/binary"
	"errors"
	"sync"
)

// glyphSet is a set of characters of the Basic Multilingual Plane.
type glyphSet [0x10000 / 64]uint64

// has reports whether r is in s.
func (s *glyphSet) has(r rune) bool {
	return r >= 0 && r <= 0xFFFF && s[r/64]&(1<<(r%64)) != 0
}

// covered is the set of characters that both embedded fonts can draw, read once
// from their cmap tables. clean replaces any other character with "?", because fpdf
// gives a character without a glyph no width when it wraps text (it would overflow
// its cell) and prints it as an empty box.
var covered = sync.OnceValue(func() *glyphSet {
	regular, err1 := cmapGlyphs(fontRegular)
	bold, err2 := cmapGlyphs(fontBold)
	if err := errors.Join(err1, err2); err != nil {
		// The fonts are embedded and tested (TestCoverage); should they ever fail to
		// parse, let every character through rather than blank the documents.
		all := new(glyphSet)
		for i := range all {
			all[i] = ^uint64(0)
		}
		return all
	}
	for i := range regular {
		regular[i] &= bold[i]
	}
	return regular
})

// errCmap is returned for a font whose cmap cannot be read.
var errCmap = errors.New("export/pdf: no readable Unicode BMP cmap (format 4) in font")

// cmapGlyphs returns the characters that a TrueType font maps to a glyph other
// than .notdef, from its Unicode BMP cmap subtable (format 4; OpenType spec, "cmap"
// table).
func cmapGlyphs(font []byte) (*glyphSet, error) {
	be := binary.BigEndian
	u16 := func(off int) (int, bool) {
		if off < 0 || off+2 > len(font) {
			return 0, false
		}
		return int(be.Uint16(font[off:])), true
	}
	u32 := func(off int) (int, bool) {
		if off < 0 || off+4 > len(font) {
			return 0, false
		}
		return int(be.Uint32(font[off:])), true
	}
	// Table directory: numTables at 4, 16-byte records from 12.
	n, ok := u16(4)
	if !ok {
		return nil, errCmap
	}
	cmap := -1
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(font) {
			return nil, errCmap
		}
		if string(font[rec:rec+4]) == "cmap" {
			cmap, _ = u32(rec + 8)
		}
	}
	if cmap < 0 {
		return nil, errCmap
	}
	// Encoding records: Windows Unicode BMP (3, 1) or Unicode BMP (0, 3).
	sub := -1
	nsub, ok := u16(cmap + 2)
	if !ok {
		return nil, errCmap
	}
	for i := range nsub {
		rec := cmap + 4 + 8*i
		pid, ok1 := u16(rec)
		eid, ok2 := u16(rec + 2)
		off, ok3 := u32(rec + 4)
		if !ok1 || !ok2 || !ok3 {
			return nil, errCmap
		}
		if f, _ := u16(cmap + off); f == 4 && (pid == 3 && eid == 1 || pid == 0 && eid == 3) {
			sub = cmap + off
			break
		}
	}
	if sub < 0 {
		return nil, errCmap
	}
	segX2, ok := u16(sub + 6)
	if !ok || segX2 == 0 {
		return nil, errCmap
	}
	ends := sub + 14
	starts := ends + segX2 + 2
	deltas := starts + segX2
	ranges := deltas + segX2
	set := new(glyphSet)
	for i := 0; i < segX2; i += 2 {
		end, ok1 := u16(ends + i)
		start, ok2 := u16(starts + i)
		delta, ok3 := u16(deltas + i)
		ro, ok4 := u16(ranges + i)
		if !ok1 || !ok2 || !ok3 || !ok4 {
			return nil, errCmap
		}
		for c := start; c <= end && c < 0xFFFF; c++ {
			g := (c + delta) & 0xFFFF
			if ro != 0 {
				idx, ok := u16(ranges + i + ro + 2*(c-start))
				if !ok {
					return nil, errCmap
				}
				g = 0
				if idx != 0 {
					g = (idx + delta) & 0xFFFF
				}
			}
			if g != 0 {
				set[c/64] |= 1 << (c % 64)
			}
		}
	}
	return set, nil
}
