package http

import (
	"context"
	"html"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/poverty"
	"giamngheo/registry"
)

// routesHouseholds mounts the household pages; writes need a role that may write,
// checked by the service with the commune scope.
func (s *Server) routesHouseholds(mux router) {
	mux.HandleFunc("GET /households", s.requireUser(s.handleHouseholds))
	mux.HandleFunc("GET /households/new", s.requireUser(s.handleHouseholdNew))
	mux.HandleFunc("GET /households.csv", s.requireUser(s.handleHouseholdExport))
	mux.HandleFunc("GET /households.xlsx", s.requireUser(s.handleHouseholdExport))
	mux.HandleFunc("POST /households", s.requireUser(s.handleHouseholdCreate))
	mux.HandleFunc("GET /households/{id}", s.requireUser(s.handleHousehold))
	mux.HandleFunc("GET /households/{id}/edit", s.requireUser(s.handleHouseholdEdit))
	mux.HandleFunc("POST /households/{id}", s.requireUser(s.handleHouseholdUpdate))
	mux.HandleFunc("GET /api/v1/households", s.requireUser(s.apiHouseholds))
	mux.HandleFunc("GET /api/v1/households/{id}", s.requireUser(s.apiHousehold))
}

// opt is one option of a select, labelled in the request's language.
type opt struct{ Value, Label string }

func choices(ctx context.Context, cs []poverty.Choice) []opt {
	out := make([]opt, len(cs))
	for i, c := range cs {
		out[i] = opt{c.Value, pick(ctx, c.Label)}
	}
	return out
}

func pick(ctx context.Context, t poverty.Text) string {
	if lang(ctx) == "en" && t.EN != "" {
		return t.EN
	}
	return t.VI
}

// pickVIEN returns en for a request in English, else vi.
func pickVIEN(ctx context.Context, vi, en string) string {
	if lang(ctx) == "en" {
		return en
	}
	return vi
}

// communeOptions lists the communes in the actor's scope valid on date.
func (s *Server) communeOptions(r *http.Request, date string) ([]opt, error) {
	scope := currentUser(r.Context()).ScopeCode
	units, err := s.unitsUnder(r, scope, date)
	if err != nil {
		return nil, err
	}
	var out []opt
	for _, u := range units {
		if u.Level == admin.LevelCommune {
			out = append(out, opt{u.Code, u.Name + " (" + u.Code + ")"})
		}
	}
	return out, nil
}

type householdsPage struct {
	Rows []householdRow
	// Body is the table lines of Rows (householdRowsHTML).
	Body  template.HTML
	Total int
	// TotalMore: more than Total households match (counted up to listCountBound).
	TotalMore bool
	// First links back to the first page from a keyset page.
	First      string
	Communes   *picker
	Classes    []opt
	Statuses   []opt
	Indicators []opt
	Filter     url.Values
	Prev, Next string
	CanWrite   bool
	Export     string
}

// householdRow is one line of the household list with its labels worked out in Go:
// through the template's function calls, 50 lines cost half the page's CPU time
// (docs/benchmarks.md, issue 13 item 8).
type householdRow struct {
	ID                                int64
	Code, HeadName, VillageName       string
	Status                            poverty.Class // recognised: "" on no list
	StatusLabel, Survey, Deprivations string
	NeedsReview                       bool
}

type householdLabels struct {
	Code, Village, Survey, Deprivations, OnNoList, NeedsReview string
}

func newHouseholdLabels(ctx context.Context) householdLabels {
	return householdLabels{Code: pickVIEN(ctx, "Mã hộ", "Code"), Village: pickVIEN(ctx, "Thôn", "Village"),
		Survey: pickVIEN(ctx, "Kết quả khảo sát", "Survey result"), Deprivations: pickVIEN(ctx, "Thiếu hụt", "Deprivations"),
		OnNoList: pickVIEN(ctx, "Không thuộc danh sách", "On no list"), NeedsReview: pickVIEN(ctx, "cần rà soát", "needs review")}
}

