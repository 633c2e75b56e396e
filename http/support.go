package http

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/support"
	"giamngheo/support/listfile"
	"giamngheo/user"
)

// routesSupport mounts the support pages: an agency's worklists and beneficiary lists,
// and the support form of the household page. Who may record what, and where, is
// decided by the support service on the stored household.
func (s *Server) routesSupport(mux router) {
	mux.HandleFunc("GET /support", s.requireUser(s.handleSupport))
	mux.HandleFunc("GET /support/gaps.xlsx", s.requireUser(s.handleGapsExport))
	mux.HandleFunc("POST /support/lists", s.requireUser(s.handleListPreview))
	mux.HandleFunc("POST /support/lists/commit", s.requireUser(s.handleListCommit))
	mux.HandleFunc("POST /households/{id}/support", s.requireUser(s.handleSupportCreate))
}

// gapCount is one worklist and its size, on the support page and the home queue.
type gapCount struct {
	Kind  string
	Name  string
	Count int
}

type supportPage struct {
	Kinds   []gapCount
	Kind    string
	List    *support.Worklist
	Reason  func(poverty.Text) string
	Types   []opt
	Sources []opt
	CanList bool
	Prev    string
	Next    string
	// Preview is a matched beneficiary list waiting to be committed.
	Preview *support.MatchReport
	Token   string
	// Measures are the live indicators of the user's scope.
	Measures []fact
}

// agencyOf is the agency whose worklists the user reads ("" = all).
func agencyOf(u *user.User) string {
	if u.Role == giamngheo.RoleAgencyOfficer {
		return u.Agency
	}
	return ""
}

func (s *Server) gapCounts(ctx context.Context) ([]gapCount, error) {
	counts, err := s.Support.GapCounts(ctx)
	if err != nil {
		return nil, err
	}
	var out []gapCount
	for _, c := range counts {
		out = append(out, gapCount{Kind: string(c.Spec.Kind), Name: pick(ctx, c.Spec.Name), Count: c.Count})
	}
	return out, nil
}

func (s *Server) supportBase(r *http.Request) (*supportPage, error) {
	ctx := r.Context()
	u := currentUser(ctx)
	p := &supportPage{Reason: func(t poverty.Text) string { return pick(ctx, t) }}
	if u.Role.CanWrite() && (u.Role.EditsRegistry() || u.Agency != "") {
		p.CanList = true
		for _, t := range support.TypesOf(agencyOf(u)) {
			p.Types = append(p.Types, opt{t.Code, pick(ctx, t.Name)})
		}
	}
	for _, x := range support.Sources {
		p.Sources = append(p.Sources, opt{string(x.Source), pick(ctx, x.Name)})
	}
	ms, err := s.Support.Measures(ctx)
	if err != nil {
		return nil, err
	}
	en := lang(ctx) == "en"
	for _, m := range []struct {
		k      support.Measure
		vi, en string
	}{
		{support.MeasurePoorRate, "Tỷ lệ hộ nghèo", "Poor-household rate"},
		{support.MeasureHealthInsurance, "Người thuộc hộ nghèo, cận nghèo có thẻ BHYT", "Poor and near-poor persons with a health-insurance card"},
		{support.MeasureTuition, "Học sinh được miễn, giảm học phí", "Pupils with tuition exemption"},
		{support.MeasureCleanWater, "Hộ được tiếp cận nước sạch", "Households with clean water"},
		{support.MeasureCredit, "Hộ được vay vốn chính sách trong năm", "Households with a policy loan this year"},
	} {
		v := ms[m.k]
		p.Measures = append(p.Measures, fact{Label: pickVIEN(ctx, m.vi, m.en),
			Value: formatPercent(v.Percent(), en) + " (" + formatInt(v.Part, en) + "/" + formatInt(v.Whole, en) + ")"})
	}
	return p, nil
}

