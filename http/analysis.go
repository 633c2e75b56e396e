package http

import (
	"net/http"
	"strconv"
	"strings"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/report"
)

// routesAnalysis mounts the multidimensional poverty analysis (Alkire–Foster, issue 14
// item 5): the page and the API. The report service checks the scope of the unit.
func (s *Server) routesAnalysis(mux router) {
	mux.HandleFunc("GET /analysis", s.requireUser(s.handleAnalysis))
	mux.HandleFunc("GET /api/v1/analysis", s.requireUser(s.apiAnalysis))
}

// readAnalysisQuery reads ?unit= or ?commune= (the picker, which wins when set; "" the
// user's scope), ?period= (this year when empty), ?standard=, ?k= (a decimal, "0,25",
// or a fraction "1/3"; empty: the default) and ?weights= (report.ParseWeights).
func (s *Server) readAnalysisQuery(r *http.Request) (report.AnalysisQuery, error) {
	q := r.URL.Query()
	aq := report.AnalysisQuery{Unit: strings.TrimSpace(q.Get("unit")), Period: s.Today().Year(),
		Standard: strings.TrimSpace(q.Get("standard")), Weights: strings.TrimSpace(q.Get("weights"))}
	if c := strings.TrimSpace(q.Get("commune")); c != "" {
		aq.Unit = c
	}
	if aq.Unit == "" {
		aq.Unit = currentUser(r.Context()).ScopeCode
	}
	if v := strings.TrimSpace(q.Get("period")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return aq, giamngheo.Errorf(giamngheo.EINVALID, "Năm báo cáo không hợp lệ: %q.", "Invalid year: %q.", v)
		}
		aq.Period = n
	}
	k, err := report.ParseK(q.Get("k"))
	aq.K = k
	return aq, err
}

// analysis computes the analysis the query asks for.
func (s *Server) analysis(r *http.Request, aq report.AnalysisQuery) (*report.Analysis, error) {
	if s.Reports == nil {
		return nil, giamngheo.Errorf(giamngheo.EINTERNAL, "Chưa cấu hình báo cáo.", "Reports are not configured.")
	}
	return s.Reports.Analysis(r.Context(), aq)
}

// apiAnalysis is GET /api/v1/analysis?unit=…&period=…&k=…&weights=…&standard=…: the
// report.Analysis (H, A, M0, censored headcount ratios and contributions per row, area
// and recognised status).
func (s *Server) apiAnalysis(w http.ResponseWriter, r *http.Request) {
	aq, err := s.readAnalysisQuery(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	a, err := s.analysis(r, aq)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, a)
}

// afRow is a row of a measures table as shown.
type afRow struct {
	Name, Kind               string
	Households, Poor, Others string
	H, A, M0                 string
	HasOthers                bool
}

// afIndicator is a line of the indicator table: the indicator and, for the total, the
// urban and the rural area, its censored headcount ratio and contribution.
type afIndicator struct {
	Dimension, Title, Weight string
	Raw                      string
	Cells                    []string // censored, contribution: total, urban, rural
}

// afTable is a table of measures: by unit, by area or by recognised status.
type afTable struct {
	ID, Caption, First, Note string
	Rows                     []afRow
}

type analysisPage struct {
	Units     []opt
	Unit      string
	Communes  *picker
	Period    int
	Standards []opt
	Standard  string
	K         string
	Weights   string
	Error     string
	A         *report.Analysis
	KLabel    string
	Total     afRow
	Tables    []afTable
	Lines     []afIndicator
	Others    bool
}

// handleAnalysis shows the analysis page: pick the unit, the year or standard, k and
// the weights; the measures per unit, per area and per recognised status, and per
// indicator the censored headcount ratios and contributions.
func (s *Server) handleAnalysis(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	p := &analysisPage{Unit: q.Get("unit"), Period: s.Today().Year(), Standard: q.Get("standard"), K: q.Get("k"), Weights: q.Get("weights")}
	p.Standards = append(p.Standards, opt{"", pickVIEN(ctx, "Chuẩn áp dụng trong năm", "The standard of the year")})
	for _, std := range poverty.Standards() {
		p.Standards = append(p.Standards, opt{std.ID, pickVIEN(ctx, std.Name.VI, std.Name.EN)})
	}
	aq, err := s.readAnalysisQuery(r)
	if err != nil {
		p.Error = pickVIEN(ctx, giamngheo.ErrorMessage(err), giamngheo.ErrorMessageEN(err))
	} else {
		p.Period = aq.Period
	}
	end := strconv.Itoa(p.Period) + "-12-31"
	if p.Units, err = s.scopeUnitChoices(ctx, end); err != nil {
		s.Error(w, r, err)
		return
	}
	if p.Communes, err = s.communePicker(r, end, "analysis-commune", "", q.Get("commune"), pickVIEN(ctx, "Không chọn xã", "No commune")); err != nil {
		s.Error(w, r, err)
		return
	}
	if p.Error == "" {
		a, err := s.analysis(r, aq)
		if err != nil {
			if code := giamngheo.ErrorCode(err); code == giamngheo.EFORBIDDEN || code == giamngheo.EUNAUTHORIZED || code == giamngheo.EINTERNAL {
				s.Error(w, r, err)
				return
			}
			p.Error = pickVIEN(ctx, giamngheo.ErrorMessage(err), giamngheo.ErrorMessageEN(err))
		} else {
			s.fillAnalysisPage(r, p, a)
		}
	}
	s.render(w, r, "analysis", p)
}

