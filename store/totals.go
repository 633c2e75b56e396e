package store

import (
	"context"
	"slices"

	"giamngheo/report"
)

// RollupTotals sums the roll-ups of the given measures over the communes (nil: every
// commune) and, when village is set, that village only, per recognised status and
// measure (issue 13 item 8: the totals of lists and home pages, one indexed read).
func (db *DB) RollupTotals(ctx context.Context, communes []string, village *int64, measures []string) ([]report.Cell, error) {
	if communes != nil && len(communes) == 0 {
		return nil, nil
	}
	var w where
	if communes != nil {
		db.in(&w, "commune_code", communes)
	}
	if village != nil {
		w.add("village_id = ?", *village)
	}
	db.in(&w, "measure", measures)
	query := `SELECT status, measure, sum(n) FROM rollups WHERE ` + w.sql() + ` GROUP BY status, measure`
	cells, err := memoRollups(ctx, db, memoKey(query, w.args), func() ([]report.Cell, error) {
		rows, err := db.r(ctx).QueryContext(ctx, query, w.args...)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []report.Cell
		for rows.Next() {
			var c report.Cell
			if err := rows.Scan(&c.Status, &c.Measure, &c.N); err != nil {
				return nil, err
			}
			out = append(out, c)
		}
		return out, rows.Err()
	})
	// The memo's slice is shared: the caller gets its own.
	return slices.Clone(cells), err
}
