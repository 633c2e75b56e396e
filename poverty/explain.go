package poverty

import (
	"fmt"
	"strings"
)

// Explanation says why a household got its result, line by line, in Vietnamese and
// English. It is a plain value that serialises to JSON, so that it can be stored with
// the result.
type Explanation struct {
	Standard string            `json:"standard"`
	Lines    []ExplanationLine `json:"lines"`
}

// ExplanationLine is one sentence of an explanation. Topic classifies it; Indicator and
// Members (0-based member indexes) say what it is about, when it is about an indicator
// or members. The sentences number members from 1, as the survey form does.
type ExplanationLine struct {
	Topic     Topic        `json:"topic"`
	Indicator IndicatorKey `json:"indicator,omitempty"`
	Members   []int        `json:"members,omitempty"`
	Text
}

// Topic is the subject of an explanation line.
type Topic string

// Topics of explanation lines, in the order they appear.
const (
	TopicStandard        Topic = "standard"          // the standard, date and area applied
	TopicCard            Topic = "card"              // the score card (and the warning if not official)
	TopicIncome          Topic = "income"            // the income test
	TopicScoreDetail     Topic = "score_detail"      // points of each B1 answer
	TopicDeprived        Topic = "deprived"          // one deprived indicator and why
	TopicUnknown         Topic = "unknown"           // one indicator that could not be decided
	TopicNotDeprived     Topic = "not_deprived"      // the indicators not deprived
	TopicDeprivations    Topic = "deprivations"      // the count against the rule
	TopicClass           Topic = "class"             // the conclusion
	TopicMiddle          Topic = "middle"            // why a farm household is not of middle living standard
	TopicProvisional     Topic = "provisional"       // the class may change once unknowns are answered
	TopicLowIncomeWorker Topic = "low_income_worker" // low-income workers among the members
)

// VI returns the Vietnamese sentences, one per line.
func (e *Explanation) VI() string { return e.join(func(t Text) string { return t.VI }) }

// EN returns the English sentences, one per line.
func (e *Explanation) EN() string { return e.join(func(t Text) string { return t.EN }) }

func (e *Explanation) join(f func(Text) string) string {
	var b strings.Builder
	for _, l := range e.Lines {
		b.WriteString(f(l.Text))
		b.WriteByte('\n')
	}
	return b.String()
}

// Explain builds the explanation of result r, which Classify computed for h under std
// with card. It recomputes the indicators to name the members and facts behind them,
// and refuses (EINVALID) if they no longer give r: the household or the standard has
// changed since.
func Explain(h *Household, r *Result, std *Standard, card *ScoreCard) (*Explanation, error) {
	if std == nil || std.ID != r.Standard {
		return nil, invalid("standard", "Kết quả được tính theo chuẩn %s, không phải chuẩn đã cho", "the result was computed under standard %s, not the one given", r.Standard)
	}
	var ages memberFacts
	var a assessment
	again, err := classify(h, std, r.Area, r.ReferenceDate, card, &ages, &a)
	if err != nil {
		return nil, err
	}
	stored := *r
	stored.Explanation = nil
	if again != stored {
		return nil, invalid("", "Kết quả không còn khớp với dữ liệu của hộ; cần phân loại lại", "the result no longer matches the household's answers; classify again")
	}
	return explain(h, r, std, card, &ages, &a), nil
}

// explainer accumulates the lines of one explanation.
type explainer struct {
	h     *Household
	r     *Result
	std   *Standard
	card  *ScoreCard
	ages  *memberFacts
	a     *assessment
	lines []ExplanationLine
}

func (x *explainer) add(topic Topic, k IndicatorKey, members MemberSet, t Text) {
	x.lines = append(x.lines, ExplanationLine{Topic: topic, Indicator: k, Members: members.indexes(), Text: t})
}

func (x *explainer) addf(topic Topic, vi, en string, args ...any) {
	x.add(topic, "", 0, Text{fmt.Sprintf(vi, args...), fmt.Sprintf(en, args...)})
}

// explain writes the explanation of r from the ages and answers classify read.
func explain(h *Household, r *Result, std *Standard, card *ScoreCard, ages *memberFacts, a *assessment) *Explanation {
	// The findings behind the sets classify computed, member by member.
	a.findings, a.deprived, a.unknown = [numIndicators]finding{}, 0, 0
	assess(len(h.Members), std, ages, a)
	x := &explainer{h: h, r: r, std: std, card: card, ages: ages, a: a}
	x.standard()
	x.income()
	x.indicators()
	x.class()
	x.lowIncomeWorkers()
	return &Explanation{Standard: std.ID, Lines: x.lines}
}

