package store

import (
	"context"
	"encoding/json"

	"giamngheo"
	"giamngheo/report"
)

// Submissions and frozen figures of the reports (report.ApprovalStore, issue 14).

// FindSubmissions returns the submissions of the units for a period.
func (db *DB) FindSubmissions(ctx context.Context, units []string, period int) ([]report.Submission, error) {
	if len(units) == 0 {
		return nil, nil
	}
	var w where
	w.add(`period = ?`, period)
	db.in(&w, "unit_code", units)
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT unit_code, period, state, comment, submitted_by, submitted_at, decided_by, decided_at, version
		FROM report_submissions WHERE `+w.sql()+` ORDER BY unit_code`, w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []report.Submission
	for rows.Next() {
		var s report.Submission
		if err := rows.Scan(&s.Unit, &s.Period, &s.State, &s.Comment, &s.SubmittedBy, scanTime(&s.SubmittedAt), &s.DecidedBy, scanTime(&s.DecidedAt), &s.Version); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// SaveSubmission stores s if the stored version is base (0: none stored).
func (db *DB) SaveSubmission(ctx context.Context, s *report.Submission, base int) error {
	return db.WithTx(ctx, func(ctx context.Context) error {
		conn := txFrom(ctx)
		args := []any{s.State, s.Comment, s.SubmittedBy, db.t(s.SubmittedAt), s.DecidedBy, db.t(s.DecidedAt), base + 1, s.Unit, s.Period}
		if base == 0 {
			_, err := conn.ExecContext(ctx, `INSERT INTO report_submissions (state, comment, submitted_by, submitted_at, decided_by, decided_at, version, unit_code, period)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, args...)
			if err != nil {
				return db.conflict(err, "Trạng thái báo cáo đã thay đổi: hãy tải lại trang.", "The report's state changed: reload the page.")
			}
		} else {
			res, err := conn.ExecContext(ctx, `UPDATE report_submissions SET state = $1, comment = $2, submitted_by = $3, submitted_at = $4, decided_by = $5,
				decided_at = $6, version = $7 WHERE unit_code = $8 AND period = $9 AND version = $10`, append(args, base)...)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return giamngheo.Errorf(giamngheo.ECONFLICT, "Trạng thái báo cáo đã thay đổi: hãy tải lại trang.", "The report's state changed: reload the page.")
			}
		}
		s.Version = base + 1
		return nil
	})
}

type frozenData struct {
	Cells []report.Cell `json:"cells"`
	Flows []report.Flow `json:"flows"`
}

// Freeze keeps the frozen figures of communes for a period.
func (db *DB) Freeze(ctx context.Context, period int, fs []report.Frozen) error {
	return db.WithTx(ctx, func(ctx context.Context) error {
		for _, f := range fs {
			data, err := json.Marshal(frozenData{f.Cells, f.Flows})
			if err != nil {
				return err
			}
			if _, err := txFrom(ctx).ExecContext(ctx, `INSERT INTO report_frozen (period, commune_code, approval, data) VALUES ($1, $2, $3, $4)`,
				period, f.Commune, f.Approval, string(data)); err != nil {
				return db.formatError(err)
			}
		}
		return nil
	})
}

// Unfreeze drops the frozen figures an approval of unit made for a period.
func (db *DB) Unfreeze(ctx context.Context, period int, approval string) error {
	_, err := db.w(ctx).ExecContext(ctx, `DELETE FROM report_frozen WHERE period = $1 AND approval = $2`, period, approval)
	return err
}

// FrozenCommunes returns the frozen figures of those communes that have them.
func (db *DB) FrozenCommunes(ctx context.Context, period int, communes []string) (map[string]*report.Frozen, error) {
	if len(communes) == 0 {
		return nil, nil
	}
	var w where
	w.add(`period = ?`, period)
	db.in(&w, "commune_code", communes)
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT commune_code, approval, CAST(data AS TEXT) FROM report_frozen WHERE `+w.sql(), w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]*report.Frozen{}
	for rows.Next() {
		var f report.Frozen
		var data string
		if err := rows.Scan(&f.Commune, &f.Approval, &data); err != nil {
			return nil, err
		}
		var d frozenData
		if err := json.Unmarshal([]byte(data), &d); err != nil {
			return nil, err
		}
		f.Cells, f.Flows = d.Cells, d.Flows
		out[f.Commune] = &f
	}
	return out, rows.Err()
}

var _ report.ApprovalStore = (*DB)(nil)
