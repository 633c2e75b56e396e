package http

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestDashCache: a kept dashboard is served while fresh; once stale it is still served
// at once while one computation in the background replaces it; past dashMaxStale it
// is computed while the request waits; an error is not kept (and a failed background
// computation leaves the old page served); requests that ask for a dashboard being
// computed wait for that one computation. The instants are given, not read from a
// clock.
func TestDashCache(t *testing.T) {
	var c dashCache
	t0 := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	var n atomic.Int32
	compute := func() (*dashPage, error) { return &dashPage{Year: int(n.Add(1))}, nil }
	get := func(key string, at time.Time, f func() (*dashPage, error)) (*dashPage, error) {
		t.Helper()
		e, err := c.get(key, at, f)
		if err != nil {
			return nil, err
		}
		return e.page, nil
	}
	p1, _ := get("31|2026|vi|", t0, compute)
	p2, _ := get("31|2026|vi|", t0.Add(dashCacheTTL-time.Second), compute)
	if p1 != p2 || n.Load() != 1 {
		t.Fatalf("within the TTL the kept page is served: computed %d times", n.Load())
	}
	if p3, _ := get("31|2026|en|", t0, compute); p3 == p1 || n.Load() != 2 {
		t.Fatal("another language is another page")
	}
	// Stale: the old page at once, one computation in the background.
	// The background computation waits until the five requests are answered: it may
	// otherwise finish between two of them (a failure seen once in CI).
	stale := t0.Add(dashCacheTTL + time.Second)
	hold := make(chan struct{})
	held := func() (*dashPage, error) { <-hold; return compute() }
	for range 5 {
		if p, _ := get("31|2026|vi|", stale, held); p != p1 {
			t.Fatal("a stale page is not served while it is recomputed")
		}
	}
	close(hold)
	c.bg.Wait()
	if n.Load() != 3 {
		t.Fatalf("stale page recomputed %d times, want once", n.Load()-2)
	}
	p4, _ := get("31|2026|vi|", stale, compute)
	if p4 == p1 || p4.Year != 3 || n.Load() != 3 {
		t.Fatalf("the recomputed page is not served: %+v (computed %d)", p4, n.Load())
	}
	// Too old: computed while the request waits.
	if p5, _ := get("31|2026|en|", t0.Add(dashMaxStale+time.Second), compute); p5.Year != 4 || n.Load() != 4 {
		t.Fatalf("a page older than dashMaxStale is served: %+v", p5)
	}
	// A failed background computation: the old page is served, tried again after dashRetry.
	boom := errors.New("boom")
	fail := func() (*dashPage, error) { return nil, boom }
	later := stale.Add(dashCacheTTL + time.Second)
	if p, _ := get("31|2026|vi|", later, fail); p != p4 {
		t.Fatal("the old page is not served while a recomputation fails")
	}
	c.bg.Wait()
	if p, _ := get("31|2026|vi|", later.Add(dashRetry/2), compute); p != p4 {
		t.Fatal("the page was recomputed before dashRetry")
	}
	c.bg.Wait()
	if n.Load() != 4 {
		t.Fatalf("recomputed before dashRetry: %d", n.Load())
	}
	get("31|2026|vi|", later.Add(dashRetry), compute)
	c.bg.Wait()
	if p, _ := get("31|2026|vi|", later.Add(dashRetry), compute); p == p4 || n.Load() != 5 {
		t.Fatal("the page was not recomputed after dashRetry")
	}
	// An error is not kept.
	if _, err := c.get("x", t0, fail); err != boom {
		t.Fatal(err)
	}
	if p, err := get("x", t0, compute); err != nil || p == nil {
		t.Fatal("an error was kept")
	}
	// Ten requests while the page is being computed: one computation.
	release := make(chan struct{})
	var slow atomic.Int32
	started := make(chan struct{})
	var wg sync.WaitGroup
	pages := make([]*dashPage, 10)
	wg.Add(1)
	go func() {
		defer wg.Done()
		e, _ := c.get("slow", t0, func() (*dashPage, error) { slow.Add(1); close(started); <-release; return &dashPage{}, nil })
		pages[0] = e.page
	}()
	<-started
	for i := 1; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e, _ := c.get("slow", t0, func() (*dashPage, error) { slow.Add(1); return &dashPage{}, nil })
			pages[i] = e.page
		}()
	}
	close(release)
	wg.Wait()
	for i, p := range pages {
		if p != pages[0] {
			t.Errorf("request %d got another page", i)
		}
	}
	if slow.Load() != 1 {
		t.Errorf("computed %d times, want once", slow.Load())
	}
}

// TestDashFigures: the figures of a unit and year are shared within dashCacheTTL and
// made anew after it; dropped figures are not given again.
func TestDashFigures(t *testing.T) {
	var c dashCache
	t0 := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	f1 := c.figuresFor("31|2026", t0)
	if f := c.figuresFor("31|2026", t0.Add(dashCacheTTL-time.Second)); f != f1 {
		t.Fatal("figures not shared within the TTL")
	}
	if f := c.figuresFor("31|2025", t0); f == f1 {
		t.Fatal("another year shares the figures")
	}
	f2 := c.figuresFor("31|2026", t0.Add(dashCacheTTL))
	if f2 == f1 || f2.memo == f1.memo {
		t.Fatal("figures kept past the TTL")
	}
	c.dropFigures("31|2026", f2)
	if c.figuresFor("31|2026", t0.Add(dashCacheTTL)) == f2 {
		t.Fatal("dropped figures given again")
	}
}