func (x *explainer) standard() {
	origin := Text{"theo loại đơn vị hành chính cấp xã", "from the commune's type"}
	if x.h.Area != "" {
		origin = Text{"theo khai báo trên phiếu của hộ", "as set on the household's form"}
	}
	s, ar := x.std, x.r.Area.Label()
	x.add(TopicStandard, "", 0, Text{
		fmt.Sprintf("Chuẩn áp dụng: %s (mã %s; %s). Ngày tham chiếu: %s. Khu vực: %s (%s).", s.Name.VI, s.ID, s.Citation.VI, x.r.ReferenceDate.vi(), ar.VI, origin.VI),
		fmt.Sprintf("Standard: %s (id %s; %s). Reference date: %s. Area: %s (%s).", s.Name.EN, s.ID, s.Citation.EN, x.r.ReferenceDate, ar.EN, origin.EN),
	})
}

func (x *explainer) income() {
	r, s := x.r, x.std
	if r.IncomeMethod == IncomeScore {
		c := x.card
		if r.ExampleCard {
			x.add(TopicCard, "", 0, Text{
				fmt.Sprintf("CẢNH BÁO: điểm B1 được tính bằng bảng điểm VÍ DỤ «%s» (mã %s), KHÔNG phải bảng điểm chính thức của Thông tư 07/2021/TT-BLĐTBXH (Phụ lục III–IV). Kết quả chỉ để thử nghiệm, không dùng để công nhận hộ nghèo, hộ cận nghèo.", c.Name.VI, c.ID),
				fmt.Sprintf("WARNING: the B1 score was computed with the EXAMPLE score card “%s” (id %s), NOT the official card of Circular 07/2021/TT-BLĐTBXH (Appendices III–IV). The result is for testing only and must not be used to recognise poor or near-poor households.", c.Name.EN, c.ID),
			})
		} else {
			x.add(TopicCard, "", 0, Text{
				fmt.Sprintf("Bảng điểm B1: %s (mã %s). Nguồn: %s", c.Name.VI, c.ID, c.Source.VI),
				fmt.Sprintf("B1 score card: %s (id %s). Source: %s", c.Name.EN, c.ID, c.Source.EN),
			})
		}
		col := Text{"thành thị", "urban"}
		if r.Area == Rural {
			rl := x.h.Region.Label()
			col = Text{"nông thôn vùng " + rl.VI, "rural " + rl.EN}
		}
		ar := r.Area.Label()
		x.add(TopicIncome, "", 0, Text{
			fmt.Sprintf("Điểm B1 (ước lượng thu nhập, cột %s): %d điểm %s ngưỡng chuẩn nghèo khu vực %s %d điểm (%s).", col.VI, r.Score.Points, cmp(r.Score.Points <= r.Score.Line), ar.VI, r.Score.Line, s.ScoreCitation.VI),
			fmt.Sprintf("B1 score (income estimate, column %s): %d points %s the %s poverty score line of %d points (%s).", col.EN, r.Score.Points, cmp(r.Score.Points <= r.Score.Line), ar.EN, r.Score.Line, s.ScoreCitation.EN),
		})
		x.scoreDetail()
	}
	if r.Income.isZero() {
		return
	}
	in := r.Income
	pre := Text{"Thu nhập bình quân đầu người", "Per-capita income"}
	if r.IncomeMethod == IncomeScore {
		pre = Text{"Thu nhập đo được (để xét mức sống trung bình và người lao động có thu nhập thấp)", "Measured income (for the middle living standard and low-income workers)"}
	}
	ar := r.Area.Label()
	x.add(TopicIncome, "", 0, Text{
		fmt.Sprintf("%s: %s đồng / 12 tháng / %d người = %s đồng/người/tháng %s chuẩn nghèo khu vực %s %s đồng (%s).",
			pre.VI, money(in.Income12m).VI, in.Members, money(in.PerCapita).VI, cmp(in.PerCapita <= in.Line), ar.VI, money(in.Line).VI, s.Citation.VI),
		fmt.Sprintf("%s: %s VND / 12 months / %d persons = %s VND per person per month %s the %s poverty line of %s VND (%s).",
			pre.EN, money(in.Income12m).EN, in.Members, money(in.PerCapita).EN, cmp(in.PerCapita <= in.Line), ar.EN, money(in.Line).EN, s.Citation.EN),
	})
}

