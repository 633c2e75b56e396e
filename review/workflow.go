package review

import (
	"fmt"
	"slices"
	"strings"

	"giamngheo"
)

// Step is one row of the workflow table: in state From, action Action leads to state
// To when every condition in When holds. Several rows may share From and Action with
// different conditions (the village meeting goes to meeting_agreed or to resurvey);
// the first row whose conditions hold wins.
type Step struct {
	From   State
	Action Action
	When   []Condition
	To     State
}

// steps is the workflow of Decision 24/2021/QĐ-TTg as data. Art. 4 (periodic review):
// list → Phiếu A/B → village meeting (≥ 50%, else survey again) → public posting
// (complaint → re-check → post again) → [district chairman's opinion] → commune
// chairman's decision. Art. 5 (regular review): the same steps from a Mẫu 01/04
// request; a request found not eligible gets a written answer with reasons.
// The household may withdraw its request at any open step.
var steps = []Step{
	{StateListed, ActionSurvey, []Condition{IfProposed}, StateSurveyed},

	{StateRequested, ActionScreen, []Condition{IfRequest01, IfScreened}, StateScreened},
	{StateRequested, ActionSurvey, []Condition{IfRequest04, IfProposed}, StateSurveyed},
	{StateRequested, ActionWithdraw, []Condition{IfRequest}, StateWithdrawn},

	{StateScreened, ActionSurvey, []Condition{IfNeedsSurvey, IfProposed}, StateSurveyed},
	{StateScreened, ActionReject, []Condition{IfNotEligible, IfReason}, StateRejected},
	{StateScreened, ActionWithdraw, []Condition{IfRequest}, StateWithdrawn},

	{StateSurveyed, ActionHoldMeeting, []Condition{IfMeetingAgreed}, StateMeetingAgreed},
	{StateSurveyed, ActionHoldMeeting, []Condition{IfMeetingFailed}, StateResurvey},
	{StateSurveyed, ActionWithdraw, []Condition{IfRequest}, StateWithdrawn},

	{StateResurvey, ActionSurvey, []Condition{IfProposed}, StateSurveyed},
	{StateResurvey, ActionWithdraw, []Condition{IfRequest}, StateWithdrawn},

	{StateMeetingAgreed, ActionPost, nil, StatePosted},
	{StateMeetingAgreed, ActionWithdraw, []Condition{IfRequest}, StateWithdrawn},

	{StatePosted, ActionComplain, nil, StateComplaint},
	{StatePosted, ActionAskDistrict, []Condition{IfDistrictStep}, StateDistrictOpinion},
	{StatePosted, ActionDecide, []Condition{IfNoDistrictStep, IfFinal}, StateDecided},
	{StatePosted, ActionReject, []Condition{IfNoDistrictStep, IfRequest, IfReason}, StateRejected},
	{StatePosted, ActionWithdraw, []Condition{IfRequest}, StateWithdrawn},

	{StateComplaint, ActionRecheck, nil, StateRechecked},
	{StateComplaint, ActionWithdraw, []Condition{IfRequest}, StateWithdrawn},

	{StateRechecked, ActionRepost, nil, StatePosted},
	{StateRechecked, ActionWithdraw, []Condition{IfRequest}, StateWithdrawn},

	{StateDistrictOpinion, ActionDistrictReply, nil, StateDistrictReplied},
	{StateDistrictOpinion, ActionWithdraw, []Condition{IfRequest}, StateWithdrawn},

	{StateDistrictReplied, ActionDecide, []Condition{IfFinal}, StateDecided},
	{StateDistrictReplied, ActionReject, []Condition{IfRequest, IfReason}, StateRejected},
	{StateDistrictReplied, ActionWithdraw, []Condition{IfRequest}, StateWithdrawn},
}

// Steps returns a copy of the workflow table, for documentation and screens.
func Steps() []Step {
	out := slices.Clone(steps)
	for i := range out {
		out[i].When = slices.Clone(out[i].When)
	}
	return out
}

