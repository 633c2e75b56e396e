package plan

import (
	"context"
)

// Store persists plans, the figures agencies enter and their progress reports. Writes
// use the transaction carried by ctx.
type Store interface {
	// InsertPlan stores a new plan (version 1); ECONFLICT when the province already
	// has a plan for the year.
	InsertPlan(ctx context.Context, p *Plan) error
	// FindPlan returns the province's plan for the year, or ENOTFOUND.
	FindPlan(ctx context.Context, province string, year int) (*Plan, error)
	// FindPlanYears returns the years the province has a plan for, oldest first.
	FindPlanYears(ctx context.Context, province string) ([]int, error)
	// UpdatePlan stores p if p.Version is the stored version and increments it;
	// ECONFLICT when the plan was changed since p was read.
	UpdatePlan(ctx context.Context, p *Plan) error
	// InsertPlanFigure stores an entered figure.
	InsertPlanFigure(ctx context.Context, f *Figure) error
	// FindPlanFigures returns the plan's figures, oldest first.
	FindPlanFigures(ctx context.Context, planID int64) ([]*Figure, error)
	// SavePlanReport inserts the agency's report when r.Version is 0 (ECONFLICT when
	// one exists) or updates it when r.Version is the stored version (ECONFLICT
	// otherwise); r.Version becomes the stored version.
	SavePlanReport(ctx context.Context, r *Report) error
	// FindPlanReports returns the plan's reports, by agency.
	FindPlanReports(ctx context.Context, planID int64) ([]*Report, error)
}

// Rollups is what the plan reads of the maintained roll-ups: the poor-household rate
// of a province is summed from them, never counted over its households.
type Rollups interface {
	// RollupStatusCounts sums one measure over the communes, by recognised status.
	RollupStatusCounts(ctx context.Context, communes []string, measure string) (map[string]int64, error)
}
