package main

import (
	"context"

	"giamngheo/support"
)

// gapCounts sizes the worklists as the support page does: one walk for all of them.
func gapCounts(ctx context.Context, sup *support.Service, _ []support.GapSpec) error {
	_, err := sup.GapCounts(ctx)
	return err
}