// householdRowsHTML writes the table lines of the list: the same markup the template
// wrote, made here because html/template's escaping calls for each of 14 fields of 50
// lines were a third of the page's CPU time at 50 concurrent clients (issue 13 item
// 8). Every text is escaped with html.EscapeString (element content and quoted
// attributes); the links hold numbers only.
func householdRowsHTML(rows []householdRow, l householdLabels) template.HTML {
	var b strings.Builder
	b.Grow(len(rows) * 600)
	e := html.EscapeString
	for _, r := range rows {
		id := strconv.FormatInt(r.ID, 10)
		b.WriteString(`<tr><td data-label="` + e(l.Code) + `"><a href="/households/` + id + `">` + e(r.Code) +
			`</a></td><td class="c-title"><a href="/households/` + id + `" tabindex="-1">` + e(r.HeadName) +
			`</a></td><td data-label="` + e(l.Village) + `">` + e(r.VillageName) + "</td>\n<td class=\"c-badge\">")
		if r.Status != "" {
			b.WriteString(`<span class="badge badge-` + e(string(r.Status)) + ` status">` + e(r.StatusLabel) + `</span>`)
		} else {
			b.WriteString(`<span class="badge">` + e(l.OnNoList) + `</span>`)
		}
		b.WriteString("</td>\n<td data-label=\"" + e(l.Survey) + `">` + e(r.Survey))
		if r.NeedsReview {
			b.WriteString(` <span class="badge badge-overdue needs-review">` + e(l.NeedsReview) + `</span>`)
		}
		b.WriteString("</td>\n<td class=\"num\" data-label=\"" + e(l.Deprivations) + `">` + e(r.Deprivations) + "</td></tr>\n")
	}
	return template.HTML(b.String())
}

// householdRows are the lines of hs in the request's language.
func householdRows(ctx context.Context, hs []*registry.Household) []householdRow {
	rows := make([]householdRow, len(hs))
	for i, h := range hs {
		r := householdRow{ID: h.ID, Code: h.Code, HeadName: h.HeadName, VillageName: h.VillageName,
			Status: h.Recognised.Class, NeedsReview: h.NeedsReview()}
		if r.Status != "" {
			r.StatusLabel = upperFirst(pick(ctx, r.Status.Label()))
		}
		if h.Result != nil {
			r.Survey = upperFirst(pick(ctx, h.Result.Class.Label()))
			r.Deprivations = strconv.Itoa(h.Result.DeprivationCount)
		}
		rows[i] = r
	}
	return rows
}

// classOptions lists the classes in the request's language.
// statusOptions lists the recognised statuses a list can be filtered on.
func statusOptions(ctx context.Context) []opt {
	return []opt{{string(poverty.Poor), pick(ctx, poverty.Poor.Label())}, {string(poverty.NearPoor), pick(ctx, poverty.NearPoor.Label())},
		{"none", pickVIEN(ctx, "không thuộc danh sách", "on no list")}}
}

func classOptions(ctx context.Context) []opt {
	var out []opt
	for _, c := range []poverty.Class{poverty.Poor, poverty.NearPoor, poverty.Middle, poverty.NotPoor} {
		out = append(out, opt{string(c), pick(ctx, c.Label())})
	}
	return out
}

// indicatorOptions lists the indicators of the standard in force.
func (s *Server) indicatorOptions(ctx context.Context) []opt {
	std, err := poverty.StandardInForce(s.Today())
	if err != nil {
		return nil
	}
	var out []opt
	for _, ind := range std.Indicators {
		out = append(out, opt{string(ind.Key), pick(ctx, ind.Name)})
	}
	return out
}

// householdFilter reads the list filters from the query string.
func householdFilter(q url.Values) (registry.HouseholdFilter, error) {
	f := registry.HouseholdFilter{Indicator: poverty.IndicatorKey(q.Get("indicator")), Query: q.Get("q"), SortByName: q.Get("sort") == "name"}
	if c := q.Get("commune"); c != "" {
		f.CommuneCodes = []string{c}
	}
	if c := q.Get("class"); c != "" {
		cl := poverty.Class(c)
		f.Class = &cl
	}
	// status is the recognised status (the commune's decision), the meaning of a list of
	// the poor; "none" keeps the households on no list. class is the survey result.
	switch st := q.Get("status"); st {
	case "":
	case string(poverty.Poor), string(poverty.NearPoor):
		cl := poverty.Class(st)
		f.Status = &cl
	case "none":
		cl := poverty.Class("")
		f.Status = &cl
	default:
		return f, giamngheo.Errorf(giamngheo.EINVALID, "Diện công nhận %q không hợp lệ.", "Invalid recognised status %q.", st)
	}
	f.Differs = q.Get("differs") == "1"
	if k := q.Get("unanswered"); k != "" {
		f.Unanswered = poverty.IndicatorKey(k)
		if registry.SurveyField(f.Unanswered) == "" {
			return f, giamngheo.Errorf(giamngheo.EINVALID, "Không lọc được theo câu hỏi %q.", "Cannot filter on the question %q.", k)
		}
	}
	// after is the keyset cursor of the next page (issue 13 item 8); offset is kept for
	// API clients of earlier releases and is slow deep in a province's list.
	if a := q.Get("after"); a != "" {
		c, err := registry.ParseHouseholdCursor(a)
		if err != nil {
			return f, err
		}
		f.After = c
	}
	if o := q.Get("offset"); o != "" && f.After == nil {
		n, err := strconv.Atoi(o)
		if err != nil || n < 0 {
			return f, giamngheo.Errorf(giamngheo.EINVALID, "Tham số offset không hợp lệ.", "Invalid offset.")
		}
		f.Page.Offset = n
	}
	f.Page.Limit = 50
	return f, nil
}

