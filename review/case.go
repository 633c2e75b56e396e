package review

import (
	"time"

	"giamngheo"
)

// Origin says why a household is reviewed in a round.
type Origin string

// The origins.
const (
	// OriginListed: the household is on the poor or near-poor list the commune manages
	// and is reviewed in the periodic round (Decision 24/2021/QĐ-TTg, Art. 4, step 1).
	OriginListed Origin = "listed"
	// OriginRequest01: the household filed Mẫu 01, a request to be reviewed as poor or
	// near-poor (Art. 4 step 1; Art. 5).
	OriginRequest01 Origin = "request_01"
	// OriginRequest04: the household filed Mẫu 04, a request to be recognised as
	// having escaped poverty or near-poverty (Art. 5).
	OriginRequest04 Origin = "request_04"
)

// OriginSurveyChange: the household's survey result differs from its recognised
// status (a commune officer's new answers); the regular review examines it
// (Decision 24/2021/QĐ-TTg, Art. 5: households whose situation changed during the year).
const OriginSurveyChange Origin = "survey_change"

// Origins lists every origin.
var Origins = []Origin{OriginListed, OriginRequest01, OriginRequest04, OriginSurveyChange}

var originLabels = map[Origin][2]string{
	OriginListed:       {"Hộ nghèo, cận nghèo đang quản lý", "currently poor or near-poor"},
	OriginRequest01:    {"Giấy đề nghị rà soát (Mẫu 01)", "request to be reviewed (Mẫu 01)"},
	OriginRequest04:    {"Giấy đề nghị công nhận thoát nghèo, thoát cận nghèo (Mẫu 04)", "request to be recognised as escaped (Mẫu 04)"},
	OriginSurveyChange: {"Kết quả khảo sát khác diện đã công nhận", "survey result differs from the recognised status"},
}

// Valid reports whether o is a known origin.
func (o Origin) Valid() bool {
	_, ok := originLabels[o]
	return ok
}

// Request reports whether the household asked to be reviewed (Mẫu 01 or Mẫu 04).
// Only a request can be rejected or withdrawn.
func (o Origin) Request() bool { return o == OriginRequest01 || o == OriginRequest04 }

// Label returns the Vietnamese name of the origin.
func (o Origin) Label() string { return label(originLabels, o, 0) }

// LabelEN returns the English name of the origin.
func (o Origin) LabelEN() string { return label(originLabels, o, 1) }

// Screening is the outcome of Phiếu A, the quick identification of a household that
// filed Mẫu 01 (Circular 07/2021/TT-BLĐTBXH, Phụ lục II).
type Screening string

// The screening outcomes; "" means not screened.
const (
	ScreeningNone        Screening = ""
	ScreeningNeedsSurvey Screening = "needs_survey" // go on with Phiếu B
	ScreeningNotEligible Screening = "not_eligible" // answer in writing with reasons
)

var screeningLabels = map[Screening][2]string{
	ScreeningNone:        {"Chưa nhận dạng", "not screened"},
	ScreeningNeedsSurvey: {"Cần rà soát bằng Phiếu B", "needs a Phiếu B survey"},
	ScreeningNotEligible: {"Không đủ điều kiện", "not eligible"},
}

// Valid reports whether s is a known outcome or ScreeningNone.
func (s Screening) Valid() bool {
	_, ok := screeningLabels[s]
	return ok
}

// Label returns the Vietnamese name of the outcome.
func (s Screening) Label() string { return label(screeningLabels, s, 0) }

// LabelEN returns the English name of the outcome.
func (s Screening) LabelEN() string { return label(screeningLabels, s, 1) }

// Case is one household in one review round.
type Case struct {
	ID          int64
	RoundID     int64
	HouseholdID int64
	Origin      Origin
	// RequestReceived is the day the commune received Mẫu 01 or Mẫu 04; zero for a
	// listed household.
	RequestReceived time.Time
	State           State

	// Screening is the Phiếu A outcome (Mẫu 01 requests only).
	Screening Screening
	// PreviousClass is the class on the commune's lists before the review (ClassNone
	// if on no list); ProposedClass the class Phiếu B gives; FinalClass the class in the
	// commune chairman's decision.
	PreviousClass, ProposedClass, FinalClass Class
	// Votes is the count of the latest village meeting.
	Votes Votes
	// PostedOn is the first day of the latest public posting.
	PostedOn time.Time
	// Reason holds the written reasons of a rejection (required, Art. 5) or the
	// household's reason for withdrawing.
	Reason string
	// DecidedOn is the day of the decision or the written answer.
	DecidedOn time.Time
}

