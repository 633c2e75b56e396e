package main

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"giamngheo/internal/testenv"

	"giamngheo"

	"github.com/chromedp/chromedp"
)

// MustBrowser starts headless Debian Chromium for one test. Without Chromium the test
// is skipped locally; on CI (CI=true) it fails, since the browser scenarios must run.
func MustBrowser(tb testing.TB) context.Context {
	tb.Helper()
	return MustBrowserFor(tb, 90*time.Second)
}

// MustBrowserFor is MustBrowser whose whole session may last up to d: a sweep of every
// page takes longer than one scenario; the deadline only ends a test that hangs.
func MustBrowserFor(tb testing.TB, d time.Duration) context.Context {
	tb.Helper()
	path := os.Getenv("GIAMNGHEO_CHROMIUM")
	if path == "" {
		for _, p := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if found, err := exec.LookPath(p); err == nil {
				path = found
				break
			}
		}
	}
	if path == "" {
		testenv.Missing(tb, "Chromium", "apt-get install -y chromium")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(tb.TempDir()),
		chromedp.WindowSize(390, 844), // a phone-sized screen
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, d)
	tb.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		tb.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// text returns the visible text of the element with the id.
func text(tb testing.TB, ctx context.Context, id string) string {
	tb.Helper()
	v, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID(id)))
	if err != nil {
		tb.Fatalf("text of #%s: %v", id, err)
	}
	return v
}

// waitText waits until the element with the id contains want, across the navigation a
// click starts (a page that is being replaced answers nothing for a moment).
func waitText(tb testing.TB, ctx context.Context, id, want string) {
	tb.Helper()
	expr := `(document.getElementById(` + "`" + id + "`" + `) || {textContent: ""}).textContent`
	var last string
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr)); err == nil {
			if last = v; strings.Contains(v, want) {
				return
			}
		}
	}
	tb.Fatalf("#%s never contained %q (last %q)", id, want, last)
}

// do runs steps or fails the test.
func do(tb testing.TB, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	tb.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		tb.Fatal(err)
	}
}

// waitLocation waits until the page's address contains one of wants (the navigation a
// click starts) and returns it.
func waitLocation(tb testing.TB, ctx context.Context, wants ...string) string {
	tb.Helper()
	var last string
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if v, err := chromedp.Run(ctx, chromedp.Location()); err == nil {
			last = v
			for _, w := range wants {
				if strings.Contains(v, w) {
					return v
				}
			}
		}
	}
	tb.Fatalf("the page never went to %q (last %s)", wants, last)
	return ""
}

func location(tb testing.TB, ctx context.Context) string {
	tb.Helper()
	v, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		tb.Fatal(err)
	}
	return v
}

func login(base, username, password string) []chromedp.Action[chromedp.Void] {
	return []chromedp.Action[chromedp.Void]{
		chromedp.Navigate(base + "/login"),
		chromedp.WaitVisible(chromedp.ID("username")),
		chromedp.SendKeys(chromedp.ID("username"), username),
		chromedp.SendKeys(chromedp.ID("password"), password),
		chromedp.Click(chromedp.ID("login-submit")),
	}
}

func TestBrowserLoginLanguageLogout(t *testing.T) {
	r := MustRunServer(t)
	ctx := MustBrowser(t)

	do(t, ctx, append(login(r.URL, "admin", "wrong-password"), chromedp.WaitVisible(chromedp.ID("login-error")))...)
	if msg := text(t, ctx, "login-error"); !strings.Contains(msg, "Sai tên đăng nhập hoặc mật khẩu") {
		t.Fatalf("wrong password message = %q", msg)
	}

	do(t, ctx, append(login(r.URL, "admin", r.Password), chromedp.WaitVisible(chromedp.ID("home-title")))...)
	if title, logout := text(t, ctx, "home-title"), text(t, ctx, "logout"); !strings.Contains(title, "Xin chào") || logout != "Đăng xuất" {
		t.Fatalf("home in Vietnamese: title %q, logout %q", title, logout)
	}

	do(t, ctx, chromedp.Click(chromedp.ID("lang-switch")), chromedp.WaitVisible(chromedp.CSS(`html[lang="en"] #home-title`)))
	if title, logout := text(t, ctx, "home-title"), text(t, ctx, "logout"); !strings.Contains(title, "Welcome") || logout != "Log out" {
		t.Fatalf("after switching to English: title %q, logout %q", title, logout)
	}
	do(t, ctx, chromedp.Click(chromedp.ID("lang-switch")), chromedp.WaitVisible(chromedp.CSS(`html[lang="vi"] #home-title`)))
	if title := text(t, ctx, "home-title"); !strings.Contains(title, "Xin chào") {
		t.Fatalf("after switching back to Vietnamese: title %q", title)
	}

	do(t, ctx, chromedp.Click(chromedp.ID("logout")), chromedp.WaitVisible(chromedp.ID("login-submit")))
	if url := location(t, ctx); !strings.HasSuffix(url, "/login") {
		t.Fatalf("after logout at %s, want the login page", url)
	}
	// The session is revoked: the home page sends the browser back to the login page.
	do(t, ctx, chromedp.Navigate(r.URL+"/"), chromedp.WaitVisible(chromedp.ID("login-submit")))
	if url := location(t, ctx); !strings.Contains(url, "/login") {
		t.Fatalf("home after logout went to %s", url)
	}
}

func TestBrowserCommuneOfficerCannotSeeAnotherCommune(t *testing.T) {
	r := MustRunServer(t)
	// 10813 Thị trấn Thanh Hà and 10816 Xã Hồng Lạc, both in Thanh Hà district (2023).
	r.MustAddUser(t, "xa.thanhha", giamngheo.RoleCommuneOfficer, "10813")
	ctx := MustBrowser(t)

	do(t, ctx, append(login(r.URL, "xa.thanhha", testPassword), chromedp.WaitVisible(chromedp.ID("home-title")),
		chromedp.Navigate(r.URL+"/units/10813?date=2023-06-30"), chromedp.WaitVisible(chromedp.ID("unit-name")))...)
	if own := text(t, ctx, "unit-name"); own != "Thị trấn Thanh Hà" {
		t.Fatalf("own commune page shows %q", own)
	}

	do(t, ctx, chromedp.Navigate(r.URL+"/units/10816?date=2023-06-30"), chromedp.WaitVisible(chromedp.ID("error-status")))
	body, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("body")))
	if err != nil {
		t.Fatal(err)
	}
	if status := text(t, ctx, "error-status"); !strings.Contains(status, "403") || strings.Contains(body, "Hồng Lạc") {
		t.Fatalf("another commune's page: status %q, body mentions the commune: %v", status, strings.Contains(body, "Hồng Lạc"))
	}

	// The API answers 403 too, with the browser's session.
	type apiResult struct {
		Status int    `json:"status"`
		Body   string `json:"body"`
	}
	api, err := chromedp.Run(ctx, chromedp.Evaluate[apiResult](
		`fetch("/api/v1/units/10816").then(r => r.text().then(b => ({status: r.status, body: b})))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if api.Status != 403 || strings.Contains(api.Body, "Hồng Lạc") {
		t.Fatalf("API for another commune: %+v", api)
	}
	// The parent district is out of scope as well.
	do(t, ctx, chromedp.Navigate(r.URL+"/units?parent=294&date=2023-06-30"), chromedp.WaitVisible(chromedp.ID("error-status")))
	if status := text(t, ctx, "error-status"); !strings.Contains(status, "403") {
		t.Fatalf("district list for a commune officer: %q", status)
	}
}
