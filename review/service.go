package review

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/audit"
	"giamngheo/poverty"
	"giamngheo/registry"
)

// Service runs the review's use cases around the pure core: each step loads the case
// and its round, checks the scope, records the step's data, asks Next for the new
// state (role and step rules), and writes the case, its step and the audit row in one
// transaction. The decision also changes the household's recognised status from the
// decision date, records the transition and numbers the certificate.
type Service struct {
	Store    Store
	Registry *registry.Service
	Units    admin.Store
	Audit    audit.Store
	Tx       giamngheo.TxRunner
	Now      giamngheo.Clock
	Config   Config
}

// StepInput is the data a step records; each action reads its own fields.
type StepInput struct {
	Screening   Screening // screen
	Votes       Votes     // hold_meeting
	MeetingDate time.Time // hold_meeting
	Chair       string    // hold_meeting
	Secretary   string    // hold_meeting
	PostedOn    time.Time // post, repost (default today)
	Class       Class     // recheck: the class after the re-check
	Reason      string    // reject, withdraw
	Note        string    // complain, recheck, ask_district, district_reply
	// LateReason is why a step is dated after the round's decision deadline
	// (CheckStepDay): required then, ignored otherwise.
	LateReason string
	// Event is a change of the household itself recorded with the decision (moved in
	// or away, split, merged, the only member died), for the "other" increases and
	// decreases of the dynamics report; EventNone otherwise.
	Event Event
}

func (s *Service) today() time.Time {
	return today(s.Now())
}

func (s *Service) inScope(ctx context.Context, scope, code string) (bool, error) {
	return admin.StoreInScope(ctx, s.Units, scope, code)
}

// RoundOption sets up a round being opened.
type RoundOption func(*roundOptions)

type roundOptions struct{ standard, backdateReason string }

// WithBackdateReason gives the reason a round is opened after its decision deadline
// has passed (CheckOpening): required then, ignored otherwise.
func WithBackdateReason(reason string) RoundOption {
	return func(o *roundOptions) { o.backdateReason = strings.TrimSpace(reason) }
}

// WithStandard classifies the round under the standard with this ID instead of the
// default (Config.PeriodicNextYearStandard): a province's choice for an annual review
// held late in 2026 whose lists apply from 2027 [U]. Only province officers choose.
func WithStandard(id string) RoundOption {
	return func(o *roundOptions) { o.standard = strings.TrimSpace(id) }
}

// OpenRound opens a review round for a commune. A periodic round lists every
// household the commune recognises as poor or near-poor (Circular 07/2021, Appendix I).
func (s *Service) OpenRound(ctx context.Context, commune string, kind RoundKind, year int, month time.Month, opts ...RoundOption) (*RoundRecord, error) {
	var o roundOptions
	for _, f := range opts {
		f(&o)
	}
	if err := giamngheo.RequireRegistryWrite(ctx); err != nil {
		return nil, err
	}
	if err := giamngheo.RequireScope(ctx, s.inScope, commune); err != nil {
		return nil, err
	}
	u, err := s.Units.FindUnitByCode(ctx, commune, "")
	if err != nil {
		return nil, err
	}
	if u.Level != admin.LevelCommune {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Đợt rà soát mở cho một xã, phường; %s không phải cấp xã.", "A round is opened for a commune; %s is not one.", u.Name)
	}
	var r *Round
	switch kind {
	case RoundPeriodic:
		r, err = NewPeriodicRound(commune, year, s.Config)
	case RoundRegular:
		r, err = NewRegularRound(commune, year, month, s.Config)
	default:
		err = giamngheo.Errorf(giamngheo.EINVALID, "Loại đợt rà soát không hợp lệ: %q.", "Invalid round kind %q.", kind)
	}
	if err != nil {
		return nil, err
	}
	if o.standard != "" && o.standard != r.Standard {
		if a := giamngheo.ActorFromContext(ctx); a == nil || (a.Role != giamngheo.RoleProvinceOfficer && a.Role != giamngheo.RoleProvinceAdmin) {
			return nil, giamngheo.Errorf(giamngheo.EFORBIDDEN, "Chỉ cán bộ cấp tỉnh chọn chuẩn nghèo cho đợt rà soát.",
				"Only province officers choose the standard of a round.")
		}
		if err := r.checkStandard(o.standard); err != nil {
			return nil, err
		}
		r.Standard = o.standard
	}
	rec := &RoundRecord{Round: *r, ProvinceCode: admin.StoreProvinceOf(ctx, s.Units, u, ""), CreatedAt: s.Now().UTC()}
	backdated, err := CheckOpening(r, s.today(), o.backdateReason)
	if err != nil {
		return nil, err
	}
	if backdated {
		rec.BackdateReason = o.backdateReason
	}
	err = s.Tx.WithTx(ctx, func(ctx context.Context) error {
		if err := s.Store.CreateRound(ctx, rec); err != nil {
			return err
		}
		if kind == RoundPeriodic {
			listed, err := s.Store.ListedHouseholds(ctx, commune)
			if err != nil {
				return err
			}
			for id, class := range listed {
				if _, err := s.newCase(ctx, rec, id, OriginListed, time.Time{}, class); err != nil {
					return err
				}
			}
		}
		return audit.Record(ctx, s.Audit, s.Now(), "open", "review_round", rec.Label(), commune, nil, rec)
	})
	if err != nil {
		return nil, err
	}
	return rec, nil
}

