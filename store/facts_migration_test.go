package store_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"giamngheo/poverty"
	"giamngheo/simulate"
	"giamngheo/store"
)

// TestFactsMigrationFillsExistingDatabase: a database whose households were stored
// before migration 0023 gets the compact form of each one's answers from its survey
// and members (ADR 0014); a household whose answers are not valid keeps none, and the
// simulation's stream then gives its answers.
func TestFactsMigrationFillsExistingDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db := mustMigrate(t)(store.OpenSQLite(ctx, path))
	db.Close()
	if err := store.ExecRawForTest(path, `ALTER TABLE households DROP COLUMN facts;
		INSERT INTO households (id, province_code, commune_code, code, head_name, survey, class, deprived, deprivation_count, standard_id, created_at, updated_at, status)
		VALUES (1, '31', '10813', 'A1', 'Lò Thị Mai', '{"income_12m":12000000,"water_source":"surface","latrine":"none","floor_area_m2":20,"telecom":false}', 'poor', '', 0, '2022-2026', '2026-01-01', '2026-01-01', ''),
		       (2, '31', '10813', 'A2', 'Trần Văn Cụ', '{"income_12m":1000}', 'not_poor', '', 0, '2022-2026', '2026-01-01', '2026-01-01', '');
		INSERT INTO members (id, household_id, province_code, seq, full_name, sex, birth_date, relation, ethnicity, national_id, answers)
		VALUES (1, 1, '31', 0, 'Lò Thị Mai', 'female', '1985-01-01', 'head', 'Tày', '', '{"name":"Lò Thị Mai","sex":"female","birth_date":"1985-01-01","health_insurance":false,"employment":"unemployed"}'),
		       (2, 1, '31', 1, 'Lò Văn An', 'male', '2014-01-01', 'child', 'Tày', '', '{"name":"Lò Văn An","sex":"male","birth_date":"2014-01-01","schooling":"studying"}'),
		       (3, 2, '31', 0, 'Trần Văn Cụ', 'male', '1936-01-01', 'head', 'kinh', '', '{"name":"Trần Văn Cụ","sex":"unknown","birth_date":"1936-01-01"}');
		DELETE FROM giamngheo_migrations WHERE name LIKE '%0023%';`); err != nil {
		t.Fatal(err)
	}
	db = mustMigrate(t)(store.OpenSQLite(ctx, path))
	defer db.Close()
	var got []simulate.Household
	if err := db.EachSurvey(ctx, nil, func(h *simulate.Household) error {
		x := *h
		x.Facts = append([]byte(nil), h.Facts...)
		x.Answers.Members = append([]poverty.Member(nil), h.Answers.Members...)
		got = append(got, x)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Code != "A1" || got[0].Facts == nil || got[1].Facts != nil || len(got[1].Answers.Members) != 1 {
		t.Fatalf("after 0023: %+v", got)
	}
	std, err := poverty.StandardByID("2022-2026")
	if err != nil {
		t.Fatal(err)
	}
	ref := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	var r poverty.Result
	if err := poverty.ClassifyFacts(&r, got[0].Facts, std, poverty.Rural, poverty.DateOf(ref)); err != nil {
		t.Fatal(err)
	}
	// 12,000,000 VND over 12 months and 2 members: 500,000 a month, under the line;
	// deprived in employment, health insurance, water, latrine and telecom.
	if r.Class != poverty.Poor || r.Income.PerCapita != 500_000 || r.DeprivationCount != 5 {
		t.Fatalf("A1 from its compact form: %+v", r)
	}
	if _, err := poverty.Classify(&got[1].Answers, std, poverty.Rural, ref, nil); err == nil {
		t.Fatal("A2's answers classified: the member's sex is not valid")
	}
}