// cmp writes the comparison with a line.
func cmp(atOrBelow bool) string {
	if atOrBelow {
		return "≤"
	}
	return ">"
}

func (x *explainer) scoreDetail() {
	col := urbanColumn
	if x.r.Area == Rural {
		col = x.h.Region.column()
	}
	parts := make([]Text, 0, len(x.card.Items))
	for i := range x.card.Items {
		it := &x.card.Items[i]
		ans, _ := it.answer(x.h.ScoreAnswers[it.Key])
		parts = append(parts, Text{
			fmt.Sprintf("%s: %s (%d)", it.Label.VI, ans.Label.VI, ans.cols[col]),
			fmt.Sprintf("%s: %s (%d)", it.Label.EN, ans.Label.EN, ans.cols[col]),
		})
	}
	j := joinText(parts, "; ")
	x.add(TopicScoreDetail, "", 0, Text{"Chi tiết điểm B1: " + j.VI + ".", "B1 points: " + j.EN + "."})
}

func (x *explainer) class() {
	r, s := x.r, x.std
	k, minK := r.DeprivationCount, s.PoorMinDeprivations
	lines := s.Lines.For(r.Area)
	var t Text
	switch r.Class {
	case Poor:
		t = Text{
			fmt.Sprintf("Kết luận: HỘ NGHÈO — thu nhập không vượt chuẩn nghèo và thiếu hụt %d chỉ số (từ %d chỉ số trở lên) (%s).", k, minK, s.Citation.VI),
			fmt.Sprintf("Result: POOR household — income at or below the poverty line and %d deprivations (%d or more) (%s).", k, minK, s.Citation.EN),
		}
	case NearPoor:
		t = Text{
			fmt.Sprintf("Kết luận: HỘ CẬN NGHÈO — thu nhập không vượt chuẩn nghèo và thiếu hụt %d chỉ số (dưới %d chỉ số) (%s).", k, minK, s.Citation.VI),
			fmt.Sprintf("Result: NEAR-POOR household — income at or below the poverty line and %d deprivations (fewer than %d) (%s).", k, minK, s.Citation.EN),
		}
	case Middle:
		t = Text{
			fmt.Sprintf("Kết luận: HỘ LÀM NÔNG NGHIỆP, LÂM NGHIỆP, NGƯ NGHIỆP, DIÊM NGHIỆP CÓ MỨC SỐNG TRUNG BÌNH — thu nhập bình quân %s đồng/người/tháng, trên chuẩn nghèo %s đồng và không quá %s đồng (%s).",
				money(r.Income.PerCapita).VI, money(lines.Poverty).VI, money(lines.MiddleUpper).VI, s.Citation.VI),
			fmt.Sprintf("Result: FARM, FORESTRY, FISHERY OR SALT HOUSEHOLD OF MIDDLE LIVING STANDARD — per-capita income %s VND per month, above the poverty line of %s VND and at most %s VND (%s).",
				money(r.Income.PerCapita).EN, money(lines.Poverty).EN, money(lines.MiddleUpper).EN, s.Citation.EN),
		}
	default:
		t = Text{
			fmt.Sprintf("Kết luận: KHÔNG THUỘC HỘ NGHÈO, HỘ CẬN NGHÈO — thu nhập vượt chuẩn nghèo; hộ có thu nhập trên chuẩn không là hộ nghèo hay cận nghèo, dù thiếu hụt bao nhiêu chỉ số (%s).", s.Citation.VI),
			fmt.Sprintf("Result: NEITHER POOR NOR NEAR-POOR — income above the poverty line; a household above the line is neither poor nor near-poor, whatever its deprivations (%s).", s.Citation.EN),
		}
	}
	x.add(TopicClass, "", 0, t)
	if r.Class == NotPoor && x.h.FarmHousehold {
		x.notMiddle(lines)
	}
	if r.Provisional {
		u := r.Unknown.Len()
		need := minK - k
		x.addf(TopicProvisional,
			"Lưu ý: kết quả TẠM THỜI — số chỉ số chưa xác định: %d; nếu %d chỉ số trong số đó là thiếu hụt, hộ sẽ là hộ nghèo. Cần bổ sung thông tin trên Phiếu B.",
			"Note: PROVISIONAL result — undetermined indicators: %d; if %d of them were deprived, the household would be poor. Complete the survey form.",
			u, need)
	}
}

