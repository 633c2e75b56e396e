package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"giamngheo"
	"giamngheo/plan"
)

// InsertPlan stores a new plan at version 1.
func (db *DB) InsertPlan(ctx context.Context, p *plan.Plan) error {
	data, err := json.Marshal(p.Doc)
	if err != nil {
		return err
	}
	p.Version = 1
	err = db.w(ctx).QueryRowContext(ctx, `INSERT INTO plans (province_code, year, data, version, created_at, updated_at)
		VALUES ($1, $2, $3, 1, $4, $5) RETURNING id`, p.ProvinceCode, p.Year, string(data), db.t(p.CreatedAt), db.t(p.UpdatedAt)).Scan(&p.ID)
	if err != nil {
		return db.conflict(err, "Tỉnh %s đã có kế hoạch năm %d.", "Province %s already has a plan for %d.", p.ProvinceCode, p.Year)
	}
	return nil
}

// FindPlan returns the province's plan for the year.
func (db *DB) FindPlan(ctx context.Context, province string, year int) (*plan.Plan, error) {
	p := &plan.Plan{}
	var data string
	err := db.r(ctx).QueryRowContext(ctx, `SELECT id, province_code, year, CAST(data AS TEXT), version, created_at, updated_at
		FROM plans WHERE province_code = $1 AND year = $2`, province, year).
		Scan(&p.ID, &p.ProvinceCode, &p.Year, &data, &p.Version, scanTime(&p.CreatedAt), scanTime(&p.UpdatedAt))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, giamngheo.Errorf(giamngheo.ENOTFOUND, "Tỉnh %s chưa có kế hoạch năm %d.", "Province %s has no plan for %d.", province, year)
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(data), &p.Doc); err != nil {
		return nil, err
	}
	return p, nil
}

// FindPlanYears returns the years the province has a plan for, oldest first.
func (db *DB) FindPlanYears(ctx context.Context, province string) ([]int, error) {
	return column[int](ctx, db.r(ctx), `SELECT year FROM plans WHERE province_code = $1 ORDER BY year`, province)
}

func errStalePlan() error {
	return giamngheo.Errorf(giamngheo.ECONFLICT, "Kế hoạch đã được người khác sửa: tải lại trang rồi sửa lại.",
		"The plan was changed by someone else: reload the page and edit again.")
}

// UpdatePlan stores p if its version is the stored one, and increments the version.
func (db *DB) UpdatePlan(ctx context.Context, p *plan.Plan) error {
	data, err := json.Marshal(p.Doc)
	if err != nil {
		return err
	}
	res, err := db.w(ctx).ExecContext(ctx, `UPDATE plans SET data = $1, version = version + 1, updated_at = $2
		WHERE province_code = $3 AND year = $4 AND version = $5`, string(data), db.t(p.UpdatedAt), p.ProvinceCode, p.Year, p.Version)
	if err != nil {
		return db.formatError(err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return errStalePlan()
	}
	p.Version++
	return nil
}

// InsertPlanFigure stores an entered figure.
func (db *DB) InsertPlanFigure(ctx context.Context, f *plan.Figure) error {
	err := db.w(ctx).QueryRowContext(ctx, `INSERT INTO plan_figures (plan_id, target, unit_code, agency, value, evidence, as_of, entered_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		f.PlanID, f.Target, f.Unit, f.Agency, f.Value, f.Evidence, f.AsOf, f.EnteredBy, db.t(f.CreatedAt)).Scan(&f.ID)
	return db.formatError(err)
}

// FindPlanFigures returns the plan's figures, oldest first.
func (db *DB) FindPlanFigures(ctx context.Context, planID int64) ([]*plan.Figure, error) {
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT id, plan_id, target, unit_code, agency, value, evidence, as_of, entered_by, created_at
		FROM plan_figures WHERE plan_id = $1 ORDER BY as_of, id`, planID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*plan.Figure
	for rows.Next() {
		f := &plan.Figure{}
		if err := rows.Scan(&f.ID, &f.PlanID, &f.Target, &f.Unit, &f.Agency, &f.Value, &f.Evidence, &f.AsOf, &f.EnteredBy, scanTime(&f.CreatedAt)); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// reportDoc is what plan_reports.data holds.
type reportDoc struct {
	Narrative string           `json:"narrative"`
	Areas     []plan.AreaNote  `json:"areas,omitempty"`
	Money     []plan.MoneyLine `json:"money,omitempty"`
}

// SavePlanReport inserts (r.Version 0) or updates (r.Version the stored one) the
// agency's report.
func (db *DB) SavePlanReport(ctx context.Context, r *plan.Report) error {
	data, err := json.Marshal(reportDoc{r.Narrative, r.Areas, r.Money})
	if err != nil {
		return err
	}
	stale := giamngheo.Errorf(giamngheo.ECONFLICT, "Báo cáo đã được sửa từ lúc bạn mở: tải lại trang rồi nhập lại.",
		"The report was changed since you opened it: reload the page and enter it again.")
	if r.Version == 0 {
		err := db.w(ctx).QueryRowContext(ctx, `INSERT INTO plan_reports (plan_id, agency, version, data, submitted_at, submitted_by, updated_at)
			VALUES ($1, $2, 1, $3, $4, $5, $6) RETURNING id`, r.PlanID, r.Agency, string(data), db.t(r.SubmittedAt), r.SubmittedBy, db.t(r.UpdatedAt)).Scan(&r.ID)
		if err != nil {
			if db.dialect.violation(err) == "unique" {
				return stale
			}
			return db.formatError(err)
		}
		r.Version = 1
		return nil
	}
	res, err := db.w(ctx).ExecContext(ctx, `UPDATE plan_reports SET data = $1, version = version + 1, submitted_by = $2, updated_at = $3
		WHERE plan_id = $4 AND agency = $5 AND version = $6`, string(data), r.SubmittedBy, db.t(r.UpdatedAt), r.PlanID, r.Agency, r.Version)
	if err != nil {
		return db.formatError(err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return stale
	}
	r.Version++
	return nil
}

// FindPlanReports returns the plan's reports, by agency.
func (db *DB) FindPlanReports(ctx context.Context, planID int64) ([]*plan.Report, error) {
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT id, plan_id, agency, version, CAST(data AS TEXT), submitted_at, submitted_by, updated_at
		FROM plan_reports WHERE plan_id = $1 ORDER BY agency`, planID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*plan.Report
	for rows.Next() {
		r := &plan.Report{}
		var data string
		if err := rows.Scan(&r.ID, &r.PlanID, &r.Agency, &r.Version, &data, scanTime(&r.SubmittedAt), &r.SubmittedBy, scanTime(&r.UpdatedAt)); err != nil {
			return nil, err
		}
		var d reportDoc
		if err := json.Unmarshal([]byte(data), &d); err != nil {
			return nil, err
		}
		r.Narrative, r.Areas, r.Money = d.Narrative, d.Areas, d.Money
		out = append(out, r)
	}
	return out, rows.Err()
}
