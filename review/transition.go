package review

// TransitionKind is how a household's standing changed between two reviews, as the
// "diễn biến hộ nghèo / hộ cận nghèo" reports count it (regulations.md §2.4 and §7):
// decreases and increases of the poor and near-poor lists.
type TransitionKind string

// The kinds of transition.
const (
	// TransitionNone: neither poor nor near-poor before or after; not in the reports.
	TransitionNone TransitionKind = "none"
	// TransitionStayedPoor / TransitionStayedNearPoor: no change.
	TransitionStayedPoor     TransitionKind = "stayed_poor"
	TransitionStayedNearPoor TransitionKind = "stayed_near_poor"
	// TransitionPoorToNearPoor: escaped poverty and became near-poor (thoát nghèo,
	// thành hộ cận nghèo).
	TransitionPoorToNearPoor TransitionKind = "poor_to_near_poor"
	// TransitionPoorToAbove: escaped poverty above the near-poor line (thoát nghèo vượt
	// chuẩn cận nghèo).
	TransitionPoorToAbove TransitionKind = "poor_to_above"
	// TransitionNearPoorToAbove: escaped near-poverty (thoát cận nghèo).
	TransitionNearPoorToAbove TransitionKind = "near_poor_to_above"
	// TransitionNearPoorToPoor: a near-poor household became poor.
	TransitionNearPoorToPoor TransitionKind = "near_poor_to_poor"
	// TransitionRePoor: fell back into poverty (tái nghèo): poor earlier in the period,
	// escaped, and poor again.
	TransitionRePoor TransitionKind = "re_poor"
	// TransitionReNearPoor: fell back into near-poverty (tái cận nghèo): poor or
	// near-poor earlier in the period, escaped above the near-poor line, and near-poor
	// again. [U]: the near-poor report mirrors the poor one (regulations.md §2.4), which
	// suggests this column; its exact definition was not found.
	TransitionReNearPoor TransitionKind = "re_near_poor"
	// TransitionNewPoor / TransitionNewNearPoor: newly arisen (phát sinh mới).
	TransitionNewPoor     TransitionKind = "new_poor"
	TransitionNewNearPoor TransitionKind = "new_near_poor"
	// Other increases and decreases ("tăng khác", "giảm khác"): changes of the
	// household itself rather than of its living standard.
	TransitionMovedIn   TransitionKind = "moved_in"   // chuyển đến
	TransitionSplit     TransitionKind = "split"      // tách hộ: a new household split off
	TransitionMovedAway TransitionKind = "moved_away" // chuyển đi
	TransitionMerged    TransitionKind = "merged"     // nhập hộ: merged into another household
	TransitionDied      TransitionKind = "died"       // hộ một người đã chết
	// TransitionInvalid: a class given was not a known class.
	TransitionInvalid TransitionKind = "invalid"
)

// TransitionKinds lists every kind, in report order.
var TransitionKinds = []TransitionKind{
	TransitionNone, TransitionStayedPoor, TransitionStayedNearPoor,
	TransitionPoorToNearPoor, TransitionPoorToAbove, TransitionNearPoorToAbove,
	TransitionNearPoorToPoor, TransitionRePoor, TransitionReNearPoor,
	TransitionNewPoor, TransitionNewNearPoor,
	TransitionMovedIn, TransitionSplit, TransitionMovedAway, TransitionMerged, TransitionDied,
	TransitionInvalid,
}

var transitionLabels = map[TransitionKind][2]string{
	TransitionNone:            {"Không thuộc diện nghèo, cận nghèo", "neither poor nor near-poor"},
	TransitionStayedPoor:      {"Vẫn là hộ nghèo", "still poor"},
	TransitionStayedNearPoor:  {"Vẫn là hộ cận nghèo", "still near-poor"},
	TransitionPoorToNearPoor:  {"Thoát nghèo, thành hộ cận nghèo", "escaped poverty, became near-poor"},
	TransitionPoorToAbove:     {"Thoát nghèo vượt chuẩn cận nghèo", "escaped poverty above the near-poor line"},
	TransitionNearPoorToAbove: {"Thoát cận nghèo", "escaped near-poverty"},
	TransitionNearPoorToPoor:  {"Hộ cận nghèo thành hộ nghèo", "near-poor became poor"},
	TransitionRePoor:          {"Tái nghèo", "fell back into poverty"},
	TransitionReNearPoor:      {"Tái cận nghèo", "fell back into near-poverty"},
	TransitionNewPoor:         {"Hộ nghèo phát sinh mới", "newly poor"},
	TransitionNewNearPoor:     {"Hộ cận nghèo phát sinh mới", "newly near-poor"},
	TransitionMovedIn:         {"Chuyển đến", "moved in"},
	TransitionSplit:           {"Tách hộ", "split off"},
	TransitionMovedAway:       {"Chuyển đi", "moved away"},
	TransitionMerged:          {"Nhập hộ", "merged into another household"},
	TransitionDied:            {"Hộ một người đã chết", "only member died"},
	TransitionInvalid:         {"Phân loại không hợp lệ", "invalid class"},
}

