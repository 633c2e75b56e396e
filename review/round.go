package review

import (
	"fmt"
	"strings"
	"time"

	"giamngheo/poverty"

	"giamngheo"
)

// RoundKind tells the two kinds of review of Decision 24/2021/QĐ-TTg, Art. 3.
type RoundKind string

// The kinds of round.
const (
	RoundPeriodic RoundKind = "periodic" // rà soát định kỳ: once a year, 01/09 to 14/12
	RoundRegular  RoundKind = "regular"  // rà soát thường xuyên: monthly, from the 15th
)

var roundKindLabels = map[RoundKind][2]string{
	RoundPeriodic: {"Rà soát định kỳ", "periodic review"},
	RoundRegular:  {"Rà soát thường xuyên", "regular review"},
}

// Valid reports whether k is a known kind.
func (k RoundKind) Valid() bool {
	_, ok := roundKindLabels[k]
	return ok
}

// Label returns the Vietnamese name of the kind.
func (k RoundKind) Label() string { return label(roundKindLabels, k, 0) }

// LabelEN returns the English name of the kind.
func (k RoundKind) LabelEN() string { return label(roundKindLabels, k, 1) }

// effective is the day Decision 24/2021/QĐ-TTg came into force (regulations.md §3.1
// [V]): no round of this workflow starts before it.
var effective = Date(2021, time.September, 1)

// Round is one review round of one commune: the annual periodic review or one month's
// regular review. Its dates are fixed when it is opened (NewPeriodicRound,
// NewRegularRound) and stored with it, so that a later change of configuration or
// calendar does not move the deadline of a round under way.
type Round struct {
	ID          int64
	CommuneCode string
	Kind        RoundKind
	Year        int
	Month       time.Month // 0 for a periodic round

	// ReferenceDate is the day the household's situation is assessed at (members,
	// ages, the 12 months of income before it). The texts we hold fix no such date
	// [U]; the round's start date is used.
	ReferenceDate time.Time
	// StartDate is the first day of the round: 01/09, or the 15th of the month (Art. 3).
	StartDate time.Time
	// EndDate is the last day of the round as the texts set it: 14/12 (Art. 3), or the
	// start plus the decision period (Art. 5; see Config.RegularDecisionDays).
	EndDate time.Time
	// DecisionDue is the day by which the commune chairman must decide: EndDate, moved
	// to the next working day for a regular round when Config.ExtendToWorkingDay is set.
	DecisionDue time.Time

	// DistrictOpinionRequired: the commune chairman must ask the district chairman's
	// opinion before deciding (Config.DistrictOpinionBefore).
	DistrictOpinionRequired bool
	// PostingDays is the public-posting period in working days (Config.PostingDays).
	PostingDays int
	// Standard is the ID of the poverty standard the round classifies under, fixed when
	// it is opened: the one in force on ReferenceDate, or as Config or the province
	// chose (WithStandard). Empty in rounds stored before it was recorded.
	Standard string
}

// StandardOf returns the standard the round classifies under: its recorded one, or the
// standard in force on its reference date for a round that recorded none.
func (r *Round) StandardOf() (*poverty.Standard, error) {
	if r.Standard != "" {
		return poverty.StandardByID(r.Standard)
	}
	return poverty.StandardInForce(r.ReferenceDate)
}

// defaultStandard is the standard a new round of kind, year and reference date ref
// classifies under by default (Config.PeriodicNextYearStandard).
func (c Config) defaultStandard(kind RoundKind, year int, ref time.Time) (string, error) {
	at := ref
	if kind == RoundPeriodic && c.PeriodicNextYearStandard {
		at = Date(year+1, time.January, 1)
	}
	std, err := poverty.StandardInForce(at)
	if giamngheo.ErrorCode(err) == giamngheo.ENOTFOUND {
		// A round before 2022 (the 2016–2020 standard is not held here) records none:
		// it can be opened and decided, but its survey cannot classify.
		return "", nil
	} else if err != nil {
		return "", err
	}
	return std.ID, nil
}

// checkStandard checks a standard chosen for a round: a known standard in force on the
// reference date or on 1 January of the next year, when the round's lists take effect.
func (r *Round) checkStandard(id string) error {
	std, err := poverty.StandardByID(id)
	if err != nil {
		return err
	}
	now, next := poverty.DateOf(r.ReferenceDate), poverty.DateOf(Date(r.Year+1, time.January, 1))
	if !std.ValidOn(now) && !std.ValidOn(next) {
		return field(giamngheo.Errorf(giamngheo.EINVALID, "Chuẩn %s không áp dụng cho đợt rà soát năm %d.",
			"Standard %s does not apply to a round of %d.", id, r.Year), "standard")
	}
	return nil
}

