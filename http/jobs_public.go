package http

import (
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"giamngheo"
)

// routesPublicJobs mounts the public side of the job exchange: the open vacancies, and
// the forms by which a person registers as a job seeker and an employer sends a
// vacancy (both verified by an officer before anyone else sees them). No login; the
// forms carry the pre-login CSRF token (csrf.go) and are rate-limited per address.
func (s *Server) routesPublicJobs(mux router) {
	mux.HandleFunc("GET /public/jobs", s.handlePublicJobs)
	mux.HandleFunc("GET /public/jobs/seeker", s.handlePublicSeekerForm)
	mux.HandleFunc("POST /public/jobs/seeker", s.handlePublicSeeker)
	mux.HandleFunc("GET /public/jobs/employer", s.handlePublicEmployerForm)
	mux.HandleFunc("POST /public/jobs/employer", s.handlePublicEmployer)
}

// formLimiter counts submissions per client address in a sliding window.
type formLimiter struct {
	mu     sync.Mutex
	window time.Duration
	max    int
	hits   map[string][]time.Time
}

// publicSubmissions is how many public forms one address may send in publicWindow.
const (
	publicSubmissions = 10
	publicWindow      = 10 * time.Minute
)

func newFormLimiter() *formLimiter {
	return &formLimiter{window: publicWindow, max: publicSubmissions, hits: map[string][]time.Time{}}
}

// allow records a submission from addr and reports whether it is within the limit.
func (l *formLimiter) allow(addr string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.hits) > 10000 { // a flood of addresses: forget the oldest state wholesale
		l.hits = map[string][]time.Time{}
	}
	kept := l.hits[addr][:0]
	for _, t := range l.hits[addr] {
		if now.Sub(t) < l.window {
			kept = append(kept, t)
		}
	}
	if len(kept) >= l.max {
		l.hits[addr] = kept
		return false
	}
	l.hits[addr] = append(kept, now)
	return true
}

// limited answers 429 when the address has sent too many public forms.
func (s *Server) limited(w http.ResponseWriter, r *http.Request) bool {
	if s.publicLimit.allow(clientAddr(r), time.Now()) {
		return false
	}
	w.Header().Set("Retry-After", strconv.Itoa(int(publicWindow.Seconds())))
	w.WriteHeader(http.StatusTooManyRequests)
	s.render(w, r, "error", &errorPage{Status: http.StatusTooManyRequests,
		Message: "Bạn đã gửi quá nhiều lần. Hãy thử lại sau ít phút.", MessageEN: "Too many submissions. Try again in a few minutes."})
	return true
}

// publicVacancy is what the public sees of a vacancy: no seeker, no officer.
type publicVacancy struct {
	ID                                      int64
	EmployerName, EmployerAddress, Contact  string
	Position, Requirements, Skills, Commune string
	Wage, Abroad, ClosingDate               string
	Places                                  int
}

type publicJobsPage struct {
	Q         string
	Total     int
	Vacancies []publicVacancy
	Prev      string
	Next      string
}

func (s *Server) handlePublicJobs(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query().Get("q")
	offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	vs, total, err := s.Jobs.PublicVacancies(ctx, q, giamngheo.Page{Offset: offset, Limit: 30})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	jv := s.jobsView(r)
	p := &publicJobsPage{Q: q, Total: total}
	for _, v := range vs {
		p.Vacancies = append(p.Vacancies, publicVacancy{ID: v.ID, EmployerName: v.EmployerName, EmployerAddress: v.EmployerAddress, Contact: v.EmployerContact,
			Position: v.Position, Requirements: v.Requirements, Skills: v.Skills, Commune: jv.Commune(v.CommuneCode), Wage: jv.Wage(v), Abroad: v.Abroad,
			ClosingDate: formatISODay(v.ClosingDate), Places: v.Places - v.Filled})
	}
	base := "/public/jobs?q=" + url.QueryEscape(q) + "&offset="
	if offset > 0 {
		p.Prev = base + strconv.Itoa(max(0, offset-30))
	}
	if offset+len(vs) < total {
		p.Next = base + strconv.Itoa(offset+30)
	}
	s.render(w, r, "public_jobs", p)
}

type publicFormPage struct {
	// Kind is "seeker" or "employer".
	Kind     string
	Communes []opt
	Ranges   []opt
	Today    string
	Done     bool
}

func (s *Server) publicForm(w http.ResponseWriter, r *http.Request, kind string, done bool) {
	s.render(w, r, "public_jobs_form", &publicFormPage{Kind: kind, Communes: s.communeOpts(r.Context(), false), Ranges: s.rangeOpts(r.Context()),
		Today: giamngheo.DayString(s.Today()), Done: done})
}

func (s *Server) handlePublicSeekerForm(w http.ResponseWriter, r *http.Request) {
	s.publicForm(w, r, "seeker", r.URL.Query().Get("sent") == "1")
}

func (s *Server) handlePublicEmployerForm(w http.ResponseWriter, r *http.Request) {
	s.publicForm(w, r, "employer", r.URL.Query().Get("sent") == "1")
}

// publicCtx is the request's context without its user: the public forms act for the
// person filling them in, whoever is logged in on the browser.
func publicCtx(r *http.Request) *http.Request {
	return r.WithContext(giamngheo.NewContextWithActor(r.Context(), nil))
}

func (s *Server) handlePublicSeeker(w http.ResponseWriter, r *http.Request) {
	if s.limited(w, r) {
		return
	}
	sk, err := seekerForm(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := s.Jobs.SubmitSeeker(publicCtx(r).Context(), sk); err != nil {
		s.Error(w, r, err)
		return
	}
	http.Redirect(w, r, "/public/jobs/seeker?sent=1", http.StatusSeeOther)
}

func (s *Server) handlePublicEmployer(w http.ResponseWriter, r *http.Request) {
	if s.limited(w, r) {
		return
	}
	v, err := vacancyForm(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := s.Jobs.SubmitVacancy(publicCtx(r).Context(), v); err != nil {
		s.Error(w, r, err)
		return
	}
	http.Redirect(w, r, "/public/jobs/employer?sent=1", http.StatusSeeOther)
}
