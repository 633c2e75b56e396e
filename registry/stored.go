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
	// Traits is the traits column the roll-ups count (TraitsText).
	Traits string
	// Facts is the compact form of the answers a simulation classifies
	// (poverty.EncodeFacts), nil when the answers have none (invalid, or B1 score
	// answers): such a household is classified from its JSON.
	Facts []byte
}

// Encode returns the stored form of h (the one Precompute computed, if it did).
func Encode(h *Household) (*Stored, error) {
	if h.stored != nil {
		return h.stored, nil
	}
	survey, err := EncodeSurvey(h)
	if err != nil {
		return nil, err
	}
	s := &Stored{Survey: string(survey), Deprived: DeprivedText(h.Result), Search: SearchText(h), HeadKey: vntext.NameKey(h.HeadName), Traits: TraitsText(h),
		Facts: poverty.EncodeFacts(h.Answers())}
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
	if err := DecodeSurvey([]byte(survey), h); err != nil {
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

// storedSurvey is the layout of the survey column: the poverty answers as the rules
// read them (poverty.Household without members), plus the registry's own
// household-level answers under their keys. Rows written before a key existed decode
// with that field empty; poverty's strict decoder (DecodeHousehold) never reads this
// column, so the extra keys do not trouble it.
type storedSurvey struct {
	poverty.Household
	Livelihood Livelihood `json:"livelihood,omitzero"`
	Traits     Traits     `json:"traits,omitzero"`
}

// EncodeSurvey returns the JSON of the survey column of h: the household-level answers
// without members, and the land and livestock.
func EncodeSurvey(h *Household) ([]byte, error) {
	return json.Marshal(storedSurvey{SurveyOnly(h), h.Livelihood, h.Traits})
}

// DecodeSurvey fills h.Survey and h.Livelihood from the survey column.
func DecodeSurvey(b []byte, h *Household) error {
	var s storedSurvey
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	h.Survey, h.Livelihood, h.Traits = s.Household, s.Livelihood, s.Traits
	return nil
}

// storedMember is the layout of a member's answers column: the poverty answers of the
// person (name, sex, birth date and the rule inputs), plus the registry's own member
// answers under their keys. The other registry fields (relation, ethnicity, national
// ID) have columns of their own.
type storedMember struct {
	poverty.Member
	SocialAllowance SocialAllowance `json:"social_allowance,omitempty"`
}

// EncodeMemberAnswers returns the JSON of a member's answers column. Both stores call
// it, so the layout is defined once.
func EncodeMemberAnswers(m *Member) ([]byte, error) {
	if m.answers != nil {
		return m.answers, nil
	}
	return json.Marshal(storedMember{m.Member, m.SocialAllowance})
}

// DecodeMemberAnswers fills m's answers (m.Member and m.SocialAllowance) from its
// answers column; rows written before social_allowance existed leave it "".
func DecodeMemberAnswers(b []byte, m *Member) error {
	var s storedMember
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	m.Member, m.SocialAllowance = s.Member, s.SocialAllowance
	return nil
}

// OrNull returns nil for "" (a NULL column), else s.
func OrNull(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Precompute encodes h's stored form and its members' answers now, for a writer that
// runs on another goroutine: the importer's reader calls it after classifying, so that
// the JSON encoding (the explanation above all) is off the writer's critical path
// (docs/benchmarks.md). h must not change afterwards but for its id, version and
// timestamps, which the stored form does not hold; Forget drops the encoding.
func Precompute(h *Household) error {
	h.Forget()
	st, err := Encode(h)
	if err != nil {
		return err
	}
	for i := range h.Members {
		m := &h.Members[i]
		if m.answers, err = EncodeMemberAnswers(m); err != nil {
			return err
		}
	}
	h.stored = st
	return nil
}

// Forget drops what Precompute computed.
func (h *Household) Forget() {
	h.stored = nil
	for i := range h.Members {
		h.Members[i].answers = nil
	}
}
