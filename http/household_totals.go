package http

import (
	"context"
	"slices"
	"strings"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/report"
)

// Totals of household lists and home figures at a province's size (issue 13 item 8):
// a page never counts the households of a province. A filter the maintained roll-ups
// cover (scope, commune, village, recognised status, and one of indicator, survey
// class, "needs review") takes
// its total from them (store/rollup.go, exact, kept by every write); any other filter
// counts at most listCountBound households and says "more than" beyond.

// listCountBound is how many matches a list counts when the roll-ups do not cover its
// filter; a search counts searchCountBound (it is for finding a household, and each
// match costs a read of the search index).
const (
	listCountBound   = 1000
	searchCountBound = 100
)

// listTotal is the total a household list shows.
type listTotal struct {
	N int
	// More: there are more than N (the count stopped at listCountBound).
	More bool
}

// scopeCommunes are the communes of the user's scope (nil for a national user: all).
func (s *Server) scopeCommunes(ctx context.Context) ([]string, error) {
	a := giamngheo.ActorFromContext(ctx)
	if a == nil || a.ScopeCode == "" {
		return nil, nil
	}
	return registry.CommunesUnder(ctx, s.Units, a.ScopeCode)
}

// rollupCovered reports whether the roll-ups hold f's total.
func (s *Server) rollupCovered(f registry.HouseholdFilter) bool {
	n := 0
	for _, on := range []bool{f.Differs, f.Indicator != "", f.Class != nil} {
		if on {
			n++
		}
	}
	// One measure at a time: differs, an indicator or a survey class, by status.
	return s.Reports != nil && f.Query == "" && f.Unanswered == "" && n <= 1
}

// rollupTotaler is a roll-up store that sums measures over a scope in one query
// (store.DB.RollupTotals); without it the cells of every commune are summed here.
type rollupTotaler interface {
	RollupTotals(ctx context.Context, communes []string, village *int64, measures []string) ([]report.Cell, error)
}

// rollupTotal is the number of households of f (rollupCovered) within the user's scope.
func (s *Server) rollupTotal(ctx context.Context, f registry.HouseholdFilter) (int, error) {
	n, err := s.rollupTotals(ctx, []registry.HouseholdFilter{f})
	if err != nil {
		return 0, err
	}
	return n[0], nil
}

// rollupMeasure is the roll-up measure that counts the households of f.
func rollupMeasure(f registry.HouseholdFilter) string {
	switch {
	case f.Differs:
		return report.MeasureDiffers
	case f.Indicator != "":
		return report.MeasureDeprivedPfx + string(f.Indicator)
	case f.Class != nil:
		return report.MeasureClassPfx + string(*f.Class)
	}
	return report.MeasureHouseholds
}

// rollupTotals counts the households of each filter from the roll-ups, reading them
// once for all (the home page's figures); the filters share the first one's communes
// and village.
func (s *Server) rollupTotals(ctx context.Context, fs []registry.HouseholdFilter) ([]int, error) {
	f := fs[0]
	communes := f.CommuneCodes
	if communes == nil {
		var err error
		if communes, err = s.scopeCommunes(ctx); err != nil {
			return nil, err
		}
	}
	var measures []string
	for _, x := range fs {
		if m := rollupMeasure(x); !slices.Contains(measures, m) {
			measures = append(measures, m)
		}
	}
	var cells []report.Cell
	var err error
	village := f.VillageID
	if t, ok := s.Reports.Store.(rollupTotaler); ok {
		cells, err = t.RollupTotals(ctx, communes, f.VillageID, measures)
		village = nil // RollupTotals kept the village's cells only
	} else {
		if communes == nil {
			// A national user: every commune that ever was.
			if communes, err = s.allCommunes(ctx); err != nil {
				return nil, err
			}
		}
		cells, err = s.Reports.Store.RollupCells(ctx, communes, f.VillageID != nil)
	}
	if err != nil {
		return nil, err
	}
	out := make([]int, len(fs))
	for i, x := range fs {
		measure := rollupMeasure(x)
		var n int64
		for _, c := range cells {
			if c.Measure != measure || (village != nil && c.VillageID != *village) || !statusMatches(x.Status, c.Status) {
				continue
			}
			n += c.N
		}
		out[i] = int(n)
	}
	return out, nil
}

// allCommunes lists the code of every commune that ever was.
func (s *Server) allCommunes(ctx context.Context) ([]string, error) {
	units, err := s.Units.FindUnits(ctx, admin.UnitFilter{Level: admin.LevelCommune})
	if err != nil {
		return nil, err
	}
	var out []string
	seen := map[string]bool{}
	for _, u := range units {
		if !seen[u.Code] {
			seen[u.Code] = true
			out = append(out, u.Code)
		}
	}
	return out, nil
}

// statusMatches reports whether a roll-up's status is kept by a status filter (the
// condition of store/household.go: "" keeps every household on no list).
func statusMatches(want *poverty.Class, status string) bool {
	if want == nil {
		return true
	}
	onList := status == string(poverty.Poor) || status == string(poverty.NearPoor)
	if *want == "" {
		return !onList
	}
	return status == string(*want)
}

// findHouseholdPage reads one page of a list (f.Page.Limit households at most) and its
// total, and tells whether a page follows.
func (s *Server) findHouseholdPage(ctx context.Context, f registry.HouseholdFilter) ([]*registry.Household, listTotal, bool, error) {
	limit := f.Page.Norm().Limit
	covered := s.rollupCovered(f)
	f.CountUpTo = listCountBound
	switch {
	case covered:
		f.CountUpTo = -1
	case strings.TrimSpace(f.Query) != "":
		f.CountUpTo = searchCountBound
	}
	// One household more than the page tells whether there is a next page.
	f.Page.Limit = limit + 1
	hs, n, err := s.Registry.FindHouseholds(ctx, f)
	if err != nil {
		return nil, listTotal{}, false, err
	}
	more := len(hs) > limit
	if more {
		hs = hs[:limit]
	}
	t := listTotal{N: n}
	if covered {
		if t.N, err = s.rollupTotal(ctx, f); err != nil {
			return nil, listTotal{}, false, err
		}
	} else if n > f.CountUpTo {
		t = listTotal{N: f.CountUpTo, More: true}
	}
	return hs, t, more, nil
}
