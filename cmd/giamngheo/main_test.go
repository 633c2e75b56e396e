package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"giamngheo"
	gnhttp "giamngheo/http"
	"giamngheo/user"
)

// testPassword is the password of the accounts tests create: long enough and not a
// common one (user.CommonPassword).
const testPassword = "rau-muong-xao-toi"

// running is a started server on a temporary SQLite file.
type running struct {
	URL      string
	App      *app
	Password string // the first administrator's password, as printed
	Out      string
	Srv      *gnhttp.Server
}

// MustRunServer starts the product as `serve` does, on a free port and a new SQLite
// file, with the Hải Dương/Hải Phòng units, and stops it at the end of the test.
// The clock is the one of GIAMNGHEO_NOW when set (CI runs the scenarios either side of
// 1 January 2027 with it), else the machine's.
// Each configure function may change the configuration before the start.
func MustRunServer(tb testing.TB, configure ...func(*Config)) *running {
	tb.Helper()
	clock, err := envClock()
	if err != nil {
		tb.Fatal(err)
	}
	return mustRunServerWith(tb, clock, configure)
}

// MustRunServerAt starts the product with its clock set to the instant at, for
// scenarios that are about a date (the switch of standards, Tết).
func MustRunServerAt(tb testing.TB, at time.Time, configure ...func(*Config)) *running {
	tb.Helper()
	return mustRunServerWith(tb, giamngheo.ClockAt(at), configure)
}

func mustRunServerWith(tb testing.TB, clock giamngheo.Clock, configure []func(*Config)) *running {
	tb.Helper()
	return startTestServer(tb, clock, configure, io.Discard)
}

// MustRunServerWith is MustRunServer with the configuration changed by configure
// (when not nil) and the log written to logw.
func MustRunServerWith(tb testing.TB, configure func(*Config), logw io.Writer) *running {
	tb.Helper()
	clock, err := envClock()
	if err != nil {
		tb.Fatal(err)
	}
	var cs []func(*Config)
	if configure != nil {
		cs = append(cs, configure)
	}
	return startTestServer(tb, clock, cs, logw)
}

func startTestServer(tb testing.TB, clock giamngheo.Clock, configure []func(*Config), logw io.Writer) *running {
	tb.Helper()
	c := DefaultConfig()
	c.Addr = "127.0.0.1:0"
	c.DB = filepath.Join(tb.TempDir(), "e2e.db")
	c.DemoHouseholds = 0 // scenarios make their own data
	for _, f := range configure {
		f(&c)
	}
	var out bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(logw, nil))
	srv, a, err := start(withClock(context.Background(), clock), c, logger, &out)
	if err != nil {
		tb.Fatal(err)
	}
	go srv.Serve()
	tb.Cleanup(func() {
		srv.Shutdown(context.Background())
		a.store.Close()
	})
	m := regexp.MustCompile(`username: admin\s+mật khẩu / password:\s+(\S+)`).FindStringSubmatch(out.String())
	if m == nil {
		tb.Fatalf("no administrator password printed:\n%s", out.String())
	}
	return &running{URL: "http://" + srv.Addr(), App: a, Password: m[1], Out: out.String(), Srv: srv}
}

// MustAddUser creates an account through the service, as `giamngheo user add` does.
func (r *running) MustAddUser(tb testing.TB, username string, role giamngheo.Role, scope string) {
	tb.Helper()
	_, err := r.App.users.CreateUser(systemCtx(context.Background()), user.NewUser{Username: username, Name: "Cán bộ " + username, Password: testPassword, Role: role, ScopeCode: scope})
	if err != nil {
		tb.Fatal(err)
	}
}

func TestFirstStartPrintsLoginAndLoadsUnits(t *testing.T) {
	r := MustRunServer(t)
	if !strings.Contains(r.Out, "username: admin") {
		t.Fatalf("first start output lacks the administrator login:\n%s", r.Out)
	}
	resp, err := http.Get(r.URL + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("healthz: %v %v", err, resp)
	}
	resp, err = http.Get(r.URL + "/login")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Đăng nhập") {
		t.Fatalf("login page: %d", resp.StatusCode)
	}
	resp, _ = http.Get(r.URL + "/metrics")
	body, _ = io.ReadAll(resp.Body)
	if !strings.Contains(string(body), `giamngheo_http_requests_total{method="GET",route="/login",code="200"} 1`) {
		t.Fatalf("metrics do not count the login page:\n%s", body)
	}
}

