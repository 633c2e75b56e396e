package jobs

import "context"

// Store persists the job exchange. Writes use the transaction carried by ctx.
type Store interface {
	CreateSeeker(ctx context.Context, s *Seeker) error
	SaveSeeker(ctx context.Context, s *Seeker) error
	// FindSeekerByID returns ENOTFOUND when there is no such seeker.
	FindSeekerByID(ctx context.Context, id int64) (*Seeker, error)
	// FindSeekers returns a page of the matching seekers (newest first) and the total.
	FindSeekers(ctx context.Context, f SeekerFilter) ([]*Seeker, int, error)

	CreateVacancy(ctx context.Context, v *Vacancy) error
	SaveVacancy(ctx context.Context, v *Vacancy) error
	FindVacancyByID(ctx context.Context, id int64) (*Vacancy, error)
	// FindVacancies returns a page of the matching vacancies (closing soonest first)
	// and the total.
	FindVacancies(ctx context.Context, f VacancyFilter) ([]*Vacancy, int, error)

	// CreateReferral returns ECONFLICT when the seeker was already referred to the vacancy.
	CreateReferral(ctx context.Context, r *Referral) error
	SaveReferral(ctx context.Context, r *Referral) error
	FindReferralByID(ctx context.Context, id int64) (*Referral, error)
	// FindReferrals returns the matching referrals, newest first, with the seeker's
	// name and the employer and position.
	FindReferrals(ctx context.Context, f ReferralFilter) ([]*Referral, error)

	// EscapedSince reports whether a review decision taken on or after since
	// (YYYY-MM-DD) took the household off the poor or near-poor list.
	EscapedSince(ctx context.Context, householdID int64, since string) (bool, error)
	// JobCounts counts seekers, vacancies, referrals and placements of the period by
	// commune and priority group.
	JobCounts(ctx context.Context, f ReportFilter) ([]CountRow, error)
}

// ReportFilter is the unit and period of a report.
type ReportFilter struct {
	// CommuneCodes limits to these communes (nil: all; empty: none).
	CommuneCodes []string
	// From and To bound the period, days included (YYYY-MM-DD).
	From, To string
}

// CountRow is the counts of one commune and priority group (vacancies and places
// carry the group "").
type CountRow struct {
	CommuneCode string   `json:"commune_code"`
	Priority    Priority `json:"priority"`
	Seekers     int      `json:"seekers"`
	Vacancies   int      `json:"vacancies"`
	Places      int      `json:"places"`
	Referrals   int      `json:"referrals"`
	Placements  int      `json:"placements"`
}
