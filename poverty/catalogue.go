package poverty

import (
	"bytes"
	"embed"
	"io"
	"slices"
	"time"
)

//go:embed standards/2022-2026.json standards/2027-2030.json
var nationalFiles embed.FS

// national holds the national standards in order of validity.
var national = mustLoadNational("standards/2022-2026.json", "standards/2027-2030.json")

func mustLoadNational(names ...string) Catalogue {
	var c Catalogue
	for _, name := range names {
		b, err := nationalFiles.ReadFile(name)
		if err != nil {
			panic("poverty: " + err.Error())
		}
		s, err := loadStandard(bytes.NewReader(b), nil)
		if err != nil {
			panic("poverty: embedded standard " + name + ": " + err.Error())
		}
		c = append(c, s)
	}
	return c
}

// Catalogue is an ordered list of standards. Where two apply to the same date or share
// an ID, the later one wins, so that a local standard appended after the national ones
// replaces them for its period.
type Catalogue []*Standard

// Standards returns the national standards shipped with the package, in order of
// validity: "2022-2026" and "2027-2030". The standards are shared: treat them as
// read-only; append local standards to the returned catalogue.
func Standards() Catalogue { return slices.Clone(national) }

// StandardByID returns the national standard with the given ID.
func StandardByID(id string) (*Standard, error) { return national.ByID(id) }

// StandardInForce returns the national standard in force on the civil date of t.
func StandardInForce(t time.Time) (*Standard, error) { return national.InForce(t) }

// ByID returns the last standard of c with the given ID, or an ENOTFOUND error.
func (c Catalogue) ByID(id string) (*Standard, error) {
	for i := len(c) - 1; i >= 0; i-- {
		if c[i].ID == id {
			return c[i], nil
		}
	}
	return nil, notFound("standard", "Không có chuẩn nghèo mã %q (có: %s)", "no standard with id %q (known: %s)", id, c.ids())
}

// InForce returns the last standard of c valid on the civil date of t, or an
// ENOTFOUND error (e.g. for 2021, which used the 2016-2020 standard of Decision
// 59/2015/QĐ-TTg, not held here).
func (c Catalogue) InForce(t time.Time) (*Standard, error) {
	d := DateOf(t)
	for i := len(c) - 1; i >= 0; i-- {
		if c[i].ValidOn(d) {
			return c[i], nil
		}
	}
	return nil, notFound("date", "Không có chuẩn nghèo áp dụng cho ngày %s (có: %s)", "no standard applies on %s (known: %s)", d.String(), c.ids())
}

func (c Catalogue) ids() string {
	s := ""
	for i, x := range c {
		if i > 0 {
			s += ", "
		}
		s += x.ID + " (" + x.ValidFrom.String() + " – " + x.ValidTo.String() + ")"
	}
	return s
}

// LoadStandard reads a standard in JSON (the format of standards/2022-2026.json) and
// validates it. A local standard names its national base in "base": its lines must be
// at least the base's, and its indicators the same.
func LoadStandard(r io.Reader) (*Standard, error) { return loadStandard(r, national) }

func loadStandard(r io.Reader, bases Catalogue) (*Standard, error) {
	var s Standard
	if err := decodeReader(r, &s); err != nil {
		return nil, err
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if s.Base == "" {
		return &s, nil
	}
	base, err := bases.ByID(s.Base)
	if err != nil {
		return nil, invalid("base", "Chuẩn %s: không có chuẩn quốc gia %q làm cơ sở", "standard %s: no national standard %q to build on", s.ID, s.Base)
	}
	for _, a := range []Area{Rural, Urban} {
		l, b := s.Lines.For(a), base.Lines.For(a)
		if l.Poverty < b.Poverty || l.MiddleUpper < b.MiddleUpper || l.LowIncomeWorker < b.LowIncomeWorker {
			return nil, invalid("lines."+string(a), "Chuẩn địa phương %s: các mức %s không được thấp hơn chuẩn quốc gia %s", "local standard %s: the %s lines must not be below those of national standard %s", s.ID, a, base.ID)
		}
	}
	if !slices.Equal(s.ids, base.ids) {
		return nil, invalid("indicators", "Chuẩn địa phương %s phải có đúng các chỉ số của chuẩn quốc gia %s", "local standard %s must have exactly the indicators of national standard %s", s.ID, base.ID)
	}
	return &s, nil
}