func (s *Server) handleHouseholds(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := householdFilter(q)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	f.Summary = true // the page shows the list's columns only
	hs, total, more, err := s.findHouseholdPage(r.Context(), f)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	rows := householdRows(r.Context(), hs)
	p := &householdsPage{Rows: rows, Body: householdRowsHTML(rows, newHouseholdLabels(r.Context())), Total: total.N, TotalMore: total.More, Classes: classOptions(r.Context()), Statuses: statusOptions(r.Context()), Indicators: s.indicatorOptions(r.Context()),
		Filter: q, CanWrite: currentUser(r.Context()).Role.EditsRegistry(), Export: q.Encode()}
	if p.Communes, err = s.communePicker(r, s.Today().Format(admin.DateLayout), "f-commune", "", q.Get("commune"), pickVIEN(r.Context(), "Tất cả", "All")); err != nil {
		s.Error(w, r, err)
		return
	}
	switch {
	case f.After != nil:
		// Keyset pages go forward; the way back is to the first page.
		pq := cloneValues(q)
		pq.Del("after")
		pq.Del("offset")
		p.First = "/households?" + pq.Encode()
	case f.Page.Offset > 0:
		pq := cloneValues(q)
		pq.Set("offset", strconv.Itoa(max(0, f.Page.Offset-f.Page.Limit)))
		p.Prev = "/households?" + pq.Encode()
	}
	if more && len(hs) > 0 {
		nq := cloneValues(q)
		nq.Del("offset")
		nq.Set("after", f.CursorAfter(hs[len(hs)-1]).String())
		p.Next = "/households?" + nq.Encode()
	}
	s.render(w, r, "households", p)
}

func cloneValues(v url.Values) url.Values {
	c := url.Values{}
	for k, vs := range v {
		c[k] = append([]string(nil), vs...)
	}
	return c
}

type householdPage struct {
	H           *registry.Household
	CommuneName string
	// FullAddress is the address read with the units in force on the day shown (today,
	// or the "as of" day): after a reorganisation the new commune and province, the
	// village once (issue 11 item 5); the address as entered stays in Address.
	FullAddress string
	// Units names the commune and province of each history entry ("" when unchanged).
	Units       map[int]string
	ClassLabel  string
	Explanation []string
	History     []*registry.HistoryEntry
	// StatusHistory is every change of the recognised status, newest first;
	// RoundNames names their review rounds by id.
	StatusHistory []*registry.StatusChange
	RoundNames    map[int64]string
	// Warnings are the household's stored warnings and, for its present state, the
	// national IDs that other households hold (worked out now).
	Warnings  []registry.Warning
	AsOf      string
	Past      bool
	CanWrite  bool
	Relations map[string]string
	// Allowances labels the members' social allowances, by value.
	Allowances map[string]string
	// Livelihood lists the land and livestock answered, formatted; empty hides the
	// section.
	Livelihood []fact
	// Traits lists the household traits the reports count (registry.Traits).
	Traits []fact
	// RecognisedOn is the day of the decision behind the recognised status, dd/mm/yyyy.
	RecognisedOn string
	// StandardNow is the standard in force today; Missing names the indicators of it
	// that the household's answers cannot decide (a survey update is needed).
	StandardNow string
	Missing     []string
	// Support is what the household received and the form to record more (support.go).
	Support *householdSupport
}

