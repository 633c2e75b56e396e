package poverty

import "time"

// Class is the poverty class of a household under a standard.
type Class string

// The classes. Middle applies only to households living from agriculture, forestry,
// fishery or salt making (Household.FarmHousehold).
const (
	Poor     Class = "poor"      // hộ nghèo
	NearPoor Class = "near_poor" // hộ cận nghèo
	Middle   Class = "middle"    // hộ làm NLNDN có mức sống trung bình
	NotPoor  Class = "not_poor"  // không thuộc các diện trên
)

// Label returns the class's name.
func (c Class) Label() Text {
	switch c {
	case Poor:
		return Text{"hộ nghèo", "poor household"}
	case NearPoor:
		return Text{"hộ cận nghèo", "near-poor household"}
	case Middle:
		return Text{"hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp có mức sống trung bình",
			"farm, forestry, fishery or salt household of middle living standard"}
	case NotPoor:
		return Text{"không thuộc hộ nghèo, hộ cận nghèo", "neither poor nor near-poor"}
	}
	return Text{string(c), string(c)}
}

// IncomeMethod is how the income test was made.
type IncomeMethod string

// Income methods.
const (
	// IncomeMeasured compares the measured 12-month income per person per month with
	// the poverty line.
	IncomeMeasured IncomeMethod = "measured"
	// IncomeScore compares the B1 score of the score card with the score line.
	IncomeScore IncomeMethod = "score"
)

// MeasuredIncome is the measured income of a household and the line it is compared with.
type MeasuredIncome struct {
	Income12m int64 `json:"income_12m"` // VND over 12 months
	Members   int   `json:"members"`
	// PerCapita is Income12m / 12 / Members in VND, rounded down to the đồng.
	PerCapita int64 `json:"per_capita"`
	// Line is the poverty line of the household's area, VND per person per month.
	Line int64 `json:"line"`
}

// ScoreIncome is the B1 score of a household and the score line it is compared with.
type ScoreIncome struct {
	Card   string `json:"card"`
	Points int    `json:"points"`
	Line   int    `json:"line"`
}

// Result is the classification of one household. It holds no pointers into the
// household and needs no allocation, so that Classify stays fast; Explanation is set
// only by ClassifyExplained (or by the caller from Explain), so that a stored result
// can carry its explanation.
type Result struct {
	Class         Class  `json:"class"`
	Standard      string `json:"standard"`
	ReferenceDate Date   `json:"reference_date"`
	// Area is the area whose lines were applied (the household's override, or the
	// commune's).
	Area Area `json:"area"`
	// IncomeMethod says which income test decided poor or near-poor.
	IncomeMethod IncomeMethod `json:"income_method"`
	// Income is present when the household declared its 12-month income.
	Income MeasuredIncome `json:"income,omitzero"`
	// Score is present when the B1 score card was used.
	Score ScoreIncome `json:"score,omitzero"`
	// ExampleCard is true when the B1 score came from a card that is not official:
	// the result must not be used to recognise a household.
	ExampleCard bool `json:"example_card"`
	// Deprived lists the deprived indicators; DeprivationCount is their number and
	// DeprivationScore the B2 score (points per deprivation × count).
	Deprived         IndicatorSet `json:"deprived"`
	DeprivationCount int          `json:"deprivation_count"`
	DeprivationScore int          `json:"deprivation_score"`
	// Unknown lists the indicators that could not be decided for missing answers;
	// they are counted as not deprived. Provisional is true when the class would be
	// poor had they been deprived.
	Unknown     IndicatorSet `json:"unknown"`
	Provisional bool         `json:"provisional"`
	// LowIncomeWorkers are the indexes of the members who are low-income workers.
	LowIncomeWorkers MemberSet `json:"low_income_workers"`
	// Explanation says why, in Vietnamese and English.
	Explanation *Explanation `json:"explanation,omitempty"`
}

