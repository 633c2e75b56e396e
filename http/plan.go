package http

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"giamngheo"
	"giamngheo/export/xlsx"
	"giamngheo/plan"
	"giamngheo/support"
)

// routesPlan mounts the programme's plan (issue 15): the page with its targets against
// their actuals by activity area, its workbook, and the forms of the province's
// officers (report due day, budget lines, a copy for a new year) and of an agency
// officer (figures, its progress report). The plan service checks role and scope.
func (s *Server) routesPlan(mux router) {
	mux.HandleFunc("GET /plan", s.requireUser(s.handlePlan))
	mux.HandleFunc("GET /plan.xlsx", s.requireUser(s.handlePlanXLSX))
	mux.HandleFunc("GET /plan/report.pdf", s.requireUser(s.handlePlanReportPDF))
	mux.HandleFunc("POST /plan/figures", s.requireUser(s.handlePlanFigure))
	mux.HandleFunc("POST /plan/reports", s.requireUser(s.handlePlanReport))
	mux.HandleFunc("POST /plan/settings", s.requireUser(s.handlePlanSettings))
	mux.HandleFunc("POST /plan/budget", s.requireUser(s.handlePlanBudget))
	mux.HandleFunc("POST /plan/copy", s.requireUser(s.handlePlanCopy))
}

// planRow is one target on the page: its figures written out.
type planRow struct {
	Code, Indicator, Unit, Target, Actual, Detail, State, StateLabel, HowMeasured, Agency, Evidence string
	Entered                                                                                         bool
}

type planGroup struct {
	Code, Title, Lead, Coordinating string
	Rows                            []planRow
	Budget                          []budgetRow
}

type budgetRow struct {
	Agency, Source, Allocated, Disbursed, Settled, Reported string
}

type agencyReportRow struct {
	Agency, State, StateLabel, Submitted, Narrative string
	// PDF is the link to the report as a document ("" before it is submitted).
	PDF string
}

type planPage struct {
	Province string
	Year     int
	Years    []int
	Query    string
	Plan     *plan.Plan
	Unit     string
	Groups   []planGroup
	Reports  []agencyReportRow
	CanEdit  bool
	// Agency is the agency officer's agency; Mine its entered targets and led areas.
	Agency     string
	AgencyName string
	Mine       []plan.Target
	MyAreas    []plan.Area
	MyReport   *plan.Report
	MyVersion  int
	Names      map[string]string
	Sources    []opt
	Areas      []opt
	Agencies   []opt
	Today      string
	NextYear   int
}

// planOf resolves the province and year asked for: the query's, else the user's
// province and this year.
func (s *Server) planOf(ctx context.Context, q url.Values) (string, int, error) {
	province := q.Get("province")
	if province == "" {
		var err error
		if province, err = s.Plan.ProvinceOf(ctx); err != nil {
			return "", 0, err
		}
	}
	year := s.Today().Year()
	if v := q.Get("year"); v != "" {
		y, err := strconv.Atoi(v)
		if err != nil || y < 2000 || y > 2100 {
			return "", 0, giamngheo.Errorf(giamngheo.EINVALID, "Năm %q không hợp lệ.", "Year %q is not valid.", v)
		}
		year = y
	}
	return province, year, nil
}

func agencyLabel(ctx context.Context, code string) string {
	if a, ok := support.AgencyByCode(code); ok {
		return pick(ctx, a.Name)
	}
	return code
}

