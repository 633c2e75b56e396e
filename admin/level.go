package admin

import "strings"

// Valid reports whether l is one of the three levels.
func (l Level) Valid() bool {
	return l == LevelProvince || l == LevelDistrict || l == LevelCommune
}

// CodeLength returns the number of digits of a GSO code at level l: 2 for a province,
// 3 for a district, 5 for a commune, 0 for an unknown level. GSO codes are fixed-width
// strings: the leading zeros are part of the code ("01" Hà Nội, "00004" Phường Ba Đình).
func (l Level) CodeLength() int {
	switch l {
	case LevelProvince:
		return 2
	case LevelDistrict:
		return 3
	case LevelCommune:
		return 5
	}
	return 0
}

// Label returns the Vietnamese name of the level ("tỉnh", "huyện", "xã"), as used in
// messages; the tier names "cấp tỉnh", "cấp huyện", "cấp xã" cover cities, towns and
// wards of the same tier.
func (l Level) Label() string {
	switch l {
	case LevelProvince:
		return "tỉnh"
	case LevelDistrict:
		return "huyện"
	case LevelCommune:
		return "xã"
	}
	return string(l)
}

// ParseLevel returns the level named s ("province", "district" or "commune", in any
// case, surrounding spaces ignored) and whether s named one.
func ParseLevel(s string) (Level, bool) {
	l := Level(strings.ToLower(strings.TrimSpace(s)))
	return l, l.Valid()
}

// isDigits reports whether s is a non-empty string of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
