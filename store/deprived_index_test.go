package store_test

import (
	"context"
	"strings"
	"testing"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/store"
)

// TestDeprivedIndexes: migration 0028 creates one partial index per indicator, and
// the condition a list filtered by an indicator writes is the index's: SQLite reads
// such a list through it.
func TestDeprivedIndexes(t *testing.T) {
	onEachEngine(t, func(t *testing.T, engine string, db *store.DB) {
		ctx := context.Background()
		list := `SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'households_deprived_%'`
		if engine == "postgres" {
			list = `SELECT count(*) FROM pg_indexes WHERE tablename = 'households' AND indexname LIKE 'households_deprived_%' AND schemaname = current_schema()`
		}
		if n, err := db.QueryStringForTest(ctx, list); err != nil || n != "13" || len(poverty.IndicatorKeys) != 13 {
			t.Fatalf("%s indexes (%v), want one per indicator (%d)", n, err, len(poverty.IndicatorKeys))
		}
		// A large import (SQLite drops and builds again its other indexes) leaves them.
		sys := giamngheo.NewContextWithActor(ctx, giamngheo.System)
		if err := db.WithTx(sys, func(ctx context.Context) error {
			mark, err := db.BeginImport(ctx, 50_000)
			if err != nil {
				return err
			}
			return db.FinishImport(ctx, mark, true)
		}); err != nil {
			t.Fatal(err)
		}
		if n, err := db.QueryStringForTest(ctx, list); err != nil || n != "13" {
			t.Fatalf("after a large import, %s indexes (%v), want 13", n, err)
		}
		if engine != "sqlite" {
			return
		}
		cond, args := store.DeprivedCondForTest(poverty.IndicatorWater)
		if len(args) != 0 {
			t.Fatalf("the condition of an indicator of the catalogue takes arguments: %q %v", cond, args)
		}
		plan, err := db.QueryLastColumnsForTest(ctx, `EXPLAIN QUERY PLAN SELECT * FROM households WHERE commune_code = '10813' AND `+
			cond+` ORDER BY commune_code, code LIMIT 51`)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(plan, "households_deprived_water") {
			t.Errorf("plan %q does not read households_deprived_water", plan)
		}
	})
}
