package http

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/report"
)

// Submission and approval of a year's reports (issue 14 items 3 and 6): the block on
// the Reports page, its one POST route, and the completeness view of the level above.

// approvalBlock is the block of the Reports page: where the unit's year stands and the
// steps the user may take.
type approvalBlock struct {
	Sub   *report.Submission
	Can   report.Allowed
	State string // the state in words
	Class string // the badge's class
	Back  string // the page to come back to after a step
}

// stateText says a period's state in the page's language.
func periodStateText(ctx context.Context, st string) (string, string) {
	switch st {
	case report.StateSubmitted:
		return pickVIEN(ctx, "Đã nộp, chờ cấp trên phê duyệt", "Submitted, waiting for approval"), "info"
	case report.StateReturned:
		return pickVIEN(ctx, "Bị trả lại, cần sửa và nộp lại", "Returned: correct and submit again"), "warning"
	case report.StateApproved:
		return pickVIEN(ctx, "Đã phê duyệt, số liệu đã chốt", "Approved: the figures are frozen"), "ok"
	}
	return pickVIEN(ctx, "Chưa nộp", "Not submitted"), "none"
}

// approvalFor fills the block for the unit and year of the Reports page (nil when the
// unit does not submit, or no approvals are configured).
func (s *Server) approvalFor(r *http.Request, unit string, period int) (*approvalBlock, error) {
	if s.Approvals == nil || unit == "" {
		return nil, nil
	}
	sub, can, err := s.Approvals.Status(r.Context(), unit, period)
	if err != nil || sub == nil {
		return nil, err
	}
	b := &approvalBlock{Sub: sub, Can: can, Back: r.URL.RequestURI()}
	b.State, b.Class = periodStateText(r.Context(), sub.State)
	return b, nil
}

