package store_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"database/sql"
	_ "embed"
	"encoding/hex"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"giamngheo/audit"
	"giamngheo/store"
	"giamngheo/store/storetest"
)

// The SHA-256 of each migration the two stores of the release before the one store
// (dac43e3) embedded, by engine ("sqlite/0001_init.sql"), as sha256sum prints them.
//
//go:embed testdata/release-dac43e3.sha256
var releaseSums string

// releaseMigrations returns, in order, the names the release recorded for engine and
// the texts it ran, which are the store's own migrations: a released migration is
// never edited, and the checksums prove these are the release's texts.
func releaseMigrations(t *testing.T, engine string) (names, texts []string) {
	t.Helper()
	sc := bufio.NewScanner(strings.NewReader(releaseSums))
	for sc.Scan() {
		sum, file, _ := strings.Cut(sc.Text(), "  ")
		if path.Dir(file) != engine {
			continue
		}
		name := "migrations/" + path.Base(file)
		text, err := store.ReleasedMigrationForTest(engine, name)
		storetest.MustOK(t, err)
		if got := sha256.Sum256([]byte(text)); hex.EncodeToString(got[:]) != sum {
			t.Fatalf("%s migration %s differs from the one release dac43e3 ran", engine, name)
		}
		names, texts = append(names, name), append(texts, text)
	}
	if len(names) != 4 {
		t.Fatalf("%s: %d release migrations, want 4", engine, len(names))
	}
	return names, texts
}

// buildRelease makes the database a release-dac43e3 binary made, with the first n of
// its migrations (its own Migrate, replayed: the same table, the same recorded
// names), and some rows in it.
func buildRelease(t *testing.T, driver, dsn, engine string, n int) {
	t.Helper()
	ctx := context.Background()
	raw, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	table := `CREATE TABLE giamngheo_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`
	if engine == "postgres" {
		table = `CREATE TABLE giamngheo_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := raw.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(table)
	names, texts := releaseMigrations(t, engine)
	for i := range n {
		exec(texts[i])
		exec(`INSERT INTO giamngheo_migrations (name, applied_at) VALUES ($1, $2)`, names[i], "2026-12-01T08:00:00.000000000Z")
	}
	// Rows as that release wrote them (times as each engine stored them).
	at := "2026-12-01T08:00:00.000000000Z"
	exec(`INSERT INTO units (code, name, type, level, province_code) VALUES ('31', 'Hải Phòng', 'Thành phố', 'province', '31')`)
	exec(`INSERT INTO users (username, name, password_hash, role, scope_code, agency, disabled, created_at, updated_at)
		VALUES ('old', 'Người cũ', 'x', 'admin', '', '', FALSE, $1, $1)`, at)
	exec(`INSERT INTO households (province_code, commune_code, code, head_name, survey, class, version, created_at, updated_at)
		VALUES ('31', '11311', 'HP-1', 'Nguyễn Văn An', '{}', 'poor', 3, $1, $1)`, at)
	exec(`INSERT INTO members (household_id, province_code, seq, full_name, sex, birth_date, national_id, answers)
		VALUES ((SELECT id FROM households WHERE code = 'HP-1'), '31', 0, 'Nguyễn Văn An', 'M', '1970', '031070000001', '{}')`)
	exec(`INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, after) VALUES ($1, 1, 'old', 'create', 'household', 'HP-1', '{"a": 1}')`, at)
}

// testUpgrade opens a release-dac43e3 database with the store: it must recognise the
// migrations applied, apply only the missing ones, and keep every row.
func testUpgrade(t *testing.T, engine string, open func() (*store.DB, error), build func(n int)) {
	// The release had 0001-0004 (0004 not in every database); what came after applies
	// on top.
	all := store.MigrationNamesForTest(engine)
	if all[3] != "migrations/0004_head_key.sql" {
		t.Fatalf("migrations = %q", all)
	}
	for _, tc := range []struct {
		applied int      // migrations the old database has
		want    []string // what Migrate must apply
	}{
		{4, all[4:]},
		{3, all[3:]},
	} {
		build(tc.applied)
		ctx := context.Background()
		db, err := open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.Migrate(ctx)
		storetest.MustOK(t, err)
		if !slices.Equal(got, tc.want) {
			t.Fatalf("from %d migrations: applied %q, want %q", tc.applied, got, tc.want)
		}
		if p, err := db.Pending(ctx); err != nil || len(p) != 0 {
			t.Fatalf("pending after upgrade: %q %v", p, err)
		}
		if again, err := db.Migrate(ctx); err != nil || len(again) != 0 {
			t.Fatalf("second Migrate applied %q (%v)", again, err)
		}
		u, err := db.FindUserByUsername(ctx, "old")
		storetest.MustOK(t, err)
		if u.Name != "Người cũ" || u.Disabled || u.CreatedAt.UTC().Format("2006-01-02 15:04") != "2026-12-01 08:00" {
			t.Fatalf("user = %+v", u)
		}
		h, err := db.FindHouseholdByCode(ctx, "31", "HP-1")
		storetest.MustOK(t, err)
		if h.Version != 3 || h.HeadName != "Nguyễn Văn An" || len(h.Members) != 1 || h.Members[0].NationalID != "031070000001" {
			t.Fatalf("household = %+v", h)
		}
		if n, err := db.CountUnits(ctx); err != nil || n != 1 {
			t.Fatalf("units = %d (%v)", n, err)
		}
		es, total, err := db.FindAudit(ctx, audit.Filter{})
		storetest.MustOK(t, err)
		if total != 1 || string(es[0].After) == "" || es[0].At.UTC().Hour() != 8 {
			t.Fatalf("audit = %d %+v", total, es)
		}
		// The upgraded database takes new rows beside the old ones.
		oldID, oldMember := h.ID, h.Members[0].ID
		h.Code = "HP-2"
		storetest.MustOK(t, db.CreateHousehold(ctx, h))
		if h.ID <= oldID || h.Members[0].ID <= oldMember {
			t.Fatalf("new household %d, member %d: ids must follow the old rows' (%d, %d)", h.ID, h.Members[0].ID, oldID, oldMember)
		}
		db.Close()
	}
}

func TestUpgradeFromReleaseSQLite(t *testing.T) {
	var path string
	testUpgrade(t, "sqlite", func() (*store.DB, error) { return store.OpenSQLite(context.Background(), path) }, func(n int) {
		path = filepath.Join(t.TempDir(), "release.db")
		buildRelease(t, "sqlite", "file:"+path+"?_pragma=foreign_keys(1)", "sqlite", n)
	})
}

func TestUpgradeFromReleasePostgres(t *testing.T) {
	var dsn string
	testUpgrade(t, "postgres", func() (*store.DB, error) { return store.OpenPostgres(context.Background(), dsn) }, func(n int) {
		dsn = postgresSchemaDSN(t)
		buildRelease(t, "pgx", dsn, "postgres", n)
	})
}

// A released migration is never edited: each engine runs the text the release ran.
func TestReleasedMigrationsUnchanged(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		releaseMigrations(t, engine)
	}
}