// Classify classifies household h under standard std on the reference date ref (its
// civil date in its own location). area is the type of the household's commune on that
// date; Household.Area overrides it. card is the B1 score card, or nil; it is used for
// households that carry score answers.
//
// Errors are *giamngheo.Error with code EINVALID naming the field at fault.
func Classify(h *Household, std *Standard, area Area, ref time.Time, card *ScoreCard) (Result, error) {
	var ages memberFacts
	var a assessment
	return classify(h, std, area, DateOf(ref), card, &ages, &a)
}

// ClassifyExplained is Classify followed by Explain, with the explanation stored in
// the result.
func ClassifyExplained(h *Household, std *Standard, area Area, ref time.Time, card *ScoreCard) (Result, error) {
	var ages memberFacts
	var a assessment
	r, err := classify(h, std, area, DateOf(ref), card, &ages, &a)
	if err != nil {
		return r, err
	}
	r.Explanation = explain(h, &r, std, card, &ages, &a)
	return r, nil
}

// classify reads h's answers into numbers (validating them) and applies the rules
// (judge); ages and a receive the members' ages and the indicator findings for the
// explanation.
func classify(h *Household, std *Standard, area Area, ref Date, card *ScoreCard, ages *memberFacts, a *assessment) (Result, error) {
	if std == nil || !std.ready {
		return Result{}, errNoStandard()
	}
	if err := h.validate(ref, ages, &a.house); err != nil {
		return Result{}, err
	}
	if h.Area != "" {
		area = h.Area
	}
	if !area.Valid() {
		return Result{}, errNoArea()
	}
	var r Result
	if len(h.ScoreAnswers) == 0 {
		if err := judge(&r, len(h.Members), std, area, ref, nil, ages, a); err != nil {
			return Result{}, err
		}
		return r, nil
	}
	s, err := card.score(h, std, area)
	if err != nil {
		return Result{}, err
	}
	if err := judge(&r, len(h.Members), std, area, ref, &s, ages, a); err != nil {
		return Result{}, err
	}
	r.ExampleCard = !card.Official
	return r, nil
}

func errNoStandard() error {
	return invalid("standard", "Chuẩn nghèo chưa được nạp hoặc chưa kiểm tra (Validate)", "the standard is missing or was not validated")
}

func errNoArea() error {
	return invalid("area", "Chưa xác định khu vực nông thôn hay thành thị của hộ", "the household's area (rural or urban) is not known")
}

// judge is the one implementation of the rules, over a valid household of n members
// in area whose answers are numbers: the members' facts on ref in ages, the household's
// in a.house (from its answers, or from its compact form: facts.go). score is the B1
// score when the household answered the card. It fills r (whatever r held), or
// returns an error and leaves r undefined.
func judge(r *Result, n int, std *Standard, area Area, ref Date, score *ScoreIncome, ages *memberFacts, a *assessment) error {
	hf := &a.house
	*r = Result{Standard: std.ID, ReferenceDate: ref, Area: area}
	lines := std.Lines.For(area)
	if hf.hasIncome {
		r.Income = MeasuredIncome{Income12m: hf.income, Members: n, PerCapita: hf.income / (12 * int64(n)), Line: lines.Poverty}
	}

	var atOrBelow bool
	switch {
	case score != nil:
		r.IncomeMethod, r.Score = IncomeScore, *score
		// Circular 07/2021/TT-BLĐTBXH, Art. 3 [S]: the income test is met at a B1 score
		// of at most 140 points (rural) or 175 points (urban).
		atOrBelow = score.Points <= score.Line
	case hf.hasIncome:
		r.IncomeMethod = IncomeMeasured
		// Decree 07/2021/NĐ-CP, Art. 3.1.a: monthly per-capita income at or below the
		// line (1,500,000 VND rural, 2,000,000 VND urban for 2022-2025).
		atOrBelow = r.Income.PerCapita <= lines.Poverty
	default:
		return invalid("income_12m", "Thiếu thu nhập 12 tháng (income_12m) hoặc câu trả lời bảng điểm B1 (score_answers)", "neither the 12-month income (income_12m) nor B1 score answers (score_answers) are given")
	}

	a.deprived, a.unknown = indicatorSets(n, std, ages, hf)
	r.Deprived, r.Unknown = a.deprived, a.unknown
	r.DeprivationCount = a.deprived.Len()
	r.DeprivationScore = r.DeprivationCount * std.ScorePerDeprivation

	// Decree 07/2021/NĐ-CP, Art. 3.2 (and Decree 351/2025/NĐ-CP for 2027-2030): poor is
	// income at or below the line AND at least 3 deprivations; near-poor is income at or
	// below the line AND fewer. AND, not OR: a household above the line is never poor
	// or near-poor, whatever its deprivations.
	switch {
	case atOrBelow && r.DeprivationCount >= std.PoorMinDeprivations:
		r.Class = Poor
	case atOrBelow:
		r.Class = NearPoor
		r.Provisional = r.DeprivationCount+r.Unknown.Len() >= std.PoorMinDeprivations
	case middleBand(hf.farm, r, lines):
		r.Class = Middle
	default:
		r.Class = NotPoor
	}
	if lowIncomeHousehold(r, std, lines) {
		for i := range n {
			if std.Thresholds.workingAgeOf(ages[i].female, int(ages[i].age)) {
				r.LowIncomeWorkers = r.LowIncomeWorkers.with(i)
			}
		}
	}
	return nil
}

