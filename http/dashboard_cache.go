package http

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"giamngheo"
	"giamngheo/plan"
	"giamngheo/report"
	"giamngheo/user"
)

// The kept dashboards (issue 17 item 6). A dashboard builds a dozen reports from the
// roll-ups, the plan's targets and the review's progress; fifty leaders who open it
// after a meeting must not each rebuild them, nor wait for them:
//
//   - a computed page is kept per unit, year, language and order, and is fresh for
//     dashCacheTTL; after that it is still served at once while ONE computation in
//     the background replaces it (stale-while-revalidate), so no request waits for a
//     recomputation; only a page older than dashMaxStale (nobody asked for it for a
//     while) or a missing one is computed while its first request waits, once for
//     every request that asks meanwhile;
//   - the figures of a unit and year (the reports, the trend, the targets, the review
//     counts) are computed once for every language and order (dashFigures), and each
//     report reads the roll-ups once (report.Memo);
//   - the whole page is kept as bytes per kept page, user and path (dashFrame), with
//     the request's CSRF token put in where it goes: a request that finds its page
//     costs the session check, the scope check and a write.
//
// The scope is checked on every request before any kept page is looked at
// (cachedDashboard), and a kept frame belongs to one user: nobody is given a page of a
// unit outside their scope or a page made for someone else.

// dashCacheTTL is how long a computed dashboard is fresh. The page says when its
// figures were computed. A TTL rather than invalidation on writes: the dashboard reads
// the roll-ups, the review rounds and the plan, and a minute late is fine for all.
const dashCacheTTL = 60 * time.Second

// dashMaxStale is the age beyond which a kept page is no longer served while it is
// recomputed: its next request waits for fresh figures.
const dashMaxStale = 15 * time.Minute

// dashRetry is how long a page whose background recomputation failed is served
// before the next attempt.
const dashRetry = 10 * time.Second

// dashCacheSize bounds the entries kept: units × years × languages × orders.
const dashCacheSize = 500

// dashFrameBytes bounds the bytes of the kept whole pages (dashFrame).
const dashFrameBytes = 64 << 20

// dashCache keeps computed dashboards by unit, year, language and order.
type dashCache struct {
	mu      sync.Mutex
	entries map[string]*dashEntry
	figures map[string]*dashFigures
	targets map[string]*dashTargets
	seq     atomic.Uint64
	// bg counts the background recomputations (tests wait for them).
	bg sync.WaitGroup
	// bodies keep the rendered content of each kept page (dashBody).
	bodyMu sync.Mutex
	bodies map[*dashPage]*[2]template.HTML
	// frames keep whole pages (dashFrame), at most dashFrameBytes.
	frameMu    sync.Mutex
	frames     map[frameKey]*dashFrame
	frameBytes int
	sentinel   string
}

// dashEntry is a kept dashboard.
type dashEntry struct {
	id       uint64        // unique: names the entry in the frames' keys
	done     chan struct{} // closed when page and err are set
	page     *dashPage
	err      error
	computed time.Time // the instant its computation started
	// refreshing and retryAt are guarded by dashCache.mu.
	refreshing bool
	retryAt    time.Time
}

// get returns the dashboard of key: a fresh kept one; a stale one (while one
// background computation replaces it); or, when there is none or it is too old, the
// one compute returns (computed once for all the requests that ask meanwhile). An
// error is not kept.
func (c *dashCache) get(key string, now time.Time, compute func() (*dashPage, error)) (*dashEntry, error) {
	c.mu.Lock()
	if e, ok := c.entries[key]; ok {
		select {
		case <-e.done:
			if e.err == nil {
				age := now.Sub(e.computed)
				if age < dashCacheTTL {
					c.mu.Unlock()
					return e, nil
				}
				if age < dashMaxStale {
					if !e.refreshing && !now.Before(e.retryAt) {
						e.refreshing = true
						c.bg.Add(1)
						go c.refresh(key, e, now, compute)
					}
					c.mu.Unlock()
					return e, nil
				}
			}
		default:
			c.mu.Unlock()
			<-e.done
			return e, e.err
		}
	}
	if c.entries == nil || len(c.entries) >= dashCacheSize {
		c.entries = map[string]*dashEntry{}
	}
	e := &dashEntry{id: c.seq.Add(1), done: make(chan struct{}), computed: now}
	c.entries[key] = e
	c.mu.Unlock()
	func() {
		// A panic in the computation must not leave the requests that wait for it
		// waiting for ever: it becomes the entry's error (and is re-raised here).
		defer func() {
			if v := recover(); v != nil {
				e.err = fmt.Errorf("dashboard: %v", v)
				close(e.done)
				c.mu.Lock()
				if c.entries[key] == e {
					delete(c.entries, key)
				}
				c.mu.Unlock()
				panic(v)
			}
		}()
		e.page, e.err = compute()
	}()
	close(e.done)
	if e.err != nil {
		c.mu.Lock()
		if c.entries[key] == e {
			delete(c.entries, key)
		}
		c.mu.Unlock()
	}
	return e, e.err
}

