package http

import (
	"net/http"
	"strings"
	"unicode"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/user"
)

// routesUI is the route table of the pages; permissions are declared here.
func (s *Server) routesUI(mux router) {
	mux.HandleFunc("GET /login", s.handleLoginPage)
	mux.HandleFunc("POST /login", s.handleLogin)
	mux.HandleFunc("POST /logout", s.handleLogout)
	mux.HandleFunc("POST /lang", s.handleLang)
	mux.HandleFunc("GET /{$}", s.requireUser(s.handleHome))
	mux.HandleFunc("GET /units", s.requireUser(s.handleUnits))
	mux.HandleFunc("GET /units/{code}", s.requireUser(s.handleUnit))
	mux.HandleFunc("GET /admin/users", s.requireAdmin(s.handleUsers))
	mux.HandleFunc("POST /admin/users", s.requireAdmin(s.handleUserCreate))
	mux.HandleFunc("GET /admin/users/{username}", s.requireAdmin(s.handleUser))
	mux.HandleFunc("POST /admin/users/{username}/disable", s.requireAdmin(s.handleUserDisable))
	mux.HandleFunc("POST /admin/users/{username}/enable", s.requireAdmin(s.handleUserDisable))
	mux.HandleFunc("POST /admin/users/{username}/password", s.requireAdmin(s.handleUserPassword))
	mux.HandleFunc("POST /admin/tokens/{id}/revoke", s.requireAdmin(s.handleTokenRevoke))
	mux.HandleFunc("GET /admin/audit", s.requireAdmin(s.handleAudit))
}

type loginPage struct{ Next, Username, Error string }

// safeNext keeps redirects on this site: only a plain local path is followed. A
// browser drops tabs and line breaks from a URL and reads a backslash as a slash, so
// "/\t/evil.example" or "/\\evil.example" would leave the site; such a next is "/".
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || len(next) > 2000 {
		return "/"
	}
	for _, c := range next {
		if c < 0x20 || c == 0x7f || c == '\\' || (c >= 0x80 && !unicode.IsPrint(c)) {
			return "/"
		}
	}
	return next
}

func (s *Server) handleLoginPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, "login", &loginPage{Next: safeNext(r.URL.Query().Get("next"))})
}

func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	username, next := r.PostFormValue("username"), safeNext(r.PostFormValue("next"))
	token, _, err := s.Users.Login(r.Context(), username, r.PostFormValue("password"), clientAddr(r))
	if err != nil {
		if giamngheo.ErrorCode(err) == giamngheo.EINTERNAL {
			s.Error(w, r, err)
			return
		}
		msg := giamngheo.ErrorMessage(err)
		if lang(r.Context()) == "en" {
			msg = giamngheo.ErrorMessageEN(err)
		}
		w.WriteHeader(http.StatusUnauthorized)
		s.render(w, r, "login", &loginPage{Next: next, Username: username, Error: msg})
		return
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: s.Secure, MaxAge: int(user.SessionTTL.Seconds())})
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := s.Users.Logout(r.Context(), c.Value); err != nil {
			s.Error(w, r, err)
			return
		}
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Path: "/", MaxAge: -1, HttpOnly: true, Secure: s.Secure, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

func (s *Server) handleLang(w http.ResponseWriter, r *http.Request) {
	l := "vi"
	if r.PostFormValue("lang") == "en" {
		l = "en"
	}
	http.SetCookie(w, &http.Cookie{Name: langCookie, Value: l, Path: "/", MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteLaxMode, Secure: s.Secure})
	http.Redirect(w, r, safeNext(r.PostFormValue("next")), http.StatusSeeOther)
}

// unitsUnder returns the units valid on date inside the scope (all when scope is "").
// The answer is remembered while the units stand (units_memo.go): pages ask it on
// every request, and a province's answer takes a query per unit.
func (s *Server) unitsUnder(r *http.Request, scope, date string) ([]*admin.Unit, error) {
	return s.memoUnits(r.Context(), scope, date, func() ([]*admin.Unit, error) { return s.readUnitsUnder(r, scope, date) })
}

