package http

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/review"
)

func (s *Server) routesReview(mux router) {
	mux.HandleFunc("GET /review", s.requireUser(s.handleRounds))
	mux.HandleFunc("POST /review", s.requireUser(s.handleRoundOpen))
	mux.HandleFunc("GET /review/rounds/{id}", s.requireUser(s.handleRound))
	mux.HandleFunc("POST /review/rounds/{id}/requests", s.requireUser(s.handleRequest))
	mux.HandleFunc("POST /review/rounds/{id}/flagged", s.requireUser(s.handleFlagged))
	mux.HandleFunc("POST /review/rounds/{id}/decision", s.requireUser(s.handleRoundDecision))
	mux.HandleFunc("GET /review/cases/{id}", s.requireUser(s.handleCase))
	mux.HandleFunc("POST /review/cases/{id}", s.requireUser(s.handleCaseStep))
	s.routesReviewDocuments(mux)
}

type roundView struct {
	*review.RoundRecord
	Label, CommuneName string
	// Progress counts the round's cases by step, for supervisors following every
	// commune's review.
	Progress []stepCount
}

type stepCount struct {
	Label string
	N     int
}

type roundsPage struct {
	Rounds   []roundView
	Communes *picker
	Year     int
	Month    int
	CanWrite bool
	Overdue  []*review.CaseRecord
	Error    string
	// Standards are the national standards a province officer may choose for a round
	// (empty for other roles: the round takes the default).
	Standards []opt
}

func (s *Server) communeName(ctx context.Context, code string) string {
	if u, err := s.Units.FindUnitByCode(ctx, code, ""); err == nil {
		return u.Name
	}
	return code
}

func (s *Server) roundLabel(ctx context.Context, r *review.RoundRecord) string {
	if lang(ctx) == "en" {
		return r.LabelEN()
	}
	return r.Label()
}

func (s *Server) handleRounds(w http.ResponseWriter, r *http.Request) {
	s.renderRounds(w, r, "", 0)
}

func (s *Server) renderRounds(w http.ResponseWriter, r *http.Request, msg string, status int) {
	rounds, err := s.Review.FindRounds(r.Context())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	now := s.Today()
	u := currentUser(r.Context())
	p := &roundsPage{Year: now.Year(), Month: int(now.Month()), CanWrite: u.Role.EditsRegistry(), Error: msg}
	if u.Role == giamngheo.RoleProvinceOfficer || u.Role == giamngheo.RoleProvinceAdmin {
		for _, std := range poverty.Standards() {
			p.Standards = append(p.Standards, opt{std.ID, pick(r.Context(), std.Name)})
		}
	}
	for _, x := range rounds {
		v := roundView{RoundRecord: x, Label: s.roundLabel(r.Context(), x), CommuneName: s.communeName(r.Context(), x.CommuneCode)}
		cases, err := s.Review.Store.FindCases(r.Context(), x.ID)
		if err != nil {
			s.Error(w, r, err)
			return
		}
		n := map[review.State]int{}
		for _, c := range cases {
			n[c.State]++
		}
		for _, st := range review.States {
			if n[st] > 0 {
				v.Progress = append(v.Progress, stepCount{stateText(r.Context(), st), n[st]})
			}
		}
		p.Rounds = append(p.Rounds, v)
	}
	if p.Communes, err = s.communePicker(r, now.Format(admin.DateLayout), "round-commune", "round-commune-search", r.PostFormValue("commune"), ""); err != nil {
		s.Error(w, r, err)
		return
	}
	if p.Overdue, err = s.Review.Overdue(r.Context()); err != nil {
		s.Error(w, r, err)
		return
	}
	if status != 0 {
		w.WriteHeader(status)
	}
	s.render(w, r, "rounds", p)
}

// message returns an error's message in the request's language.
func message(ctx context.Context, err error) string {
	if lang(ctx) == "en" {
		return giamngheo.ErrorMessageEN(err)
	}
	return giamngheo.ErrorMessage(err)
}

