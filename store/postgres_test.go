package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/store"
	"giamngheo/store/storetest"
)

var schemaSeq atomic.Int64

// MustOpenPostgres opens a migrated store in a new schema of the database named by
// GIAMNGHEO_TEST_POSTGRES (see postgresSchemaDSN).
func MustOpenPostgres(tb testing.TB) *store.DB {
	tb.Helper()
	return mustMigrate(tb)(store.OpenPostgres(context.Background(), postgresSchemaDSN(tb)))
}

// postgresSchemaDSN creates a new schema in the database named by
// GIAMNGHEO_TEST_POSTGRES, dropped at the end of the test, and returns a DSN that uses
// it. Without that variable the test is skipped, except on CI (CI=true), where a
// missing PostgreSQL is a failure.
func postgresSchemaDSN(tb testing.TB) string {
	tb.Helper()
	dsn := os.Getenv("GIAMNGHEO_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") != "" {
			tb.Fatal("GIAMNGHEO_TEST_POSTGRES is not set on CI: PostgreSQL tests must run")
		}
		tb.Skip("set GIAMNGHEO_TEST_POSTGRES=postgres://… to run the store suite on PostgreSQL")
	}
	schema := fmt.Sprintf("t%d_%d", time.Now().UnixNano()%1e9, schemaSeq.Add(1))
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
		admin.Close()
	})
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + "search_path=" + url.QueryEscape(schema)
}

func TestStorePostgres(t *testing.T) {
	storetest.Run(t, func(tb testing.TB) storetest.Store { return MustOpenPostgres(tb) })
}

func TestOpenBadDSN(t *testing.T) {
	_, err := store.OpenPostgres(context.Background(), "postgres://nobody@127.0.0.1:1/none?connect_timeout=2")
	storetest.MustCode(t, err, giamngheo.EINVALID)
	if !strings.Contains(giamngheo.ErrorMessage(err), "Không kết nối được PostgreSQL") {
		t.Fatalf("message = %q", giamngheo.ErrorMessage(err))
	}
	_, err = store.OpenPostgres(context.Background(), "postgres://a b c:::/")
	storetest.MustCode(t, err, giamngheo.EINVALID)
}
