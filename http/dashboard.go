package http

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"html/template"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/export/svg"
	"giamngheo/export/xlsx"
	"giamngheo/plan"
	"giamngheo/poverty"
	"giamngheo/report"
	"giamngheo/review"
)

// The dashboards of the province and of the commune (issue 17): rates by unit, the
// deprivation profile, the dynamics of the year, the progress of the review rounds
// and the seam of the plan's targets. They read the maintained roll-ups through the
// report service (never the households) within the viewer's scope; every chart is a
// server-drawn SVG with its data table one click away and its downloads.

// routesDashboard mounts the dashboard and its downloads.
func (s *Server) routesDashboard(mux router) {
	mux.HandleFunc("GET /dashboard", s.requireUser(s.handleDashboard))
	mux.HandleFunc("GET /dashboard/chart.svg", s.requireUser(s.handleDashboardSVG))
	mux.HandleFunc("GET /dashboard/data.csv", s.requireUser(s.handleDashboardData))
	mux.HandleFunc("GET /dashboard/data.xlsx", s.requireUser(s.handleDashboardData))
}

// PlanTargets gives the targets of the plan of a unit's province for a year against
// the unit's actuals (plan.Service.TargetsOf: the plan page's computation); nil and
// no error when the province has no plan for the year.
type PlanTargets func(ctx context.Context, unit string, year int) (*plan.UnitTargets, error)

// chartUnits is how many units the rates chart draws: a province has a hundred
// communes; the chart shows the first of the chosen order, the table below all.
const chartUnits = 20

// dataset is the table behind a chart: what the <details> shows and the CSV and XLSX
// downloads hold.
type dataset struct {
	Header []string
	Rows   [][]string
}

// chartView is a chart on the page with its data and downloads.
type chartView struct {
	ID, Title string
	SVG       template.HTML
	Data      dataset
	Query     string // unit=…&year=…&chart=ID, for the download links
	// The chart's workbook, written once (handleDashboardData).
	xlsxOnce sync.Once
	xlsx     []byte
	xlsxErr  error
}

type rateRow struct {
	Code, Name, Href       string
	Households, Poor, Near int64
	PoorRate, NearRate     float64
	Persons, PoorP, NearP  int64
	PoorPRate, NearPRate   float64
}

type sortLink struct {
	Key, Label, Href string
	Sort             string // aria-sort value: ascending, descending or none
}

type dashPage struct {
	Unit, UnitName, Level string
	Year                  int
	Years                 []int
	Provinces             []*admin.Unit
	Sorts                 []sortLink
	Rates                 []rateRow
	Total                 rateRow
	Charts                map[string]*chartView
	Review                struct {
		Rounds, Cases, Overdue int
		Steps                  []reviewStep
	}
	Targets   []targetView
	HasPlan   bool
	PlanTitle string
	PlanHref  string
	// TargetsMet counts the targets met; TrendNote says what the trend's rates are over.
	TargetsMet int
	TrendNote  string
	Empty      bool
	UnitLabel  string
	// Computed is when the figures were computed: the page is kept dashCacheTTL;
	// TargetsComputed when the plan's targets were (kept dashTargetsTTL).
	Computed, TargetsComputed time.Time
	// Body is the page's content already rendered (dashboard_cache.go), or "".
	Body template.HTML
}

type reviewStep struct {
	State, Label string
	N            int
}

// dashUnit is the unit the dashboard shows: ?unit=, else the viewer's scope, else the
// first province of the catalogue (a national account).
func (s *Server) dashUnit(r *http.Request) (string, []*admin.Unit, error) {
	ctx := r.Context()
	unit := r.URL.Query().Get("unit")
	var provinces []*admin.Unit
	u := currentUser(ctx)
	if u.ScopeCode == "" {
		var err error
		provinces, err = s.Units.FindUnits(ctx, admin.UnitFilter{AsOf: s.Today().Format("2006-01-02"), Level: admin.LevelProvince})
		if err != nil {
			return "", nil, err
		}
		if unit == "" && len(provinces) > 0 {
			unit = provinces[0].Code
		}
	}
	if unit == "" {
		unit = u.ScopeCode
	}
	return unit, provinces, nil
}

func (s *Server) dashYear(r *http.Request) int {
	y, err := strconv.Atoi(r.URL.Query().Get("year"))
	if err != nil || y < 2000 || y > 2100 {
		return s.Today().Year()
	}
	return y
}

// indicatorName is an indicator's name in the request's language.
func indicatorName(ctx context.Context, k poverty.IndicatorKey) string {
	stds := poverty.Standards()
	for i := len(stds) - 1; i >= 0; i-- {
		if spec, ok := stds[i].Spec(k); ok {
			return pick(ctx, spec.Name)
		}
	}
	return report.IndicatorTitle(k)
}

