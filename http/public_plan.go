package http

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"math"
	"strconv"

	"giamngheo/disclosure"
	"giamngheo/export/svg"
	"giamngheo/plan"
)

// The public site's trend over the years and the plan's targets (issue 17 items 1–2):
// aggregates of the province only, small counts suppressed.

// publicTrendYears is how many years the public trend shows, the current one included.
const publicTrendYears = 5

// publicTrend fills the lists at the end of each year (report.Service.Trend) with
// their rates over today's households, as a table and a line chart: a count under the
// threshold is shown "<5" and its rate is not published (no point on the chart).
func (s *Server) publicTrend(ctx context.Context, f *pubFigures, province string, year int, show func(int64, disclosure.Mark) string) error {
	en := lang(ctx) == "en"
	from := max(trendFrom, year-publicTrendYears+1)
	t, err := s.Reports.Trend(ctx, province, from, year)
	if err != nil {
		return err
	}
	pick := func(vi, e string) string {
		if en {
			return e
		}
		return vi
	}
	c := &svg.LineChart{ID: "public-trend", Title: pick("Tỷ lệ hộ nghèo, hộ cận nghèo cuối mỗi năm", "Poor and near-poor rates at the end of each year") + " · " + f.ProvinceName,
		Series: []svg.Series{{Name: pick("Hộ nghèo", "Poor")}, {Name: pick("Hộ cận nghèo", "Near-poor")}}, Values: make([][]float64, 2), Texts: make([][]string, 2)}
	cell := func(n int64) (string, string, float64) {
		m := disclosure.Shown
		if n < disclosure.Threshold {
			m = disclosure.Small
		}
		// The rate tells the rest of the households too: neither may be a small group.
		if m != disclosure.Shown || !disclosure.ShareShown(n, t.Households, disclosure.Threshold) {
			return show(n, m), "x", math.NaN()
		}
		r := float64(n) / float64(t.Households) * 100
		return show(n, m), formatPercent(r, en), r
	}
	var desc []string
	for i := len(t.Points) - 1; i >= 0; i-- {
		pt := t.Points[i]
		row := pubTrend{Year: pt.Year}
		row.Poor, row.PoorRate, _ = cell(pt.Poor)
		row.Near, row.NearRate, _ = cell(pt.Near)
		f.Trend = append(f.Trend, row)
	}
	for _, row := range t.Points {
		_, ptext, pr := cell(row.Poor)
		_, ntext, nr := cell(row.Near)
		c.Labels = append(c.Labels, strconv.Itoa(row.Year))
		c.Values[0], c.Values[1] = append(c.Values[0], pr), append(c.Values[1], nr)
		c.Texts[0], c.Texts[1] = append(c.Texts[0], ptext), append(c.Texts[1], ntext)
		desc = append(desc, fmt.Sprintf("%d: %s, %s", row.Year, ptext, ntext))
	}
	c.Desc = pick("Tỷ lệ trên tổng số hộ hiện nay; x: không công bố vì số nhỏ. ", "Rates over today's households; x: not published for small numbers. ") + joinSemi(desc) + "."
	var b bytes.Buffer
	c.Write(&b, false)
	f.TrendChart = template.HTML(b.String()) // built by export/svg from escaped text only
	f.TrendNote = pick("Số hộ trong danh sách cuối mỗi năm (năm nay: đến nay); tỷ lệ tính trên tổng số hộ hiện nay.",
		"Households on each list at the end of each year (this year: to date); rates over today's number of households.")
	return nil
}

// pubTarget is a target of the plan as the public site shows it.
type pubTarget struct {
	Code, Indicator, Target, Actual, Gap, State, StateLabel string
}

// countUnits are the units of a plan's target that count households or persons: an
// entered figure under the threshold in one of them is shown "<5".
var countUnits = map[string]bool{"hộ": true, "người": true, "lượt người": true}

// publicTargets fills the plan's targets of the province for the year against the
// province's actuals: a share is published only when neither its part nor the rest
// is a small group (disclosure.ShareShown), a count only from the threshold up.
func (s *Server) publicTargets(ctx context.Context, f *pubFigures, province string, year int) error {
	if s.PlanTargets == nil {
		return nil
	}
	// Kept with the dashboards' (dashboard_cache.go: keptTargets).
	ts, _, err := s.keptTargets(ctx, province, year, s.Today())
	if err != nil || ts == nil {
		return err
	}
	f.PlanTitle = ts.Plan.Title
	views := targetViews(ctx, ts)
	hidden := pickVIEN(ctx, "Không công bố (số nhỏ)", "Not published (small numbers)")
	for i, x := range ts.Actuals {
		v := views[i]
		pt := pubTarget{Code: v.Code, Indicator: v.Indicator, Target: v.Target, Actual: v.Actual, Gap: v.Gap, State: v.State, StateLabel: v.StateLabel}
		suppress := false
		switch {
		case x.Target.Source == plan.SourceComputed && x.Target.Unit == "%":
			suppress = x.Value != nil && !disclosure.ShareShown(int64(x.Part), int64(x.Whole), disclosure.Threshold)
		case x.Target.Source == plan.SourceComputed:
			suppress = x.Value != nil && *x.Value > 0 && *x.Value < disclosure.Threshold
		case countUnits[x.Target.Unit]:
			suppress = x.Value != nil && *x.Value > 0 && *x.Value < disclosure.Threshold
		}
		if suppress {
			pt.Actual, pt.Gap, pt.State, pt.StateLabel = "x", "x", "hidden", hidden
			if x.Target.Unit != "%" {
				pt.Actual = "<" + formatInt(disclosure.Threshold, lang(ctx) == "en")
			}
		}
		f.Targets = append(f.Targets, pt)
	}
	return nil
}