// Next returns the state the case moves to when the role takes the action in the
// round. It changes nothing: the caller records the step's data on the case (the
// screening outcome, the class, the votes, the reasons) before calling Next, and sets
// Case.State to the result.
//
// Errors, checked in this order:
//   - EINVALID if the case or round is missing, the case is not of the round, or the
//     action or state is unknown;
//   - EFORBIDDEN if the role may never take the action (see actionRoles), whatever the
//     state: a viewer is told it may not act, not that the step is out of order;
//   - EINVALID if the action is not a step from the case's state (the message names
//     the state and the steps that are possible), or a condition fails (the message
//     says which, and Error.Field names the missing datum).
//
// Time limits (the posting period, the decision deadline) are not checked here, since
// Next has no clock: see PostingOver and Overdue.
func Next(c *Case, a Action, role giamngheo.Role, r *Round) (State, error) {
	if c == nil || r == nil {
		return "", giamngheo.Errorf(giamngheo.EINVALID, "Thiếu hồ sơ hoặc đợt rà soát.", "The case or the round is missing.")
	}
	if c.RoundID != r.ID {
		return "", field(giamngheo.Errorf(giamngheo.EINVALID,
			"Hồ sơ không thuộc đợt rà soát này.", "The case does not belong to this round."), "round")
	}
	if !a.Valid() {
		return "", field(giamngheo.Errorf(giamngheo.EINVALID,
			"Bước %q không tồn tại.", "There is no step %q.", a), "action")
	}
	if !c.State.Valid() {
		return "", field(giamngheo.Errorf(giamngheo.EINVALID,
			"Trạng thái hồ sơ %q không hợp lệ.", "The case state %q is not valid.", c.State), "state")
	}
	if !a.AllowedFor(role) {
		return "", forbidden(a, role)
	}
	var first error
	for _, s := range steps {
		if s.From != c.State || s.Action != a {
			continue
		}
		err := s.check(c, r)
		if err == nil {
			return s.To, nil
		}
		if first == nil {
			first = err
		}
	}
	if first != nil {
		return "", first
	}
	return "", outOfOrder(c.State, a)
}

// Allowed returns the actions the role may start on the case now, in Actions order:
// the buttons a screen shows. Conditions on the data the step itself records
// (Condition.Input: the Phiếu A outcome, the class, the votes, the reasons) are not
// checked, since the form that takes the step collects that data; Next checks them.
func Allowed(c *Case, role giamngheo.Role, r *Round) []Action {
	if c == nil || r == nil || c.RoundID != r.ID {
		return nil
	}
	var out []Action
	for _, a := range Actions {
		if !a.AllowedFor(role) {
			continue
		}
		for _, s := range steps {
			if s.From == c.State && s.Action == a && s.checkPath(c, r) == nil {
				out = append(out, a)
				break
			}
		}
	}
	return out
}

// check returns the first failing condition's error, or nil.
func (s Step) check(c *Case, r *Round) error {
	for _, k := range s.When {
		if err := conditions[k].check(c, r); err != nil {
			return err
		}
	}
	return nil
}

// checkPath is check without the input conditions.
func (s Step) checkPath(c *Case, r *Round) error {
	for _, k := range s.When {
		if conditions[k].input {
			continue
		}
		if err := conditions[k].check(c, r); err != nil {
			return err
		}
	}
	return nil
}

// actionsFrom lists the distinct actions of the rows leaving state s.
func actionsFrom(s State) []Action {
	var out []Action
	for _, st := range steps {
		if st.From == s && !slices.Contains(out, st.Action) {
			out = append(out, st.Action)
		}
	}
	return out
}

// outOfOrder is the error for an action that is not a step from the state.
func outOfOrder(s State, a Action) error {
	if s.Terminal() {
		return &giamngheo.Error{
			Code:      giamngheo.EINVALID,
			Message:   fmt.Sprintf("Không thể %q: hồ sơ đã kết thúc (%s).", a.Label(), s.Label()),
			MessageEN: fmt.Sprintf("Cannot %q: the case is closed (%s).", a.LabelEN(), s.LabelEN()),
			Field:     "action",
		}
	}
	next := actionsFrom(s)
	vi := make([]string, len(next))
	en := make([]string, len(next))
	for i, n := range next {
		vi[i], en[i] = fmt.Sprintf("%q", n.Label()), fmt.Sprintf("%q", n.LabelEN())
	}
	return &giamngheo.Error{
		Code: giamngheo.EINVALID,
		Message: fmt.Sprintf("Không thể %q khi hồ sơ đang ở bước %q. Bước tiếp theo có thể: %s.",
			a.Label(), s.Label(), strings.Join(vi, ", ")),
		MessageEN: fmt.Sprintf("Cannot %q while the case is at the step %q. Possible next steps: %s.",
			a.LabelEN(), s.LabelEN(), strings.Join(en, ", ")),
		Field: "action",
	}
}

// forbidden is the error for a role that may never take the action.
func forbidden(a Action, role giamngheo.Role) error {
	roles := actionRoles[a]
	vi := make([]string, len(roles))
	en := make([]string, len(roles))
	for i, r := range roles {
		vi[i], en[i] = r.Label(), string(r)
	}
	return &giamngheo.Error{
		Code: giamngheo.EFORBIDDEN,
		Message: fmt.Sprintf("Vai trò %q không được thực hiện bước %q; chỉ %s được thực hiện.",
			role.Label(), a.Label(), strings.Join(vi, ", ")),
		MessageEN: fmt.Sprintf("The role %q may not take the step %q; only %s may.",
			string(role), a.LabelEN(), strings.Join(en, ", ")),
		Field: "action",
	}
}
