package review

import (
	"slices"
	"testing"
	"time"

	"giamngheo"
)

// walker takes one household's case through a round, step by step, as the service
// would: record the step's data on the case, ask Next, store the new state.
type walker struct {
	t   *testing.T
	c   *Case
	r   *Round
	cal *Calendar
}

// do takes the action and checks the state it leads to.
func (w *walker) do(a Action, role giamngheo.Role, want State) {
	w.t.Helper()
	got, err := Next(w.c, a, role, w.r)
	if err != nil {
		w.t.Fatalf("%s by %s at %s: %v", a, role, w.c.State, err)
	}
	if got != want {
		w.t.Fatalf("%s by %s at %s: got %s, want %s", a, role, w.c.State, got, want)
	}
	w.c.State = got
}

// refuse checks that the action is refused with the code and leaves the case as is.
func (w *walker) refuse(a Action, role giamngheo.Role, code string) {
	w.t.Helper()
	before := w.c.State
	if _, err := Next(w.c, a, role, w.r); giamngheo.ErrorCode(err) != code {
		w.t.Fatalf("%s by %s at %s: got %v, want %s", a, role, before, err, code)
	}
}

// buttons checks what a commune officer is offered.
func (w *walker) buttons(want ...Action) {
	w.t.Helper()
	if got := Allowed(w.c, giamngheo.RoleCommuneOfficer, w.r); !slices.Equal(got, want) {
		w.t.Fatalf("at %s the commune officer is offered %v, want %v", w.c.State, got, want)
	}
}

const (
	communeOfficer  = giamngheo.RoleCommuneOfficer
	districtOfficer = giamngheo.RoleDistrictOfficer
	provinceOfficer = giamngheo.RoleProvinceOfficer
)

// TestScenarioRequest01 walks a household that filed Mẫu 01 through a regular
// (monthly) round: Phiếu A → Phiếu B → village meeting → posting → decision, once in
// July 2025 (two-tier local government, no district step) and once in June 2025
// (decision due 30/06/2025, so the district chairman's opinion is asked first).
func TestScenarioRequest01(t *testing.T) {
	for _, tt := range []struct {
		name     string
		month    time.Month
		district bool
		due      time.Time
	}{
		{"July 2025, no district step", time.July, false, d(2025, 7, 30)},
		{"June 2025, district step", time.June, true, d(2025, 6, 30)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cal := DefaultCalendar()
			r, err := NewRegularRound("10507", 2025, tt.month, DefaultConfig())
			if err != nil {
				t.Fatal(err)
			}
			r.ID = 31
			if r.DistrictOpinionRequired != tt.district || !r.DecisionDue.Equal(tt.due) {
				t.Fatalf("round %+v", r)
			}
			c, err := NewCase(r, 4201, OriginRequest01, d(2025, tt.month, 8), ClassNone)
			if err != nil {
				t.Fatal(err)
			}
			w := &walker{t, c, r, cal}
			w.buttons(ActionScreen, ActionWithdraw)

			// Phiếu A: the household may be poor; survey it.
			w.refuse(ActionScreen, communeOfficer, giamngheo.EINVALID) // the outcome is not recorded yet
			c.Screening = ScreeningNeedsSurvey
			w.do(ActionScreen, communeOfficer, StateScreened)

			// Phiếu B: near-poor.
			w.refuse(ActionHoldMeeting, communeOfficer, giamngheo.EINVALID) // no meeting before the survey
			c.ProposedClass = ClassNearPoor
			w.do(ActionSurvey, communeOfficer, StateSurveyed)

			// Village meeting: 25 of 40 agree.
			c.Votes = Votes{Attendees: 40, Agree: 25}
			w.refuse(ActionHoldMeeting, giamngheo.RoleViewer, giamngheo.EFORBIDDEN)
			w.do(ActionHoldMeeting, communeOfficer, StateMeetingAgreed)

			// Posting from Monday the 16th (Monday 21/07 in July) for 3 working days.
			posted := map[time.Month]time.Time{time.June: d(2025, 6, 16), time.July: d(2025, 7, 21)}[tt.month]
			c.PostedOn = posted
			w.do(ActionPost, communeOfficer, StatePosted)
			end := PostingEnd(c, r, cal)
			if want := addDays(posted, 3); !end.Equal(want) {
				t.Fatalf("posting ends %s, want %s", end.Format(time.DateOnly), want.Format(time.DateOnly))
			}
			if PostingOver(c, r, cal, end) || !PostingOver(c, r, cal, addDays(end, 1)) {
				t.Fatal("the posting is over the day after PostingEnd")
			}

			c.FinalClass = ClassNearPoor
			if tt.district {
				w.buttons(ActionComplain, ActionAskDistrict, ActionWithdraw)
				w.refuse(ActionDecide, communeOfficer, giamngheo.EINVALID) // ask the district first
				w.do(ActionAskDistrict, communeOfficer, StateDistrictOpinion)
				w.refuse(ActionDistrictReply, communeOfficer, giamngheo.EFORBIDDEN)
				w.refuse(ActionDecide, communeOfficer, giamngheo.EINVALID) // still waiting
				w.do(ActionDistrictReply, districtOfficer, StateDistrictReplied)
			} else {
				w.buttons(ActionComplain, ActionDecide, ActionReject, ActionWithdraw)
				w.refuse(ActionAskDistrict, communeOfficer, giamngheo.EINVALID)
			}
			decided := addDays(end, 1)
			c.DecidedOn = decided
			if Overdue(c, r, decided) {
				t.Fatal("decided in time")
			}
			w.do(ActionDecide, communeOfficer, StateDecided)
			w.buttons()
			if Overdue(c, r, d(2025, 12, 31)) {
				t.Fatal("a decided case is never overdue")
			}
			if k := Transition(c.PreviousClass, c.FinalClass, TransitionFlags{}); k != TransitionNewNearPoor {
				t.Fatalf("transition %s, want new near-poor", k)
			}
		})
	}
}

