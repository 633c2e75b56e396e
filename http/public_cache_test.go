package http

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestPublicPageCache: a missing page is computed by one request (the owner) while
// the others wait for it; a stale page is served at once while one background
// computation replaces it; past publicMaxStale it is computed again by a request.
func TestPublicPageCache(t *testing.T) {
	var c pageCache
	t0 := time.Now()
	if _, ok, owner := c.lookup("k", t0, nil); ok || !owner {
		t.Fatal("a missing page: the first request computes it")
	}
	var wg sync.WaitGroup
	got := make([]bool, 5)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e, ok, owner := c.lookup("k", t0, nil)
			got[i] = ok && !owner && string(e.body) == "one"
		}()
	}
	time.Sleep(20 * time.Millisecond) // the others now wait for the owner
	c.put("k", cachedPage{body: []byte("one"), expires: t0.Add(time.Minute)}, c.generation())
	c.finish("k")
	wg.Wait()
	for i, ok := range got {
		if !ok {
			t.Errorf("request %d did not get the owner's page", i)
		}
	}
	var refreshes atomic.Int32
	done := make(chan struct{})
	refresh := func() {
		refreshes.Add(1)
		c.put("k", cachedPage{body: []byte("two"), expires: t0.Add(3 * time.Minute)}, c.generation())
		close(done)
	}
	stale := t0.Add(2 * time.Minute)
	for range 5 {
		if e, ok, _ := c.lookup("k", stale, refresh); !ok || string(e.body) != "one" {
			t.Fatalf("a stale page is not served at once: %q %v", e.body, ok)
		}
	}
	<-done
	time.Sleep(10 * time.Millisecond)
	if e, ok, _ := c.lookup("k", stale, refresh); !ok || string(e.body) != "two" || refreshes.Load() != 1 {
		t.Fatalf("after one refresh: %q, %d refreshes", e.body, refreshes.Load())
	}
	if _, ok, owner := c.lookup("k", t0.Add(3*time.Minute+publicMaxStale+time.Second), refresh); ok || !owner {
		t.Fatal("a page past publicMaxStale is served")
	}
}

// TestPublicPageCacheClearDropsPagesComputedBefore: a page computed before a clear (a
// post withdrawn while it was being computed) is not kept; one computed after is.
func TestPublicPageCacheClearDropsPagesComputedBefore(t *testing.T) {
	var c pageCache
	t0 := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	gen := c.generation()
	c.clear() // the editor withdraws a post while the page is computed
	c.put("k", cachedPage{body: []byte("with the withdrawn post"), expires: t0.Add(time.Minute)}, gen)
	if _, ok, _ := c.lookup("k", t0, nil); ok {
		t.Fatal("a page computed before the clear was kept")
	}
	c.finish("k")
	c.put("k", cachedPage{body: []byte("without it"), expires: t0.Add(time.Minute)}, c.generation())
	if e, ok, _ := c.lookup("k", t0, nil); !ok || string(e.body) != "without it" {
		t.Fatalf("the page computed after the clear: %q, %v", e.body, ok)
	}
}
