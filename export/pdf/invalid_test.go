package pdf

import (
	"bytes"
	"testing"
	"time"
)

// Bad input is refused with EINVALID naming the field, before anything is written,
// and never panics.
func TestInvalidInput(t *testing.T) {
	cases := []struct {
		name  string
		field string
		write func(*bytes.Buffer) error
	}{
		{"nil posting list", "doc", func(b *bytes.Buffer) error { return WritePostingList(b, nil) }},
		{"posting list without commune", "commune", func(b *bytes.Buffer) error {
			d := samplePostingList()
			d.Commune = "  "
			return WritePostingList(b, d)
		}},
		{"posting list without period", "posted_from", func(b *bytes.Buffer) error {
			d := samplePostingList()
			d.PostedFrom = time.Time{}
			return WritePostingList(b, d)
		}},
		{"posting period backwards", "posted_to", func(b *bytes.Buffer) error {
			d := samplePostingList()
			d.PostedTo = d.PostedFrom.AddDate(0, 0, -1)
			return WritePostingList(b, d)
		}},
		{"posting list row without head", "near_poor[0].head", func(b *bytes.Buffer) error {
			d := samplePostingList()
			d.NearPoor[0].Head = ""
			return WritePostingList(b, d)
		}},
		{"13 deprivations", "poor[1].deprivations", func(b *bytes.Buffer) error {
			d := samplePostingList()
			d.Poor[1].Deprivations = 13
			return WritePostingList(b, d)
		}},
		{"bad review year", "round.year", func(b *bytes.Buffer) error {
			d := samplePostingList()
			d.Round.Year = 0
			return WritePostingList(b, d)
		}},
		{"nil minutes", "doc", func(b *bytes.Buffer) error { return WriteMeetingMinutes(b, nil) }},
		{"minutes without commune", "commune", func(b *bytes.Buffer) error {
			d := sampleMinutes()
			d.Commune = ""
			return WriteMeetingMinutes(b, d)
		}},
		{"minutes without attendees", "attendees", func(b *bytes.Buffer) error {
			d := sampleMinutes()
			d.Attendees = 0
			return WriteMeetingMinutes(b, d)
		}},
		{"more agree than attend", "households[0].agree", func(b *bytes.Buffer) error {
			d := sampleMinutes()
			d.Households[0].Agree = 41
			return WriteMeetingMinutes(b, d)
		}},
		{"vote with more attendees than the meeting", "households[2].attendees", func(b *bytes.Buffer) error {
			d := sampleMinutes()
			d.Households[2].Attendees = 41
			return WriteMeetingMinutes(b, d)
		}},
		{"no proposed result", "households[1].proposed", func(b *bytes.Buffer) error {
			d := sampleMinutes()
			d.Households[1].Proposed = 0
			return WriteMeetingMinutes(b, d)
		}},
		{"nil decision", "doc", func(b *bytes.Buffer) error { return WriteDecision(b, nil) }},
		{"decision without commune", "commune", func(b *bytes.Buffer) error {
			d := sampleDecision()
			d.Commune = ""
			return WriteDecision(b, d)
		}},
		{"decision without number", "number", func(b *bytes.Buffer) error {
			d := sampleDecision()
			d.Number = ""
			return WriteDecision(b, d)
		}},
		{"decision with no household", "poor", func(b *bytes.Buffer) error {
			d := sampleDecision()
			d.Poor, d.NearPoor, d.EscapedPoor = nil, nil, nil
			return WriteDecision(b, d)
		}},
		{"nil certificate", "doc", func(b *bytes.Buffer) error { return WriteCertificate(b, nil) }},
		{"certificate without commune", "commune", func(b *bytes.Buffer) error {
			d := sampleCertificate()
			d.Commune = ""
			return WriteCertificate(b, d)
		}},
		{"certificate without head", "head", func(b *bytes.Buffer) error {
			d := sampleCertificate()
			d.Head = " \t"
			return WriteCertificate(b, d)
		}},
		{"certificate for escaped poor", "class", func(b *bytes.Buffer) error {
			d := sampleCertificate()
			d.Class = EscapedPoor
			return WriteCertificate(b, d)
		}},
		{"certificate without class", "class", func(b *bytes.Buffer) error {
			d := sampleCertificate()
			d.Class = 0
			return WriteCertificate(b, d)
		}},
		{"certificate number 0", "number", func(b *bytes.Buffer) error {
			d := sampleCertificate()
			d.Number = 0
			return WriteCertificate(b, d)
		}},
		{"certificate ID with letters", "national_id", func(b *bytes.Buffer) error {
			d := sampleCertificate()
			d.NationalID = "03018600123A"
			return WriteCertificate(b, d)
		}},
		{"member born in the future", "members[2].birth_year", func(b *bytes.Buffer) error {
			d := sampleCertificate()
			d.Members[2].BirthYear = 2099
			return WriteCertificate(b, d)
		}},
		{"nil writer", "w", func(*bytes.Buffer) error { return WriteCertificate(nil, sampleCertificate()) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			err := c.write(&b)
			MustBeInvalid(t, err, c.field)
			if b.Len() != 0 {
				t.Errorf("%d bytes written before the error", b.Len())
			}
		})
	}
}

// Awkward text — decomposed diacritics, characters outside the font's plane,
// control characters, a very long word — is written, not refused, and never panics.
func TestAwkwardText(t *testing.T) {
	d := samplePostingList()
	d.Poor[0].Head = "Nguye\u0302\u0303n Thi\u0323 Hu\u031Bo\u031B\u0300ng" // NFD
	d.Poor[1].Note = "🙂 tab\there\x00\x07 " + string(make([]byte, 0)) + "Ghi_chú_rất_dài_không_có_dấu_cách_nào_để_xuống_dòng_" +
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	d.NearPoor[0].Address = "\ufffd\u200b Thôn\nNam"
	path := MustWriteFile(t, "awkward.pdf", func(b *bytes.Buffer) error { return WritePostingList(b, d) })
	text := MustText(t, path)
	// The decomposed name is composed (NFC) before it is drawn.
	MustContain(t, text, "Nguyễn Thị Hường", "Ghi_chú")
}

// Documents can be written from several goroutines at once: the embedded font bytes
// are shared and must only be read (run with -race).
func TestConcurrentWrites(t *testing.T) {
	errs := make(chan error, 8)
	for i := range 8 {
		go func() {
			var b bytes.Buffer
			switch i % 4 {
			case 0:
				errs <- WritePostingList(&b, samplePostingList())
			case 1:
				errs <- WriteMeetingMinutes(&b, sampleMinutes())
			case 2:
				errs <- WriteDecision(&b, sampleDecision())
			default:
				errs <- WriteCertificate(&b, sampleCertificate())
			}
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// DefaultLegalBases hands out a copy: a caller editing it changes no later document.
func TestDefaultLegalBasesCopy(t *testing.T) {
	b := DefaultLegalBases()
	b[0] = "changed"
	if DefaultLegalBases()[0] == "changed" {
		t.Error("DefaultLegalBases shares its backing array")
	}
}