// NewCase opens a case for a household in the round, in its first state: listed for a
// household on the lists, requested for Mẫu 01 or Mẫu 04. received is the day the
// request arrived (ignored for a listed household); previous the household's class on
// the commune's lists today.
func NewCase(r *Round, householdID int64, origin Origin, received time.Time, previous Class) (*Case, error) {
	if r == nil {
		return nil, field(giamngheo.Errorf(giamngheo.EINVALID, "Hồ sơ chưa gắn với đợt rà soát.", "The case has no round."), "round")
	}
	c := &Case{RoundID: r.ID, HouseholdID: householdID, Origin: origin, PreviousClass: previous}
	if origin == OriginListed || origin == OriginSurveyChange {
		c.State = StateListed
	} else {
		c.State = StateRequested
		if !received.IsZero() {
			c.RequestReceived = civil(received)
		}
	}
	return c, c.Validate(r)
}

// Validate checks the case against its round: EINVALID with the offending field.
func (c *Case) Validate(r *Round) error {
	bad := func(f, vi, en string, args ...any) error {
		return field(giamngheo.Errorf(giamngheo.EINVALID, vi, en, args...), f)
	}
	switch {
	case r == nil:
		return bad("round", "Hồ sơ chưa gắn với đợt rà soát.", "The case has no round.")
	case c.RoundID != r.ID:
		return bad("round", "Hồ sơ không thuộc đợt rà soát này.", "The case does not belong to this round.")
	case c.HouseholdID <= 0:
		return bad("household", "Thiếu hộ gia đình của hồ sơ.", "The case has no household.")
	case !c.Origin.Valid():
		return bad("origin", "Nguồn hồ sơ %q không hợp lệ.", "The case origin %q is not valid.", c.Origin)
	case !c.State.Valid():
		return bad("state", "Trạng thái %q không hợp lệ.", "The state %q is not valid.", c.State)
	case !c.Screening.Valid():
		return bad("screening", "Kết quả nhận dạng %q không hợp lệ.", "The screening outcome %q is not valid.", c.Screening)
	case !c.PreviousClass.Valid() || !c.ProposedClass.Valid() || !c.FinalClass.Valid():
		return bad("class", "Phân loại hộ không hợp lệ.", "A class of the household is not valid.")
	case c.Origin == OriginListed && r.Kind != RoundPeriodic:
		// Art. 5: the regular review starts from a household's request.
		return bad("origin",
			"Rà soát thường xuyên chỉ xét hộ có giấy đề nghị (Quyết định 24/2021/QĐ-TTg, Điều 5).",
			"A regular review only takes households that filed a request (Decision 24/2021/QĐ-TTg, Art. 5).")
	case c.Origin == OriginListed && !c.PreviousClass.Below():
		return bad("previous_class",
			"Hộ trong danh sách rà soát phải đang là hộ nghèo hoặc cận nghèo.",
			"A listed household must currently be poor or near-poor.")
	case c.Origin == OriginRequest04 && !c.PreviousClass.Below():
		return bad("previous_class",
			"Chỉ hộ nghèo, hộ cận nghèo mới đề nghị công nhận thoát nghèo, thoát cận nghèo (Mẫu 04).",
			"Only a poor or near-poor household can ask to be recognised as escaped (Mẫu 04).")
	case c.Origin.Request() && c.RequestReceived.IsZero():
		return bad("request_received", "Thiếu ngày nhận giấy đề nghị.", "The day the request was received is missing.")
	case c.Origin.Request() && dayKey(c.RequestReceived) > dayKey(r.DecisionDue):
		return bad("request_received",
			"Giấy đề nghị nhận ngày %s, sau hạn quyết định của đợt (%s).",
			"The request was received on %s, after the round's decision deadline (%s).",
			formatDate(c.RequestReceived), formatDate(r.DecisionDue))
	}
	return nil
}
