package http

import (
	"bytes"
	"context"
	"html/template"
	"net/http"
	"strconv"
	"sync"
	"time"

	"giamngheo"
)

// dashCacheTTL is how long a computed dashboard is kept: each one builds a dozen
// reports from the roll-ups, and a leader who reloads, or fifty who open it after a
// meeting, need not rebuild them. The page says when its figures were computed. A TTL
// rather than invalidation on writes: the dashboard reads the roll-ups, the review
// rounds and the plan, and a minute late is fine for all of them.
const dashCacheTTL = 60 * time.Second

// dashCacheSize bounds the entries kept: units × years × languages × orders.
const dashCacheSize = 500

// dashCache keeps computed dashboards by unit, year, language and order, and lets one
// request compute a missing one while the others asking for it wait for its result.
type dashCache struct {
	mu      sync.Mutex
	entries map[string]*dashEntry
	// bodies keep the rendered content of each kept page (dashBody).
	bodyMu sync.Mutex
	bodies map[*dashPage]*[2]template.HTML
}

type dashEntry struct {
	done    chan struct{} // closed when page and err are set
	page    *dashPage
	err     error
	expires time.Time
}

// get returns the dashboard of key: a fresh kept one, or the one compute returns
// (computed once for all the requests that ask for it meanwhile). An error is not kept.
func (c *dashCache) get(key string, now time.Time, compute func() (*dashPage, error)) (*dashPage, error) {
	c.mu.Lock()
	if e, ok := c.entries[key]; ok {
		select {
		case <-e.done:
			if e.err == nil && now.Before(e.expires) {
				c.mu.Unlock()
				return e.page, nil
			}
		default:
			c.mu.Unlock()
			<-e.done
			return e.page, e.err
		}
	}
	if c.entries == nil || len(c.entries) >= dashCacheSize {
		c.entries = map[string]*dashEntry{}
	}
	e := &dashEntry{done: make(chan struct{})}
	c.entries[key] = e
	c.mu.Unlock()
	e.page, e.err = compute()
	e.expires = now.Add(dashCacheTTL)
	close(e.done)
	if e.err != nil {
		c.mu.Lock()
		if c.entries[key] == e {
			delete(c.entries, key)
		}
		c.mu.Unlock()
	}
	return e.page, e.err
}

// cachedDashboard returns the dashboard of unit and year for the request: the scope
// is checked first, on every request (the kept page is shared by everyone who may
// see the unit, and only by them), then the kept page or a new one.
func (s *Server) cachedDashboard(r *http.Request, unit string, year int) (*dashPage, error) {
	ctx := r.Context()
	if err := giamngheo.RequireScope(ctx, s.Reports.InScope, unit); err != nil {
		return nil, err
	}
	key := unit + "|" + lang(ctx) + "|" + r.URL.Query().Get("sort") + "|" + strconv.Itoa(year)
	// The computation outlives the request that started it: others may wait for it.
	cr := r.WithContext(context.WithoutCancel(ctx))
	return s.dashCache.get(key, s.Today(), func() (*dashPage, error) {
		p, err := s.dashboard(cr, unit, year)
		if p != nil {
			p.Computed = s.Today()
		}
		return p, err
	})
}

// dashBody returns the content of the kept page kept as rendered for p (kept with
// this request's province picker): rendered once per kept page and picker, since a
// province's page is a large table and six charts, and only the layout around it
// (user, CSRF token, flash) is the request's own. "" when it cannot be rendered:
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
