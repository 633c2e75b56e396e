package registry

import (
	"context"
	"fmt"
	"strings"
	"time"

	"giamngheo/poverty"
	"giamngheo/vntext"
)

// HistoryEntry is a past state of a household: it was as Household says from
// ValidFrom until ValidTo (exclusive).
type HistoryEntry struct {
	Version   int        `json:"version"`
	ValidFrom time.Time  `json:"valid_from"`
	ValidTo   time.Time  `json:"valid_to"`
	ChangedBy string     `json:"changed_by"`
	Household *Household `json:"household"`
}

// RecordStore is what the service needs of a store beyond Store: whole-record writes
// (the household row with its members and classification) and the history of changes.
type RecordStore interface {
	Store
	BulkImporter
	ImportJobStore
	// SaveHousehold replaces the stored household h.ID (row, members, classification).
	SaveHousehold(ctx context.Context, h *Household) error
	// InsertHistory keeps a past state of a household.
	InsertHistory(ctx context.Context, householdID int64, e *HistoryEntry) error
	// FindHistory returns the past states of a household, oldest first.
	FindHistory(ctx context.Context, householdID int64) ([]*HistoryEntry, error)
	// FindStatusHistory returns the changes of a household's recognised status, newest
	// first by the day each took effect (then by the order they were recorded).
	FindStatusHistory(ctx context.Context, householdID int64) ([]*StatusChange, error)
	// FindHouseholdCodes returns, for the given codes of a province, the stored id and
	// version of each code that exists (re-imports update by code).
	FindHouseholdCodes(ctx context.Context, provinceCode string, codes []string) (map[string]int64, error)
	// EachHousehold calls fn for every household matching f (Page is ignored), with its
	// members, in id order, reading a page at a time so that memory stays flat.
	EachHousehold(ctx context.Context, f HouseholdFilter, fn func(*Household) error) error
	// MoveHousehold records that household h (as loaded) belongs to another commune
	// and province from a date: its present state goes to the history, and the row
	// takes the new unit, version and time. Members are untouched.
	MoveHousehold(ctx context.Context, h *Household, communeCode, provinceCode string, at time.Time, by string) error
}

// SearchText is what FindHouseholds' Query is matched against: the household code, the
// head's and members' names and the national IDs, folded (no diacritics, lower case).
func SearchText(h *Household) string {
	var b strings.Builder
	b.WriteString(vntext.Fold(h.Code))
	b.WriteByte(' ')
	b.WriteString(vntext.Fold(h.HeadName))
	for i := range h.Members {
		m := &h.Members[i]
		if m.Name != h.HeadName {
			b.WriteByte(' ')
			b.WriteString(vntext.Fold(m.Name))
		}
		if m.NationalID != "" {
			b.WriteByte(' ')
			b.WriteString(m.NationalID)
		}
	}
	return b.String()
}

// DeprivedText is the stored form of a result's deprived indicators: ",water,latrine,"
// so that an indicator filter is a plain LIKE on both stores.
func DeprivedText(r *poverty.Result) string {
	if r == nil {
		return ""
	}
	keys := r.Deprived.Keys()
	if len(keys) == 0 {
		return ""
	}
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = string(k)
	}
	return "," + strings.Join(parts, ",") + ","
}

// ParseDeprivedText reads DeprivedText's form back into a set.
func ParseDeprivedText(s string) (poverty.IndicatorSet, error) {
	var set poverty.IndicatorSet
	for _, k := range strings.Split(strings.Trim(s, ","), ",") {
		if k == "" {
			continue
		}
		var ok bool
		if set, ok = set.With(poverty.IndicatorKey(k)); !ok {
			return 0, fmt.Errorf("deprived indicators %q: unknown indicator %q", s, k)
		}
	}
	return set, nil
}

// SurveyOnly returns the household-level answers without members, as stored.
func SurveyOnly(h *Household) poverty.Household {
	s := h.Survey
	s.Members = nil
	return s
}

// ForHistory returns the household as a history entry keeps it: everything but the
// explanation of its classification, which Explain rebuilds from the answers, the
// result and the standard (it is most of a stored result's size).
func ForHistory(h *Household) *Household {
	c := *h
	if h.Result != nil {
		r := *h.Result
		r.Explanation = nil
		c.Result = &r
	}
	return &c
}

// Explained reports whether a class keeps its explanation in the registry: the classes
// on the commune's lists (poor, near-poor) and the middle living standard, whose
// reasons an officer defends at the village meeting. Other households' explanations
// are rebuilt on display (poverty.Explain); a review case always keeps its own.
func Explained(c poverty.Class) bool {
	return c == poverty.Poor || c == poverty.NearPoor || c == poverty.Middle
}