// dashboard computes every part of the dashboard of unit and year.
func (s *Server) dashboard(r *http.Request, unit string, year int) (*dashPage, error) {
	ctx := r.Context()
	en := lang(ctx) == "en"
	tr := func(vi, e string) string {
		if en {
			return e
		}
		return vi
	}
	num := func(n int64) string { return formatInt(int(n), en) }
	pct := func(f float64) string { return formatPercent(f, en) }
	p := &dashPage{Unit: unit, Year: year, Charts: map[string]*chartView{}}
	for y := s.Today().Year(); y >= 2022; y-- {
		p.Years = append(p.Years, y)
	}
	t1, err := s.Reports.Build(ctx, "1", unit, year)
	if err != nil {
		return nil, err
	}
	p.UnitName, p.Level = t1.UnitName, t1.RowLevel
	p.UnitLabel = tr("Xã, phường", "Commune")
	if t1.RowLevel == "village" {
		p.UnitLabel = tr("Thôn, tổ dân phố", "Village")
	}
	q := fmt.Sprintf("unit=%s&year=%d", unit, year)
	for _, row := range t1.Rows {
		v := row.Values
		rr := rateRow{Code: row.Code, Name: row.Name, Households: int64(v[0]), Persons: int64(v[1]), Poor: int64(v[2]), PoorRate: v[3], Near: int64(v[4]), NearRate: v[5],
			PoorP: int64(v[6]), PoorPRate: v[7], NearP: int64(v[8]), NearPRate: v[9]}
		switch row.Kind {
		case "total":
			p.Total = rr
		case "unit":
			if t1.RowLevel == "commune" {
				rr.Href = fmt.Sprintf("/dashboard?unit=%s&year=%d", row.Code, year)
			}
			p.Rates = append(p.Rates, rr)
		}
	}
	p.Empty = p.Total.Households == 0
	// Sorting: by poor rate (default), near-poor rate, households or name.
	key := r.URL.Query().Get("sort")
	less := map[string]func(a, b rateRow) bool{
		"poor":       func(a, b rateRow) bool { return a.PoorRate > b.PoorRate },
		"near":       func(a, b rateRow) bool { return a.NearRate > b.NearRate },
		"households": func(a, b rateRow) bool { return a.Households > b.Households },
		"name":       func(a, b rateRow) bool { return a.Name < b.Name },
	}
	if less[key] == nil {
		key = "poor"
	}
	sort.SliceStable(p.Rates, func(i, j int) bool { return less[key](p.Rates[i], p.Rates[j]) })
	for _, k := range []struct{ key, vi, en string }{{"name", "Tên", "Name"}, {"households", "Số hộ", "Households"}, {"poor", "Tỷ lệ hộ nghèo", "Poor rate"}, {"near", "Tỷ lệ hộ cận nghèo", "Near-poor rate"}} {
		l := sortLink{Key: k.key, Label: tr(k.vi, k.en), Href: "/dashboard?" + q + "&sort=" + k.key + "#rates", Sort: "none"}
		if k.key == key {
			l.Sort = "descending"
			if key == "name" {
				l.Sort = "ascending"
			}
		}
		p.Sorts = append(p.Sorts, l)
	}
	// Chart 1: rates, units ranked by the chosen order.
	rates := &svg.BarChart{ID: "chart-rates", Title: tr("Tỷ lệ hộ nghèo, cận nghèo theo ", "Poor and near-poor rates by ") + strings.ToLower(p.UnitLabel) + " · " + t1.UnitName + " · " + strconv.Itoa(year),
		Series: []svg.Series{{Name: tr("Hộ nghèo", "Poor")}, {Name: tr("Hộ cận nghèo", "Near-poor")}}}
	ds := dataset{Header: []string{p.UnitLabel, tr("Tổng số hộ", "Households"), tr("Hộ nghèo", "Poor households"), tr("Tỷ lệ hộ nghèo (%)", "Poor rate (%)"), tr("Hộ cận nghèo", "Near-poor households"), tr("Tỷ lệ hộ cận nghèo (%)", "Near-poor rate (%)")}}
	var desc []string
	for i, rr := range p.Rates {
		if i >= chartUnits {
			continue
		}
		rates.Bars = append(rates.Bars, svg.Bar{Label: rr.Name, Values: []float64{rr.PoorRate, rr.NearRate}, Texts: []string{pct(rr.PoorRate), pct(rr.NearRate)}})
		ds.Rows = append(ds.Rows, []string{rr.Name, num(rr.Households), num(rr.Poor), pct(rr.PoorRate), num(rr.Near), pct(rr.NearRate)})
		if len(desc) < 3 {
			desc = append(desc, rr.Name+" "+pct(rr.PoorRate))
		}
	}
	ds.Rows = append(ds.Rows, []string{tr("Tổng cộng", "Total"), num(p.Total.Households), num(p.Total.Poor), pct(p.Total.PoorRate), num(p.Total.Near), pct(p.Total.NearRate)})
	rates.Desc = fmt.Sprintf(tr("%d đơn vị; toàn %s: hộ nghèo %s, hộ cận nghèo %s. Cao nhất: %s.", "%d units; %s as a whole: poor %s, near-poor %s. Highest: %s."),
		len(p.Rates), t1.UnitName, pct(p.Total.PoorRate), pct(p.Total.NearRate), strings.Join(desc, "; "))
	if len(p.Rates) > chartUnits {
		rates.Title += fmt.Sprintf(tr(" (%d đơn vị đầu theo thứ tự đã chọn; đủ cả trong bảng)", " (the first %d units in the chosen order; all in the table)"), chartUnits)
	}
	p.Charts["rates"] = chartOf(rates, ds, q+"&sort="+key)

	// Chart 2: the deprivation profile of the poor and near-poor households.
	t5, err := s.Reports.Build(ctx, "5", unit, year)
	if err != nil {
		return nil, err
	}
	t7, err := s.Reports.Build(ctx, "7", unit, year)
	if err != nil {
		return nil, err
	}
	t4, err := s.Reports.Build(ctx, "4", unit, year)
	if err != nil {
		return nil, err
	}
	t6, err := s.Reports.Build(ctx, "6", unit, year)
	if err != nil {
		return nil, err
	}
	dep := &svg.BarChart{ID: "chart-deprivation", Title: tr("Tỷ lệ hộ thiếu hụt theo chỉ số", "Households deprived in each indicator") + " · " + t1.UnitName,
		Series: []svg.Series{{Name: tr("Hộ nghèo", "Poor")}, {Name: tr("Hộ cận nghèo", "Near-poor")}}, Max: 100}
	dds := dataset{Header: []string{tr("Chỉ số", "Indicator"), tr("Hộ nghèo thiếu hụt", "Poor households deprived"), tr("Tỷ lệ (%)", "Share (%)"),
		tr("Hộ cận nghèo thiếu hụt", "Near-poor households deprived"), tr("Tỷ lệ (%)", "Share (%)"), tr("Nơi tỷ lệ hộ nghèo thiếu hụt cao nhất", "Where the poor are most deprived")}}
	total := func(t *report.Table) []float64 { return t.Rows[len(t.Rows)-1].Values }
	t4n := total(t4)
	type topDep struct {
		name string
		rate float64
	}
	for i, k := range poverty.IndicatorKeys {
		pr, nr := total(t5)[i+2], total(t7)[i+2]
		best := topDep{}
		for _, row := range t5.Rows {
			if row.Kind == "unit" && row.Values[i+2] > best.rate {
				best = topDep{row.Name, row.Values[i+2]}
			}
		}
		where := "–"
		if best.name != "" {
			where = best.name + " (" + pct(best.rate) + ")"
		}
		name := indicatorName(ctx, k)
		dep.Bars = append(dep.Bars, svg.Bar{Label: name, Values: []float64{pr, nr}, Texts: []string{pct(pr), pct(nr)}})
		dds.Rows = append(dds.Rows, []string{name, num(int64(t4n[i+2])), pct(pr), num(int64(total(t6)[i+2])), pct(nr), where})
	}
	sort.SliceStable(dep.Bars, func(i, j int) bool { return dep.Bars[i].Values[0] > dep.Bars[j].Values[0] })
	if len(dep.Bars) > 0 {
		dep.Desc = fmt.Sprintf(tr("Chỉ số thiếu hụt nhiều nhất ở hộ nghèo: %s (%s).", "The indicator most poor households lack: %s (%s)."), dep.Bars[0].Label, dep.Bars[0].Texts[0])
	}
	p.Charts["deprivation"] = chartOf(dep, dds, q)

	// Chart 3: the dynamics of the year (report 2 and 3, households).
	dyn := &svg.BarChart{ID: "chart-dynamics", Title: tr("Diễn biến trong năm", "Changes during the year") + " " + strconv.Itoa(year) + " · " + t1.UnitName,
		Series: []svg.Series{{Name: tr("Hộ nghèo", "Poor")}, {Name: tr("Hộ cận nghèo", "Near-poor")}}}
	yds := dataset{Header: []string{"", tr("Hộ nghèo", "Poor"), tr("Hộ cận nghèo", "Near-poor")}}
	var lines [2][]float64
	for i, name := range []string{"2", "3"} {
		t, err := s.Reports.Build(ctx, name, unit, year)
		if err != nil {
			return nil, err
		}
		for _, row := range t.Rows {
			if row.Kind == "total" && row.Line == "Hộ" {
				lines[i] = row.Values
			}
		}
	}
	for _, it := range []struct {
		vi, en string
		v      func(l []float64) float64
	}{
		{"Đầu kỳ", "Start of the year", func(l []float64) float64 { return l[0] }},
		{"Thoát (sang diện khác hoặc vượt chuẩn)", "Escaped (to the other list or above the line)", func(l []float64) float64 { return l[1] + l[2] }},
		{"Tái nghèo, tái cận nghèo", "Fell back (re-poor)", func(l []float64) float64 { return l[5] }},
		{"Phát sinh mới", "New", func(l []float64) float64 { return l[6] }},
		{"Cuối kỳ", "End of the year", func(l []float64) float64 { return l[8] }},
	} {
		a, b := 0.0, 0.0
		if lines[0] != nil {
			a = it.v(lines[0])
		}
		if lines[1] != nil {
			b = it.v(lines[1])
		}
		dyn.Bars = append(dyn.Bars, svg.Bar{Label: tr(it.vi, it.en), Values: []float64{a, b}, Texts: []string{num(int64(a)), num(int64(b))}})
		yds.Rows = append(yds.Rows, []string{tr(it.vi, it.en), num(int64(a)), num(int64(b))})
	}
	dyn.Desc = fmt.Sprintf(tr("Hộ nghèo: thoát %s, tái nghèo %s, mới %s.", "Poor households: %s escaped, %s fell back, %s new."), dyn.Bars[1].Texts[0], dyn.Bars[2].Texts[0], dyn.Bars[3].Texts[0])
	p.Charts["dynamics"] = chartOf(dyn, yds, q)

	// Chart 4: the review rounds of the year in the unit: households per step, overdue.
	if err := s.dashReview(r, p, unit, year); err != nil {
		return nil, err
	}
	// Trend over the years and the plan's targets (dashboard_trend.go).
	if err := s.dashTrend(ctx, p, unit, year); err != nil {
		return nil, err
	}
	if err := s.dashTargets(ctx, p, unit, year); err != nil {
		return nil, err
	}
	return p, nil
}

