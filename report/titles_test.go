package report

import (
	"testing"
	"unicode/utf8"
)

// TestTitlesAreWholeText: every report's title and column titles are valid UTF-8 (a
// title cut inside a letter printed "Tái �" in the PDF), and the dynamics reports name
// the fell-back column after their own list.
func TestTitlesAreWholeText(t *testing.T) {
	for _, d := range Definitions {
		if !utf8.ValidString(d.Title) {
			t.Errorf("report %s: title %q", d.Name, d.Title)
		}
		for _, c := range d.Columns {
			if !utf8.ValidString(c.Title) || !utf8.ValidString(c.Group) || !utf8.ValidString(c.Formula) {
				t.Errorf("report %s column (%d): %q %q %q", d.Name, c.Num, c.Title, c.Group, c.Formula)
			}
		}
	}
	for name, want := range map[string]string{"dien-bien-ho-ngheo": "Tái nghèo", "dien-bien-ho-can-ngheo": "Tái cận nghèo"} {
		if got := Find(name).Columns[5].Title; got != want {
			t.Errorf("report %s column (6): %q, want %q", name, got, want)
		}
	}
}
