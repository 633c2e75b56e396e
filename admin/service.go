package admin

import (
	"context"

	"giamngheo"
	"giamngheo/audit"
)

// Service runs the unit use cases, each in one transaction, audited.
type Service struct {
	Store Store
	Audit audit.Store
	Tx    giamngheo.TxRunner
	Now   giamngheo.Clock
}

// ImportUnits replaces the units of the provinces in units (and their mapping rows).
// Administrators with national scope only: a catalogue touches many provinces.
func (s *Service) ImportUnits(ctx context.Context, source string, units []Unit, mappings []Mapping) error {
	if err := giamngheo.RequireAdmin(ctx); err != nil {
		return err
	}
	if a := giamngheo.ActorFromContext(ctx); a.ScopeCode != "" {
		return giamngheo.Errorf(giamngheo.EFORBIDDEN, "Chỉ quản trị viên toàn quốc được nạp danh mục đơn vị hành chính.",
			"Only a national administrator may load the unit catalogue.")
	}
	if len(units) == 0 {
		return giamngheo.Errorf(giamngheo.EINVALID, "Tệp %s không có đơn vị hành chính nào.", "File %s holds no administrative unit.", source)
	}
	return s.Tx.WithTx(ctx, func(ctx context.Context) error {
		if err := s.Store.ReplaceUnits(ctx, units, mappings); err != nil {
			return err
		}
		return audit.Record(ctx, s.Audit, s.Now(), "import", "unit", source, "", nil,
			map[string]any{"source": source, "units": len(units), "mappings": len(mappings)})
	})
}