func (s *Service) newCase(ctx context.Context, r *RoundRecord, householdID int64, origin Origin, received time.Time, previous Class) (*CaseRecord, error) {
	c, err := NewCase(&r.Round, householdID, origin, received, previous)
	if err != nil {
		return nil, err
	}
	rec := &CaseRecord{Case: *c, ProvinceCode: r.ProvinceCode, CommuneCode: r.CommuneCode, UpdatedAt: s.Now().UTC()}
	if err := s.Store.CreateCase(ctx, rec); err != nil {
		return nil, err
	}
	return rec, s.Store.InsertStep(ctx, &StepRecord{CaseID: rec.ID, At: s.Now().UTC(), Username: username(ctx), Action: "open", From: "", To: rec.State, Note: string(origin)})
}

func username(ctx context.Context) string {
	if a := giamngheo.ActorFromContext(ctx); a != nil {
		return a.Username
	}
	return ""
}

// FindRound returns a round within the actor's scope.
func (s *Service) FindRound(ctx context.Context, id int64) (*RoundRecord, error) {
	r, err := s.Store.FindRoundByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := giamngheo.RequireScope(ctx, s.inScope, r.CommuneCode); err != nil {
		return nil, err
	}
	return r, nil
}

// FindRounds lists the rounds within the actor's scope.
func (s *Service) FindRounds(ctx context.Context) ([]*RoundRecord, error) {
	a := giamngheo.ActorFromContext(ctx)
	if a == nil {
		return nil, giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in.")
	}
	var communes []string
	if a.ScopeCode != "" {
		var err error
		if communes, err = registry.CommunesUnder(ctx, s.Units, a.ScopeCode); err != nil {
			return nil, err
		}
		if communes == nil {
			communes = []string{}
		}
	}
	return s.Store.FindRounds(ctx, communes)
}

