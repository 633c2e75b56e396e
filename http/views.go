package http

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"

	"giamngheo"
	"giamngheo/poverty"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// assetHash versions static URLs so they can be cached for a year.
var assetHash = func() string {
	h := sha256.New()
	fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := staticFS.ReadFile(p)
			h.Write(b)
		}
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))[:12]
}()

func staticHandler() http.Handler {
	sub, _ := fs.Sub(staticFS, "static")
	files := http.FileServer(http.FS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// URLs look like /static/<hash>/app.css; any hash is accepted, the current one is linked.
		rest := strings.TrimPrefix(r.URL.Path, "/static/")
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			rest = rest[i+1:]
		}
		// Files only: no listing of a directory (an empty name, a trailing slash).
		if st, err := fs.Stat(sub, strings.TrimSuffix(rest, "/")); rest == "" || strings.HasSuffix(rest, "/") || err != nil || st.IsDir() {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/" + rest
		files.ServeHTTP(w, r2)
	})
}

// views holds one parsed template set per page, each with the layout.
type views struct {
	pages map[string]*template.Template
	// byLang are the pages with their texts written in, per language (views_lang.go).
	byLang map[string]map[string]*template.Template
}

// pageNames are every page the UI renders; parseViews fails at start-up if one is missing.
var pageNames = []string{"login", "home", "error", "units", "unit", "users", "audit", "households", "household", "household_form", "import", "import_job", "rounds", "round", "case", "simulate", "support", "reports", "report_completeness", "plan", "dashboard", "portal", "jobs", "jobs_seeker_new", "jobs_seeker", "jobs_vacancy_new", "jobs_vacancy", "jobs_report", "public_jobs", "public_jobs_form", "analysis"}

func parseViews() (*views, error) {
	funcs := template.FuncMap{
		"asset":     func(name string) string { return "/static/" + assetHash + "/" + name },
		"roleLabel": func(r giamngheo.Role) string { return r.Label() },
		"isoDay":    formatISODay,
		"roles":     func() []giamngheo.Role { return giamngheo.Roles },
		"inc":       func(i int) int { return i + 1 },
		"num":       formatNumber,
		"num64":     func(n int64) string { return formatNumber(int(n)) },
		"seq": func(n int) []int {
			s := make([]int, n)
			for i := range s {
				s[i] = i
			}
			return s
		},
		"add": func(a, b int) int { return a + b },
		// index64 passes a count to .Num; chartArgs passes the page and a chart to "chart".
		"index64": func(n int64) int { return int(n) },
		"chartArgs": func(v *view, c *chartView, table bool) map[string]any {
			return map[string]any{"V": v, "C": c, "Table": table}
		},
		// day and datetime show an instant as the day (and time) in Vietnam, dd/mm/yyyy:
		// the one formatting of dates on every page.
		"day":      formatDay,
		"datetime": formatDateTime,
		"classLabel": func(lang string, c poverty.Class) string {
			if lang == "en" {
				return upperFirst(c.Label().EN)
			}
			return upperFirst(c.Label().VI)
		},
		"triArgs": func(p *view, v string) map[string]any { return map[string]any{"P": p, "V": v} },
		// pickerArgs passes the page and a picker to the "picker" template.
		"pickerArgs": func(v *view, p *picker) map[string]any { return map[string]any{"V": v, "P": p} },
	}
	v := &views{pages: map[string]*template.Template{}}
	for _, name := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		v.pages[name] = t
	}
	var err error
	if v.byLang, err = parseLanguages(funcs); err != nil {
		return nil, err
	}
	return v, nil
}

// view is what every template receives: the page's own model plus the request's
// language, user, CSRF token and flash.
type view struct {
	Lang  string
	CSRF  string
	User  *userView
	Title string
	Flash string
	Path  string
	// Printed is today's date, for the heading of a printed page.
	Printed string
	Page    any
}

// Cur marks the navigation link of the section the page belongs to.
func (v *view) Cur(prefix string) template.HTMLAttr {
	path, _, _ := strings.Cut(v.Path, "?")
	if path == prefix || (prefix != "/" && strings.HasPrefix(path, prefix)) {
		return `aria-current="page"`
	}
	return ""
}

type userView struct {
	Username, Name, Role, Scope string
	Admin                       bool
}

// T picks the Vietnamese or English text: Vietnamese first, English on request.
func (v *view) T(vi, en string) string {
	if v.Lang == "en" {
		return en
	}
	return vi
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, page any) {
	v := s.newView(r, page)
	t, ok := s.views.page(name, v.Lang)
	if !ok {
		panic("template not registered: " + name) // a programming error, caught at start-up by tests
	}
	if c, err := r.Cookie("gn_flash"); err == nil {
		msg, _ := url.QueryUnescape(c.Value)
		vi, en, _ := strings.Cut(msg, flashSep)
		v.Flash = v.T(vi, en)
		if v.Flash == "" {
			v.Flash = vi
		}
		http.SetCookie(w, &http.Cookie{Name: "gn_flash", Path: "/", MaxAge: -1})
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, v); err != nil {
		s.Logger.Error("render", "page", name, "err", err)
		http.Error(w, v.T("Lỗi hiển thị trang.", "Page rendering error."), http.StatusInternalServerError)
		return
	}
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	}
	w.Write(buf.Bytes())
}

// newView is the view of a page for the request: its language, CSRF token, path,
// date and user (no flash: render reads and clears it).
func (s *Server) newView(r *http.Request, page any) *view {
	v := &view{Lang: lang(r.Context()), CSRF: csrfOf(r.Context()), Page: page, Path: r.URL.RequestURI(), Printed: formatDay(s.Today())}
	if u := currentUser(r.Context()); u != nil {
		scope := u.ScopeCode
		if scope == "" {
			scope = v.T("Toàn quốc", "Whole country")
		} else if unit, err := s.Units.FindUnitByCode(r.Context(), u.ScopeCode, ""); err == nil {
			scope = unit.Name
		}
		v.User = &userView{Username: u.Username, Name: u.Name, Role: roleName(u.Role, v.Lang == "en"), Scope: scope, Admin: u.Role.IsAdmin()}
	}
	return v
}

// flashSep separates the Vietnamese and English texts of a flash message.
const flashSep = "\x1f"

// flash sets a one-shot message shown on the next page (POST-redirect-GET), in
// Vietnamese and English: the next page shows the one of its language.
func flash(w http.ResponseWriter, vi, en string) {
	http.SetCookie(w, &http.Cookie{Name: "gn_flash", Value: url.QueryEscape(vi + flashSep + en), Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

// csrfOf is the request's CSRF token, "" on paths that have none (the public site).
func csrfOf(ctx context.Context) string {
	t, _ := ctx.Value(keyCSRF).(string)
	return t
}
