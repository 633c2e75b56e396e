package http

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/audit"
	"giamngheo/registry"
)

// auditPerPage is how many entries the audit page shows at once.
const auditPerPage = 50

// auditView is one audit entry as a person reads it.
type auditView struct {
	*audit.Entry
	ActionLabel, EntityLabel string
	// Rows are the fields side by side: the changed ones for an update, the values
	// for a creation or an event.
	Rows []diffRow
	// More counts the rows left out.
	More int
}

type diffRow struct{ Field, Before, After string }

type auditPage struct {
	Entries []*auditView
	Total   int
	// The filters, as typed.
	User, Household, From, To, Action, Job string
	Actions                                [][2]string
	Page, Pages                            int
	Prev, Next                             string
	Error                                  string
}

// auditActions are the actions an officer filters on, with their labels.
var auditActions = [][3]string{
	{"create", "Tạo mới", "Created"},
	{"update", "Sửa", "Updated"},
	{"import", "Nhập tệp", "Imported a file"},
	{"export", "Xuất danh sách", "Exported a list"},
	{"login", "Đăng nhập", "Logged in"},
	{"login_failed", "Đăng nhập sai", "Failed login"},
	{"logout", "Đăng xuất", "Logged out"},
	{"password", "Đổi mật khẩu", "Password changed"},
	{"revoke", "Thu hồi", "Revoked"},
}

var auditEntities = map[string][2]string{
	"household":      {"Hộ", "Household"},
	"household_file": {"Tệp danh sách hộ", "Household file"},
	"household_list": {"Danh sách hộ", "Household list"},
	"user":           {"Tài khoản", "Account"},
	"api_token":      {"Mã truy cập API", "API token"},
	"session":        {"Phiên đăng nhập", "Session"},
	"unit":           {"Đơn vị hành chính", "Administrative unit"},
	"national_id":    {"Số CCCD", "National ID"},
}

// auditFields names the fields of the records, Vietnamese then English.
var auditFields = map[string][2]string{
	"head_name": {"Chủ hộ", "Head of household"}, "address": {"Địa chỉ", "Address"}, "phone": {"Điện thoại", "Phone"},
	"village_name": {"Thôn, tổ dân phố", "Village"}, "commune_code": {"Mã xã", "Commune code"}, "province_code": {"Mã tỉnh", "Province code"},
	"code": {"Mã hộ", "Household code"}, "members": {"Thành viên", "Members"}, "survey": {"Phiếu khảo sát", "Survey"},
	"livelihood": {"Đất đai, vật nuôi", "Land and livestock"}, "traits": {"Đặc điểm của hộ", "Household characteristics"}, "result": {"Kết quả phân loại", "Classification"},
	"class": {"Phân loại", "Class"}, "version": {"Phiên bản", "Version"}, "name": {"Họ tên", "Name"},
	"birth_date": {"Ngày sinh", "Birth date"}, "national_id": {"Số CCCD", "National ID"}, "sex": {"Giới tính", "Sex"},
	"relation": {"Quan hệ với chủ hộ", "Relation"}, "ethnicity": {"Dân tộc", "Ethnicity"}, "role": {"Vai trò", "Role"},
	"scope_code": {"Phạm vi", "Scope"}, "disabled": {"Khóa", "Disabled"}, "username": {"Tên đăng nhập", "Username"},
	"households": {"Số hộ", "Households"}, "format": {"Định dạng", "Format"}, "file": {"Tệp", "File"},
	"created": {"Thêm mới", "Created"}, "updated": {"Cập nhật", "Updated"}, "unchanged": {"Không đổi", "Unchanged"},
	"skipped": {"Bỏ qua", "Skipped"}, "conflicting": {"Xung đột", "Conflicting"}, "replaced": {"Thay thế", "Replaced"},
	"client": {"Địa chỉ máy", "Client address"}, "reason": {"Lý do", "Reason"}, "communes": {"Các xã", "Communes"},
	"complete": {"Trọn vẹn", "Complete"}, "expires_at": {"Hết hạn", "Expires"}, "user": {"Tài khoản", "Account"},
	"tokens_revoked": {"Mã truy cập bị thu hồi", "API tokens revoked"}, "scope": {"Phạm vi", "Scope"},
	"job": {"Lượt nhập", "Import job"}, "on_conflict": {"Xử lý xung đột", "On conflict"}, "agency": {"Cơ quan", "Agency"},
}

