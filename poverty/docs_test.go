package poverty

import (
	"os"
	"strings"
	"testing"
)

// TestDocsExample checks that the input line documented in docs/classify.md is valid
// and gives the class the document shows.
func TestDocsExample(t *testing.T) {
	b, err := os.ReadFile("../docs/classify.md")
	if err != nil {
		t.Skip("docs/classify.md not found:", err)
	}
	_, after, ok := strings.Cut(string(b), "The same household as an input line:\n\n```\n")
	if !ok {
		t.Fatal("docs/classify.md: the example input line is missing")
	}
	line, _, _ := strings.Cut(after, "\n")
	var in streamInput
	if err := decodeJSON([]byte(line), &in); err != nil {
		t.Fatalf("documented example: %v", err)
	}
	r, err := Classify(&in.Household, mustStandard(t, "2022-2026"), Rural, ref2026, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Class != Poor || r.Income.PerCapita != 1_450_000 || r.DeprivationCount != 5 ||
		!strings.Contains(string(b), `"class": "poor"`) || !strings.Contains(string(b), `"deprivation_count": 5`) {
		t.Errorf("documented example gives %s with %d deprivations (per capita %d)", r.Class, r.DeprivationCount, r.Income.PerCapita)
	}
}
