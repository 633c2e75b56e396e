package http

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"giamngheo"
	"giamngheo/export/simulation"
	"giamngheo/poverty"
	"giamngheo/simulate"
)

// routesSimulate mounts the what-if simulation (issue 16): the page, its workbook and
// the API. The service checks the role and the scope.
func (s *Server) routesSimulate(mux router) {
	mux.HandleFunc("GET /simulate", s.requireUser(s.handleSimulate))
	mux.HandleFunc("GET /simulate.xlsx", s.requireUser(s.handleSimulateXLSX))
	mux.HandleFunc("GET /api/v1/simulate", s.requireUser(s.apiSimulate))
	mux.HandleFunc("POST /api/v1/simulate", s.requireUser(s.apiSimulate))
}

// simulateRequest is the body of POST /api/v1/simulate, and what the query of the
// page and of GET /api/v1/simulate is read into.
type simulateRequest struct {
	Standard string `json:"standard"`
	Date     string `json:"date"`
	Unit     string `json:"unit"`
	// Local, when set, is a local standard raising the lines of Standard.
	Local *struct {
		Name  string        `json:"name"`
		Lines poverty.Lines `json:"lines"`
	} `json:"local,omitempty"`
	Costs      []simulate.Cost `json:"costs"`
	MaxChanges int             `json:"max_changes"`
}

// requestFromQuery reads the page's form (GET): standard, date, unit, local lines
// (local=1, rural_poverty, urban_poverty, rural_middle, urban_middle, local_name) and
// up to five costs (cost_name_N, cost_per_N, cost_class_N, cost_unit_N).
func requestFromQuery(q url.Values) (simulateRequest, error) {
	req := simulateRequest{Standard: q.Get("standard"), Date: q.Get("date"), Unit: q.Get("unit")}
	num := func(k string) (int64, error) {
		v := strings.NewReplacer(".", "", ",", "", " ", "").Replace(q.Get(k))
		if v == "" {
			return 0, nil
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return 0, giamngheo.Errorf(giamngheo.EINVALID, "Giá trị %s không phải số: %q.", "%s is not a number: %q.", k, q.Get(k))
		}
		return n, nil
	}
	if q.Get("local") == "1" {
		req.Local = &struct {
			Name  string        `json:"name"`
			Lines poverty.Lines `json:"lines"`
		}{Name: q.Get("local_name")}
		l := &req.Local.Lines
		for _, f := range []struct {
			k string
			p *int64
		}{{"rural_poverty", &l.Rural.Poverty}, {"urban_poverty", &l.Urban.Poverty}, {"rural_middle", &l.Rural.MiddleUpper},
			{"urban_middle", &l.Urban.MiddleUpper}, {"rural_low_income", &l.Rural.LowIncomeWorker}, {"urban_low_income", &l.Urban.LowIncomeWorker}} {
			n, err := num(f.k)
			if err != nil {
				return req, err
			}
			*f.p = n
		}
	}
	for i := range 5 {
		k := strconv.Itoa(i)
		name := strings.TrimSpace(q.Get("cost_name_" + k))
		if name == "" {
			continue
		}
		n, err := num("cost_unit_" + k)
		if err != nil {
			return req, err
		}
		c := simulate.Cost{Name: name, Per: simulate.Per(q.Get("cost_per_" + k)), UnitCost: n}
		for _, cl := range q["cost_class_"+k] {
			c.Classes = append(c.Classes, poverty.Class(cl))
		}
		req.Costs = append(req.Costs, c)
	}
	return req, nil
}

