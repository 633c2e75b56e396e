package report

import (
	"context"
	"fmt"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/audit"
)

// Submission and approval of a period's reports (issue 14 items 3 and 6), after DHIS2's
// data approval: a commune submits the reports of its year, the level above approves
// them or returns them with a comment, and an approved period is locked: its figures
// are frozen as they stood at the approval, so that a later edit of a household never
// changes a past period's report (every report of the set reads the frozen numbers of
// the communes approved for that year). Only the approving level can withdraw an
// approval, with a reason; every step is audited. A province submits to the nation the
// same way (approved by a national user), freezing the communes not yet frozen.

// States of a unit's period.
const (
	StateOpen      = ""          // nothing submitted yet
	StateSubmitted = "submitted" // waiting for the level above
	StateReturned  = "returned"  // returned with a comment: to correct and submit again
	StateApproved  = "approved"  // approved: the figures are frozen
)

// Submission is where a unit's reports of a period stand.
type Submission struct {
	Unit        string    `json:"unit"`
	Period      int       `json:"period"`
	State       string    `json:"state"`
	Comment     string    `json:"comment,omitempty"`
	SubmittedBy string    `json:"submitted_by,omitempty"`
	SubmittedAt time.Time `json:"submitted_at,omitzero"`
	DecidedBy   string    `json:"decided_by,omitempty"`
	DecidedAt   time.Time `json:"decided_at,omitzero"`
	// Version counts the changes of state: every step names the version it was based
	// on, so that two officers acting at once cannot both win.
	Version int `json:"version"`
}

// Frozen is what a commune's reports of an approved period read instead of the live
// roll-ups: its roll-up cells and list flows as they stood at the approval, per village.
type Frozen struct {
	Commune string `json:"commune"`
	// Approval is the unit whose approval froze it (the commune, or its province).
	Approval string `json:"approval"`
	Cells    []Cell `json:"cells"`
	Flows    []Flow `json:"flows"`
}

// ApprovalStore keeps the submissions and the frozen figures.
type ApprovalStore interface {
	// FindSubmissions returns the submissions of the units for a period (units without
	// one are absent).
	FindSubmissions(ctx context.Context, units []string, period int) ([]Submission, error)
	// SaveSubmission stores s; it is ECONFLICT unless the stored version is base (0: none
	// stored). s.Version becomes base+1.
	SaveSubmission(ctx context.Context, s *Submission, base int) error
	// Freeze keeps the frozen figures of communes for a period.
	Freeze(ctx context.Context, period int, fs []Frozen) error
	// Unfreeze drops the frozen figures an approval of unit made for a period.
	Unfreeze(ctx context.Context, period int, approval string) error
	// FrozenCommunes returns the frozen figures of those communes that have them for a
	// period.
	FrozenCommunes(ctx context.Context, period int, communes []string) (map[string]*Frozen, error)
}

// Deadlines are the days by which each level submits its year's reports: month and
// day of the year after the period when Next is set. The law gives no dates
// (regulations.md §3.4 step 7: dates [U]); the defaults follow the annual review, which
// ends on 14 December (Decision 24/2021/QĐ-TTg, Art. 3): communes by 20 December,
// provinces by 10 January. Configuration, not law.
type Deadlines struct {
	Commune, Province Deadline
}

// Deadline is a day of the year, in the period's year or (Next) the year after.
type Deadline struct {
	Month time.Month
	Day   int
	Next  bool
}

// DefaultDeadlines are the defaults of Deadlines [U].
var DefaultDeadlines = Deadlines{Commune: Deadline{time.December, 20, false}, Province: Deadline{time.January, 10, true}}

// Due is the deadline of a period, as YYYY-MM-DD.
func (d Deadline) Due(period int) string {
	y := period
	if d.Next {
		y++
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, int(d.Month), d.Day)
}

// Approvals runs the submissions (the report Service with its store and clock).
type Approvals struct {
	Reports   *Service
	Store     ApprovalStore
	Audit     audit.Store
	Tx        giamngheo.TxRunner
	Now       func() time.Time
	Deadlines Deadlines
}

// level is the unit's level for the period, and the code of the unit the level above
// is (the province of a commune; "" the nation above a province).
func (a *Approvals) level(ctx context.Context, unit string, period int) (*admin.Unit, error) {
	if unit == "" {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Cả nước không nộp báo cáo lên cấp nào.", "The nation submits to no level.")
	}
	u, err := a.Reports.Units.FindUnitByCode(ctx, unit, fmt.Sprintf("%04d-12-31", period))
	if err != nil {
		return nil, err
	}
	if u.Level != admin.LevelCommune && u.Level != admin.LevelProvince {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Chỉ xã và tỉnh nộp báo cáo (đơn vị %s).", "Only communes and provinces submit reports (unit %s).", unit)
	}
	return u, nil
}

