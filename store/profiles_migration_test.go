package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"giamngheo/report"
	"giamngheo/store"
)

// TestProfilesMigrationFillsExistingDatabase: a database whose households were stored
// before migration 0017 gets their deprivation profiles from the migration's hook, and
// the roll-ups then equal a recount.
func TestProfilesMigrationFillsExistingDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := store.OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	db.Close()
	// Households as the store before 0017 left them (no profile rows), and 0017 not run.
	if err := store.ExecRawForTest(path, `INSERT INTO households (id, province_code, commune_code, code, head_name, survey, class, deprived, deprivation_count, standard_id, created_at, updated_at)
		VALUES (1, '31', '10813', 'A1', 'A', '{}', 'poor', ',water,latrine,housing_quality,', 3, '2022-2026', '2026-01-01', '2026-01-01'),
		       (2, '31', '10813', 'A2', 'B', '{}', 'not_poor', '', 0, '2022-2026', '2026-01-01', '2026-01-01'),
		       (3, '31', '10816', 'A3', 'C', '{}', 'not_poor', ',water,latrine,housing_quality,', 3, '2022-2026', '2026-01-01', '2026-01-01');
		DELETE FROM giamngheo_migrations WHERE name LIKE '%0017%';`); err != nil {
		t.Fatal(err)
	}
	db = mustMigrate(t)(store.OpenSQLite(ctx, path))
	ms, err := db.VerifyRollups(ctx)
	if err != nil || len(ms) != 0 {
		t.Fatalf("after 0017: %v differences (%v)", ms, err)
	}
	cells, err := db.RollupProfiles(ctx, report.ProfileQuery{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int64{}
	for _, c := range cells {
		got[c.Measure] += c.N
	}
	want := map[string]int64{"set:2022-2026:,water,latrine,housing_quality,": 2, "set:2022-2026:": 1}
	if len(got) != len(want) || got["set:2022-2026:"] != 1 || got["set:2022-2026:,water,latrine,housing_quality,"] != 2 {
		t.Fatalf("profiles %v, want %v", got, want)
	}
	names, err := db.Pending(ctx)
	if err != nil || len(names) != 0 {
		t.Fatalf("pending after migrate: %v %v", names, err)
	}
}