// userError re-renders with the message for validation errors, else shows the error page.
func (s *Server) userError(w http.ResponseWriter, r *http.Request, err error, rerender func(msg string, status int)) {
	switch giamngheo.ErrorCode(err) {
	case giamngheo.EINVALID, giamngheo.ECONFLICT:
		rerender(message(r.Context(), err), statusOf(err))
	default:
		s.Error(w, r, err)
	}
}

func (s *Server) handleRoundOpen(w http.ResponseWriter, r *http.Request) {
	year, _ := strconv.Atoi(r.PostFormValue("year"))
	month, _ := strconv.Atoi(r.PostFormValue("month"))
	kind := review.RoundKind(r.PostFormValue("kind"))
	if kind == review.RoundPeriodic {
		month = 0
	}
	var opts []review.RoundOption
	if std := r.PostFormValue("standard"); std != "" {
		opts = append(opts, review.WithStandard(std))
	}
	// A round past its decision deadline opens only with its reason (issue 11 item 4).
	opts = append(opts, review.WithBackdateReason(r.PostFormValue("backdate_reason")))
	round, err := s.Review.OpenRound(r.Context(), r.PostFormValue("commune"), kind, year, time.Month(month), opts...)
	if err != nil {
		s.userError(w, r, err, func(msg string, status int) { s.renderRounds(w, r, msg, status) })
		return
	}
	http.Redirect(w, r, "/review/rounds/"+strconv.FormatInt(round.ID, 10), http.StatusSeeOther)
}

type caseRow struct {
	*review.CaseRecord
	StateLabel, ProposedLabel, FinalLabel string
	Overdue                               bool
}

type roundPage struct {
	Round      roundView
	Villages   []string
	Cases      []caseRow
	Counts     []countView
	Households *picker
	// Flagged are the commune's households whose survey result differs from their
	// recognised status and that the round does not review yet (regular rounds only).
	Flagged     []*registry.Household
	CanWrite    bool
	Error       string
	Today       string
	DecisionNo  string
	HasDecision bool
}

type countView struct {
	Label              string
	Households, Person int
}

func idParam(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return 0, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không tìm thấy.", "Not found.")
	}
	return id, nil
}

func classText(ctx context.Context, c review.Class) string {
	if c == review.ClassNone {
		return ""
	}
	if lang(ctx) == "en" {
		return c.LabelEN()
	}
	return c.Label()
}

func stateText(ctx context.Context, st review.State) string {
	if lang(ctx) == "en" {
		return st.LabelEN()
	}
	return st.Label()
}

func (s *Server) handleRound(w http.ResponseWriter, r *http.Request) { s.renderRound(w, r, "", 0) }

