package importfile

import (
	"bytes"
	"io"
	"testing"

	"giamngheo/registry"
)

// readAll reads every household of a file.
func readAllHouseholds(t *testing.T, b []byte, name string) []*registry.Household {
	t.Helper()
	rd, err := Open(bytes.NewReader(b), name)
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	var out []*registry.Household
	for {
		h, issues, err := rd.Next()
		if err == io.EOF {
			return out
		} else if err != nil {
			t.Fatal(err)
		}
		if HasError(issues) {
			t.Fatalf("issues reading back %s: %+v", name, issues)
		}
		out = append(out, h)
	}
}

// TestWriterRoundTrip: the template's household, written by the export writer in CSV
// and XLSX, reads back with the same content.
func TestWriterRoundTrip(t *testing.T) {
	var tpl bytes.Buffer
	if err := WriteTemplateCSV(&tpl); err != nil {
		t.Fatal(err)
	}
	want := readAllHouseholds(t, tpl.Bytes(), "mau.csv")
	if len(want) != 1 || len(want[0].Members) != 3 {
		t.Fatalf("template: %d households", len(want))
	}
	// Beyond the template: a fractional land area and allowances, one per member.
	area := 2500.75
	want[0].Livelihood.ForestLandM2 = &area
	want[0].Members[0].SocialAllowance = registry.AllowanceSingleParent
	want[0].Members[2].SocialAllowance = registry.AllowanceChild
	// The traits: the template gives two causes and two needs; a person of merit and an
	// officer's "has labour capacity" besides.
	if len(want[0].Traits.Causes) != 2 || len(want[0].Traits.Needs) != 2 {
		t.Fatalf("template traits %+v", want[0].Traits)
	}
	no := false
	want[0].Traits.Merit, want[0].Traits.NoLabourOverride = true, &no
	for _, tc := range []struct {
		name string
		new  func(io.Writer) (*Writer, error)
	}{{"xuat.csv", NewCSVWriter}, {"xuat.xlsx", NewXLSXWriter}} {
		var b bytes.Buffer
		w, err := tc.new(&b)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(want[0]); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		got := readAllHouseholds(t, b.Bytes(), tc.name)
		if len(got) != 1 || !registry.SameContent(got[0], want[0]) || *got[0].Livelihood.ForestLandM2 != area || got[0].Members[2].SocialAllowance != registry.AllowanceChild ||
			!got[0].Traits.Merit || got[0].Traits.NoLabourOverride == nil || *got[0].Traits.NoLabourOverride {
			t.Fatalf("%s: round trip differs:\n got %+v\nwant %+v", tc.name, got, want)
		}
	}
}
