package http

import (
	"context"
	"net/http"
	"sort"
	"strconv"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/jobs"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/review"
)

// The home page is a work queue: first what needs the officer today, each item one
// tap from its action, then the key figures of the officer's unit.

type tile struct {
	Label, LabelEN, Href string
	Value                int
	// Of, when not zero, is the total Value is a share of (shown as a percentage).
	Of int
}

type task struct{ VI, EN string }

// queueSection is one kind of work on the home page (overdue steps, rounds, imports …).
type queueSection struct {
	ID    string
	Title string
	Items []queueItem
	// More links to the full list when Items were cut.
	More string
}

// queueItem is one piece of work: what it is, why now, and the link that does it.
type queueItem struct {
	Title, Detail string
	Href, Action  string
	// Badge and BadgeClass mark the item's status (text always written, colour repeats it).
	Badge, BadgeClass string
}

// queueLimit is how many items a section shows; the rest is behind its More link.
const queueLimit = 8

type homePage struct {
	Date  string
	Tiles []tile
	Tasks []task
	// Queue is the work of the day, section by section. Other services add their
	// sections in homeQueue (flagged households, reports due, support gaps).
	Queue []queueSection
	// Overdue is kept for the page's overdue section id (home-overdue).
	Overdue []*review.CaseRecord
	// Switch tells officers, in the month before it, that the national standard
	// changes and what changes (nil otherwise).
	Switch *switchNotice
}

// switchNotice is the coming change of standard as the home page says it.
type switchNotice struct {
	Date, To, Citation string
	RuralFrom, RuralTo int
	UrbanFrom, UrbanTo int
	Added, Dropped     []string
	// ISODate is Date as YYYY-MM-DD; Simulate offers the simulation of the new standard
	// on that date to those who may run it (the expected change for their unit).
	ISODate  string
	Simulate bool
	// Missing links, for each added indicator that one survey answer decides, to the
	// households of the user's unit without that answer (a survey update is needed).
	Missing []missingLink
}

// missingLink is a list of households lacking one survey answer; Count is shown for a
// commune's officer and left out (-1) for larger units, whose count would read every
// household (the roll-ups of the reports will carry it).
type missingLink struct {
	Label, Href string
	Count       int
}

// isCommune reports whether code is a commune (the scope of a commune officer).
func (s *Server) isCommune(ctx context.Context, code string) bool {
	if code == "" {
		return false
	}
	u, err := s.Units.FindUnitByCode(ctx, code, "")
	return err == nil && u.Level == admin.LevelCommune
}

// switchNoticeDays is how long before a new standard takes effect officers are told.
const switchNoticeDays = 31