// Valid reports whether k is a known kind.
func (k TransitionKind) Valid() bool {
	_, ok := transitionLabels[k]
	return ok
}

// Label returns the Vietnamese name of the kind.
func (k TransitionKind) Label() string { return label(transitionLabels, k, 0) }

// LabelEN returns the English name of the kind.
func (k TransitionKind) LabelEN() string { return label(transitionLabels, k, 1) }

// Event is a change of the household itself that puts it on or takes it off a
// commune's lists regardless of its living standard.
type Event string

// The events; EventNone is the usual case.
const (
	EventNone      Event = ""
	EventMovedIn   Event = "moved_in"
	EventSplit     Event = "split" // the household is new, split off another one
	EventMovedAway Event = "moved_away"
	EventMerged    Event = "merged"
	EventDied      Event = "died" // a one-person household whose member died
)

// TransitionFlags carries what the two classes alone cannot tell.
type TransitionFlags struct {
	// WasPoor: the household was poor at an earlier review of the same standard's
	// period (2022-2025, extended to 2026) and has escaped since. Makes poor again
	// tái nghèo rather than phát sinh mới.
	WasPoor bool
	// WasNearPoor: likewise for near-poverty. WasPoor or WasNearPoor makes near-poor
	// again tái cận nghèo rather than phát sinh mới.
	WasNearPoor bool
	// Event is a move, split, merger or death; EventNone otherwise.
	Event Event
}

// Transition classifies the change from prev (the class on the lists before the
// review; ClassNone if on none) to next (the class decided; ClassNone if the household
// is no longer on the commune's lists). Middle and not-poor count as above the
// near-poor line, like ClassNone.
//
// An arrival (moved in, split off) counts by next; a departure (moved away, merged,
// died) by prev: each is an "other" increase or decrease only if that class is poor or
// near-poor, else TransitionNone. Tái nghèo takes precedence over near-poor → poor when
// both apply (a household poor in 2022, near-poor in 2023, poor in 2024): the report of
// near-poor households still counts it as a decrease from its prev class.
func Transition(prev, next Class, f TransitionFlags) TransitionKind {
	if !prev.Valid() || !next.Valid() {
		return TransitionInvalid
	}
	switch f.Event {
	case EventMovedIn, EventSplit:
		if !next.Below() {
			return TransitionNone
		}
		if f.Event == EventSplit {
			return TransitionSplit
		}
		return TransitionMovedIn
	case EventMovedAway, EventMerged, EventDied:
		if !prev.Below() {
			return TransitionNone
		}
		switch f.Event {
		case EventMovedAway:
			return TransitionMovedAway
		case EventMerged:
			return TransitionMerged
		}
		return TransitionDied
	case EventNone:
	default:
		return TransitionInvalid
	}
	switch {
	case prev == ClassPoor && next == ClassPoor:
		return TransitionStayedPoor
	case prev == ClassPoor && next == ClassNearPoor:
		return TransitionPoorToNearPoor
	case prev == ClassPoor:
		return TransitionPoorToAbove
	case next == ClassPoor && f.WasPoor:
		return TransitionRePoor
	case prev == ClassNearPoor && next == ClassPoor:
		return TransitionNearPoorToPoor
	case prev == ClassNearPoor && next == ClassNearPoor:
		return TransitionStayedNearPoor
	case prev == ClassNearPoor:
		return TransitionNearPoorToAbove
	case next == ClassPoor:
		return TransitionNewPoor
	case next == ClassNearPoor && (f.WasNearPoor || f.WasPoor):
		return TransitionReNearPoor
	case next == ClassNearPoor:
		return TransitionNewNearPoor
	}
	return TransitionNone
}
