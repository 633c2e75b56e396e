package review

import (
	"strings"
	"testing"
	"time"
)

// TestDefaultCalendarStatutoryDays checks the built-in data against the Labour Code
// 2019, Art. 112(1): 11 paid days off a year (01/01; 5 days of Tết; Giỗ Tổ; 30/4; 1/5;
// 2/9 and an adjacent day). Weekend holidays are made up by compensatory weekdays
// (Art. 111) and swapped days are made up by a worked Saturday, so for a Monday-Friday
// office, weekdays off minus worked Saturdays must be exactly 11 in every year.
func TestDefaultCalendarStatutoryDays(t *testing.T) {
	cal := DefaultCalendar()
	for year := 2021; year <= 2027; year++ {
		if !cal.Covers(year) {
			t.Errorf("%d: not covered", year)
		}
		net := 0
		for _, day := range cal.Days() {
			if day.Date.Year() != year {
				continue
			}
			switch {
			case day.Working:
				net--
			case !weekend(day.Date):
				net++
			}
		}
		if net != 11 {
			t.Errorf("%d: weekdays off minus worked Saturdays = %d, want 11", year, net)
		}
	}
	if cal.Covers(2028) {
		t.Error("2028 is not in the data; Covers must say so")
	}
}

// TestDefaultCalendarFixedAndLunarDays checks that each named holiday is a day off
// in every year, with the lunar dates computed for UTC+7 (see calendar_vn.txt).
func TestDefaultCalendarFixedAndLunarDays(t *testing.T) {
	cal := DefaultCalendar()
	tet := map[int]time.Time{ // mùng 1 Tết
		2021: d(2021, 2, 12), 2022: d(2022, 2, 1), 2023: d(2023, 1, 22), 2024: d(2024, 2, 10),
		2025: d(2025, 1, 29), 2026: d(2026, 2, 17), 2027: d(2027, 2, 6),
	}
	hung := map[int]time.Time{ // 10/3 âm lịch
		2021: d(2021, 4, 21), 2022: d(2022, 4, 10), 2023: d(2023, 4, 29), 2024: d(2024, 4, 18),
		2025: d(2025, 4, 7), 2026: d(2026, 4, 26), 2027: d(2027, 4, 16),
	}
	for year := 2021; year <= 2027; year++ {
		want := map[time.Time]string{
			d(year, 1, 1):  "Tết Dương lịch",
			tet[year]:      "Tết Nguyên đán",
			hung[year]:     "Giỗ Tổ Hùng Vương",
			d(year, 4, 30): "Ngày Chiến thắng",
			d(year, 5, 1):  "Ngày Quốc tế Lao động",
			d(year, 9, 2):  "Quốc khánh",
		}
		for day, name := range want {
			got, ok := cal.Day(day)
			if !ok || got.Working || !strings.HasPrefix(got.Name, name) {
				t.Errorf("%s: got %+v, want a day off named %q", day.Format(time.DateOnly), got, name)
			}
		}
		// Quốc khánh has two days: 02/09 and the day before or after (Art. 112(1)(đ)).
		before, _ := cal.Day(d(year, 9, 1))
		after, _ := cal.Day(d(year, 9, 3))
		if strings.HasPrefix(before.Name, "Quốc khánh") == strings.HasPrefix(after.Name, "Quốc khánh") {
			t.Errorf("%d: Quốc khánh needs exactly one adjacent day (01/09 %q, 03/09 %q)", year, before.Name, after.Name)
		}
	}
}

func TestDefaultCalendarIsShared(t *testing.T) {
	if DefaultCalendar() != DefaultCalendar() {
		t.Error("DefaultCalendar should parse once and share the immutable value")
	}
}