// middleBand reports whether a household that failed the income test is of middle
// living standard: a farm, forestry, fishery or salt household whose measured income is
// above the poverty line and at most the middle line (2,250,000 VND rural, 3,000,000 VND
// urban for 2022-2025). Decree 07/2021/NĐ-CP, Art. 3.2 [S as to the amounts];
// Decision 24/2021/QĐ-TTg, Art. 2: measured over the last 12 months.
func middleBand(farm bool, r *Result, lines AreaLines) bool {
	return farm && !r.Income.isZero() && lines.MiddleUpper > 0 &&
		r.Income.PerCapita > lines.Poverty && r.Income.PerCapita <= lines.MiddleUpper
}

// lowIncomeHousehold reports whether the working-age members of the household are
// low-income workers: the household is neither poor nor near-poor and its measured
// per-capita income is at or below the low-income line (2,250,000 VND rural, 3,000,000
// VND urban). Decree 30/2025/NĐ-CP, Art. 1 (new point d of Art. 3.2 of Decree
// 07/2021/NĐ-CP). Working age is standard data [U].
func lowIncomeHousehold(r *Result, std *Standard, lines AreaLines) bool {
	return r.Class != Poor && r.Class != NearPoor && !r.Income.isZero() && lines.LowIncomeWorker > 0 &&
		(std.LowIncomeWorkerFrom.IsZero() || std.LowIncomeWorkerFrom.Compare(r.ReferenceDate) <= 0) &&
		r.Income.PerCapita <= lines.LowIncomeWorker
}

// isZero reports whether no income was measured (Line is positive whenever it was).
func (m MeasuredIncome) isZero() bool { return m == MeasuredIncome{} }

// Unanswered returns the indicators of std that h's answers cannot decide on the
// reference date ref: questions the survey never asked (waste treatment before the
// 2027–2030 standard of Decree 351/2025/NĐ-CP) or left blank. Such a household needs
// a survey update: its result counts them as not deprived and says so, and nothing
// else may treat them as deprived or not.
func Unanswered(h *Household, std *Standard, ref time.Time) (IndicatorSet, error) {
	if std == nil || !std.ready {
		return 0, errNoStandard()
	}
	var ages memberFacts
	var a assessment
	if err := h.validate(DateOf(ref), &ages, &a.house); err != nil {
		return 0, err
	}
	assess(len(h.Members), std, &ages, &a)
	return a.unknown, nil
}
