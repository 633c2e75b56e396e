package admin

import "slices"

// The queries below are the reference behaviour over a list of unit versions: the SQL
// stores must answer the same. They scan the list (a few tens of thousands of versions
// nationally), which is fine for tests, the demo and one-off checks; hot paths should
// ask the store.

// AsOf returns the unit versions in force on date (YYYY-MM-DD), in the order of units.
// date "" means "now": the versions that are still open (ValidTo "").
func AsOf(units []Unit, date string) []Unit {
	var out []Unit
	for i := range units {
		if validAt(&units[i], date) {
			out = append(out, units[i])
		}
	}
	return out
}

// Children returns the units in force on date whose parent is code, in the order of
// units. code "" returns the provinces. date "" means "now", as in AsOf.
func Children(units []Unit, code, date string) []Unit {
	var out []Unit
	for i := range units {
		if units[i].ParentCode == code && validAt(&units[i], date) {
			out = append(out, units[i])
		}
	}
	return out
}

// Province returns the code of the province above (or equal to) the unit code on date,
// following the parents in force on that date; "" when the unit or a parent is not in
// force then. date "" means the unit's latest version and the parents in force on its
// last day.
func Province(units []Unit, code, date string) string {
	u := versionOn(units, code, date)
	if u == nil {
		return ""
	}
	if date == "" {
		date = u.ValidTo // "" when still open: then the parents' open versions
	}
	for depth := 0; depth < 4 && u != nil; depth++ { // province → district → commune: no deeper
		if u.Level == LevelProvince {
			return u.Code
		}
		u = versionOn(units, u.ParentCode, date)
	}
	return ""
}

// InScope reports whether unitCode is scopeCode or lies under it on date, following the
// parents in force on that date. When date is "", any version counts: a unit that was
// under the scope at some date is in it, since records keep their historical units
// (the rule of StoreInScope). scopeCode "" is the whole country, as for Actor.ScopeCode.
func InScope(units []Unit, scopeCode, unitCode, date string) bool {
	if scopeCode == "" || scopeCode == unitCode {
		return true
	}
	if date != "" {
		u := versionOn(units, unitCode, date)
		for depth := 0; depth < 4 && u != nil && u.ParentCode != ""; depth++ {
			if u.ParentCode == scopeCode {
				return true
			}
			u = versionOn(units, u.ParentCode, date)
		}
		return false
	}
	seen := map[string]bool{unitCode: true}
	frontier := []string{unitCode}
	for depth := 0; depth < 4 && len(frontier) > 0; depth++ {
		var next []string
		for i := range units {
			u := &units[i]
			if u.ParentCode == "" || seen[u.ParentCode] || !slices.Contains(frontier, u.Code) {
				continue
			}
			if u.ParentCode == scopeCode {
				return true
			}
			seen[u.ParentCode] = true
			next = append(next, u.ParentCode)
		}
		frontier = next
	}
	return false
}

// validAt reports whether u is in force on date, or still open when date is "".
func validAt(u *Unit, date string) bool {
	if date == "" {
		return u.ValidTo == ""
	}
	return u.ValidOn(date)
}

// versionOn returns the version of code in force on date, or when date is "" the
// latest version (the open one, else the one that closed last); nil when there is none.
func versionOn(units []Unit, code, date string) *Unit {
	var best *Unit
	for i := range units {
		u := &units[i]
		if u.Code != code {
			continue
		}
		if date != "" {
			if u.ValidOn(date) {
				return u
			}
			continue
		}
		if best == nil || later(u, best) {
			best = u
		}
	}
	return best
}

// later reports whether version a ends after version b (an open version ends last).
func later(a, b *Unit) bool {
	switch {
	case a.ValidTo == "":
		return b.ValidTo != "" || a.ValidFrom > b.ValidFrom
	case b.ValidTo == "":
		return false
	}
	return a.ValidTo > b.ValidTo
}
