package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"giamngheo"

	"github.com/chromedp/chromedp"
)

// TestBrowserImport: an officer uploads a file with one bad household; the preview
// names the row and cannot be confirmed; with "skip invalid" the preview stores
// nothing until the officer confirms it, then the good households are stored.
func TestBrowserImport(t *testing.T) {
	r := MustRunServer(t)
	r.MustAddUser(t, "xa.thanhdong", giamngheo.RoleCommuneOfficer, "10507")
	lines := templateCSV(t)
	csv := lines[0] + "\n" + householdRows(lines, "TD-1") + householdRows(lines, "TD-2") +
		strings.Replace(householdRows(lines, "TD-3"), "12/05/1980", "31/02/1980", 1)
	file := filepath.Join(t.TempDir(), "danh-sach.csv")
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := MustBrowser(t)
	do(t, ctx, append(login(r.URL, "xa.thanhdong", testPassword), chromedp.WaitVisible(chromedp.ID("home-title")),
		chromedp.Navigate(r.URL+"/import"), chromedp.WaitVisible(chromedp.ID("import-form")),
		chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{file}),
		chromedp.Click(chromedp.ID("import-submit")),
		chromedp.WaitVisible(chromedp.ID("import-done")))...)
	// The preview: two to create, one invalid, and no way to confirm while a household
	// is invalid and not skipped.
	if n, bad := text(t, ctx, "preview-create"), text(t, ctx, "preview-invalid"); n != "2" || bad != "1" {
		t.Fatalf("preview: %s to create, %s invalid", n, bad)
	}
	if msg := text(t, ctx, "import-blocked"); !strings.Contains(msg, "Không thể nhập") {
		t.Fatalf("blocked preview message: %q", msg)
	}
	if issues := text(t, ctx, "import-issues"); !strings.Contains(issues, "31/02/1980") || !strings.Contains(issues, "dòng 8") {
		t.Fatalf("issues table: %s", issues)
	}
	do(t, ctx, chromedp.Navigate(r.URL+"/import"), chromedp.WaitVisible(chromedp.ID("import-form")),
		chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{file}),
		chromedp.Click(chromedp.ID("import-skip")),
		chromedp.Click(chromedp.ID("import-submit")),
		chromedp.WaitVisible(chromedp.ID("import-confirm")))
	jobURL := location(t, ctx)
	do(t, ctx, chromedp.Navigate(r.URL+"/households"), chromedp.WaitVisible(chromedp.ID("household-total")))
	if n := text(t, ctx, "household-total"); n != "0" {
		t.Fatalf("the preview stored %s households", n)
	}
	do(t, ctx, chromedp.Navigate(jobURL), chromedp.WaitVisible(chromedp.ID("import-confirm")),
		chromedp.Click(chromedp.ID("import-commit")),
		chromedp.WaitVisible(chromedp.ID("import-committed")))
	if n := text(t, ctx, "import-created"); n != "2" {
		t.Fatalf("created %s households, want 2", n)
	}
	do(t, ctx, chromedp.Navigate(r.URL+"/households"), chromedp.WaitVisible(chromedp.ID("household-total")))
	if n := text(t, ctx, "household-total"); n != "2" {
		t.Fatalf("household list shows %s", n)
	}
}
