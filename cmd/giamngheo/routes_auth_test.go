package main

import (
	"cmp"
	"context"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/jobs"
	"giamngheo/registry"
	"giamngheo/review"
)

// TestEveryRouteRefusesAForeignUnit is generated from the server's route table: every
// route is called by every role (and by nobody logged in) on the objects of a unit
// outside the caller's scope: a Hà Nội household, review round and case, for users
// of Hải Phòng. No answer may show the foreign household, no route may answer 500,
// an object route must answer 403 or 404, and afterwards nothing of the foreign unit
// has changed. A route added tomorrow is called the day it is added; a route with a
// wildcard this test does not know fails it until the test is taught what to put
// there (issue 10, item 10).
func TestEveryRouteRefusesAForeignUnit(t *testing.T) {
	r := MustRunServerWith(t, func(c *Config) { c.Provinces = "01,30,31" }, io.Discard)
	sys := systemCtx(context.Background())
	const foreignCommune = "00004" // Hà Nội
	foreign := poorHouseholdOf(foreignCommune, "HN-LA-1", "Người Hà Nội Lạ")
	foreign.Members[0].NationalID = "001168004321"
	if err := r.App.reg.CreateHousehold(sys, foreign); err != nil {
		t.Fatal(err)
	}
	round, err := r.App.rev.OpenRound(sys, foreignCommune, review.RoundRegular, 2026, time.March, review.WithBackdateReason("Nhập lại hồ sơ giấy"))
	if err != nil {
		t.Fatal(err)
	}
	cs, err := r.App.rev.FileRequest(sys, round.ID, foreign.ID, review.OriginRequest01, review.Date(2026, time.March, 2))
	if err != nil {
		t.Fatal(err)
	}
	// A job seeker of the foreign household, a vacancy there and a referral.
	seeker := &jobs.Seeker{HouseholdID: foreign.ID, Skills: "lái xe", Consent: true}
	if err := r.App.job.RegisterSeeker(sys, seeker, foreign.Members[0].ID); err != nil {
		t.Fatal(err)
	}
	vacancy := &jobs.Vacancy{EmployerName: "Công ty Hà Nội", Position: "Lái xe", Places: 1, ClosingDate: "2099-12-31", CommuneCode: foreignCommune}
	if err := r.App.job.RegisterVacancy(sys, vacancy); err != nil {
		t.Fatal(err)
	}
	referral, err := r.App.job.Refer(sys, seeker.ID, vacancy.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The district of 10507 before the 2025 reform, for a district officer.
	commune, err := r.App.store.FindUnitByCode(context.Background(), "10507", "2024-06-30")
	if err != nil {
		t.Fatal(err)
	}
	scopes := map[giamngheo.Role]string{
		giamngheo.RoleProvinceAdmin: "31", giamngheo.RoleProvinceOfficer: "31", giamngheo.RoleDistrictOfficer: commune.ParentCode,
		giamngheo.RoleCommuneOfficer: "10507", giamngheo.RoleAgencyOfficer: "31", giamngheo.RoleViewer: "31",
	}
	clients := map[string]*http.Client{"anonymous": noRedirect(nil)}
	for _, role := range giamngheo.Roles {
		name := "u." + strings.ReplaceAll(string(role), "_", "")
		r.MustAddUser(t, name, role, scopes[role])
		c := loginClient(t, r.URL, name, testPassword)
		c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		clients[string(role)] = c
	}
	// An account of the foreign unit with an API token: no one of Hải Phòng may see,
	// disable, reset or revoke them.
	r.MustAddUser(t, "can.bo.ha.noi", giamngheo.RoleCommuneOfficer, foreignCommune)
	foreignToken, tok, err := r.App.users.IssueAPIToken(sys, "can.bo.ha.noi", "hn")
	if err != nil {
		t.Fatal(err)
	}
	secrets := []string{foreign.HeadName, "HN-LA-1", "001168004321", "168004321"}
	wildcard := map[string]string{
		"/households/{id}":          strconv.FormatInt(foreign.ID, 10),
		"/api/v1/households/{id}":   strconv.FormatInt(foreign.ID, 10),
		"/review/rounds/{id}":       strconv.FormatInt(round.ID, 10),
		"/review/cases/{id}":        strconv.FormatInt(cs.ID, 10),
		"/import/jobs/{id}":         "job-of-someone-else",
		"/api/v1/import-jobs/{id}":  "job-of-someone-else",
		"/admin/users/{username}":   "can.bo.ha.noi",
		"/admin/tokens/{id}":        strconv.FormatInt(tok.ID, 10),
		"/units/{code}":             foreignCommune, // the unit catalogue is public reference data
		"/api/v1/units/{code}":      foreignCommune,
		"/api/v1/reports/{name}":    "danh-sach-ho-ngheo?unit=" + foreignCommune,
		"/public/news/{id}":         "999999",
		"/portal/news/{id}/publish": "999999",
		"/public/files/{name}":      "x.pdf",
		"/jobs/seekers/{id}":        strconv.FormatInt(seeker.ID, 10),
		"/jobs/vacancies/{id}":      strconv.FormatInt(vacancy.ID, 10),
		"/jobs/referrals/{id}":      strconv.FormatInt(referral.ID, 10),
	}
	// What a POST tries: to write into the foreign unit or onto its objects.
	form := url.Values{"commune": {foreignCommune}, "commune_code": {foreignCommune}, "code": {"HN-LA-2"}, "household": {strconv.FormatInt(foreign.ID, 10)},
		"kind": {"regular"}, "year": {"2026"}, "month": {"4"}, "form": {"request_01"}, "received": {"2026-03-02"}, "action": {"screen"},
		"screening": {"needs_survey"}, "number": {"99/QĐ-UBND"}, "member_rows": {"1"}, "m0_name": {"Kẻ Ghi Đè"}, "m0_sex": {"male"},
		"m0_birth_date": {"1980-01-01"}, "username": {"ke.la.mat"}, "password": {"mot-mat-khau-dai-du"}, "role": {"province_admin"}, "scope": {foreignCommune},
		"income_12m": {"1000"}, "lang": {"vi"}}
	if len(r.Srv.Patterns()) < 30 {
		t.Fatalf("only %d routes registered: the route table is not being read", len(r.Srv.Patterns()))
	}
	patterns := r.Srv.Patterns()
	slices.SortStableFunc(patterns, func(a, b string) int { // logging out ends the sessions: last
		last := func(p string) int {
			if strings.HasSuffix(p, "/logout") {
				return 1
			}
			return 0
		}
		return cmp.Compare(last(a), last(b))
	})
	for _, pattern := range patterns {
		method, path, ok := strings.Cut(pattern, " ")
		if !ok {
			t.Fatalf("route %q has no method: every route must declare one", pattern)
		}
		objectRoute := false
		for tmpl, v := range wildcard {
			if prefix, _, found := strings.Cut(tmpl, "{"); found && strings.HasPrefix(path, prefix) && strings.Count(path, "{") == 1 && strings.Contains(path, tmpl[len(prefix):]) {
				path = strings.Replace(path, tmpl[len(prefix):], v, 1)
				objectRoute = !strings.Contains(tmpl, "{code}")
				break
			}
		}
		path = strings.ReplaceAll(path, "{$}", "")
		if strings.Contains(path, "{") {
			t.Fatalf("route %q: this test does not know what to put in its wildcard; add it to the wildcard table", pattern)
		}
		if strings.HasSuffix(path, "/static/") {
			path += "x/app.css"
		}
		for who, c := range clients {
			var req *http.Request
			if method == http.MethodPost {
				f := url.Values{}
				for k, v := range form {
					f[k] = v
				}
				if who != "anonymous" {
					f.Set("csrf", pageCSRF(t, c, r.URL+"/"))
				} else {
					f.Set("csrf", pageCSRF(t, c, r.URL+"/login"))
				}
				req, _ = http.NewRequest(method, r.URL+path, strings.NewReader(f.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			} else {
				req, _ = http.NewRequest(method, r.URL+path, nil)
			}
			resp, err := c.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode >= 500 {
				t.Errorf("%s as %s: %d", pattern, who, resp.StatusCode)
			}
			for _, s := range secrets {
				if strings.Contains(string(body), s) {
					t.Errorf("%s as %s shows %q of the foreign household", pattern, who, s)
				}
			}
			if objectRoute && who != "anonymous" && resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusNotFound {
				t.Errorf("%s on a foreign object as %s: %d, want 403 or 404", pattern, who, resp.StatusCode)
			}
		}
	}
	// Nothing of the foreign unit changed.
	after, err := r.App.reg.FindHouseholdByID(sys, foreign.ID)
	if err != nil || after.Version != foreign.Version || after.HeadName != foreign.HeadName {
		t.Fatalf("the foreign household changed: %+v %v", after, err)
	}
	if _, n, err := r.App.reg.FindHouseholds(sys, registry.HouseholdFilter{CommuneCodes: []string{foreignCommune}}); err != nil || n != 1 {
		t.Fatalf("%d households in the foreign commune (%v), want 1", n, err)
	}
	rounds, err := r.App.rev.FindRounds(sys)
	if err != nil || len(rounds) != 1 {
		t.Fatalf("%d review rounds (%v), want the foreign one only", len(rounds), err)
	}
	c, _, err := r.App.rev.FindCase(sys, cs.ID)
	if err != nil || c.State != cs.State {
		t.Fatalf("the foreign case moved: %v %v", c, err)
	}
	if u, err := r.App.store.FindUserByUsername(context.Background(), "can.bo.ha.noi"); err != nil || u.Disabled {
		t.Fatalf("the foreign account was disabled: %v %v", u, err)
	}
	if _, err := r.App.users.AuthenticateAPIToken(context.Background(), foreignToken); err != nil {
		t.Fatalf("the foreign account's API token no longer works: %v", err)
	}
	if _, err := r.App.store.FindUserByUsername(context.Background(), "ke.la.mat"); giamngheo.ErrorCode(err) != giamngheo.ENOTFOUND {
		t.Fatalf("an account was created in the foreign unit: %v", err)
	}
}
