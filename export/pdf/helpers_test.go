package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"giamngheo/internal/testenv"

	"giamngheo"
)

// tool returns the path of a poppler-utils program (testenv: a failure on CI).
func tool(tb testing.TB, name string) string {
	tb.Helper()
	return testenv.Tool(tb, "apt-get install -y poppler-utils", name)
}

// MustWriteFile renders a document with write into a file in a temporary directory
// and returns its path.
func MustWriteFile(tb testing.TB, name string, write func(*bytes.Buffer) error) string {
	tb.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		tb.Fatalf("write %s: %v", name, err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		tb.Fatalf("%s: output does not start with %%PDF-", name)
	}
	path := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// MustRun runs a poppler program and returns its standard output.
func MustRun(tb testing.TB, name string, args ...string) string {
	tb.Helper()
	cmd := exec.Command(tool(tb, name), args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		tb.Fatalf("%s %v: %v\n%s", name, args, err, errOut.String())
	}
	return out.String()
}

// MustText extracts the text of a PDF with pdftotext -layout; pages are separated
// by form feeds.
func MustText(tb testing.TB, path string) string {
	tb.Helper()
	return MustRun(tb, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
}

// MustContain fails for each want missing from text. A phrase may be wrapped over
// two lines of a paragraph, so it is also looked for with the text's runs of white
// space collapsed to one space.
func MustContain(tb testing.TB, text string, wants ...string) {
	tb.Helper()
	flat := strings.Join(strings.Fields(text), " ")
	for _, w := range wants {
		if !strings.Contains(text, w) && !strings.Contains(flat, w) {
			tb.Errorf("extracted text lacks %q", w)
		}
	}
}

// MustEmbedDejaVu checks with pdffonts that every font of the file is an embedded
// DejaVu subset, and returns the pdffonts output.
func MustEmbedDejaVu(tb testing.TB, path string) string {
	tb.Helper()
	out := MustRun(tb, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		tb.Fatalf("pdffonts lists no font:\n%s", out)
	}
	for _, ln := range lines[2:] { // after the title and the dashes
		f := strings.Fields(ln)
		if !strings.Contains(ln, "DejaVu") && !strings.Contains(strings.ToLower(ln), "dejavu") {
			tb.Errorf("font not DejaVu: %s", ln)
		}
		// Columns: name type encoding emb sub uni object ID; with "CID TrueType"
		// and "Identity-H" the emb/sub/uni flags are fields 4, 5, 6.
		if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-3] != "yes" {
			tb.Errorf("font not embedded with a ToUnicode map (want emb yes, uni yes): %s", ln)
		}
	}
	return out
}

// MustBeInvalid checks that err is an EINVALID application error about field with a
// Vietnamese and an English message that both name the field.
func MustBeInvalid(tb testing.TB, err error, field string) {
	tb.Helper()
	var e *giamngheo.Error
	if !errors.As(err, &e) {
		tb.Fatalf("err = %v, want *giamngheo.Error about %s", err, field)
	}
	if e.Code != giamngheo.EINVALID || e.Field != field {
		tb.Errorf("code=%s field=%s, want %s %s", e.Code, e.Field, giamngheo.EINVALID, field)
	}
	if !strings.Contains(e.Message, field) || !strings.Contains(e.MessageEN, field) {
		tb.Errorf("messages do not name %s: %q / %q", field, e.Message, e.MessageEN)
	}
}

// day is a date in Vietnam's time zone offset.
func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.FixedZone("ICT", 7*3600))
}

// pages returns the pages of extracted text.
func pages(text string) []string {
	return strings.Split(strings.TrimRight(text, "\f"), "\f")
}

// manyHouseholds returns n distinct households for long lists.
func manyHouseholds(n int) []Household {
	villages := []string{"Thôn Đông", "Thôn Đoài", "Thôn Nam", "Thôn Bắc", "Thôn Thượng"}
	heads := []string{"Lê Văn Bình", "Vũ Thị Lan", "Đỗ Minh Quân", "Bùi Thị Hằng", "Hoàng Văn Lực"}
	hs := make([]Household, n)
	for i := range hs {
		hs[i] = Household{
			Head:         fmt.Sprintf("%s %03d", heads[i%len(heads)], i+1),
			Address:      villages[i%len(villages)],
			Members:      1 + i%6,
			Score:        90 + i%50,
			Deprivations: 3 + i%4,
		}
	}
	return hs
}
