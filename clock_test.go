package giamngheo

import (
	"testing"
	"time"
)

func TestTodayIsTheDayInVietnam(t *testing.T) {
	for _, tc := range []struct {
		at   string
		want string
	}{
		{"2026-12-31T16:59:00Z", "2026-12-31"},
		{"2026-12-31T17:01:00Z", "2027-01-01"},
		{"2025-06-30T23:30:00Z", "2025-07-01"},
		{"2027-01-01T06:59:59+07:00", "2027-01-01"},
		{"2026-12-31T23:59:59-05:00", "2027-01-01"},
	} {
		at, err := time.Parse(time.RFC3339, tc.at)
		if err != nil {
			t.Fatal(err)
		}
		if got := Today(at).Format(DateLayout); got != tc.want {
			t.Errorf("Today(%s) = %s, want %s", tc.at, got, tc.want)
		}
		if got := DayString(at); got != tc.want {
			t.Errorf("DayString(%s) = %s, want %s", tc.at, got, tc.want)
		}
		if Today(at).Location() != Vietnam || Today(at).Hour() != 0 {
			t.Errorf("Today(%s) = %v, want midnight in Vietnam", tc.at, Today(at))
		}
	}
}

func TestParseClock(t *testing.T) {
	for _, tc := range []struct{ spec, day string }{
		{"2026-12-31T17:01:00Z", "2027-01-01"},
		{"2026-12-31T16:59:00Z", "2026-12-31"},
		{"2027-02-12", "2027-02-12"},
		{" 2028-01-05T10:00:00+07:00 ", "2028-01-05"},
	} {
		c, err := ParseClock(tc.spec)
		if err != nil {
			t.Fatalf("%q: %v", tc.spec, err)
		}
		now := c()
		if got := now.Format(DateLayout); got != tc.day {
			t.Errorf("%q: the clock reads %v (day %s), want day %s", tc.spec, now, got, tc.day)
		}
		if now.Location() != Vietnam {
			t.Errorf("%q: clock not in Vietnam time: %v", tc.spec, now.Location())
		}
		if later := c(); later.Before(now) {
			t.Errorf("%q: the clock went back", tc.spec)
		}
	}
	if c, err := ParseClock(""); err != nil || c().Location() != Vietnam {
		t.Fatalf("empty spec: want the system clock in Vietnam time, got %v", err)
	}
	for _, bad := range []string{"tomorrow", "2027-13-01", "01/01/2027"} {
		if _, err := ParseClock(bad); ErrorCode(err) != EINVALID {
			t.Errorf("ParseClock(%q): %v, want EINVALID", bad, err)
		}
	}
}
