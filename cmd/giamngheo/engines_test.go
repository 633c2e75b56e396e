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

// postgresEngine opens a new store on a schema of its own in the PostgreSQL of
// GIAMNGHEO_TEST_POSTGRES, dropped at the end of the test.
func postgresEngine(t *testing.T) store {
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
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	s, err := openStore(context.Background(), dsn+sep+"search_path="+schema)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.Close()
		admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		admin.Close()
	})
	return s
}

// forEachEngine runs test on a SQLite file and, when GIAMNGHEO_TEST_POSTGRES is set (it
// must be on CI), on PostgreSQL: the same scenario on both stores.
func forEachEngine(t *testing.T, test func(t *testing.T, open func(t *testing.T) store)) {
	t.Run("sqlite", func(t *testing.T) { test(t, sqliteEngine) })
	t.Run("postgres", func(t *testing.T) {
		if os.Getenv("GIAMNGHEO_TEST_POSTGRES") == "" {
			if os.Getenv("CI") != "" {
				t.Fatal("GIAMNGHEO_TEST_POSTGRES is not set on CI")
			}
			t.Skip("set GIAMNGHEO_TEST_POSTGRES to run on PostgreSQL")
		}
		test(t, postgresEngine)
	})
}
