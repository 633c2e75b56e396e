package giamngheo

import (
	"strings"
	"time"
)

// Vietnam is the civil time zone of every day the product records, shows or compares
// (Asia/Ho_Chi_Minh). Vietnam has kept UTC+7 without daylight saving since 1975, so a
// fixed zone is exact and needs no time-zone database on the server.
var Vietnam = time.FixedZone("ICT", 7*60*60)

// Clock returns the current instant. Services take it as a field and the binary wires
// one (SystemClock, or a clock set with GIAMNGHEO_NOW), so that nothing reads the
// machine's clock for a business date and tests can run on any day.
type Clock func() time.Time

// SystemClock is the machine's clock read in Vietnam time, so that Format and Date of
// what it returns give the day in Vietnam whatever the server's time zone.
func SystemClock() time.Time { return time.Now().In(Vietnam) }

// Today returns the civil date in Vietnam of the instant t, as midnight in Vietnam.
func Today(t time.Time) time.Time {
	y, m, d := t.In(Vietnam).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, Vietnam)
}

// DateLayout is the layout of a day in files, URLs and the API (YYYY-MM-DD).
const DateLayout = "2006-01-02"

// DayString returns the day in Vietnam of the instant t as YYYY-MM-DD.
func DayString(t time.Time) string { return t.In(Vietnam).Format(DateLayout) }

// ClockAt returns a clock that reads start at the moment of the call and then advances
// with the machine's clock, read in Vietnam time. It serves tests and training
// installations that must run on a chosen day (GIAMNGHEO_NOW).
func ClockAt(start time.Time) Clock {
	origin := time.Now()
	return func() time.Time { return start.Add(time.Since(origin)).In(Vietnam) }
}

// ParseClock reads a clock setting: "" is the system clock; an RFC 3339 instant
// ("2027-01-01T00:30:00+07:00", "2026-12-31T17:01:00Z") or a day ("2027-01-02", read as
// 09:00 in Vietnam) starts a clock there (ClockAt).
func ParseClock(spec string) (Clock, error) {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return SystemClock, nil
	}
	if t, err := time.Parse(time.RFC3339, spec); err == nil {
		return ClockAt(t), nil
	}
	if d, err := time.ParseInLocation(DateLayout, spec, Vietnam); err == nil {
		return ClockAt(d.Add(9 * time.Hour)), nil
	}
	return nil, Errorf(EINVALID, "Thời điểm %q không hợp lệ (cần dạng 2027-01-02 hoặc 2027-01-02T10:00:00+07:00).",
		"invalid instant %q (want 2027-01-02 or 2027-01-02T10:00:00+07:00).", spec)
}
