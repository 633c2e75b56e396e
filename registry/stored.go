package registry

import (
	"encoding/json"

	"giamngheo/poverty"
	"giamngheo/vntext"
)

// Stored is the household as both SQL stores keep it beside its plain columns: the
// survey answers, the classification and the warnings as JSON text, and the derived
// columns the lists filter on. Both stores encode and decode through it, so the JSON
// layout is defined once.
type Stored struct {
	Survey, Result, Warnings string // Result and Warnings are "" when absent
	Class, Standard          string
	DeprivationCount         int
	Deprived, Search         string
	// HeadKey sorts heads' names as Vietnamese lists do (vntext.NameKey).
	HeadKey string
}

// Encode returns the stored form of h.
func Encode(h *Household) (*Stored, error) {
	survey, err := json.Marshal(SurveyOnly(h))
	if err != nil {
		return nil, err
	}
	s := &Stored{Survey: string(survey), Deprived: DeprivedText(h.Result), Search: SearchText(h), HeadKey: vntext.NameKey(h.HeadName)}
	if h.Result != nil {
		b, err := json.Marshal(h.Result)
		if err != nil {
			return nil, err
		}
		s.Result, s.Class, s.Standard, s.DeprivationCount = string(b), string(h.Result.Class), h.Result.Standard, h.Result.DeprivationCount
	}
	if len(h.Warnings) > 0 {
		b, err := json.Marshal(h.Warnings)
		if err != nil {
			return nil, err
		}
		s.Warnings = string(b)
	}
	return s, nil
}

// Decode fills h's survey, result and warnings from their stored JSON.
func Decode(h *Household, survey, result, warnings string) error {
	if err := json.Unmarshal([]byte(survey), &h.Survey); err != nil {
		return err
	}
	if result != "" {
		h.Result = &poverty.Result{}
		if err := json.Unmarshal([]byte(result), h.Result); err != nil {
			return err
		}
	}
	if warnings != "" {
		if err := json.Unmarshal([]byte(warnings), &h.Warnings); err != nil {
			return err
		}
	}
	return nil
}

// OrNull returns nil for "" (a NULL column), else s.
func OrNull(s string) any {
	if s == "" {
		return nil
	}
	return s
}