// NewPeriodicRound opens the annual periodic review of the commune for the year:
// 01/09 to 14/12 (Decision 24/2021/QĐ-TTg, Art. 3), decision due by 14/12.
func NewPeriodicRound(commune string, year int, cfg Config) (*Round, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	start, end := cfg.PeriodicStart.in(year), cfg.PeriodicEnd.in(year)
	r := &Round{
		CommuneCode:   strings.TrimSpace(commune),
		Kind:          RoundPeriodic,
		Year:          year,
		ReferenceDate: start,
		StartDate:     start,
		EndDate:       end,
		DecisionDue:   end, // a fixed date of Art. 3: never moved
		PostingDays:   cfg.PostingDays,
	}
	r.DistrictOpinionRequired = cfg.districtOpinion(r.Kind, r.DecisionDue)
	var err error
	if r.Standard, err = cfg.defaultStandard(r.Kind, year, r.ReferenceDate); err != nil {
		return nil, err
	}
	return r, r.Validate()
}

// NewRegularRound opens the monthly regular review of the commune: it starts on the
// 15th of the month (Art. 3) and the decision is due 15 days later (Art. 5), moved to
// the next working day if that is a day off (Civil Code 2015, Art. 148; see Config).
func NewRegularRound(commune string, year int, month time.Month, cfg Config) (*Round, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if month < time.January || month > time.December {
		return nil, field(giamngheo.Errorf(giamngheo.EINVALID,
			"Tháng %d không hợp lệ.", "Month %d is not valid.", int(month)), "month")
	}
	start := Date(year, month, cfg.RegularStartDay)
	end := addDays(start, cfg.RegularDecisionDays)
	due := end
	if cfg.ExtendToWorkingDay {
		due = onOrAfterWorkingDay(end, cfg.Calendar)
	}
	r := &Round{
		CommuneCode:   strings.TrimSpace(commune),
		Kind:          RoundRegular,
		Year:          year,
		Month:         month,
		ReferenceDate: start,
		StartDate:     start,
		EndDate:       end,
		DecisionDue:   due,
		PostingDays:   cfg.PostingDays,
	}
	r.DistrictOpinionRequired = cfg.districtOpinion(r.Kind, r.DecisionDue)
	var err error
	if r.Standard, err = cfg.defaultStandard(r.Kind, year, r.ReferenceDate); err != nil {
		return nil, err
	}
	return r, r.Validate()
}

// Validate checks a round, for instance one read back from a store: EINVALID with
// the offending field.
func (r *Round) Validate() error {
	bad := func(f, vi, en string, args ...any) error {
		return field(giamngheo.Errorf(giamngheo.EINVALID, vi, en, args...), f)
	}
	switch {
	case r.CommuneCode == "":
		return bad("commune", "Thiếu mã xã của đợt rà soát.", "The round has no commune code.")
	case !r.Kind.Valid():
		return bad("kind", "Loại đợt rà soát %q không hợp lệ.", "The round kind %q is not valid.", r.Kind)
	case r.Kind == RoundPeriodic && r.Month != 0:
		return bad("month", "Đợt rà soát định kỳ không có tháng.", "A periodic round has no month.")
	case r.Kind == RoundRegular && (r.Month < time.January || r.Month > time.December):
		return bad("month", "Tháng %d không hợp lệ.", "Month %d is not valid.", int(r.Month))
	case r.StartDate.IsZero() || r.EndDate.IsZero() || r.DecisionDue.IsZero():
		return bad("start_date", "Đợt rà soát thiếu ngày bắt đầu hoặc kết thúc.", "The round lacks its start or end date.")
	case r.StartDate.Year() != r.Year:
		return bad("year", "Ngày bắt đầu %s không thuộc năm %d.", "The start date %s is not in %d.", formatDate(r.StartDate), r.Year)
	case dayKey(r.StartDate) < dayKey(effective):
		return bad("start_date",
			"Đợt rà soát bắt đầu %s, trước ngày Quyết định 24/2021/QĐ-TTg có hiệu lực (01/09/2021).",
			"The round starts on %s, before Decision 24/2021/QĐ-TTg took effect (01/09/2021).", formatDate(r.StartDate))
	case dayKey(r.EndDate) < dayKey(r.StartDate) || dayKey(r.DecisionDue) < dayKey(r.EndDate):
		return bad("end_date", "Các ngày của đợt rà soát không theo thứ tự.", "The round's dates are out of order.")
	case r.PostingDays < 1:
		return bad("posting_days", "Số ngày làm việc niêm yết phải lớn hơn 0.", "The posting period must be at least one working day.")
	}
	return nil
}

// Label returns the Vietnamese title of the round, such as "Rà soát thường xuyên tháng 06/2025".
func (r *Round) Label() string {
	if r.Kind == RoundRegular {
		return fmt.Sprintf("%s tháng %02d/%d", r.Kind.Label(), int(r.Month), r.Year)
	}
	return fmt.Sprintf("%s năm %d", r.Kind.Label(), r.Year)
}

// LabelEN returns the English title of the round, such as "regular review, 06/2025".
func (r *Round) LabelEN() string {
	if r.Kind == RoundRegular {
		return fmt.Sprintf("%s, %02d/%d", r.Kind.LabelEN(), int(r.Month), r.Year)
	}
	return fmt.Sprintf("%s %d", r.Kind.LabelEN(), r.Year)
}