// reviewCounts are the cases of a unit's rounds of a year by state.
type reviewCounts struct {
	Rounds, Cases, Overdue int
	ByState                map[review.State]int
}

// dashReview draws the cases of the unit's rounds of the year by state.
func (s *Server) dashReview(r *http.Request, p *dashPage, unit string, year int) error {
	ctx := r.Context()
	en := lang(ctx) == "en"
	var rc *reviewCounts
	var err error
	if f := figuresOf(ctx); f != nil {
		f.reviewOnce.Do(func() { f.review, f.reviewErr = s.countReview(ctx, unit, year) })
		rc, err = f.review, f.reviewErr
	} else {
		rc, err = s.countReview(ctx, unit, year)
	}
	if err != nil {
		return err
	}
	p.Review.Rounds, p.Review.Cases, p.Review.Overdue = rc.Rounds, rc.Cases, rc.Overdue
	counts := rc.ByState
	tr := func(vi, e string) string {
		if en {
			return e
		}
		return vi
	}
	ch := &svg.BarChart{ID: "chart-review", Title: tr("Tiến độ rà soát năm ", "Review progress, ") + strconv.Itoa(year) + ": " + tr("số hộ ở từng bước", "households at each step"),
		Series: []svg.Series{{Name: tr("Số hộ", "Households")}}}
	ds := dataset{Header: []string{tr("Bước", "Step"), tr("Số hộ", "Households")}}
	for _, st := range review.States {
		if counts[st] == 0 {
			continue
		}
		label := st.Label()
		if en {
			label = upperFirst(st.LabelEN())
		}
		p.Review.Steps = append(p.Review.Steps, reviewStep{State: string(st), Label: label, N: counts[st]})
		ch.Bars = append(ch.Bars, svg.Bar{Label: label, Values: []float64{float64(counts[st])}, Texts: []string{formatInt(counts[st], en)}})
		ds.Rows = append(ds.Rows, []string{label, formatInt(counts[st], en)})
	}
	ch.Desc = fmt.Sprintf(tr("%d đợt, %d hồ sơ, %d quá hạn.", "%d rounds, %d cases, %d overdue."), p.Review.Rounds, p.Review.Cases, p.Review.Overdue)
	ds.Rows = append(ds.Rows, []string{tr("Quá hạn", "Overdue"), formatInt(p.Review.Overdue, en)})
	p.Charts["review"] = chartOf(ch, ds, fmt.Sprintf("unit=%s&year=%d", unit, year))
	return nil
}

