package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"giamngheo/registry"
)

// ImportHouseholds stores new households with their members in one transaction,
// through the engine's bulk path (multi-row INSERTs on SQLite, COPY on PostgreSQL).
func (db *DB) ImportHouseholds(ctx context.Context, hs []*registry.Household) error {
	if len(hs) == 0 {
		return nil
	}
	return db.WithTx(ctx, func(ctx context.Context) error {
		if err := db.dialect.importHouseholds(ctx, db, txFrom(ctx), hs); err != nil {
			return err
		}
		// issue 14: the roll-ups change in the same transaction (store/rollup.go).
		return db.rollupImported(ctx, hs)
	})
}

// BeginImport marks where the import's rows begin and lets the engine prepare for a
// large import (SQLite defers indexes).
func (db *DB) BeginImport(ctx context.Context, expectedMembers int64) (registry.ImportMark, error) {
	var m registry.ImportMark
	conn := txFrom(ctx)
	if conn == nil {
		return m, errors.New("store: BeginImport outside a transaction")
	}
	if err := conn.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(id), 0) FROM households), (SELECT coalesce(max(id), 0) FROM members)`).
		Scan(&m.Household, &m.Member); err != nil {
		return m, err
	}
	return m, db.dialect.beginImport(ctx, db, conn, expectedMembers, &m)
}

// FinishImport ends what BeginImport began and, when asked, reorders the households
// created since m, and their members, in commune order.
func (db *DB) FinishImport(ctx context.Context, m registry.ImportMark, reorder bool) error {
	conn := txFrom(ctx)
	if conn == nil {
		return errors.New("store: FinishImport outside a transaction")
	}
	return db.dialect.finishImport(ctx, db, conn, m, reorder)
}

// execSteps runs statements in order, with arg as $1 where they take it.
func execSteps(ctx context.Context, conn *sql.Conn, arg any, steps ...string) error {
	for _, q := range steps {
		var err error
		if strings.Contains(q, "$1") {
			_, err = conn.ExecContext(ctx, q, arg)
		} else {
			_, err = conn.ExecContext(ctx, q)
		}
		if err != nil {
			return fmt.Errorf("reorder: %w", err)
		}
	}
	return nil
}

// reorderColumns lists the columns a reorder copies, whatever the migrations have
// added: the households' but id, the members' but id and household_id.
func (db *DB) reorderColumns(ctx context.Context) (hcols, mcols string, err error) {
	if hcols, err = db.columns(ctx, "households", "id"); err != nil {
		return "", "", err
	}
	mcols, err = db.columns(ctx, "members", "id", "household_id")
	return hcols, mcols, err
}

// columns lists the columns of table, in order, but the ones skipped, joined by commas.
func (db *DB) columns(ctx context.Context, table string, skip ...string) (string, error) {
	rows, err := db.w(ctx).QueryContext(ctx, db.dialect.columnsSQL(), table)
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
	join, w := `members m JOIN members o`, &where{}
	if q.Household != 0 {
		// The household's own IDs are read first and restrict the other side: without
		// them PostgreSQL estimates the join from the most common value of the column,
		// '' (a fifth of the members), and read every household of the province for a
		// household page (122 ms instead of 0.4 at 650,000 households, issue 13 item 8).
		ids, err := db.householdNationalIDs(ctx, q.Household)
		if err != nil || len(ids) == 0 {
			return nil, err
		}
		w.add("m.household_id = ?", q.Household)
		cond, args := db.dialect.anyOfTexts("o.national_id", ids)
		w.add(cond, args...)
	} else {
		var top int64
		if err := db.r(ctx).QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM members`).Scan(&top); err != nil {
			return nil, err
		}
		if q.SinceMember == 0 || top <= q.SinceMember {
			return nil, nil
		}
		// The smaller side drives the join: a province loaded into an empty registry has
		// nothing before the mark.
		join = `members m ` + db.dialect.fixedJoin() + ` members o`
		if top-q.SinceMember > q.SinceMember {
			join = `members o ` + db.dialect.fixedJoin() + ` members m`
		}
		w.add("m.id > ? AND o.id <= ?", q.SinceMember, q.SinceMember)
	}
	limit := w.next(q.Limit)
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT m.national_id, m.household_id, h.code, m.seq, m.full_name,
		o.household_id, oh.code, oh.commune_code, o.full_name
		FROM `+join+` ON o.national_id = m.national_id AND o.household_id <> m.household_id
		JOIN households h ON h.id = m.household_id
		JOIN households oh ON oh.id = o.household_id
		WHERE m.national_id <> '' AND o.national_id <> '' AND `+w.sql()+`
		ORDER BY m.household_id, m.seq, o.household_id LIMIT `+limit[0], w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return registry.ScanNationalIDRepeats(rows)
}

var _ registry.BulkImporter = (*DB)(nil)

// householdNationalIDs are the national IDs of the household's members.
func (db *DB) householdNationalIDs(ctx context.Context, household int64) ([]string, error) {
	return column[string](ctx, db.r(ctx), `SELECT national_id FROM members WHERE household_id = $1 AND national_id <> ''`, household)
}