// FindCase returns a case and its round within the actor's scope.
func (s *Service) FindCase(ctx context.Context, id int64) (*CaseRecord, *RoundRecord, error) {
	c, err := s.Store.FindCaseByID(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	r, err := s.FindRound(ctx, c.RoundID)
	if err != nil {
		return nil, nil, err
	}
	return c, r, nil
}

// FileRequest records a household's request (Mẫu 01: to be reviewed; Mẫu 04: to be
// recognised as having escaped poverty or near-poverty) received on a date.
func (s *Service) FileRequest(ctx context.Context, roundID, householdID int64, origin Origin, received time.Time) (*CaseRecord, error) {
	if err := giamngheo.RequireRegistryWrite(ctx); err != nil {
		return nil, err
	}
	if !origin.Request() {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Đơn đề nghị phải là Mẫu 01 hoặc Mẫu 04.", "A request is form 01 or form 04.")
	}
	if received.IsZero() || received.After(s.today()) {
		return nil, &giamngheo.Error{Code: giamngheo.EINVALID, Field: "received", Message: "Ngày nhận đơn không hợp lệ (không được sau hôm nay).",
			MessageEN: "Invalid date of receipt (it cannot be after today)."}
	}
	var rec *CaseRecord
	err := s.Tx.WithTx(ctx, func(ctx context.Context) error {
		r, err := s.FindRound(ctx, roundID)
		if err != nil {
			return err
		}
		h, err := s.Registry.FindHouseholdByID(ctx, householdID)
		if err != nil {
			return err
		}
		if h.CommuneCode != r.CommuneCode {
			return giamngheo.Errorf(giamngheo.EINVALID, "Hộ %s không thuộc xã của đợt rà soát.", "Household %s is not in the round's commune.", h.Code)
		}
		prev, err := s.Store.HouseholdStatus(ctx, householdID)
		if err != nil {
			return err
		}
		if rec, err = s.newCase(ctx, r, householdID, origin, received, prev); err != nil {
			return err
		}
		return audit.Record(ctx, s.Audit, s.Now(), "request", "review_case", h.Code, r.CommuneCode, nil, rec)
	})
	return rec, err
}

// ReviewFlagged adds to a regular round a household of its commune whose survey result
// differs from its recognised status (registry.Household.NeedsReview): the monthly
// review examines the changes of the year (Decision 24/2021/QĐ-TTg, Art. 5), so that an
// edit of the answers moves a household between lists only through a decision.
func (s *Service) ReviewFlagged(ctx context.Context, roundID, householdID int64) (*CaseRecord, error) {
	if err := giamngheo.RequireRegistryWrite(ctx); err != nil {
		return nil, err
	}
	var rec *CaseRecord
	err := s.Tx.WithTx(ctx, func(ctx context.Context) error {
		r, err := s.FindRound(ctx, roundID)
		if err != nil {
			return err
		}
		if r.Kind != RoundRegular {
			return giamngheo.Errorf(giamngheo.EINVALID, "Hộ cần rà soát được đưa vào đợt rà soát thường xuyên.", "Flagged households go to a regular (monthly) round.")
		}
		h, err := s.Registry.FindHouseholdByID(ctx, householdID)
		if err != nil {
			return err
		}
		if h.CommuneCode != r.CommuneCode {
			return giamngheo.Errorf(giamngheo.EINVALID, "Hộ %s không thuộc xã của đợt rà soát.", "Household %s is not in the round's commune.", h.Code)
		}
		if !h.NeedsReview() {
			return giamngheo.Errorf(giamngheo.EINVALID, "Kết quả khảo sát của hộ %s không khác diện đã công nhận.", "The survey result of household %s does not differ from its recognised status.", h.Code)
		}
		if rec, err = s.newCase(ctx, r, householdID, OriginSurveyChange, time.Time{}, Class(h.Recognised.Class)); err != nil {
			return err
		}
		return audit.Record(ctx, s.Audit, s.Now(), "flagged", "review_case", h.Code, r.CommuneCode, nil, rec)
	})
	return rec, err
}

// Act takes one step on a case.
func (s *Service) Act(ctx context.Context, caseID int64, action Action, in StepInput) (*CaseRecord, error) {
	a := giamngheo.ActorFromContext(ctx)
	if a == nil {
		return nil, giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in.")
	}
	if err := giamngheo.RequireRegistryWrite(ctx); err != nil {
		return nil, err
	}
	var c *CaseRecord
	err := s.Tx.WithTx(ctx, func(ctx context.Context) error {
		var r *RoundRecord
		var err error
		if c, r, err = s.FindCase(ctx, caseID); err != nil {
			return err
		}
		before := *c
		if err := s.record(ctx, c, r, action, in); err != nil {
			return err
		}
		next, err := Next(&c.Case, action, a.Role, &r.Round)
		if err != nil {
			return err
		}
		if action == ActionDecide {
			if err := s.decide(ctx, c, r, in.Event); err != nil {
				return err
			}
		}
		c.State, c.UpdatedAt = next, s.Now().UTC()
		if err := s.Store.SaveCase(ctx, c); err != nil {
			return err
		}
		note := in.Note
		if in.Reason != "" {
			note = in.Reason
		}
		if err := s.Store.InsertStep(ctx, &StepRecord{CaseID: c.ID, At: s.Now().UTC(), Username: a.Username, Action: action, From: before.State, To: next, Note: note}); err != nil {
			return err
		}
		return audit.Record(ctx, s.Audit, s.Now(), string(action), "review_case", c.HouseholdCode, c.CommuneCode, before.Case, c.Case)
	})
	return c, err
}

func invalidField(f, vi, en string) error {
	return &giamngheo.Error{Code: giamngheo.EINVALID, Field: f, Message: vi, MessageEN: en}
}

// record writes the step's data on the case, with the checks Next cannot make (dates,
// time of the posting).
func (s *Service) record(ctx context.Context, c *CaseRecord, r *RoundRecord, action Action, in StepInput) error {
	today := s.today()
	if action.Dated() {
		// The step's day: the one entered (meeting, posting), else today.
		day := today
		switch action {
		case ActionHoldMeeting:
			day = in.MeetingDate
		case ActionPost, ActionRepost:
			if !in.PostedOn.IsZero() {
				day = in.PostedOn
			}
		}
		// A round entered after the fact carries its reason to its late steps.
		reason := strings.TrimSpace(in.LateReason)
		if reason == "" {
			reason = r.BackdateReason
		}
		late, err := CheckStepDay(&r.Round, action, day, today, reason)
		if err != nil {
			return err
		}
		if late {
			c.LateReason = reason
		}
	}
	switch action {
	case ActionScreen:
		c.Screening = in.Screening
	case ActionSurvey:
		return s.survey(ctx, c, r)
	case ActionHoldMeeting:
		if in.MeetingDate.IsZero() || in.MeetingDate.After(today) {
			return invalidField("meeting_date", "Ngày họp dân không hợp lệ (không được sau hôm nay).", "Invalid meeting date (it cannot be after today).")
		}
		c.Votes, c.MeetingDate = in.Votes, in.MeetingDate
		c.MeetingChair, c.MeetingSecretary = strings.TrimSpace(in.Chair), strings.TrimSpace(in.Secretary)
	case ActionPost, ActionRepost:
		d := in.PostedOn
		if d.IsZero() {
			d = today
		}
		if d.After(today) || (!c.MeetingDate.IsZero() && d.Before(c.MeetingDate)) {
			return invalidField("posted_on", "Ngày niêm yết phải từ ngày họp dân đến hôm nay.", "The posting date must be between the meeting and today.")
		}
		c.PostedOn = d
	case ActionRecheck:
		if in.Class != "" {
			if !in.Class.Valid() {
				return invalidField("class", "Kết quả phúc tra không hợp lệ.", "Invalid re-check result.")
			}
			c.ProposedClass = in.Class
		}
	case ActionAskDistrict, ActionDecide:
		// Decision 24/2021/QĐ-TTg, Art. 4 step 4: the result is posted publicly for the
		// posting period before it goes further.
		if !PostingOver(&c.Case, &r.Round, s.Config.Calendar, s.Now()) {
			end := PostingEnd(&c.Case, &r.Round, s.Config.Calendar)
			return giamngheo.Errorf(giamngheo.EINVALID, "Chưa hết thời gian niêm yết (%d ngày làm việc, đến hết ngày %s).",
				"The posting period (%d working days, until %s) is not over.", r.PostingDays, end.Format("02/01/2006"))
		}
		if action == ActionDecide {
			c.FinalClass = c.ProposedClass // the decision recognises the agreed, posted result
		}
	case ActionReject, ActionWithdraw:
		c.Reason = strings.TrimSpace(in.Reason)
	}
	return nil
}

// survey classifies the household (its Phiếu B answers as registered) with the round's
// standard on its reference date, and keeps the result with its explanation.
func (s *Service) survey(ctx context.Context, c *CaseRecord, r *RoundRecord) error {
	h, err := s.Registry.FindHouseholdByID(ctx, c.HouseholdID)
	if err != nil {
		return err
	}
	std, err := r.StandardOf()
	if err != nil {
		return err
	}
	cls := s.Registry.NewClassifierFor(std, r.ReferenceDate)
	if err := cls.Prepare(ctx, h); err != nil {
		return err
	}
	b, err := json.Marshal(h.Result)
	if err != nil {
		return err
	}
	c.ProposedClass, c.Result, c.SurveyedBy = classOf(h.Result.Class), b, username(ctx)
	return nil
}

// classOf maps a computed class to a list class: middle and not-poor households are on
// no poor or near-poor list.
func classOf(c poverty.Class) Class {
	switch c {
	case poverty.Poor:
		return ClassPoor
	case poverty.NearPoor:
		return ClassNearPoor
	case poverty.Middle:
		return ClassMiddle
	}
	return ClassNotPoor
}

// decide applies the commune chairman's decision to the case: the household's
// recognised status changes from the decision date (Decision 24/2021/QĐ-TTg, Art. 4
// step 6 and Art. 5), the transition is recorded for the dynamics report, and a poor or
// near-poor household gets a certificate number. A departure (moved away, merged, the
// only member died) takes the household off the lists.
func (s *Service) decide(ctx context.Context, c *CaseRecord, r *RoundRecord, event Event) error {
	today := s.today()
	c.DecidedOn = today
	switch event {
	case EventNone, EventMovedIn, EventSplit:
	case EventMovedAway, EventMerged, EventDied:
		c.FinalClass = ClassNone
	default:
		return invalidField("event", "Biến động khác không hợp lệ.", "Invalid household event.")
	}
	status := c.FinalClass
	if !status.Below() {
		status = ClassNone
	}
	// Tái nghèo: poor earlier in the standard's period, escaped, poor again
	// (regulations.md §2.4, §7): the household's earlier decisions of the period say so.
	var flags TransitionFlags
	flags.Event = event
	if std, err := r.StandardOf(); err == nil {
		past, err := s.Store.DecidedClasses(ctx, c.HouseholdID, std.ValidFrom.Time())
		if err != nil {
			return err
		}
		for _, p := range past {
			flags.WasPoor = flags.WasPoor || p == ClassPoor
			flags.WasNearPoor = flags.WasNearPoor || p == ClassNearPoor
		}
	}
	c.Transition = Transition(c.PreviousClass, c.FinalClass, flags)
	if status.Below() {
		n, err := s.Store.NextCertificateNumber(ctx, c.CommuneCode, today.Year())
		if err != nil {
			return err
		}
		c.CertificateNumber = n
	}
	// The household's recognised status changes from the decision date: only here.
	day := today.Format(giamngheo.DateLayout)
	return s.Store.SetHouseholdStatus(ctx, c.HouseholdID, registry.Recognition{Class: poverty.Class(status), Since: day, DecidedOn: day,
		DecisionNumber: r.DecisionNumber, RoundID: r.ID, Certificate: c.CertificateNumber})
}

// SetRoundDecision records the number of the commune chairman's decision of a round.
func (s *Service) SetRoundDecision(ctx context.Context, roundID int64, number string) error {
	if err := giamngheo.RequireRegistryWrite(ctx); err != nil {
		return err
	}
	return s.Tx.WithTx(ctx, func(ctx context.Context) error {
		r, err := s.FindRound(ctx, roundID)
		if err != nil {
			return err
		}
		before := *r
		r.DecisionNumber, r.DecidedOn = strings.TrimSpace(number), s.today()
		if err := s.Store.SaveRound(ctx, r); err != nil {
			return err
		}
		return audit.Record(ctx, s.Audit, s.Now(), "decision", "review_round", r.Label(), r.CommuneCode, before, r)
	})
}

// Overdue lists the open cases in the actor's scope whose round is past its decision
// deadline (monthly rounds: 15 days, Decision 24/2021/QĐ-TTg Art. 5).
func (s *Service) Overdue(ctx context.Context) ([]*CaseRecord, error) {
	rounds, err := s.FindRounds(ctx)
	if err != nil {
		return nil, err
	}
	return s.OverdueIn(rounds, func(id int64) ([]*CaseRecord, error) { return s.Store.FindCases(ctx, id) })
}

// OverdueIn is Overdue over rounds already read (FindRounds), their cases read by
// cases: the home page reads the rounds and their cases once for its two sections.
func (s *Service) OverdueIn(rounds []*RoundRecord, cases func(roundID int64) ([]*CaseRecord, error)) ([]*CaseRecord, error) {
	var out []*CaseRecord
	for _, r := range rounds {
		cs, err := cases(r.ID)
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			if Overdue(&c.Case, &r.Round, s.Now()) {
				out = append(out, c)
			}
		}
	}
	return out, nil
}