// refresh computes the page of key again and puts it in the place of old; on an
// error old is served dashRetry longer.
func (c *dashCache) refresh(key string, old *dashEntry, now time.Time, compute func() (*dashPage, error)) {
	defer c.bg.Done()
	p, err := func() (p *dashPage, err error) {
		defer func() {
			if v := recover(); v != nil {
				err = fmt.Errorf("dashboard: %v", v)
			}
		}()
		return compute()
	}()
	c.mu.Lock()
	defer c.mu.Unlock()
	old.refreshing = false
	if err != nil {
		old.retryAt = now.Add(dashRetry)
		return
	}
	if c.entries[key] != old {
		return // replaced meanwhile
	}
	e := &dashEntry{id: c.seq.Add(1), done: make(chan struct{}), page: p, computed: now}
	close(e.done)
	c.entries[key] = e
}

// dashFigures are the figures of one unit and year, shared by the pages of every
// language and order computed within dashCacheTTL of each other: the reports (through
// memo), the plan's targets and the review's counts.
type dashFigures struct {
	memo *report.Memo
	born time.Time

	reviewOnce sync.Once
	review     *reviewCounts
	reviewErr  error
}

type figuresKey struct{}

func figuresOf(ctx context.Context) *dashFigures {
	f, _ := ctx.Value(figuresKey{}).(*dashFigures)
	return f
}

// figuresFor returns the figures of key, new when none is younger than dashCacheTTL.
func (c *dashCache) figuresFor(key string, now time.Time) *dashFigures {
	c.mu.Lock()
	defer c.mu.Unlock()
	f := c.figures[key]
	if f == nil || now.Sub(f.born) >= dashCacheTTL || now.Before(f.born) {
		if c.figures == nil || len(c.figures) >= dashCacheSize {
			c.figures = map[string]*dashFigures{}
		}
		f = &dashFigures{memo: report.NewMemo(), born: now}
		c.figures[key] = f
	}
	return f
}

// dropFigures forgets f (a computation with it failed: its errors are not kept).
func (c *dashCache) dropFigures(key string, f *dashFigures) {
	c.mu.Lock()
	if c.figures[key] == f {
		delete(c.figures, key)
	}
	c.mu.Unlock()
}

// dashTargetsTTL is how long the plan's targets against their actuals are kept for
// the dashboards of a unit and year, longer than the other figures: the actuals of the
// coverage targets (support.Service.Coverage) count the maintained needs of the listed
// households and the support records of the year (migration 0021), more than the
// roll-ups the other figures read, and a yearly target read ten minutes late is fine.
// The page says when they were computed.
const dashTargetsTTL = 10 * time.Minute

// dashTargets are the targets of a unit and year, computed once.
type dashTargets struct {
	once sync.Once
	born time.Time
	ts   *plan.UnitTargets
	at   time.Time // when they were computed
	err  error
}

// planTargets is s.PlanTargets, kept dashTargetsTTL per unit and year when ctx
// carries dashboard figures (keptTargets); it returns when the targets were computed.
func (s *Server) planTargets(ctx context.Context, unit string, year int) (*plan.UnitTargets, time.Time, error) {
	f := figuresOf(ctx)
	if f == nil {
		ts, err := s.PlanTargets(ctx, unit, year)
		return ts, s.Today(), err
	}
	return s.keptTargets(ctx, unit, year, s.Today())
}

// keptTargets returns the targets of unit and year computed less than dashTargetsTTL
// before now, or computes them (once for everyone who asks meanwhile). The dashboards
// and the public site share them: they are the same figures for every reader allowed
// to see the unit, and the caller has checked that this one is (the dashboard checks
// the scope before it looks at a kept page; the public site publishes every unit's).
func (s *Server) keptTargets(ctx context.Context, unit string, year int, now time.Time) (*plan.UnitTargets, time.Time, error) {
	c := &s.dashCache
	key := unit + "|" + strconv.Itoa(year)
	c.mu.Lock()
	t := c.targets[key]
	if t == nil || now.Sub(t.born) >= dashTargetsTTL || now.Before(t.born) {
		if c.targets == nil || len(c.targets) >= dashCacheSize {
			c.targets = map[string]*dashTargets{}
		}
		t = &dashTargets{born: now}
		c.targets[key] = t
	}
	c.mu.Unlock()
	// Computed once for every caller: not cancelled with the request that came first.
	t.once.Do(func() { t.ts, t.err = s.PlanTargets(context.WithoutCancel(ctx), unit, year); t.at = s.Today() })
	if t.err != nil {
		c.mu.Lock()
		if c.targets[key] == t {
			delete(c.targets, key) // an error is not kept
		}
		c.mu.Unlock()
	}
	return t.ts, t.at, t.err
}

