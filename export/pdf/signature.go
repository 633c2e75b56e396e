package pdf

// Signature is who signs a document: the capacity line(s) in capitals, a blank for
// the signature and seal, and the full name.
type Signature struct {
	Authority string // "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"; may be empty
	Title     string // "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TRƯỞNG THÔN"
	Name      string // full name of the signer; empty leaves the line for a hand-written name
}

// orDefault returns s, with Authority and Title taken from def when both are empty.
func (s Signature) orDefault(def Signature) Signature {
	if oneLine(s.Authority) == "" && oneLine(s.Title) == "" {
		s.Authority, s.Title = def.Authority, def.Title
	}
	return s
}

// blockLine is one line of a column of a signature block.
type blockLine struct {
	text  string
	bold  bool
	size  float64 // 0 = bodySize
	gap   float64 // space before the line, in mm
	align string  // "" = centred
}

// lines of a signature: capacity, title, space for signature and seal, name.
func (s Signature) lines() []blockLine {
	var ls []blockLine
	if a := upper(s.Authority); a != "" {
		ls = append(ls, blockLine{text: a, bold: true})
	}
	if t := upper(s.Title); t != "" {
		ls = append(ls, blockLine{text: t, bold: true})
	}
	ls = append(ls, blockLine{text: oneLine(s.Name), bold: true, gap: 24})
	return ls
}

// recipientLines is the "Nơi nhận:" list at the bottom left of a decision.
func recipientLines(rs []string) []blockLine {
	ls := []blockLine{{text: "Nơi nhận:", bold: true, size: 10, align: "L"}}
	for _, r := range rs {
		ls = append(ls, blockLine{text: "- " + oneLine(r), size: 9, align: "L"})
	}
	return ls
}

// blockHeight is the height of a column of lines in width w.
func (l *layout) blockHeight(ls []blockLine, w float64) float64 {
	var h float64
	for _, b := range ls {
		size := b.size
		if size == 0 {
			size = bodySize
		}
		l.font(b.bold, size)
		h += b.gap + float64(max(1, len(l.pdf.SplitText(b.text, w))))*size*0.5
	}
	return h
}

// drawBlock writes a column of lines at x in width w from y and returns the y below.
func (l *layout) drawBlock(ls []blockLine, x, y, w float64) float64 {
	for _, b := range ls {
		size := b.size
		if size == 0 {
			size = bodySize
		}
		align := b.align
		if align == "" {
			align = "C"
		}
		l.font(b.bold, size)
		y += b.gap
		l.pdf.SetXY(x, y)
		l.pdf.MultiCell(w, size*0.5, b.text, "", align, false)
		y = l.pdf.GetY()
	}
	return y
}

// columns writes two blocks side by side (either may be nil), left in the left half
// and right in the right half, kept together on one page.
func (l *layout) columns(left, right []blockLine) {
	const gap = 5.0
	w := (l.contentW() - gap) / 2
	h := max(l.blockHeight(left, w), l.blockHeight(right, w))
	l.space(4, h)
	y := l.pdf.GetY()
	yl := l.drawBlock(left, l.left, y, w)
	yr := l.drawBlock(right, l.left+w+gap, y, w)
	l.pdf.SetXY(l.left, max(yl, yr)+2)
	l.font(false, bodySize)
}
