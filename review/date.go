package review

import (
	"time"

	"giamngheo"
)

// vietnam is the civil time zone of every date of the review (giamngheo.Vietnam).
var vietnam = giamngheo.Vietnam

// Date returns the civil date year-month-day as midnight in Vietnam time. Every date
// this package makes (round dates, deadlines, posting ends) is made with Date.
func Date(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, vietnam)
}

// civil returns t's civil date (read in t's own location) as midnight in Vietnam time,
// so that a date stored as midnight UTC by a database driver keeps its day.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return Date(y, m, d)
}

// today returns the civil date in Vietnam of the instant now.
func today(now time.Time) time.Time {
	return civil(now.In(vietnam))
}

// dayKey packs a civil date into an int (YYYYMMDD) for maps and comparisons.
func dayKey(t time.Time) int {
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}

// addDays returns the civil date n days after t (before it when n < 0).
func addDays(t time.Time, n int) time.Time {
	return civil(t).AddDate(0, 0, n)
}

// daysBetween returns the number of calendar days from a to b (negative if b is
// earlier), both read as civil dates.
func daysBetween(a, b time.Time) int {
	// Both are midnight in a fixed zone, so the difference is a whole number of days.
	return int(civil(b).Sub(civil(a)).Hours() / 24)
}

// formatDate renders a civil date the Vietnamese way (dd/mm/yyyy) for messages.
func formatDate(t time.Time) string {
	return t.Format("02/01/2006")
}
