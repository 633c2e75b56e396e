package admin

import (
	"context"

	"giamngheo"
)

// StoreInScope reports whether unitCode is scopeCode or lies under it in any version
// of the unit tree kept by the store. Codes are not hierarchical strings (a commune's
// code does not start with its district's), so it follows parent links; a unit that was
// under the scope at any date counts, since records keep their historical units.
//
// A unit formed by a reorganisation (a new code in the old→new mapping) is in a scope
// when every unit it was formed from was: so a district, abolished on 1 July 2025
// (Resolution 202/2025/QH15 and the 2025 law on local government), keeps the merged
// communes made only of its own communes, and not those made across two districts,
// which only the province above covers (README, "Roles").
func StoreInScope(ctx context.Context, s Store, scopeCode, unitCode string) (bool, error) {
	ok, err := underByParents(ctx, s, scopeCode, unitCode)
	if ok || err != nil {
		return ok, err
	}
	sources, err := s.FindMappings(ctx, "", unitCode)
	if err != nil || len(sources) == 0 {
		return false, err
	}
	for _, m := range sources {
		if ok, err := underByParents(ctx, s, scopeCode, m.OldCode); err != nil || !ok {
			return false, err
		}
	}
	return true, nil
}

// SuccessorsWithin returns communes with the units formed only from them by a
// reorganisation (StoreInScope's rule), for listing a scope's communes.
func SuccessorsWithin(ctx context.Context, s Store, communes []string) ([]string, error) {
	in := map[string]bool{}
	for _, c := range communes {
		in[c] = true
	}
	out := communes
	checked := map[string]bool{}
	for _, c := range communes {
		next, err := s.FindMappings(ctx, c, "")
		if err != nil {
			return nil, err
		}
		for _, m := range next {
			if in[m.NewCode] || checked[m.NewCode] {
				continue
			}
			checked[m.NewCode] = true
			sources, err := s.FindMappings(ctx, "", m.NewCode)
			if err != nil {
				return nil, err
			}
			all := true
			for _, src := range sources {
				all = all && in[src.OldCode]
			}
			if all {
				in[m.NewCode] = true
				out = append(out, m.NewCode)
			}
		}
	}
	return out, nil
}

// underByParents is StoreInScope by parent links alone.
func underByParents(ctx context.Context, s Store, scopeCode, unitCode string) (bool, error) {
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