// fillAnalysisPage formats the analysis in the page's language.
func (s *Server) fillAnalysisPage(r *http.Request, p *analysisPage, a *report.Analysis) {
	en := lang(r.Context()) == "en"
	pct := func(x float64) string { return formatReportValue(x*100, true, en) }
	dec := func(x float64) string {
		v := strconv.FormatFloat(x, 'f', 3, 64)
		if !en {
			v = strings.Replace(v, ".", ",", 1)
		}
		return v
	}
	num := func(n int64) string { return formatInt(int(n), en) }
	p.A, p.KLabel = a, report.FormatK(a.K)
	if !en {
		p.KLabel = strings.Replace(p.KLabel, ".", ",", 1)
	}
	row := func(x report.AnalysisRow) afRow {
		v := afRow{Name: x.Name, Kind: x.Kind, Households: num(x.Households), Poor: num(x.Poor), Others: num(x.Others),
			H: pct(x.H), A: pct(x.A), M0: dec(x.M0), HasOthers: x.Others > 0}
		if en {
			v.Name = englishRowName(x)
		}
		if x.Others > 0 {
			p.Others = true
		}
		return v
	}
	ctx := r.Context()
	units := afTable{ID: "analysis-rows", Caption: pickVIEN(ctx, "Theo đơn vị", "By unit"), First: pickVIEN(ctx, "Đơn vị", "Unit")}
	for _, x := range a.Rows {
		if x.Kind == "total" {
			p.Total = row(x)
		}
		units.Rows = append(units.Rows, row(x))
	}
	areas := afTable{ID: "analysis-areas", Caption: pickVIEN(ctx, "Thành thị, nông thôn", "Urban and rural"), First: pickVIEN(ctx, "Khu vực", "Area"),
		Note: pickVIEN(ctx, "Khu vực theo loại xã: phường, thị trấn là thành thị; xã, đặc khu là nông thôn.",
			"The area follows the commune's type: wards and townships are urban; communes and special zones are rural.")}
	for _, x := range a.Areas {
		areas.Rows = append(areas.Rows, row(x))
	}
	statuses := afTable{ID: "analysis-statuses", Caption: pickVIEN(ctx, "Theo diện được công nhận", "By recognised status"), First: pickVIEN(ctx, "Diện", "Status")}
	for _, x := range a.Statuses {
		statuses.Rows = append(statuses.Rows, row(x))
	}
	p.Tables = []afTable{units, areas, statuses}
	total := a.Rows[len(a.Rows)-1]
	for i, ind := range a.Indicators {
		l := afIndicator{Dimension: ind.Dimension, Title: ind.Title, Weight: dec(ind.Weight), Raw: pct(total.Indicators[i].Raw)}
		if en {
			if std, err := poverty.StandardByID(a.Standard); err == nil {
				if spec, ok := std.Spec(ind.Key); ok {
					l.Dimension, l.Title = spec.Dimension.EN, spec.Name.EN
				}
			}
		}
		for _, x := range []report.AnalysisRow{total, a.Areas[0], a.Areas[1]} {
			l.Cells = append(l.Cells, pct(x.Indicators[i].Censored), formatReportValue(x.Indicators[i].Contribution, true, en))
		}
		p.Lines = append(p.Lines, l)
	}
}

// englishRowName names the total, areas and statuses in English (units keep their
// names).
func englishRowName(x report.AnalysisRow) string {
	switch {
	case x.Kind == "total":
		return "Total"
	case x.Kind == "area" && x.Code == "urban":
		return "Urban"
	case x.Kind == "area":
		return "Rural"
	case x.Kind == "status" && x.Code == string(poverty.Poor):
		return "Poor households"
	case x.Kind == "status" && x.Code == string(poverty.NearPoor):
		return "Near-poor households"
	case x.Kind == "status":
		return "Other households"
	case x.Code == "0":
		return "No village"
	}
	return x.Name
}
