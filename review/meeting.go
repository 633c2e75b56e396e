package review

import "giamngheo"

// Votes is the count of the village meeting (họp dân) on a household's result.
type Votes struct {
	Attendees int // people attending the meeting
	Agree     int // attendees who agree with the proposed result
}

// MeetingOutcome applies the village-meeting rule: the result is agreed when at least
// 50% of the attendees agree; below that the household is surveyed again and a new
// meeting held (Decision 24/2021/QĐ-TTg, Art. 4, step 3; regulations.md §3.4 [V]).
// Exactly half agreeing is enough. A count with no attendees, a negative number or
// more agreeing than attending is refused with EINVALID.
func MeetingOutcome(attendees, agree int) (agreed bool, err error) {
	if attendees <= 0 {
		return false, field(giamngheo.Errorf(giamngheo.EINVALID,
			"Số người dự họp phải lớn hơn 0 (đang là %d).",
			"The number of meeting attendees must be greater than 0 (got %d).", attendees), "votes")
	}
	if agree < 0 {
		return false, field(giamngheo.Errorf(giamngheo.EINVALID,
			"Số người đồng ý không được âm (đang là %d).",
			"The number who agree cannot be negative (got %d).", agree), "votes")
	}
	if agree > attendees {
		return false, field(giamngheo.Errorf(giamngheo.EINVALID,
			"Số người đồng ý (%d) không được lớn hơn số người dự họp (%d).",
			"The number who agree (%d) cannot exceed the number of attendees (%d).", agree, attendees), "votes")
	}
	// agree/attendees >= 1/2, in integers.
	return 2*agree >= attendees, nil
}

// Outcome applies MeetingOutcome to v.
func (v Votes) Outcome() (agreed bool, err error) {
	return MeetingOutcome(v.Attendees, v.Agree)
}

// field sets the Field of an application error and returns it.
func field(e *giamngheo.Error, name string) *giamngheo.Error {
	e.Field = name
	return e
}