func (s *Server) handlePlan(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	province, year, err := s.planOf(ctx, r.URL.Query())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	u := currentUser(ctx)
	en := lang(ctx) == "en"
	pg := &planPage{Province: province, Year: year, Names: map[string]string{}, Today: giamngheo.DayString(s.Today()),
		Query: "province=" + url.QueryEscape(province) + "&year=" + strconv.Itoa(year)}
	if province == "" {
		s.render(w, r, "plan", pg)
		return
	}
	if pg.Years, err = s.Plan.FindPlanYears(ctx, province); err != nil {
		s.Error(w, r, err)
		return
	}
	pg.CanEdit = (u.Role == giamngheo.RoleProvinceOfficer || u.Role == giamngheo.RoleProvinceAdmin) && (u.ScopeCode == "" || u.ScopeCode == province)
	if len(pg.Years) > 0 {
		pg.NextYear = pg.Years[len(pg.Years)-1] + 1
	}
	p, err := s.Plan.FindPlan(ctx, province, year)
	if giamngheo.ErrorCode(err) == giamngheo.ENOTFOUND {
		s.render(w, r, "plan", pg)
		return
	}
	if err != nil {
		s.Error(w, r, err)
		return
	}
	o, err := s.Plan.Progress(ctx, p)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	pg.Plan, pg.Unit = p, o.Unit
	for _, a := range support.Agencies {
		pg.Names[a.Code] = pick(ctx, a.Name)
		pg.Agencies = append(pg.Agencies, opt{a.Code, pick(ctx, a.Name)})
	}
	for _, f := range plan.FundSources {
		pg.Sources = append(pg.Sources, opt{string(f.Source), pickVIEN(ctx, f.VI, f.EN)})
	}
	for _, a := range p.Areas {
		pg.Areas = append(pg.Areas, opt{a.Code, a.Code + ". " + a.Title})
	}
	for _, g := range o.Groups {
		pg.Groups = append(pg.Groups, s.planGroupOf(ctx, g, en))
	}
	for _, st := range o.Reports {
		row := agencyReportRow{Agency: agencyLabel(ctx, st.Agency), State: st.State, StateLabel: reportStateLabel(ctx, st.State)}
		if st.Report != nil {
			row.Submitted, row.Narrative = formatDay(st.Report.SubmittedAt), st.Report.Narrative
			row.PDF = "/plan/report.pdf?" + pg.Query + "&agency=" + url.QueryEscape(st.Agency)
		}
		pg.Reports = append(pg.Reports, row)
	}
	if u.Role == giamngheo.RoleAgencyOfficer && u.Agency != "" {
		pg.Agency, pg.AgencyName = u.Agency, agencyLabel(ctx, u.Agency)
		for _, t := range p.Targets {
			if t.Agency == u.Agency && t.Source == plan.SourceEntered {
				pg.Mine = append(pg.Mine, t)
			}
		}
		pg.MyAreas = p.AreasOf(u.Agency)
		for _, st := range o.Reports {
			if st.Agency == u.Agency && st.Report != nil {
				pg.MyReport, pg.MyVersion = st.Report, st.Report.Version
			}
		}
	}
	s.render(w, r, "plan", pg)
}

func (s *Server) planGroupOf(ctx context.Context, g plan.Group, en bool) planGroup {
	pg := planGroup{Code: g.Area.Code, Title: g.Area.Title, Lead: agencyLabel(ctx, g.Area.Lead), Coordinating: g.Area.CoordinatingText}
	if g.Area.Code == "" {
		pg.Title, pg.Lead = pickVIEN(ctx, "Chỉ tiêu chung", "General targets"), ""
	}
	num := func(v float64, unit string) string { return planValue(v, unit, en) }
	for _, x := range g.Actuals {
		t := x.Target
		row := planRow{Code: t.Code, Indicator: t.Indicator, Unit: t.Unit, HowMeasured: t.HowMeasured, Agency: agencyLabel(ctx, t.Agency),
			State: x.State, StateLabel: targetStateLabel(ctx, x.State, t.Compare), Target: "—", Actual: "—", Entered: t.Source == plan.SourceEntered}
		if t.Value != nil {
			row.Target = num(*t.Value, t.Unit)
		}
		if x.Value != nil {
			row.Actual = num(*x.Value, t.Unit)
		}
		if t.Source == plan.SourceComputed && x.Whole > 0 {
			row.Detail = formatInt(x.Part, en) + "/" + formatInt(x.Whole, en)
		}
		if x.Figure != nil {
			row.Evidence = x.Figure.Evidence + " (" + formatISODay(x.Figure.AsOf) + ", " + x.Figure.EnteredBy + ")"
		}
		pg.Rows = append(pg.Rows, row)
	}
	money := func(v *int64) string {
		if v == nil {
			return "—"
		}
		return formatMoney(*v, en)
	}
	for _, b := range g.Budget {
		src := string(b.Source)
		for _, f := range plan.FundSources {
			if f.Source == b.Source {
				src = pickVIEN(ctx, f.VI, f.EN)
			}
		}
		pg.Budget = append(pg.Budget, budgetRow{Agency: agencyLabel(ctx, b.Agency), Source: src, Allocated: money(b.Allocated),
			Disbursed: money(b.Disbursed), Settled: money(b.Settled), Reported: formatMoney(b.ReportedDisbursed, en) + " / " + formatMoney(b.ReportedSettled, en)})
	}
	return pg
}

