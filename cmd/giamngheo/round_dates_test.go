package main

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"giamngheo/review"
)

// scenarioRound returns, for a scenario run today, the start of the regular round it
// works in and the day it posts the result: the latest round in whose window a request
// (two days before the posting), the village meeting (the day before) and the posting
// fit, with the posting period over by today. Steps of a round are dated within its
// window (issue 11 item 4); the decision, taken today, may come after the round's
// deadline and then carries a reason (fillLateReason).
func scenarioRound(today time.Time, cfg review.Config) (start, posted time.Time) {
	// The latest posting whose period of working days is over today.
	last := workingDaysBefore(today, cfg.PostingDays+1, cfg.Calendar)
	start = time.Date(last.Year(), last.Month(), cfg.RegularStartDay, 0, 0, 0, 0, last.Location())
	if last.Before(start.AddDate(0, 0, 2)) {
		start = start.AddDate(0, -1, 0)
	}
	// Ten days into the round: within its window (a regular round's decision is due
	// RegularDecisionDays after its start), after the meeting on the day before.
	posted = start.AddDate(0, 0, 10)
	if last.Before(posted) {
		posted = last
	}
	return start, posted
}

// openRegularRound opens, on the review page, the regular round that starts on start,
// giving the reason of a back-dated opening (used only when its deadline has passed).
func openRegularRound(base string, start time.Time) []chromedp.Action[chromedp.Void] {
	return []chromedp.Action[chromedp.Void]{chromedp.Navigate(base + "/review"), chromedp.WaitVisible(chromedp.ID("round-form")),
		chromedp.SetValue(chromedp.ID("round-kind"), "regular"),
		chromedp.SetValue(chromedp.ID("round-year"), strconv.Itoa(start.Year())),
		chromedp.SetValue(chromedp.ID("round-month"), strconv.Itoa(int(start.Month()))),
		chromedp.SetValue(chromedp.ID("round-backdate-reason"), "Nhập lại hồ sơ giấy"),
		chromedp.Click(chromedp.ID("round-open")), chromedp.WaitVisible(chromedp.ID("round-title"))}
}

// fillLateReason gives the reason for the delay of a step when its form asks for it
// (the round's decision deadline has passed).
func fillLateReason(tb testing.TB, ctx context.Context, action string) {
	tb.Helper()
	if exists(tb, ctx, "late-reason-"+action) {
		do(tb, ctx, chromedp.SetValue(chromedp.ID("late-reason-"+action), "Chờ hết thời gian niêm yết"))
	}
}

// TestScenarioRound: on any day of the year the scenario's request, meeting and posting
// lie within its round's window, not after today, and the posting is over today.
func TestScenarioRound(t *testing.T) {
	cfg := review.DefaultConfig()
	for d := review.Date(2026, time.January, 1); d.Year() < 2028; d = d.AddDate(0, 0, 1) {
		start, posted := scenarioRound(d, cfg)
		r, err := review.NewRegularRound("10507", start.Year(), start.Month(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		request := posted.AddDate(0, 0, -2)
		for _, st := range []struct {
			a   review.Action
			day time.Time
		}{{review.ActionHoldMeeting, posted.AddDate(0, 0, -1)}, {review.ActionPost, posted}} {
			if late, err := review.CheckStepDay(r, st.a, st.day, d, ""); err != nil || late {
				t.Fatalf("on %s: %s dated %s in the round from %s: late %v, %v", d.Format(time.DateOnly), st.a, st.day.Format(time.DateOnly), start.Format(time.DateOnly), late, err)
			}
		}
		if c, err := review.NewCase(r, 1, review.OriginRequest01, request, review.ClassNone); err != nil || c == nil {
			t.Fatalf("on %s: request of %s: %v", d.Format(time.DateOnly), request.Format(time.DateOnly), err)
		}
		c := &review.Case{PostedOn: posted}
		if !review.PostingOver(c, r, cfg.Calendar, d.Add(9*time.Hour)) {
			t.Fatalf("on %s: the posting of %s is not over", d.Format(time.DateOnly), posted.Format(time.DateOnly))
		}
	}
}
