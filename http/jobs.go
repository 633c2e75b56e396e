package http

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/jobs"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/support"
)

// routesJobs mounts the officers' job exchange under /jobs (job-centre officers of the
// labour agency, province and commune officers; the jobs service checks role and
// scope on every object) and its report.
func (s *Server) routesJobs(mux router) {
	mux.HandleFunc("GET /jobs", s.requireUser(s.handleJobs))
	mux.HandleFunc("GET /jobs/seekers/new", s.requireUser(s.handleSeekerNew))
	mux.HandleFunc("POST /jobs/seekers", s.requireUser(s.handleSeekerCreate))
	mux.HandleFunc("GET /jobs/seekers/{id}", s.requireUser(s.handleSeeker))
	mux.HandleFunc("POST /jobs/seekers/{id}/verify", s.requireUser(s.handleSeekerVerify))
	mux.HandleFunc("POST /jobs/seekers/{id}/consent", s.requireUser(s.handleSeekerConsent))
	mux.HandleFunc("POST /jobs/seekers/{id}/close", s.requireUser(s.handleSeekerClose))
	mux.HandleFunc("POST /jobs/seekers/{id}/support", s.requireUser(s.handleSeekerSupport))
	mux.HandleFunc("GET /jobs/vacancies/new", s.requireUser(s.handleVacancyNew))
	mux.HandleFunc("POST /jobs/vacancies", s.requireUser(s.handleVacancyCreate))
	mux.HandleFunc("GET /jobs/vacancies/{id}", s.requireUser(s.handleVacancy))
	mux.HandleFunc("POST /jobs/vacancies/{id}/verify", s.requireUser(s.handleVacancyVerify))
	mux.HandleFunc("POST /jobs/vacancies/{id}/close", s.requireUser(s.handleVacancyClose))
	mux.HandleFunc("POST /jobs/referrals", s.requireUser(s.handleReferralCreate))
	mux.HandleFunc("POST /jobs/referrals/{id}", s.requireUser(s.handleReferralOutcome))
	mux.HandleFunc("GET /jobs/report", s.requireUser(s.handleJobsReport))
}

// jobsView carries what every job page's template needs to name things.
type jobsView struct {
	ctx      context.Context
	srv      *Server
	CanWrite bool
}

// Text picks the language of a bilingual text.
func (v jobsView) Text(t poverty.Text) string { return pick(v.ctx, t) }

// Commune names a commune.
func (v jobsView) Commune(code string) string { return v.srv.communeName(v.ctx, code) }

// Priority names a priority group.
func (v jobsView) Priority(p jobs.Priority) string { return pick(v.ctx, p.Name()) }

// Outcome names a referral status.
func (v jobsView) Outcome(st jobs.ReferralStatus) string { return pick(v.ctx, st.Name()) }

// Range names a commuting range.
func (v jobsView) Range(r jobs.Range) string {
	for _, x := range jobs.Ranges {
		if x.Range == r {
			return pick(v.ctx, x.Name)
		}
	}
	return string(r)
}

// SeekerStatus names a seeker's status.
func (v jobsView) SeekerStatus(st jobs.SeekerStatus) string {
	m := map[jobs.SeekerStatus][2]string{jobs.SeekerPending: {"Chờ xác minh", "Waiting for verification"}, jobs.SeekerActive: {"Đang tìm việc", "Looking for work"},
		jobs.SeekerPlaced: {"Đã có việc làm", "Placed"}, jobs.SeekerClosed: {"Ngừng tìm việc", "No longer looking"}}[st]
	return pickVIEN(v.ctx, m[0], m[1])
}

// VacancyStatus names a vacancy's status.
func (v jobsView) VacancyStatus(st jobs.VacancyStatus) string {
	m := map[jobs.VacancyStatus][2]string{jobs.VacancyPending: {"Chờ xác minh", "Waiting for verification"}, jobs.VacancyOpen: {"Đang tuyển", "Open"},
		jobs.VacancyClosed: {"Đã đóng", "Closed"}, jobs.VacancyFilled: {"Đã tuyển đủ", "Filled"}}[st]
	return pickVIEN(v.ctx, m[0], m[1])
}

