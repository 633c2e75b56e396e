package store_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"giamngheo/registry"
	"giamngheo/store"
)

// TestSearchWordsMigration: migration 0027 lists the words of the households already
// stored in search_words (new on PostgreSQL), without numbers or pairs, and a search
// then reads its last word's completions from the list.
func TestSearchWordsMigration(t *testing.T) {
	onEachEngine(t, func(t *testing.T, engine string, db *store.DB) {
		ctx := context.Background()
		insert := func(id, code, search string) { insertStoredHousehold(t, db, id, code, "x", search) }
		// Stored before 0027, with no word listed.
		insert("1000", "A1", "a1 tran thi hoa 030177894381 0 a10tran tran0thi thi0hoa 0 a10tran0thi tran0thi0hoa")
		insert("1001", "A2", "a2 tran thi hung 0 a20tran tran0thi thi0hung 0 a20tran0thi tran0thi0hung")
		// Before 0027: PostgreSQL had no list, SQLite's had lost these words.
		clear := `DROP TABLE search_words`
		if engine == "sqlite" {
			clear = `DELETE FROM search_words`
		}
		for _, q := range []string{clear, `DELETE FROM giamngheo_migrations WHERE name LIKE '%0027%'`} {
			if err := db.ExecForTest(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		got, err := db.QueryStringForTest(ctx, `SELECT coalesce(string_agg(word, ' '), '') FROM (SELECT word FROM search_words ORDER BY word) w`)
		if engine == "sqlite" {
			got, err = db.QueryStringForTest(ctx, `SELECT coalesce(group_concat(word, ' '), '') FROM (SELECT word FROM search_words ORDER BY word)`)
		}
		if want := "a1 a2 hoa hung thi tran"; err != nil || got != want {
			t.Fatalf("search_words %q (%v), want %q", got, err, want)
		}
		find := func(q string) []string {
			t.Helper()
			hs, _, err := db.FindHouseholds(ctx, registry.HouseholdFilter{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			var codes []string
			for _, h := range hs {
				codes = append(codes, h.Code)
			}
			slices.Sort(codes)
			return codes
		}
		// Stored after it without its words (as no write of the store does): a
		// search whose last word has completions reads them, and misses "hue".
		insert("1002", "A3", "a3 tran thi hue 0 a30tran tran0thi thi0hue 0 a30tran0thi tran0thi0hue")
		for q, want := range map[string]string{"tran thi h": "A1 A2", "tran thi hu": "A2", "thi hoa": "A1", "hoa": "A1",
			"tran thi hue": "A3", "tran": "A1 A2 A3", "tr": "A1 A2 A3"} {
			if got := strings.Join(find(q), " "); got != want {
				t.Errorf("%q found %q, want %q", q, got, want)
			}
		}
	})
}

// insertStoredHousehold stores a household row as an earlier release left it: its
// search text as given, nothing else kept (roll-ups, search words).
func insertStoredHousehold(t *testing.T, db *store.DB, id, code, head, search string) {
	t.Helper()
	if err := db.ExecForTest(context.Background(), `INSERT INTO households (id, province_code, commune_code, code, head_name, search, survey, class, deprived, deprivation_count, standard_id, created_at, updated_at, status)
		VALUES (`+id+`, '31', '10813', '`+code+`', '`+head+`', '`+search+`', '{}', 'poor', '', 0, '2022-2026', '2026-01-01', '2026-01-01', '')`); err != nil {
		t.Fatal(err)
	}
}
