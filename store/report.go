package store

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"giamngheo/report"
)

// RollupCells sums the maintained roll-ups of the communes, one cell per commune (and
// village, when byVillage), recognised status and measure: reports read these, never
// the households.
func (db *DB) RollupCells(ctx context.Context, communes []string, byVillage bool) ([]report.Cell, error) {
	if len(communes) == 0 {
		return nil, nil
	}
	var w where
	db.in(&w, "commune_code", communes)
	// The deprivation profiles are read by the analysis only (RollupProfiles).
	w.add("measure NOT LIKE ?", report.MeasureProfilePfx+"%")
	return db.rollupCellsWhere(ctx, w, byVillage)
}

// rollupCellsWhere sums the roll-ups of w per commune (and village), status and measure.
func (db *DB) rollupCellsWhere(ctx context.Context, w where, byVillage bool) ([]report.Cell, error) {
	village, group := "0", ""
	if byVillage {
		village, group = "village_id", "village_id, "
	}
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT commune_code, `+village+`, status, measure, sum(n) FROM rollups WHERE `+w.sql()+`
		GROUP BY commune_code, `+group+`status, measure`, w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []report.Cell
	for rows.Next() {
		var c report.Cell
		if err := rows.Scan(&c.CommuneCode, &c.VillageID, &c.Status, &c.Measure, &c.N); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// RollupCellsOf is RollupCells of the measures given and those beginning with one of
// prefixes only (report.CellsReader): a report reads its own rows of the roll-ups, not
// every measure of the province.
func (db *DB) RollupCellsOf(ctx context.Context, communes []string, byVillage bool, measures, prefixes []string) ([]report.Cell, error) {
	if len(communes) == 0 || len(measures)+len(prefixes) == 0 {
		return nil, nil
	}
	var w where
	db.in(&w, "commune_code", communes)
	var conds []string
	var args []any
	if len(measures) > 0 {
		c, a := db.dialect.anyOf("measure", measures)
		conds, args = append(conds, c), append(args, a...)
	}
	for _, p := range prefixes {
		c, a := db.dialect.startsWith("measure", p)
		conds, args = append(conds, c), append(args, a...)
	}
	w.add("("+strings.Join(conds, " OR ")+")", args...)
	return db.rollupCellsWhere(ctx, w, byVillage)
}

// RollupFlows sums the list flows of the communes up to the day to (YYYY-MM-DD,
// inclusive), per commune (and village), status and kind: Day is "" for the flows before
// from (they make the start of the period) and "in" for those of the period.
func (db *DB) RollupFlows(ctx context.Context, communes []string, from, to string, byVillage bool) ([]report.Flow, error) {
	if len(communes) == 0 {
		return nil, nil
	}
	var w where
	db.in(&w, "commune_code", communes)
	w.add("day <= ?", to)
	// Summed here rather than by a GROUP BY on the part of the period: the engine's
	// grouping on that expression cost ten times the read of the rows (issue 14 item 9).
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT commune_code, village_id, status, kind, day, households, persons FROM rollup_flows WHERE `+w.sql(), w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	type flowKey struct {
		commune         string
		village         int64
		status, kind    string
		duringThePeriod bool
	}
	at := map[flowKey]int{}
	var out []report.Flow
	for rows.Next() {
		var f report.Flow
		var kind, day string
		if err := rows.Scan(&f.CommuneCode, &f.VillageID, &f.Status, &kind, &day, &f.Households, &f.Persons); err != nil {
			return nil, err
		}
		if !byVillage {
			f.VillageID = 0
		}
		f.Kind = report.FlowKind(kind)
		if day >= from {
			f.Day = "in"
		}
		k := flowKey{f.CommuneCode, f.VillageID, f.Status, kind, f.Day == "in"}
		if i, ok := at[k]; ok {
			out[i].Households += f.Households
			out[i].Persons += f.Persons
			continue
		}
		at[k] = len(out)
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b report.Flow) int {
		return cmp.Or(cmp.Compare(a.CommuneCode, b.CommuneCode), cmp.Compare(a.VillageID, b.VillageID), cmp.Compare(a.Status, b.Status),
			cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Day, b.Day))
	})
	return out, nil
}

// RollupProvinceCells sums the maintained roll-ups of the nation per province (the
// province a commune's row was last written in), status and measure.
func (db *DB) RollupProvinceCells(ctx context.Context) ([]report.Cell, error) {
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT province_code, status, measure, sum(n) FROM rollups WHERE measure NOT LIKE $1
		GROUP BY province_code, status, measure`, report.MeasureProfilePfx+"%")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []report.Cell
	for rows.Next() {
		var c report.Cell
		if err := rows.Scan(&c.ProvinceCode, &c.Status, &c.Measure, &c.N); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// RollupProvinceFlows sums the list flows of the nation up to the day to per province,
// status and kind; Day is "" before from and "in" during the period, as RollupFlows.
func (db *DB) RollupProvinceFlows(ctx context.Context, from, to string) ([]report.Flow, error) {
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT province_code, status, kind, CASE WHEN day < $1 THEN '' ELSE 'in' END,
		sum(households), sum(persons) FROM rollup_flows WHERE day <= $2
		GROUP BY province_code, status, kind, CASE WHEN day < $1 THEN '' ELSE 'in' END`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []report.Flow
	for rows.Next() {
		var f report.Flow
		var kind string
		if err := rows.Scan(&f.ProvinceCode, &f.Status, &kind, &f.Day, &f.Households, &f.Persons); err != nil {
			return nil, err
		}
		f.Kind = report.FlowKind(kind)
		out = append(out, f)
	}
	return out, rows.Err()
}

// RollupStatusCounts sums one measure of the roll-ups over the communes, by recognised
// status (the rates of the support and plan pages read households this way, through
// the index rollups_measure of migration 0012).
func (db *DB) RollupStatusCounts(ctx context.Context, communes []string, measure string) (map[string]int64, error) {
	out := map[string]int64{}
	if len(communes) == 0 {
		return out, nil
	}
	var w where
	w.add("measure = ?", measure)
	db.in(&w, "commune_code", communes)
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT status, sum(n) FROM rollups WHERE `+w.sql()+` GROUP BY status`, w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var status string
		var n int64
		if err := rows.Scan(&status, &n); err != nil {
			return nil, err
		}
		out[status] += n
	}
	return out, rows.Err()
}
