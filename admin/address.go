package admin

import "context"

// StoreNamesOn returns the names, as valid on day (YYYY-MM-DD), of the commune code and
// the units above it: the commune, its district while districts existed (until 30 June
// 2025, Resolution 202/2025/QH15), its province. A document reads its address with
// them, so that a certificate of 2024 names the district and one of 2026 does not. A
// code the catalogue does not know on day reads as its latest version; nil when the
// catalogue does not know the code at all.
func StoreNamesOn(ctx context.Context, s Store, code, day string) []string {
	u, err := s.FindUnitByCode(ctx, code, day)
	if err != nil {
		if u, err = s.FindUnitByCode(ctx, code, ""); err != nil {
			return nil
		}
		day = ""
	}
	names := []string{u.Name}
	for parent, i := u.ParentCode, 0; parent != "" && i < 3; i++ {
		p, err := s.FindUnitByCode(ctx, parent, day)
		if err != nil {
			break
		}
		names = append(names, p.Name)
		if p.Level == LevelProvince {
			break
		}
		parent = p.ParentCode
	}
	return names
}
