package admin

import (
	"cmp"
	"slices"
	"time"

	"giamngheo"
)

// Snapshot is a catalogue as it stood from ValidFrom (YYYY-MM-DD) until the next
// snapshot; ValidFrom "" means "since before our records" and is allowed only for the
// first snapshot. The units' own ValidFrom and ValidTo are ignored.
type Snapshot struct {
	ValidFrom string
	Units     []Unit
}

// Versioned builds unit versions from dated snapshots given in date order. A unit whose
// code, name, type, level and parent are the same as in the previous snapshot continues
// (its version extends); otherwise the previous version closes the day before the new
// snapshot's ValidFrom and a new version opens on it. A unit missing from a snapshot
// closes the day before it; if its code comes back later (GSO reuses codes) that is a
// new version. Units of the first snapshot start at its ValidFrom ("" for the embedded
// catalogues). The result is ordered by code, then ValidFrom, like Store.FindUnits.
func Versioned(snaps []Snapshot) ([]Unit, error) {
	var out []Unit
	open := map[string]int{} // code → index in out of its open version
	for i, s := range snaps {
		closeOn := ""
		if i > 0 {
			d, err := time.Parse(DateLayout, s.ValidFrom)
			if err != nil {
				return nil, giamngheo.Errorf(giamngheo.EINVALID,
					"Danh mục thứ %d: ngày hiệu lực %q không hợp lệ (cần dạng YYYY-MM-DD).",
					"Snapshot %d: invalid effective date %q (want YYYY-MM-DD).", i+1, s.ValidFrom)
			}
			if prev := snaps[i-1].ValidFrom; prev != "" && s.ValidFrom <= prev {
				return nil, giamngheo.Errorf(giamngheo.EINVALID,
					"Danh mục thứ %d (%s) phải có ngày hiệu lực sau danh mục trước (%s).",
					"Snapshot %d (%s) must take effect after the previous one (%s).", i+1, s.ValidFrom, prev)
			}
			closeOn = d.AddDate(0, 0, -1).Format(DateLayout)
		} else if s.ValidFrom != "" {
			if _, err := time.Parse(DateLayout, s.ValidFrom); err != nil {
				return nil, giamngheo.Errorf(giamngheo.EINVALID,
					"Danh mục thứ %d: ngày hiệu lực %q không hợp lệ (cần dạng YYYY-MM-DD).",
					"Snapshot %d: invalid effective date %q (want YYYY-MM-DD).", i+1, s.ValidFrom)
			}
		}
		seen := make(map[string]bool, len(s.Units))
		for _, u := range s.Units {
			if seen[u.Code] {
				return nil, giamngheo.Errorf(giamngheo.EINVALID,
					"Danh mục thứ %d có mã %s hai lần.", "Snapshot %d has code %s twice.", i+1, u.Code)
			}
			seen[u.Code] = true
			j, ok := open[u.Code]
			if ok && sameUnit(&out[j], &u) {
				continue
			}
			if ok {
				out[j].ValidTo = closeOn
			}
			u.ValidFrom, u.ValidTo = s.ValidFrom, ""
			open[u.Code] = len(out)
			out = append(out, u)
		}
		for code, j := range open {
			if !seen[code] {
				out[j].ValidTo = closeOn
				delete(open, code)
			}
		}
	}
	slices.SortFunc(out, func(a, b Unit) int {
		return cmp.Or(cmp.Compare(a.Code, b.Code), cmp.Compare(a.ValidFrom, b.ValidFrom))
	})
	return out, nil
}

// sameUnit reports whether two versions describe the same unit (validity aside).
func sameUnit(a, b *Unit) bool {
	return a.Code == b.Code && a.Name == b.Name && a.Type == b.Type && a.Level == b.Level && a.ParentCode == b.ParentCode
}
