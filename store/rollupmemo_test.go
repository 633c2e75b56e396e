package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"giamngheo/store"
	"giamngheo/store/storetest"
)

// The roll-up totals one store remembers follow the changes another store (another
// process) makes to the same database.
func TestRollupMemoSharedSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	a := mustMigrate(t)(store.OpenSQLite(context.Background(), path))
	b := mustMigrate(t)(store.OpenSQLite(context.Background(), path))
	storetest.RunRollupMemoShared(t, a, b)
}

func TestRollupMemoSharedPostgres(t *testing.T) {
	dsn := postgresSchemaDSN(t)
	a := mustMigrate(t)(store.OpenPostgres(context.Background(), dsn))
	b := mustMigrate(t)(store.OpenPostgres(context.Background(), dsn))
	storetest.RunRollupMemoShared(t, a, b)
}
