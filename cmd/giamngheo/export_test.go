package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"giamngheo"
	"giamngheo/internal/testenv"
	"giamngheo/registry"
)

// MustLibreOffice returns the LibreOffice binary; skipped locally when missing, a
// failure on CI.
func MustLibreOffice(tb testing.TB) string {
	tb.Helper()
	return testenv.Tool(tb, "apt-get install -y libreoffice-calc", "libreoffice", "soffice")
}

// loginClient logs in through the login form and returns a client with the session.
func loginClient(tb testing.TB, base, username, password string) *http.Client {
	tb.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.Get(base + "/login")
	if err != nil {
		tb.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	csrf := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindSubmatch(page)
	resp, err = c.PostForm(base+"/login", url.Values{"csrf": {string(csrf[1])}, "username": {username}, "password": {password}})
	if err != nil || resp.StatusCode != 200 {
		tb.Fatalf("login %s: %v %v", username, err, resp)
	}
	resp.Body.Close()
	return c
}

// TestExportRespectsScopeAndOpensInLibreOffice: a commune officer's XLSX export holds
// the households of that commune only, and LibreOffice opens it.
func TestExportRespectsScopeAndOpensInLibreOffice(t *testing.T) {
	lo := MustLibreOffice(t)
	r := MustRunServer(t)
	lines := templateCSV(t)
	other := strings.ReplaceAll(strings.ReplaceAll(householdRows(lines, "KT-1"), ",10507,", ",10804,"), "Nguyễn Văn An", "Vũ Văn Khác")
	if _, err := importsRun(systemCtx(context.Background()), r.App, strings.NewReader(lines[0]+"\n"+householdRows(lines, "TD-1")+other), "seed.csv"); err != nil {
		t.Fatal(err)
	}
	r.MustAddUser(t, "xa.thanhdong", giamngheo.RoleCommuneOfficer, "10507")
	c := loginClient(t, r.URL, "xa.thanhdong", testPassword)
	resp, err := c.Get(r.URL + "/households.xlsx")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("export: %v %v", err, resp)
	}
	body, _ := io.ReadAll(resp.Body)
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "xuat.xlsx")
	os.WriteFile(xlsx, body, 0o644)
	cmd := exec.Command(lo, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, xlsx)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	csv, err := os.ReadFile(filepath.Join(dir, "xuat.csv"))
	if err != nil {
		t.Fatalf("LibreOffice did not convert the export: %v", err)
	}
	if !bytes.Contains(csv, []byte("Nguyễn Văn An")) || !bytes.Contains(csv, []byte("030080001234")) || bytes.Contains(csv, []byte("Vũ Văn Khác")) {
		t.Fatalf("export seen by LibreOffice:\n%s", csv)
	}
	// The CSV export of the same scope, and an API call for the other commune's list.
	resp, err = c.Get(r.URL + "/households.csv?commune=10804")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusForbidden || bytes.Contains(body, []byte("Vũ Văn Khác")) {
		t.Fatalf("the CSV export of another commune: status %d, want 403 without its households:\n%s", resp.StatusCode, body)
	}

	// TD-1 and KT-1 share the national ID 030080001234: the household page warns the
	// officer of 10507 without naming KT-1, which is outside the officer's scope; the
	// province's officer is told which household it is.
	td, _, err := r.App.reg.FindHouseholds(systemCtx(context.Background()), registry.HouseholdFilter{Query: "TD-1"})
	if err != nil || len(td) != 1 {
		t.Fatalf("TD-1: %v %d", err, len(td))
	}
	page := func(c *http.Client) string {
		resp, err := c.Get(fmt.Sprintf("%s/households/%d", r.URL, td[0].ID))
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("household page: %v %v", err, resp)
		}
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	if p := page(c); !strings.Contains(p, "030080001234 của thành viên thứ 1 (Nguyễn Văn An) đã có trong một hộ ngoài phạm vi") || strings.Contains(p, "KT-1") {
		t.Fatalf("commune officer's page of TD-1:\n%s", p)
	}
	resp, err = c.Get(fmt.Sprintf("%s/api/v1/households/%d", r.URL, td[0].ID))
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("household API: %v %v", err, resp)
	}
	body, _ = io.ReadAll(resp.Body)
	if !bytes.Contains(body, []byte(`"code":"national_id_elsewhere"`)) || bytes.Contains(body, []byte("KT-1")) {
		t.Fatalf("household API for the commune officer:\n%s", body)
	}
	r.MustAddUser(t, "tinh.hp", giamngheo.RoleProvinceOfficer, "31")
	if p := page(loginClient(t, r.URL, "tinh.hp", testPassword)); !strings.Contains(p, "trùng với thành viên Vũ Văn Khác của hộ KT-1") {
		t.Fatalf("province officer's page of TD-1:\n%s", p)
	}
}