func TestCLIErrorsAreClear(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "sheet.db")
	os.WriteFile(junk, bytes.Repeat([]byte("not a database "), 20), 0o644)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"foreign file", []string{"migrate", "--db", junk}, "không phải là cơ sở dữ liệu SQLite"},
		{"bad dsn", []string{"migrate", "--db", "postgres://nobody@127.0.0.1:1/x?connect_timeout=2"}, "Không kết nối được PostgreSQL"},
		{"unknown command", []string{"frobnicate"}, "Lệnh không rõ"},
		{"duplicate user", []string{"user", "add", "admin", "--db", filepath.Join(dir, "u.db"), "--password", testPassword, "--role", "viewer"}, "đã có người dùng"},
		{"bad unit file", []string{"units", "import", filepath.Join(dir, "missing.csv"), "--db", filepath.Join(dir, "u.db")}, "Không mở được tệp"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "duplicate user" {
				if code := run(context.Background(), tc.args, strings.NewReader(""), io.Discard, io.Discard); code != 0 {
					t.Fatalf("first add failed with %d", code)
				}
			}
			var stderr bytes.Buffer
			code := run(context.Background(), tc.args, strings.NewReader(""), io.Discard, &stderr)
			if code == 0 || !strings.Contains(stderr.String(), tc.want) || !strings.Contains(stderr.String(), "Error:") {
				t.Fatalf("exit %d, stderr %q; want non-zero and %q", code, stderr.String(), tc.want)
			}
			if strings.Contains(stderr.String(), "goroutine") {
				t.Fatalf("stack trace shown to the user: %s", stderr.String())
			}
		})
	}
	// The foreign file is unchanged.
	b, _ := os.ReadFile(junk)
	if !bytes.Equal(b, bytes.Repeat([]byte("not a database "), 20)) {
		t.Fatal("the foreign file was modified")
	}
}

func TestUserAndUnitsCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cli.db")
	var out bytes.Buffer
	if code := run(context.Background(), []string{"units", "load", "--db", db, "--provinces", "30,31"}, nil, &out, &out); code != 0 {
		t.Fatalf("units load: %s", out.String())
	}
	out.Reset()
	if code := run(context.Background(), []string{"units", "list", "--db", db, "--date", "2023-06-30", "--parent", "30"}, nil, &out, &out); code != 0 {
		t.Fatalf("units list: %s", out.String())
	}
	if !strings.Contains(out.String(), "Huyện Thanh Hà") || !strings.Contains(out.String(), "(12)") {
		t.Fatalf("districts of Hải Dương on 2023-06-30:\n%s", out.String())
	}
	out.Reset()
	// 00016 Ngọc Hà (Hà Nội) was split: the mapping answers both ways.
	if code := run(context.Background(), []string{"units", "load", "--db", db, "--provinces", "01"}, nil, io.Discard, io.Discard); code != 0 {
		t.Fatal("units load 01 failed")
	}
	run(context.Background(), []string{"units", "mapping", "00016", "--db", db}, nil, &out, &out)
	if strings.Count(out.String(), "partial") < 2 {
		t.Fatalf("old commune 00016 should map to several new ones:\n%s", out.String())
	}
	out.Reset()
	run(context.Background(), []string{"units", "mapping", "00004", "--db", db}, nil, &out, &out)
	if !strings.Contains(out.String(), "Phường Trúc Bạch") {
		t.Fatalf("new commune 00004 should list Trúc Bạch among its sources:\n%s", out.String())
	}
	out.Reset()
	code := run(context.Background(), []string{"user", "add", "xa.thanhha", "--db", db, "--role", "commune_officer", "--scope", "10813"}, strings.NewReader(""), &out, &out)
	if code != 0 || !strings.Contains(out.String(), "password:") {
		t.Fatalf("user add: %d %s", code, out.String())
	}
	out.Reset()
	if code := run(context.Background(), []string{"user", "list", "--db", db}, nil, &out, &out); code != 0 || !strings.Contains(out.String(), "xa.thanhha") {
		t.Fatalf("user list: %s", out.String())
	}
	if code := run(context.Background(), []string{"user", "disable", "xa.thanhha", "--db", db}, nil, io.Discard, io.Discard); code != 0 {
		t.Fatal("user disable failed")
	}
	out.Reset()
	run(context.Background(), []string{"user", "list", "--db", db}, nil, &out, &out)
	if !strings.Contains(out.String(), "true") {
		t.Fatalf("user not disabled:\n%s", out.String())
	}
}