// fact is one labelled value shown on a page, in the request's language.
type fact struct{ Label, Value string }

// traitFacts lists the household traits (issue 14 item 1) in the request's language.
func traitFacts(ctx context.Context, t *registry.Traits) []fact {
	yn := func(b bool) string {
		if b {
			return pickVIEN(ctx, "Có", "Yes")
		}
		return pickVIEN(ctx, "Không", "No")
	}
	labour := yn(t.NoLabour)
	if t.NoLabourOverride != nil {
		labour += pickVIEN(ctx, " (cán bộ xác nhận)", " (set by an officer)")
	} else {
		labour += pickVIEN(ctx, " (theo tuổi lao động của thành viên)", " (from the members' working age)")
	}
	list := func(choices []registry.Choice, vs []string) string {
		var out []string
		for _, v := range vs {
			for _, c := range choices {
				if c.Value == v {
					out = append(out, pickVIEN(ctx, c.VI, upperFirst(c.EN)))
				}
			}
		}
		if len(out) == 0 {
			return pickVIEN(ctx, "Chưa ghi", "Not recorded")
		}
		return strings.Join(out, "; ")
	}
	causes, needs := make([]string, len(t.Causes)), make([]string, len(t.Needs))
	for i, c := range t.Causes {
		causes[i] = string(c)
	}
	for i, n := range t.Needs {
		needs[i] = string(n)
	}
	return []fact{
		{pickVIEN(ctx, "Có người có công với cách mạng", "Person of merit in the household"), yn(t.Merit)},
		{pickVIEN(ctx, "Không có khả năng lao động", "No labour capacity"), labour},
		{pickVIEN(ctx, "Hộ dân tộc thiểu số", "Ethnic-minority household"), yn(t.EthnicMinority)},
		{pickVIEN(ctx, "Chủ hộ là nữ", "Female head"), yn(t.FemaleHead)},
		{pickVIEN(ctx, "Nguyên nhân nghèo", "Causes of poverty"), list(registry.Causes, causes)},
		{pickVIEN(ctx, "Nhu cầu hỗ trợ", "Needs for support"), list(registry.Needs, needs)},
	}
}

// livelihoodFacts lists the answered land areas and animal counts of l, formatted the
// Vietnamese way (1.440,5 m²; 30 con) or in English.
func livelihoodFacts(ctx context.Context, l *registry.Livelihood) []fact {
	en := lang(ctx) == "en"
	var out []fact
	for _, x := range registry.LivelihoodLand {
		if a := *x.Get(l); a != nil {
			label := x.VI
			if en {
				label = upperFirst(x.EN)
			}
			out = append(out, fact{label, formatDecimal(*a, en) + " m²"})
		}
	}
	for _, x := range registry.LivelihoodAnimals {
		if n := *x.Get(l); n != nil {
			label, unit := x.VI, " con"
			if en {
				label, unit = upperFirst(x.EN), " head"
			}
			v := formatNumber(*n)
			if en {
				v = strconv.Itoa(*n)
			}
			out = append(out, fact{label, v + unit})
		}
	}
	return out
}

// householdID reads the {id} path value.
func householdID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return 0, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không tìm thấy hộ gia đình.", "Household not found.")
	}
	return id, nil
}

