package review

import (
	"fmt"
	"strings"
	"time"

	"giamngheo"
)

// A round's steps happen within its window: from its start date (01/09 for the annual
// review, the 15th of the month for a regular one: Decision 24/2021/QĐ-TTg, Art. 3)
// to the day the commune chairman's decision is due (14/12; 15 days later for a
// regular round, Art. 5). Nothing is dated in the future. A step dated after the
// deadline, and a round opened when its deadline has already passed (entered after
// the fact), are allowed only with a recorded reason, and the round page flags them
// ("quá hạn", "lùi ngày") with it (issue 11 item 4).

// Dated reports whether a step is dated and so held to the round's window. Rejecting
// a request (not eligible) and withdrawing it answer the household whenever it asks.
func (a Action) Dated() bool {
	return a != ActionReject && a != ActionWithdraw
}

// CheckStepDay checks the day a step of round r is dated on, given today in Vietnam:
// not after today, not before the round's start; after the round's decision deadline
// only with a reason (late is then true). The messages name the step and the dates.
func CheckStepDay(r *Round, a Action, day, today time.Time, reason string) (late bool, err error) {
	zero := day.IsZero()
	day, today = civil(day), civil(today)
	switch {
	case zero:
		return false, stepDayError(a, fmt.Sprintf("Thiếu ngày của bước «%s».", a.Label()), fmt.Sprintf("The date of the step %q is missing.", a.LabelEN()))
	case dayKey(day) > dayKey(today):
		return false, stepDayError(a,
			fmt.Sprintf("Ngày của bước «%s» (%s) sau hôm nay (%s): không ghi trước một bước chưa làm.", a.Label(), formatDate(day), formatDate(today)),
			fmt.Sprintf("The step %q is dated %s, after today (%s).", a.LabelEN(), formatDate(day), formatDate(today)))
	case dayKey(day) < dayKey(r.StartDate):
		return false, stepDayError(a,
			fmt.Sprintf("Ngày của bước «%s» (%s) trước ngày bắt đầu của đợt rà soát (%s).", a.Label(), formatDate(day), formatDate(r.StartDate)),
			fmt.Sprintf("The step %q is dated %s, before the round starts (%s).", a.LabelEN(), formatDate(day), formatDate(r.StartDate)))
	case dayKey(day) > dayKey(r.DecisionDue):
		if strings.TrimSpace(reason) == "" {
			return false, &giamngheo.Error{Code: giamngheo.EINVALID, Field: "late_reason",
				Message: "Bước «" + a.Label() + "» ngày " + formatDate(day) + " sau hạn quyết định của đợt rà soát (" + formatDate(r.DecisionDue) +
					"): cần ghi lý do quá hạn.",
				MessageEN: "The step \"" + a.LabelEN() + "\" dated " + formatDate(day) + " is after the round's decision deadline (" +
					formatDate(r.DecisionDue) + "): give the reason for the delay."}
		}
		return true, nil
	}
	return false, nil
}

// stepDayError is an EINVALID on the step's date field.
func stepDayError(a Action, vi, en string) error {
	return &giamngheo.Error{Code: giamngheo.EINVALID, Field: stepDayField(a), Message: vi, MessageEN: en}
}

// stepDayField is the form field that dates a step.
func stepDayField(a Action) string {
	switch a {
	case ActionHoldMeeting:
		return "meeting_date"
	case ActionPost, ActionRepost:
		return "posted_on"
	}
	return "day"
}

// CheckOpening checks a round being opened today: when its decision deadline has
// already passed, the round is entered after the fact (back-dated) and needs a reason
// (backdated is then true).
func CheckOpening(r *Round, today time.Time, reason string) (backdated bool, err error) {
	if dayKey(civil(today)) <= dayKey(r.DecisionDue) {
		return false, nil
	}
	if strings.TrimSpace(reason) == "" {
		return false, &giamngheo.Error{Code: giamngheo.EINVALID, Field: "backdate_reason",
			Message:   "Đợt rà soát này đã hết hạn quyết định (" + formatDate(r.DecisionDue) + "): mở lùi ngày cần ghi lý do.",
			MessageEN: "This round's decision deadline (" + formatDate(r.DecisionDue) + ") has passed: opening it back-dated needs a reason."}
	}
	return true, nil
}
