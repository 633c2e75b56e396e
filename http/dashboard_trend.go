package http

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"math"
	"strconv"

	"giamngheo/export/svg"
	"giamngheo/plan"
)

// The trend over the years and the plan's targets on the dashboard (issue 17 item 1).

// trendFrom is the first year of the trends: the first year of the 2022–2025 standard
// (Decree 07/2021/NĐ-CP), the first whose lists the product keeps.
const trendFrom = 2022

// dashTrend draws the poor and near-poor rates at the end of each year up to year,
// from the lists' flows (report.Service.Trend), as a line chart with its table.
func (s *Server) dashTrend(ctx context.Context, p *dashPage, unit string, year int) error {
	en := lang(ctx) == "en"
	tr := func(vi, e string) string {
		if en {
			return e
		}
		return vi
	}
	t, err := s.Reports.Trend(ctx, unit, trendFrom, year)
	if err != nil {
		return err
	}
	c := &svg.LineChart{ID: "chart-trend", Title: tr("Tỷ lệ hộ nghèo, hộ cận nghèo qua các năm", "Poor and near-poor rates over the years") + " · " + t.UnitName,
		Series: []svg.Series{{Name: tr("Hộ nghèo", "Poor")}, {Name: tr("Hộ cận nghèo", "Near-poor")}}, Values: make([][]float64, 2), Texts: make([][]string, 2)}
	ds := dataset{Header: []string{tr("Năm", "Year"), tr("Hộ nghèo cuối năm", "Poor households, end of year"), tr("Tỷ lệ hộ nghèo (%)", "Poor rate (%)"),
		tr("Hộ cận nghèo cuối năm", "Near-poor households, end of year"), tr("Tỷ lệ hộ cận nghèo (%)", "Near-poor rate (%)")}}
	rate := func(n int64) float64 {
		if t.Households == 0 {
			return 0
		}
		return float64(n) / float64(t.Households) * 100
	}
	var desc []string
	for _, pt := range t.Points {
		label := strconv.Itoa(pt.Year)
		if pt.Year == s.Today().Year() {
			label += tr(" (đến nay)", " (to date)")
		}
		c.Labels = append(c.Labels, strconv.Itoa(pt.Year))
		pr, nr := rate(pt.Poor), rate(pt.Near)
		c.Values[0] = append(c.Values[0], pr)
		c.Values[1] = append(c.Values[1], nr)
		c.Texts[0] = append(c.Texts[0], formatPercent(pr, en))
		c.Texts[1] = append(c.Texts[1], formatPercent(nr, en))
		ds.Rows = append(ds.Rows, []string{label, formatInt(int(pt.Poor), en), formatPercent(pr, en), formatInt(int(pt.Near), en), formatPercent(nr, en)})
		desc = append(desc, fmt.Sprintf("%d: %s, %s", pt.Year, formatPercent(pr, en), formatPercent(nr, en)))
	}
	c.Desc = tr("Tỷ lệ hộ nghèo, cận nghèo cuối mỗi năm, trên tổng số hộ hiện nay (", "Poor and near-poor rates at the end of each year, over today's households (") +
		formatInt(int(t.Households), en) + "): " + joinSemi(desc) + "."
	var b bytes.Buffer
	c.Write(&b, false)
	// The SVG is built by export/svg from escaped text only.
	p.Charts["trend"] = &chartView{ID: "trend", Title: c.Title, SVG: template.HTML(b.String()), Data: ds, Query: fmt.Sprintf("unit=%s&year=%d&chart=trend", unit, year)}
	p.TrendNote = fmt.Sprintf(tr("Số hộ trong danh sách cuối mỗi năm, cộng từ các biến động đã ghi; tỷ lệ tính trên %s hộ hiện có (sổ không lưu tổng số hộ của những năm trước).",
		"Households on each list at the end of each year, summed from the recorded changes; rates over today's %s households (the registry keeps no past total of households)."), formatInt(int(t.Households), en))
	return nil
}

func joinSemi(xs []string) string {
	out := ""
	for i, x := range xs {
		if i > 0 {
			out += "; "
		}
		out += x
	}
	return out
}

// targetView is a target of the plan on the dashboard: every value written out.
type targetView struct {
	Code, Indicator, Target, Actual, Detail, Gap, State, StateLabel string
	// Province marks an actual entered by an agency for the whole province.
	Province bool
}

