package store

import (
	"context"

	"giamngheo/registry"
)

// LoadMembers loads the members of a page of households (a named list's page) with
// one query; the households keep their order.
func (db *DB) LoadMembers(ctx context.Context, hs []*registry.Household) error {
	if len(hs) == 0 {
		return nil
	}
	for _, h := range hs {
		h.Members = nil
	}
	return db.pageMembers(ctx, hs)
}
