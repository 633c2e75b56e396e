package review

import (
	"strings"
	"testing"
	"time"

	"giamngheo"
)

// d is a short civil-date constructor for test tables.
func d(year int, month time.Month, day int) time.Time { return Date(year, month, day) }

func TestIsWorkingDay(t *testing.T) {
	cal := DefaultCalendar()
	tests := []struct {
		day  time.Time
		want bool
		why  string
	}{
		{d(2025, 3, 3), true, "an ordinary Monday"},
		{d(2025, 3, 8), false, "Saturday"},
		{d(2025, 3, 9), false, "Sunday"},
		{d(2025, 1, 1), false, "Tết Dương lịch"},
		{d(2025, 1, 24), true, "Friday before the Tết break"},
		{d(2025, 1, 29), false, "mùng 1 Tết Ất Tỵ"},
		{d(2025, 2, 3), true, "first day back after Tết"},
		{d(2025, 4, 7), false, "Giỗ Tổ Hùng Vương 2025"},
		{d(2025, 4, 26), true, "Saturday worked to swap Friday 02/05/2025"},
		{d(2025, 5, 2), false, "Friday swapped off"},
		{d(2025, 9, 1), false, "Quốc khánh, adjacent day"},
		{d(2025, 9, 2), false, "Quốc khánh"},
		{d(2025, 9, 3), true, "day after Quốc khánh"},
		{d(2022, 4, 11), false, "compensatory day for Giỗ Tổ on a Sunday"},
		{d(2023, 9, 4), false, "compensatory day for 02/09 on a Saturday"},
		{d(2024, 5, 4), true, "Saturday worked to swap Monday 29/04/2024"},
		{d(2026, 1, 10), true, "Saturday worked to swap Friday 02/01/2026"},
		{time.Date(2025, 1, 29, 0, 0, 0, 0, time.UTC), false, "a date stored as midnight UTC keeps its day"},
		{time.Date(2025, 1, 28, 23, 0, 0, 0, time.UTC), false, "the civil date is read in the value's own location (28/01 is Tết eve too)"},
	}
	for _, tt := range tests {
		if got := cal.IsWorkingDay(tt.day); got != tt.want {
			t.Errorf("IsWorkingDay(%s) = %v, want %v (%s)", tt.day.Format(time.DateOnly), got, tt.want, tt.why)
		}
	}
	var none *Calendar
	if !none.IsWorkingDay(d(2025, 1, 1)) || none.IsWorkingDay(d(2025, 1, 4)) {
		t.Error("the nil calendar must know weekends only")
	}
}

func TestAddWorkingDays(t *testing.T) {
	cal := DefaultCalendar()
	tests := []struct {
		start time.Time
		n     int
		cal   *Calendar
		want  time.Time
		why   string
	}{
		{d(2025, 3, 3), 3, cal, d(2025, 3, 6), "Mon + 3 = Thu: the start day is not counted"},
		{d(2025, 3, 6), 3, cal, d(2025, 3, 11), "Thu + 3 skips the weekend"},
		{d(2025, 3, 8), 1, cal, d(2025, 3, 10), "from a Saturday, the first working day is Monday"},
		{d(2025, 3, 3), 0, cal, d(2025, 3, 3), "zero days"},
		{d(2025, 3, 8), 0, cal, d(2025, 3, 8), "zero days from a day off stays put"},
		{d(2025, 1, 23), 3, cal, d(2025, 2, 4), "Thu 23/01 + 3 across the Tết break: 24/01, 03/02, 04/02"},
		{d(2025, 4, 24), 3, cal, d(2025, 4, 28), "Thu 24/04 + 3: Fri 25/04, Saturday 26/04 (worked by swap), Mon 28/04"},
		{d(2025, 4, 28), 3, cal, d(2025, 5, 6), "Mon 28/04 + 3: 29/04, then 30/04-04/05 off, 05/05, 06/05"},
		{d(2025, 8, 29), 2, cal, d(2025, 9, 4), "Fri 29/08 + 2: 01-02/09 off, 03/09, 04/09"},
		{d(2025, 3, 6), -3, cal, d(2025, 3, 3), "backwards: the 3rd working day before Thu is Mon"},
		{d(2025, 1, 23), 3, nil, d(2025, 1, 28), "the nil calendar skips weekends only"},
		{time.Date(2025, 3, 3, 16, 30, 0, 0, time.UTC), 3, cal, d(2025, 3, 6), "a time of day is ignored; the date is read in its own location"},
	}
	for _, tt := range tests {
		got := AddWorkingDays(tt.start, tt.n, tt.cal)
		if !got.Equal(tt.want) {
			t.Errorf("AddWorkingDays(%s, %d) = %s, want %s (%s)", tt.start.Format(time.DateOnly), tt.n,
				got.Format(time.DateOnly), tt.want.Format(time.DateOnly), tt.why)
		}
		if got.Location() != vietnam || got.Hour() != 0 {
			t.Errorf("AddWorkingDays must return midnight Vietnam time, got %v", got)
		}
	}
}