// Wage shows a vacancy's wage range.
func (v jobsView) Wage(x *jobs.Vacancy) string {
	en := lang(v.ctx) == "en"
	switch {
	case x.WageMin > 0 && x.WageMax > 0:
		return formatMoney(x.WageMin, en) + " – " + formatMoney(x.WageMax, en)
	case x.Wage() > 0:
		return formatMoney(x.Wage(), en)
	}
	return pickVIEN(v.ctx, "Thỏa thuận", "Negotiable")
}

func (s *Server) jobsView(r *http.Request) jobsView {
	u := currentUser(r.Context())
	return jobsView{ctx: r.Context(), srv: s, CanWrite: u != nil && u.Role.CanWrite() && jobs.IsOfficer(u.Actor())}
}

type jobsHub struct {
	jobsView
	Q, Status        string
	Seekers          []*jobs.Seeker
	SeekerTotal      int
	Vacancies        []*jobs.Vacancy
	VacancyTotal     int
	PendingSeekers   []*jobs.Seeker
	PendingVacancies []*jobs.Vacancy
	Statuses         []opt
}

func (s *Server) handleJobs(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	p := &jobsHub{jobsView: s.jobsView(r), Q: q.Get("q"), Status: q.Get("status")}
	for _, st := range []jobs.SeekerStatus{jobs.SeekerPending, jobs.SeekerActive, jobs.SeekerPlaced, jobs.SeekerClosed} {
		p.Statuses = append(p.Statuses, opt{string(st), p.SeekerStatus(st)})
	}
	var err error
	if p.Seekers, p.SeekerTotal, err = s.Jobs.FindSeekers(ctx, jobs.SeekerFilter{Query: p.Q, Status: jobs.SeekerStatus(p.Status), Page: giamngheo.Page{Limit: 100}}); err != nil {
		s.Error(w, r, err)
		return
	}
	if p.Vacancies, p.VacancyTotal, err = s.Jobs.FindVacancies(ctx, jobs.VacancyFilter{Query: p.Q, Page: giamngheo.Page{Limit: 100}}); err != nil {
		s.Error(w, r, err)
		return
	}
	if p.PendingSeekers, _, err = s.Jobs.FindSeekers(ctx, jobs.SeekerFilter{Status: jobs.SeekerPending, Page: giamngheo.Page{Limit: 100}}); err != nil {
		s.Error(w, r, err)
		return
	}
	if p.PendingVacancies, _, err = s.Jobs.FindVacancies(ctx, jobs.VacancyFilter{Status: jobs.VacancyPending, Page: giamngheo.Page{Limit: 100}}); err != nil {
		s.Error(w, r, err)
		return
	}
	s.render(w, r, "jobs", p)
}

// pathID reads the {id} of the route; a malformed one is not found.
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return 0, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không tìm thấy.", "Not found.")
	}
	return id, nil
}

// parseMoney reads an amount in đồng written with or without separators ("" = 0).
func parseMoney(v string) (int64, error) {
	v = strings.NewReplacer(".", "", ",", "", " ", "", "đ", "").Replace(strings.TrimSpace(v))
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return 0, giamngheo.Errorf(giamngheo.EINVALID, "Số tiền %q không hợp lệ.", "Amount %q is not valid.", v)
	}
	return n, nil
}

// communeOpts are the communes in force a form offers: the scope's for an officer
// (nil scope: every commune), all of them on the public site.
func (s *Server) communeOpts(ctx context.Context, scoped bool) []opt {
	var codes map[string]bool
	if a := giamngheo.ActorFromContext(ctx); scoped && a != nil && a.ScopeCode != "" {
		cs, err := registry.CommunesUnder(ctx, s.Units, a.ScopeCode)
		if err != nil {
			return nil
		}
		codes = map[string]bool{}
		for _, c := range cs {
			codes[c] = true
		}
	}
	us, err := s.Units.FindUnits(ctx, admin.UnitFilter{Level: admin.LevelCommune, AsOf: giamngheo.DayString(s.Today())})
	if err != nil {
		return nil
	}
	var out []opt
	for _, u := range us {
		if codes == nil || codes[u.Code] {
			out = append(out, opt{u.Code, u.Name + " (" + u.Code + ")"})
		}
	}
	return out
}

