package http

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/export/pdf"
	"giamngheo/export/xlsx"
	"giamngheo/report"
)

// routesReports mounts the report set (issue 14): the Reports page, its downloads and
// the API. The report service checks the scope of the unit asked for; the named lists
// read households through the registry's scoped search.
func (s *Server) routesReports(mux router) {
	mux.HandleFunc("GET /reports", s.requireUser(s.handleReports))
	mux.HandleFunc("GET /reports/download", s.requireUser(s.handleReportDownload))
	mux.HandleFunc("GET /api/v1/reports", s.requireUser(s.apiReports))
	mux.HandleFunc("GET /api/v1/reports/{name}", s.requireUser(s.apiReport))
	mux.HandleFunc("POST /reports/approval", s.requireUser(s.handleApprovalStep))
	mux.HandleFunc("GET /reports/completeness", s.requireUser(s.handleCompleteness))
}

// reportQuery is what a report request asks for: the report, the unit ("" the user's
// scope), the year and, for a named list, the page.
type reportQuery struct {
	Name          string
	Unit          string
	Period        int
	Offset, Limit int
}

// readReportQuery reads ?report= (or the route's name), ?unit= or ?commune= (the
// picker, which wins when set), ?period= (this year when empty), ?offset=, ?limit=.
func (s *Server) readReportQuery(r *http.Request, name string) (reportQuery, error) {
	q := r.URL.Query()
	rq := reportQuery{Name: name, Unit: strings.TrimSpace(q.Get("unit")), Period: s.Today().Year()}
	if rq.Name == "" {
		rq.Name = q.Get("report")
	}
	if c := strings.TrimSpace(q.Get("commune")); c != "" {
		rq.Unit = c
	}
	if rq.Unit == "" {
		rq.Unit = currentUser(r.Context()).ScopeCode
	}
	for _, f := range []struct {
		k string
		p *int
	}{{"period", &rq.Period}, {"offset", &rq.Offset}, {"limit", &rq.Limit}} {
		if v := strings.TrimSpace(q.Get(f.k)); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return rq, giamngheo.Errorf(giamngheo.EINVALID, "Giá trị %s không hợp lệ: %q.", "Invalid %s: %q.", f.k, v)
			}
			*f.p = n
		}
	}
	return rq, nil
}

// buildReport computes the table or the named list the query asks for.
func (s *Server) buildReport(ctx context.Context, rq reportQuery) (*report.Table, *report.NamedList, error) {
	if s.Reports == nil {
		return nil, nil, giamngheo.Errorf(giamngheo.EINTERNAL, "Chưa cấu hình báo cáo.", "Reports are not configured.")
	}
	if report.FindList(rq.Name) != nil {
		l, err := s.Reports.BuildList(ctx, rq.Name, rq.Unit, rq.Period, rq.Offset, rq.Limit)
		return nil, l, err
	}
	t, err := s.Reports.Build(ctx, rq.Name, rq.Unit, rq.Period)
	return t, nil, err
}

// reportDefinitionJSON is a report of the set as GET /api/v1/reports lists it.
type reportDefinitionJSON struct {
	Name    string          `json:"name"`
	Number  int             `json:"number"`
	Title   string          `json:"title"`
	Kind    string          `json:"kind"` // "table" or "list"
	Columns []report.Column `json:"columns,omitempty"`
}

func reportDefinitions() []reportDefinitionJSON {
	var out []reportDefinitionJSON
	for _, d := range report.Definitions {
		out = append(out, reportDefinitionJSON{d.Name, d.Number, d.Title, "table", d.Columns})
	}
	for _, d := range report.Lists {
		out = append(out, reportDefinitionJSON{Name: d.Name, Number: d.Number, Title: d.Title, Kind: "list"})
	}
	return out
}

// apiReports lists the reports that exist.
func (s *Server) apiReports(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"reports": reportDefinitions()})
}

