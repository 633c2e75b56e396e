package poverty

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
)

// ScoreCard is a B1 score card: the items of Phiếu B part 1 with, for each answer, the
// points it gives in each of the six rural regions and in urban areas; a household's
// B1 score is the sum of the points of its answers (Circular 07/2021/TT-BLĐTBXH,
// Appendices III–IV [S]).
//
// The official per-region point tables were not available to this project, so the
// package ships only an example card (ExampleScoreCard) whose points are invented and
// marked "official": false; an administrator loads the official card with
// LoadScoreCard. A result computed with a card that is not official says so.
type ScoreCard struct {
	ID   string `json:"id"`
	Name Text   `json:"name"`
	// Official must be true only for a card entered from the official text.
	Official bool `json:"official"`
	// Standards lists the IDs of the standards the card belongs to; a local standard
	// uses the card of its base.
	Standards []string `json:"standards"`
	// Source says where the points come from.
	Source Text        `json:"source"`
	Notes  []Text      `json:"notes,omitempty"`
	Items  []ScoreItem `json:"items"`

	ready bool
}

// ScoreItem is one question of the card.
type ScoreItem struct {
	Key     string        `json:"key"`
	Label   Text          `json:"label"`
	Answers []ScoreAnswer `json:"answers"`
}

// ScoreAnswer is one answer to a question with its points per column. Points has one
// entry for each region key (see Regions) and one for "urban".
type ScoreAnswer struct {
	Key    string         `json:"key"`
	Label  Text           `json:"label"`
	Points map[string]int `json:"points"`

	cols [len(cardColumns)]int
}

//go:embed standards/example-card.json
var exampleCardJSON []byte

var exampleCard = mustLoadCard(exampleCardJSON)

func mustLoadCard(b []byte) *ScoreCard {
	c, err := LoadScoreCard(bytes.NewReader(b))
	if err != nil {
		panic("poverty: embedded score card: " + err.Error())
	}
	return c
}

// ExampleScoreCard returns the example card shipped with the package. Its points are
// invented, not official: results computed with it have ExampleCard set. The card is
// shared: treat it as read-only.
func ExampleScoreCard() *ScoreCard { return exampleCard }

