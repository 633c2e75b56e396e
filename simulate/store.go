package simulate

import (
	"context"

	"giamngheo/poverty"
)

// Household is what a simulation reads of one registered household: where it is, its
// recognised status, its current survey result and its survey answers. A store reuses
// one Household (and its members' slice) from call to call: fn must not keep it.
type Household struct {
	ID           int64
	Code         string
	ProvinceCode string
	CommuneCode  string
	// VillageID is 0 when the household's village was not resolved; VillageName is the
	// name as written.
	VillageID   int64
	VillageName string
	// Status is the recognised class (households.status): the class of the last
	// decision of the commune chairperson, "" when the household is on no list.
	Status poverty.Class
	// Class and StandardID are the current survey result (households.class and
	// standard_id): "" when the household was never classified.
	Class      poverty.Class
	StandardID string
	// Facts is the compact form of the answers (poverty.EncodeFacts), what the
	// simulation classifies; nil when the household has none, and then Answers are
	// the survey answers with the members, as the rules read them.
	Facts   []byte
	Answers poverty.Household
}

// Store streams the survey answers of the registry. Implemented by giamngheo/store
// on SQLite and PostgreSQL.
type Store interface {
	// EachSurvey calls fn for every household of the communes (all communes when
	// communes is nil; none when it is empty), with its members, in commune order
	// (commune_code, code). It streams: no more than a small batch is held at once.
	EachSurvey(ctx context.Context, communes []string, fn func(*Household) error) error
}
