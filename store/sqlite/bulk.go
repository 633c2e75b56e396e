package sqlite

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"giamngheo/registry"
)

// An import large against the table builds the secondary indexes of households and
// members after its rows instead of updating them row by row: the members' national
// IDs are random keys, so each insert lands on another page of a B-tree far larger
// than the page cache (docs/benchmarks.md), and a file that is not in commune order
// does the same to the households' indexes. Kept: the indexes of constraints (the
// unique household code, checked as rows arrive) and members_household, which the
// import appends to in order and the reorder reads.
const deferredIndexesSQL = `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
	AND tbl_name IN ('households', 'members') AND name <> 'members_household' ORDER BY name`

// An import defers indexes when it brings at least this many members, and at least an
// eighth of the members already stored: below that, updating the index in place costs
// less than rebuilding it over the whole table.
const deferMinMembers = 10000

// BeginImport marks where the import's rows begin and, for a large import, drops the
// deferred indexes inside the import's transaction (FinishImport creates them again
// from the definitions kept in the mark; a rollback restores them untouched).
func (db *DB) BeginImport(ctx context.Context, expectedMembers int64) (registry.ImportMark, error) {
	var m registry.ImportMark
	tx := txFrom(ctx)
	if tx == nil {
		return m, errors.New("sqlite: BeginImport outside a transaction")
	}
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM households`).Scan(&m.Household); err != nil {
		return m, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM members`).Scan(&m.Member); err != nil {
		return m, err
	}
	if expectedMembers < deferMinMembers || expectedMembers*8 < m.Member {
		return m, nil
	}
	rows, err := tx.QueryContext(ctx, deferredIndexesSQL)
	if err != nil {
		return m, err
	}
	var names []string
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			rows.Close()
			return m, err
		}
		names = append(names, name)
		m.Deferred = append(m.Deferred, def)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return m, err
	}
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, `DROP INDEX `+name); err != nil {
			return m, err
		}
	}
	return m, nil
}

// FinishImport rebuilds the deferred indexes and, when asked, reorders the households
// created since m.
func (db *DB) FinishImport(ctx context.Context, m registry.ImportMark, reorder bool) error {
	tx := txFrom(ctx)
	if tx == nil {
		return errors.New("sqlite: FinishImport outside a transaction")
	}
	if reorder {
		// Before the deferred indexes are back, so that the rewrite does not update them.
		if err := db.reorder(ctx, m); err != nil {
			return fmt.Errorf("reorder: %w", err)
		}
	}
	for _, def := range m.Deferred {
		if _, err := tx.ExecContext(ctx, def); err != nil {
			return err
		}
	}
	return nil
}

// reorder rewrites the households created since m, and their members, in commune order.
func (db *DB) reorder(ctx context.Context, m registry.ImportMark) error {
	tx := txFrom(ctx)
	hcols, err := db.columns(ctx, "households", "id")
	if err != nil {
		return err
	}
	mcols, err := db.columns(ctx, "members", "id", "household_id")
	if err != nil {
		return err
	}
	// SQLite is a single writer: every household above the mark is this import's. They
	// take the same ids again, in commune order; their members are written again after
	// them, household by household, with new ids.
	copies := []string{
		`DROP TABLE IF EXISTS temp.reorder_map`,
		`DROP TABLE IF EXISTS temp.reorder_households`,
		`DROP TABLE IF EXISTS temp.reorder_members`,
		`CREATE TEMP TABLE reorder_map (old_id INTEGER PRIMARY KEY, new_id INTEGER NOT NULL)`,
		`INSERT INTO temp.reorder_map SELECT id, ?1 + row_number() OVER (ORDER BY commune_code, id) FROM households WHERE id > ?1`,
		`CREATE TEMP TABLE reorder_households AS SELECT r.new_id AS new_id, ` + prefixed("h.", hcols) + `
			FROM temp.reorder_map r JOIN households h ON h.id = r.old_id ORDER BY r.new_id`,
		`CREATE TEMP TABLE reorder_members AS SELECT r.new_id AS new_household_id, ` + prefixed("m.", mcols) + `
			FROM temp.reorder_map r JOIN members m ON m.household_id = r.old_id ORDER BY r.new_id, m.seq`,
	}
	inserts := []string{
		`INSERT INTO households (id, ` + hcols + `) SELECT new_id, ` + hcols + ` FROM temp.reorder_households ORDER BY rowid`,
		`INSERT INTO members (household_id, ` + mcols + `) SELECT new_household_id, ` + mcols + ` FROM temp.reorder_members ORDER BY rowid`,
		`DROP TABLE temp.reorder_map`,
		`DROP TABLE temp.reorder_households`,
		`DROP TABLE temp.reorder_members`,
	}
	exec := func(q string) error {
		var err error
		if strings.Contains(q, "?1") {
			_, err = tx.ExecContext(ctx, q, m.Household)
		} else {
			_, err = tx.ExecContext(ctx, q)
		}
		return err
	}
	for _, q := range copies {
		if err := exec(q); err != nil {
			return err
		}
	}
	// The old rows go in slices of households: a DELETE gathers the rowids it removes in
	// memory first (about 20 bytes each, 45 MB for a province's members at once).
	var top int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM households`).Scan(&top); err != nil {
		return err
	}
	for lo := m.Household; lo < top; lo += reorderSlice {
		hi := min(lo+reorderSlice, top)
		if _, err := tx.ExecContext(ctx, `DELETE FROM members WHERE household_id > ? AND household_id <= ?`, lo, hi); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM households WHERE id > ? AND id <= ?`, lo, hi); err != nil {
			return err
		}
	}
	for _, q := range inserts {
		if err := exec(q); err != nil {
			return err
		}
	}
	return nil
}

// reorderSlice is how many households a DELETE of the reorder removes at once.
var reorderSlice int64 = 20000

// columns lists the columns of table, in order, but the ones skipped, joined by commas:
// the reorder copies whatever the migrations have added.
func (db *DB) columns(ctx context.Context, table string, skip ...string) (string, error) {
	rows, err := db.w(ctx).QueryContext(ctx, `SELECT name FROM pragma_table_info(?) ORDER BY cid`, table)
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
	var join, where string
	var args []any
	switch {
	case q.Household != 0:
		join, where, args = `members m JOIN members o`, `m.household_id = ?`, []any{q.Household}
	default:
		// The smaller side drives the join (CROSS JOIN fixes SQLite's loop order): a
		// province loaded into an empty registry has nothing before the mark.
		var top int64
		if err := db.r(ctx).QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM members`).Scan(&top); err != nil {
			return nil, err
		}
		if q.SinceMember == 0 || top <= q.SinceMember {
			return nil, nil
		}
		join = `members m CROSS JOIN members o`
		if top-q.SinceMember > q.SinceMember {
			join = `members o CROSS JOIN members m`
		}
		where, args = `m.id > ? AND o.id <= ?`, []any{q.SinceMember, q.SinceMember}
	}
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT m.national_id, m.household_id, h.code, m.seq, m.full_name,
		o.household_id, oh.code, oh.commune_code, o.full_name
		FROM `+join+` ON o.national_id = m.national_id AND o.household_id <> m.household_id
		JOIN households h ON h.id = m.household_id
		JOIN households oh ON oh.id = o.household_id
		WHERE m.national_id <> '' AND o.national_id <> '' AND `+where+`
		ORDER BY m.household_id, m.seq, o.household_id LIMIT ?`, append(args, q.Limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return registry.ScanNationalIDRepeats(rows)
}

var _ registry.BulkImporter = (*DB)(nil)
