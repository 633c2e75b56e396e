package review

import (
	"testing"

	"giamngheo"
)

func TestMeetingOutcome(t *testing.T) {
	tests := []struct {
		attendees, agree int
		agreed           bool
		code             string // "" = no error
	}{
		{10, 10, true, ""},
		{10, 6, true, ""},
		{10, 5, true, ""}, // exactly 50%: agreed (Art. 4 step 3: at least 50%)
		{10, 4, false, ""},
		{10, 0, false, ""},
		{9, 5, true, ""},  // 55.6%
		{9, 4, false, ""}, // 44.4%
		{1, 1, true, ""},
		{1, 0, false, ""},
		{2, 1, true, ""},
		{3, 1, false, ""},
		{0, 0, false, giamngheo.EINVALID},   // nobody attended
		{-5, 0, false, giamngheo.EINVALID},  // negative attendance
		{10, -1, false, giamngheo.EINVALID}, // negative agreement
		{10, 11, false, giamngheo.EINVALID}, // more agree than attend
	}
	for _, tt := range tests {
		agreed, err := MeetingOutcome(tt.attendees, tt.agree)
		if got := giamngheo.ErrorCode(err); got != tt.code {
			t.Errorf("MeetingOutcome(%d, %d) error code = %q, want %q (%v)", tt.attendees, tt.agree, got, tt.code, err)
		}
		if agreed != tt.agreed {
			t.Errorf("MeetingOutcome(%d, %d) = %v, want %v", tt.attendees, tt.agree, agreed, tt.agreed)
		}
		if v := (Votes{tt.attendees, tt.agree}); true {
			a2, err2 := v.Outcome()
			if a2 != agreed || giamngheo.ErrorCode(err2) != giamngheo.ErrorCode(err) {
				t.Errorf("Votes%v.Outcome() differs from MeetingOutcome", v)
			}
		}
	}
}

func TestMeetingOutcomeMessages(t *testing.T) {
	_, err := MeetingOutcome(10, 11)
	if vi, en := giamngheo.ErrorMessage(err), giamngheo.ErrorMessageEN(err); vi != "Số người đồng ý (11) không được lớn hơn số người dự họp (10)." ||
		en != "The number who agree (11) cannot exceed the number of attendees (10)." {
		t.Errorf("messages = %q / %q", vi, en)
	}
}
