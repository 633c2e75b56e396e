package http

import (
	"context"
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
