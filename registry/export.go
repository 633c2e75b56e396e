package registry

import (
	"context"
	"time"

	"giamngheo"
	"giamngheo/audit"
)

// ExportHouseholds streams the households of f within the actor's scope to fn (as
// EachHousehold) and records the export in the audit: who exported which scope and
// filter, in which format, and how many households went out (issue 10 item 9). The
// entry is written even when the export stops half-way (complete: false), since the
// households sent are out.
func (s *Service) ExportHouseholds(ctx context.Context, f HouseholdFilter, format string, fn func(*Household) error) (int, error) {
	n := 0
	err := s.EachHousehold(ctx, f, func(h *Household) error {
		n++
		return fn(h)
	})
	if err != nil && n == 0 && giamngheo.ErrorCode(err) != giamngheo.EINTERNAL {
		return 0, err // refused (scope, input): nothing went out, nothing to record
	}
	if aerr := s.recordExport(context.WithoutCancel(ctx), f, format, n, err == nil); aerr != nil && err == nil {
		err = aerr
	}
	return n, err
}

func (s *Service) recordExport(ctx context.Context, f HouseholdFilter, format string, n int, complete bool) error {
	scope := ""
	if a := giamngheo.ActorFromContext(ctx); a != nil {
		scope = a.ScopeCode
	}
	detail := map[string]any{"format": format, "households": n, "complete": complete, "scope": scope}
	if f.CommuneCodes != nil {
		detail["communes"] = f.CommuneCodes
	}
	if f.VillageID != nil {
		detail["village_id"] = *f.VillageID
	}
	if f.Class != nil {
		detail["class"] = *f.Class
	}
	if f.Status != nil {
		detail["status"] = string(*f.Status)
	}
	if f.Differs {
		detail["differs"] = true
	}
	if f.Indicator != "" {
		detail["indicator"] = f.Indicator
	}
	if f.Query != "" {
		detail["query"] = f.Query
	}
	now := time.Now()
	if s.Now != nil {
		now = s.Now()
	}
	return s.Tx.WithTx(ctx, func(ctx context.Context) error {
		return audit.Record(ctx, s.Audit, now, "export", "household_list", format, scope, nil, detail)
	})
}