// requireSubmitter: the unit's own officers submit (a commune officer of the commune,
// a province officer or administrator of the province).
func requireSubmitter(ctx context.Context, u *admin.Unit) error {
	a := giamngheo.ActorFromContext(ctx)
	if a == nil {
		return giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in.")
	}
	ok := a.ScopeCode == u.Code && (u.Level == admin.LevelCommune && a.Role == giamngheo.RoleCommuneOfficer ||
		u.Level == admin.LevelProvince && (a.Role == giamngheo.RoleProvinceOfficer || a.Role == giamngheo.RoleProvinceAdmin))
	if !ok {
		return giamngheo.Errorf(giamngheo.EFORBIDDEN, "Chỉ cán bộ của %s được nộp báo cáo của đơn vị.", "Only the officers of %s submit its reports.", u.Name)
	}
	return nil
}

// requireApprover: the level above approves and returns: a province officer or
// administrator of the commune's province, a national user for a province.
func (a *Approvals) requireApprover(ctx context.Context, u *admin.Unit) error {
	ac := giamngheo.ActorFromContext(ctx)
	if ac == nil {
		return giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in.")
	}
	if ac.Role != giamngheo.RoleProvinceOfficer && ac.Role != giamngheo.RoleProvinceAdmin || ac.ScopeCode == u.Code {
		return giamngheo.Errorf(giamngheo.EFORBIDDEN, "Chỉ cấp trên của %s được phê duyệt hoặc trả lại báo cáo.", "Only the level above %s approves or returns its reports.", u.Name)
	}
	if u.Level == admin.LevelProvince && ac.ScopeCode != "" {
		return giamngheo.Errorf(giamngheo.EFORBIDDEN, "Báo cáo của tỉnh do cấp trung ương phê duyệt.", "A province's reports are approved at national level.")
	}
	if err := giamngheo.RequireScope(ctx, a.Reports.InScope, u.Code); err != nil {
		return err
	}
	return nil
}

// current returns the stored submission of unit for period, or an open one.
func (a *Approvals) current(ctx context.Context, unit string, period int) (Submission, error) {
	ss, err := a.Store.FindSubmissions(ctx, []string{unit}, period)
	if err != nil {
		return Submission{}, err
	}
	if len(ss) == 1 {
		return ss[0], nil
	}
	return Submission{Unit: unit, Period: period}, nil
}

// Find returns where unit's period stands, for a user in its scope.
func (a *Approvals) Find(ctx context.Context, unit string, period int) (Submission, error) {
	if err := giamngheo.RequireScope(ctx, a.Reports.InScope, unit); err != nil {
		return Submission{}, err
	}
	return a.current(ctx, unit, period)
}

// step changes a period's state after check, the same way for every step.
func (a *Approvals) step(ctx context.Context, unit string, period, base int, action string,
	check func(u *admin.Unit, s *Submission) error, after func(ctx context.Context, u *admin.Unit, s *Submission) error) (Submission, error) {
	var out Submission
	err := a.Tx.WithTx(ctx, func(ctx context.Context) error {
		u, err := a.level(ctx, unit, period)
		if err != nil {
			return err
		}
		s, err := a.current(ctx, unit, period)
		if err != nil {
			return err
		}
		if s.Version != base {
			return giamngheo.Errorf(giamngheo.ECONFLICT, "Trạng thái báo cáo của %s năm %d đã thay đổi từ khi bạn mở trang: hãy tải lại trang.",
				"The reports of %s for %d changed since you opened the page: reload it.", u.Name, period)
		}
		before := s
		if err := check(u, &s); err != nil {
			return err
		}
		if after != nil {
			if err := after(ctx, u, &s); err != nil {
				return err
			}
		}
		if err := a.Store.SaveSubmission(ctx, &s, base); err != nil {
			return err
		}
		out = s
		return audit.Record(ctx, a.Audit, a.Now(), action, "report_period", fmt.Sprintf("%s/%d", unit, period), unit, before, s)
	})
	return out, err
}

func (a *Approvals) who(ctx context.Context) string {
	if ac := giamngheo.ActorFromContext(ctx); ac != nil {
		return ac.Username
	}
	return ""
}

// Submit sends a unit's reports of a period to the level above.
func (a *Approvals) Submit(ctx context.Context, unit string, period, base int) (Submission, error) {
	return a.step(ctx, unit, period, base, "report_submit", func(u *admin.Unit, s *Submission) error {
		if err := requireSubmitter(ctx, u); err != nil {
			return err
		}
		if s.State != StateOpen && s.State != StateReturned {
			return giamngheo.Errorf(giamngheo.ECONFLICT, "Báo cáo của %s năm %d đã nộp (%s).", "The reports of %s for %d were already submitted (%s).", u.Name, period, s.State)
		}
		s.State, s.SubmittedBy, s.SubmittedAt = StateSubmitted, a.who(ctx), a.Now().UTC()
		return nil
	}, nil)
}