// countReview counts the cases of the unit's rounds of the year by state.
func (s *Server) countReview(ctx context.Context, unit string, year int) (*reviewCounts, error) {
	rounds, err := s.Review.FindRounds(ctx)
	if err != nil {
		return nil, err
	}
	rc := &reviewCounts{ByState: map[review.State]int{}}
	for _, rd := range rounds {
		if rd.Year != year {
			continue
		}
		if rd.CommuneCode != unit && rd.ProvinceCode != unit {
			if ok, err := admin.StoreInScope(ctx, s.Units, unit, rd.CommuneCode); err != nil || !ok {
				continue
			}
		}
		rc.Rounds++
		cases, err := s.Review.Store.FindCases(ctx, rd.ID)
		if err != nil {
			return nil, err
		}
		for _, c := range cases {
			rc.ByState[c.State]++
			rc.Cases++
			if review.Overdue(&c.Case, &rd.Round, s.Today()) {
				rc.Overdue++
			}
		}
	}
	return rc, nil
}

func chartOf(c *svg.BarChart, ds dataset, q string) *chartView {
	var b bytes.Buffer
	c.Write(&b, false)
	id := strings.TrimPrefix(c.ID, "chart-")
	// The SVG is built by export/svg from escaped text only.
	return &chartView{ID: id, Title: c.Title, SVG: template.HTML(b.String()), Data: ds, Query: q + "&chart=" + id}
}

