package admin

import (
	"context"
	"sync"
)

// UnitsStamper is a unit store that tells when its units change: the stamp is a
// number that every change of units or mappings moves (store: migration 0012).
type UnitsStamper interface {
	UnitsStamp(ctx context.Context) (int64, error)
}

// StampMemo remembers what is read from a unit store while the store's units stamp
// stands: one cheap query instead of the many a province's units take (issue 13 item
// 8, issue 14 item 9). The values are shared between callers: they read them, never
// change them. A store without a stamp is read every time.
type StampMemo[K comparable, V any] struct {
	// Size bounds the remembered keys; past it the memo starts again.
	Size int
	mu   sync.Mutex
	m    map[stampKey[K]]stampEntry[V]
}

type stampKey[K comparable] struct {
	units any
	key   K
}

type stampEntry[V any] struct {
	stamp int64
	v     V
}

// Get returns read()'s value for key over units, remembered while units' stamp stands.
func (m *StampMemo[K, V]) Get(ctx context.Context, units any, key K, read func() (V, error)) (V, error) {
	st, ok := units.(UnitsStamper)
	if !ok {
		return read()
	}
	stamp, err := st.UnitsStamp(ctx)
	if err != nil {
		var zero V
		return zero, err
	}
	k := stampKey[K]{units, key}
	m.mu.Lock()
	e, hit := m.m[k]
	m.mu.Unlock()
	if hit && e.stamp == stamp {
		return e.v, nil
	}
	v, err := read()
	if err != nil {
		return v, err
	}
	m.mu.Lock()
	if m.m == nil || len(m.m) >= max(m.Size, 1) {
		m.m = map[stampKey[K]]stampEntry[V]{}
	}
	m.m[k] = stampEntry[V]{stamp, v}
	m.mu.Unlock()
	return v, nil
}
