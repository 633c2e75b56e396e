package http

import (
	"context"
	"slices"
	"sync"

	"giamngheo/admin"
	"giamngheo/registry"
)

// The units under a scope on a date, remembered while the units stand: a store that
// stamps its changes of units (registry.UnitsStamper, migration 0012) is asked for its
// stamp, one cheap query, instead of a query per unit of a province on every page
// (issue 13 item 8).

type unitsMemoKey struct {
	units       admin.Store
	scope, date string
}

type unitsMemoEntry struct {
	stamp int64
	units []*admin.Unit
}

// unitsMemoSize bounds the remembered answers (scopes × dates asked).
const unitsMemoSize = 4096

var unitsMemo struct {
	sync.Mutex
	m map[unitsMemoKey]unitsMemoEntry
}

// memoUnits returns read()'s answer for scope and date, remembered while the store's
// units stamp stands; read() every time for a store without a stamp. The units are
// shared between callers: they are read, never changed.
func (s *Server) memoUnits(ctx context.Context, scope, date string, read func() ([]*admin.Unit, error)) ([]*admin.Unit, error) {
	st, ok := s.Units.(registry.UnitsStamper)
	if !ok {
		return read()
	}
	stamp, err := st.UnitsStamp(ctx)
	if err != nil {
		return nil, err
	}
	key := unitsMemoKey{s.Units, scope, date}
	unitsMemo.Lock()
	e, hit := unitsMemo.m[key]
	unitsMemo.Unlock()
	if hit && e.stamp == stamp {
		return slices.Clone(e.units), nil
	}
	out, err := read()
	if err != nil {
		return nil, err
	}
	unitsMemo.Lock()
	if unitsMemo.m == nil || len(unitsMemo.m) >= unitsMemoSize {
		unitsMemo.m = map[unitsMemoKey]unitsMemoEntry{}
	}
	unitsMemo.m[key] = unitsMemoEntry{stamp, slices.Clone(out)}
	unitsMemo.Unlock()
	return out, nil
}