// TestScenarioFailedMeetingAndComplaint walks a poor household through the 2025
// periodic round: the first meeting does not reach 50%, the household is surveyed
// again, the second meeting agrees, the posted result draws a complaint (recorded by a
// province officer, who supervises), the commune re-checks and posts again, and the
// commune chairman decides: the household escaped poverty and is near-poor.
func TestScenarioFailedMeetingAndComplaint(t *testing.T) {
	cal := DefaultCalendar()
	r, err := NewPeriodicRound("10507", 2025, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	r.ID = 25
	c, err := NewCase(r, 777, OriginListed, time.Time{}, ClassPoor)
	if err != nil {
		t.Fatal(err)
	}
	w := &walker{t, c, r, cal}
	w.buttons(ActionSurvey)
	w.refuse(ActionScreen, communeOfficer, giamngheo.EINVALID) // Phiếu A is for requests

	c.ProposedClass = ClassNotPoor
	w.do(ActionSurvey, communeOfficer, StateSurveyed)

	// 12 of 30 agree: 40% < 50%, survey again.
	c.Votes = Votes{Attendees: 30, Agree: 12}
	w.do(ActionHoldMeeting, communeOfficer, StateResurvey)
	w.buttons(ActionSurvey) // a listed household cannot withdraw
	w.refuse(ActionPost, communeOfficer, giamngheo.EINVALID)

	c.ProposedClass = ClassNearPoor
	w.do(ActionSurvey, communeOfficer, StateSurveyed)
	c.Votes = Votes{Attendees: 30, Agree: 15} // exactly 50%
	w.do(ActionHoldMeeting, communeOfficer, StateMeetingAgreed)

	c.PostedOn = d(2025, 10, 31) // Friday
	w.do(ActionPost, communeOfficer, StatePosted)
	if end := PostingEnd(c, r, cal); !end.Equal(d(2025, 11, 5)) {
		t.Fatalf("posting ends %s, want Wednesday 05/11/2025", end.Format(time.DateOnly))
	}

	// A neighbour complains to the province, which records it.
	w.refuse(ActionComplain, giamngheo.RoleViewer, giamngheo.EFORBIDDEN)
	w.do(ActionComplain, provinceOfficer, StateComplaint)
	w.refuse(ActionRecheck, provinceOfficer, giamngheo.EFORBIDDEN) // the commune re-checks
	w.refuse(ActionDecide, communeOfficer, giamngheo.EINVALID)
	w.do(ActionRecheck, communeOfficer, StateRechecked)
	w.refuse(ActionDecide, communeOfficer, giamngheo.EINVALID) // post again first

	c.PostedOn = d(2025, 11, 10)
	w.do(ActionRepost, communeOfficer, StatePosted)
	if PostingOver(c, r, cal, d(2025, 11, 13)) || !PostingOver(c, r, cal, d(2025, 11, 14)) {
		t.Fatal("the second posting runs 11-13/11/2025")
	}

	w.buttons(ActionComplain, ActionDecide) // the 2025 round has no district step
	c.FinalClass = ClassNearPoor
	if Overdue(c, r, d(2025, 11, 14)) || DaysLeft(c, r, d(2025, 11, 14)) != 30 {
		t.Fatal("30 days before 14/12/2025")
	}
	w.do(ActionDecide, communeOfficer, StateDecided)
	if k := Transition(c.PreviousClass, c.FinalClass, TransitionFlags{}); k != TransitionPoorToNearPoor {
		t.Fatalf("transition %s, want poor → near-poor", k)
	}
}

// TestScenarioRejections: a Mẫu 01 household screened out by Phiếu A gets a written
// answer; a Mẫu 04 household still poor after the survey is answered likewise.
func TestScenarioRejections(t *testing.T) {
	r, _ := NewRegularRound("10507", 2025, 9, DefaultConfig())
	r.ID = 9

	c, _ := NewCase(r, 1, OriginRequest01, d(2025, 9, 2), ClassNone)
	w := &walker{t, c, r, DefaultCalendar()}
	c.Screening = ScreeningNotEligible
	w.do(ActionScreen, communeOfficer, StateScreened)
	w.refuse(ActionSurvey, communeOfficer, giamngheo.EINVALID)
	w.refuse(ActionReject, communeOfficer, giamngheo.EINVALID) // reasons first (Art. 5)
	c.Reason = "Hộ có ô tô, nhà kiên cố; không thuộc diện rà soát."
	w.do(ActionReject, communeOfficer, StateRejected)

	c4, _ := NewCase(r, 2, OriginRequest04, d(2025, 9, 2), ClassPoor)
	w = &walker{t, c4, r, DefaultCalendar()}
	w.refuse(ActionScreen, communeOfficer, giamngheo.EINVALID) // Mẫu 04 goes straight to Phiếu B
	c4.ProposedClass = ClassPoor
	w.do(ActionSurvey, communeOfficer, StateSurveyed)
	c4.Votes = Votes{20, 19}
	w.do(ActionHoldMeeting, communeOfficer, StateMeetingAgreed)
	c4.PostedOn = d(2025, 9, 22)
	w.do(ActionPost, communeOfficer, StatePosted)
	c4.Reason = "Hộ vẫn thuộc diện hộ nghèo theo kết quả Phiếu B."
	w.do(ActionReject, communeOfficer, StateRejected)
	w.buttons()
}
