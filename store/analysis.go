package store

import (
	"context"

	"giamngheo/report"
)

// RollupProfiles sums the households per deprivation profile (roll-up measures
// "set:<standard>:<deprived>", ADR 0012) and recognised status: per village of the
// communes, per commune, per province, or in one sum (q.By "village", "commune",
// "province", ""); q.Communes nil is every commune of the nation. It reads roll-up rows,
// never the households.
func (db *DB) RollupProfiles(ctx context.Context, q report.ProfileQuery) ([]report.Cell, error) {
	if q.Communes != nil && len(q.Communes) == 0 {
		return nil, nil
	}
	var w where
	if q.Communes != nil {
		db.in(&w, "commune_code", q.Communes)
	}
	w.add("measure LIKE ?", report.MeasureProfilePfx+"%")
	cols, group := "'', '', 0", ""
	switch q.By {
	case "village":
		cols, group = "'', commune_code, village_id", "commune_code, village_id, "
	case "commune":
		cols, group = "'', commune_code, 0", "commune_code, "
	case "province":
		cols, group = "province_code, '', 0", "province_code, "
	}
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT `+cols+`, status, measure, sum(n) FROM rollups WHERE `+w.sql()+`
		GROUP BY `+group+`status, measure`, w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []report.Cell
	for rows.Next() {
		var c report.Cell
		if err := rows.Scan(&c.ProvinceCode, &c.CommuneCode, &c.VillageID, &c.Status, &c.Measure, &c.N); err != nil {
			return nil, err
		}
		if c.N != 0 {
			out = append(out, c)
		}
	}
	return out, rows.Err()
}

var _ report.ProfileStore = (*DB)(nil)
