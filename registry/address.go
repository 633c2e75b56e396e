package registry

import (
	"strings"

	"giamngheo/vntext"
)

// unitPrefixes are the folded names of the kinds of administrative unit a written
// address may end with (commune, district, province levels).
// "TP" is how officers shorten "thành phố".
var unitPrefixes = []string{"xa ", "phuong ", "thi tran ", "dac khu ", "huyen ", "quan ", "thi xa ", "thanh pho ", "tp ", "tp.", "tinh "}

// isUnitPart reports whether a part of an address names an administrative unit
// ("xã Hồng Lạc", "huyện Thanh Hà", "tỉnh Hải Dương").
func isUnitPart(folded string) bool {
	for _, p := range unitPrefixes {
		if strings.HasPrefix(folded, p) {
			return true
		}
	}
	return false
}

// FullAddress composes a household's address for a document: the house and street of
// Address, the village (thôn, tổ dân phố) once, then the administrative units as the
// document's date knows them (units: the commune, the district before 1 July 2025, the
// province, names from the catalogue valid on that date). The units an officer wrote
// into Address are left out, since they may be the ones a reorganisation abolished
// (Resolution 202/2025/QH15); so is a village the address already names (issue 11
// item 5). Units are written with a lower-case first letter after the first part
// ("xã Hà Bắc, thành phố Hải Phòng").
func FullAddress(address, village string, units []string) string {
	var parts []string
	seen := map[string]bool{}
	add := func(s string) {
		s = vntext.Clean(s)
		k := vntext.Fold(s)
		if s == "" || seen[k] {
			return
		}
		seen[k] = true
		parts = append(parts, s)
	}
	for _, p := range strings.Split(address, ",") {
		if !isUnitPart(vntext.Fold(strings.TrimSpace(p))) {
			add(p)
		}
	}
	add(village)
	for _, u := range units {
		if u = vntext.Clean(u); u != "" && len(parts) > 0 {
			u = lowerFirst(u)
		}
		add(u)
	}
	return strings.Join(parts, ", ")
}

// lowerFirst lowers the first letter of a unit's name inside an address.
func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}
