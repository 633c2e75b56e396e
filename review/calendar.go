package review

import (
	"slices"
	"time"

	"giamngheo"
)

// CalendarDay is one dated entry of a Calendar: a day off on a day that would
// otherwise be worked (a public holiday, a compensatory day off, a day swapped with a
// weekend), or, with Working set, a weekend day that is worked (ngày làm bù).
type CalendarDay struct {
	Date    time.Time
	Working bool
	Name    string
}

// Calendar tells working days from days off for periods counted in working days (the
// public posting). Saturdays and Sundays are days off: state agencies work a five-day,
// 40-hour week (Decision 188/1999/QĐ-TTg). On top of that, the calendar holds dated
// entries: public holidays (Labour Code 2019, Art. 112), compensatory days off when a
// holiday falls on a weekend (Art. 111), and the days the Government swaps each year.
//
// A Calendar is immutable once made, so one value may be shared. The nil *Calendar is
// valid and means "weekends only, no holidays".
type Calendar struct {
	days  map[int]CalendarDay
	years map[int]bool
}

// NewCalendar returns a calendar holding the given entries. A date listed twice, or a
// working entry on a weekday (a weekday is already a working day), is refused with
// EINVALID: both are data-entry mistakes.
func NewCalendar(days []CalendarDay) (*Calendar, error) {
	c := &Calendar{days: make(map[int]CalendarDay, len(days)), years: make(map[int]bool)}
	for _, d := range days {
		d.Date = civil(d.Date)
		k := dayKey(d.Date)
		if prev, dup := c.days[k]; dup {
			return nil, giamngheo.Errorf(giamngheo.EINVALID,
				"Ngày %s có hai lần trong lịch nghỉ (%q và %q).",
				"The date %s is listed twice in the calendar (%q and %q).", formatDate(d.Date), prev.Name, d.Name)
		}
		if d.Working && !weekend(d.Date) {
			return nil, giamngheo.Errorf(giamngheo.EINVALID,
				"Ngày làm bù %s không phải thứ Bảy hoặc Chủ nhật.",
				"The make-up working day %s is not a Saturday or Sunday.", formatDate(d.Date))
		}
		c.days[k] = d
		c.years[d.Date.Year()] = true
	}
	return c, nil
}

// weekend reports whether the civil date t is a Saturday or Sunday.
func weekend(t time.Time) bool {
	wd := civil(t).Weekday()
	return wd == time.Saturday || wd == time.Sunday
}

// IsWorkingDay reports whether the civil date t is a working day.
func (c *Calendar) IsWorkingDay(t time.Time) bool {
	if d, ok := c.Day(t); ok {
		return d.Working
	}
	return !weekend(t)
}

// Day returns the calendar's entry for the civil date t, if there is one.
func (c *Calendar) Day(t time.Time) (CalendarDay, bool) {
	if c == nil {
		return CalendarDay{}, false
	}
	d, ok := c.days[dayKey(t)]
	return d, ok
}

// Days returns every entry in date order.
func (c *Calendar) Days() []CalendarDay {
	if c == nil {
		return nil
	}
	out := make([]CalendarDay, 0, len(c.days))
	for _, d := range c.days {
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b CalendarDay) int { return dayKey(a.Date) - dayKey(b.Date) })
	return out
}

// Covers reports whether the calendar has any entry in the year. A service should warn
// when it counts working days in a year the calendar does not cover: only weekends
// would be skipped there.
func (c *Calendar) Covers(year int) bool {
	return c != nil && c.years[year]
}

// AddWorkingDays returns the civil date n working days after start. The start day
// itself is not counted, as the Civil Code counts periods (Civil Code 2015, Art. 147:
// a period in days starts on the day after the day it is counted from). So a posting
// started on Monday 03/03/2025 for 3 working days ends on Thursday 06/03/2025. With
// n == 0 the result is start; with n < 0 it is the |n|-th working day before start.
// The result is midnight in Vietnam time.
func AddWorkingDays(start time.Time, n int, cal *Calendar) time.Time {
	d := civil(start)
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d = addDays(d, step)
		if cal.IsWorkingDay(d) {
			n--
		}
	}
	return d
}

// WorkingDaysBetween returns the number of working days d with from < d ≤ to: the
// working days that have run from "from" to "to", counted like AddWorkingDays, so
// WorkingDaysBetween(s, AddWorkingDays(s, n, cal), cal) == n for every n ≥ 0. It is
// negative (minus the count of to < d ≤ from) when to is before from.
func WorkingDaysBetween(from, to time.Time, cal *Calendar) int {
	a, b, sign := civil(from), civil(to), 1
	if dayKey(b) < dayKey(a) {
		a, b, sign = b, a, -1
	}
	n := 0
	for d := addDays(a, 1); dayKey(d) <= dayKey(b); d = addDays(d, 1) {
		if cal.IsWorkingDay(d) {
			n++
		}
	}
	return sign * n
}

// onOrAfterWorkingDay returns t if it is a working day, else the next working day.
func onOrAfterWorkingDay(t time.Time, cal *Calendar) time.Time {
	d := civil(t)
	for !cal.IsWorkingDay(d) {
		d = addDays(d, 1)
	}
	return d
}