func (s *Server) handleHousehold(w http.ResponseWriter, r *http.Request) {
	id, err := householdID(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	h, err := s.Registry.FindHouseholdByID(r.Context(), id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p := &householdPage{H: h, CanWrite: currentUser(r.Context()).Role.EditsRegistry(), Relations: map[string]string{}}
	if d := r.URL.Query().Get("asof"); d != "" {
		t, err := parseDate(d)
		if err != nil {
			s.Error(w, r, err)
			return
		}
		// The end of that civil day in Vietnam (UTC+7).
		end := t.Add(24*time.Hour - 7*time.Hour)
		if p.H, err = s.Registry.HouseholdAsOf(r.Context(), id, end); err != nil {
			s.Error(w, r, err)
			return
		}
		p.AsOf, p.Past = d, p.H.Version != h.Version
	}
	p.Warnings = p.H.Warnings
	p.Support = s.householdSupportOf(r, id)
	if d, err := time.ParseInLocation(giamngheo.DateLayout, p.H.Recognised.DecidedOn, giamngheo.Vietnam); err == nil {
		p.RecognisedOn = formatDay(d)
	}
	if !p.Past {
		// A household whose answers no longer validate (say, a member's age) still
		// shows; its page says what is wrong through its classification.
		if gap, err := registry.SurveyGapOf(p.H, s.Today()); err == nil {
			p.StandardNow = gap.Standard.ID
			for _, spec := range gap.Missing {
				p.Missing = append(p.Missing, pick(r.Context(), spec.Name))
			}
		} else {
			s.Logger.Warn("survey gap", "household", p.H.ID, "err", err)
		}
		elsewhere, err := s.Registry.NationalIDsElsewhere(r.Context(), p.H)
		if err != nil {
			s.Error(w, r, err)
			return
		}
		p.Warnings = append(append([]registry.Warning(nil), p.H.Warnings...), elsewhere...)
	}
	if p.History, err = s.Registry.History(r.Context(), id); err != nil {
		s.Error(w, r, err)
		return
	}
	if p.StatusHistory, err = s.Registry.StatusHistory(r.Context(), id); err != nil {
		s.Error(w, r, err)
		return
	}
	p.RoundNames = map[int64]string{}
	for _, c := range p.StatusHistory {
		if _, done := p.RoundNames[c.RoundID]; c.RoundID == 0 || done || s.Review == nil {
			continue
		}
		// A round the store no longer finds (or outside the scope) keeps its number.
		p.RoundNames[c.RoundID] = ""
		if rd, err := s.Review.FindRound(r.Context(), c.RoundID); err == nil {
			p.RoundNames[c.RoundID] = pickVIEN(r.Context(), rd.Label(), rd.LabelEN())
		}
	}
	shown := s.Today()
	if p.Past {
		if t, err := parseDate(p.AsOf); err == nil {
			shown = t
		}
	}
	p.CommuneName = s.unitAt(r, p.H.CommuneCode, shown)
	p.FullAddress = registry.FullAddress(p.H.Address, p.H.VillageName,
		admin.StoreNamesOn(r.Context(), s.Units, p.H.CommuneCode, giamngheo.DayString(shown)))
	p.Units = map[int]string{}
	for _, e := range p.History {
		p.Units[e.Version] = s.unitAt(r, e.Household.CommuneCode, e.ValidFrom)
	}
	for _, rel := range registry.Relations {
		p.Relations[string(rel.Value)] = rel.VI
		if lang(r.Context()) == "en" {
			p.Relations[string(rel.Value)] = rel.EN
		}
	}
	p.Allowances = map[string]string{}
	for _, a := range registry.SocialAllowances {
		p.Allowances[string(a.Value)] = a.VI
		if lang(r.Context()) == "en" {
			p.Allowances[string(a.Value)] = upperFirst(a.EN)
		}
	}
	p.Livelihood = livelihoodFacts(r.Context(), &p.H.Livelihood)
	p.Traits = traitFacts(r.Context(), &p.H.Traits)
	if res := p.H.Result; res != nil {
		p.ClassLabel = upperFirst(pick(r.Context(), res.Class.Label()))
		if exp, err := registry.Explanation(p.H, s.Card); err == nil && exp != nil {
			for _, l := range exp.Lines {
				p.Explanation = append(p.Explanation, pick(r.Context(), l.Text))
			}
		}
	}
	s.render(w, r, "household", p)
}

type householdFormPage struct {
	Form *householdForm
	// Standard is the standard in force on the form's day: the survey asks the
	// questions of its indicators only (AskDevices, AskWaste), and the answers it does
	// not ask are carried unchanged in hidden fields.
	Standard             string
	AskDevices, AskWaste bool
	// Land and Animals are the livelihood inputs (key and label); Allowances the
	// kinds of social allowance.
	Land, Animals, Allowances                        []opt
	Causes, Needs                                    []opt
	Card                                             *cardView
	Regions                                          []opt
	Communes                                         *picker
	Relations, Sexes, Schoolings                     []opt
	Employments, Waters, Latrines, Devices, AreaOpts []opt
	Action                                           string
}

func (s *Server) renderHouseholdForm(w http.ResponseWriter, r *http.Request, f *householdForm, status int) {
	ctx := r.Context()
	p := &householdFormPage{Form: f, Sexes: choices(ctx, poverty.SexChoices()), Schoolings: choices(ctx, poverty.SchoolingChoices()),
		Employments: choices(ctx, poverty.EmploymentChoices()), Waters: choices(ctx, poverty.WaterSourceChoices()),
		Latrines: choices(ctx, poverty.LatrineChoices()), Devices: choices(ctx, poverty.DeviceChoices()), Action: "/households"}
	for _, rel := range registry.Relations {
		l := rel.VI
		if lang(ctx) == "en" {
			l = rel.EN
		}
		p.Relations = append(p.Relations, opt{string(rel.Value), l})
	}
	for _, a := range registry.SocialAllowances {
		p.Allowances = append(p.Allowances, opt{string(a.Value), pickVIEN(ctx, a.VI, upperFirst(a.EN))})
	}
	for _, x := range registry.LivelihoodLand {
		p.Land = append(p.Land, opt{x.Key, pickVIEN(ctx, x.VI, upperFirst(x.EN))})
	}
	for _, x := range registry.LivelihoodAnimals {
		p.Animals = append(p.Animals, opt{x.Key, pickVIEN(ctx, x.VI, upperFirst(x.EN))})
	}
	for _, c := range registry.Causes {
		p.Causes = append(p.Causes, opt{c.Value, pickVIEN(ctx, c.VI, upperFirst(c.EN))})
	}
	for _, n := range registry.Needs {
		p.Needs = append(p.Needs, opt{n.Value, pickVIEN(ctx, n.VI, upperFirst(n.EN))})
	}
	p.AreaOpts = []opt{{"rural", pick(ctx, poverty.Rural.Label())}, {"urban", pick(ctx, poverty.Urban.Label())}}
	for _, rg := range poverty.Regions {
		p.Regions = append(p.Regions, opt{string(rg), pick(ctx, rg.Label())})
	}
	std, err := poverty.StandardInForce(s.Today())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p.Standard = std.ID
	// Decree 07/2021/NĐ-CP asks about information devices; Decree 351/2025/NĐ-CP (from
	// 1 January 2027) drops them and asks about the treatment of household waste.
	p.AskDevices, p.AskWaste = std.Has(poverty.IndicatorInfoDevices), std.Has(poverty.IndicatorWaste)
	// A score card is offered only under the standard it belongs to: the example card
	// of 2022–2026 is not offered under 2027–2030, which defines no B1 line.
	if s.Card != nil && s.Card.AppliesTo(std) {
		p.Card = &cardView{Name: pick(ctx, s.Card.Name), Official: s.Card.Official}
		for _, it := range s.Card.Items {
			iv := cardItem{Key: it.Key, Label: pick(ctx, it.Label)}
			for _, a := range it.Answers {
				iv.Answers = append(iv.Answers, opt{a.Key, pick(ctx, a.Label)})
			}
			p.Card.Items = append(p.Card.Items, iv)
		}
	}
	if f.ID != 0 {
		p.Action = "/households/" + strconv.FormatInt(f.ID, 10)
	}
	if p.Communes, err = s.communePicker(r, s.Today().Format(admin.DateLayout), "hh-commune", "hh-commune-search", f.CommuneCode, ""); err != nil {
		s.Error(w, r, err)
		return
	}
	p.Communes.Name = "commune_code"
	if status != 0 {
		w.WriteHeader(status)
	}
	s.render(w, r, "household_form", p)
}

// cardView is the B1 score card offered in the survey form, when one is configured.
type cardView struct {
	Name     string
	Official bool
	Items    []cardItem
}

type cardItem struct {
	Key, Label string
	Answers    []opt
}

func (s *Server) handleHouseholdNew(w http.ResponseWriter, r *http.Request) {
	if err := giamngheo.RequireRegistryWrite(r.Context()); err != nil {
		s.Error(w, r, err)
		return
	}
	f := &householdForm{DevicesUnknown: true, Devices: map[string]bool{}, Score: map[string]string{}, Livelihood: map[string]string{}}
	if c := currentUser(r.Context()).ScopeCode; len(c) == 5 {
		f.CommuneCode = c
	}
	f.pad(2)
	s.renderHouseholdForm(w, r, f, 0)
}

// formError re-renders the form with the message of a validation error.
func (s *Server) formError(w http.ResponseWriter, r *http.Request, f *householdForm, err error) {
	code := giamngheo.ErrorCode(err)
	if code != giamngheo.EINVALID && code != giamngheo.ECONFLICT {
		s.Error(w, r, err)
		return
	}
	f.Error = giamngheo.ErrorMessage(err)
	if lang(r.Context()) == "en" {
		f.Error = giamngheo.ErrorMessageEN(err)
	}
	var e *giamngheo.Error
	if ok := asError(err, &e); ok {
		f.ErrorField = e.Field
	}
	f.pad(0)
	s.renderHouseholdForm(w, r, f, statusOf(err))
}

func (s *Server) handleHouseholdCreate(w http.ResponseWriter, r *http.Request) {
	f := parseHouseholdForm(r)
	if r.PostFormValue("more") != "" {
		f.pad(3)
		s.renderHouseholdForm(w, r, f, 0)
		return
	}
	h, err := f.household()
	if err == nil {
		err = s.Registry.CreateHousehold(r.Context(), h)
	}
	if err != nil {
		s.formError(w, r, f, err)
		return
	}
	flash(w, "Đã lưu hộ "+h.Code+".", "Household "+h.Code+" saved.")
	http.Redirect(w, r, "/households/"+strconv.FormatInt(h.ID, 10), http.StatusSeeOther)
}

func (s *Server) handleHouseholdEdit(w http.ResponseWriter, r *http.Request) {
	id, err := householdID(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	h, err := s.Registry.FindHouseholdByID(r.Context(), id)
	if err == nil {
		err = giamngheo.RequireRegistryWrite(r.Context())
	}
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.renderHouseholdForm(w, r, formFromHousehold(h), 0)
}

func (s *Server) handleHouseholdUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := householdID(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	f := parseHouseholdForm(r)
	f.ID = id
	if r.PostFormValue("more") != "" {
		f.pad(3)
		s.renderHouseholdForm(w, r, f, 0)
		return
	}
	h, err := f.household()
	if err != nil {
		s.formError(w, r, f, err)
		return
	}
	upd := registry.HouseholdUpdate{BaseVersion: f.Version, VillageName: &h.VillageName, Address: &h.Address, HeadName: &h.HeadName, Phone: &h.Phone, Survey: &h.Survey,
		Livelihood: &h.Livelihood, Traits: &h.Traits, Members: &h.Members}
	if _, err := s.Registry.UpdateHousehold(r.Context(), id, upd); err != nil {
		s.formError(w, r, f, err)
		return
	}
	flash(w, "Đã cập nhật hộ "+h.Code+".", "Household "+h.Code+" updated.")
	http.Redirect(w, r, "/households/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
}

func (s *Server) apiHouseholds(w http.ResponseWriter, r *http.Request) {
	f, err := householdFilter(r.URL.Query())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if l := r.URL.Query().Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 500 {
			s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Tham số limit phải từ 1 đến 500.", "limit must be from 1 to 500."))
			return
		}
		f.Page.Limit = n
	}
	hs, total, more, err := s.findHouseholdPage(r.Context(), f)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if hs == nil {
		hs = []*registry.Household{}
	}
	// total is exact unless total_exact is false (then more than total match); next is
	// the after= cursor of the following page ("" on the last page).
	next := ""
	if more && len(hs) > 0 {
		next = f.CursorAfter(hs[len(hs)-1]).String()
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": total.N, "total_exact": !total.More, "next": next, "households": hs})
}

func (s *Server) apiHousehold(w http.ResponseWriter, r *http.Request) {
	id, err := householdID(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	h, err := s.Registry.FindHouseholdByID(r.Context(), id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	// As on the household page: the national IDs other households hold, worked out now.
	elsewhere, err := s.Registry.NationalIDsElsewhere(r.Context(), h)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	h.Warnings = append(h.Warnings, elsewhere...)
	writeJSON(w, http.StatusOK, h)
}

// unitAt names a commune as it was at t, with its province: codes are reused after
// reorganisations, so the name depends on the date.
func (s *Server) unitAt(r *http.Request, code string, t time.Time) string {
	day := t.In(time.FixedZone("ICT", 7*3600)).Format(admin.DateLayout)
	u, err := s.Units.FindUnitByCode(r.Context(), code, day)
	if err != nil {
		return code
	}
	name := u.Name
	if p, err := s.Units.FindUnitByCode(r.Context(), admin.StoreProvinceOf(r.Context(), s.Units, u, day), day); err == nil {
		name += ", " + p.Name
	}
	return name
}
