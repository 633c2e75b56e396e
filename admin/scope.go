package admin

import (
	"context"

	"giamngheo"
)

// StoreInScope reports whether unitCode is scopeCode or lies under it in any version
// of the unit tree kept by the store. Codes are not hierarchical strings (a commune's
// code does not start with its district's), so it follows parent links; a unit that was
// under the scope at any date counts, since records keep their historical units.
func StoreInScope(ctx context.Context, s Store, scopeCode, unitCode string) (bool, error) {
	if scopeCode == "" || scopeCode == unitCode {
		return true, nil
	}
	seen := map[string]bool{}
	frontier := []string{unitCode}
	for depth := 0; depth < 4 && len(frontier) > 0; depth++ {
		var next []string
		for _, c := range frontier {
			vs, err := s.FindUnits(ctx, UnitFilter{Code: c})
			if err != nil {
				return false, err
			}
			for _, v := range vs {
				p := v.ParentCode
				if p == scopeCode {
					return true, nil
				}
				if p != "" && !seen[p] {
					seen[p] = true
					next = append(next, p)
				}
			}
		}
		frontier = next
	}
	return false, nil
}

// ErrUnitNotFound is returned when a unit code is unknown.
func ErrUnitNotFound(code string) error {
	return giamngheo.Errorf(giamngheo.ENOTFOUND, "Không tìm thấy đơn vị hành chính mã %s.", "No administrative unit with code %s.", code)
}

// StoreProvinceOf returns the code of the province above a unit version, following its
// district when it has one; day selects the district's version ("" = the latest).
func StoreProvinceOf(ctx context.Context, s Store, u *Unit, day string) string {
	switch {
	case u.Level == LevelProvince:
		return u.Code
	case len(u.ParentCode) == 2:
		return u.ParentCode
	}
	if d, err := s.FindUnitByCode(ctx, u.ParentCode, day); err == nil {
		return d.ParentCode
	}
	return ""
}