// apiReport is GET /api/v1/reports/{name}?unit=…&period=…: the report.Table of a
// summary report, or one page (?offset=, ?limit=) of a named list.
func (s *Server) apiReport(w http.ResponseWriter, r *http.Request) {
	rq, err := s.readReportQuery(r, r.PathValue("name"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	t, l, err := s.buildReport(r.Context(), rq)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if l != nil {
		writeJSON(w, http.StatusOK, l)
		return
	}
	writeJSON(w, http.StatusOK, t)
}

// handleReportDownload writes the report of the page's query as XLSX, CSV or JSON
// (?format=); a named list is downloaded whole for one commune.
func (s *Server) handleReportDownload(w http.ResponseWriter, r *http.Request) {
	rq, err := s.readReportQuery(r, "")
	if err != nil {
		s.Error(w, r, err)
		return
	}
	format := r.URL.Query().Get("format")
	if format != "xlsx" && format != "csv" && format != "json" && format != "pdf" {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Định dạng phải là xlsx, pdf, csv hoặc json.", "The format must be xlsx, pdf, csv or json."))
		return
	}
	if format == "pdf" && report.FindList(rq.Name) != nil {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Danh sách hộ được tải dưới dạng Excel hoặc CSV.", "A named list is downloaded as Excel or CSV."))
		return
	}
	if s.Reports == nil {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINTERNAL, "Chưa cấu hình báo cáo.", "Reports are not configured."))
		return
	}
	ctx := r.Context()
	var t *report.Table
	var l *report.NamedList
	if report.FindList(rq.Name) != nil {
		l, err = s.Reports.BuildCommuneList(ctx, rq.Name, rq.Unit, rq.Period)
	} else {
		t, err = s.Reports.Build(ctx, rq.Name, rq.Unit, rq.Period)
	}
	if err != nil {
		s.Error(w, r, err)
		return
	}
	name, number, unit := "", 0, rq.Unit
	if t != nil {
		name, number = t.Name, t.Number
	} else {
		name, number = l.Name, l.Number
	}
	if unit == "" {
		unit = "toan-quoc"
	}
	file := "bieu-" + strconv.Itoa(number) + "-" + name + "-" + unit + "-" + strconv.Itoa(rq.Period) + "." + format
	types := map[string]string{"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "pdf": "application/pdf",
		"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}
	w.Header().Set("Content-Type", types[format])
	w.Header().Set("Content-Disposition", `attachment; filename="`+file+`"`)
	switch {
	case t != nil && format == "xlsx":
		err = xlsx.WriteReport(w, t, report.Issuer(t.Unit, t.UnitName))
	case t != nil && format == "pdf":
		err = pdf.WriteReport(w, t, report.Issuer(t.Unit, t.UnitName))
	case t != nil && format == "csv":
		err = report.WriteCSV(w, t)
	case t != nil:
		err = report.WriteJSON(w, t)
	case format == "xlsx":
		err = xlsx.WriteNamedList(w, l, report.Issuer(l.Unit, l.UnitName))
	case format == "csv":
		err = report.WriteListCSV(w, l)
	default:
		writeJSON(w, http.StatusOK, l)
	}
	if err != nil {
		s.Logger.Error("report download", "report", name, "err", err)
	}
}

// reportHead is a cell of the table's header: a group over its columns, or a column
// title over two rows.
type reportHead struct {
	Title            string
	Colspan, Rowspan int
	Formula          string
}

// reportRow is a row of the table as shown: numbers formatted in the page's language.
type reportRow struct {
	Name, Line, Kind string
	Cells            []string
}

type reportsPage struct {
	Reports  []opt
	Report   string
	Period   int
	Units    []opt
	Unit     string
	Communes *picker
	Error    string
	Table    *report.Table
	Top      []reportHead
	Sub      []reportHead
	Nums     []reportHead
	Rows     []reportRow
	List     *report.NamedList
	// Downloads are the links of the report shown, by format.
	Downloads  []download
	Prev, Next string
	// ListNeedsCommune says a named list is downloaded per commune.
	ListNeedsCommune bool
	// Approval is where the unit's year stands (submitted, approved …) and the steps
	// the user may take; nil for a unit that does not submit.
	Approval *approvalBlock
}

// download is a link to the report shown in one format.
type download struct{ Format, Label, URL string }

// formatReportValue writes a number of a report: a count as an integer, a rate with
// two decimals, in the page's language.
func formatReportValue(v float64, percent, en bool) string {
	if !percent {
		return formatInt(int(v), en)
	}
	s := strconv.FormatFloat(v, 'f', 2, 64)
	whole, frac, _ := strings.Cut(s, ".")
	n, _ := strconv.Atoi(whole)
	sep := ","
	if en {
		sep = "."
	}
	return formatInt(n, en) + sep + frac
}

// handleReports shows the Reports page: pick the report, the unit and the period; the
// table with its numbered columns, or a page of a named list; the downloads.
func (s *Server) handleReports(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	p := &reportsPage{Report: q.Get("report"), Period: s.Today().Year(), Unit: q.Get("unit")}
	for _, d := range reportDefinitions() {
		p.Reports = append(p.Reports, opt{d.Name, "(" + strconv.Itoa(d.Number) + ") " + d.Title})
	}
	rq, err := s.readReportQuery(r, "")
	if err != nil {
		p.Error = pickVIEN(ctx, giamngheo.ErrorMessage(err), giamngheo.ErrorMessageEN(err))
	} else {
		p.Period = rq.Period
	}
	end := strconv.Itoa(p.Period) + "-12-31"
	// The units a report can be asked for beside a commune: the user's scope, and the
	// provinces for a national user.
	if p.Units, err = s.scopeUnitChoices(ctx, end); err != nil {
		s.Error(w, r, err)
		return
	}
	if p.Communes, err = s.communePicker(r, end, "report-commune", "", q.Get("commune"), pickVIEN(ctx, "Không chọn xã", "No commune")); err != nil {
		s.Error(w, r, err)
		return
	}
	if p.Report != "" && p.Error == "" {
		t, l, err := s.buildReport(ctx, rq)
		if err != nil {
			if code := giamngheo.ErrorCode(err); code == giamngheo.EFORBIDDEN || code == giamngheo.EUNAUTHORIZED || code == giamngheo.EINTERNAL {
				s.Error(w, r, err)
				return
			}
			p.Error = pickVIEN(ctx, giamngheo.ErrorMessage(err), giamngheo.ErrorMessageEN(err))
		} else {
			p.Table, p.List = t, l
			s.fillReportPage(r, p, rq)
			if p.Approval, err = s.approvalFor(r, rq.Unit, rq.Period); err != nil {
				s.Error(w, r, err)
				return
			}
		}
	}
	s.render(w, r, "reports", p)
}

// fillReportPage lays out the table's header and rows, or the list's pager, and the
// download links.
func (s *Server) fillReportPage(r *http.Request, p *reportsPage, rq reportQuery) {
	en := lang(r.Context()) == "en"
	dl := cloneValues(r.URL.Query())
	dl.Del("offset")
	dl.Del("limit")
	dl.Del("cq")
	for _, f := range []struct{ format, vi, en string }{{"xlsx", "Tải Excel", "Download Excel"}, {"pdf", "Tải PDF", "Download PDF"}, {"csv", "Tải CSV", "Download CSV"}, {"json", "Tải JSON", "Download JSON"}} {
		if f.format == "pdf" && p.List != nil {
			continue
		}
		dl.Set("format", f.format)
		p.Downloads = append(p.Downloads, download{f.format, pickVIEN(r.Context(), f.vi, f.en), "/reports/download?" + dl.Encode()})
	}
	if l := p.List; l != nil {
		if !s.isCommune(r.Context(), rq.Unit) {
			p.Downloads, p.ListNeedsCommune = nil, true
		}
		page := func(offset int) string {
			v := cloneValues(r.URL.Query())
			v.Set("offset", strconv.Itoa(offset))
			return "/reports?" + v.Encode()
		}
		if l.Offset > 0 {
			p.Prev = page(max(0, l.Offset-l.Limit))
		}
		if l.Offset+len(l.Households) < l.Total {
			p.Next = page(l.Offset + l.Limit)
		}
		return
	}
	t := p.Table
	p.Top = append(p.Top, reportHead{Title: pickVIEN(r.Context(), "Đơn vị", "Unit"), Rowspan: 2, Colspan: 1})
	if hasLines(t) {
		p.Top = append(p.Top, reportHead{Title: pickVIEN(r.Context(), "Chỉ tiêu", "Line"), Rowspan: 2, Colspan: 1})
		p.Nums = append(p.Nums, reportHead{Title: "A"}, reportHead{Title: "B"})
	} else {
		p.Nums = append(p.Nums, reportHead{Title: "A"})
	}
	for i := 0; i < len(t.Columns); {
		c := t.Columns[i]
		j := i
		for j+1 < len(t.Columns) && c.Group != "" && t.Columns[j+1].Group == c.Group {
			j++
		}
		if c.Group == "" {
			p.Top = append(p.Top, reportHead{Title: c.Title, Rowspan: 2, Colspan: 1, Formula: c.Formula})
		} else {
			p.Top = append(p.Top, reportHead{Title: c.Group, Rowspan: 1, Colspan: j - i + 1})
			for k := i; k <= j; k++ {
				p.Sub = append(p.Sub, reportHead{Title: t.Columns[k].Title, Colspan: 1, Rowspan: 1, Formula: t.Columns[k].Formula})
			}
		}
		i = j + 1
	}
	if len(p.Sub) == 0 {
		// No grouped column: one header row of titles.
		for i := range p.Top {
			p.Top[i].Rowspan = 1
		}
	}
	for _, c := range t.Columns {
		p.Nums = append(p.Nums, reportHead{Title: "(" + strconv.Itoa(c.Num) + ")", Formula: c.Formula})
	}
	for _, row := range t.Rows {
		vr := reportRow{Name: row.Name, Line: row.Line, Kind: row.Kind}
		if row.Kind == "total" {
			vr.Name = pickVIEN(r.Context(), "Tổng cộng", "Total")
		}
		for i, v := range row.Values {
			vr.Cells = append(vr.Cells, formatReportValue(v, t.Columns[i].Percent, en))
		}
		p.Rows = append(p.Rows, vr)
	}
}

// hasLines reports whether the table's units have named lines (Hộ, Nhân khẩu).
func hasLines(t *report.Table) bool {
	for _, r := range t.Rows {
		if r.Line != "" {
			return true
		}
	}
	return false
}

// scopeUnitChoices are the units a report or an analysis can be asked for beside a
// commune: the user's scope, and the provinces (as of end) for a national user.
func (s *Server) scopeUnitChoices(ctx context.Context, end string) ([]opt, error) {
	u := currentUser(ctx)
	if u.ScopeCode != "" {
		name := u.ScopeCode
		if x, err := s.Units.FindUnitByCode(ctx, u.ScopeCode, ""); err == nil {
			name = x.Name
		}
		return []opt{{"", name}}, nil
	}
	out := []opt{{"", pickVIEN(ctx, "Toàn quốc", "Whole country")}}
	ps, err := s.Units.FindUnits(ctx, admin.UnitFilter{AsOf: end, Level: admin.LevelProvince})
	if err != nil {
		return nil, err
	}
	for _, x := range ps {
		out = append(out, opt{x.Code, x.Name})
	}
	return out, nil
}
