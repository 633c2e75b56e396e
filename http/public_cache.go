package http

import (
	"context"
	"time"
)

// The public site's page cache under load (issue 17 item 6): a page past its
// publicMaxAge is still served, for publicMaxStale more, while ONE computation in the
// background replaces it, so that readers never wait for it and fifty of them do not
// compute it fifty times; a missing page is computed by its first request while the
// others asking for it wait for that one computation.

// publicMaxStale is how long past its age a public page is served while it is
// computed again; beyond, its next request computes it.
const publicMaxStale = 30 * time.Minute

// lookup returns the kept page of key, fresh or stale. For a stale page it starts
// refresh in the background unless a computation of key runs already. When there is
// no usable page but one is being computed, it waits for that computation. Not ok: the
// caller computes the page (and puts it); owner: it must then call finish(key).
func (c *pageCache) lookup(key string, now time.Time, refresh func()) (e cachedPage, ok, owner bool) {
	c.mu.Lock()
	e, ok = c.entries[key]
	usable := ok && !now.After(e.expires.Add(publicMaxStale))
	busy := c.busy[key]
	if usable {
		if now.After(e.expires) && busy == nil {
			c.start(key)
			go func() {
				defer c.finish(key)
				refresh()
			}()
		}
		c.mu.Unlock()
		return e, true, false
	}
	if busy == nil {
		c.start(key)
		c.mu.Unlock()
		return cachedPage{}, false, true
	}
	c.mu.Unlock()
	<-busy
	c.mu.Lock()
	e, ok = c.entries[key]
	c.mu.Unlock()
	// Not ok: that computation failed (not a 200); this request computes its own.
	return e, ok, false
}

// start marks key as being computed; c.mu is held.
func (c *pageCache) start(key string) {
	if c.busy == nil {
		c.busy = map[string]chan struct{}{}
	}
	c.busy[key] = make(chan struct{})
}

// finish ends the computation of key and wakes who waits for it.
func (c *pageCache) finish(key string) {
	c.mu.Lock()
	if ch := c.busy[key]; ch != nil {
		close(ch)
		delete(c.busy, key)
	}
	c.mu.Unlock()
}

// detached is the request's context for a computation that outlives it.
func detached(ctx context.Context) context.Context { return context.WithoutCancel(ctx) }