// params resolves a request into the service's parameters.
func (s *Server) simulateParams(req simulateRequest) (simulate.Params, error) {
	p := simulate.Params{Unit: req.Unit, Costs: req.Costs, MaxChanges: req.MaxChanges}
	if req.Standard == "" {
		return p, giamngheo.Errorf(giamngheo.EINVALID, "Chọn chuẩn nghèo (2022-2026 hoặc 2027-2030).", "Choose the standard (2022-2026 or 2027-2030).")
	}
	std, err := poverty.StandardByID(req.Standard)
	if err != nil {
		return p, err
	}
	p.Standard = std
	if req.Local != nil {
		if p.Standard, err = simulate.LocalStandard(std, req.Local.Name, req.Local.Lines); err != nil {
			return p, err
		}
		p.Standards = append(poverty.Standards(), p.Standard)
	}
	if req.Date != "" {
		if p.Date, err = parseDate(req.Date); err != nil {
			return p, err
		}
	}
	return p, nil
}

// apiSimulate runs a simulation: GET with the page's query, POST with a JSON body
// (simulateRequest); the answer is the simulate.Result.
func (s *Server) apiSimulate(w http.ResponseWriter, r *http.Request) {
	var req simulateRequest
	var err error
	if r.Method == http.MethodPost {
		dec := json.NewDecoder(io.LimitReader(r.Body, 1<<20))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Nội dung yêu cầu không hợp lệ: %v", "invalid request body: %v", err))
			return
		}
	} else if req, err = requestFromQuery(r.URL.Query()); err != nil {
		s.Error(w, r, err)
		return
	}
	res, err := s.runSimulation(r.Context(), req)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func (s *Server) runSimulation(ctx context.Context, req simulateRequest) (*simulate.Result, error) {
	if s.Simulate == nil {
		return nil, giamngheo.Errorf(giamngheo.EINTERNAL, "Chưa cấu hình mô phỏng.", "Simulation is not configured.")
	}
	p, err := s.simulateParams(req)
	if err != nil {
		return nil, err
	}
	return s.Simulate.Run(ctx, p)
}

// handleSimulateXLSX downloads the result of the page's form as the workbook.
func (s *Server) handleSimulateXLSX(w http.ResponseWriter, r *http.Request) {
	req, err := requestFromQuery(r.URL.Query())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	res, err := s.runSimulation(r.Context(), req)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="mo-phong-`+res.Standard+`.xlsx"`)
	if err := simulation.WriteXLSX(w, res); err != nil {
		s.Logger.Error("simulate xlsx", "err", err)
	}
}

// simulatePage is the model of the simulation page.
type simulatePage struct {
	Query     url.Values
	Standards []opt
	// Defaults are the lines of each national standard, shown beside the local form.
	Defaults []simulateDefault
	Error    string
	Result   *simulate.Result
	Total    *simulate.Row // Result.Total, addressable for the columns' functions
	Columns  []simulation.Column
	XLSXURL  string
	Classes  []poverty.Class
}

type simulateDefault struct {
	ID    string
	Lines poverty.Lines
}

// handleSimulate shows the form and, when a standard is chosen, the result.
func (s *Server) handleSimulate(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p := &simulatePage{Query: q, Columns: simulation.Columns, Classes: []poverty.Class{poverty.Poor, poverty.NearPoor, poverty.Middle}}
	for _, std := range poverty.Standards() {
		p.Standards = append(p.Standards, opt{std.ID, pick(r.Context(), std.Name)})
		p.Defaults = append(p.Defaults, simulateDefault{std.ID, std.Lines})
	}
	if q.Get("standard") != "" {
		req, err := requestFromQuery(q)
		if err == nil {
			p.Result, err = s.runSimulation(r.Context(), req)
		}
		if err != nil {
			if code := giamngheo.ErrorCode(err); code == giamngheo.EFORBIDDEN || code == giamngheo.EUNAUTHORIZED || code == giamngheo.EINTERNAL {
				s.Error(w, r, err)
				return
			}
			p.Error = pickVIEN(r.Context(), giamngheo.ErrorMessage(err), giamngheo.ErrorMessageEN(err))
		} else {
			p.Total, p.XLSXURL = &p.Result.Total, "/simulate.xlsx?"+q.Encode()
		}
	}
	s.render(w, r, "simulate", p)
}
