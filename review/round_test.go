package review

import (
	"testing"
	"time"

	"giamngheo"
)

func TestNewPeriodicRound(t *testing.T) {
	nextYear := DefaultConfig()
	nextYear.PeriodicNextYearStandard = true
	tests := []struct {
		year     int
		district bool
		cfg      Config
		standard string
	}{
		{2021, true, DefaultConfig(), ""}, // first periodic review under Decision 24/2021 (effective 01/09/2021); the 2016–2020 standard is not held
		{2024, true, DefaultConfig(), "2022-2026"},
		{2025, false, DefaultConfig(), "2022-2026"}, // decided by 14/12/2025: no district level any more
		{2026, false, DefaultConfig(), "2022-2026"}, // Decree 351/2025/NĐ-CP keeps 2022–2026 through 2026
		{2026, false, nextYear, "2027-2030"},        // unless the province reviews for the lists of 2027 [U]
		{2027, false, DefaultConfig(), "2027-2030"},
	}
	for _, tt := range tests {
		r, err := NewPeriodicRound("10507", tt.year, tt.cfg)
		if err != nil {
			t.Fatalf("%d: %v", tt.year, err)
		}
		want := Round{
			CommuneCode: "10507", Kind: RoundPeriodic, Year: tt.year,
			ReferenceDate: d(tt.year, 9, 1), StartDate: d(tt.year, 9, 1),
			EndDate: d(tt.year, 12, 14), DecisionDue: d(tt.year, 12, 14),
			DistrictOpinionRequired: tt.district, PostingDays: 3, Standard: tt.standard,
		}
		if *r != want {
			t.Errorf("%d:\n got %+v\nwant %+v", tt.year, *r, want)
		}
	}
	// 14/12/2025 is a Sunday: a fixed date of Art. 3 is not moved.
	if r, _ := NewPeriodicRound("10507", 2025, DefaultConfig()); !r.DecisionDue.Equal(d(2025, 12, 14)) {
		t.Errorf("periodic 2025 due %v, want 14/12/2025", r.DecisionDue)
	}
}

func TestNewRegularRound(t *testing.T) {
	noExtend := DefaultConfig()
	noExtend.ExtendToWorkingDay = false
	noRegularDistrict := DefaultConfig()
	noRegularDistrict.DistrictOpinionRegular = false
	tests := []struct {
		name          string
		year          int
		month         time.Month
		cfg           Config
		end, due      time.Time
		district      bool
		label, label2 string
	}{
		{"June 2025: due Monday 30/06, before 01/07/2025, district step", 2025, 6, DefaultConfig(),
			d(2025, 6, 30), d(2025, 6, 30), true, "Rà soát thường xuyên tháng 06/2025", "regular review, 06/2025"},
		{"July 2025: two-tier government, no district step", 2025, 7, DefaultConfig(),
			d(2025, 7, 30), d(2025, 7, 30), false, "Rà soát thường xuyên tháng 07/2025", "regular review, 07/2025"},
		{"January 2025: 30/01 is in the Tết break, due Monday 03/02", 2025, 1, DefaultConfig(),
			d(2025, 1, 30), d(2025, 2, 3), true, "Rà soát thường xuyên tháng 01/2025", "regular review, 01/2025"},
		{"February 2025: 15/02 + 15 = Sunday 02/03, due Monday 03/03", 2025, 2, DefaultConfig(),
			d(2025, 3, 2), d(2025, 3, 3), true, "Rà soát thường xuyên tháng 02/2025", "regular review, 02/2025"},
		{"February 2024 (leap year): 15/02 + 15 = Friday 01/03", 2024, 2, DefaultConfig(),
			d(2024, 3, 1), d(2024, 3, 1), true, "Rà soát thường xuyên tháng 02/2024", "regular review, 02/2024"},
		{"August 2026: Sunday 30/08, 31/08-02/09 off, due Thursday 03/09", 2026, 8, DefaultConfig(),
			d(2026, 8, 30), d(2026, 9, 3), false, "Rà soát thường xuyên tháng 08/2026", "regular review, 08/2026"},
		{"August 2026 without the Civil Code extension", 2026, 8, noExtend,
			d(2026, 8, 30), d(2026, 8, 30), false, "Rà soát thường xuyên tháng 08/2026", "regular review, 08/2026"},
		{"June 2025 with the district step for periodic rounds only", 2025, 6, noRegularDistrict,
			d(2025, 6, 30), d(2025, 6, 30), false, "Rà soát thường xuyên tháng 06/2025", "regular review, 06/2025"},
		{"September 2021: the first month under Decision 24/2021", 2021, 9, DefaultConfig(),
			d(2021, 9, 30), d(2021, 9, 30), true, "Rà soát thường xuyên tháng 09/2021", "regular review, 09/2021"},
	}
	for _, tt := range tests {
		r, err := NewRegularRound(" 10507 ", tt.year, tt.month, tt.cfg)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		want := Round{
			CommuneCode: "10507", Kind: RoundRegular, Year: tt.year, Month: tt.month,
			ReferenceDate: d(tt.year, tt.month, 15), StartDate: d(tt.year, tt.month, 15),
			EndDate: tt.end, DecisionDue: tt.due, DistrictOpinionRequired: tt.district, PostingDays: 3,
		}
		if tt.year >= 2022 {
			want.Standard = "2022-2026"
		}
		if *r != want {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, *r, want)
		}
		if r.Label() != tt.label || r.LabelEN() != tt.label2 {
			t.Errorf("%s: labels %q / %q", tt.name, r.Label(), r.LabelEN())
		}
	}
}

