package http

import (
	"net/http"
	"time"

	"giamngheo"
	"giamngheo/admin"
)

// routesAPI is the route table of the JSON API (token or session authentication).
func (s *Server) routesAPI(mux router) {
	mux.HandleFunc("GET /api/v1/me", s.requireUser(s.apiMe))
	mux.HandleFunc("GET /api/v1/units", s.requireUser(s.apiUnits))
	mux.HandleFunc("GET /api/v1/units/{code}", s.requireUser(s.apiUnit))
	mux.HandleFunc("GET /api/v1/audit", s.requireAdmin(s.apiAudit))
	s.routesClassify(mux)
}

func (s *Server) apiMe(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, currentUser(r.Context()))
}

type unitJSON struct {
	Code       string `json:"code"`
	Name       string `json:"name"`
	Type       string `json:"type"`
	Level      string `json:"level"`
	ParentCode string `json:"parent_code,omitempty"`
	ValidFrom  string `json:"valid_from,omitempty"`
	ValidTo    string `json:"valid_to,omitempty"`
}

func toUnitJSON(us []*admin.Unit) []unitJSON {
	out := make([]unitJSON, 0, len(us))
	for _, u := range us {
		out = append(out, unitJSON{u.Code, u.Name, u.Type, string(u.Level), u.ParentCode, u.ValidFrom, u.ValidTo})
	}
	return out
}

// apiUnits lists the units under ?parent= (within the caller's scope) valid on ?date=.
func (s *Server) apiUnits(w http.ResponseWriter, r *http.Request) {
	date, err := s.asOf(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	parent := r.URL.Query().Get("parent")
	u := currentUser(r.Context())
	if parent == "" {
		parent = u.ScopeCode
	}
	f := admin.UnitFilter{AsOf: date, ParentCode: parent}
	if parent == "" {
		f.Level = admin.LevelProvince
	} else if err := giamngheo.RequireScope(r.Context(), s.scopeFunc(), parent); err != nil {
		s.Error(w, r, err)
		return
	}
	units, err := s.Units.FindUnits(r.Context(), f)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"date": date, "units": toUnitJSON(units)})
}

func (s *Server) apiUnit(w http.ResponseWriter, r *http.Request) {
	p, err := s.unitDetail(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"unit": toUnitJSON([]*admin.Unit{p.Unit})[0], "versions": toUnitJSON(p.Versions), "children": toUnitJSON(p.Children),
		"becomes": p.Becomes, "formed_from": p.FormedFrom})
}

func (s *Server) apiAudit(w http.ResponseWriter, r *http.Request) {
	entries, total, err := s.scopedAudit(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": total, "entries": entries})
}

// parseDate parses a civil date or returns EINVALID naming the field.
func parseDate(d string) (time.Time, error) {
	t, err := time.Parse(admin.DateLayout, d)
	if err != nil {
		return t, &giamngheo.Error{Code: giamngheo.EINVALID, Field: "date",
			Message: "Ngày " + d + " không hợp lệ; dùng dạng NNNN-TT-NN (ví dụ 2025-08-01).", MessageEN: "Invalid date " + d + "; use YYYY-MM-DD (e.g. 2025-08-01)."}
	}
	return t, nil
}
