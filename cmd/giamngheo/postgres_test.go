package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServeOnPostgres starts the same server on PostgreSQL and logs in through the pages.
func TestServeOnPostgres(t *testing.T) {
	dsn := os.Getenv("GIAMNGHEO_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("GIAMNGHEO_TEST_POSTGRES is not set on CI")
		}
		t.Skip("set GIAMNGHEO_TEST_POSTGRES to serve from PostgreSQL")
	}
	schema := fmt.Sprintf("serve_%d", time.Now().UnixNano()%1e9)
	adminDB, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := adminDB.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { adminDB.Exec("DROP SCHEMA " + schema + " CASCADE"); adminDB.Close() })
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	c := DefaultConfig()
	c.Addr, c.DB = "127.0.0.1:0", dsn+sep+"search_path="+schema
	c.DemoHouseholds = 2000 // the demo seeding runs on PostgreSQL too
	var out bytes.Buffer
	srv, a, err := start(context.Background(), c, slog.New(slog.NewTextHandler(io.Discard, nil)), &out)
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve()
	t.Cleanup(func() { srv.Shutdown(context.Background()); a.store.Close() })
	if a.store.Dialect() != "postgres" {
		t.Fatalf("dialect %s", a.store.Dialect())
	}
	pw := regexp.MustCompile(`username: admin\s+mật khẩu / password:\s+(\S+)`).FindStringSubmatch(out.String())[1]
	base := "http://" + srv.Addr()

	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	resp, err := client.Get(base + "/login")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	csrf := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindSubmatch(page)
	if csrf == nil {
		t.Fatal("no CSRF token on the login page")
	}
	resp, err = client.PostForm(base+"/login", url.Values{"csrf": {string(csrf[1])}, "username": {"admin"}, "password": {pw}, "next": {"/units?parent=30&date=2023-06-30"}})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Huyện Thanh Hà") || !strings.Contains(string(body), "12 đơn vị") {
		t.Fatalf("units of Hải Dương from PostgreSQL: %d\n%s", resp.StatusCode, body)
	}
	// Without the CSRF token, a state-changing request is refused.
	resp, err = client.PostForm(base+"/logout", url.Values{})
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("logout without CSRF token: %d, want 403", resp.StatusCode)
	}
}