// handleApprovalStep takes a step (action=submit|return|approve|withdraw) on the unit's
// year, based on the version the page showed, and goes back to the page.
func (s *Server) handleApprovalStep(w http.ResponseWriter, r *http.Request) {
	if s.Approvals == nil {
		s.Error(w, r, giamngheo.Errorf(giamngheo.ENOTFOUND, "Chưa cấu hình phê duyệt báo cáo.", "Report approval is not configured."))
		return
	}
	unit := strings.TrimSpace(r.PostFormValue("unit"))
	period, err1 := strconv.Atoi(r.PostFormValue("period"))
	version, err2 := strconv.Atoi(r.PostFormValue("version"))
	if err1 != nil || err2 != nil {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Thiếu năm báo cáo hoặc phiên bản.", "The year or the version is missing."))
		return
	}
	if _, err := s.Approvals.Step(r.Context(), r.PostFormValue("action"), unit, period, version, r.PostFormValue("comment")); err != nil {
		s.Error(w, r, err)
		return
	}
	back := r.PostFormValue("back")
	if u, err := url.Parse(back); err != nil || !strings.HasPrefix(back, "/reports") || u.Host != "" {
		back = "/reports?" + url.Values{"report": {"ket-qua-chinh-thuc"}, "unit": {unit}, "period": {strconv.Itoa(period)}}.Encode()
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}

// completenessPage is the view of the level above: its units' submissions for a year.
type completenessPage struct {
	Period int
	C      *report.Completeness
	Rows   []completenessRow
}

type completenessRow struct {
	report.UnitStatus
	State, Class, Link string
}

// handleCompleteness shows the communes of the user's province (or the provinces, for
// a national user) with where their reports of the year stand: submitted, approved,
// returned, late.
func (s *Server) handleCompleteness(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if s.Approvals == nil {
		s.Error(w, r, giamngheo.Errorf(giamngheo.ENOTFOUND, "Chưa cấu hình phê duyệt báo cáo.", "Report approval is not configured."))
		return
	}
	p := &completenessPage{Period: s.Today().Year()}
	if v := r.URL.Query().Get("period"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 2000 || n > 2100 {
			s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Năm báo cáo không hợp lệ: %q.", "Invalid year: %q.", v))
			return
		}
		p.Period = n
	}
	unit := r.URL.Query().Get("unit")
	if unit == "" {
		unit = currentUser(ctx).ScopeCode
	}
	c, err := s.Approvals.Completeness(ctx, unit, p.Period, giamngheo.DayString(s.Today()))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p.C = c
	for _, u := range c.Units {
		row := completenessRow{UnitStatus: u}
		row.State, row.Class = periodStateText(ctx, u.Submission.State)
		row.Link = "/reports?" + url.Values{"report": {"ket-qua-chinh-thuc"}, "unit": {u.Code}, "period": {strconv.Itoa(p.Period)}}.Encode()
		p.Rows = append(p.Rows, row)
	}
	s.render(w, r, "report_completeness", p)
}

// approvalQueue is the home page's section of a province (or national) officer: the
// year's submissions of the units below, the late ones first.
func (s *Server) approvalQueue(r *http.Request) (queueSection, bool, error) {
	ctx := r.Context()
	u := currentUser(ctx)
	if s.Approvals == nil || u.Role != giamngheo.RoleProvinceOfficer && u.Role != giamngheo.RoleProvinceAdmin || !s.isProvinceOrNation(ctx, u.ScopeCode) {
		return queueSection{}, false, nil
	}
	// The year whose reports are due: the one before until its deadline has passed
	// far enough into the new year, otherwise this one.
	today := s.Today()
	period := today.Year()
	if today.Month() == 1 {
		period--
	}
	c, err := s.Approvals.Completeness(ctx, u.ScopeCode, period, giamngheo.DayString(today))
	if err != nil {
		return queueSection{}, false, err
	}
	link := "/reports/completeness?period=" + strconv.Itoa(period)
	sec := queueSection{ID: "queue-report-approvals", Title: pickVIEN(ctx, "Báo cáo năm "+strconv.Itoa(period)+" của các đơn vị", "Units' reports for "+strconv.Itoa(period))}
	sec.Items = append(sec.Items, queueItem{
		Title: pickVIEN(ctx, strconv.Itoa(c.Submitted)+" / "+strconv.Itoa(len(c.Units))+" đơn vị đã nộp, "+strconv.Itoa(c.Approved)+" đã phê duyệt",
			strconv.Itoa(c.Submitted)+" of "+strconv.Itoa(len(c.Units))+" units submitted, "+strconv.Itoa(c.Approved)+" approved"),
		Detail: pickVIEN(ctx, "Hạn nộp "+formatISODay(c.Due), "Due "+formatISODay(c.Due)),
		Href:   link, Action: pickVIEN(ctx, "Xem tình hình nộp", "See the submissions")})
	n := 0
	for _, x := range c.Units {
		if x.Submission.State == report.StateSubmitted {
			n++
		}
	}
	if n > 0 {
		sec.Items = append(sec.Items, queueItem{Title: pickVIEN(ctx, strconv.Itoa(n)+" báo cáo chờ phê duyệt", strconv.Itoa(n)+" reports waiting for approval"),
			Href: link, Action: pickVIEN(ctx, "Xem và phê duyệt", "Review and approve"), Badge: pickVIEN(ctx, "Chờ duyệt", "Waiting"), BadgeClass: "info"})
	}
	for _, x := range c.Units {
		if len(sec.Items) == queueLimit {
			sec.More = link
			break
		}
		if x.Late && x.Submission.State != report.StateSubmitted && x.Submission.State != report.StateApproved {
			sec.Items = append(sec.Items, queueItem{Title: x.Name, Detail: pickVIEN(ctx, "Chưa nộp, hạn "+formatISODay(x.Due), "Not submitted, due "+formatISODay(x.Due)),
				Href: link, Action: pickVIEN(ctx, "Xem", "See"), Badge: pickVIEN(ctx, "Quá hạn", "Late"), BadgeClass: "overdue"})
		}
	}
	return sec, true, nil
}

// isProvinceOrNation says whether a scope is a province or the nation ("").
func (s *Server) isProvinceOrNation(ctx context.Context, code string) bool {
	if code == "" {
		return true
	}
	u, err := s.Units.FindUnitByCode(ctx, code, "")
	return err == nil && u.Level == admin.LevelProvince
}
