// Package http is the web surface: server-rendered pages for officers (Vietnamese
// first, English on request) and the JSON API under /api/v1 for machine clients, over
// one route table each, sharing middleware (request id, session, CSRF, metrics) and
// one error mapping. Handlers parse, call one service method and render; rules and
// scope checks live in the domain services.
package http

import (
	"context"
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/audit"
	"giamngheo/jobs"
	"giamngheo/plan"
	"giamngheo/portal"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/report"
	"giamngheo/review"
	"giamngheo/simulate"
	"giamngheo/support"
	"giamngheo/user"
)

// Deps are the services the web surface calls.
type Deps struct {
	Users    *user.Service
	Registry *registry.Service
	Review   *review.Service
	Simulate *simulate.Service
	// Support records support and reads worklists (nil: no support pages).
	Support *support.Service
	// Reports computes the reports and the dashboards from the roll-ups (nil: no
	// reports, no dashboard, no public figures).
	Reports *report.Service
	// Approvals runs the submission and approval of the reports (nil: none).
	Approvals *report.Approvals
	// Plan runs the province's yearly plan (nil: no plan pages).
	Plan *plan.Service
	// PlanTargets gives the plan's targets against the actual for the dashboards and
	// the public site (nil: Plan.TargetsOf when Plan is set, else none).
	PlanTargets PlanTargets
	// Portal keeps the public site's news (nil: no news); PublicContent its offices
	// and documents; PublicFiles the directory of the documents' files ("" none);
	// PublicRate the requests a minute one address may make to the public site (0:
	// DefaultPublicRate, negative: no limit).
	Portal        *portal.Service
	PublicContent *portal.Content
	PublicFiles   string
	PublicRate    int
	// MaxActive bounds the requests served at once, the others waiting their turn
	// (gate.go; 0: one per CPU, negative: no bound; serve's default depends on the
	// store: cmd/giamngheo maxActive).
	MaxActive int
	// Jobs is the job exchange (nil: no job pages, no public vacancies).
	Jobs   *jobs.Service
	Units  admin.Store
	Audit  audit.Store
	Ping   func(ctx context.Context) error
	Logger *slog.Logger
	// Today is the binary's clock (in Vietnam time): the date of "as of" views when none
	// is asked for, the default of every date field, the standard in force.
	Today giamngheo.Clock
	// Card is the B1 score card offered in the survey form (nil: measured income only).
	Card *poverty.ScoreCard
	// Secure marks cookies Secure and sends HSTS: set it when the site is served over
	// TLS, directly or behind a trusted proxy (--secure-cookies).
	Secure bool
	// MetricsToken, when set, is the bearer token /metrics asks for; when empty,
	// /metrics answers only requests from the machine itself (loopback).
	MetricsToken string
	// TempDir holds the uploads being imported ("" for the system's temporary
	// directory); NewServer removes the ones a crash left there.
	TempDir string
	// MaxUpload bounds an uploaded household file in bytes (0: DefaultMaxUpload).
	MaxUpload int64
}

// Server is the HTTP server.
type Server struct {
	Deps
	srv     *http.Server
	ln      net.Listener
	views   *views
	metrics *metrics
	gate    *gate
	jobs    importJobs
	handler http.Handler
	csrfKey []byte
	// publicLimit bounds the public forms' submissions per address (jobs_public.go).
	publicLimit *formLimiter
	// patterns are the route patterns registered, for the authorisation test.
	patterns []string
	// The public site (public.go): its templates, rate limiter, page cache and the
	// handler of its own address.
	publicViews   map[string]*template.Template
	limiter       rateLimiter
	pubCache      pageCache
	publicHandler http.Handler
	// dashCache keeps computed dashboards (dashboard_cache.go).
	dashCache dashCache
}

// NewServer builds the server and its route tables.
func NewServer(d Deps) (*Server, error) {
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	if d.Today == nil {
		d.Today = giamngheo.SystemClock
	}
	if d.PlanTargets == nil && d.Plan != nil {
		d.PlanTargets = d.Plan.TargetsOf
	}
	v, err := parseViews()
	if err != nil {
		return nil, err
	}
	s := &Server{Deps: d, views: v, metrics: newMetrics(), gate: newGate(d.MaxActive), csrfKey: []byte(user.RandomToken(32)), publicLimit: newFormLimiter()}
	if s.publicViews, err = parsePublicViews(); err != nil {
		return nil, err
	}
	mux := &recordingMux{ServeMux: http.NewServeMux(), patterns: &s.patterns}
	s.routesUI(mux)
	s.routesAPI(mux)
	s.routesHouseholds(mux)
	s.routesImport(mux)
	s.routesReview(mux)
	s.routesSimulate(mux)
	s.routesSupport(mux)
	s.routesReports(mux)
	s.routesAnalysis(mux)
	if d.Plan != nil {
		s.routesPlan(mux)
	}
	s.routesDashboard(mux)
	s.routesPortal(mux)
	s.routesPublic(mux)
	if d.Jobs != nil {
		s.routesJobs(mux)
		s.routesPublicJobs(mux)
	}
	mux.HandleFunc("GET /healthz", s.handleHealth)
	mux.HandleFunc("GET /metrics", s.serveMetrics)
	mux.Handle("GET /static/", staticHandler())
	s.handler = s.withRequest(mux.ServeMux)
	s.publicHandler = s.newPublicHandler()
	return s, nil
}

// ServeHTTP lets the server be used as an http.Handler (tests use httptest).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Listen binds the address; ":0" picks a free port (see Addr).
func (s *Server) Listen(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return giamngheo.Errorf(giamngheo.EINVALID, "Không mở được địa chỉ %s: %v", "Cannot listen on %s: %v", addr, err)
	}
	s.ln = ln
	s.srv = &http.Server{Handler: s.handler, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 5 * time.Minute, IdleTimeout: 2 * time.Minute}
	return nil
}

// Addr is the bound address.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Serve serves until Shutdown.
func (s *Server) Serve() error {
	if err := s.srv.Serve(s.ln); err != http.ErrServerClosed {
		return err
	}
	return nil
}

// Shutdown stops the server gracefully.
func (s *Server) Shutdown(ctx context.Context) error { return s.srv.Shutdown(ctx) }

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	if s.Ping != nil {
		if err := s.Ping(r.Context()); err != nil {
			s.Logger.Error("health check", "err", err)
			http.Error(w, "database unavailable", http.StatusServiceUnavailable)
			return
		}
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}
