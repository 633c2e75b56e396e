package http

import (
	"context"
	"testing"
	"time"
)

// TestGate: a request beyond the places waits until one is given back, in arrival
// order; it goes on without a place after the longest wait or when its request ends.
func TestGate(t *testing.T) {
	g := &gate{places: make(chan struct{}, 1), maxWait: time.Hour, maxHold: time.Hour}
	leave := g.enter(context.Background())

	// Three requests arrive one after the other while the place is taken.
	order := make(chan int, 3)
	for i := range 3 {
		go func() {
			l := g.enter(context.Background())
			order <- i
			time.Sleep(5 * time.Millisecond)
			l()
		}()
		// Each is waiting before the next arrives.
		for deadline := time.Now().Add(5 * time.Second); g.waiting.Load() < int64(i+1); {
			if time.Now().After(deadline) {
				t.Fatalf("request %d never waited", i)
			}
			time.Sleep(time.Millisecond)
		}
		time.Sleep(5 * time.Millisecond) // from counted to blocked on the channel
	}
	select {
	case i := <-order:
		t.Fatalf("request %d ran while the place was taken", i)
	case <-time.After(20 * time.Millisecond):
	}
	leave()
	for want := range 3 {
		if got := <-order; got != want {
			t.Fatalf("request %d ran in turn %d", got, want)
		}
	}

	// The longest wait, and a request that ends while waiting.
	g = &gate{places: make(chan struct{}, 1), maxWait: 10 * time.Millisecond, maxHold: time.Hour}
	leave = g.enter(context.Background())
	start := time.Now()
	g.enter(context.Background())()
	if time.Since(start) < 10*time.Millisecond {
		t.Fatal("a request did not wait for a place")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	g.maxWait = time.Hour
	g.enter(ctx)()
	leave()
	if len(g.places) != 0 {
		t.Fatalf("%d places still taken", len(g.places))
	}

	// A long request gives its place back after maxHold; its leaving later gives
	// back nothing more.
	g = &gate{places: make(chan struct{}, 1), maxWait: time.Hour, maxHold: 20 * time.Millisecond}
	long := g.enter(context.Background())
	next := g.enter(context.Background()) // waits for the long one's place
	if len(g.places) != 1 {
		t.Fatalf("%d places taken, want 1 (the next request's)", len(g.places))
	}
	long()
	if len(g.places) != 1 {
		t.Fatalf("the long request's leaving gave back the next one's place")
	}
	next()
	if len(g.places) != 0 {
		t.Fatalf("%d places still taken", len(g.places))
	}

	// No gate: everyone in.
	var none *gate
	none.enter(context.Background())()
	if newGate(-1) != nil || cap(newGate(0).places) < 1 || cap(newGate(3).places) != 3 {
		t.Fatal("newGate: negative is no gate, 0 one place per CPU, n n places")
	}
}
