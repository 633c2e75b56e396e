package review

// State is where a case stands in the review workflow of Decision 24/2021/QĐ-TTg.
type State string

// The states, in workflow order. See workflow.go for the moves between them.
const (
	// StateListed: a household on the poor or near-poor list the commune manages,
	// listed for the periodic review (Art. 4, step 1; Phụ lục I of Circular 07/2021).
	StateListed State = "listed"
	// StateRequested: a Mẫu 01 or Mẫu 04 request was received (Art. 4 step 1; Art. 5).
	StateRequested State = "requested"
	// StateScreened: Phiếu A (quick identification) is done; Case.Screening says
	// whether a full Phiếu B survey is needed or the household is not eligible.
	StateScreened State = "screened"
	// StateSurveyed: Phiếu B is done and the household has a proposed class (Art. 4 step 2).
	StateSurveyed State = "surveyed"
	// StateMeetingAgreed: the village meeting agreed with at least 50% (Art. 4 step 3).
	StateMeetingAgreed State = "meeting_agreed"
	// StateResurvey: the village meeting did not reach 50%; the household is surveyed
	// again and a new meeting held (Art. 4 step 3).
	StateResurvey State = "resurvey"
	// StatePosted: the result is publicly posted (niêm yết) for Round.PostingDays working days.
	StatePosted State = "posted"
	// StateComplaint: a complaint was received; the re-check (phúc tra) is under way.
	StateComplaint State = "complaint"
	// StateRechecked: the re-check is done; the result must be posted again.
	StateRechecked State = "rechecked"
	// StateDistrictOpinion: the commune chairman has asked the district chairman's
	// opinion and waits for it (only in rounds with Round.DistrictOpinionRequired).
	StateDistrictOpinion State = "district_opinion"
	// StateDistrictReplied: the district chairman's opinion has arrived; the commune
	// chairman may decide. (Added to the brief's list so that "waiting for the district"
	// and "waiting for the commune" are two worklists, not one state and a flag.)
	StateDistrictReplied State = "district_replied"
	// StateDecided: the commune chairman's decision recognises the household's class
	// (poor, near-poor, escaped poverty, escaped near-poverty) (Art. 4 last step; Art. 5).
	StateDecided State = "decided"
	// StateRejected: the request is not eligible; the commune chairman answered in
	// writing with the reasons (Art. 5).
	StateRejected State = "rejected"
	// StateWithdrawn: the household withdrew its request.
	StateWithdrawn State = "withdrawn"
)

// States lists every state in workflow order.
var States = []State{
	StateListed, StateRequested, StateScreened, StateSurveyed, StateMeetingAgreed,
	StateResurvey, StatePosted, StateComplaint, StateRechecked, StateDistrictOpinion,
	StateDistrictReplied, StateDecided, StateRejected, StateWithdrawn,
}

var stateLabels = map[State][2]string{
	StateListed:          {"Trong danh sách rà soát", "listed for review"},
	StateRequested:       {"Đã nhận giấy đề nghị", "request received"},
	StateScreened:        {"Đã nhận dạng nhanh (Phiếu A)", "screened (Phiếu A)"},
	StateSurveyed:        {"Đã rà soát, chấm điểm (Phiếu B)", "surveyed and scored (Phiếu B)"},
	StateMeetingAgreed:   {"Họp dân đã thống nhất", "agreed by the village meeting"},
	StateResurvey:        {"Rà soát lại (họp dân chưa đạt 50%)", "to survey again (meeting below 50%)"},
	StatePosted:          {"Đang niêm yết công khai", "publicly posted"},
	StateComplaint:       {"Có khiếu nại, đang phúc tra", "complaint, re-check under way"},
	StateRechecked:       {"Đã phúc tra", "re-checked"},
	StateDistrictOpinion: {"Chờ ý kiến Chủ tịch UBND cấp huyện", "awaiting the district chairman's opinion"},
	StateDistrictReplied: {"Đã có ý kiến cấp huyện", "district opinion received"},
	StateDecided:         {"Đã có quyết định công nhận", "decided"},
	StateRejected:        {"Không đủ điều kiện (đã trả lời bằng văn bản)", "not eligible (answered in writing)"},
	StateWithdrawn:       {"Đã rút đề nghị", "request withdrawn"},
}

// Valid reports whether s is a known state.
func (s State) Valid() bool {
	_, ok := stateLabels[s]
	return ok
}

// Terminal reports whether the case is closed: decided, rejected or withdrawn.
func (s State) Terminal() bool {
	return s == StateDecided || s == StateRejected || s == StateWithdrawn
}

// Label returns the Vietnamese name of the state.
func (s State) Label() string { return label(stateLabels, s, 0) }

// LabelEN returns the English name of the state.
func (s State) LabelEN() string { return label(stateLabels, s, 1) }
