package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// pageCSRF returns the CSRF token of a page.
func pageCSRF(tb testing.TB, c *http.Client, url string) string {
	tb.Helper()
	m := csrfField.FindStringSubmatch(get(tb, c, url))
	if m == nil {
		tb.Fatalf("no CSRF token on %s", url)
	}
	return m[1]
}

func noRedirect(jar http.CookieJar) *http.Client {
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// TestCSRFTokenBoundToSession: a token an attacker makes up and plants as a cookie is
// refused (the old double-submit cookie accepted it); the token changes at login,
// and the pre-login token is refused once logged in (issue 10, item 6).
func TestCSRFTokenBoundToSession(t *testing.T) {
	r := MustRunServer(t)
	r.MustAddUser(t, "xa.thanhdong", "commune_officer", "10507")
	u, _ := url.Parse(r.URL)
	// The attacker plants gn_csrf=<value> and submits the same value.
	jar, _ := cookiejar.New(nil)
	planted := strings.Repeat("A", 32)
	jar.SetCookies(u, []*http.Cookie{{Name: "gn_csrf", Value: planted, Path: "/"}})
	c := noRedirect(jar)
	resp, err := c.PostForm(r.URL+"/login", url.Values{"csrf": {planted}, "username": {"xa.thanhdong"}, "password": {testPassword}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("login with a planted CSRF cookie and token: %d, want 403", resp.StatusCode)
	}
	// A real login: the token of the login page, then a new one after login.
	jar, _ = cookiejar.New(nil)
	c = noRedirect(jar)
	before := pageCSRF(t, c, r.URL+"/login")
	resp, err = c.PostForm(r.URL+"/login", url.Values{"csrf": {before}, "username": {"xa.thanhdong"}, "password": {testPassword}, "next": {"/households"}})
	if err != nil || resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/households" {
		t.Fatalf("login: %v %v", err, resp)
	}
	after := pageCSRF(t, c, r.URL+"/households/new")
	if after == before {
		t.Fatal("the CSRF token did not change at login")
	}
	resp, _ = c.PostForm(r.URL+"/logout", url.Values{"csrf": {before}})
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("logout with the pre-login token: %d, want 403", resp.StatusCode)
	}
	resp, _ = c.PostForm(r.URL+"/logout", url.Values{"csrf": {after}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout with the session's token: %d, want 303", resp.StatusCode)
	}
}

// TestLoginRedirectStaysOnSite: next= is followed only when it is a plain local path.
func TestLoginRedirectStaysOnSite(t *testing.T) {
	r := MustRunServer(t)
	r.MustAddUser(t, "xa.thanhdong", "commune_officer", "10507")
	for next, want := range map[string]string{
		"/households?page=2":     "/households?page=2",
		"/\t/evil.example":       "/",
		"/\n/evil.example":       "/",
		"//evil.example":         "/",
		"/\\evil.example":        "/",
		"/x\\..\\\\evil.example": "/",
		"https://evil.example/":  "/",
		"/\u200b/evil.example":   "/",
		"javascript:alert(1)":    "/",
	} {
		jar, _ := cookiejar.New(nil)
		c := noRedirect(jar)
		tok := pageCSRF(t, c, r.URL+"/login")
		resp, err := c.PostForm(r.URL+"/login", url.Values{"csrf": {tok}, "username": {"xa.thanhdong"}, "password": {testPassword}, "next": {next}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Location"); got != want {
			t.Errorf("next=%q redirects to %q, want %q", next, got, want)
		}
	}
}

// TestSecureCookiesHeadersAndMetrics: with --secure-cookies the session cookie is
// Secure and HSTS is sent; every answer with personal data says no-store, the static
// files are cached and not listed; /metrics asks for its token, or, without one,
// answers the machine itself only; the access log has one line per request with the
// route pattern and no query value (issue 10, items 6 and 9).
func TestSecureCookiesHeadersAndMetrics(t *testing.T) {
	var log bytes.Buffer
	r := MustRunServerWith(t, func(c *Config) { c.SecureCookies = true; c.MetricsToken = "do-dem-bi-mat" }, &log)
	r.MustAddUser(t, "xa.thanhdong", "commune_officer", "10507")
	jar, _ := cookiejar.New(nil)
	c := noRedirect(jar)
	tok := pageCSRF(t, c, r.URL+"/login")
	resp, err := c.PostForm(r.URL+"/login", url.Values{"csrf": {tok}, "username": {"xa.thanhdong"}, "password": {testPassword}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	secure := false
	for _, ck := range resp.Cookies() {
		if ck.Name == "gn_session" {
			secure = ck.Secure && ck.HttpOnly
		}
	}
	if !secure || !strings.Contains(resp.Header.Get("Strict-Transport-Security"), "max-age=") {
		t.Fatalf("secure cookies: session cookie Secure=%v, HSTS %q", secure, resp.Header.Get("Strict-Transport-Security"))
	}
	// The cookie jar does not send Secure cookies over http://: carry it by hand.
	var session string
	for _, ck := range resp.Cookies() {
		if ck.Name == "gn_session" {
			session = ck.Value
		}
	}
	fetch := func(path string, header ...string) *http.Response {
		req, _ := http.NewRequest("GET", r.URL+path, nil)
		req.AddCookie(&http.Cookie{Name: "gn_session", Value: session})
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp
	}
	for _, p := range []string{"/", "/households?q=030080001234", "/households.csv", "/households.xlsx", "/api/v1/households", "/login"} {
		if resp := fetch(p); resp.StatusCode != 200 || resp.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: %d, Cache-Control %q, want 200 and no-store", p, resp.StatusCode, resp.Header.Get("Cache-Control"))
		}
	}
	page := get(t, &http.Client{}, r.URL+"/login")
	asset := regexp.MustCompile(`/static/[^"]+\.css`).FindString(page)
	if resp := fetch(asset); resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("static %s: %d %q", asset, resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
	hash := strings.Split(asset, "/")[2]
	for _, p := range []string{"/static/", "/static/" + hash + "/", "/static/" + hash} {
		if resp := fetch(p); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404 (no listing)", p, resp.StatusCode)
		}
	}
	if resp := fetch("/metrics"); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("/metrics without the token: %d, want 401", resp.StatusCode)
	}
	if resp := fetch("/metrics", "Authorization", "Bearer do-dem-bi-mat"); resp.StatusCode != 200 {
		t.Errorf("/metrics with the token: %d, want 200", resp.StatusCode)
	}
	// The access log: method, route pattern, status, user; no query value.
	logged := log.String()
	if !strings.Contains(logged, `"route":"GET /households"`) || !strings.Contains(logged, `"status":200`) || !strings.Contains(logged, `"user_id":`) {
		t.Fatalf("access log lacks the request to /households:\n%s", logged)
	}
	if strings.Contains(logged, "030080001234") || strings.Contains(logged, "xa.thanhdong") {
		t.Fatalf("the access log holds personal data:\n%s", logged)
	}

	// Without a token, /metrics answers the machine itself only.
	plain := MustRunServer(t)
	req := httptest.NewRequest("GET", "/metrics", nil)
	req.RemoteAddr = "192.0.2.7:40000"
	w := httptest.NewRecorder()
	plain.Srv.ServeHTTP(w, req)
	if w.Code != http.StatusForbidden {
		t.Fatalf("/metrics from another machine without a token: %d, want 403", w.Code)
	}
	if resp, err := http.Get(plain.URL + "/metrics"); err != nil || resp.StatusCode != 200 {
		t.Fatalf("/metrics from localhost: %v %v", err, resp)
	}
}