func (s *Server) handleAudit(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	en := lang(r.Context()) == "en"
	p := &auditPage{User: strings.TrimSpace(q.Get("user")), Household: strings.TrimSpace(q.Get("household")), From: q.Get("from"),
		To: q.Get("to"), Action: q.Get("action"), Job: strings.TrimSpace(q.Get("job"))}
	for _, a := range auditActions {
		l := a[1]
		if en {
			l = a[2]
		}
		p.Actions = append(p.Actions, [2]string{a[0], l})
	}
	f, err := s.auditFilter(r, p)
	if err != nil {
		if giamngheo.ErrorCode(err) == giamngheo.EINTERNAL {
			s.Error(w, r, err)
			return
		}
		p.Error = giamngheo.ErrorMessage(err)
		if en {
			p.Error = giamngheo.ErrorMessageEN(err)
		}
		w.WriteHeader(statusOf(err))
		s.render(w, r, "audit", p)
		return
	}
	p.Page, _ = strconv.Atoi(q.Get("page"))
	p.Page = max(p.Page, 1)
	f.Page = giamngheo.Page{Limit: auditPerPage, Offset: (p.Page - 1) * auditPerPage}
	entries, total, err := s.Audit.FindAudit(r.Context(), f)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p.Total, p.Pages = total, (total+auditPerPage-1)/auditPerPage
	for _, e := range entries {
		p.Entries = append(p.Entries, describeAudit(e, en))
	}
	link := func(page int) string {
		v := url.Values{}
		for k, x := range map[string]string{"user": p.User, "household": p.Household, "from": p.From, "to": p.To, "action": p.Action, "job": p.Job} {
			if x != "" {
				v.Set(k, x)
			}
		}
		v.Set("page", strconv.Itoa(page))
		return "/admin/audit?" + v.Encode()
	}
	if p.Page > 1 {
		p.Prev = link(p.Page - 1)
	}
	if p.Page < p.Pages {
		p.Next = link(p.Page + 1)
	}
	s.render(w, r, "audit", p)
}

// auditFilter turns the page's filters into a store filter, limited to the entries of
// the units in the administrator's scope (national entries, such as failed logins of
// unknown names, are for national administrators only).
func (s *Server) auditFilter(r *http.Request, p *auditPage) (audit.Filter, error) {
	f := audit.Filter{Username: p.User, Job: p.Job}
	if p.Household != "" {
		f.Entity, f.EntityID = "household", p.Household
	}
	if p.Action != "" {
		f.Action = p.Action
	}
	var err error
	if f.From, err = auditDay(p.From, "from"); err != nil {
		return f, err
	}
	if f.To, err = auditDay(p.To, "to"); err != nil {
		return f, err
	}
	if !f.To.IsZero() {
		f.To = f.To.AddDate(0, 0, 1) // the whole last day
	}
	u := currentUser(r.Context())
	if u.ScopeCode == "" {
		return f, nil
	}
	codes, err := unitsUnder(r, s.Units, u.ScopeCode)
	if err != nil {
		return f, err
	}
	f.ScopeCodes = codes
	return f, nil
}

