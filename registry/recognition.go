package registry

import "giamngheo/poverty"

// Recognition is a household's recognised status: the class the commune chairman's
// latest decision after a review gave it (Decision 24/2021/QĐ-TTg, Art. 4 step 6 and
// Art. 5). It alone makes a household poor or near-poor: lists, counts, exports and
// reports read it. The survey result (Household.Result) is a proposal shown beside it;
// no edit of the answers changes it, only a review decision does (review.Service).
type Recognition struct {
	// Class is ClassPoor, ClassNearPoor, or "" for a household on no list.
	Class poverty.Class `json:"class,omitempty"`
	// Since is the day the class took effect (YYYY-MM-DD); DecidedOn the day of the
	// decision, DecisionNumber its number once entered ("125/QĐ-UBND"), RoundID the
	// review round, Certificate the number of the household's certificate.
	Since          string `json:"since,omitempty"`
	DecidedOn      string `json:"decided_on,omitempty"`
	DecisionNumber string `json:"decision_number,omitempty"`
	RoundID        int64  `json:"round_id,omitempty"`
	Certificate    int    `json:"certificate,omitempty"`
}

// Listed reports whether the household is on the commune's poor or near-poor list.
func (r Recognition) Listed() bool { return r.Class == poverty.Poor || r.Class == poverty.NearPoor }

// listClass is the list a class puts a household on: poor, near-poor, or none.
func listClass(c poverty.Class) poverty.Class {
	if c == poverty.Poor || c == poverty.NearPoor {
		return c
	}
	return ""
}

// NeedsReview reports whether the survey result would put the household on another
// list than the one it is recognised on: it is flagged "cần rà soát" and offered to the
// next monthly (regular) review (Decision 24/2021/QĐ-TTg, Art. 5), never moved by the
// edit itself.
func (h *Household) NeedsReview() bool {
	if h.Result == nil {
		return false
	}
	return listClass(h.Result.Class) != listClass(h.Recognised.Class)
}