func (s *Server) handleSupport(w http.ResponseWriter, r *http.Request) {
	p, err := s.supportBase(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	q := r.URL.Query()
	cur, err := support.ParseNeedCursor(q.Get("at"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := s.loadWorklist(r.Context(), p, q.Get("kind"), cur); err != nil {
		s.Error(w, r, err)
		return
	}
	s.render(w, r, "support", p)
}

// loadWorklist puts the sizes of the user's worklists and a page of the one of the kind
// ("" the user's first) at the cursor on p, from the maintained needs: a page reads a
// page, whatever the size of the province.
func (s *Server) loadWorklist(ctx context.Context, p *supportPage, kind string, cur *support.NeedCursor) error {
	counts, list, err := s.Support.WorklistsAt(ctx, support.GapKind(kind), cur, 50)
	if err != nil {
		return err
	}
	for _, c := range counts {
		p.Kinds = append(p.Kinds, gapCount{Kind: string(c.Spec.Kind), Name: pick(ctx, c.Spec.Name), Count: c.Count})
	}
	if list == nil {
		return nil
	}
	p.List, p.Kind = list, string(list.Spec.Kind)
	if list.Prev != nil {
		p.Prev = "/support?kind=" + p.Kind + "&at=" + list.Prev.String()
	}
	if list.Next != nil {
		p.Next = "/support?kind=" + p.Kind + "&at=" + list.Next.String()
	}
	return nil
}

// gapKindClosedBy is the worklist of the user's that support of type code closes
// ("" when none): where the user returns after recording a list.
func gapKindClosedBy(ctx context.Context, code string) string {
	for _, spec := range support.GapSpecsOf(agencyOf(currentUser(ctx))) {
		for _, c := range spec.Closing {
			if c == code {
				return string(spec.Kind)
			}
		}
	}
	return ""
}

// handleGapsExport writes a whole worklist of the user's scope as XLSX.
func (s *Server) handleGapsExport(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	kind := support.GapKind(r.URL.Query().Get("kind"))
	gaps, err := s.Support.AllGaps(ctx, kind)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="danh-sach-chua-ho-tro-`+string(kind)+`.xlsx"`)
	if err := listfile.WriteGaps(w, gaps, lang(ctx) == "en"); err != nil {
		s.Logger.Error("worklist export", "err", err)
	}
}

// pendingLists are matched beneficiary lists waiting for their user's review, by token.
var pendingLists = struct {
	sync.Mutex
	m map[string]pendingList
}{m: map[string]pendingList{}}

type pendingList struct {
	userID  int64
	report  *support.MatchReport
	expires time.Time
}

// maxListUpload bounds a beneficiary list upload.
const maxListUpload = 64 << 20

func (s *Server) handleListPreview(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	r.Body = http.MaxBytesReader(w, r.Body, maxListUpload)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Chưa chọn tệp danh sách.", "No list file was chosen."))
		return
	}
	t, ok := support.TypeByCode(r.FormValue("type"))
	if !ok {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Chọn loại hỗ trợ của danh sách.", "Choose the support type of the list."))
		return
	}
	if err := support.MayRecord(ctx, t); err != nil {
		s.Error(w, r, err)
		return
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Chưa chọn tệp danh sách.", "No list file was chosen."))
		return
	}
	defer f.Close()
	rows, err := listfile.Read(f, hdr.Filename)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if day := r.FormValue("day"); day != "" {
		for i := range rows {
			if rows[i].Day == "" {
				rows[i].Day = day
			}
		}
	}
	rep, err := s.Support.MatchList(ctx, t.Code, hdr.Filename, rows)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p, err := s.supportBase(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	// The worklist the list closes stays in view under the preview.
	if err := s.loadWorklist(ctx, p, gapKindClosedBy(ctx, t.Code), nil); err != nil {
		s.Error(w, r, err)
		return
	}
	p.Preview, p.Token = rep, user.RandomToken(24)
	pendingLists.Lock()
	now := time.Now()
	for k, v := range pendingLists.m {
		if now.After(v.expires) {
			delete(pendingLists.m, k)
		}
	}
	pendingLists.m[p.Token] = pendingList{userID: currentUser(ctx).ID, report: rep, expires: now.Add(time.Hour)}
	pendingLists.Unlock()
	s.render(w, r, "support", p)
}

func (s *Server) handleListCommit(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	token := r.PostFormValue("token")
	pendingLists.Lock()
	pl, ok := pendingLists.m[token]
	if ok && pl.userID == currentUser(ctx).ID {
		delete(pendingLists.m, token)
	}
	pendingLists.Unlock()
	if !ok || pl.userID != currentUser(ctx).ID || time.Now().After(pl.expires) {
		s.Error(w, r, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không còn danh sách chờ ghi nhận: tải lên lại.", "No list is waiting to be recorded: upload it again."))
		return
	}
	res, err := s.Support.CommitList(ctx, pl.report)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	flash(w, "Đã ghi nhận "+strconv.Itoa(res.Added)+" hỗ trợ; "+strconv.Itoa(res.Already)+" đã có từ trước; bỏ qua "+strconv.Itoa(res.Skipped)+" dòng.",
		"Recorded "+strconv.Itoa(res.Added)+" supports; "+strconv.Itoa(res.Already)+" were already recorded; "+strconv.Itoa(res.Skipped)+" rows skipped.")
	to := "/support"
	if k := gapKindClosedBy(ctx, pl.report.Type); k != "" {
		to += "?kind=" + k
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// householdSupport is the support section of the household page.
type householdSupport struct {
	Records []*support.Record
	Types   []opt
	Sources []opt
	Names   map[string]string
	CanAdd  bool
	Today   string
}

// householdSupportOf is the support a household received and the form to add one.
func (s *Server) householdSupportOf(r *http.Request, id int64) *householdSupport {
	ctx := r.Context()
	if s.Support == nil {
		return nil
	}
	recs, err := s.Support.HouseholdSupport(ctx, id)
	if err != nil {
		return nil
	}
	u := currentUser(ctx)
	hs := &householdSupport{Records: recs, Names: map[string]string{}, Today: giamngheo.DayString(s.Today()),
		CanAdd: u.Role.CanWrite() && (u.Role.EditsRegistry() || u.Agency != "")}
	for _, t := range support.Types {
		hs.Names[t.Code] = pick(ctx, t.Name)
	}
	for _, t := range support.TypesOf(agencyOf(u)) {
		hs.Types = append(hs.Types, opt{t.Code, pick(ctx, t.Name)})
	}
	for _, x := range support.Sources {
		hs.Sources = append(hs.Sources, opt{string(x.Source), pick(ctx, x.Name)})
		hs.Names["src:"+string(x.Source)] = pick(ctx, x.Name)
	}
	return hs
}

func (s *Server) handleSupportCreate(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.Error(w, r, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không tìm thấy hộ gia đình.", "Household not found."))
		return
	}
	// The household first: a household outside the scope answers 403 whatever the form.
	if _, err := s.Registry.FindHouseholdByID(ctx, id); err != nil {
		s.Error(w, r, err)
		return
	}
	member, _ := strconv.ParseInt(r.PostFormValue("member"), 10, 64)
	rec := &support.Record{HouseholdID: id, Type: r.PostFormValue("type"), Day: r.PostFormValue("day"), Source: support.Source(r.PostFormValue("source")),
		Note: strings.TrimSpace(r.PostFormValue("note"))}
	if v := strings.TrimSpace(r.PostFormValue("amount")); v != "" {
		if rec.Amount, err = strconv.ParseInt(strings.NewReplacer(".", "", ",", "", " ", "").Replace(v), 10, 64); err != nil {
			s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Số tiền %q không hợp lệ.", "Amount %q is not valid.", v))
			return
		}
	}
	if v := strings.TrimSpace(r.PostFormValue("quantity")); v != "" {
		if rec.Quantity, err = strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64); err != nil {
			s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Số lượng %q không hợp lệ.", "Quantity %q is not valid.", v))
			return
		}
	}
	added, err := s.Support.RecordSupport(ctx, rec, member)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if added {
		flash(w, "Đã ghi nhận hỗ trợ.", "The support was recorded.")
	} else {
		flash(w, "Hỗ trợ này đã được ghi nhận từ trước.", "This support was already recorded.")
	}
	http.Redirect(w, r, "/households/"+strconv.FormatInt(id, 10)+"#support", http.StatusSeeOther)
}

// supportQueue is the agency officer's section of the home page: its worklists and
// their sizes, each one tap from the list.
func (s *Server) supportQueue(r *http.Request) (queueSection, error) {
	ctx := r.Context()
	sec := queueSection{ID: "queue-support", Title: pickVIEN(ctx, "Hộ, người chưa được hỗ trợ năm nay", "Not yet supported this year")}
	counts, err := s.gapCounts(ctx)
	if err != nil {
		return sec, err
	}
	for _, c := range counts {
		item := queueItem{Title: c.Name, Detail: formatInt(c.Count, lang(ctx) == "en"), Href: "/support?kind=" + c.Kind,
			Action: pickVIEN(ctx, "Mở danh sách", "Open the list"), Badge: formatInt(c.Count, lang(ctx) == "en"), BadgeClass: "warning"}
		if c.Count == 0 {
			item.BadgeClass = "ok"
		}
		sec.Items = append(sec.Items, item)
	}
	return sec, nil
}