func (s *Server) switchNotice(r *http.Request) *switchNotice {
	ch := poverty.UpcomingChange(s.Today(), switchNoticeDays)
	if ch == nil {
		return nil
	}
	ctx := r.Context()
	n := &switchNotice{Date: formatDay(ch.To.ValidFrom.Time()), To: ch.To.ID, Citation: pick(ctx, ch.To.Citation),
		RuralFrom: int(ch.From.Lines.Rural.Poverty), RuralTo: int(ch.To.Lines.Rural.Poverty),
		UrbanFrom: int(ch.From.Lines.Urban.Poverty), UrbanTo: int(ch.To.Lines.Urban.Poverty)}
	n.ISODate = ch.To.ValidFrom.String()
	if u := currentUser(ctx); u != nil && s.Simulate != nil {
		switch u.Role {
		case giamngheo.RoleProvinceAdmin, giamngheo.RoleProvinceOfficer, giamngheo.RoleDistrictOfficer, giamngheo.RoleCommuneOfficer:
			n.Simulate = true
		}
	}
	for _, spec := range ch.Added {
		n.Added = append(n.Added, pick(ctx, spec.Name))
		if registry.SurveyField(spec.Key) == "" {
			continue
		}
		l := missingLink{Label: pick(ctx, spec.Name), Href: "/households?unanswered=" + string(spec.Key), Count: -1}
		if u := currentUser(ctx); u != nil && s.isCommune(ctx, u.ScopeCode) {
			// A commune's households, counted up to listCountBound (-1 beyond: the link
			// is shown without a number).
			if _, total, err := s.Registry.FindHouseholds(ctx, registry.HouseholdFilter{Unanswered: spec.Key, Page: giamngheo.Page{Limit: 1}, CountUpTo: listCountBound}); err == nil && total <= listCountBound {
				l.Count = total
			}
		}
		n.Missing = append(n.Missing, l)
	}
	for _, spec := range ch.Dropped {
		n.Dropped = append(n.Dropped, pick(ctx, spec.Name))
	}
	return n
}

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	u := currentUser(r.Context())
	p := &homePage{Date: formatDay(s.Today())}
	var err error
	if p.Tiles, err = s.homeFigures(r, u.ScopeCode); err != nil {
		s.Error(w, r, err)
		return
	}
	if p.Queue, p.Overdue, err = s.homeQueue(r); err != nil {
		s.Error(w, r, err)
		return
	}
	if u.Role != giamngheo.RoleViewer {
		p.Switch = s.switchNotice(r)
	}
	switch u.Role {
	case giamngheo.RoleCommuneOfficer:
		p.Tasks = append(p.Tasks, task{"Cập nhật danh sách hộ và rà soát hằng tháng (từ ngày 15).", "Keep the household list up to date and run the monthly review (from the 15th)."})
	case giamngheo.RoleProvinceAdmin:
		p.Tasks = append(p.Tasks, task{"Quản lý tài khoản và phạm vi của cán bộ.", "Manage officers' accounts and scopes."})
	case giamngheo.RoleAgencyOfficer:
		p.Tasks = append(p.Tasks, task{"Cập nhật hỗ trợ của ngành cho hộ nghèo, cận nghèo.", "Record your agency's support to poor and near-poor households."})
	}
	s.render(w, r, "home", p)
}

// homeFigures are the key figures of the unit: its communes and households by class.
func (s *Server) homeFigures(r *http.Request, scope string) ([]tile, error) {
	under, err := s.unitsUnder(r, scope, s.Today().Format(admin.DateLayout))
	if err != nil {
		return nil, err
	}
	counts := map[admin.Level]int{}
	for _, x := range under {
		counts[x.Level]++
	}
	var tiles []tile
	if counts[admin.LevelProvince] > 1 || scope == "" {
		tiles = append(tiles, tile{Label: "Tỉnh, thành phố", LabelEN: "Provinces", Value: counts[admin.LevelProvince], Href: "/units"})
	}
	tiles = append(tiles, tile{Label: "Xã, phường, đặc khu", LabelEN: "Communes", Value: counts[admin.LevelCommune], Href: "/units"})
	if s.Registry == nil {
		return tiles, nil
	}
	// The figures count the recognised status (the commune's decision), never the
	// survey result; the households whose survey differs are the review's work.
	// They are read from the maintained roll-ups (issue 13 item 8: the home page of a
	// province reads no household), or, without them, counted.
	total := 0
	poor, near := poverty.Poor, poverty.NearPoor
	figures := []struct {
		vi, en, href string
		f            registry.HouseholdFilter
		share        bool
	}{
		{"Hộ gia đình", "Households", "/households", registry.HouseholdFilter{}, false},
		{"Hộ nghèo (đã công nhận)", "Poor (recognised)", "/households?status=poor", registry.HouseholdFilter{Status: &poor}, true},
		{"Hộ cận nghèo (đã công nhận)", "Near-poor (recognised)", "/households?status=near_poor", registry.HouseholdFilter{Status: &near}, true},
		{"Hộ cần rà soát", "Households to review", "/households?differs=1", registry.HouseholdFilter{Differs: true}, false},
	}
	// All four from one read of the roll-ups when they hold them.
	var fromRollups []int
	filters := make([]registry.HouseholdFilter, len(figures))
	covered := true
	for i, t := range figures {
		filters[i] = t.f
		covered = covered && s.rollupCovered(t.f)
	}
	if covered {
		if fromRollups, err = s.rollupTotals(r.Context(), filters); err != nil {
			return nil, err
		}
	}
	for i, t := range figures {
		var n int
		var err error
		if fromRollups != nil {
			n = fromRollups[i]
		} else {
			t.f.Page = giamngheo.Page{Limit: 1}
			_, n, err = s.Registry.FindHouseholds(r.Context(), t.f)
		}
		if err != nil {
			return nil, err
		}
		tl := tile{Label: t.vi, LabelEN: t.en, Value: n, Href: t.href}
		if i == 0 {
			total = n
		} else if t.share {
			tl.Of = total
		}
		tiles = append(tiles, tl)
	}
	return tiles, nil
}

