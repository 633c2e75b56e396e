package registry

import (
	"context"
	"hash/fnv"
	"sort"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/audit"
)

// CarryHouseholds moves the households of reorganised communes to their new communes
// from the effective date, keeping each household's former state in its history, so
// that the same household is seen under the old unit as of a date before the change
// and under the new one after (Resolution 202/2025/QH15 and the commune resolutions
// of 2024–2025). A commune split across several new ones (a "partial" mapping) sends
// each village whole to one of them: by the village's assignment when one is given
// (villageTarget returns a code), otherwise by a fixed rule on the village name that an
// officer corrects afterwards. Administrators only; one transaction, audited.
func (s *Service) CarryHouseholds(ctx context.Context, mappings []admin.Mapping, effective time.Time, villageTarget func(oldCode, village string) string) (int, error) {
	if err := giamngheo.RequireAdmin(ctx); err != nil {
		return 0, err
	}
	targets := map[string][]string{}
	for _, m := range mappings {
		targets[m.OldCode] = append(targets[m.OldCode], m.NewCode)
	}
	olds := make([]string, 0, len(targets))
	for old, ts := range targets {
		sort.Strings(ts)
		olds = append(olds, old)
	}
	sort.Strings(olds)
	day := effective.Format(admin.DateLayout)
	moved := 0
	err := s.Tx.WithTx(ctx, func(ctx context.Context) error {
		provinces := map[string]string{}
		provinceOn := func(code string) (string, error) {
			if p, ok := provinces[code]; ok {
				return p, nil
			}
			u, err := s.Units.FindUnitByCode(ctx, code, day)
			if err != nil {
				return "", err
			}
			p := admin.StoreProvinceOf(ctx, s.Units, u, day)
			provinces[code] = p
			return p, nil
		}
		by := ""
		if a := giamngheo.ActorFromContext(ctx); a != nil {
			by = a.Username
		}
		for _, old := range olds {
			ts := targets[old]
			err := s.Store.EachHousehold(ctx, HouseholdFilter{CommuneCodes: []string{old}}, func(h *Household) error {
				if !h.UpdatedAt.Before(effective) {
					return nil // registered or changed after the reorganisation: already placed
				}
				to := ts[0]
				if len(ts) > 1 {
					to = ""
					if villageTarget != nil {
						to = villageTarget(old, h.VillageName)
					}
					if to == "" {
						f := fnv.New32a()
						f.Write([]byte(h.VillageName))
						to = ts[int(f.Sum32()%uint32(len(ts)))]
					}
				}
				prov, err := provinceOn(to)
				if err != nil {
					return err
				}
				if to == h.CommuneCode && prov == h.ProvinceCode {
					return nil
				}
				moved++
				return s.Store.MoveHousehold(ctx, h, to, prov, effective, by)
			})
			if err != nil {
				return err
			}
		}
		return audit.Record(ctx, s.Audit, s.Now(), "carry", "household", day, "", nil, map[string]any{"effective": day, "households": moved, "communes": len(olds)})
	})
	return moved, err
}
