package review

import (
	"testing"
	"time"
)

func TestDeadlineAndOverdue(t *testing.T) {
	june, _ := NewRegularRound("10507", 2025, 6, DefaultConfig())   // due Monday 30/06/2025
	jan, _ := NewRegularRound("10507", 2025, 1, DefaultConfig())    // 30/01 in Tết: due 03/02/2025
	periodic, _ := NewPeriodicRound("10507", 2025, DefaultConfig()) // due 14/12/2025
	open := &Case{State: StatePosted}
	closed := &Case{State: StateDecided}
	tests := []struct {
		name    string
		c       *Case
		r       *Round
		now     time.Time
		due     time.Time
		overdue bool
		left    int
	}{
		{"regular, 15 days from the 15th", open, june, d(2025, 6, 20), d(2025, 6, 30), false, 10},
		{"on the deadline day", open, june, time.Date(2025, 6, 30, 23, 59, 0, 0, vietnam), d(2025, 6, 30), false, 0},
		{"one minute after midnight in Vietnam, still 30/06 in UTC", open, june, time.Date(2025, 6, 30, 17, 1, 0, 0, time.UTC), d(2025, 6, 30), true, -1},
		{"closed cases are never overdue", closed, june, d(2025, 8, 1), d(2025, 6, 30), false, -32},
		{"Tết moves the deadline", open, jan, d(2025, 1, 31), d(2025, 2, 3), false, 3},
		{"after the moved deadline", open, jan, d(2025, 2, 4), d(2025, 2, 3), true, -1},
		{"periodic: by 14/12", open, periodic, d(2025, 12, 14), d(2025, 12, 14), false, 0},
		{"periodic: 15/12 is late", open, periodic, d(2025, 12, 15), d(2025, 12, 14), true, -1},
	}
	for _, tt := range tests {
		if got := Deadline(tt.c, tt.r, DefaultConfig().Calendar); !got.Equal(tt.due) {
			t.Errorf("%s: Deadline = %s, want %s", tt.name, got.Format(time.DateOnly), tt.due.Format(time.DateOnly))
		}
		if got := Overdue(tt.c, tt.r, tt.now); got != tt.overdue {
			t.Errorf("%s: Overdue = %v, want %v", tt.name, got, tt.overdue)
		}
		if got := DaysLeft(tt.c, tt.r, tt.now); got != tt.left {
			t.Errorf("%s: DaysLeft = %d, want %d", tt.name, got, tt.left)
		}
	}
}

// TestDeadlineWithoutDecisionDue covers rounds built by hand or read from an older
// store: the deadline is derived from EndDate with the given calendar.
func TestDeadlineWithoutDecisionDue(t *testing.T) {
	cal := DefaultCalendar()
	regular := &Round{Kind: RoundRegular, EndDate: d(2025, 1, 30)}    // in the Tết break
	periodic := &Round{Kind: RoundPeriodic, EndDate: d(2025, 12, 14)} // a Sunday
	c := &Case{State: StatePosted}
	tests := []struct {
		name string
		r    *Round
		cal  *Calendar
		want time.Time
	}{
		{"regular, moved over Tết", regular, cal, d(2025, 2, 3)},
		{"regular, no calendar: not moved", regular, nil, d(2025, 1, 30)},
		{"periodic: never moved", periodic, cal, d(2025, 12, 14)},
		{"no round", nil, cal, time.Time{}},
		{"no dates", &Round{Kind: RoundRegular}, cal, time.Time{}},
	}
	for _, tt := range tests {
		if got := Deadline(c, tt.r, tt.cal); !got.Equal(tt.want) {
			t.Errorf("%s: Deadline = %v, want %v", tt.name, got, tt.want)
		}
	}
	if Overdue(c, &Round{}, d(2030, 1, 1)) || Overdue(nil, regular, d(2030, 1, 1)) {
		t.Error("a case without a deadline is not overdue")
	}
}

func TestPostingEnd(t *testing.T) {
	cal := DefaultCalendar()
	r := &Round{PostingDays: 3}
	seven := &Round{PostingDays: 7} // the 2016-2020 figure, for a province that configures it
	tests := []struct {
		name   string
		posted time.Time
		r      *Round
		end    time.Time
		now    time.Time
		over   bool
	}{
		{"Monday + 3 working days", d(2025, 7, 21), r, d(2025, 7, 24), d(2025, 7, 24), false},
		{"over the next day", d(2025, 7, 21), r, d(2025, 7, 24), d(2025, 7, 25), true},
		{"Friday: the weekend does not count", d(2025, 7, 25), r, d(2025, 7, 30), d(2025, 7, 29), false},
		{"posted before 30/04/2025: the 5-day break does not count", d(2025, 4, 28), r, d(2025, 5, 6), d(2025, 5, 6), false},
		{"7 working days", d(2025, 7, 21), seven, d(2025, 7, 30), d(2025, 7, 31), true},
		{"not posted", time.Time{}, r, time.Time{}, d(2025, 7, 31), false},
	}
	for _, tt := range tests {
		c := &Case{State: StatePosted, PostedOn: tt.posted}
		if got := PostingEnd(c, tt.r, cal); !got.Equal(tt.end) {
			t.Errorf("%s: PostingEnd = %v, want %v", tt.name, got, tt.end)
		}
		if got := PostingOver(c, tt.r, cal, tt.now); got != tt.over {
			t.Errorf("%s: PostingOver = %v, want %v", tt.name, got, tt.over)
		}
	}
}