// homeQueue gathers the work of the day for the user: overdue review steps, the
// review rounds in progress and what each waits for, and the user's imports.
// Flagged households, reports due and an agency's support gaps are added here as
// sections by the services that produce them.
func (s *Server) homeQueue(r *http.Request) ([]queueSection, []*review.CaseRecord, error) {
	ctx := r.Context()
	var out []queueSection
	var overdue []*review.CaseRecord
	if s.Review != nil {
		// Overdue review cases are highlighted for the officer and the supervisors above
		// (Decision 24/2021/QĐ-TTg, Art. 5: a monthly round decides within 15 days).
		// The rounds of the scope and their cases are read once for both sections.
		rounds, err := s.Review.FindRounds(ctx)
		if err != nil {
			return nil, nil, err
		}
		read := map[int64][]*review.CaseRecord{}
		casesOf := func(id int64) ([]*review.CaseRecord, error) {
			if cs, ok := read[id]; ok {
				return cs, nil
			}
			cs, err := s.Review.Store.FindCases(ctx, id)
			read[id] = cs
			return cs, err
		}
		if overdue, err = s.Review.OverdueIn(rounds, casesOf); err != nil {
			return nil, nil, err
		}
		sec := queueSection{ID: "queue-overdue", Title: pickVIEN(ctx, "Bước rà soát quá hạn", "Overdue review steps")}
		for i, c := range overdue {
			if i == queueLimit {
				sec.More = "/review"
				break
			}
			sec.Items = append(sec.Items, queueItem{Title: c.HeadName + " · " + c.HouseholdCode, Detail: stateText(ctx, c.State),
				Href: "/review/cases/" + strconv.FormatInt(c.ID, 10), Action: pickVIEN(ctx, "Làm bước tiếp", "Take the next step"),
				Badge: pickVIEN(ctx, "Quá hạn", "Overdue"), BadgeClass: "overdue"})
		}
		out = append(out, sec)
		inProgress, err := s.roundsInProgress(r, rounds, casesOf)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, inProgress)
	}
	if currentUser(ctx).Role.EditsRegistry() {
		out = append(out, s.importQueue(r))
	}
	if u := currentUser(ctx); s.Support != nil && u.Role == giamngheo.RoleAgencyOfficer && u.Agency != "" {
		sec, err := s.supportQueue(r)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, sec)
	}
	if sec, ok, err := s.approvalQueue(r); err != nil {
		return nil, nil, err
	} else if ok {
		out = append(out, sec)
	}
	if s.Plan != nil {
		sec, ok, err := s.planQueue(r)
		if err != nil {
			return nil, nil, err
		}
		if ok {
			out = append(out, sec)
		}
	}
	if u := currentUser(ctx); s.Jobs != nil && jobs.IsOfficer(u.Actor()) {
		sec, err := s.jobsQueue(r)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, sec)
	}
	return out, overdue, nil
}

