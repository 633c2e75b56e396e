package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"giamngheo/store"
	"giamngheo/store/storetest"
)

// TestStatusHistoryBackfillSQLite and …Postgres: migration 0014 fills the history of
// the recognised status from what was there before it: the decided cases of the review
// (with their round's decision number) and the status of households set otherwise.
func TestStatusHistoryBackfillSQLite(t *testing.T) {
	testStatusHistoryBackfill(t, MustOpenSQLite(t), "sqlite")
}

func TestStatusHistoryBackfillPostgres(t *testing.T) {
	testStatusHistoryBackfill(t, MustOpenPostgres(t), "postgres")
}

func testStatusHistoryBackfill(t *testing.T, db *store.DB, engine string) {
	ctx := context.Background()
	exec := func(q string, args ...any) {
		t.Helper()
		storetest.MustOK(t, db.ExecForTest(ctx, q, args...))
	}
	at := "2026-12-01T08:00:00Z"
	exec(`INSERT INTO households (province_code, commune_code, code, head_name, survey, class, version, created_at, updated_at,
		status, status_since, status_decided_on, status_decision, status_round_id, status_certificate)
		VALUES ('31', '10507', 'IMP-1', 'Nguyễn Văn An', '{}', 'poor', 1, $1, $1, 'poor', '2025-01-02', '2024-12-30', '201/QĐ-UBND', 0, 12)`, at)
	exec(`INSERT INTO households (province_code, commune_code, code, head_name, survey, class, version, created_at, updated_at)
		VALUES ('31', '10507', 'REV-1', 'Lê Thị Bình', '{}', 'not_poor', 1, $1, $1)`, at)
	round := func(year int, number string) {
		exec(`INSERT INTO review_rounds (province_code, commune_code, kind, year, month, reference_date, start_date, end_date, decision_due,
			posting_days, decision_number, created_at) VALUES ('31', '10507', 'periodic', $1, 0, $2, $2, $3, $3, 3, $4, $5)`,
			year, fmt.Sprintf("%d-09-01", year), fmt.Sprintf("%d-12-14", year), number, at)
	}
	round(2024, "7/QĐ-UBND")
	round(2025, "95/QĐ-UBND")
	decided := func(year int, class, day string, cert int) {
		exec(`INSERT INTO review_cases (round_id, household_id, province_code, commune_code, origin, state, final_class, decided_on, certificate_number, updated_at)
			VALUES ((SELECT id FROM review_rounds WHERE year = $1), (SELECT id FROM households WHERE code = 'REV-1'), '31', '10507', 'listed', 'decided', $2, $3, $4, $5)`,
			year, class, day, cert, at)
	}
	decided(2024, "poor", "2024-12-10", 7)
	decided(2025, "not_poor", "2025-12-12", 0)
	exec(`UPDATE households SET status_since = '2025-12-12', status_decided_on = '2025-12-12', status_decision = '95/QĐ-UBND',
		status_round_id = (SELECT id FROM review_rounds WHERE year = 2025) WHERE code = 'REV-1'`)
	// An open case is no decision.
	exec(`INSERT INTO review_cases (round_id, household_id, province_code, commune_code, origin, state, updated_at)
		VALUES ((SELECT id FROM review_rounds WHERE year = 2025), (SELECT id FROM households WHERE code = 'IMP-1'), '31', '10507', 'listed', 'surveyed', $1)`, at)

	// The migration's statements that fill the history, run on these rows.
	text, err := store.ReleasedMigrationForTest(engine, "migrations/0014_status_history.sql")
	storetest.MustOK(t, err)
	from, to := strings.Index(text, "INSERT INTO status_history"), strings.Index(text, "ALTER TABLE review_rounds")
	if from < 0 || to < from {
		t.Fatalf("migration 0014 has no backfill:\n%s", text)
	}
	exec(`DELETE FROM status_history`)
	for _, stmt := range strings.Split(text[from:to], ";") {
		if strings.TrimSpace(stmt) != "" {
			exec(stmt)
		}
	}
	history := func(code string) string {
		t.Helper()
		h, err := db.FindHouseholdByCode(ctx, "31", code)
		storetest.MustOK(t, err)
		hist, err := db.FindStatusHistory(ctx, h.ID)
		storetest.MustOK(t, err)
		var out []string
		for _, c := range hist {
			out = append(out, fmt.Sprintf("%s %s %s %s c%d", c.Class, c.Since, c.DecidedOn, c.DecisionNumber, c.Certificate))
		}
		return strings.Join(out, "; ")
	}
	if got, want := history("IMP-1"), "poor 2025-01-02 2024-12-30 201/QĐ-UBND c12"; got != want {
		t.Errorf("imported household's history = %q, want %q", got, want)
	}
	if got, want := history("REV-1"), " 2025-12-12 2025-12-12 95/QĐ-UBND c0; poor 2024-12-10 2024-12-10 7/QĐ-UBND c7"; got != want {
		t.Errorf("reviewed household's history = %q, want %q", got, want)
	}
}