func TestUnitsImportGSOFileKeepsHistory(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "u.db")
	if code := run(context.Background(), []string{"units", "load", "--db", db, "--provinces", "30,31"}, nil, io.Discard, io.Discard); code != 0 {
		t.Fatal("units load failed")
	}
	// A GSO-style download (one row per commune, Vietnamese headers) renaming a commune
	// of Hải Phòng from 2026-01-01.
	gso := "Tỉnh / Thành Phố,Mã TP,Phường Xã,Mã PX,Cấp\n" +
		"Thành phố Hải Phòng,31,Xã Thanh Hà Mới,10813,Xã\n" +
		"Thành phố Hải Phòng,31,Xã Hà Bắc,10816,Xã\n"
	file := filepath.Join(dir, "DanhMucHanhChinh.csv")
	os.WriteFile(file, []byte(gso), 0o644)
	var out bytes.Buffer
	if code := run(context.Background(), []string{"units", "import", file, "--db", db, "--effective", "2026-01-01"}, nil, &out, &out); code != 0 {
		t.Fatalf("import: %s", out.String())
	}
	for _, tc := range []struct{ date, want, notWant string }{
		{"2025-08-01", "Xã Thanh Hà", "Thanh Hà Mới"},
		{"2026-02-01", "Xã Thanh Hà Mới", "Xã Nam Sách"},
	} {
		out.Reset()
		run(context.Background(), []string{"units", "list", "--db", db, "--date", tc.date, "--parent", "31"}, nil, &out, &out)
		if !strings.Contains(out.String(), tc.want) || strings.Contains(out.String(), tc.notWant) {
			t.Fatalf("Hải Phòng on %s:\n%s", tc.date, out.String())
		}
	}
	// Hải Dương's history before 2025 is untouched.
	out.Reset()
	run(context.Background(), []string{"units", "list", "--db", db, "--date", "2023-06-30", "--parent", "294"}, nil, &out, &out)
	if !strings.Contains(out.String(), "Xã Hồng Lạc") {
		t.Fatalf("Thanh Hà district in 2023 lost:\n%s", out.String())
	}

	// A malformed file: a clear message naming the row, and nothing changed.
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("code,name,type,level,parent_code\n31,Thành phố Hải Phòng,Thành phố,province,\n1234,Xã Lỗi,Xã,commune,31\n"), 0o644)
	var stderr bytes.Buffer
	if code := run(context.Background(), []string{"units", "import", bad, "--db", db}, nil, io.Discard, &stderr); code == 0 || !strings.Contains(stderr.String(), "bad.csv") {
		t.Fatalf("malformed file: exit %d, %q", code, stderr.String())
	}
	out.Reset()
	run(context.Background(), []string{"units", "list", "--db", db, "--date", "2026-02-01", "--parent", "31"}, nil, &out, &out)
	if !strings.Contains(out.String(), "Xã Thanh Hà Mới") || !strings.Contains(out.String(), "(2)") {
		t.Fatalf("after a failed import the units changed:\n%s", out.String())
	}
}

func TestServeReviewSettings(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "le.txt")
	os.WriteFile(bad, []byte("2026-13-01  Ngày không có\n"), 0o644)
	var stderr bytes.Buffer
	code := run(context.Background(), []string{"serve", "--db", filepath.Join(dir, "s.db"), "--addr", "127.0.0.1:0", "--no-demo", "--holidays", bad}, nil, io.Discard, &stderr)
	if code == 0 || !strings.Contains(stderr.String(), "Error:") {
		t.Fatalf("a bad holiday file: exit %d, %q", code, stderr.String())
	}
	good := filepath.Join(dir, "le2.txt")
	os.WriteFile(good, []byte("2026-12-02  Ngày nghỉ của tỉnh\n"), 0o644)
	c := DefaultConfig()
	c.Addr, c.DB, c.DemoHouseholds, c.Holidays, c.PostingDays = "127.0.0.1:0", filepath.Join(dir, "g.db"), 0, good, 5
	_, a, err := start(context.Background(), c, slog.New(slog.NewTextHandler(io.Discard, nil)), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer a.store.Close()
	if a.rev.Config.PostingDays != 5 || a.rev.Config.Calendar.IsWorkingDay(time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("posting days %d; 2026-12-02 working: %v", a.rev.Config.PostingDays, a.rev.Config.Calendar.IsWorkingDay(time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)))
	}
}