func TestWorkingDaysBetween(t *testing.T) {
	cal := DefaultCalendar()
	tests := []struct {
		from, to time.Time
		want     int
	}{
		{d(2025, 3, 3), d(2025, 3, 3), 0},
		{d(2025, 3, 3), d(2025, 3, 6), 3},
		{d(2025, 3, 6), d(2025, 3, 3), -3},
		{d(2025, 3, 7), d(2025, 3, 10), 1}, // Fri → Mon
		{d(2025, 1, 24), d(2025, 2, 3), 1}, // across Tết
		// 2025 has 261 weekdays; 12 are off (01/01, 27-31/01, 07/04, 30/04, 01/05,
		// 02/05, 01/09, 02/09) and Saturday 26/04 is worked: 261 - 12 + 1 = 250.
		{d(2024, 12, 31), d(2025, 12, 31), 250},
	}
	for _, tt := range tests {
		if got := WorkingDaysBetween(tt.from, tt.to, cal); got != tt.want {
			t.Errorf("WorkingDaysBetween(%s, %s) = %d, want %d", tt.from.Format(time.DateOnly), tt.to.Format(time.DateOnly), got, tt.want)
		}
	}
}

// TestWorkingDaysRoundTrip checks that WorkingDaysBetween undoes AddWorkingDays from
// every day of 2021-2027 for the posting lengths that matter.
func TestWorkingDaysRoundTrip(t *testing.T) {
	cal := DefaultCalendar()
	for s := d(2021, 1, 1); s.Year() < 2028; s = addDays(s, 1) {
		for _, n := range []int{0, 1, 3, 7, 15} {
			end := AddWorkingDays(s, n, cal)
			if got := WorkingDaysBetween(s, end, cal); got != n {
				t.Fatalf("from %s: WorkingDaysBetween(s, AddWorkingDays(s, %d)) = %d", s.Format(time.DateOnly), n, got)
			}
			if n > 0 && !cal.IsWorkingDay(end) {
				t.Fatalf("from %s: AddWorkingDays(s, %d) = %s is not a working day", s.Format(time.DateOnly), n, end.Format(time.DateOnly))
			}
		}
	}
}

func TestLoadCalendar(t *testing.T) {
	text := `# a comment line
2025-01-01                 Tết Dương lịch
2025-01-27..2025-01-31     holiday  Tết   # trailing comment
2025-04-26   workday       Làm bù
`
	json := `[{"date": "2025-01-01", "name": "Tết Dương lịch"},
	 {"date": "2025-01-27", "to": "2025-01-31", "kind": "holiday", "name": "Tết"},
	 {"date": "2025-04-26", "kind": "workday", "name": "Làm bù"}]`
	for name, src := range map[string]string{"text": text, "json": json} {
		cal, err := LoadCalendar(strings.NewReader(src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		days := cal.Days()
		if len(days) != 7 {
			t.Fatalf("%s: %d days, want 7", name, len(days))
		}
		if !days[0].Date.Equal(d(2025, 1, 1)) || days[0].Name != "Tết Dương lịch" || days[0].Working {
			t.Errorf("%s: first day = %+v", name, days[0])
		}
		if got, _ := cal.Day(d(2025, 1, 29)); got.Name != "Tết" {
			t.Errorf("%s: 29/01 = %+v, want inside the Tết range", name, got)
		}
		if !cal.IsWorkingDay(d(2025, 4, 26)) || cal.IsWorkingDay(d(2025, 1, 30)) {
			t.Errorf("%s: working days wrong", name)
		}
		if !cal.Covers(2025) || cal.Covers(2024) {
			t.Errorf("%s: Covers wrong", name)
		}
	}
}

func TestLoadCalendarErrors(t *testing.T) {
	tests := []struct {
		src  string
		want string // part of the Vietnamese message
	}{
		{"2025-13-01 Tết", "dòng 1: ngày \"2025-13-01\" không hợp lệ"},
		{"\n\n2025-01-01", "dòng 3: thiếu tên"},
		{"2025-01-31..2025-01-27 Tết", "khoảng ngày"},
		{"2025-01-01..2025-03-01 Tết", "tối đa 31 ngày"},
		{"2025-01-01 Tết\n2025-01-01 Tết", "có hai lần"},
		{"2025-03-05 workday Làm bù", "không phải thứ Bảy hoặc Chủ nhật"},
		{`[{"date": "2025-01-01", "name": "A", "kind": "sometimes"}]`, "mục 1: loại ngày"},
		{`[{"date": "2025-01-01", "nam": "A"}]`, "không phải JSON hợp lệ"},
		{`[{"date": "2025-01-01", "name": "A"},`, "không phải JSON hợp lệ"},
	}
	for _, tt := range tests {
		_, err := LoadCalendar(strings.NewReader(tt.src))
		if giamngheo.ErrorCode(err) != giamngheo.EINVALID || !strings.Contains(giamngheo.ErrorMessage(err), tt.want) {
			t.Errorf("LoadCalendar(%q) = %v (%q), want EINVALID containing %q", tt.src, err, giamngheo.ErrorMessage(err), tt.want)
		}
		if giamngheo.ErrorMessageEN(err) == giamngheo.ErrorMessage(err) {
			t.Errorf("LoadCalendar(%q): English message missing", tt.src)
		}
	}
}