func TestRoundErrors(t *testing.T) {
	zeroPosting := DefaultConfig()
	zeroPosting.PostingDays = 0
	badPeriod := DefaultConfig()
	badPeriod.PeriodicStart, badPeriod.PeriodicEnd = MonthDay{time.December, 14}, MonthDay{time.September, 1}
	leapDay := DefaultConfig()
	leapDay.PeriodicEnd = MonthDay{time.February, 29}
	tests := []struct {
		name  string
		open  func() (*Round, error)
		field string
	}{
		{"zero config", func() (*Round, error) { return NewPeriodicRound("10507", 2025, Config{}) }, "PeriodicStart/PeriodicEnd"},
		{"posting days 0", func() (*Round, error) { return NewRegularRound("10507", 2025, 6, zeroPosting) }, "PostingDays"},
		{"periodic end before start", func() (*Round, error) { return NewPeriodicRound("10507", 2025, badPeriod) }, "PeriodicStart/PeriodicEnd"},
		{"29/02 is not in every year", func() (*Round, error) { return NewPeriodicRound("10507", 2025, leapDay) }, "PeriodicStart/PeriodicEnd"},
		{"no commune", func() (*Round, error) { return NewPeriodicRound("  ", 2025, DefaultConfig()) }, "commune"},
		{"month 13", func() (*Round, error) { return NewRegularRound("10507", 2025, 13, DefaultConfig()) }, "month"},
		{"month 0", func() (*Round, error) { return NewRegularRound("10507", 2025, 0, DefaultConfig()) }, "month"},
		{"before Decision 24/2021", func() (*Round, error) { return NewRegularRound("10507", 2021, 8, DefaultConfig()) }, "start_date"},
		{"periodic 2020", func() (*Round, error) { return NewPeriodicRound("10507", 2020, DefaultConfig()) }, "start_date"},
	}
	for _, tt := range tests {
		_, err := tt.open()
		e, ok := err.(*giamngheo.Error)
		if !ok || e.Code != giamngheo.EINVALID || e.Field != tt.field {
			t.Errorf("%s: got %v, want EINVALID on %q", tt.name, err, tt.field)
		}
	}
}

func TestRoundValidate(t *testing.T) {
	good := func() *Round {
		r, err := NewRegularRound("10507", 2025, 7, DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	tests := []struct {
		name   string
		change func(*Round)
		field  string
	}{
		{"ok", func(*Round) {}, ""},
		{"unknown kind", func(r *Round) { r.Kind = "weekly" }, "kind"},
		{"periodic with a month", func(r *Round) { r.Kind = RoundPeriodic }, "month"},
		{"no dates", func(r *Round) { r.DecisionDue = time.Time{} }, "start_date"},
		{"year mismatch", func(r *Round) { r.Year = 2024 }, "year"},
		{"due before end", func(r *Round) { r.DecisionDue = d(2025, 7, 29) }, "end_date"},
		{"no posting days", func(r *Round) { r.PostingDays = 0 }, "posting_days"},
	}
	for _, tt := range tests {
		r := good()
		tt.change(r)
		err := r.Validate()
		var f string
		if e, ok := err.(*giamngheo.Error); ok {
			f = e.Field
		}
		if f != tt.field || (tt.field == "") != (err == nil) {
			t.Errorf("%s: Validate() = %v, want field %q", tt.name, err, tt.field)
		}
	}
}

func TestPeriodicRoundLabel(t *testing.T) {
	r, _ := NewPeriodicRound("10507", 2025, DefaultConfig())
	if r.Label() != "Rà soát định kỳ năm 2025" || r.LabelEN() != "periodic review 2025" {
		t.Errorf("labels %q / %q", r.Label(), r.LabelEN())
	}
}