// roundsInProgress lists the rounds of the scope (read once by the caller, their cases
// through casesOf) with cases still open, or none yet, and what each waits for: its
// cases counted by the step they are at.
func (s *Server) roundsInProgress(r *http.Request, rounds []*review.RoundRecord, casesOf func(int64) ([]*review.CaseRecord, error)) (queueSection, error) {
	ctx := r.Context()
	sec := queueSection{ID: "queue-rounds", Title: pickVIEN(ctx, "Đợt rà soát đang làm", "Review rounds in progress")}
	today := s.Today()
	for _, x := range rounds {
		cases, err := casesOf(x.ID)
		if err != nil {
			return sec, err
		}
		n, open := map[review.State]int{}, 0
		for _, c := range cases {
			if !c.State.Terminal() {
				n[c.State]++
				open++
			}
		}
		if open == 0 && (len(cases) > 0 || x.DecisionDue.Before(today.AddDate(0, 0, -1))) {
			continue
		}
		var waits []string
		for _, st := range review.States {
			if n[st] > 0 {
				waits = append(waits, strconv.Itoa(n[st])+" "+stateText(ctx, st))
			}
		}
		detail := pickVIEN(ctx, "Chưa có hồ sơ nào: nhận đơn hoặc lập danh sách rà soát.", "No case yet: record a request or list the households.")
		if len(waits) > 0 {
			detail = pickVIEN(ctx, "Đang chờ: ", "Waiting: ") + joinComma(waits)
		}
		item := queueItem{Title: s.roundLabel(ctx, x) + " · " + s.communeName(ctx, x.CommuneCode), Detail: detail,
			Href: "/review/rounds/" + strconv.FormatInt(x.ID, 10), Action: pickVIEN(ctx, "Mở đợt", "Open the round"),
			Badge: pickVIEN(ctx, "Hạn ", "Due ") + formatDay(x.DecisionDue), BadgeClass: "info"}
		if x.DecisionDue.Before(today) {
			item.BadgeClass = "overdue"
		}
		if len(sec.Items) == queueLimit {
			sec.More = "/review"
			break
		}
		sec.Items = append(sec.Items, item)
	}
	return sec, nil
}

// importQueue lists the user's imports of this server's run, newest first: running,
// refused for invalid households, or saved.
func (s *Server) importQueue(r *http.Request) queueSection {
	ctx := r.Context()
	sec := queueSection{ID: "queue-imports", Title: pickVIEN(ctx, "Lượt nhập của tôi", "My imports")}
	uid := currentUser(ctx).ID
	s.jobs.mu.Lock()
	var jobs []*importJob
	for _, j := range s.jobs.jobs {
		if j.UserID == uid {
			jobs = append(jobs, j)
		}
	}
	s.jobs.mu.Unlock()
	sort.Slice(jobs, func(a, b int) bool { return jobs[a].Started.After(jobs[b].Started) })
	for i, j := range jobs {
		if i == queueLimit {
			sec.More = "/import"
			break
		}
		p, rep, err := j.snapshot()
		item := queueItem{Title: j.File, Detail: formatDateTime(j.Started), Href: "/import/jobs/" + j.ID, Action: pickVIEN(ctx, "Xem kết quả", "See the result")}
		switch {
		case !p.Done:
			item.Badge, item.BadgeClass = pickVIEN(ctx, "Đang nhập", "Running"), "info"
		case err != nil:
			item.Badge, item.BadgeClass = pickVIEN(ctx, "Lỗi", "Failed"), "error"
		case rep != nil && !rep.Committed:
			item.Badge, item.BadgeClass = pickVIEN(ctx, "Chưa nhập: có hộ lỗi", "Not imported: invalid households"), "error"
			item.Action = pickVIEN(ctx, "Xem lỗi", "See the problems")
		case rep != nil && rep.Invalid > 0:
			item.Badge, item.BadgeClass = pickVIEN(ctx, "Đã nhập, bỏ qua "+strconv.Itoa(rep.Invalid)+" hộ lỗi", "Imported, "+strconv.Itoa(rep.Invalid)+" invalid skipped"), "warning"
		default:
			item.Badge, item.BadgeClass = pickVIEN(ctx, "Đã nhập", "Imported"), "ok"
		}
		sec.Items = append(sec.Items, item)
	}
	return sec
}

func joinComma(xs []string) string {
	out := ""
	for i, x := range xs {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out
}
