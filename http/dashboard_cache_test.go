package http

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestDashCache: a kept dashboard is served until its TTL, then computed again; an
// error is not kept; requests that ask for a dashboard being computed wait for that
// one computation. The instants are given, not read from a clock.
func TestDashCache(t *testing.T) {
	var c dashCache
	t0 := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	var n atomic.Int32
	compute := func() (*dashPage, error) { n.Add(1); return &dashPage{Year: int(n.Load())}, nil }
	p1, _ := c.get("31|vi||2026", t0, compute)
	p2, _ := c.get("31|vi||2026", t0.Add(dashCacheTTL-time.Second), compute)
	if p1 != p2 || n.Load() != 1 {
		t.Fatalf("within the TTL the kept page is served: computed %d times", n.Load())
	}
	if p3, _ := c.get("31|en||2026", t0, compute); p3 == p1 || n.Load() != 2 {
		t.Fatal("another language is another page")
	}
	if p4, _ := c.get("31|vi||2026", t0.Add(dashCacheTTL+time.Second), compute); p4 == p1 || n.Load() != 3 {
		t.Fatal("after the TTL the page is computed again")
	}
	boom := errors.New("boom")
	if _, err := c.get("x", t0, func() (*dashPage, error) { return nil, boom }); err != boom {
		t.Fatal(err)
	}
	if p, err := c.get("x", t0, compute); err != nil || p == nil {
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
		pages[0], _ = c.get("slow", t0, func() (*dashPage, error) { slow.Add(1); close(started); <-release; return &dashPage{}, nil })
	}()
	<-started
	for i := 1; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pages[i], _ = c.get("slow", t0, func() (*dashPage, error) { slow.Add(1); return &dashPage{}, nil })
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
