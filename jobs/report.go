package jobs

import (
	"cmp"
	"context"
	"slices"
	"time"

	"giamngheo"
)

// ReportRow is one commune's figures (or the total, CommuneCode "").
type ReportRow struct {
	CommuneCode string `json:"commune_code"`
	Seekers     int    `json:"seekers"`
	// PrioritySeekers are the seekers from poor, near-poor and newly escaped households.
	PrioritySeekers int `json:"priority_seekers"`
	Vacancies       int `json:"vacancies"`
	Places          int `json:"places"`
	Referrals       int `json:"referrals"`
	Placements      int `json:"placements"`
	// PriorityPlacements are the placements of workers of poor, near-poor and newly
	// escaped households: the plan's successful job connections for them.
	PriorityPlacements int `json:"priority_placements"`
	// ByPriority counts seekers and placements per group.
	SeekersBy    map[Priority]int `json:"seekers_by"`
	PlacementsBy map[Priority]int `json:"placements_by"`
}

// Share returns part/whole as a percentage (0 when whole is 0).
func Share(part, whole int) float64 {
	if whole == 0 {
		return 0
	}
	return 100 * float64(part) / float64(whole)
}

// Report is the exchange's figures of a unit and period.
type Report struct {
	From, To string
	Rows     []ReportRow
	Total    ReportRow
}

// countsPriority reports whether the group counts in the share from poor, near-poor
// and newly escaped households.
func countsPriority(p Priority) bool {
	return p == PriorityPoor || p == PriorityNearPoor || p == PriorityEscaped
}

// Aggregate folds count rows into one row per commune and a total. Pure.
func Aggregate(from, to string, counts []CountRow) *Report {
	byCommune := map[string]*ReportRow{}
	total := ReportRow{SeekersBy: map[Priority]int{}, PlacementsBy: map[Priority]int{}}
	for _, c := range counts {
		r := byCommune[c.CommuneCode]
		if r == nil {
			r = &ReportRow{CommuneCode: c.CommuneCode, SeekersBy: map[Priority]int{}, PlacementsBy: map[Priority]int{}}
			byCommune[c.CommuneCode] = r
		}
		for _, x := range []*ReportRow{r, &total} {
			x.Seekers += c.Seekers
			x.Vacancies += c.Vacancies
			x.Places += c.Places
			x.Referrals += c.Referrals
			x.Placements += c.Placements
			x.SeekersBy[c.Priority] += c.Seekers
			x.PlacementsBy[c.Priority] += c.Placements
			if countsPriority(c.Priority) {
				x.PrioritySeekers += c.Seekers
				x.PriorityPlacements += c.Placements
			}
		}
	}
	rep := &Report{From: from, To: to, Total: total}
	for _, r := range byCommune {
		rep.Rows = append(rep.Rows, *r)
	}
	slices.SortFunc(rep.Rows, func(a, b ReportRow) int { return cmp.Compare(a.CommuneCode, b.CommuneCode) })
	return rep
}

// Report returns the figures of the actor's scope for the period (days included; an
// empty bound is the start of the year or today).
func (s *Service) Report(ctx context.Context, from, to string) (*Report, error) {
	if giamngheo.ActorFromContext(ctx) == nil {
		return nil, giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in.")
	}
	today := giamngheo.Today(s.Now())
	if from == "" {
		from = time.Date(today.Year(), 1, 1, 0, 0, 0, 0, giamngheo.Vietnam).Format(giamngheo.DateLayout)
	}
	if to == "" {
		to = today.Format(giamngheo.DateLayout)
	}
	for _, d := range []string{from, to} {
		if _, err := time.Parse(giamngheo.DateLayout, d); err != nil {
			return nil, invalid("period", "Ngày %q không hợp lệ.", "Day %q is not valid.", d)
		}
	}
	if from > to {
		return nil, invalid("period", "Từ ngày phải trước đến ngày.", "The period's start must come before its end.")
	}
	cs, err := s.communes(ctx)
	if err != nil {
		return nil, err
	}
	counts, err := s.Store.JobCounts(ctx, ReportFilter{CommuneCodes: cs, From: from, To: to})
	if err != nil {
		return nil, err
	}
	return Aggregate(from, to, counts), nil
}
