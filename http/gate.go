package http

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// A gate lets a bounded number of requests run at once, the others waiting their turn
// in arrival order (issue 13 item 8). Under load (50 officers' pages at once on two
// cores) the requests otherwise all run together: each takes turns on the CPU and on
// the database connections with the others, in no order (database/sql hands a freed
// connection to a random waiter), and a few wait many times their share while most
// finish quickly. In turn, a request waits for those before it only. Measured on the
// household list at 50 clients (docs/benchmarks.md, "A gate"): p99 317 ms without, 48
// ms with one place per CPU.
//
// The gate orders short requests; it must not let long ones (an export, a report, an
// upload) stop the pages: a request gives its place back after gateMaxHold and then
// runs beside the others as without the gate, and a request waits at most
// gateMaxWait for a place.
type gate struct {
	places  chan struct{}
	maxWait time.Duration
	maxHold time.Duration
	waiting atomic.Int64 // requests waiting for a place
}

const (
	gateMaxWait = 2 * time.Second        // the longest a request waits for a place
	gateMaxHold = 250 * time.Millisecond // the longest a request keeps its place
)

// newGate makes the gate of n places; 0: one per CPU (GOMAXPROCS), which served the
// pages with the shortest tail at 50 clients (2, 4 and 8 places on 2 CPUs measured);
// negative: no gate.
func newGate(n int) *gate {
	if n < 0 {
		return nil
	}
	if n == 0 {
		n = runtime.GOMAXPROCS(0)
	}
	return &gate{places: make(chan struct{}, n), maxWait: gateMaxWait, maxHold: gateMaxHold}
}

// enter waits for a place (at most maxWait, or until ctx ends) and returns what gives
// it back. Blocked senders on a channel are served in order, and a place given back
// goes to the first of them. A nil gate lets every request in.
func (g *gate) enter(ctx context.Context) (leave func()) {
	if g == nil {
		return func() {}
	}
	select {
	case g.places <- struct{}{}:
		return g.held()
	default:
	}
	g.waiting.Add(1)
	defer g.waiting.Add(-1)
	t := time.NewTimer(g.maxWait)
	defer t.Stop()
	select {
	case g.places <- struct{}{}:
		return g.held()
	case <-t.C:
	case <-ctx.Done():
	}
	return func() {}
}

// held gives the place taken back when the request ends or after maxHold, whichever
// comes first.
func (g *gate) held() (leave func()) {
	var once sync.Once
	give := func() { once.Do(func() { <-g.places }) }
	t := time.AfterFunc(g.maxHold, give)
	return func() {
		t.Stop()
		give()
	}
}