// seekerForm reads the seeker fields of a form.
func seekerForm(r *http.Request) (*jobs.Seeker, error) {
	f := r.PostFormValue
	wage, err := parseMoney(f("desired_wage"))
	if err != nil {
		return nil, err
	}
	return &jobs.Seeker{FullName: f("full_name"), BirthDate: f("birth_date"), Sex: f("sex"), Phone: f("phone"), Address: f("address"),
		CommuneCode: strings.TrimSpace(f("commune")), Skills: f("skills"), Education: f("education"), Vocational: f("vocational"), DesiredWork: f("desired_work"),
		DesiredWage: wage, Range: jobs.Range(f("range")), AvailableFrom: f("available_from"), LabourExport: f("labour_export") == "1",
		Consent: f("consent") == "1", LowIncome: f("low_income") == "1"}, nil
}

// vacancyForm reads the vacancy fields of a form.
func vacancyForm(r *http.Request) (*jobs.Vacancy, error) {
	f := r.PostFormValue
	lo, err := parseMoney(f("wage_min"))
	if err != nil {
		return nil, err
	}
	hi, err := parseMoney(f("wage_max"))
	if err != nil {
		return nil, err
	}
	places, err := strconv.Atoi(strings.TrimSpace(f("places")))
	if err != nil {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Số lượng cần tuyển %q không hợp lệ.", "Number of places %q is not valid.", f("places"))
	}
	return &jobs.Vacancy{EmployerName: f("employer_name"), EmployerTaxCode: f("employer_tax_code"), EmployerAddress: f("employer_address"),
		EmployerContact: f("employer_contact"), Position: f("position"), Requirements: f("requirements"), Skills: f("skills"), WageMin: lo, WageMax: hi,
		Places: places, ClosingDate: f("closing_date"), CommuneCode: strings.TrimSpace(f("commune")), Abroad: f("abroad")}, nil
}

type seekerNewPage struct {
	jobsView
	Household  *registry.Household
	Query      string
	Households []*registry.Household
	Communes   []opt
	Ranges     []opt
}

func (s *Server) rangeOpts(ctx context.Context) []opt {
	var out []opt
	for _, x := range jobs.Ranges {
		out = append(out, opt{string(x.Range), pick(ctx, x.Name)})
	}
	return out
}

func (s *Server) handleSeekerNew(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if a := giamngheo.ActorFromContext(ctx); !jobs.IsOfficer(a) {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EFORBIDDEN, "Sàn việc làm dành cho cán bộ trung tâm dịch vụ việc làm và cán bộ tỉnh, xã.", "The job exchange is for job-centre, province and commune officers."))
		return
	}
	p := &seekerNewPage{jobsView: s.jobsView(r), Query: r.URL.Query().Get("hq"), Communes: s.communeOpts(ctx, true), Ranges: s.rangeOpts(ctx)}
	if v := r.URL.Query().Get("household"); v != "" {
		id, _ := strconv.ParseInt(v, 10, 64)
		h, err := s.Registry.FindHouseholdByID(ctx, id)
		if err != nil {
			s.Error(w, r, err)
			return
		}
		p.Household = h
	} else if p.Query != "" {
		hs, _, err := s.Registry.FindHouseholds(ctx, registry.HouseholdFilter{Query: p.Query, Page: giamngheo.Page{Limit: 20}})
		if err != nil {
			s.Error(w, r, err)
			return
		}
		p.Households = hs
	}
	s.render(w, r, "jobs_seeker_new", p)
}