func (s *Server) renderRound(w http.ResponseWriter, r *http.Request, msg string, status int) {
	id, err := idParam(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	ctx := r.Context()
	round, err := s.Review.FindRound(ctx, id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	cases, err := s.Review.Store.FindCases(ctx, id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p := &roundPage{Round: roundView{RoundRecord: round, Label: s.roundLabel(ctx, round), CommuneName: s.communeName(ctx, round.CommuneCode)},
		CanWrite: currentUser(ctx).Role.EditsRegistry(), Error: msg, Today: s.Today().Format(admin.DateLayout),
		DecisionNo: round.DecisionNumber, HasDecision: false}
	seen := map[string]bool{}
	for _, c := range cases {
		if c.VillageName != "" && !seen[c.VillageName] {
			seen[c.VillageName] = true
			p.Villages = append(p.Villages, c.VillageName)
		}
		p.Cases = append(p.Cases, caseRow{c, stateText(ctx, c.State), classText(ctx, c.ProposedClass), classText(ctx, c.FinalClass),
			review.Overdue(&c.Case, &round.Round, s.Today())})
		if c.State == review.StateDecided {
			p.HasDecision = true
		}
	}
	counts, err := s.Review.Store.CountStatus(ctx, round.CommuneCode)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	for _, c := range counts {
		p.Counts = append(p.Counts, countView{classText(ctx, c.Class), c.Households, c.Persons})
	}
	if p.Households, err = s.householdPicker(r, round.CommuneCode, "request-household", "request-household-search"); err != nil {
		s.Error(w, r, err)
		return
	}
	if round.Kind == review.RoundRegular {
		flagged, _, err := s.Registry.FindHouseholds(ctx, registry.HouseholdFilter{CommuneCodes: []string{round.CommuneCode}, Differs: true, Page: giamngheo.Page{Limit: 200}})
		if err != nil {
			s.Error(w, r, err)
			return
		}
		inRound := map[int64]bool{}
		for _, c := range cases {
			inRound[c.HouseholdID] = true
		}
		for _, h := range flagged {
			if !inRound[h.ID] {
				p.Flagged = append(p.Flagged, h)
			}
		}
	}
	if status != 0 {
		w.WriteHeader(status)
	}
	s.render(w, r, "round", p)
}

func (s *Server) handleRequest(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	hid, _ := strconv.ParseInt(r.PostFormValue("household"), 10, 64)
	received, err := parseDate(r.PostFormValue("received"))
	if err != nil {
		s.userError(w, r, err, func(msg string, status int) { s.renderRound(w, r, msg, status) })
		return
	}
	c, err := s.Review.FileRequest(r.Context(), id, hid, review.Origin(r.PostFormValue("form")), review.Date(received.Year(), received.Month(), received.Day()))
	if err != nil {
		s.userError(w, r, err, func(msg string, status int) { s.renderRound(w, r, msg, status) })
		return
	}
	http.Redirect(w, r, "/review/cases/"+strconv.FormatInt(c.ID, 10), http.StatusSeeOther)
}

// handleFlagged adds a flagged household (survey result differing from its recognised
// status) to a regular round.
func (s *Server) handleFlagged(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	hid, _ := strconv.ParseInt(r.PostFormValue("household"), 10, 64)
	c, err := s.Review.ReviewFlagged(r.Context(), id, hid)
	if err != nil {
		s.userError(w, r, err, func(msg string, status int) { s.renderRound(w, r, msg, status) })
		return
	}
	http.Redirect(w, r, "/review/cases/"+strconv.FormatInt(c.ID, 10), http.StatusSeeOther)
}

func (s *Server) handleRoundDecision(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := s.Review.SetRoundDecision(r.Context(), id, r.PostFormValue("number")); err != nil {
		s.userError(w, r, err, func(msg string, status int) { s.renderRound(w, r, msg, status) })
		return
	}
	http.Redirect(w, r, "/review/rounds/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
}

type actionView struct {
	Action review.Action
	Label  string
}

type casePage struct {
	Case        caseRow
	Round       roundView
	Actions     []actionView
	Steps       []stepView
	Explanation []string
	Classes     []opt
	Error       string
	Today       string
	PostingEnd  string
	Deadline    string
	// PastDue is true once the round's decision deadline has passed: a dated step then
	// needs the reason of the delay, and its form asks for it.
	PastDue bool
}

type stepView struct {
	At, User, Action, From, To, Note string
}

func (s *Server) handleCase(w http.ResponseWriter, r *http.Request) { s.renderCase(w, r, "", 0) }

func (s *Server) renderCase(w http.ResponseWriter, r *http.Request, msg string, status int) {
	id, err := idParam(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	ctx := r.Context()
	c, round, err := s.Review.FindCase(ctx, id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p := &casePage{Case: caseRow{c, stateText(ctx, c.State), classText(ctx, c.ProposedClass), classText(ctx, c.FinalClass), review.Overdue(&c.Case, &round.Round, s.Today())},
		Round: roundView{RoundRecord: round, Label: s.roundLabel(ctx, round), CommuneName: s.communeName(ctx, round.CommuneCode)}, Error: msg, Today: s.Today().Format(admin.DateLayout)}
	p.PastDue = giamngheo.DayString(s.Today()) > round.DecisionDue.Format(admin.DateLayout)
	if d := review.Deadline(&c.Case, &round.Round, s.Review.Config.Calendar); !d.IsZero() {
		p.Deadline = formatDay(d)
	}
	if e := review.PostingEnd(&c.Case, &round.Round, s.Review.Config.Calendar); !e.IsZero() {
		p.PostingEnd = formatDay(e)
	}
	for _, a := range review.Allowed(&c.Case, currentUser(ctx).Role, &round.Round) {
		l := a.Label()
		if lang(ctx) == "en" {
			l = a.LabelEN()
		}
		p.Actions = append(p.Actions, actionView{a, l})
	}
	steps, err := s.Review.Store.FindSteps(ctx, c.ID)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	for _, st := range steps {
		a, note := string(st.Action), st.Note
		switch {
		case st.Action.Valid():
			a = st.Action.Label()
			if lang(ctx) == "en" {
				a = st.Action.LabelEN()
			}
		case st.Action == "open":
			// The first step of every case: listed, or a request received (its origin).
			a, note = "Lập hồ sơ", review.Origin(st.Note).Label()
			if lang(ctx) == "en" {
				a, note = "Case opened", review.Origin(st.Note).LabelEN()
			}
		}
		p.Steps = append(p.Steps, stepView{formatDateTime(st.At), st.Username, a,
			stateText(ctx, st.From), stateText(ctx, st.To), note})
	}
	if len(c.Result) > 0 {
		var res poverty.Result
		if json.Unmarshal(c.Result, &res) == nil && res.Explanation != nil {
			for _, l := range res.Explanation.Lines {
				p.Explanation = append(p.Explanation, pick(ctx, l.Text))
			}
		}
	}
	for _, cl := range []review.Class{review.ClassPoor, review.ClassNearPoor, review.ClassMiddle, review.ClassNotPoor} {
		p.Classes = append(p.Classes, opt{string(cl), classText(ctx, cl)})
	}
	if status != 0 {
		w.WriteHeader(status)
	}
	s.render(w, r, "case", p)
}

func (s *Server) handleCaseStep(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	rerender := func(msg string, status int) { s.renderCase(w, r, msg, status) }
	in := review.StepInput{Screening: review.Screening(r.PostFormValue("screening")), Chair: r.PostFormValue("chair"),
		Secretary: r.PostFormValue("secretary"), Class: review.Class(r.PostFormValue("class")), Reason: r.PostFormValue("reason"), Note: r.PostFormValue("note"),
		Event: review.Event(r.PostFormValue("event")), LateReason: r.PostFormValue("late_reason")}
	dateOf := func(field string) (time.Time, error) {
		v := strings.TrimSpace(r.PostFormValue(field))
		if v == "" {
			return time.Time{}, nil
		}
		t, err := parseDate(v)
		if err != nil {
			return t, err
		}
		return review.Date(t.Year(), t.Month(), t.Day()), nil
	}
	if in.MeetingDate, err = dateOf("meeting_date"); err == nil {
		in.PostedOn, err = dateOf("posted_on")
	}
	if err != nil {
		s.userError(w, r, err, rerender)
		return
	}
	if v := r.PostFormValue("attendees"); v != "" {
		in.Votes.Attendees, _ = strconv.Atoi(v)
		in.Votes.Agree, _ = strconv.Atoi(r.PostFormValue("agree"))
	}
	if _, err := s.Review.Act(r.Context(), id, review.Action(r.PostFormValue("action")), in); err != nil {
		s.userError(w, r, err, rerender)
		return
	}
	flash(w, "Đã ghi bước.", "Step recorded.")
	http.Redirect(w, r, "/review/cases/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
}
