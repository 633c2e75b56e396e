package main

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/audit"
	"giamngheo/registry"
)

// TestWebImportPreviewAndConfirm: an upload is first a preview (nothing written) that
// names the households to update with their changed fields and the conflicts with
// their reasons; it is stored only once confirmed, with the conflicts skipped or
// replaced as chosen; a preview is confirmed once (issue 10 item 2).
func TestWebImportPreviewAndConfirm(t *testing.T) {
	r := MustRunServer(t)
	lines := templateCSV(t)
	if _, err := importsRun(systemCtx(context.Background()), r.App, strings.NewReader(lines[0]+"\n"+householdRows(lines, "TD-1")+householdRows(lines, "TD-2")), "seed.csv"); err != nil {
		t.Fatal(err)
	}
	r.MustAddUser(t, "xa.thanhdong", giamngheo.RoleCommuneOfficer, "10507")
	c := loginClient(t, r.URL, "xa.thanhdong", testPassword)
	other := strings.NewReplacer("Nguyễn Văn An", "Lê Văn Lạ", "030080001234", "030080009999", "Trần Thị Bình", "Phạm Thị Khác",
		"030183001235", "030183009998", "Nguyễn Văn Cường", "Lê Văn Mới").Replace(householdRows(lines, "TD-1"))
	moved := strings.ReplaceAll(householdRows(lines, "TD-2"), "0912345678", "0987654321")
	tok := pageCSRF(t, c, r.URL+"/")
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	part, _ := mw.CreateFormFile("file", "ds.csv")
	part.Write([]byte(lines[0] + "\n" + other + moved + householdRows(lines, "TD-3")))
	mw.Close()
	resp, err := c.Post(r.URL+"/import?csrf="+tok, mw.FormDataContentType(), &b)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	path := resp.Request.URL.Path
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(path, "/import/jobs/") {
		t.Fatalf("upload: %d at %s", resp.StatusCode, path)
	}
	jobPage := func() string {
		t.Helper()
		for range 100 {
			resp, err := c.Get(r.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if !strings.Contains(string(b), `id="import-running"`) {
				return string(b)
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatal("the import did not finish")
		return ""
	}
	page := jobPage()
	for _, want := range []string{`id="preview-create">1<`, `id="preview-update">1<`, `id="preview-conflicts">1<`, `id="preview-invalid">0<`,
		"<b>TD-2</b>: <code>phone</code>", "<b>TD-1</b>: chủ hộ khác: đã lưu Nguyễn Văn An", `id="import-confirm"`} {
		if !strings.Contains(page, want) {
			t.Fatalf("preview lacks %q:\n%s", want, page)
		}
	}
	count := func() int {
		_, total, err := r.App.reg.FindHouseholds(systemCtx(context.Background()), registry.HouseholdFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return total
	}
	if n := count(); n != 2 {
		t.Fatalf("the preview stored households: %d", n)
	}
	commit := func(onConflict string) int {
		t.Helper()
		f := url.Values{"csrf": {pageCSRF(t, c, r.URL+"/")}}
		if onConflict != "" {
			f.Set("on_conflict", onConflict)
		}
		resp, err := c.PostForm(r.URL+path+"/commit", f)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if st := commit(""); st != http.StatusBadRequest {
		t.Fatalf("confirming without saying what to do with the conflict: %d", st)
	}
	if n := count(); n != 2 {
		t.Fatalf("a refused confirmation stored households: %d", n)
	}
	if st := commit("skip"); st != http.StatusOK {
		t.Fatalf("confirm: %d", st)
	}
	page = jobPage()
	if !strings.Contains(page, `id="import-committed"`) || !strings.Contains(page, `id="import-created">1<`) {
		t.Fatalf("after confirmation:\n%s", page)
	}
	td1, _ := r.App.store.FindHouseholdByCode(context.Background(), "31", "TD-1")
	td2, _ := r.App.store.FindHouseholdByCode(context.Background(), "31", "TD-2")
	if td1.HeadName != "Nguyễn Văn An" || td1.Version != 1 || td2.Phone != "0987654321" || count() != 3 {
		t.Fatalf("after skip: TD-1 %s v%d, TD-2 phone %s, %d households", td1.HeadName, td1.Version, td2.Phone, count())
	}
	if st := commit("replace"); st != http.StatusConflict {
		t.Fatalf("confirming twice: %d", st)
	}

	// A web export is audited with its author and count.
	resp, err = c.Get(r.URL + "/households.csv")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	ex, _, err := r.App.store.FindAudit(context.Background(), audit.Filter{Entity: "household_list"})
	if err != nil || len(ex) != 1 || ex[0].Username != "xa.thanhdong" || ex[0].EntityID != "csv" || !strings.Contains(string(ex[0].After), `"households":3`) {
		t.Fatalf("export audit = %+v (%v)", ex, err)
	}

	// The audit page: the changed field side by side, filters by household, user,
	// action and date, the administrator's scope, and no route that changes it.
	r.MustAddUser(t, "tinh.hp", giamngheo.RoleProvinceAdmin, "31")
	r.MustAddUser(t, "xa.khac", giamngheo.RoleProvinceAdmin, "10804")
	admin := loginClient(t, r.URL, "tinh.hp", testPassword)
	get := func(c *http.Client, path string) (int, string) {
		t.Helper()
		resp, err := c.Get(r.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	_, page = get(admin, "/admin/audit?household=TD-2")
	if !strings.Contains(page, `<tr><th scope="row">Điện thoại</th><td>0912345678</td><td>0987654321</td></tr>`) || !strings.Contains(page, "Sửa · Hộ <b>TD-2</b>") {
		t.Fatalf("audit of TD-2:\n%s", page)
	}
	if _, page = get(admin, "/admin/audit?user=xa.thanhdong&action=export"); !strings.Contains(page, `id="audit-total">1 `) || !strings.Contains(page, "Xuất danh sách") {
		t.Fatalf("audit by user and action:\n%s", page)
	}
	if _, page = get(admin, "/admin/audit?from=2099-01-01"); !strings.Contains(page, `id="audit-empty"`) {
		t.Fatalf("audit from 2099:\n%s", page)
	}
	if st, page := get(admin, "/admin/audit?from=31/02/2026"); st != http.StatusBadRequest || !strings.Contains(page, "không hợp lệ") {
		t.Fatalf("a bad date: %d", st)
	}
	if _, page = get(loginClient(t, r.URL, "xa.khac", testPassword), "/admin/audit?household=TD-2"); !strings.Contains(page, `id="audit-empty"`) {
		t.Fatalf("another unit's administrator sees TD-2's audit:\n%s", page)
	}
	for _, p := range r.Srv.Patterns() {
		if strings.Contains(p, "audit") && !strings.HasPrefix(p, "GET ") {
			t.Fatalf("route %q may change the audit log", p)
		}
	}
}
