package report

import "context"

// RollupStore keeps the maintained roll-ups right: a recount and a rebuild for an
// operator (`giamngheo rollup verify|rebuild`) and for the tests.
type RollupStore interface {
	// VerifyRollups recounts over the households and returns every difference.
	VerifyRollups(ctx context.Context) ([]Mismatch, error)
	// RebuildRollups rewrites the roll-ups from the households and evens out the flows
	// on day (YYYY-MM-DD); it returns what it corrected.
	RebuildRollups(ctx context.Context, day string) ([]Mismatch, error)
}

// Store reads what the reports are made of: the maintained roll-ups and list flows.
type Store interface {
	RollupStore
	// RollupCells sums the roll-ups of the communes per commune (and village).
	RollupCells(ctx context.Context, communes []string, byVillage bool) ([]Cell, error)
	// RollupFlows sums the list flows up to the day to, Day "" before from and "in"
	// during the period.
	RollupFlows(ctx context.Context, communes []string, from, to string, byVillage bool) ([]Flow, error)
	// RollupProvinceCells sums the roll-ups of the nation per province (CommuneCode "").
	RollupProvinceCells(ctx context.Context) ([]Cell, error)
	// RollupProvinceFlows sums the list flows of the nation per province, as RollupFlows.
	RollupProvinceFlows(ctx context.Context, from, to string) ([]Flow, error)
}
