package poverty

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"
)

// answers returns a complete set of answers to the example card.
func answers(size, earners, edu, dwelling, assets, pension string) map[string]string {
	return map[string]string{"household_size": size, "earners": earners, "head_education": edu,
		"dwelling": dwelling, "assets": assets, "pension": pension}
}

// TestExampleCardScore checks the B1 score against points read by hand from
// standards/example-card.json, and that the result is flagged as computed with an
// example card.
func TestExampleCardScore(t *testing.T) {
	std := mustStandard(t, "2022-2026")
	card := ExampleScoreCard()
	if card.Official {
		t.Fatal("the example card must not be official")
	}
	tests := []struct {
		name   string
		area   Area
		region Region
		ans    map[string]string
		points int
		class  Class
	}{
		// 65 + 15 + 5 + 10 + 10 + 0
		{"red river delta, low score", Rural, RegionRedRiverDelta, answers("2", "1", "primary", "semi_durable", "1", "no"), 105, Poor},
		// 60 + 10 + 0 + 5 + 5 + 0
		{"northern mountains, same answers", Rural, RegionNorthernMidlandsMountains, answers("2", "1", "primary", "semi_durable", "1", "no"), 80, Poor},
		// 75 + 25 + 15 + 20 + 20 + 0
		{"urban, same answers", Urban, "", answers("2", "1", "primary", "semi_durable", "1", "no"), 155, Poor},
		// 80 + 40 + 0 + 20 + 0 + 0 = 140, exactly the rural score line
		{"rural exactly at 140", Rural, RegionRedRiverDelta, answers("1", "3_or_more", "none", "durable", "0", "no"), 140, Poor},
		// 80 + 40 + 5 + 20 + 0 + 0 = 145
		{"rural above 140", Rural, RegionRedRiverDelta, answers("1", "3_or_more", "primary", "durable", "0", "no"), 145, NotPoor},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := withDeprivations(5_000_000, 3) // measured income far above the line: the score decides
			h.Income12m = nil
			h.Region = tt.region
			h.ScoreAnswers = tt.ans
			r := mustClassify(t, h, std, tt.area, ref2026, card)
			if r.IncomeMethod != IncomeScore || r.Score.Points != tt.points || r.Class != tt.class {
				t.Errorf("method %s, %d points, class %s; want score, %d, %s", r.IncomeMethod, r.Score.Points, r.Class, tt.points, tt.class)
			}
			if !r.ExampleCard || r.Score.Card != card.ID {
				t.Errorf("result not flagged as computed with the example card: %+v", r)
			}
			e, err := Explain(h, &r, std, card)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(e.VI(), "KHÔNG phải bảng điểm chính thức") || !strings.Contains(e.EN(), "NOT the official card") {
				t.Errorf("explanation lacks the example-card warning:\n%s", e.VI())
			}
		})
	}
}

// TestOfficialCard loads a card marked official (the example's points, for the test)
// and checks that results are not flagged.
func TestOfficialCard(t *testing.T) {
	b, err := os.ReadFile("standards/example-card.json")
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Replace(b, []byte(`"official": false`), []byte(`"official": true`), 1)
	card, err := LoadScoreCard(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	std := mustStandard(t, "2022-2026")
	h := withDeprivations(1_000_000, 1)
	h.Region = RegionRedRiverDelta
	h.ScoreAnswers = answers("2", "1", "primary", "semi_durable", "1", "no")
	r := mustClassify(t, h, std, Rural, ref2026, card)
	if r.ExampleCard || r.Class != NearPoor {
		t.Errorf("official card: example %v, class %s", r.ExampleCard, r.Class)
	}
	e, err := Explain(h, &r, std, card)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(e.VI(), "CẢNH BÁO") || strings.Contains(e.EN(), "WARNING") {
		t.Errorf("an official card's explanation carries the example warning:\n%s", e.VI())
	}
	// Measured income is shown too, for the middle band and low-income workers.
	if r.Income.PerCapita != 1_000_000 {
		t.Errorf("measured income %+v", r.Income)
	}
}

// TestScoreRefuses checks the errors of the score path.
func TestScoreRefuses(t *testing.T) {
	std := mustStandard(t, "2022-2026")
	card := ExampleScoreCard()
	base := func() *Household {
		h := withDeprivations(1_000_000, 1)
		h.Region = RegionRedRiverDelta
		h.ScoreAnswers = answers("2", "1", "primary", "semi_durable", "1", "no")
		return h
	}
	tests := []struct {
		name  string
		edit  func(*Household)
		std   *Standard
		card  *ScoreCard
		field string
	}{
		{"no card loaded", func(*Household) {}, std, nil, "score_answers"},
		{"missing item", func(h *Household) { delete(h.ScoreAnswers, "pension") }, std, card, "score_answers.pension"},
		{"answer not on the card", func(h *Household) { h.ScoreAnswers["pension"] = "maybe" }, std, card, "score_answers.pension"},
		{"item not on the card", func(h *Household) { h.ScoreAnswers["cattle"] = "2" }, std, card, "score_answers.cattle"},
		{"rural without region", func(h *Household) { h.Region = "" }, std, card, "region"},
		{"card of another standard", func(*Household) {}, mustStandard(t, "2027-2030"), card, "card"},
		{"card not validated", func(*Household) {}, std, &ScoreCard{ID: "raw", Standards: []string{"2022-2026"}}, "card"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := base()
			tt.edit(h)
			_, err := Classify(h, tt.std, Rural, ref2027Or2026(tt.std), tt.card)
			wantInvalid(t, err, tt.field)
		})
	}
}

func ref2027Or2026(s *Standard) time.Time {
	if s.ID == "2027-2030" {
		return ref2027
	}
	return ref2026
}

// TestLoadScoreCardRefuses checks the validation of a loaded card.
func TestLoadScoreCardRefuses(t *testing.T) {
	b, err := os.ReadFile("standards/example-card.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		edit  func(map[string]any)
		field string
	}{
		{"a column missing", func(m map[string]any) {
			delete(item(m, 0, 0)["points"].(map[string]any), "urban")
		}, "items[0].answers[0].points"},
		{"an unknown column", func(m map[string]any) {
			p := item(m, 0, 0)["points"].(map[string]any)
			delete(p, "urban")
			p["city"] = 3
		}, "items[0].answers[0].points.urban"},
		{"repeated answer", func(m map[string]any) { item(m, 0, 1)["key"] = item(m, 0, 0)["key"] }, "items[0].answers[1].key"},
		{"absurd points", func(m map[string]any) { item(m, 1, 0)["points"].(map[string]any)["urban"] = 1e6 }, "items[1].answers[0].points.urban"},
		{"no standard", func(m map[string]any) { m["standards"] = []any{} }, "standards"},
		{"points not a number", func(m map[string]any) { item(m, 1, 0)["points"].(map[string]any)["urban"] = "ten" }, "items.answers.points"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m map[string]any
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			tt.edit(m)
			nb, _ := json.Marshal(m)
			_, err := LoadScoreCard(bytes.NewReader(nb))
			wantInvalid(t, err, tt.field)
		})
	}
}

func item(m map[string]any, i, j int) map[string]any {
	return m["items"].([]any)[i].(map[string]any)["answers"].([]any)[j].(map[string]any)
}
