package storetest

import (
	"context"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/review"
)

// testRecognisedStatus: a household is poor only by the commune's decision. Its survey
// result alone never lists it; the decision records class, day, round, certificate and,
// once entered, the decision's number; a later edit of the answers leaves the status and
// flags the household instead. The lists filter on the status, the survey result, the
// difference and a survey answer the standard needs; the round keeps its standard.
func testRecognisedStatus(t *testing.T, s Store) {
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(context.Background(), units, maps))
	now := time.Date(2026, time.August, 20, 3, 0, 0, 0, time.UTC)
	svc := reviewService(s, &now)
	officer := giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{UserID: 3, Username: "xa.honglac", Role: giamngheo.RoleCommuneOfficer, ScopeCode: "10816"})
	h := newHousehold("HL-001", 3*1_000_000*12)
	MustOK(t, svc.Registry.CreateHousehold(officer, h))
	poor, none := poverty.Poor, poverty.Class("")
	count := func(f registry.HouseholdFilter) int {
		t.Helper()
		_, n, err := svc.Registry.FindHouseholds(officer, f)
		MustOK(t, err)
		return n
	}
	got, err := svc.Registry.FindHouseholdByID(officer, h.ID)
	MustOK(t, err)
	if got.Result.Class != poverty.Poor || got.Recognised.Class != "" || !got.NeedsReview() {
		t.Fatalf("before any decision: survey %s, recognised %q, needs review %v", got.Result.Class, got.Recognised.Class, got.NeedsReview())
	}
	if count(registry.HouseholdFilter{Status: &poor}) != 0 || count(registry.HouseholdFilter{Status: &none}) != 1 ||
		count(registry.HouseholdFilter{Class: &poor}) != 1 || count(registry.HouseholdFilter{Differs: true}) != 1 {
		t.Fatal("before the decision: the household is poor by its survey only and differs")
	}
	// Waste treatment was never asked.
	if count(registry.HouseholdFilter{Unanswered: poverty.IndicatorWaste}) != 1 || count(registry.HouseholdFilter{Unanswered: poverty.IndicatorInfoDevices}) != 0 {
		t.Fatal("unanswered filter: want the household without a waste answer and with a device answer")
	}

	round, err := svc.OpenRound(officer, "10816", review.RoundRegular, 2026, time.August)
	MustOK(t, err)
	if r, err := svc.FindRound(officer, round.ID); err != nil || r.Standard != "2022-2026" {
		t.Fatalf("the round's standard is not kept: %+v %v", r, err)
	}
	c, err := svc.FileRequest(officer, round.ID, h.ID, review.OriginRequest01, review.Date(2026, time.August, 16))
	MustOK(t, err)
	for _, st := range []struct {
		a  review.Action
		in review.StepInput
	}{
		{review.ActionScreen, review.StepInput{Screening: review.ScreeningNeedsSurvey}},
		{review.ActionSurvey, review.StepInput{}},
		{review.ActionHoldMeeting, review.StepInput{Votes: review.Votes{Attendees: 10, Agree: 8}, MeetingDate: review.Date(2026, time.August, 17)}},
		{review.ActionPost, review.StepInput{PostedOn: review.Date(2026, time.August, 18)}},
		{review.ActionDecide, review.StepInput{}},
	} {
		if st.a == review.ActionDecide {
			now = time.Date(2026, time.August, 28, 18, 0, 0, 0, time.UTC) // 29/08 in Vietnam
		}
		c, err = svc.Act(officer, c.ID, st.a, st.in)
		MustOK(t, err)
	}
	got, err = svc.Registry.FindHouseholdByID(officer, h.ID)
	MustOK(t, err)
	rc := got.Recognised
	if rc.Class != poverty.Poor || rc.Since != "2026-08-29" || rc.DecidedOn != "2026-08-29" || rc.RoundID != round.ID ||
		rc.Certificate == 0 || rc.Certificate != c.CertificateNumber || got.NeedsReview() {
		t.Fatalf("after the decision: %+v (needs review %v)", rc, got.NeedsReview())
	}
	if count(registry.HouseholdFilter{Status: &poor}) != 1 || count(registry.HouseholdFilter{Differs: true}) != 0 {
		t.Fatal("after the decision: the household is recognised poor and agrees with its survey")
	}
	MustOK(t, svc.SetRoundDecision(officer, round.ID, "125/QĐ-UBND"))
	got, err = svc.Registry.FindHouseholdByID(officer, h.ID)
	MustOK(t, err)
	if got.Recognised.DecisionNumber != "125/QĐ-UBND" {
		t.Fatalf("the decision number is not on the status: %+v", got.Recognised)
	}

	// A new survey answer (a much higher income) changes the survey result only.
	survey := got.Survey
	income := int64(3 * 9_000_000 * 12)
	survey.Income12m = &income
	_, err = svc.Registry.UpdateHousehold(officer, h.ID, registry.HouseholdUpdate{BaseVersion: got.Version, Survey: &survey})
	MustOK(t, err)
	got, err = svc.Registry.FindHouseholdByID(officer, h.ID)
	MustOK(t, err)
	if got.Recognised.Class != poverty.Poor || got.Result.Class == poverty.Poor || !got.NeedsReview() {
		t.Fatalf("after an edit: recognised %q, survey %s, needs review %v", got.Recognised.Class, got.Result.Class, got.NeedsReview())
	}
	if count(registry.HouseholdFilter{Status: &poor}) != 1 || count(registry.HouseholdFilter{Differs: true}) != 1 {
		t.Fatal("after an edit: still listed poor, and flagged")
	}
	mustVerify(t, s, "after the review") // issue 14: decisions keep the roll-ups and flows right
}