func (s *Server) handleDashboard(w http.ResponseWriter, r *http.Request) {
	unit, provinces, err := s.dashUnit(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if unit == "" {
		s.Error(w, r, giamngheo.Errorf(giamngheo.ENOTFOUND, "Chưa có tỉnh nào trong danh mục đơn vị.", "No province in the unit catalogue yet."))
		return
	}
	e, err := s.cachedDashboard(r, unit, s.dashYear(r))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p := *e.page // the kept page is shared: this request's fields go on a copy
	p.Provinces = provinces
	s.writeDashboard(w, r, e, &p)
}

// dashChart computes the dashboard and returns the chart the query names.
func (s *Server) dashChart(w http.ResponseWriter, r *http.Request) (*dashPage, *chartView, bool) {
	unit, _, err := s.dashUnit(r)
	if err != nil {
		s.Error(w, r, err)
		return nil, nil, false
	}
	e, err := s.cachedDashboard(r, unit, s.dashYear(r))
	if err != nil {
		s.Error(w, r, err)
		return nil, nil, false
	}
	p := e.page
	c := p.Charts[r.URL.Query().Get("chart")]
	if c == nil {
		s.Error(w, r, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không có biểu đồ này.", "No such chart."))
		return nil, nil, false
	}
	return p, c, true
}

func (s *Server) handleDashboardSVG(w http.ResponseWriter, r *http.Request) {
	p, c, ok := s.dashChart(w, r)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s-%s-%d.svg"`, c.ID, p.Unit, p.Year))
	doc := strings.Replace(string(c.SVG), "<svg ", `<?xml version="1.0" encoding="UTF-8"?>`+"\n<svg ", 1)
	w.Write([]byte(doc))
}

func (s *Server) handleDashboardData(w http.ResponseWriter, r *http.Request) {
	p, c, ok := s.dashChart(w, r)
	if !ok {
		return
	}
	name := fmt.Sprintf("%s-%s-%d", c.ID, p.Unit, p.Year)
	if strings.HasSuffix(r.URL.Path, ".xlsx") {
		// The workbook is written once per kept chart: the chart is kept with its page.
		c.xlsxOnce.Do(func() {
			rows := make([][]any, len(c.Data.Rows))
			for i, row := range c.Data.Rows {
				for _, v := range row {
					rows[i] = append(rows[i], v)
				}
			}
			var b bytes.Buffer
			c.xlsxErr = xlsx.WriteSheets(&b, []xlsx.Sheet{{Name: c.ID, Header: c.Data.Header, Rows: rows}})
			c.xlsx = b.Bytes()
		})
		if c.xlsxErr != nil {
			s.Error(w, r, c.xlsxErr)
			return
		}
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.xlsx"`)
		w.Write(c.xlsx)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
	cw := csv.NewWriter(w)
	cw.Write(append([]string{}, c.Data.Header...))
	cw.WriteAll(c.Data.Rows)
}
