package admin

import (
	"sort"
	"strconv"
)

// InferMergerMapping guesses the old→new commune mapping of a merger for which no
// official mapping is at hand (the mergers of 1 January 2025, whose resolutions are not
// in our data): a commune present in both lists maps to itself; a commune that
// disappeared maps to the commune of the after-list, under the same district, whose
// code is nearest (GSO codes follow geography within a district, and a merged commune
// usually keeps the code of one of its parts). Every row is "full". It is an
// APPROXIMATION for demonstration data; an officer loads the official mapping instead.
func InferMergerMapping(before, after []Unit) []Mapping {
	byParent := map[string][]Unit{}
	present := map[string]Unit{}
	for _, u := range after {
		if u.Level == LevelCommune {
			byParent[u.ParentCode] = append(byParent[u.ParentCode], u)
			present[u.Code] = u
		}
	}
	for _, us := range byParent {
		sort.Slice(us, func(i, j int) bool { return us[i].Code < us[j].Code })
	}
	var out []Mapping
	for _, u := range before {
		if u.Level != LevelCommune {
			continue
		}
		if a, ok := present[u.Code]; ok {
			out = append(out, Mapping{OldCode: u.Code, OldName: u.Name, NewCode: a.Code, NewName: a.Name, Kind: MappingFull})
			continue
		}
		cands := byParent[u.ParentCode]
		if len(cands) == 0 {
			continue
		}
		n, _ := strconv.Atoi(u.Code)
		best := cands[0]
		for _, c := range cands {
			m, _ := strconv.Atoi(c.Code)
			b, _ := strconv.Atoi(best.Code)
			if abs(m-n) < abs(b-n) {
				best = c
			}
		}
		out = append(out, Mapping{OldCode: u.Code, OldName: u.Name, NewCode: best.Code, NewName: best.Name, Kind: MappingFull})
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
