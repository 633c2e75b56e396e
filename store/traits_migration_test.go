package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"giamngheo/store"
)

// TestTraitsMigrationFillsExistingDatabase: a database whose households were stored
// before migration 0018 gets their traits derived from the members by the migration's
// hook (survey JSON and traits column), and the roll-ups then count them and equal a
// recount.
func TestTraitsMigrationFillsExistingDatabase(t *testing.T) {
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
	// Households as the store before 0018 left them, and 0018 not run: a Tày household
	// headed by a woman (two members; on no list, as the flows of a list are not made here), and a Kinh man of 90 alone (past the retirement
	// age on any day of the migration: no labour capacity).
	if err := store.ExecRawForTest(path, `ALTER TABLE households DROP COLUMN traits;
		INSERT INTO households (id, province_code, commune_code, code, head_name, survey, class, deprived, deprivation_count, standard_id, created_at, updated_at, status)
		VALUES (1, '31', '10813', 'A1', 'Lò Thị Mai', '{"income_12m":1000}', 'poor', '', 0, '2022-2026', '2026-01-01', '2026-01-01', ''),
		       (2, '31', '10813', 'A2', 'Trần Văn Cụ', '{}', 'not_poor', '', 0, '2022-2026', '2026-01-01', '2026-01-01', '');
		INSERT INTO members (id, household_id, province_code, seq, full_name, sex, birth_date, relation, ethnicity, national_id, answers)
		VALUES (1, 1, '31', 0, 'Lò Thị Mai', 'female', '1985-01-01', 'head', 'Tày', '', '{"name":"Lò Thị Mai","sex":"female","birth_date":"1985-01-01"}'),
		       (2, 1, '31', 1, 'Lò Văn An', 'male', '2010-01-01', 'child', 'Tày', '', '{"name":"Lò Văn An","sex":"male","birth_date":"2010-01-01"}'),
		       (3, 2, '31', 0, 'Trần Văn Cụ', 'male', '1936-01-01', 'head', 'kinh', '', '{"name":"Trần Văn Cụ","sex":"male","birth_date":"1936-01-01"}');
		DELETE FROM giamngheo_migrations WHERE name LIKE '%0018%';`); err != nil {
		t.Fatal(err)
	}
	db = mustMigrate(t)(store.OpenSQLite(ctx, path))
	defer db.Close()
	ms, err := db.VerifyRollups(ctx)
	if err != nil || len(ms) != 0 {
		t.Fatalf("after 0018: %v differences (%v)", ms, err)
	}
	h, err := db.FindHouseholdByID(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if tr := h.Traits; !tr.FemaleHead || !tr.EthnicMinority || tr.NoLabour || h.Survey.Income12m == nil || *h.Survey.Income12m != 1000 {
		t.Fatalf("household 1 after 0018: %+v, income %v", tr, h.Survey.Income12m)
	}
	cells, err := db.RollupCells(ctx, []string{"10813"}, false)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int64{}
	for _, c := range cells {
		got[c.Status+" "+c.Measure] += c.N
	}
	for m, n := range map[string]int64{" grp:female_head": 1, " grp:ethnic": 1, " eth:Tày/persons": 2, " grp:female_head/persons": 2,
		" grp:no_labour": 1, " eth:Kinh": 1, " grp:other": 0, " households": 2} {
		if got[m] != n {
			t.Errorf("%s: %d, want %d (%v)", m, got[m], n, got)
		}
	}
}