// LoadScoreCard reads a score card in JSON (see standards/example-card.json for the
// format) and validates it.
func LoadScoreCard(r io.Reader) (*ScoreCard, error) {
	var c ScoreCard
	if err := decodeReader(r, &c); err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

// maxPoints bounds the points of one answer.
const maxPoints = 10_000

// Validate checks the card and prepares it for Classify.
func (c *ScoreCard) Validate() error {
	c.ready = false
	if c.ID == "" || c.Name.VI == "" || c.Name.EN == "" {
		return invalid("id", "Bảng điểm thiếu mã hoặc tên", "the score card lacks an id or a name")
	}
	if len(c.Standards) == 0 {
		return invalid("standards", "Bảng điểm %s không ghi chuẩn nghèo áp dụng", "score card %s names no standard", c.ID)
	}
	if len(c.Items) == 0 || len(c.Items) > maxScoreAnswers {
		return invalid("items", "Bảng điểm %s phải có từ 1 đến %d mục", "score card %s must have 1 to %d items", c.ID, maxScoreAnswers)
	}
	seen := map[string]bool{}
	for i := range c.Items {
		it := &c.Items[i]
		field := fmt.Sprintf("items[%d]", i)
		if it.Key == "" || seen[it.Key] {
			return invalid(field+".key", "Bảng điểm %s: mã mục %q trống hoặc bị lặp", "score card %s: item key %q is empty or repeated", c.ID, it.Key)
		}
		seen[it.Key] = true
		if len(it.Answers) == 0 {
			return invalid(field+".answers", "Bảng điểm %s: mục %q không có câu trả lời", "score card %s: item %q has no answers", c.ID, it.Key)
		}
		for j := range it.Answers {
			ans := &it.Answers[j]
			afield := fmt.Sprintf("%s.answers[%d]", field, j)
			if ans.Key == "" || slices.ContainsFunc(it.Answers[:j], func(x ScoreAnswer) bool { return x.Key == ans.Key }) {
				return invalid(afield+".key", "Bảng điểm %s: mục %q có câu trả lời %q trống hoặc bị lặp", "score card %s: item %q has an empty or repeated answer %q", c.ID, it.Key, ans.Key)
			}
			if len(ans.Points) != len(cardColumns) {
				return invalid(afield+".points", "Bảng điểm %s: %s/%s cần điểm cho đúng 7 cột (6 vùng nông thôn và urban)", "score card %s: %s/%s needs points for exactly 7 columns (6 rural regions and urban)", c.ID, it.Key, ans.Key)
			}
			for k, col := range cardColumns {
				p, ok := ans.Points[col]
				if !ok || p < -maxPoints || p > maxPoints {
					return invalid(afield+".points."+col, "Bảng điểm %s: %s/%s thiếu hoặc sai điểm cột %s", "score card %s: %s/%s has missing or invalid points for column %s", c.ID, it.Key, ans.Key, col)
				}
				ans.cols[k] = p
			}
		}
	}
	c.ready = true
	return nil
}

// AppliesTo reports whether the card belongs to std or to the national standard std
// raises.
func (c *ScoreCard) AppliesTo(std *Standard) bool {
	return slices.Contains(c.Standards, std.ID) || (std.Base != "" && slices.Contains(c.Standards, std.Base))
}

// score computes the B1 score of h in area, with the score line of std. Every item of
// the card must be answered, with one of its answers, and h must answer nothing else:
// a missing answer would silently lower the score and so favour "poor".
func (c *ScoreCard) score(h *Household, std *Standard, area Area) (ScoreIncome, error) {
	switch {
	case c == nil:
		return ScoreIncome{}, invalid("score_answers", "Hộ có câu trả lời bảng điểm B1 nhưng chưa nạp bảng điểm (--card)", "the household has B1 score answers but no score card is loaded (--card)")
	case !c.ready:
		return ScoreIncome{}, invalid("card", "Bảng điểm %s chưa được kiểm tra (Validate)", "score card %s was not validated", c.ID)
	case !c.AppliesTo(std):
		return ScoreIncome{}, invalid("card", "Bảng điểm %s không dùng cho chuẩn %s", "score card %s does not belong to standard %s", c.ID, std.ID)
	case std.IncomeScoreLine.For(area) == 0:
		return ScoreIncome{}, invalid("card", "Chuẩn %s không quy định ngưỡng điểm B1", "standard %s defines no B1 score line", std.ID)
	}
	col := urbanColumn
	if area == Rural {
		if col = h.Region.column(); col < 0 {
			return ScoreIncome{}, invalid("region", "Cần vùng kinh tế - xã hội (region) để tính điểm B1 cho hộ nông thôn", "the socio-economic region (region) is needed to score a rural household")
		}
	}
	total := 0
	for i := range c.Items {
		ans, ok := c.Items[i].answer(h.ScoreAnswers[c.Items[i].Key])
		if !ok {
			it := &c.Items[i]
			return ScoreIncome{}, invalid("score_answers."+it.Key, "Mục %q của bảng điểm B1: câu trả lời %q thiếu hoặc không có trong bảng điểm %s", "B1 item %q: answer %q is missing or not on score card %s", it.Key, h.ScoreAnswers[it.Key], c.ID)
		}
		total += ans.cols[col]
	}
	if len(h.ScoreAnswers) != len(c.Items) {
		for k := range h.ScoreAnswers {
			if !slices.ContainsFunc(c.Items, func(it ScoreItem) bool { return it.Key == k }) {
				return ScoreIncome{}, invalid("score_answers."+k, "Mục %q không có trong bảng điểm %s", "item %q is not on score card %s", k, c.ID)
			}
		}
	}
	return ScoreIncome{Card: c.ID, Points: total, Line: std.IncomeScoreLine.For(area)}, nil
}

// answer finds the answer with key k.
func (it *ScoreItem) answer(k string) (*ScoreAnswer, bool) {
	if k == "" {
		return nil, false
	}
	for i := range it.Answers {
		if it.Answers[i].Key == k {
			return &it.Answers[i], true
		}
	}
	return nil, false
}
