package review

import (
	_ "embed"
	"strings"
	"sync"
)

// calendarVN is Vietnam's holiday list for 2021-2027, with its sources and the
// confidence of each line in its comments.
//
//go:embed calendar_vn.txt
var calendarVN string

// defaultCalendar parses calendarVN once. The data is compiled in and tested, so a
// parse failure is a programming error.
var defaultCalendar = sync.OnceValue(func() *Calendar {
	c, err := LoadCalendar(strings.NewReader(calendarVN))
	if err != nil {
		panic("review: built-in calendar_vn.txt: " + err.Error())
	}
	return c
})

// DefaultCalendar returns the built-in calendar of Vietnam's public holidays and
// swapped days of state agencies for 2021-2027 (file calendar_vn.txt). The exact Tết
// breaks and swapped days are announced each year and several lines are marked [U]
// in the file: a province should check them and load its own list with LoadCalendar
// where they differ. The calendar is shared and immutable.
func DefaultCalendar() *Calendar {
	return defaultCalendar()
}
