package poverty

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected explanations in testdata/golden/*.golden")

// goldenCase is one file testdata/golden/NAME.json: a household as the calculator
// reads it, the settings of the review, and the class a policy officer expects. The
// expected explanation is in NAME.golden, which -update regenerates; the class is
// checked against expect_class, which -update never changes.
type goldenCase struct {
	Description string          `json:"description"`
	Standard    string          `json:"standard"`
	Date        string          `json:"date"`
	Area        Area            `json:"area"`
	Card        string          `json:"card,omitempty"` // "example" for the example card
	ExpectClass Class           `json:"expect_class"`
	Household   json.RawMessage `json:"household"`
}

// TestGolden classifies every household of testdata/golden and compares the result
// and explanation with the .golden file next to it.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var c goldenCase
			if err := decodeJSON(b, &c); err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			h, err := DecodeHousehold(c.Household)
			if err != nil {
				t.Fatalf("household: %v", err)
			}
			std := mustStandard(t, c.Standard)
			ref, err := ParseDate(c.Date)
			if err != nil {
				t.Fatal(err)
			}
			var card *ScoreCard
			if c.Card == "example" {
				card = ExampleScoreCard()
			}
			r, err := ClassifyExplained(h, std, c.Area, ref.Time(), card)
			if err != nil {
				t.Fatalf("classify: %v", err)
			}
			if r.Class != c.ExpectClass {
				t.Errorf("class %s, the case expects %s", r.Class, c.ExpectClass)
			}
			got := goldenText(&c, &r)
			path := strings.TrimSuffix(file, ".json") + ".golden"
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./poverty -run TestGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("explanation differs from %s (run with -update after checking):\n--- got\n%s--- want\n%s", path, got, want)
			}
		})
	}
}

// goldenText writes a result the way a policy officer reads it.
func goldenText(c *goldenCase, r *Result) string {
	list := func(keys []IndicatorKey) string {
		if len(keys) == 0 {
			return "-"
		}
		s := make([]string, len(keys))
		for i, k := range keys {
			s[i] = string(k)
		}
		return strings.Join(s, ", ")
	}
	members := "-"
	if r.LowIncomeWorkers != 0 {
		members = fmt.Sprint(r.LowIncomeWorkers.Indexes())
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", c.Description)
	fmt.Fprintf(&b, "class: %s\n", r.Class)
	fmt.Fprintf(&b, "standard: %s, date: %s, area: %s, income method: %s, example card: %v\n", r.Standard, r.ReferenceDate, r.Area, r.IncomeMethod, r.ExampleCard)
	fmt.Fprintf(&b, "deprived (%d): %s\n", r.DeprivationCount, list(r.Deprived.Keys()))
	fmt.Fprintf(&b, "unknown: %s, provisional: %v\n", list(r.Unknown.Keys()), r.Provisional)
	fmt.Fprintf(&b, "low-income workers (member indexes from 0): %s\n", members)
	b.WriteString("\n[vi]\n")
	b.WriteString(r.Explanation.VI())
	b.WriteString("\n[en]\n")
	b.WriteString(r.Explanation.EN())
	return b.String()
}
