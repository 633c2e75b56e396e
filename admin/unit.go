// Package admin holds Vietnam's administrative units with their validity periods
// (province → district → commune, villages under a commune) and the old→new commune
// mapping of 1 July 2025, when districts were abolished and provinces merged
// (Resolution 202/2025/QH15; Resolution 1669/NQ-UBTVQH15 for Hải Phòng).
package admin

import (
	"context"
	"time"
)

// Level is the tier of a unit.
type Level string

// Unit levels. Villages (thôn, tổ dân phố) have no national code and are managed
// locally under their commune.
const (
	LevelProvince Level = "province"
	LevelDistrict Level = "district"
	LevelCommune  Level = "commune"
)

// DateLayout is the layout of every civil date kept as text (valid_from, valid_to,
// reference dates).
const DateLayout = "2006-01-02"

// Unit is one version of an administrative unit. A GSO code may be reused after a
// reorganisation with another name or parent (e.g. 00004 was Phường Trúc Bạch until
// 30/06/2025 and is Phường Ba Đình from 01/07/2025), so a unit version is identified by
// (Code, ValidFrom). ValidFrom "" means "since before our first catalogue"; ValidTo ""
// means "still valid". Both bounds are inclusive civil dates (YYYY-MM-DD).
type Unit struct {
	Code       string
	Name       string
	Type       string // Tỉnh, Thành phố Trung ương, Huyện, Quận, Thị xã, Xã, Phường, Thị trấn, Đặc khu …
	Level      Level
	ParentCode string
	ValidFrom  string
	ValidTo    string
}

// ValidOn reports whether the unit version is in force on the civil date d (YYYY-MM-DD).
func (u *Unit) ValidOn(d string) bool {
	return (u.ValidFrom == "" || u.ValidFrom <= d) && (u.ValidTo == "" || d <= u.ValidTo)
}

// Urban reports whether the unit is urban for the poverty standard: phường, thị trấn
// (and quận, thành phố, thị xã at district level) are urban; xã and đặc khu are rural.
// regulations.md §1.3 marks this [U]: the household's own area can override it.
func (u *Unit) Urban() bool {
	switch u.Type {
	case "Phường", "Thị trấn", "Quận":
		return true
	}
	return false
}

// Mapping is one row of the old→new commune mapping of 1 July 2025. Kind is "full"
// (the whole old commune went to the new one) or "partial" (the old commune was split
// across several new ones, so a household must be placed by its village or address).
type Mapping struct {
	OldCode string
	OldName string
	NewCode string
	NewName string
	Kind    string
}

// Village is a thôn or tổ dân phố under a commune, managed locally. When an old commune
// is split (a partial mapping), each village is assigned to the new commune it went to.
type Village struct {
	ID          int64
	CommuneCode string
	Name        string
	// NewCommuneCode is the commune the village belongs to from 01/07/2025 when its
	// commune was reorganised; "" when unchanged or not yet assigned.
	NewCommuneCode string
	CreatedAt      time.Time
}

// UnitFilter selects unit versions. Empty fields do not filter.
type UnitFilter struct {
	AsOf       string // only versions valid on that date
	Level      Level
	ParentCode string
	Code       string
	Province   string // province_code (the province a version lies in)
	Query      string // name contains
}

// Store persists units, villages and the mapping. Implemented by giamngheo/store
// on SQLite and PostgreSQL.
type Store interface {
	// ReplaceUnits replaces every unit version and mapping row whose province is in
	// provinces (all when provinces is empty) in one transaction.
	ReplaceUnits(ctx context.Context, units []Unit, mappings []Mapping) error
	// FindUnits returns unit versions ordered by code then valid_from.
	FindUnits(ctx context.Context, f UnitFilter) ([]*Unit, error)
	// FindUnitByCode returns the version of code valid on asOf ("" = the latest).
	FindUnitByCode(ctx context.Context, code, asOf string) (*Unit, error)
	// FindMappings returns mapping rows where the old code (when old != "") or the new
	// code (when new != "") matches.
	FindMappings(ctx context.Context, oldCode, newCode string) ([]*Mapping, error)
	// CountUnits counts every unit version.
	CountUnits(ctx context.Context) (int, error)
	// CreateVillage and FindVillages manage villages under a commune.
	CreateVillage(ctx context.Context, v *Village) error
	FindVillages(ctx context.Context, communeCode string) ([]*Village, error)
}
