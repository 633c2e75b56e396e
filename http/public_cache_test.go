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
	c.put("k", cachedPage{body: []byte("one"), expires: t0.Add(time.Minute)})
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
		c.put("k", cachedPage{body: []byte("two"), expires: t0.Add(3 * time.Minute)})
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
