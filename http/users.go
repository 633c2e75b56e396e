package http

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/user"
)

// usersPage is the account list with the form to add one, or (Selected) one account
// with its API tokens and the actions on it.
type usersPage struct {
	Users []*user.User
	Error string
	// The form: the date the scope is picked on (districts exist only before
	// admin.EffectiveTwoTier), the roles offered on it, the unit search and its results.
	Date, ScopeQuery string
	Roles            []giamngheo.Role
	Units            []*admin.Unit
	Searched         bool
	Form             user.NewUser
	// One account.
	Selected    *user.User
	Tokens      []*tokenView
	NewPassword string
}

type tokenView struct {
	*user.APIToken
	Live bool
}

// rolesOn returns the roles an account may be given for a scope on date: the district
// role only before districts were abolished on 1 July 2025 (Resolution 202/2025/QH15).
func rolesOn(date string) []giamngheo.Role {
	var out []giamngheo.Role
	for _, r := range giamngheo.Roles {
		if r == giamngheo.RoleDistrictOfficer && date >= admin.EffectiveTwoTier {
			continue
		}
		out = append(out, r)
	}
	return out
}

func (s *Server) usersPage(r *http.Request, date string) (*usersPage, error) {
	users, _, err := s.Users.FindUsers(r.Context(), giamngheo.Page{Limit: 1000})
	if err != nil {
		return nil, err
	}
	if date == "" {
		date = s.Today().Format(admin.DateLayout)
	}
	return &usersPage{Users: users, Date: date, Roles: rolesOn(date)}, nil
}

// handleUsers lists the accounts; ?scope_q= searches the units (valid on ?date=) by
// name for the new account's scope, without JavaScript.
func (s *Server) handleUsers(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	date := strings.TrimSpace(q.Get("date"))
	if date != "" {
		if _, err := parseDate(date); err != nil {
			s.Error(w, r, err)
			return
		}
	}
	p, err := s.usersPage(r, date)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p.ScopeQuery = strings.TrimSpace(q.Get("scope_q"))
	p.Form = user.NewUser{Username: q.Get("username"), Name: q.Get("name"), Role: giamngheo.Role(q.Get("role"))}
	if p.ScopeQuery != "" {
		p.Searched = true
		if p.Units, err = s.searchScope(r, p.ScopeQuery, p.Date); err != nil {
			s.Error(w, r, err)
			return
		}
	}
	s.render(w, r, "users", p)
}

// searchScope finds the units valid on date whose name contains q (or whose code is
// q) within the administrator's scope, at most 50.
func (s *Server) searchScope(r *http.Request, q, date string) ([]*admin.Unit, error) {
	found, err := s.Units.FindUnits(r.Context(), admin.UnitFilter{AsOf: date, Query: q})
	if err != nil {
		return nil, err
	}
	if u, err := s.Units.FindUnitByCode(r.Context(), q, date); err == nil {
		found = append([]*admin.Unit{u}, found...)
	}
	me := currentUser(r.Context())
	var out []*admin.Unit
	seen := map[string]bool{}
	for _, u := range found {
		if seen[u.Code] {
			continue
		}
		seen[u.Code] = true
		if ok, err := s.Users.InScope(r.Context(), me.ScopeCode, u.Code); err != nil {
			return nil, err
		} else if ok {
			out = append(out, u)
		}
		if len(out) == 50 {
			break
		}
	}
	return out, nil
}

func (s *Server) handleUserCreate(w http.ResponseWriter, r *http.Request) {
	date := strings.TrimSpace(r.PostFormValue("date"))
	if _, err := parseDate(date); err != nil {
		date = s.Today().Format(admin.DateLayout)
	}
	n := user.NewUser{Username: r.PostFormValue("username"), Name: r.PostFormValue("name"), Password: r.PostFormValue("password"),
		Role: giamngheo.Role(r.PostFormValue("role")), ScopeCode: strings.TrimSpace(r.PostFormValue("scope"))}
	err := s.checkRoleScope(r, n, date)
	if err == nil {
		_, err = s.Users.CreateUser(r.Context(), n)
	}
	if err != nil {
		if giamngheo.ErrorCode(err) == giamngheo.EINTERNAL {
			s.Error(w, r, err)
			return
		}
		p, perr := s.usersPage(r, date)
		if perr != nil {
			s.Error(w, r, perr)
			return
		}
		p.Error = s.message(r, err)
		p.Form = n
		p.Form.Password = ""
		w.WriteHeader(statusOf(err))
		s.render(w, r, "users", p)
		return
	}
	flash(w, "Đã thêm tài khoản "+n.Username+".", "User "+n.Username+" added.")
	http.Redirect(w, r, "/admin/users/"+url.PathEscape(strings.ToLower(strings.TrimSpace(n.Username))), http.StatusSeeOther)
}