// cachedDashboard returns the kept dashboard of unit and year for the request: the
// scope is checked first, on every request (the kept page is shared by everyone who
// may see the unit, and only by them), then the kept page or a new one.
func (s *Server) cachedDashboard(r *http.Request, unit string, year int) (*dashEntry, error) {
	ctx := r.Context()
	if err := giamngheo.RequireScope(ctx, s.Reports.InScope, unit); err != nil {
		return nil, err
	}
	fkey := unit + "|" + strconv.Itoa(year)
	key := fkey + "|" + lang(ctx) + "|" + r.URL.Query().Get("sort")
	// The computation outlives the request that started it: others may wait for it,
	// or it runs in the background.
	base := context.WithoutCancel(ctx)
	return s.dashCache.get(key, s.Today(), func() (*dashPage, error) {
		f := s.dashCache.figuresFor(fkey, s.Today())
		cctx := context.WithValue(report.WithMemo(base, f.memo), figuresKey{}, f)
		p, err := s.dashboard(r.WithContext(cctx), unit, year)
		if err != nil {
			s.dashCache.dropFigures(fkey, f)
			return nil, err
		}
		p.Computed = s.Today()
		return p, nil
	})
}

// dashBody returns the content of the kept page kept as rendered for p (kept with
// this request's province picker): rendered once per kept page and picker, since a
// province's page is a large table and six charts. "" when it cannot be rendered:
// the page is then rendered whole.
func (s *Server) dashBody(r *http.Request, kept, p *dashPage) template.HTML {
	variant := 0
	if len(p.Provinces) > 0 {
		variant = 1
	}
	c := &s.dashCache
	c.bodyMu.Lock()
	if b := c.bodies[kept]; b != nil && b[variant] != "" {
		c.bodyMu.Unlock()
		return b[variant]
	}
	c.bodyMu.Unlock()
	t := s.views.pages["dashboard"]
	v := &view{Lang: lang(r.Context()), Page: p, Path: r.URL.RequestURI(), Printed: formatDay(s.Today())}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "dashboard_body", v); err != nil {
		s.Logger.Error("render dashboard", "err", err)
		return ""
	}
	body := template.HTML(buf.String()) // rendered by html/template
	c.bodyMu.Lock()
	if c.bodies == nil || len(c.bodies) >= dashCacheSize {
		c.bodies = map[*dashPage]*[2]template.HTML{}
	}
	if c.bodies[kept] == nil {
		c.bodies[kept] = &[2]template.HTML{}
	}
	c.bodies[kept][variant] = body
	c.bodyMu.Unlock()
	return body
}

// frameKey names a kept whole page: the kept dashboard, the picker, the user as the
// layout shows them, and the path.
type frameKey struct {
	entry   uint64
	variant bool
	user    string
	path    string
}

// dashFrame is a whole page cut where the request's CSRF token goes.
type dashFrame struct {
	parts [][]byte
	size  int
}

// writeDashboard writes the kept dashboard e for the request: the kept whole page of
// this user and path with the request's CSRF token, made once; or, when a one-shot
// message (flash) is to be shown, the page rendered for this request alone.
func (s *Server) writeDashboard(w http.ResponseWriter, r *http.Request, e *dashEntry, p *dashPage) {
	u := currentUser(r.Context())
	if _, err := r.Cookie("gn_flash"); err == nil || u == nil {
		p.Body = s.dashBody(r, e.page, p)
		s.render(w, r, "dashboard", p)
		return
	}
	c := &s.dashCache
	k := frameKey{entry: e.id, variant: len(p.Provinces) > 0, path: r.URL.RequestURI(),
		user: strconv.FormatInt(u.ID, 10) + "\x00" + u.Username + "\x00" + u.Name + "\x00" + string(u.Role) + "\x00" + u.ScopeCode + "\x00" + lang(r.Context())}
	c.frameMu.Lock()
	f := c.frames[k]
	if c.sentinel == "" {
		// Where the CSRF token goes: a random word no page can hold by chance.
		c.sentinel = "gnCSRF" + user.RandomToken(16)
	}
	sentinel := c.sentinel
	c.frameMu.Unlock()
	if f == nil {
		p.Body = s.dashBody(r, e.page, p)
		v := s.newView(r, p)
		v.CSRF = sentinel
		var buf bytes.Buffer
		if err := s.views.pages["dashboard"].Execute(&buf, v); err != nil {
			s.Logger.Error("render", "page", "dashboard", "err", err)
			s.render(w, r, "dashboard", p)
			return
		}
		f = &dashFrame{parts: bytes.Split(buf.Bytes(), []byte(sentinel)), size: buf.Len()}
		for range len(f.parts) - 1 {
			f.size -= len(sentinel)
		}
		c.frameMu.Lock()
		if c.frames == nil || c.frameBytes+f.size > dashFrameBytes {
			c.frames, c.frameBytes = map[frameKey]*dashFrame{}, 0
		}
		c.frames[k] = f
		c.frameBytes += f.size
		c.frameMu.Unlock()
	}
	csrf := []byte(csrfOf(r.Context()))
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(f.size+(len(f.parts)-1)*len(csrf)))
	for i, part := range f.parts {
		if i > 0 {
			w.Write(csrf)
		}
		w.Write(part)
	}
}