// targetViews writes the plan's targets against their actuals: the target, the
// actual (with its counts), the gap in the target's unit and whether it is met.
func targetViews(ctx context.Context, ts *plan.UnitTargets) []targetView {
	en := lang(ctx) == "en"
	var out []targetView
	for _, x := range ts.Actuals {
		t := x.Target
		v := targetView{Code: t.Code, Indicator: t.Indicator, Target: "—", Actual: "—", Gap: "—", State: x.State,
			StateLabel: targetStateLabel(ctx, x.State, t.Compare), Province: t.Source == plan.SourceEntered && ts.Unit != ts.Plan.ProvinceCode}
		if t.Value != nil {
			v.Target = planValue(*t.Value, t.Unit, en)
		}
		if x.Value != nil {
			v.Actual = planValue(*x.Value, t.Unit, en)
		}
		if t.Source == plan.SourceComputed && x.Whole > 0 {
			v.Detail = formatInt(x.Part, en) + "/" + formatInt(x.Whole, en)
		}
		if g, ok := x.Gap(); ok {
			sign := "+"
			if g < 0 {
				sign = "−"
			}
			v.Gap = sign + planValue(math.Abs(g), t.Unit, en)
			if t.Unit == "%" {
				// A difference of rates is in percentage points.
				v.Gap = sign + formatDecimal(math.Round(math.Abs(g)*10)/10, en) + pickVIEN(ctx, " điểm %", " points")
			}
		}
		out = append(out, v)
	}
	return out
}

// dashTargets fills the plan's targets of the unit's province for the year.
func (s *Server) dashTargets(ctx context.Context, p *dashPage, unit string, year int) error {
	if s.PlanTargets == nil {
		return nil
	}
	ts, at, err := s.planTargets(ctx, unit, year)
	if err != nil || ts == nil {
		return err
	}
	p.TargetsComputed = at
	p.HasPlan, p.PlanTitle = true, ts.Plan.Title
	p.PlanHref = fmt.Sprintf("/plan?province=%s&year=%d", ts.Plan.ProvinceCode, year)
	p.Targets = targetViews(ctx, ts)
	en := lang(ctx) == "en"
	ds := dataset{Header: []string{pickVIEN(ctx, "Chỉ tiêu", "Target"), pickVIEN(ctx, "Kế hoạch", "Planned"), pickVIEN(ctx, "Thực hiện", "Actual"),
		pickVIEN(ctx, "Chênh lệch", "Gap"), pickVIEN(ctx, "Đánh giá", "Assessment")}}
	c := &svg.BarChart{ID: "chart-targets", Title: pickVIEN(ctx, "Chỉ tiêu tỷ lệ: kế hoạch và thực hiện", "Rate targets: planned and actual") + " · " + strconv.Itoa(year),
		Series: []svg.Series{{Name: pickVIEN(ctx, "Kế hoạch", "Planned")}, {Name: pickVIEN(ctx, "Thực hiện", "Actual")}}, Max: 100}
	met := 0
	for i, v := range p.Targets {
		ds.Rows = append(ds.Rows, []string{v.Indicator, v.Target, v.Actual, v.Gap, v.StateLabel})
		if v.State == plan.StateMet {
			met++
		}
		x := ts.Actuals[i]
		if x.Target.Unit != "%" || x.Target.Value == nil {
			continue
		}
		a, at := 0.0, "—"
		if x.Value != nil {
			a, at = *x.Value, formatPercent(*x.Value, en)
		}
		c.Bars = append(c.Bars, svg.Bar{Label: shorten(x.Target.Indicator, 58), Values: []float64{*x.Target.Value, a}, Texts: []string{formatPercent(*x.Target.Value, en), at + " · " + v.StateLabel}})
	}
	c.Desc = fmt.Sprintf(pickVIEN(ctx, "%d/%d chỉ tiêu đạt.", "%d of %d targets met."), met, len(p.Targets))
	var b bytes.Buffer
	c.Write(&b, false)
	p.Charts["targets"] = &chartView{ID: "targets", Title: c.Title, SVG: template.HTML(b.String()), Data: ds, Query: fmt.Sprintf("unit=%s&year=%d&chart=targets", unit, year)}
	p.TargetsMet = met
	return nil
}

// shorten cuts a label to n characters with an ellipsis: a chart's label is one line
// of a 400-unit-wide drawing; the full text is in the table.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
