package plan

import (
	"context"
	"strconv"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/audit"
)

// SubmitReport stores the agency's progress report on the plan together with the
// figures it enters for its targets, in one transaction. r.Version is the version the
// report was edited on (0 for a first report); a stale one is refused (ECONFLICT).
func (s *Service) SubmitReport(ctx context.Context, p *Plan, r *Report, figures []*Figure) error {
	if err := s.mayEnter(ctx, p.ProvinceCode, r.Agency); err != nil {
		return err
	}
	if !contains(p.Responsible(), r.Agency) {
		return giamngheo.Errorf(giamngheo.EINVALID, "Cơ quan “%s” không chủ trì nội dung nào của kế hoạch.", "The agency “%s” leads no area of the plan.", agencyName(r.Agency))
	}
	r.Narrative = strings.TrimSpace(r.Narrative)
	for _, n := range r.Areas {
		if a, ok := p.AreaByCode(n.Area); !ok || a.Lead != r.Agency {
			return giamngheo.Errorf(giamngheo.EINVALID, "Nội dung %q không do cơ quan này chủ trì.", "The area %q is not led by this agency.", n.Area)
		}
	}
	for _, m := range r.Money {
		if !m.Source.Valid() || m.Disbursed < 0 || m.Settled < 0 {
			return giamngheo.Errorf(giamngheo.EINVALID, "Số tiền hoặc nguồn kinh phí không hợp lệ.", "An amount or a source of funds is not valid.")
		}
		if m.Area != "" {
			if a, ok := p.AreaByCode(m.Area); !ok || a.Lead != r.Agency {
				return giamngheo.Errorf(giamngheo.EINVALID, "Nội dung %q không do cơ quan này chủ trì.", "The area %q is not led by this agency.", m.Area)
			}
		}
	}
	for _, f := range figures {
		t, ok := p.TargetByCode(f.Target)
		if !ok || t.Agency != r.Agency {
			return giamngheo.Errorf(giamngheo.EINVALID, "Chỉ tiêu %q không do cơ quan này chịu trách nhiệm.", "The target %q is not this agency's.", f.Target)
		}
		if err := s.prepareFigure(p, t, f); err != nil {
			return err
		}
	}
	if r.Narrative == "" && len(figures) == 0 {
		return giamngheo.Errorf(giamngheo.EINVALID, "Báo cáo cần có nội dung hoặc số liệu.", "The report needs a narrative or figures.")
	}
	r.PlanID = p.ID
	return s.Tx.WithTx(ctx, func(ctx context.Context) error {
		now := s.Now().UTC()
		var before *Report
		rs, err := s.Store.FindPlanReports(ctx, p.ID)
		if err != nil {
			return err
		}
		for _, x := range rs {
			if x.Agency == r.Agency {
				before = x
			}
		}
		if (before == nil && r.Version != 0) || (before != nil && before.Version != r.Version) {
			return giamngheo.Errorf(giamngheo.ECONFLICT, "Báo cáo đã được sửa từ lúc bạn mở: tải lại trang rồi nhập lại.",
				"The report was changed since you opened it: reload the page and enter it again.")
		}
		// The day it was first submitted stays: it decides on time or late.
		r.SubmittedAt, r.UpdatedAt = now, now
		if before != nil {
			r.SubmittedAt = before.SubmittedAt
			r.ID = before.ID
		}
		if a := giamngheo.ActorFromContext(ctx); a != nil {
			r.SubmittedBy = a.Username
		}
		if err := s.Store.SavePlanReport(ctx, r); err != nil {
			return err
		}
		for _, f := range figures {
			if err := s.insertFigure(ctx, p, f, now); err != nil {
				return err
			}
		}
		action := "create"
		if before != nil {
			action = "update"
		}
		return audit.Record(ctx, s.Audit, now, action, "plan_report", strconv.FormatInt(r.ID, 10), p.ProvinceCode, before, r)
	})
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// The states of an agency's report.
const (
	ReportOnTime  = "on_time" // submitted on or before the due day
	ReportLate    = "late"    // submitted after the due day
	ReportMissing = "missing" // not submitted and the due day has passed
	ReportPending = "pending" // not submitted, not yet due
)

// ReportStatus is where an agency's report stands.
type ReportStatus struct {
	Agency string
	State  string
	Report *Report // nil when not submitted
}

// ReportStatuses returns the state of every responsible agency's report on the plan.
func (s *Service) ReportStatuses(ctx context.Context, p *Plan) ([]ReportStatus, error) {
	if err := s.mayRead(ctx, p.ProvinceCode); err != nil {
		return nil, err
	}
	rs, err := s.Store.FindPlanReports(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	by := map[string]*Report{}
	for _, r := range rs {
		by[r.Agency] = r
	}
	today := giamngheo.DayString(s.Now())
	var out []ReportStatus
	for _, a := range p.Responsible() {
		out = append(out, ReportStatus{Agency: a, State: reportState(by[a], p.ReportDue, today), Report: by[a]})
	}
	return out, nil
}

// reportState: a report is due by the due day (plan 2023, section IV: "báo cáo kết
// quả thực hiện định kỳ hàng năm (trước ngày 20/11)"); the day of submission is the
// day in Vietnam.
func reportState(r *Report, due, today string) string {
	switch {
	case r != nil && giamngheo.DayString(r.SubmittedAt) <= due:
		return ReportOnTime
	case r != nil:
		return ReportLate
	case today > due:
		return ReportMissing
	}
	return ReportPending
}

// Due is an agency's next report: its plan, the due day and where it stands.
type Due struct {
	Plan   *Plan
	Status ReportStatus
	// Days is the number of days left until the due day (negative: overdue).
	Days int
}

// NextReport returns the agency officer's report on this year's plan of its province,
// or nil when it has none to make (no plan, or its agency answers for nothing).
func (s *Service) NextReport(ctx context.Context) (*Due, error) {
	a := giamngheo.ActorFromContext(ctx)
	if a == nil || a.Role != giamngheo.RoleAgencyOfficer || a.Agency == "" {
		return nil, nil
	}
	province, err := s.ProvinceOf(ctx)
	if err != nil || province == "" {
		return nil, err
	}
	today := giamngheo.Today(s.Now())
	p, err := s.Store.FindPlan(ctx, province, today.Year())
	if err != nil {
		if giamngheo.ErrorCode(err) == giamngheo.ENOTFOUND {
			return nil, nil
		}
		return nil, err
	}
	sts, err := s.ReportStatuses(ctx, p)
	if err != nil {
		return nil, err
	}
	for _, st := range sts {
		if st.Agency == a.Agency {
			due, _ := time.ParseInLocation(giamngheo.DateLayout, p.ReportDue, giamngheo.Vietnam)
			return &Due{Plan: p, Status: st, Days: int(due.Sub(today).Hours() / 24)}, nil
		}
	}
	return nil, nil
}
