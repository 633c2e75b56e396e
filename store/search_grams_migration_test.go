package store_test

import (
	"context"
	"testing"

	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/store"
)

// TestSearchGramsMigration: households stored before migration 0026 hold their search
// text without the word pairs and triples, and a search of two words or more, which
// reads them, does not find them; migration 0028 adds them, and the search finds them.
func TestSearchGramsMigration(t *testing.T) {
	onEachEngine(t, func(t *testing.T, engine string, db *store.DB) {
		ctx := context.Background()
		insertStoredHousehold(t, db, "1000", "A1", "Trần Thị Hoa", "a1 tran thi hoa 030177894381 le van an")
		if err := db.ExecForTest(ctx, `DELETE FROM giamngheo_migrations WHERE name LIKE '%0028%'`); err != nil {
			t.Fatal(err)
		}
		find := func(q string) int {
			t.Helper()
			_, n, err := db.FindHouseholds(ctx, registry.HouseholdFilter{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		if n := find("tran thi ho"); n != 0 {
			t.Fatalf("before 0028 the grams' search found %d", n)
		}
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		const want = "a1 tran thi hoa 030177894381 le van an 0 a10tran tran0thi thi0hoa 0 le0van van0an 0 a10tran0thi tran0thi0hoa 0 le0van0an"
		check := func(when string) {
			t.Helper()
			if got, err := db.QueryStringForTest(ctx, `SELECT search FROM households WHERE id = 1000`); err != nil || got != want {
				t.Fatalf("%s: search %q (%v), want %q", when, got, err, want)
			}
			for q, want := range map[string]int{"tran thi ho": 1, "Trần Thị Hoa": 1, "le van": 1, "hoa le": 0, "thi hoa le": 0, "hoa": 1,
				"030177894381 tran": 0, "030177894381 le": 1, "a1 tran thi h": 1, "tran thi hoa le": 0, "van an": 1, "le van an": 1, "thi hoa 030177894381": 1} {
				if n := find(q); n != want {
					t.Errorf("%s: %q found %d, want %d", when, q, n, want)
				}
			}
		}
		check("after 0028")
		// Run again (its record lost), it leaves the text as it was.
		if err := db.ExecForTest(ctx, `DELETE FROM giamngheo_migrations WHERE name LIKE '%0028%'`); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		check("after 0028 twice")

		// Households written after it: the words of a code with a digit before a
		// letter are completions of the last word like any other ("hb01" finds
		// HB01A and HB012).
		for _, code := range []string{"HB01A", "HB012"} {
			h := &registry.Household{ProvinceCode: "31", CommuneCode: "10813", Code: code, HeadName: "Lê Văn An",
				Members: []registry.Member{{Member: poverty.Member{Name: "Lê Văn An", Sex: poverty.Male, BirthDate: "1980-01-01"}, Relation: registry.RelationHead}}}
			if err := db.CreateHousehold(ctx, h); err != nil {
				t.Fatal(err)
			}
		}
		for q, want := range map[string]int{"hb01": 2, "hb01a": 1, "le van an": 3, "le van": 3, "le van a": 3, "hb01a le van": 1} {
			if n := find(q); n != want {
				t.Errorf("%q: %d, want %d", q, n, want)
			}
		}
	})
}