// unitsUnder returns scope and every unit under it (any version, any level) with the
// merged communes of its scope (admin.StoreInScope's rule).
func unitsUnder(r *http.Request, units admin.Store, scope string) ([]string, error) {
	ctx := r.Context()
	out := []string{scope}
	seen := map[string]bool{scope: true}
	frontier := []string{scope}
	for depth := 0; depth < 4 && len(frontier) > 0; depth++ {
		var next []string
		for _, code := range frontier {
			kids, err := units.FindUnits(ctx, admin.UnitFilter{ParentCode: code})
			if err != nil {
				return nil, err
			}
			for _, k := range kids {
				if !seen[k.Code] {
					seen[k.Code] = true
					out = append(out, k.Code)
					next = append(next, k.Code)
				}
			}
		}
		frontier = next
	}
	communes, err := registry.CommunesUnder(ctx, units, scope)
	if err != nil {
		return nil, err
	}
	for _, c := range communes {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out, nil
}

var isoDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// auditDay reads a day of the filter (yyyy-mm-dd as a date input sends it, or
// dd/mm/yyyy as typed) as the start of that day in Vietnam.
func auditDay(s, field string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	layout := "02/01/2006"
	if isoDay.MatchString(s) {
		layout = "2006-01-02"
	}
	t, err := time.ParseInLocation(layout, s, giamngheo.Vietnam)
	if err != nil {
		return t, &giamngheo.Error{Code: giamngheo.EINVALID, Field: field,
			Message:   fmt.Sprintf("Ngày %q không hợp lệ (dd/mm/yyyy).", s),
			MessageEN: fmt.Sprintf("Invalid date %q (dd/mm/yyyy).", s)}
	}
	return t, nil
}

// maxDiffRows bounds the rows an entry shows (a household's creation holds its whole
// survey).
const maxDiffRows = 40

// describeAudit labels an entry and lays its before and after side by side.
func describeAudit(e *audit.Entry, en bool) *auditView {
	v := &auditView{Entry: e, ActionLabel: e.Action, EntityLabel: e.Entity}
	for _, a := range auditActions {
		if a[0] == e.Action {
			v.ActionLabel = a[1]
			if en {
				v.ActionLabel = a[2]
			}
		}
	}
	if l, ok := auditEntities[e.Entity]; ok {
		v.EntityLabel = l[0]
		if en {
			v.EntityLabel = l[1]
		}
	}
	before, after := flatten(e.Before), flatten(e.After)
	keys := map[string]bool{}
	for k := range before {
		keys[k] = true
	}
	for k := range after {
		keys[k] = true
	}
	var sorted []string
	for k := range keys {
		if before[k] == after[k] || skipField(k) {
			continue
		}
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		if len(v.Rows) == maxDiffRows {
			v.More++
			continue
		}
		v.Rows = append(v.Rows, diffRow{Field: fieldLabel(k, en), Before: before[k], After: after[k]})
	}
	return v
}

// skipField leaves out what says nothing to a reader: timestamps, ids, the stored
// explanation of a classification.
func skipField(k string) bool {
	last := k[strings.LastIndexAny(k, ".]")+1:]
	switch last {
	case "id", "created_at", "updated_at", "village_id", "household_id":
		return true
	}
	return strings.HasPrefix(k, "result.explanation") || strings.Contains(k, "warnings")
}

var indexRe = regexp.MustCompile(`\[(\d+)\]`)

// fieldLabel words a field path: members[1].name → "Thành viên 2 · Họ tên".
func fieldLabel(path string, en bool) string {
	var parts []string
	for _, seg := range strings.Split(path, ".") {
		n := ""
		if m := indexRe.FindStringSubmatch(seg); m != nil {
			i, _ := strconv.Atoi(m[1])
			n = " " + strconv.Itoa(i+1)
			seg = seg[:strings.Index(seg, "[")]
		}
		label := seg
		if l, ok := auditFields[seg]; ok {
			label = l[0]
			if en {
				label = l[1]
			}
		}
		parts = append(parts, label+n)
	}
	return strings.Join(parts, " · ")
}

// flatten turns a JSON document into path → value text ("members[0].name" → "An").
func flatten(b json.RawMessage) map[string]string {
	out := map[string]string{}
	if len(b) == 0 {
		return out
	}
	var v any
	if json.Unmarshal(b, &v) != nil {
		out["?"] = string(b)
		return out
	}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, c := range x {
				p := k
				if prefix != "" {
					p = prefix + "." + k
				}
				walk(p, c)
			}
		case []any:
			for i, c := range x {
				walk(fmt.Sprintf("%s[%d]", prefix, i), c)
			}
		case nil:
		case string:
			if x != "" {
				out[prefix] = x
			}
		case bool:
			if x {
				out[prefix] = "✓"
			} else {
				out[prefix] = "✗"
			}
		default:
			out[prefix] = fmt.Sprint(x)
		}
	}
	walk("", v)
	return out
}

// scopedAudit lists audit entries for the API (?entity=, ?id=, and the page's filters
// user, household, from, to, action, job), newest first, within the caller's scope.
func (s *Server) scopedAudit(r *http.Request) ([]*audit.Entry, int, error) {
	q := r.URL.Query()
	p := &auditPage{User: q.Get("user"), Household: q.Get("household"), From: q.Get("from"), To: q.Get("to"), Action: q.Get("action"), Job: q.Get("job")}
	f, err := s.auditFilter(r, p)
	if err != nil {
		return nil, 0, err
	}
	if e := q.Get("entity"); e != "" {
		f.Entity = e
	}
	if id := q.Get("id"); id != "" {
		f.EntityID = id
	}
	f.Page = giamngheo.Page{Limit: 200}
	return s.Audit.FindAudit(r.Context(), f)
}
