package poverty

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"giamngheo"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestStandardInForce checks the choice of the standard by reference date.
func TestStandardInForce(t *testing.T) {
	for _, tt := range []struct {
		date, want string
	}{
		{"2022-01-01", "2022-2026"},
		{"2025-12-31", "2022-2026"},
		{"2026-12-31", "2022-2026"}, // Decree 351/2025: 2026 keeps the 2022-2025 standard
		{"2027-01-01", "2027-2030"},
		{"2030-12-31", "2027-2030"},
		{"2021-12-31", ""}, // 2021 used Decision 59/2015, not held
		{"2031-01-01", ""},
	} {
		s, err := StandardInForce(day(tt.date))
		switch {
		case tt.want == "" && giamngheo.ErrorCode(err) != giamngheo.ENOTFOUND:
			t.Errorf("%s: got %v, %v; want not found", tt.date, s, err)
		case tt.want != "" && (err != nil || s.ID != tt.want):
			t.Errorf("%s: got %v, %v; want %s", tt.date, s, err, tt.want)
		}
	}
	// The civil date is taken in the time's own location: 2026-12-31 23:30 in Hà Nội
	// is 2026-12-31, though it is 16:30 UTC; 2027-01-01 00:30 in Hà Nội is 2026 in UTC.
	hanoi := time.FixedZone("ICT", 7*3600)
	if s, _ := StandardInForce(time.Date(2027, 1, 1, 0, 30, 0, 0, hanoi)); s == nil || s.ID != "2027-2030" {
		t.Errorf("2027-01-01 00:30 ICT: got %v", s)
	}
}

