package review

import "time"

// Deadline returns the last day on which the commune chairman may decide the case:
// the round's DecisionDue, fixed when the round was opened. A regular round must
// decide within 15 days of its start (Decision 24/2021/QĐ-TTg, Art. 5), a periodic round
// by 14/12 (Art. 3); see Config for how the days are counted.
//
// For a Round built without DecisionDue (by hand, or read from an older store) it is
// derived from EndDate: a regular round's end falling on a day off of cal moves to the
// next working day (Civil Code 2015, Art. 148); with a nil cal it does not move.
// Today every case of a round shares its deadline; the case is an argument so a
// per-case rule can be added without changing callers.
func Deadline(c *Case, r *Round, cal *Calendar) time.Time {
	if r == nil {
		return time.Time{}
	}
	if !r.DecisionDue.IsZero() {
		return civil(r.DecisionDue)
	}
	if r.EndDate.IsZero() {
		return time.Time{}
	}
	if r.Kind == RoundRegular && cal != nil {
		return onOrAfterWorkingDay(r.EndDate, cal)
	}
	return civil(r.EndDate)
}

// Overdue reports whether the case is still open after its deadline day has ended:
// the home page's red flag. now is an instant, read as a day in Vietnam time; a closed
// case (decided, rejected, withdrawn) is never overdue.
func Overdue(c *Case, r *Round, now time.Time) bool {
	if c == nil || c.State.Terminal() {
		return false
	}
	d := Deadline(c, r, nil)
	return !d.IsZero() && dayKey(today(now)) > dayKey(d)
}

// DaysLeft returns the calendar days from today (Vietnam time) to the case's deadline:
// 0 on the deadline day, negative once overdue. A home page may highlight open cases
// with few days left.
func DaysLeft(c *Case, r *Round, now time.Time) int {
	return daysBetween(today(now), Deadline(c, r, nil))
}

// PostingEnd returns the last day of the case's public posting: PostedOn plus the
// round's PostingDays working days, the first day not counted (see AddWorkingDays).
// It is the zero time when the case has not been posted.
func PostingEnd(c *Case, r *Round, cal *Calendar) time.Time {
	if c == nil || r == nil || c.PostedOn.IsZero() {
		return time.Time{}
	}
	return AddWorkingDays(c.PostedOn, r.PostingDays, cal)
}

// PostingOver reports whether the posting period of a posted case has ended by now
// (Vietnam time): the decision may be taken from the day after PostingEnd. A service
// checks it before the decide and ask_district steps, which Next cannot time.
func PostingOver(c *Case, r *Round, cal *Calendar, now time.Time) bool {
	end := PostingEnd(c, r, cal)
	return !end.IsZero() && dayKey(today(now)) > dayKey(end)
}