// checkRoleScope refuses what the form does not offer: no role chosen, the district
// role on a date without districts or for a unit that is not a district.
func (s *Server) checkRoleScope(r *http.Request, n user.NewUser, date string) error {
	if n.Role == "" {
		return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "role", Message: "Hãy chọn vai trò.", MessageEN: "Choose a role."}
	}
	if n.ScopeCode == "" && currentUser(r.Context()).ScopeCode != "" {
		return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "scope", Message: "Hãy chọn đơn vị (phạm vi) của tài khoản.", MessageEN: "Choose the account's unit (scope)."}
	}
	if n.Role != giamngheo.RoleDistrictOfficer {
		return nil
	}
	if date >= admin.EffectiveTwoTier {
		return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "role",
			Message:   "Từ 01/07/2025 không còn cấp huyện: chỉ chọn vai trò cán bộ huyện cho ngày trước đó.",
			MessageEN: "Districts were abolished on 1 July 2025: the district role is for earlier dates only."}
	}
	u, err := s.Units.FindUnitByCode(r.Context(), n.ScopeCode, date)
	if err != nil || u.Level != admin.LevelDistrict {
		return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "scope",
			Message:   "Cán bộ huyện phải có phạm vi là một huyện.",
			MessageEN: "A district officer's scope must be a district."}
	}
	return nil
}

func (s *Server) message(r *http.Request, err error) string {
	if lang(r.Context()) == "en" {
		return giamngheo.ErrorMessageEN(err)
	}
	return giamngheo.ErrorMessage(err)
}

// handleUser shows one account: its status, its API tokens (revocable) and the
// actions disable, re-enable and reset the password.
func (s *Server) handleUser(w http.ResponseWriter, r *http.Request) {
	s.renderUser(w, r, "", "", http.StatusOK)
}

func (s *Server) renderUser(w http.ResponseWriter, r *http.Request, msg, password string, status int) {
	u, tokens, err := s.Users.APITokens(r.Context(), r.PathValue("username"))
	if err != nil {
		if giamngheo.ErrorCode(err) == giamngheo.EFORBIDDEN {
			err = giamngheo.Errorf(giamngheo.ENOTFOUND, "Không tìm thấy tài khoản.", "User not found.")
		}
		s.Error(w, r, err)
		return
	}
	p, err := s.usersPage(r, "")
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p.Selected, p.Error, p.NewPassword = u, msg, password
	now := s.Today()
	for _, t := range tokens {
		p.Tokens = append(p.Tokens, &tokenView{APIToken: t, Live: t.Live(now)})
	}
	w.WriteHeader(status)
	s.render(w, r, "users", p)
}

func (s *Server) handleUserDisable(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("username")
	disable := strings.HasSuffix(r.URL.Path, "/disable")
	if disable && name == currentUser(r.Context()).Username {
		s.renderUser(w, r, s.message(r, giamngheo.Errorf(giamngheo.EINVALID, "Bạn không thể tự khóa tài khoản của mình.", "You cannot disable your own account.")), "", http.StatusBadRequest)
		return
	}
	if err := s.Users.SetDisabled(r.Context(), name, disable); err != nil {
		s.userActionError(w, r, err)
		return
	}
	if disable {
		flash(w, "Đã khóa tài khoản và thu hồi các phiên, mã truy cập.", "Account disabled, its sessions and API tokens revoked.")
	} else {
		flash(w, "Đã mở khóa tài khoản.", "Account re-enabled.")
	}
	http.Redirect(w, r, "/admin/users/"+url.PathEscape(name), http.StatusSeeOther)
}

// handleUserPassword sets the password typed, or a random one shown once.
func (s *Server) handleUserPassword(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("username")
	pw := r.PostFormValue("password")
	shown := ""
	if pw == "" {
		pw = user.RandomPassword()
		shown = pw
	}
	if err := s.Users.SetPassword(r.Context(), name, pw); err != nil {
		s.userActionError(w, r, err)
		return
	}
	if shown == "" {
		flash(w, "Đã đổi mật khẩu; các phiên và mã truy cập cũ bị thu hồi.", "Password changed; old sessions and API tokens revoked.")
		http.Redirect(w, r, "/admin/users/"+url.PathEscape(name), http.StatusSeeOther)
		return
	}
	// Shown once, on this answer only (no-store, never in a URL or a cookie).
	s.renderUser(w, r, "", shown, http.StatusOK)
}

func (s *Server) handleTokenRevoke(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.Error(w, r, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không có mã truy cập này.", "No such API token."))
		return
	}
	t, err := s.Users.RevokeAPIToken(r.Context(), id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	owner, err := s.Users.Store.FindUserByID(r.Context(), t.UserID)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	flash(w, "Đã thu hồi mã truy cập số "+strconv.FormatInt(id, 10)+".", "API token revoked.")
	http.Redirect(w, r, "/admin/users/"+url.PathEscape(owner.Username), http.StatusSeeOther)
}

// userActionError shows the account page with the error, or the error page when the
// account cannot be shown.
func (s *Server) userActionError(w http.ResponseWriter, r *http.Request, err error) {
	switch giamngheo.ErrorCode(err) {
	case giamngheo.EINVALID:
		s.renderUser(w, r, s.message(r, err), "", http.StatusBadRequest)
	case giamngheo.EFORBIDDEN:
		s.Error(w, r, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không tìm thấy tài khoản.", "User not found."))
	default:
		s.Error(w, r, err)
	}
}
