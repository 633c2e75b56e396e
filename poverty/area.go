package poverty

// Area is the residence area whose income line applies: rural (nông thôn) or urban
// (thành thị; "khu vực đô thị" in Decree 351/2025/NĐ-CP). It follows the type of the
// commune at the reference date (xã, đặc khu: rural; phường, thị trấn: urban), which the
// caller passes to Classify; Household.Area overrides it for one household.
type Area string

// The two areas.
const (
	Rural Area = "rural"
	Urban Area = "urban"
)

// Valid reports whether a is rural or urban.
func (a Area) Valid() bool { return a == Rural || a == Urban }

// Label returns the area's name.
func (a Area) Label() Text {
	switch a {
	case Rural:
		return Text{"nông thôn", "rural"}
	case Urban:
		return Text{"thành thị", "urban"}
	}
	return Text{string(a), string(a)}
}

// Region is one of the six socio-economic regions by which the B1 score card of
// Circular 07/2021/TT-BLĐTBXH (Appendices III–IV) differs for rural households; urban
// households use the card's single urban column. Hải Dương is in the Red River Delta.
type Region string

// The six regions (the GSO grouping).
const (
	RegionNorthernMidlandsMountains Region = "northern_midlands_mountains"
	RegionRedRiverDelta             Region = "red_river_delta"
	RegionNorthCentralCoast         Region = "north_central_coast"
	RegionCentralHighlands          Region = "central_highlands"
	RegionSoutheast                 Region = "southeast"
	RegionMekongDelta               Region = "mekong_delta"
)

// Regions lists the six regions in the order of the score-card columns.
var Regions = []Region{RegionNorthernMidlandsMountains, RegionRedRiverDelta, RegionNorthCentralCoast,
	RegionCentralHighlands, RegionSoutheast, RegionMekongDelta}

// column is the score-card column of a region: 0–5 for the regions, 6 for urban, -1 for
// an unknown region.
func (r Region) column() int {
	for i, x := range Regions {
		if x == r {
			return i
		}
	}
	return -1
}

// urbanColumn is the score-card column used by every urban household.
const urbanColumn = 6

// cardColumns names the score-card columns in order (the six regions, then "urban").
var cardColumns = [...]string{string(RegionNorthernMidlandsMountains), string(RegionRedRiverDelta),
	string(RegionNorthCentralCoast), string(RegionCentralHighlands), string(RegionSoutheast),
	string(RegionMekongDelta), string(Urban)}

// Label returns the region's name.
func (r Region) Label() Text {
	switch r {
	case RegionNorthernMidlandsMountains:
		return Text{"Trung du và miền núi phía Bắc", "Northern Midlands and Mountains"}
	case RegionRedRiverDelta:
		return Text{"Đồng bằng sông Hồng", "Red River Delta"}
	case RegionNorthCentralCoast:
		return Text{"Bắc Trung Bộ và Duyên hải miền Trung", "North Central and Central Coast"}
	case RegionCentralHighlands:
		return Text{"Tây Nguyên", "Central Highlands"}
	case RegionSoutheast:
		return Text{"Đông Nam Bộ", "Southeast"}
	case RegionMekongDelta:
		return Text{"Đồng bằng sông Cửu Long", "Mekong River Delta"}
	}
	return Text{string(r), string(r)}
}