// planValue writes a target's or an actual's value in the target's unit.
func planValue(v float64, unit string, en bool) string {
	if unit == "%" {
		return formatPercent(v, en)
	}
	if unit == "đồng" {
		return formatMoney(int64(v), en)
	}
	return formatDecimal(v, en) + " " + unit
}

func targetStateLabel(ctx context.Context, st, compare string) string {
	switch st {
	case plan.StateMet:
		return pickVIEN(ctx, "Đạt", "Met")
	case plan.StateNotMet:
		return pickVIEN(ctx, "Chưa đạt", "Not met")
	case plan.StateNoTarget:
		return pickVIEN(ctx, "Kế hoạch không nêu số", "No figure in the plan")
	}
	return pickVIEN(ctx, "Chưa có số liệu", "No data yet")
}

func reportStateLabel(ctx context.Context, st string) string {
	switch st {
	case plan.ReportOnTime:
		return pickVIEN(ctx, "Đúng hạn", "On time")
	case plan.ReportLate:
		return pickVIEN(ctx, "Nộp muộn", "Late")
	case plan.ReportMissing:
		return pickVIEN(ctx, "Chưa nộp, quá hạn", "Missing, overdue")
	}
	return pickVIEN(ctx, "Chưa đến hạn", "Not yet due")
}

// formPlan loads the plan a form is about (fields province and year).
func (s *Server) formPlan(r *http.Request) (*plan.Plan, error) {
	if err := r.ParseForm(); err != nil {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Biểu mẫu không đọc được.", "The form cannot be read.")
	}
	province, year, err := s.planOf(r.Context(), r.PostForm)
	if err != nil {
		return nil, err
	}
	return s.Plan.FindPlan(r.Context(), province, year)
}

func planURL(p *plan.Plan) string {
	return "/plan?province=" + url.QueryEscape(p.ProvinceCode) + "&year=" + strconv.Itoa(p.Year)
}

func parseNumber(v string) (float64, error) {
	v = strings.TrimSpace(v)
	// Vietnamese writing: 1.234,5; a lone comma is the decimal mark.
	if strings.Contains(v, ",") {
		v = strings.ReplaceAll(strings.ReplaceAll(v, ".", ""), ",", ".")
	}
	return strconv.ParseFloat(v, 64)
}