// Return sends a submitted period back to its unit with a comment.
func (a *Approvals) Return(ctx context.Context, unit string, period, base int, comment string) (Submission, error) {
	comment = strings.TrimSpace(comment)
	return a.step(ctx, unit, period, base, "report_return", func(u *admin.Unit, s *Submission) error {
		if err := a.requireApprover(ctx, u); err != nil {
			return err
		}
		if s.State != StateSubmitted {
			return giamngheo.Errorf(giamngheo.ECONFLICT, "Chỉ trả lại được báo cáo đã nộp và chưa phê duyệt.", "Only a submitted report not yet approved can be returned.")
		}
		if comment == "" {
			return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "comment", Message: "Hãy ghi lý do trả lại để đơn vị sửa.", MessageEN: "Say why the report is returned, so the unit can correct it."}
		}
		s.State, s.Comment, s.DecidedBy, s.DecidedAt = StateReturned, comment, a.who(ctx), a.Now().UTC()
		return nil
	}, nil)
}

// Approve approves a submitted period and freezes its figures: a commune's own, or, for
// a province, those of its communes not frozen yet.
func (a *Approvals) Approve(ctx context.Context, unit string, period, base int) (Submission, error) {
	return a.step(ctx, unit, period, base, "report_approve", func(u *admin.Unit, s *Submission) error {
		if err := a.requireApprover(ctx, u); err != nil {
			return err
		}
		if s.State != StateSubmitted {
			return giamngheo.Errorf(giamngheo.ECONFLICT, "Chỉ phê duyệt được báo cáo đã nộp.", "Only a submitted report can be approved.")
		}
		s.State, s.Comment, s.DecidedBy, s.DecidedAt = StateApproved, "", a.who(ctx), a.Now().UTC()
		return nil
	}, func(ctx context.Context, u *admin.Unit, s *Submission) error {
		communes := []string{u.Code}
		if u.Level == admin.LevelProvince {
			cs, err := a.Reports.Units.FindUnits(ctx, admin.UnitFilter{AsOf: fmt.Sprintf("%04d-12-31", period), Level: admin.LevelCommune, Province: u.Code})
			if err != nil {
				return err
			}
			communes = communes[:0]
			for _, c := range cs {
				communes = append(communes, c.Code)
			}
		}
		return a.freeze(ctx, u.Code, period, communes)
	})
}

// Withdraw withdraws an approval (the approving level only, with a reason): the period
// is submitted again and its figures are live until approved anew.
func (a *Approvals) Withdraw(ctx context.Context, unit string, period, base int, reason string) (Submission, error) {
	reason = strings.TrimSpace(reason)
	return a.step(ctx, unit, period, base, "report_withdraw", func(u *admin.Unit, s *Submission) error {
		if err := a.requireApprover(ctx, u); err != nil {
			return err
		}
		if s.State != StateApproved {
			return giamngheo.Errorf(giamngheo.ECONFLICT, "Báo cáo chưa được phê duyệt.", "The report is not approved.")
		}
		if reason == "" {
			return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "comment", Message: "Hãy ghi lý do rút phê duyệt.", MessageEN: "Say why the approval is withdrawn."}
		}
		s.State, s.Comment, s.DecidedBy, s.DecidedAt = StateSubmitted, reason, a.who(ctx), a.Now().UTC()
		return nil
	}, func(ctx context.Context, u *admin.Unit, s *Submission) error {
		return a.Store.Unfreeze(ctx, period, u.Code)
	})
}

