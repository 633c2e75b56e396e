package main

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"giamngheo"
	"giamngheo/admin"
)

// TestAccountPages: the account form has no default role, offers the district role
// only for dates before 1 July 2025, picks the scope by name without JavaScript; an
// account's page disables, re-enables, resets the password and revokes API tokens
// (issue 10 items 7 and 8).
func TestAccountPages(t *testing.T) {
	r := MustRunServer(t)
	r.MustAddUser(t, "tinh.hp", giamngheo.RoleProvinceAdmin, "31")
	r.MustAddUser(t, "xa.thanhha", giamngheo.RoleCommuneOfficer, "10813")
	c := loginClient(t, r.URL, "tinh.hp", testPassword)
	get := func(path string) (int, string) {
		t.Helper()
		resp, err := c.Get(r.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	post := func(path string, f url.Values) (int, string) {
		t.Helper()
		f.Set("csrf", pageCSRF(t, c, r.URL+"/"))
		resp, err := c.PostForm(r.URL+path, f)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}

	// No default role; no district role today (after 1 July 2025), one before.
	_, page := get("/admin/users?date=2026-01-15")
	if !regexp.MustCompile(`<select name="role" id="role" required><option value="">`).MatchString(page) || strings.Contains(page, `value="district_officer"`) {
		t.Fatalf("role select on 2026-01-15:\n%s", page)
	}
	if _, page = get("/admin/users?date=2025-06-01"); !strings.Contains(page, `value="district_officer"`) {
		t.Fatal("no district role offered on 2025-06-01")
	}
	// The scope by name: the units valid on the date, within the admin's scope.
	_, page = get("/admin/users?scope_q=" + url.QueryEscape("Thanh Hà") + "&date=2026-01-15")
	if !strings.Contains(page, `<input type="radio" name="scope" value="10813" required>`) {
		t.Fatalf("scope search:\n%s", page)
	}
	if _, page = get("/admin/users?scope_q=" + url.QueryEscape("Ba Đình")); !strings.Contains(page, `id="scope-none"`) {
		t.Fatal("a unit outside the scope was offered")
	}
	form := func(role, scope, date string) url.Values {
		return url.Values{"username": {"can.bo.moi"}, "password": {testPassword}, "role": {role}, "scope": {scope}, "date": {date}}
	}
	if st, page := post("/admin/users", form("", "10813", "2026-01-15")); st != http.StatusBadRequest || !strings.Contains(page, "Hãy chọn vai trò") {
		t.Fatalf("no role: %d", st)
	}
	districts, err := r.App.store.FindUnits(context.Background(), admin.UnitFilter{AsOf: "2025-06-01", Level: admin.LevelDistrict, ParentCode: "31"})
	if err != nil || len(districts) == 0 {
		t.Fatalf("no district of 31 on 2025-06-01: %v", err)
	}
	if st, page := post("/admin/users", form("district_officer", districts[0].Code, "2026-01-15")); st != http.StatusBadRequest || !strings.Contains(page, "01/07/2025") {
		t.Fatalf("district role after the reform: %d", st)
	}
	if st, _ := post("/admin/users", form("district_officer", "10813", "2025-06-01")); st != http.StatusBadRequest {
		t.Fatalf("district role on a commune: %d", st)
	}
	if st, page := post("/admin/users", form("district_officer", districts[0].Code, "2025-06-01")); st != http.StatusOK || !strings.Contains(page, `id="user-detail"`) {
		t.Fatalf("district officer on 2025-06-01: %d\n%s", st, page)
	}

	// The account's page: tokens listed and revoked, disable and re-enable, reset.
	token, tk, err := r.App.users.IssueAPIToken(systemCtx(context.Background()), "xa.thanhha", "dhis2")
	if err != nil {
		t.Fatal(err)
	}
	_, page = get("/admin/users/xa.thanhha")
	if !strings.Contains(page, `id="revoke-`) || !strings.Contains(page, "dhis2") || !strings.Contains(page, "Còn hiệu lực") {
		t.Fatalf("account page:\n%s", page)
	}
	if st, _ := post("/admin/tokens/"+itoa(tk.ID)+"/revoke", url.Values{}); st != http.StatusOK {
		t.Fatalf("revoke: %d", st)
	}
	if _, err := r.App.users.AuthenticateAPIToken(context.Background(), token); giamngheo.ErrorCode(err) != giamngheo.EUNAUTHORIZED {
		t.Fatalf("revoked on the page, still works: %v", err)
	}
	if _, page = post("/admin/users/xa.thanhha/disable", url.Values{}); !strings.Contains(page, `id="user-status">Đã khóa`) {
		t.Fatal("not disabled")
	}
	if _, page = post("/admin/users/xa.thanhha/enable", url.Values{}); !strings.Contains(page, `id="user-status">Hoạt động`) {
		t.Fatal("not re-enabled")
	}
	_, page = post("/admin/users/xa.thanhha/password", url.Values{})
	m := regexp.MustCompile(`id="new-password">[^<]*<code>([^<]+)</code>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no new password shown:\n%s", page)
	}
	if _, _, err := r.App.users.Login(context.Background(), "xa.thanhha", testPassword, "10.1.1.1"); err == nil {
		t.Fatal("the old password still works")
	}
	if _, _, err := r.App.users.Login(context.Background(), "xa.thanhha", m[1], "10.1.1.1"); err != nil {
		t.Fatalf("the new password: %v", err)
	}
	if st, _ := post("/admin/users/tinh.hp/disable", url.Values{}); st != http.StatusBadRequest {
		t.Fatalf("disabling oneself: %d", st)
	}
}
