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

// ImportCatalogue lays a catalogue file (GSO download or plain CSV) on top of the stored
// versions of the provinces it covers, effective on the given date, keeping history
// (see ApplySnapshot), in one audited transaction.
func (s *Service) ImportCatalogue(ctx context.Context, source string, file []Unit, effective string) (int, error) {
	if len(file) == 0 {
		return 0, giamngheo.Errorf(giamngheo.EINVALID, "Tệp %s không có đơn vị hành chính nào.", "File %s holds no administrative unit.", source)
	}
	var merged []Unit
	err := s.Tx.WithTx(ctx, func(ctx context.Context) error {
		var stored []Unit
		seen := map[string]bool{}
		for _, p := range ProvinceIndex(file) {
			if p == "" || seen[p] {
				continue
			}
			seen[p] = true
			us, err := s.Store.FindUnits(ctx, UnitFilter{Province: p})
			if err != nil {
				return err
			}
			for _, u := range us {
				stored = append(stored, *u)
			}
		}
		var err error
		if merged, err = ApplySnapshot(stored, file, effective); err != nil {
			return err
		}
		return s.ImportUnits(ctx, source+"@"+effective, merged, nil)
	})
	return len(merged), err
}
