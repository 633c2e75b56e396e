package http

import (
	"context"
	"slices"

	"giamngheo/admin"
)

// The units under a scope on a date, remembered while the units stand: a store that
// stamps its changes of units (admin.UnitsStamper, migration 0012) is asked for its
// stamp, one cheap query, instead of a query per unit of a province on every page
// (issue 13 item 8).

type unitsMemoKey struct{ scope, date string }

// unitsMemo holds the answers (scopes × dates asked).
var unitsMemo = admin.StampMemo[unitsMemoKey, []*admin.Unit]{Size: 4096}

// memoUnits returns read()'s answer for scope and date, remembered while the store's
// units stamp stands; read() every time for a store without a stamp. The units are
// shared between callers: they are read, never changed.
func (s *Server) memoUnits(ctx context.Context, scope, date string, read func() ([]*admin.Unit, error)) ([]*admin.Unit, error) {
	out, err := unitsMemo.Get(ctx, s.Units, unitsMemoKey{scope, date}, read)
	return slices.Clone(out), err
}
