package main

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// regularRoundFor returns the year and month of the regular round whose window has
// started by day: the round of day's month from the 15th on, else the month before's.
// Steps of a round are dated within its window (issue 11 item 4), so a scenario that
// dates its meeting on day opens this round, on any date it runs.
func regularRoundFor(day time.Time) (string, string) {
	if day.Day() < 15 {
		day = day.AddDate(0, 0, -day.Day())
	}
	return strconv.Itoa(day.Year()), strconv.Itoa(int(day.Month()))
}

// openRegularRoundFor opens, on the review page, the regular round for day, giving
// the reason of a back-dated opening (used only when the round's deadline has passed).
func openRegularRoundFor(base string, day time.Time) []chromedp.Action[chromedp.Void] {
	year, month := regularRoundFor(day)
	return []chromedp.Action[chromedp.Void]{chromedp.Navigate(base + "/review"), chromedp.WaitVisible(chromedp.ID("round-form")),
		chromedp.SetValue(chromedp.ID("round-kind"), "regular"),
		chromedp.SetValue(chromedp.ID("round-year"), year),
		chromedp.SetValue(chromedp.ID("round-month"), month),
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
