package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"giamngheo/registry"
)

// BeginImport marks where the import's rows begin. PostgreSQL keeps its indexes during
// an import: dropping one would take an exclusive lock on the table, and every reader
// of the registry would wait for the whole import.
func (db *DB) BeginImport(ctx context.Context, expectedMembers int64) (registry.ImportMark, error) {
	var m registry.ImportMark
	conn := txFrom(ctx)
	if conn == nil {
		return m, errors.New("postgres: BeginImport outside a transaction")
	}
	err := conn.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(id), 0) FROM households), (SELECT coalesce(max(id), 0) FROM members)`).
		Scan(&m.Household, &m.Member)
	return m, err
}

// FinishImport reorders, when asked, the households this transaction created since m
// (other sessions may have created households with greater ids meanwhile: xmin tells
// this transaction's rows) and their members, in commune order, with new ids.
func (db *DB) FinishImport(ctx context.Context, m registry.ImportMark, reorder bool) error {
	conn := txFrom(ctx)
	if conn == nil {
		return errors.New("postgres: FinishImport outside a transaction")
	}
	if !reorder {
		return nil
	}
	hcols, err := db.columns(ctx, "households", "id")
	if err != nil {
		return err
	}
	mcols, err := db.columns(ctx, "members", "id", "household_id")
	if err != nil {
		return err
	}
	steps := []string{
		`CREATE TEMP TABLE reorder_map ON COMMIT DROP AS
			SELECT id AS old_id, row_number() OVER (ORDER BY commune_code, id) AS k, 0::bigint AS new_id
			FROM households WHERE id > $1 AND xmin = pg_current_xact_id()::xid`,
		`UPDATE reorder_map r SET new_id = n.id FROM (
			SELECT row_number() OVER (ORDER BY id) AS k, id FROM (
				SELECT nextval('households_id_seq') AS id FROM generate_series(1, (SELECT count(*) FROM reorder_map))) s) n
			WHERE n.k = r.k`,
		`CREATE TEMP TABLE reorder_households ON COMMIT DROP AS SELECT r.new_id, ` + prefixed("h.", hcols) + `
			FROM reorder_map r JOIN households h ON h.id = r.old_id`,
		`CREATE TEMP TABLE reorder_members ON COMMIT DROP AS SELECT r.new_id AS new_household_id, ` + prefixed("m.", mcols) + `
			FROM reorder_map r JOIN members m ON m.household_id = r.old_id`,
		`DELETE FROM members WHERE household_id IN (SELECT old_id FROM reorder_map)`,
		`DELETE FROM households WHERE id IN (SELECT old_id FROM reorder_map)`,
		`INSERT INTO households (id, ` + hcols + `) SELECT new_id, ` + hcols + ` FROM reorder_households ORDER BY new_id`,
		`INSERT INTO members (household_id, ` + mcols + `) SELECT new_household_id, ` + mcols + ` FROM reorder_members ORDER BY new_household_id, seq`,
		`DROP TABLE reorder_map, reorder_households, reorder_members`,
	}
	for _, q := range steps {
		var err error
		if strings.Contains(q, "$1") {
			_, err = conn.ExecContext(ctx, q, m.Household)
		} else {
			_, err = conn.ExecContext(ctx, q)
		}
		if err != nil {
			return fmt.Errorf("reorder: %w", err)
		}
	}
	return nil
}

// columns lists the columns of table, in order, but the ones skipped, joined by commas.
func (db *DB) columns(ctx context.Context, table string, skip ...string) (string, error) {
	rows, err := db.q(ctx).QueryContext(ctx, `SELECT column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`, table)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return "", err
		}
		if !slices.Contains(skip, c) {
			cols = append(cols, c)
		}
	}
	return strings.Join(cols, ", "), rows.Err()
}

func prefixed(p, cols string) string {
	return p + strings.ReplaceAll(cols, ", ", ", "+p)
}

// FindNationalIDRepeats finds members whose national ID another household holds.
func (db *DB) FindNationalIDRepeats(ctx context.Context, q registry.RepeatQuery) ([]registry.NationalIDRepeat, error) {
	if q.Limit <= 0 {
		q.Limit = 100
	}
	where, args := `m.household_id = $1`, []any{q.Household}
	if q.Household == 0 {
		if q.SinceMember == 0 {
			return nil, nil
		}
		where, args = `m.id > $1 AND o.id <= $1`, []any{q.SinceMember}
	}
	rows, err := db.q(ctx).QueryContext(ctx, `SELECT m.national_id, m.household_id, h.code, m.seq, m.full_name,
		o.household_id, oh.code, oh.commune_code, o.full_name
		FROM members m JOIN members o ON o.national_id = m.national_id AND o.household_id <> m.household_id
		JOIN households h ON h.id = m.household_id
		JOIN households oh ON oh.id = o.household_id
		WHERE m.national_id <> '' AND o.national_id <> '' AND `+where+`
		ORDER BY m.household_id, m.seq, o.household_id LIMIT $2`, append(args, q.Limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return registry.ScanNationalIDRepeats(rows)
}

var _ registry.BulkImporter = (*DB)(nil)
