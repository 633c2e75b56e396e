package giamngheo

import (
	"context"
	"sync"
)

// A read request (a page) reads the stamps of the stored data it remembers (the units,
// the roll-ups: store/rollupmemo.go) many times, once per read of units or totals.
// WithStamps gives it one read of each stamp for its whole duration: every change
// committed before the request started is seen, as with a read per use. Only for
// requests that write nothing: a request that wrote would not see its own change.
type stampsKey struct{}

type stamps struct {
	mu sync.Mutex
	n  map[string]int64
}

// WithStamps returns a context in which each stamp is read once (OnceStamp).
func WithStamps(ctx context.Context) context.Context {
	return context.WithValue(ctx, stampsKey{}, &stamps{n: map[string]int64{}})
}

// OnceStamp returns the stamp name, read by read once per context made by WithStamps,
// or read every time in any other context.
func OnceStamp(ctx context.Context, name string, read func() (int64, error)) (int64, error) {
	s, _ := ctx.Value(stampsKey{}).(*stamps)
	if s == nil {
		return read()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if n, ok := s.n[name]; ok {
		return n, nil
	}
	n, err := read()
	if err == nil {
		s.n[name] = n
	}
	return n, err
}