func (s *Server) handlePlanFigure(w http.ResponseWriter, r *http.Request) {
	p, err := s.formPlan(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	v, err := parseNumber(r.PostFormValue("value"))
	if err != nil {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Số liệu %q không hợp lệ.", "Figure %q is not valid.", r.PostFormValue("value")))
		return
	}
	f := &plan.Figure{Target: r.PostFormValue("target"), Value: v, Evidence: r.PostFormValue("evidence"), AsOf: r.PostFormValue("as_of")}
	if err := s.Plan.AddFigure(r.Context(), p, f); err != nil {
		s.Error(w, r, err)
		return
	}
	flash(w, "Đã ghi số liệu.", "The figure was recorded.")
	http.Redirect(w, r, planURL(p)+"#mine", http.StatusSeeOther)
}

// handlePlanReport stores the agency's report: its narrative (narrative), one per led
// area (area_CODE), its figures (fig_TARGET with ev_TARGET) and its money
// (disbursed_AREA_SOURCE, settled_AREA_SOURCE), on the version it was edited on.
func (s *Server) handlePlanReport(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p, err := s.formPlan(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	agency := currentUser(ctx).Agency
	if agency == "" {
		agency = r.PostFormValue("agency")
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	rep := &plan.Report{Agency: agency, Version: version, Narrative: r.PostFormValue("narrative")}
	for _, a := range p.AreasOf(agency) {
		if t := strings.TrimSpace(r.PostFormValue("area_" + a.Code)); t != "" {
			rep.Areas = append(rep.Areas, plan.AreaNote{Area: a.Code, Text: t})
		}
		for _, f := range plan.FundSources {
			k := a.Code + "_" + string(f.Source)
			d, s1 := strings.TrimSpace(r.PostFormValue("disbursed_"+k)), strings.TrimSpace(r.PostFormValue("settled_"+k))
			if d == "" && s1 == "" {
				continue
			}
			m := plan.MoneyLine{Area: a.Code, Source: f.Source}
			var e1, e2 error
			if d != "" {
				m.Disbursed, e1 = parseMoney(d)
			}
			if s1 != "" {
				m.Settled, e2 = parseMoney(s1)
			}
			if e1 != nil || e2 != nil {
				s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Số tiền của nội dung %s không hợp lệ.", "An amount of area %s is not valid.", a.Code))
				return
			}
			rep.Money = append(rep.Money, m)
		}
	}
	var figs []*plan.Figure
	for _, t := range p.Targets {
		if t.Agency != agency || t.Source != plan.SourceEntered {
			continue
		}
		v := strings.TrimSpace(r.PostFormValue("fig_" + t.Code))
		if v == "" {
			continue
		}
		n, err := parseNumber(v)
		if err != nil {
			s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Số liệu %q không hợp lệ.", "Figure %q is not valid.", v))
			return
		}
		figs = append(figs, &plan.Figure{Target: t.Code, Value: n, Evidence: r.PostFormValue("ev_" + t.Code)})
	}
	if err := s.Plan.SubmitReport(ctx, p, rep, figs); err != nil {
		s.Error(w, r, err)
		return
	}
	flash(w, "Đã gửi báo cáo.", "The report was submitted.")
	http.Redirect(w, r, planURL(p)+"#reports", http.StatusSeeOther)
}

func (s *Server) handlePlanSettings(w http.ResponseWriter, r *http.Request) {
	p, err := s.formPlan(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p.Version, _ = strconv.Atoi(r.PostFormValue("version"))
	if d := r.PostFormValue("report_due"); d != "" {
		p.ReportDue = d
	}
	if n := strings.TrimSpace(r.PostFormValue("number")); n != "" {
		p.Number = n
	}
	if err := s.Plan.UpdatePlan(r.Context(), p); err != nil {
		s.Error(w, r, err)
		return
	}
	flash(w, "Đã lưu kế hoạch.", "The plan was saved.")
	http.Redirect(w, r, planURL(p), http.StatusSeeOther)
}

// handlePlanBudget sets the budget line of an area, agency and source (added when
// new); empty amounts stay unknown.
func (s *Server) handlePlanBudget(w http.ResponseWriter, r *http.Request) {
	p, err := s.formPlan(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p.Version, _ = strconv.Atoi(r.PostFormValue("version"))
	line := plan.BudgetLine{Area: r.PostFormValue("area"), Agency: r.PostFormValue("agency"), Source: plan.FundSource(r.PostFormValue("source"))}
	for k, dst := range map[string]**int64{"allocated": &line.Allocated, "disbursed": &line.Disbursed, "settled": &line.Settled} {
		if v := strings.TrimSpace(r.PostFormValue(k)); v != "" {
			n, err := parseMoney(v)
			if err != nil {
				s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Số tiền %q không hợp lệ.", "Amount %q is not valid.", v))
				return
			}
			*dst = &n
		}
	}
	replaced := false
	for i, b := range p.Budget {
		if b.Area == line.Area && b.Agency == line.Agency && b.Source == line.Source {
			p.Budget[i], replaced = line, true
		}
	}
	if !replaced {
		p.Budget = append(p.Budget, line)
	}
	if err := s.Plan.UpdatePlan(r.Context(), p); err != nil {
		s.Error(w, r, err)
		return
	}
	flash(w, "Đã lưu dòng kinh phí.", "The budget line was saved.")
	http.Redirect(w, r, planURL(p)+"#budget", http.StatusSeeOther)
}

func (s *Server) handlePlanCopy(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if err := r.ParseForm(); err != nil {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Biểu mẫu không đọc được.", "The form cannot be read."))
		return
	}
	province, to, err := s.planOf(ctx, r.PostForm)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	from, err := strconv.Atoi(r.PostFormValue("from"))
	if err != nil {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Chọn năm của kế hoạch được sao chép.", "Choose the year to copy from."))
		return
	}
	p, err := s.Plan.CopyPlan(ctx, province, from, to)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	flash(w, "Đã tạo kế hoạch năm "+strconv.Itoa(to)+": rà soát và sửa trước khi ban hành.", "The "+strconv.Itoa(to)+" plan was made: review and edit it before issuing it.")
	http.Redirect(w, r, planURL(p), http.StatusSeeOther)
}

// handlePlanXLSX writes the plan's targets against their actuals, its budget and the
// agencies' reports as a workbook with the national heading.
func (s *Server) handlePlanXLSX(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	province, year, err := s.planOf(ctx, r.URL.Query())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p, err := s.Plan.FindPlan(ctx, province, year)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	o, err := s.Plan.Progress(ctx, p)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	issuer := "ỦY BAN NHÂN DÂN"
	if u, err := s.Units.FindUnitByCode(ctx, province, ""); err == nil {
		issuer += " " + strings.ToUpper(u.Name)
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="ke-hoach-giam-ngheo-`+province+`-`+strconv.Itoa(year)+`.xlsx"`)
	if err := xlsx.WritePlan(w, o, issuer, giamngheo.DayString(s.Today())); err != nil {
		s.Logger.Error("plan export", "err", err)
	}
}

// planQueue is the agency officer's next report due on this year's plan.
func (s *Server) planQueue(r *http.Request) (queueSection, bool, error) {
	ctx := r.Context()
	sec := queueSection{ID: "queue-plan", Title: pickVIEN(ctx, "Báo cáo kết quả thực hiện kế hoạch", "Progress report on the plan")}
	d, err := s.Plan.NextReport(ctx)
	if err != nil || d == nil {
		return sec, false, err
	}
	en := lang(ctx) == "en"
	item := queueItem{Title: d.Plan.Title, Href: planURL(d.Plan) + "#mine", Action: pickVIEN(ctx, "Nhập báo cáo", "Enter the report"),
		Detail: pickVIEN(ctx, "Hạn nộp ", "Due ") + formatISODay(d.Plan.ReportDue)}
	switch d.Status.State {
	case plan.ReportOnTime, plan.ReportLate:
		item.Badge, item.BadgeClass, item.Action = reportStateLabel(ctx, d.Status.State), "ok", pickVIEN(ctx, "Xem, bổ sung", "View, add to it")
	case plan.ReportMissing:
		item.Badge, item.BadgeClass = reportStateLabel(ctx, d.Status.State), "overdue"
	default:
		item.Badge, item.BadgeClass = pickVIEN(ctx, "Còn ", "")+formatInt(d.Days, en)+pickVIEN(ctx, " ngày", " days left"), "warning"
	}
	sec.Items = append(sec.Items, item)
	return sec, true, nil
}