func (s *Server) handleSeekerCreate(w http.ResponseWriter, r *http.Request) {
	sk, err := seekerForm(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	sk.HouseholdID, _ = strconv.ParseInt(r.PostFormValue("household"), 10, 64)
	member, _ := strconv.ParseInt(r.PostFormValue("member"), 10, 64)
	if err := s.Jobs.RegisterSeeker(r.Context(), sk, member); err != nil {
		s.Error(w, r, err)
		return
	}
	flash(w, "Đã đăng ký người tìm việc.", "The job seeker was registered.")
	http.Redirect(w, r, "/jobs/seekers/"+strconv.FormatInt(sk.ID, 10), http.StatusSeeOther)
}

type seekerPage struct {
	jobsView
	Seeker      *jobs.Seeker
	Matches     []jobs.Match
	InRange     bool
	Referrals   []*jobs.Referral
	Support     []*support.Record
	ExportKinds []opt
	Today       string
	// Households are the registry's households found to link a pending seeker to.
	HQ         string
	Households []*registry.Household
}

func (s *Server) handleSeeker(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := pathID(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	q := r.URL.Query()
	p := &seekerPage{jobsView: s.jobsView(r), InRange: q.Get("all") != "1", Today: giamngheo.DayString(s.Today()), HQ: q.Get("hq")}
	if p.Seeker, p.Matches, err = s.Jobs.VacanciesFor(ctx, id, jobs.MatchFilter{InRangeOnly: p.InRange}); err != nil {
		s.Error(w, r, err)
		return
	}
	if len(p.Matches) > 50 {
		p.Matches = p.Matches[:50]
	}
	if p.Referrals, err = s.Jobs.FindReferrals(ctx, jobs.ReferralFilter{SeekerID: id}); err != nil {
		s.Error(w, r, err)
		return
	}
	if p.Seeker.LabourExport {
		if p.Support, err = s.Jobs.ExportSupport(ctx, p.Seeker); err != nil {
			s.Error(w, r, err)
			return
		}
		for _, k := range jobs.ExportSupportKinds {
			p.ExportKinds = append(p.ExportKinds, opt{k.Code, pick(ctx, k.Name)})
		}
	}
	if p.Seeker.Status == jobs.SeekerPending && p.HQ != "" {
		if p.Households, _, err = s.Registry.FindHouseholds(ctx, registry.HouseholdFilter{Query: p.HQ, Page: giamngheo.Page{Limit: 20}}); err != nil {
			s.Error(w, r, err)
			return
		}
	}
	s.render(w, r, "jobs_seeker", p)
}

func (s *Server) seekerURL(id int64) string { return "/jobs/seekers/" + strconv.FormatInt(id, 10) }

func (s *Server) handleSeekerVerify(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	var hid, mid int64
	if hm := r.PostFormValue("member"); hm != "" {
		h, m, _ := strings.Cut(hm, ":")
		hid, _ = strconv.ParseInt(h, 10, 64)
		mid, _ = strconv.ParseInt(m, 10, 64)
	}
	if _, err := s.Jobs.VerifySeeker(r.Context(), id, hid, mid); err != nil {
		s.Error(w, r, err)
		return
	}
	flash(w, "Đã xác minh hồ sơ người tìm việc.", "The job seeker's profile was verified.")
	http.Redirect(w, r, s.seekerURL(id), http.StatusSeeOther)
}

func (s *Server) handleSeekerConsent(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	consent := r.PostFormValue("consent") == "1"
	if _, err := s.Jobs.SetConsent(r.Context(), id, consent); err != nil {
		s.Error(w, r, err)
		return
	}
	if consent {
		flash(w, "Đã ghi nhận người tìm việc đồng ý chia sẻ hồ sơ.", "The seeker's consent was recorded.")
	} else {
		flash(w, "Đã ghi nhận người tìm việc rút lại đồng ý: hồ sơ không còn được giới thiệu.", "The seeker withdrew consent: the profile is no longer shared.")
	}
	http.Redirect(w, r, s.seekerURL(id), http.StatusSeeOther)
}

func (s *Server) handleSeekerClose(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if _, err := s.Jobs.CloseSeeker(r.Context(), id); err != nil {
		s.Error(w, r, err)
		return
	}
	flash(w, "Đã đóng hồ sơ người tìm việc.", "The job seeker's profile was closed.")
	http.Redirect(w, r, s.seekerURL(id), http.StatusSeeOther)
}

func (s *Server) handleSeekerSupport(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	amount, err := parseMoney(r.PostFormValue("amount"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if _, err := s.Jobs.RecordExportSupport(r.Context(), id, r.PostFormValue("kind"), r.PostFormValue("day"), amount, r.PostFormValue("note")); err != nil {
		s.Error(w, r, err)
		return
	}
	flash(w, "Đã ghi nhận hỗ trợ đi làm việc ở nước ngoài.", "The labour-export support was recorded.")
	http.Redirect(w, r, s.seekerURL(id)+"#export", http.StatusSeeOther)
}

type vacancyNewPage struct {
	jobsView
	Communes []opt
	Today    string
}

func (s *Server) handleVacancyNew(w http.ResponseWriter, r *http.Request) {
	if a := giamngheo.ActorFromContext(r.Context()); !jobs.IsOfficer(a) {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EFORBIDDEN, "Sàn việc làm dành cho cán bộ trung tâm dịch vụ việc làm và cán bộ tỉnh, xã.", "The job exchange is for job-centre, province and commune officers."))
		return
	}
	s.render(w, r, "jobs_vacancy_new", &vacancyNewPage{jobsView: s.jobsView(r), Communes: s.communeOpts(r.Context(), true), Today: giamngheo.DayString(s.Today())})
}

func (s *Server) handleVacancyCreate(w http.ResponseWriter, r *http.Request) {
	v, err := vacancyForm(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := s.Jobs.RegisterVacancy(r.Context(), v); err != nil {
		s.Error(w, r, err)
		return
	}
	flash(w, "Đã đăng tin tuyển dụng.", "The vacancy was registered.")
	http.Redirect(w, r, "/jobs/vacancies/"+strconv.FormatInt(v.ID, 10), http.StatusSeeOther)
}

type vacancyPage struct {
	jobsView
	Vacancy    *jobs.Vacancy
	Matches    []jobs.Match
	Filter     url.Values
	Referrals  []*jobs.Referral
	Referred   map[int64]bool
	Today      string
	IsOpen     bool
	IsPending  bool
	CanRefer   bool
	OutcomeFor func(*jobs.Referral) bool
}

func (s *Server) handleVacancy(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := pathID(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	q := r.URL.Query()
	f := jobs.MatchFilter{InRangeOnly: q.Get("all") != "1", PriorityOnly: q.Get("priority") == "1", SkillsOnly: q.Get("skills") == "1"}
	f.MinScore, _ = strconv.Atoi(q.Get("min"))
	p := &vacancyPage{jobsView: s.jobsView(r), Filter: q, Referred: map[int64]bool{}, Today: giamngheo.DayString(s.Today())}
	if p.Vacancy, p.Matches, err = s.Jobs.Candidates(ctx, id, f); err != nil {
		s.Error(w, r, err)
		return
	}
	if len(p.Matches) > 100 {
		p.Matches = p.Matches[:100]
	}
	if p.Referrals, err = s.Jobs.FindReferrals(ctx, jobs.ReferralFilter{VacancyID: id}); err != nil {
		s.Error(w, r, err)
		return
	}
	for _, x := range p.Referrals {
		p.Referred[x.SeekerID] = true
	}
	p.IsOpen, p.IsPending = p.Vacancy.Status == jobs.VacancyOpen, p.Vacancy.Status == jobs.VacancyPending
	p.CanRefer = p.CanWrite && p.IsOpen
	p.OutcomeFor = func(x *jobs.Referral) bool {
		return p.CanWrite && (x.Status == jobs.ReferralReferred || x.Status == jobs.ReferralInterview)
	}
	s.render(w, r, "jobs_vacancy", p)
}

func (s *Server) vacancyURL(id int64) string { return "/jobs/vacancies/" + strconv.FormatInt(id, 10) }

func (s *Server) handleVacancyVerify(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if _, err := s.Jobs.VerifyVacancy(r.Context(), id); err != nil {
		s.Error(w, r, err)
		return
	}
	flash(w, "Đã xác minh và đăng công khai tin tuyển dụng.", "The vacancy was verified and published.")
	http.Redirect(w, r, s.vacancyURL(id), http.StatusSeeOther)
}

func (s *Server) handleVacancyClose(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if _, err := s.Jobs.CloseVacancy(r.Context(), id); err != nil {
		s.Error(w, r, err)
		return
	}
	flash(w, "Đã đóng tin tuyển dụng.", "The vacancy was closed.")
	http.Redirect(w, r, s.vacancyURL(id), http.StatusSeeOther)
}

func (s *Server) handleReferralCreate(w http.ResponseWriter, r *http.Request) {
	seeker, _ := strconv.ParseInt(r.PostFormValue("seeker"), 10, 64)
	vacancy, _ := strconv.ParseInt(r.PostFormValue("vacancy"), 10, 64)
	if _, err := s.Jobs.Refer(r.Context(), seeker, vacancy); err != nil {
		s.Error(w, r, err)
		return
	}
	flash(w, "Đã giới thiệu người tìm việc đến nhà tuyển dụng.", "The seeker was referred to the employer.")
	back := s.vacancyURL(vacancy)
	if r.PostFormValue("back") == "seeker" {
		back = s.seekerURL(seeker)
	}
	http.Redirect(w, r, back+"#referrals", http.StatusSeeOther)
}

func (s *Server) handleReferralOutcome(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	ref, err := s.Jobs.RecordOutcome(r.Context(), id, jobs.Outcome{Status: jobs.ReferralStatus(r.PostFormValue("status")),
		InterviewOn: r.PostFormValue("interview_on"), WithContract: r.PostFormValue("with_contract") == "1", Note: r.PostFormValue("note")})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if ref.Status == jobs.ReferralHired {
		flash(w, "Đã ghi nhận việc làm: cập nhật thông tin việc làm của thành viên hộ và hỗ trợ giới thiệu việc làm.",
			"The placement was recorded: the member's employment answer and the job-placement support were updated.")
	} else {
		flash(w, "Đã ghi nhận kết quả giới thiệu.", "The referral's outcome was recorded.")
	}
	http.Redirect(w, r, s.vacancyURL(ref.VacancyID)+"#referrals", http.StatusSeeOther)
}

// jobsQueue is the job exchange's section of an officer's home page: the public
// registrations waiting for verification.
func (s *Server) jobsQueue(r *http.Request) (queueSection, error) {
	ctx := r.Context()
	sec := queueSection{ID: "queue-jobs", Title: pickVIEN(ctx, "Sàn việc làm: chờ xác minh", "Job exchange: waiting for verification")}
	_, ns, err := s.Jobs.FindSeekers(ctx, jobs.SeekerFilter{Status: jobs.SeekerPending, Page: giamngheo.Page{Limit: 1}})
	if err != nil {
		return sec, err
	}
	_, nv, err := s.Jobs.FindVacancies(ctx, jobs.VacancyFilter{Status: jobs.VacancyPending, Page: giamngheo.Page{Limit: 1}})
	if err != nil {
		return sec, err
	}
	en := lang(ctx) == "en"
	for _, x := range []struct {
		n      int
		vi, en string
	}{{ns, "Người tìm việc đăng ký qua trang công khai", "Job seekers registered on the public site"}, {nv, "Tin tuyển dụng của doanh nghiệp", "Vacancies sent by employers"}} {
		item := queueItem{Title: pickVIEN(ctx, x.vi, x.en), Detail: formatInt(x.n, en), Href: "/jobs#pending", Action: pickVIEN(ctx, "Xác minh", "Verify"),
			Badge: formatInt(x.n, en), BadgeClass: "warning"}
		if x.n == 0 {
			item.BadgeClass = "ok"
		}
		sec.Items = append(sec.Items, item)
	}
	return sec, nil
}
