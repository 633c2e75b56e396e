package main

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"giamngheo"
	"giamngheo/jobs"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/support"
	"giamngheo/user"
)

// addLabourOfficer creates a job-centre officer: an agency officer of the labour agency.
func addLabourOfficer(tb testing.TB, r *running, name, scope string) {
	tb.Helper()
	if _, err := r.App.users.CreateUser(systemCtx(context.Background()), user.NewUser{Username: name, Name: "Cán bộ " + name, Password: testPassword,
		Role: giamngheo.RoleAgencyOfficer, ScopeCode: scope, Agency: support.AgencyLabour}); err != nil {
		tb.Fatal(err)
	}
}

// post sends a form and returns the status and the page it ends on.
func post(tb testing.TB, c *http.Client, target string, f url.Values) (int, string) {
	tb.Helper()
	resp, err := c.PostForm(target, f)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestJobSeekerWithoutConsentNeverShown: a seeker who does not consent (or withdraws)
// is on no candidate list, cannot be referred and is never on the public site; a
// person's registration on the public form is invisible until verified; the public
// forms refuse a missing CSRF token and slow a flood down.
func TestJobSeekerWithoutConsentNeverShown(t *testing.T) {
	r := MustRunServer(t)
	sys := systemCtx(context.Background())
	h := poorHouseholdOf("10507", "HP-VL-1", "Phạm Thị Kín")
	h.Members[1].Name = "Vũ Văn Kín Đáo"
	if err := r.App.reg.CreateHousehold(sys, h); err != nil {
		t.Fatal(err)
	}
	if err := r.App.store.SetHouseholdStatus(context.Background(), h.ID, registry.Recognition{Class: poverty.Poor, Since: "2025-01-01"}); err != nil {
		t.Fatal(err)
	}
	addLabourOfficer(t, r, "vieclam.hp", "31")
	c := loginClient(t, r.URL, "vieclam.hp", testPassword)
	csrf := pageCSRF(t, c, r.URL+"/jobs")

	// The officer registers the member without consent, and a vacancy that fits him.
	status, page := post(t, c, r.URL+"/jobs/seekers", url.Values{"csrf": {csrf}, "household": {strconv.FormatInt(h.ID, 10)},
		"member": {strconv.FormatInt(h.Members[1].ID, 10)}, "skills": {"Lái xe"}, "range": {"province"}})
	if status != 200 || !strings.Contains(page, "Vũ Văn Kín Đáo") || !strings.Contains(page, "Thuộc hộ nghèo") {
		t.Fatalf("register: %d\n%s", status, page)
	}
	seekers, _, err := r.App.job.FindSeekers(sys, jobs.SeekerFilter{Query: "kin dao"})
	if err != nil || len(seekers) != 1 {
		t.Fatalf("seekers: %v %v", seekers, err)
	}
	seeker := seekers[0]
	closing := giamngheo.DayString(r.App.now().AddDate(0, 1, 0))
	status, page = post(t, c, r.URL+"/jobs/vacancies", url.Values{"csrf": {csrf}, "employer_name": {"Công ty Vận tải Cảng"}, "employer_tax_code": {"0201234567"},
		"position": {"Lái xe nâng"}, "skills": {"lái xe"}, "places": {"2"}, "closing_date": {closing}, "commune": {"10507"}})
	if status != 200 || !strings.Contains(page, "Lái xe nâng") {
		t.Fatalf("vacancy: %d\n%s", status, page)
	}
	vs, _, _ := r.App.job.FindVacancies(sys, jobs.VacancyFilter{})
	vacancyURL := r.URL + "/jobs/vacancies/" + strconv.FormatInt(vs[0].ID, 10)

	anon := &http.Client{}
	anon.Jar, _ = cookiejar.New(nil)
	publicPage := get(t, anon, r.URL+"/public/jobs?q=lai+xe")
	if !strings.Contains(publicPage, "Lái xe nâng") || strings.Contains(publicPage, "Kín Đáo") {
		t.Fatalf("the public page does not show the vacancy, or shows the seeker:\n%s", publicPage)
	}
	if p := get(t, c, vacancyURL); strings.Contains(p, "Kín Đáo") || !strings.Contains(p, `id="no-candidates"`) {
		t.Fatalf("a seeker without consent is on the candidate list")
	}
	if status, _ := post(t, c, r.URL+"/jobs/referrals", url.Values{"csrf": {csrf}, "seeker": {strconv.FormatInt(seeker.ID, 10)}, "vacancy": {strconv.FormatInt(vs[0].ID, 10)}}); status != http.StatusBadRequest {
		t.Fatalf("a seeker without consent was referred: %d", status)
	}
	// Consent given: a candidate; withdrawn: gone again.
	seekerURL := r.URL + "/jobs/seekers/" + strconv.FormatInt(seeker.ID, 10)
	post(t, c, seekerURL+"/consent", url.Values{"csrf": {csrf}, "consent": {"1"}})
	if p := get(t, c, vacancyURL); !strings.Contains(p, "Kín Đáo") {
		t.Fatalf("a consenting seeker is not on the candidate list")
	}
	post(t, c, seekerURL+"/consent", url.Values{"csrf": {csrf}})
	if p := get(t, c, vacancyURL); strings.Contains(p, "Kín Đáo") {
		t.Fatalf("a seeker who withdrew consent is still on the candidate list")
	}

	// The public form: no token, refused; with it, pending and invisible.
	if status, _ := post(t, anon, r.URL+"/public/jobs/seeker", url.Values{"full_name": {"Người Công Khai"}}); status != http.StatusForbidden {
		t.Fatalf("public form without CSRF: %d", status)
	}
	form := url.Values{"csrf": {pageCSRF(t, anon, r.URL+"/public/jobs/seeker")}, "full_name": {"Trần Văn Công Khai"}, "birth_date": {"1999-09-09"},
		"phone": {"0912345678"}, "commune": {"10507"}, "skills": {"lái xe"}, "consent": {"1"}}
	status, page = post(t, anon, r.URL+"/public/jobs/seeker", form)
	if status != 200 || !strings.Contains(page, `id="public-done"`) {
		t.Fatalf("public registration: %d\n%s", status, page)
	}
	if p := get(t, c, vacancyURL); strings.Contains(p, "Công Khai") {
		t.Fatalf("an unverified public registration is a candidate")
	}
	if p := get(t, anon, r.URL+"/public/jobs"); strings.Contains(p, "Công Khai") {
		t.Fatalf("the public site shows a seeker")
	}
	if p := get(t, c, r.URL+"/jobs"); !strings.Contains(p, "Trần Văn Công Khai") || !strings.Contains(p, `id="pending"`) {
		t.Fatalf("the officer does not see the registration to verify")
	}
	// Ten submissions per address in ten minutes, then 429.
	codes := map[int]int{}
	for range 12 {
		s, _ := post(t, anon, r.URL+"/public/jobs/seeker", form)
		codes[s]++
	}
	if codes[http.StatusTooManyRequests] != 3 {
		t.Fatalf("rate limit: %v, want the last 3 of 12 (after the first) refused", codes)
	}
	// Another role: an insurance officer does not see the exchange.
	if _, err := r.App.users.CreateUser(sys, user.NewUser{Username: "bhxh.hp", Name: "BHXH", Password: testPassword, Role: giamngheo.RoleAgencyOfficer, ScopeCode: "31", Agency: support.AgencyInsurance}); err != nil {
		t.Fatal(err)
	}
	other := loginClient(t, r.URL, "bhxh.hp", testPassword)
	resp, err := other.Get(seekerURL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("an insurance officer reads a seeker: %d", resp.StatusCode)
	}
	// The report (every role reads the figures) and its CSV.
	rep := get(t, c, r.URL+"/jobs/report")
	if !strings.Contains(rep, `id="report-total"`) {
		t.Fatalf("report page:\n%s", rep)
	}
	csv := get(t, c, r.URL+"/jobs/report?format=csv")
	if !strings.Contains(csv, "Người tìm việc") || !strings.Contains(csv, "10507") {
		t.Fatalf("report CSV:\n%s", csv)
	}
}
