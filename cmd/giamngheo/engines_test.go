package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// sqliteEngine opens a new store on a SQLite file of the test.
func sqliteEngine(t *testing.T) store {
	t.Helper()
	s, err := openStore(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var pgSchemas atomic.Int64

// postgresDSN returns the DSN of a new schema of its own in the PostgreSQL of
// GIAMNGHEO_TEST_POSTGRES, dropped at the end of the test.
func postgresDSN(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv("GIAMNGHEO_TEST_POSTGRES")
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	schema := fmt.Sprintf("t_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, pgSchemas.Add(1))
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		admin.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		admin.Close()
	})
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + "search_path=" + schema
}

// postgresEngine opens a new store on a schema of its own (postgresDSN).
func postgresEngine(t *testing.T) store {
	t.Helper()
	dsn := postgresDSN(t)
	s, err := openStore(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// openSQL opens the database of a --db value directly (a SQLite file or a DSN).
func openSQL(db string) (*sql.DB, error) {
	if strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") {
		return sql.Open("pgx", db)
	}
	return sql.Open("sqlite", db)
}

// engine is a store engine of the tests: how to open a new store on it, and how to make
// a new database for the CLI's --db.
type engine struct {
	name string
	open func(t *testing.T) store
	db   func(t *testing.T) string
}

var engines = []engine{
	{"sqlite", sqliteEngine, func(t *testing.T) string { return filepath.Join(t.TempDir(), "test.db") }},
	{"postgres", postgresEngine, postgresDSN},
}

// eachEngine runs test on a SQLite file and, when GIAMNGHEO_TEST_POSTGRES is set (it
// must be on CI), on PostgreSQL: the same scenario on both stores.
func eachEngine(t *testing.T, test func(t *testing.T, e engine)) {
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			if e.name == "postgres" && os.Getenv("GIAMNGHEO_TEST_POSTGRES") == "" {
				if os.Getenv("CI") != "" {
					t.Fatal("GIAMNGHEO_TEST_POSTGRES is not set on CI")
				}
				t.Skip("set GIAMNGHEO_TEST_POSTGRES to run on PostgreSQL")
			}
			test(t, e)
		})
	}
}

// forEachEngine runs test with a new store of each engine.
func forEachEngine(t *testing.T, test func(t *testing.T, open func(t *testing.T) store)) {
	eachEngine(t, func(t *testing.T, e engine) { test(t, e.open) })
}

// forEachDatabase runs test with a new database of each engine, named as --db takes it:
// for the scenarios that run the CLI.
func forEachDatabase(t *testing.T, test func(t *testing.T, db string)) {
	eachEngine(t, func(t *testing.T, e engine) { test(t, e.db(t)) })
}
