package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"giamngheo"
	"giamngheo/store"
	"giamngheo/store/storetest"
)

// MustOpenSQLite opens a new migrated database file in a temporary directory.
func MustOpenSQLite(tb testing.TB) *store.DB {
	tb.Helper()
	return mustMigrate(tb)(store.OpenSQLite(context.Background(), filepath.Join(tb.TempDir(), "test.db")))
}

// mustMigrate returns a function that takes what an Open returns and migrates the
// store, failing tb on any error; the store is closed at the end of the test.
func mustMigrate(tb testing.TB) func(*store.DB, error) *store.DB {
	return func(db *store.DB, err error) *store.DB {
		tb.Helper()
		if err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() { db.Close() })
		if _, err := db.Migrate(context.Background()); err != nil {
			tb.Fatal(err)
		}
		return db
	}
}

// onEachEngine runs fn as a subtest on a new migrated store of each engine, named
// "sqlite" and "postgres" (skipped without GIAMNGHEO_TEST_POSTGRES).
func onEachEngine(t *testing.T, fn func(t *testing.T, engine string, db *store.DB)) {
	for _, engine := range []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", MustOpenSQLite}, {"postgres", MustOpenPostgres}} {
		t.Run(engine.name, func(t *testing.T) {
			fn(t, engine.name, engine.open(t))
		})
	}
}

func TestStoreSQLite(t *testing.T) {
	storetest.Run(t, func(tb testing.TB) storetest.Store { return MustOpenSQLite(tb) })
}

func TestOpenRefusesForeignFiles(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.db")
	if err := os.WriteFile(junk, []byte("this is a spreadsheet, not a database, and it is long enough to have a header......"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := store.OpenSQLite(context.Background(), junk)
	storetest.MustCode(t, err, giamngheo.EINVALID)

	// Another application's SQLite database: refused and left unchanged.
	other := filepath.Join(dir, "other.db")
	db, err := store.OpenSQLite(context.Background(), other)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := store.ExecRawForTest(other, `CREATE TABLE invoices (id INTEGER)`); err != nil {
		t.Fatal(err)
	}
	_, err = store.OpenSQLite(context.Background(), other)
	storetest.MustCode(t, err, giamngheo.EINVALID)
	_, err = store.OpenSQLite(context.Background(), dir)
	storetest.MustCode(t, err, giamngheo.EINVALID)
}
