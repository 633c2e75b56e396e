package admin

// ProvinceIndex returns, for each unit version (same order as units), the code of the
// province it lies in, following parent links through the district when there is one.
// It is what the stores keep as province_code, the key a country-wide deployment
// distributes tables by.
func ProvinceIndex(units []Unit) []string {
	parentOf := map[string]string{}
	for _, u := range units {
		if u.Level == LevelDistrict {
			parentOf[u.Code] = u.ParentCode
		}
	}
	out := make([]string, len(units))
	for i, u := range units {
		switch {
		case u.Level == LevelProvince:
			out[i] = u.Code
		case u.Level == LevelDistrict:
			out[i] = u.ParentCode
		case len(u.ParentCode) == 2:
			out[i] = u.ParentCode
		default:
			out[i] = parentOf[u.ParentCode]
		}
	}
	return out
}