func (s *Server) readUnitsUnder(r *http.Request, scope, date string) ([]*admin.Unit, error) {
	if scope == "" {
		return s.Units.FindUnits(r.Context(), admin.UnitFilter{AsOf: date})
	}
	var out []*admin.Unit
	frontier := []string{scope}
	self, err := s.Units.FindUnitByCode(r.Context(), scope, date)
	if err == nil {
		out = append(out, self)
	}
	for len(frontier) > 0 {
		var next []string
		for _, c := range frontier {
			kids, err := s.Units.FindUnits(r.Context(), admin.UnitFilter{AsOf: date, ParentCode: c})
			if err != nil {
				return nil, err
			}
			for _, k := range kids {
				out = append(out, k)
				next = append(next, k.Code)
			}
		}
		frontier = next
	}
	return out, nil
}

// asOf reads ?date=YYYY-MM-DD, defaulting to today; a bad date is EINVALID.
func (s *Server) asOf(r *http.Request) (string, error) {
	d := r.URL.Query().Get("date")
	if d == "" {
		return s.Today().Format(admin.DateLayout), nil
	}
	if _, err := parseDate(d); err != nil {
		return "", err
	}
	return d, nil
}

type unitsPage struct {
	Date   string
	Parent *admin.Unit
	Units  []*admin.Unit
}

func (s *Server) handleUnits(w http.ResponseWriter, r *http.Request) {
	u := currentUser(r.Context())
	date, err := s.asOf(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p := &unitsPage{Date: date}
	parent := r.URL.Query().Get("parent")
	switch {
	case parent != "":
		if err := giamngheo.RequireScope(r.Context(), s.scopeFunc(), parent); err != nil {
			s.Error(w, r, err)
			return
		}
		if p.Parent, err = s.Units.FindUnitByCode(r.Context(), parent, date); err != nil {
			s.Error(w, r, err)
			return
		}
		p.Units, err = s.Units.FindUnits(r.Context(), admin.UnitFilter{AsOf: date, ParentCode: parent})
	case u.ScopeCode == "":
		p.Units, err = s.Units.FindUnits(r.Context(), admin.UnitFilter{AsOf: date, Level: admin.LevelProvince})
	default:
		var self *admin.Unit
		if self, err = s.Units.FindUnitByCode(r.Context(), u.ScopeCode, ""); err == nil {
			p.Units = []*admin.Unit{self}
		}
	}
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.render(w, r, "units", p)
}

type unitPage struct {
	Unit                *admin.Unit
	ParentName          string
	Versions            []*admin.Unit
	Children            []*admin.Unit
	Becomes, FormedFrom []*admin.Mapping
}

func (s *Server) handleUnit(w http.ResponseWriter, r *http.Request) {
	p, err := s.unitDetail(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.render(w, r, "unit", p)
}

// unitDetail loads a unit, its versions, children and mapping, after the scope check.
func (s *Server) unitDetail(r *http.Request) (*unitPage, error) {
	code := r.PathValue("code")
	if err := giamngheo.RequireScope(r.Context(), s.scopeFunc(), code); err != nil {
		return nil, err
	}
	date, err := s.asOf(r)
	if err != nil {
		return nil, err
	}
	p := &unitPage{}
	if p.Unit, err = s.Units.FindUnitByCode(r.Context(), code, date); err != nil {
		if p.Unit, err = s.Units.FindUnitByCode(r.Context(), code, ""); err != nil {
			return nil, err
		}
	}
	if p.Unit.ParentCode != "" {
		if parent, err := s.Units.FindUnitByCode(r.Context(), p.Unit.ParentCode, ""); err == nil {
			p.ParentName = parent.Name
		}
	}
	if p.Versions, err = s.Units.FindUnits(r.Context(), admin.UnitFilter{Code: code}); err != nil {
		return nil, err
	}
	if len(p.Versions) < 2 {
		p.Versions = nil
	}
	if p.Children, err = s.Units.FindUnits(r.Context(), admin.UnitFilter{AsOf: date, ParentCode: code}); err != nil {
		return nil, err
	}
	if p.Unit.ValidTo != "" || p.Unit.ValidFrom < "2025-07-01" {
		if p.Becomes, err = s.Units.FindMappings(r.Context(), code, ""); err != nil {
			return nil, err
		}
	}
	if p.FormedFrom, err = s.Units.FindMappings(r.Context(), "", code); err != nil {
		return nil, err
	}
	return p, nil
}

// scopeFunc answers scope questions from the unit store.
func (s *Server) scopeFunc() giamngheo.InScopeFunc {
	return s.Users.InScope
}
