package review

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"giamngheo"
)

// maxRange caps a date range in a calendar list: official holiday breaks are at most
// about ten days, so a longer range is a typing mistake (a wrong month or year).
const maxRange = 31

// LoadCalendar reads a holiday list and returns the calendar. Two formats are accepted.
//
// Text, one entry per line, '#' starting a comment:
//
//	2025-01-01                      Tết Dương lịch
//	2025-01-25..2025-02-02          Tết Nguyên đán Ất Tỵ
//	2025-04-26  workday             Làm bù cho thứ Sáu 02/05/2025
//
// A line is a date (YYYY-MM-DD) or an inclusive range (FROM..TO), an optional kind
// (holiday, the default, or workday for a worked weekend day), and a name.
//
// JSON, an array of objects (the input is JSON when it starts with '['):
//
//	[{"date": "2025-01-25", "to": "2025-02-02", "name": "Tết Nguyên đán Ất Tỵ"},
//	 {"date": "2025-04-26", "kind": "workday", "name": "Làm bù"}]
//
// Mistakes are refused with EINVALID naming the line or entry.
func LoadCalendar(r io.Reader) (*Calendar, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var days []CalendarDay
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '[' {
		days, err = parseCalendarJSON(t)
	} else {
		days, err = parseCalendarText(data)
	}
	if err != nil {
		return nil, err
	}
	return NewCalendar(days)
}

// calendarEntry is one entry of the JSON list (and the parsed form of a text line).
type calendarEntry struct {
	Date string `json:"date"`
	To   string `json:"to,omitempty"`
	Kind string `json:"kind,omitempty"`
	Name string `json:"name"`
}

func parseCalendarText(data []byte) ([]CalendarDay, error) {
	var days []CalendarDay
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		e := calendarEntry{Date: fields[0]}
		if from, to, ok := strings.Cut(fields[0], ".."); ok {
			e.Date, e.To = from, to
		}
		rest := fields[1:]
		if len(rest) > 0 && (rest[0] == "holiday" || rest[0] == "workday") {
			e.Kind, rest = rest[0], rest[1:]
		}
		e.Name = strings.Join(rest, " ")
		d, err := e.days()
		if err != nil {
			return nil, prefix(err, fmt.Sprintf("Lịch nghỉ, dòng %d: ", n), fmt.Sprintf("Calendar, line %d: ", n))
		}
		days = append(days, d...)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return days, nil
}

func parseCalendarJSON(data []byte) ([]CalendarDay, error) {
	var entries []calendarEntry
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&entries); err != nil {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Lịch nghỉ không phải JSON hợp lệ: %v", "The calendar is not valid JSON: %v", err)
	}
	var days []CalendarDay
	for i, e := range entries {
		d, err := e.days()
		if err != nil {
			return nil, prefix(err, fmt.Sprintf("Lịch nghỉ, mục %d: ", i+1), fmt.Sprintf("Calendar, entry %d: ", i+1))
		}
		days = append(days, d...)
	}
	return days, nil
}

// days expands an entry into one CalendarDay per date.
func (e calendarEntry) days() ([]CalendarDay, error) {
	from, err := parseDay(e.Date)
	if err != nil {
		return nil, err
	}
	to := from
	if e.To != "" {
		if to, err = parseDay(e.To); err != nil {
			return nil, err
		}
	}
	if n := daysBetween(from, to); n < 0 || n >= maxRange {
		return nil, giamngheo.Errorf(giamngheo.EINVALID,
			"khoảng ngày %s..%s không hợp lệ (phải tăng dần, tối đa %d ngày)",
			"the range %s..%s is not valid (must go forward, at most %d days)", e.Date, e.To, maxRange)
	}
	var working bool
	switch e.Kind {
	case "", "holiday":
	case "workday":
		working = true
	default:
		return nil, giamngheo.Errorf(giamngheo.EINVALID,
			"loại ngày %q không hợp lệ (holiday hoặc workday)",
			"the kind %q is not valid (holiday or workday)", e.Kind)
	}
	if strings.TrimSpace(e.Name) == "" {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "thiếu tên ngày nghỉ", "the name is missing")
	}
	var out []CalendarDay
	for d := from; dayKey(d) <= dayKey(to); d = addDays(d, 1) {
		out = append(out, CalendarDay{Date: d, Working: working, Name: e.Name})
	}
	return out, nil
}

// parseDay parses a YYYY-MM-DD civil date.
func parseDay(s string) (time.Time, error) {
	t, err := time.ParseInLocation("2006-01-02", s, vietnam)
	if err != nil {
		return time.Time{}, giamngheo.Errorf(giamngheo.EINVALID,
			"ngày %q không hợp lệ (cần dạng YYYY-MM-DD)",
			"the date %q is not valid (expected YYYY-MM-DD)", s)
	}
	return t, nil
}

// prefix returns an EINVALID error whose messages are err's, each after its prefix.
func prefix(err error, vi, en string) error {
	return &giamngheo.Error{
		Code:      giamngheo.EINVALID,
		Message:   vi + giamngheo.ErrorMessage(err),
		MessageEN: en + giamngheo.ErrorMessageEN(err),
	}
}
