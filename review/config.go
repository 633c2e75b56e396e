package review

import (
	"time"

	"giamngheo"
)

// MonthDay is a day of the year without the year, such as 14/12.
type MonthDay struct {
	Month time.Month
	Day   int
}

// in returns the date of md in the given year.
func (md MonthDay) in(year int) time.Time { return Date(year, md.Month, md.Day) }

// valid reports whether md names a day that exists in every year (29/02 does not).
func (md MonthDay) valid() bool {
	if md.Month < time.January || md.Month > time.December || md.Day < 1 {
		return false
	}
	return md.Day <= addDays(Date(2001, md.Month+1, 1), -1).Day() // 2001: not a leap year
}

// Config holds the review rules that are not fixed in code: the timing of Decision
// 24/2021/QĐ-TTg (so that its successor for 2027-2030 can change them), the facts we
// could not verify ([U] in regulations.md, each set to its best-known default), and the
// district-opinion rule of the 2025 reorganisation. Make one with DefaultConfig and
// change fields; the zero Config is not valid.
type Config struct {
	// PeriodicStart and PeriodicEnd bound the annual periodic review: 01/09 to 14/12
	// (Decision 24/2021/QĐ-TTg, Art. 3 [V]). The decision is due by PeriodicEnd.
	PeriodicStart, PeriodicEnd MonthDay

	// RegularStartDay is the day of the month on which the monthly regular review
	// starts: the 15th (Art. 3 [V]).
	RegularStartDay int

	// RegularDecisionDays is the time the commune chairman has to decide a regular
	// round: 15 days from its start (Art. 5 [V]). Counted in calendar days, since the
	// text says days, not working days; the start day is not counted (Civil Code 2015,
	// Art. 147), so a round starting on the 15th is due on the 30th. [U]: the stored
	// summaries say only "within 15 days"; check the official text.
	RegularDecisionDays int

	// ExtendToWorkingDay moves a regular round's deadline that falls on a weekend or
	// holiday to the next working day (Civil Code 2015, Art. 148: a period whose last day
	// is a day off ends at the end of the next working day). Default true. A periodic
	// round's 14/12 is a fixed date of Art. 3, not a period counted in days, and is
	// never moved.
	ExtendToWorkingDay bool

	// Calendar is used to apply ExtendToWorkingDay when a round is opened. Default:
	// DefaultCalendar(). Posting periods take their calendar as an argument instead,
	// since they are computed when a case is posted.
	Calendar *Calendar

	// PostingDays is the public-posting period in working days: 3 by default. [U]: the
	// figure comes from secondary sources only; the 2016-2020 rules used 7 working days
	// (regulations.md §3.4, step 4).
	PostingDays int

	// DistrictOpinionBefore: a round whose decision is due before this date must ask the
	// district chairman's opinion before the commune chairman decides (Decision
	// 24/2021/QĐ-TTg, Art. 4: "báo cáo, xin ý kiến Chủ tịch UBND cấp huyện"). Default
	// 01/07/2025, when districts ceased to exist (Resolution 202/2025/QH15; two-tier local
	// government; Circular 13/2025/TT-BNNMT re-assigns the district's poverty tasks, how
	// exactly is [U], regulations.md §4.4). The zero time means no round has the step.
	DistrictOpinionBefore time.Time

	// DistrictOpinionRegular applies the district step to regular (monthly) rounds too.
	// Default true. [U]: Art. 5 sends the regular review through "the steps of Art. 4";
	// whether that includes asking the district is not settled in the texts we hold
	// (regulations.md §3.5 reads it as scoring, meeting and posting only).
	DistrictOpinionRegular bool
	// PeriodicNextYearStandard classifies an annual (periodic) review under the standard
	// in force on 1 January of the next year, when its lists take effect, rather than on
	// its reference date. Decree 351/2025/NĐ-CP keeps the 2022–2026 standard through
	// 31/12/2026, so the 2026 review uses it by default; whether a province may review
	// late in 2026 under 2027–2030 is not settled in the texts we hold [U]
	// (regulations.md §4.3): false by default, and a province officer can also choose
	// the standard of one round when opening it.
	PeriodicNextYearStandard bool
}

// DefaultConfig returns the rules of Decision 24/2021/QĐ-TTg with the best-known
// defaults for the uncertain ones (see each field).
func DefaultConfig() Config {
	return Config{
		PeriodicStart:          MonthDay{time.September, 1},
		PeriodicEnd:            MonthDay{time.December, 14},
		RegularStartDay:        15,
		RegularDecisionDays:    15,
		ExtendToWorkingDay:     true,
		Calendar:               DefaultCalendar(),
		PostingDays:            3,
		DistrictOpinionBefore:  Date(2025, time.July, 1),
		DistrictOpinionRegular: true,
	}
}

// Validate returns EINVALID if a field is out of range.
func (c Config) Validate() error {
	bad := func(name string) error {
		return field(giamngheo.Errorf(giamngheo.EINVALID,
			"Cấu hình rà soát không hợp lệ: %s.", "Invalid review configuration: %s.", name), name)
	}
	switch {
	case !c.PeriodicStart.valid() || !c.PeriodicEnd.valid():
		return bad("PeriodicStart/PeriodicEnd")
	case c.PeriodicStart.in(2001).After(c.PeriodicEnd.in(2001)):
		return bad("PeriodicStart/PeriodicEnd")
	case c.RegularStartDay < 1 || c.RegularStartDay > 28:
		return bad("RegularStartDay")
	case c.RegularDecisionDays < 1 || c.RegularDecisionDays > 90:
		return bad("RegularDecisionDays")
	case c.PostingDays < 1 || c.PostingDays > 30:
		return bad("PostingDays")
	}
	return nil
}

// districtOpinion reports whether a round of the kind, decided by due, has the step.
func (c Config) districtOpinion(kind RoundKind, due time.Time) bool {
	if kind == RoundRegular && !c.DistrictOpinionRegular {
		return false
	}
	return !c.DistrictOpinionBefore.IsZero() && dayKey(due) < dayKey(c.DistrictOpinionBefore)
}