// TestNationalStandards checks the data of the two national standards against
// regulations.md.
func TestNationalStandards(t *testing.T) {
	s22, s27 := mustStandard(t, "2022-2026"), mustStandard(t, "2027-2030")
	checks := []struct {
		name      string
		got, want int64
	}{
		{"2022 rural line", s22.Lines.Rural.Poverty, 1_500_000},
		{"2022 urban line", s22.Lines.Urban.Poverty, 2_000_000},
		{"2022 rural middle upper", s22.Lines.Rural.MiddleUpper, 2_250_000},
		{"2022 urban middle upper", s22.Lines.Urban.MiddleUpper, 3_000_000},
		{"2022 rural low-income worker", s22.Lines.Rural.LowIncomeWorker, 2_250_000},
		{"2022 urban low-income worker", s22.Lines.Urban.LowIncomeWorker, 3_000_000},
		{"2022 B1 rural", int64(s22.IncomeScoreLine.Rural), 140},
		{"2022 B1 urban", int64(s22.IncomeScoreLine.Urban), 175},
		{"2022 B2 per deprivation", int64(s22.ScorePerDeprivation), 10},
		{"2022 B2 poor", int64(s22.ScorePoorMin), 30},
		{"2022 poor deprivations", int64(s22.PoorMinDeprivations), 3},
		{"2022 indicators", int64(len(s22.Indicators)), 12},
		{"2027 rural line", s27.Lines.Rural.Poverty, 2_200_000},
		{"2027 urban line", s27.Lines.Urban.Poverty, 2_800_000},
		{"2027 poor deprivations", int64(s27.PoorMinDeprivations), 3},
		{"2027 indicators", int64(len(s27.Indicators)), 12},
		{"2027 B1 rural (not defined)", int64(s27.IncomeScoreLine.Rural), 0},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
	if s27.Has(IndicatorInfoDevices) || !s27.Has(IndicatorWaste) || !s22.Has(IndicatorInfoDevices) || s22.Has(IndicatorWaste) {
		t.Errorf("indicator sets: 2022 %v, 2027 %v", s22.want.Keys(), s27.want.Keys())
	}
	for _, s := range []*Standard{s22, s27} {
		// Every [U] indicator must be named uncertain in the notes, and the notes must
		// say "uncertain, configurable".
		notes := ""
		for _, n := range s.Notes {
			notes += n.VI + "\n" + n.EN + "\n"
		}
		if !strings.Contains(notes, "uncertain, configurable") || !strings.Contains(notes, "không chắc chắn, có thể cấu hình") {
			t.Errorf("%s: notes do not say 'uncertain, configurable'", s.ID)
		}
		for _, spec := range s.Indicators {
			if spec.Rule.VI == "" || spec.Rule.EN == "" || spec.Dimension.VI == "" {
				t.Errorf("%s: indicator %s lacks its rule or dimension", s.ID, spec.Key)
			}
		}
	}
}

// TestStandardsCatalogue checks that a later standard wins, and that the national
// catalogue cannot be changed through Standards().
func TestStandardsCatalogue(t *testing.T) {
	c := Standards()
	local := loadLocal(t, func(m map[string]any) {
		m["id"] = "HD-2026"
		m["base"] = "2022-2026"
		m["valid_from"] = "2026-01-01"
		lines := m["lines"].(map[string]any)
		lines["rural"].(map[string]any)["poverty"] = 1_800_000
	})
	c = append(c, local)
	if s, err := c.InForce(day("2026-06-30")); err != nil || s.ID != "HD-2026" {
		t.Errorf("2026 with the local standard: %v, %v", s, err)
	}
	if s, err := c.InForce(day("2025-06-30")); err != nil || s.ID != "2022-2026" {
		t.Errorf("2025 before the local standard: %v, %v", s, err)
	}
	if len(Standards()) != 2 {
		t.Errorf("appending to Standards() changed the national catalogue")
	}
	if _, err := c.ByID("nope"); giamngheo.ErrorCode(err) != giamngheo.ENOTFOUND {
		t.Errorf("ByID(nope): %v", err)
	}
	// The local standard's higher line applies.
	h := withDeprivations(1_700_000, 3)
	if r := mustClassify(t, h, local, Rural, ref2026, nil); r.Class != Poor || r.Income.Line != 1_800_000 {
		t.Errorf("local standard: %s against %d, want poor against 1,800,000", r.Class, r.Income.Line)
	}
}

// loadLocal loads the 2022-2026 standard's JSON changed by edit, as a province would.
func loadLocal(t *testing.T, edit func(map[string]any)) *Standard {
	t.Helper()
	s, err := loadEdited(edit)
	if err != nil {
		t.Fatalf("LoadStandard: %v", err)
	}
	return s
}

func loadEdited(edit func(map[string]any)) (*Standard, error) {
	b, err := os.ReadFile("standards/2022-2026.json")
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	edit(m)
	b, err = json.Marshal(m)
	if err != nil {
		return nil, err
	}
	return LoadStandard(strings.NewReader(string(b)))
}

// TestLoadStandardRefuses checks the validation of a loaded standard.
func TestLoadStandardRefuses(t *testing.T) {
	rural := func(m map[string]any) map[string]any { return m["lines"].(map[string]any)["rural"].(map[string]any) }
	tests := []struct {
		name  string
		edit  func(map[string]any)
		field string
	}{
		{"local line below the national", func(m map[string]any) {
			m["base"] = "2022-2026"
			rural(m)["poverty"] = 1_400_000
		}, "lines.rural"},
		{"local standard drops an indicator", func(m map[string]any) {
			m["base"] = "2022-2026"
			m["indicators"] = m["indicators"].([]any)[1:]
		}, "indicators"},
		{"unknown base", func(m map[string]any) { m["base"] = "1999" }, "base"},
		{"negative line", func(m map[string]any) { rural(m)["poverty"] = -1 }, "lines.rural.poverty"},
		{"middle band below the line", func(m map[string]any) { rural(m)["middle_upper"] = 1_000_000 }, "lines.rural.middle_upper"},
		{"B2 score does not match 3 deprivations", func(m map[string]any) { m["score_poor_min"] = 40 }, "score_poor_min"},
		{"unknown indicator", func(m map[string]any) {
			m["indicators"].([]any)[0].(map[string]any)["key"] = "income"
		}, "indicators[0].key"},
		{"repeated indicator", func(m map[string]any) {
			m["indicators"].([]any)[1].(map[string]any)["key"] = "employment"
		}, "indicators[1].key"},
		{"unknown water source", func(m map[string]any) {
			m["thresholds"].(map[string]any)["clean_water_sources"] = []any{"tap", "well"}
		}, "thresholds.clean_water_sources"},
		{"validity ends before it starts", func(m map[string]any) { m["valid_to"] = "2021-01-01" }, "valid_from"},
		{"bad date", func(m map[string]any) { m["valid_to"] = "31/12/2026" }, ""},
		{"misspelt field", func(m map[string]any) { m["poor_min_deprivation"] = 3 }, "poor_min_deprivation"},
		{"poor from 0 deprivations", func(m map[string]any) { m["poor_min_deprivations"] = 0 }, "poor_min_deprivations"},
		{"B1 line for one area only", func(m map[string]any) {
			m["income_score_line"] = map[string]any{"rural": 140, "urban": 0}
		}, "income_score_line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadEdited(tt.edit)
			wantInvalid(t, err, tt.field)
		})
	}
	_, err := LoadStandard(strings.NewReader(""))
	wantInvalid(t, err, "")
}