// freeze keeps the live figures of the communes not frozen yet for the period.
func (a *Approvals) freeze(ctx context.Context, approval string, period int, communes []string) error {
	frozen, err := a.Store.FrozenCommunes(ctx, period, communes)
	if err != nil {
		return err
	}
	var todo []string
	for _, c := range communes {
		if frozen[c] == nil {
			todo = append(todo, c)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	from, to := fmt.Sprintf("%04d-01-01", period), fmt.Sprintf("%04d-12-31", period)
	cells, err := a.Reports.Store.RollupCells(ctx, todo, true)
	if err != nil {
		return err
	}
	flows, err := a.Reports.Store.RollupFlows(ctx, todo, from, to, true)
	if err != nil {
		return err
	}
	by := map[string]*Frozen{}
	var out []Frozen
	for _, c := range todo {
		out = append(out, Frozen{Commune: c, Approval: approval})
	}
	for i := range out {
		by[out[i].Commune] = &out[i]
	}
	for _, c := range cells {
		if f := by[c.CommuneCode]; f != nil {
			f.Cells = append(f.Cells, c)
		}
	}
	for _, fl := range flows {
		if f := by[fl.CommuneCode]; f != nil {
			f.Flows = append(f.Flows, fl)
		}
	}
	return a.Store.Freeze(ctx, period, out)
}

// UnitStatus is a unit's line of the completeness view.
type UnitStatus struct {
	Code, Name string
	Submission Submission
	Due        string
	// Late: submitted after the due day, or not submitted and the day has passed.
	Late bool
}

// Completeness is what the level above sees: its units' submissions for a period.
type Completeness struct {
	Unit, UnitName string
	Period         int
	Due            string
	Units          []UnitStatus
	Submitted      int // submitted or approved
	Approved       int
	Returned       int
	Late           int
}

// Completeness lists the communes of a province (or the provinces of the nation, unit
// "") with where their reports of the period stand, against today (YYYY-MM-DD in
// Vietnam).
func (a *Approvals) Completeness(ctx context.Context, unit string, period int, today string) (*Completeness, error) {
	if err := giamngheo.RequireScope(ctx, a.Reports.InScope, unit); err != nil {
		return nil, err
	}
	end := fmt.Sprintf("%04d-12-31", period)
	c := &Completeness{Unit: unit, UnitName: "Toàn quốc", Period: period}
	f := admin.UnitFilter{AsOf: end, Level: admin.LevelProvince}
	dl := a.Deadlines.Province
	if unit != "" {
		u, err := a.Reports.Units.FindUnitByCode(ctx, unit, end)
		if err != nil {
			return nil, err
		}
		if u.Level != admin.LevelProvince {
			return nil, giamngheo.Errorf(giamngheo.EINVALID, "Xem tình hình nộp báo cáo theo tỉnh hoặc cả nước.", "Completeness is shown for a province or the nation.")
		}
		c.UnitName = u.Name
		f = admin.UnitFilter{AsOf: end, Level: admin.LevelCommune, Province: u.Code}
		dl = a.Deadlines.Commune
	}
	c.Due = dl.Due(period)
	units, err := a.Reports.Units.FindUnits(ctx, f)
	if err != nil {
		return nil, err
	}
	codes := make([]string, len(units))
	for i, u := range units {
		codes[i] = u.Code
	}
	ss, err := a.Store.FindSubmissions(ctx, codes, period)
	if err != nil {
		return nil, err
	}
	by := map[string]Submission{}
	for _, s := range ss {
		by[s.Unit] = s
	}
	for _, u := range units {
		s, ok := by[u.Code]
		if !ok {
			s = Submission{Unit: u.Code, Period: period}
		}
		st := UnitStatus{Code: u.Code, Name: u.Name, Submission: s, Due: c.Due}
		switch s.State {
		case StateSubmitted, StateApproved:
			c.Submitted++
			st.Late = giamngheo.DayString(s.SubmittedAt) > c.Due
		default:
			st.Late = today > c.Due
		}
		if s.State == StateApproved {
			c.Approved++
		}
		if s.State == StateReturned {
			c.Returned++
		}
		if st.Late {
			c.Late++
		}
		c.Units = append(c.Units, st)
	}
	return c, nil
}

// Allowed says which steps the actor of ctx may take on unit's period as it stands:
// the pages offer only those.
type Allowed struct {
	Submit, Decide, Withdraw bool
}

// Status returns where unit's period stands and what the actor may do with it; a unit
// that does not submit (a village, the nation) has no status (nil).
func (a *Approvals) Status(ctx context.Context, unit string, period int) (*Submission, Allowed, error) {
	var can Allowed
	if unit == "" {
		return nil, can, nil
	}
	u, err := a.level(ctx, unit, period)
	if giamngheo.ErrorCode(err) == giamngheo.EINVALID || giamngheo.ErrorCode(err) == giamngheo.ENOTFOUND {
		return nil, can, nil
	} else if err != nil {
		return nil, can, err
	}
	s, err := a.Find(ctx, unit, period)
	if err != nil {
		return nil, can, err
	}
	sub, dec := requireSubmitter(ctx, u) == nil, a.requireApprover(ctx, u) == nil
	can.Submit = sub && (s.State == StateOpen || s.State == StateReturned)
	can.Decide = dec && s.State == StateSubmitted
	can.Withdraw = dec && s.State == StateApproved
	return &s, can, nil
}

// Step takes the step named by action ("submit", "return", "approve", "withdraw").
func (a *Approvals) Step(ctx context.Context, action, unit string, period, base int, comment string) (Submission, error) {
	switch action {
	case "submit":
		return a.Submit(ctx, unit, period, base)
	case "return":
		return a.Return(ctx, unit, period, base, comment)
	case "approve":
		return a.Approve(ctx, unit, period, base)
	case "withdraw":
		return a.Withdraw(ctx, unit, period, base, comment)
	}
	return Submission{}, giamngheo.Errorf(giamngheo.EINVALID, "Thao tác không hợp lệ: %q.", "Unknown step: %q.", action)
}