// notMiddle says why a farm household that is not poor is not of middle living standard.
func (x *explainer) notMiddle(lines AreaLines) {
	r := x.r
	switch {
	case lines.MiddleUpper == 0:
		x.addf(TopicMiddle,
			"Hộ làm nông, lâm, ngư, diêm nghiệp: chuẩn %s không quy định mức sống trung bình, nên không xét diện này.",
			"Farm household: standard %s sets no middle living standard band, so it is not assessed.", x.std.ID)
	case r.Income.isZero():
		x.add(TopicMiddle, "", 0, Text{
			"Hộ làm nông, lâm, ngư, diêm nghiệp: chưa xét mức sống trung bình vì thiếu thu nhập 12 tháng đo được (income_12m).",
			"Farm household: the middle living standard is not assessed because the measured 12-month income (income_12m) is missing.",
		})
	default:
		x.add(TopicMiddle, "", 0, Text{
			fmt.Sprintf("Hộ làm nông, lâm, ngư, diêm nghiệp: thu nhập bình quân %s đồng không nằm trong khoảng mức sống trung bình (trên %s đến %s đồng).",
				money(r.Income.PerCapita).VI, money(lines.Poverty).VI, money(lines.MiddleUpper).VI),
			fmt.Sprintf("Farm household: per-capita income of %s VND is outside the middle living standard band (above %s up to %s VND).",
				money(r.Income.PerCapita).EN, money(lines.Poverty).EN, money(lines.MiddleUpper).EN),
		})
	}
}

func (x *explainer) lowIncomeWorkers() {
	r, s := x.r, x.std
	lines := s.Lines.For(r.Area)
	if !lowIncomeHousehold(r, s, lines) {
		return
	}
	c := s.LowIncomeWorkerCitation
	if r.LowIncomeWorkers == 0 {
		x.add(TopicLowIncomeWorker, "", 0, Text{
			fmt.Sprintf("Thu nhập bình quân %s đồng không vượt mức %s đồng của người lao động có thu nhập thấp, nhưng hộ không có thành viên trong độ tuổi lao động (%s).",
				money(r.Income.PerCapita).VI, money(lines.LowIncomeWorker).VI, c.VI),
			fmt.Sprintf("Per-capita income of %s VND is at or below the low-income-worker line of %s VND, but no member is of working age (%s).",
				money(r.Income.PerCapita).EN, money(lines.LowIncomeWorker).EN, c.EN),
		})
		return
	}
	who := x.members(r.LowIncomeWorkers)
	x.add(TopicLowIncomeWorker, "", r.LowIncomeWorkers, Text{
		fmt.Sprintf("Người lao động có thu nhập thấp: %s — trong độ tuổi lao động, thuộc hộ không nghèo, không cận nghèo có thu nhập bình quân %s đồng/người/tháng, không vượt %s đồng (%s).",
			who.VI, money(r.Income.PerCapita).VI, money(lines.LowIncomeWorker).VI, c.VI),
		fmt.Sprintf("Low-income workers: %s — of working age, in a household that is neither poor nor near-poor with per-capita income of %s VND per month, at most %s VND (%s).",
			who.EN, money(r.Income.PerCapita).EN, money(lines.LowIncomeWorker).EN, c.EN),
	})
}

// member names member i with the age on the reference date, numbering from 1.
func (x *explainer) member(i int) Text {
	m := &x.h.Members[i]
	age := int(x.ages[i].age)
	if m.Name == "" {
		return Text{fmt.Sprintf("thành viên số %d (%d tuổi)", i+1, age), fmt.Sprintf("member %d (aged %d)", i+1, age)}
	}
	return Text{fmt.Sprintf("thành viên số %d (%s, %d tuổi)", i+1, m.Name, age), fmt.Sprintf("member %d (%s, aged %d)", i+1, m.Name, age)}
}

// members names every member of s.
func (x *explainer) members(s MemberSet) Text {
	idx := s.Indexes()
	parts := make([]Text, len(idx))
	for j, i := range idx {
		parts[j] = x.member(i)
	}
	return joinText(parts, ", ")
}
