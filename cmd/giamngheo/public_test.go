package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/portal"
	"giamngheo/poverty"
	"giamngheo/registry"
)

// publicFixture registers, in the first two communes of Hải Phòng (31), households
// with names, national IDs, phones and addresses, recognised as poor or near-poor:
// eight in the first commune (six poor, two near-poor), three poor in the second. It
// returns the communes and every personal datum the public site must never show.
func publicFixture(t *testing.T, r *running) (communes []*admin.Unit, secrets []string) {
	t.Helper()
	ctx := context.Background()
	sys := systemCtx(ctx)
	cs, err := r.App.store.FindUnits(ctx, admin.UnitFilter{AsOf: clockOf(ctx)().Format("2006-01-02"), Level: admin.LevelCommune, Province: "31"})
	if err != nil || len(cs) < 2 {
		t.Fatalf("communes of 31: %d, %v", len(cs), err)
	}
	n := 0
	add := func(commune string, class poverty.Class) {
		n++
		head := fmt.Sprintf("Nguyễn Thị Bí Mật %c", 'A'+n)
		h := poorHouseholdOf(commune, fmt.Sprintf("PUB-%03d", n), head)
		h.Members[0].NationalID = fmt.Sprintf("031168%06d", 4000+n)
		h.Phone = fmt.Sprintf("09123%05d", 40000+n)
		h.Address = fmt.Sprintf("Số %d ngõ Hoa Sữa Kín", 100+n)
		if err := r.App.reg.CreateHousehold(sys, h); err != nil {
			t.Fatal(err)
		}
		if err := r.App.store.SetHouseholdStatus(ctx, h.ID, registry.Recognition{Class: class, Since: "2026-01-05", DecidedOn: "2026-01-05"}); err != nil {
			t.Fatal(err)
		}
		secrets = append(secrets, head, h.Members[0].NationalID, h.Phone, h.Address, h.Code, h.Members[1].Name)
	}
	for i := range 8 {
		class := poverty.Poor
		if i >= 6 {
			class = poverty.NearPoor
		}
		add(cs[0].Code, class)
	}
	for range 3 {
		add(cs[1].Code, poverty.Poor)
	}
	return cs[:2], secrets
}

// TestPublicSiteShowsNoPersonalData crawls every page and file of the public site, in
// Vietnamese and English, and finds no name, national ID, phone, address or household
// code of the registry; the pages are cacheable and set no cookie; the small counts
// are suppressed; an author's markup is shown as text; the public address serves
// nothing else.
func TestPublicSiteShowsNoPersonalData(t *testing.T) {
	files := t.TempDir()
	os.WriteFile(filepath.Join(files, "nd-07-2021.pdf"), []byte("%PDF-1.4\n% Nghị định 07/2021/NĐ-CP\n"), 0o644)
	contentFile := filepath.Join(t.TempDir(), "content.json")
	os.WriteFile(contentFile, []byte(`{"offices":[{"kind":"job_centre","name":"Trung tâm Dịch vụ việc làm Hải Phòng","phone":"02253000000","address":"Số 1 Đường Chính"}],
		"documents":[{"number":"07/2021/NĐ-CP","title":"Nghị định chuẩn nghèo","file":"nd-07-2021.pdf"}]}`), 0o644)
	r := MustRunServer(t, func(c *Config) { c.PublicFiles, c.PublicContent, c.Provinces = files, contentFile, "31" })
	communes, secrets := publicFixture(t, r)
	r.MustAddUser(t, "tinh.bt", giamngheo.RoleProvinceOfficer, "31")
	officer := giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{Username: "tinh.bt", Role: giamngheo.RoleProvinceOfficer, ScopeCode: "31"})
	post := &portal.Post{ProvinceCode: "31", Kind: portal.KindAnnouncement, Title: "Thông báo rà soát", Body: "<script>alert('x')</script>\n\n- Mang giấy tờ"}
	if err := r.App.post.SavePost(officer, post); err != nil {
		t.Fatal(err)
	}
	if _, err := r.App.post.Publish(officer, post.ID, true); err != nil {
		t.Fatal(err)
	}
	draft := &portal.Post{ProvinceCode: "31", Kind: portal.KindNews, Title: "Bản nháp chưa đăng", Body: "nháp"}
	if err := r.App.post.SavePost(officer, draft); err != nil {
		t.Fatal(err)
	}

	link := regexp.MustCompile(`(?:href|src)="([^"#]+)"`)
	seen := map[string]bool{}
	queue := []string{"/public", "/public?lang=en"}
	bodies := map[string]string{}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		if seen[u] {
			continue
		}
		seen[u] = true
		resp, err := http.Get(r.URL + u)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		body := string(b)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: %d", u, resp.StatusCode)
			continue
		}
		if strings.HasPrefix(u, "/public") {
			if cc := resp.Header.Get("Cache-Control"); !strings.Contains(cc, "public") || !strings.Contains(cc, "max-age=") {
				t.Errorf("%s: Cache-Control %q, want public with max-age", u, cc)
			}
			if sc := resp.Header.Values("Set-Cookie"); len(sc) > 0 {
				t.Errorf("%s sets a cookie: %v", u, sc)
			}
		}
		bodies[u] = body
		for _, s := range secrets {
			if strings.Contains(body, s) {
				t.Errorf("%s shows %q of the registry", u, s)
			}
		}
		for _, m := range link.FindAllStringSubmatch(body, -1) {
			l := strings.ReplaceAll(m[1], "&amp;", "&")
			if strings.HasPrefix(l, "/public") || strings.HasPrefix(l, "/static/") {
				queue = append(queue, l)
			} else if !strings.HasPrefix(l, "tel:") {
				t.Errorf("%s links outside the public site: %s", u, l)
			}
		}
	}
	for _, want := range []string{"/public/figures?province=31", "/public/news?province=31&lang=en", "/public/documents?province=31", "/public/offices?province=31",
		fmt.Sprintf("/public/news/%d?province=31", post.ID), "/public/files/nd-07-2021.pdf", "/public/figures.csv?year=2026&province=31"} {
		found := false
		for u := range seen {
			if strings.HasPrefix(u, strings.Split(want, "?")[0]) && (strings.Contains(want, "?") == strings.Contains(u, "?") || !strings.Contains(want, "?")) {
				found = true
			}
		}
		if !found {
			t.Errorf("the crawl never reached %s (pages: %d)", want, len(seen))
		}
	}
	if len(seen) < 14 {
		t.Errorf("the crawl saw %d pages and files, want every page in both languages", len(seen))
	}
	// Suppression: the second commune's three poor households are "<5"; its other
	// numbers in the row cannot give them away.
	fig := bodies["/public/figures?province=31"]
	row := regexp.MustCompile(`<tr><th scope="row">` + regexp.QuoteMeta(communes[1].Name) + `</th>(.*?)</tr>`).FindStringSubmatch(fig)
	if row == nil || !strings.Contains(row[1], "&lt;5") {
		t.Errorf("the row of %s does not suppress its 3 poor households: %v", communes[1].Name, row)
	}
	if !strings.Contains(fig, "<title") || !strings.Contains(fig, `role="img"`) {
		t.Error("the figures page has no accessible chart")
	}
	// The author's markup is text; the draft is not public.
	page := bodies[fmt.Sprintf("/public/news/%d?province=31", post.ID)]
	if strings.Contains(page, "<script>alert") || !strings.Contains(page, "&lt;script&gt;alert") || !strings.Contains(page, "<li>Mang giấy tờ</li>") {
		t.Errorf("the post is not rendered as safe text:\n%s", page)
	}
	for u, b := range bodies {
		if strings.Contains(b, "Bản nháp chưa đăng") {
			t.Errorf("%s shows a draft", u)
		}
	}
	if resp, err := http.Get(fmt.Sprintf("%s/public/news/%d", r.URL, draft.ID)); err != nil || resp.StatusCode != http.StatusNotFound {
		t.Errorf("a draft answers %v %v, want 404", resp.StatusCode, err)
	}
	// The public address serves the public site and nothing else.
	pub := httptest.NewServer(r.Srv.PublicHandler())
	defer pub.Close()
	for path, want := range map[string]int{"/public": 200, "/public/figures": 200, "/healthz": 200, "/households": 404, "/login": 404, "/dashboard": 404, "/api/v1/households": 404} {
		resp, err := noRedirect(nil).Get(pub.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("public address %s: %d, want %d", path, resp.StatusCode, want)
		}
	}
	if resp, err := noRedirect(nil).Get(pub.URL + "/"); err != nil || resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/public" {
		t.Errorf("public address /: %v %v, want a redirect to /public", resp, err)
	}
}

// TestPublicRateLimit refuses an address that asks too often, with 429 and
// Retry-After, and leaves the officers' site alone.
func TestPublicRateLimit(t *testing.T) {
	r := MustRunServer(t, func(c *Config) { c.PublicRate = 5 })
	for i := range 7 {
		resp, err := http.Get(r.URL + "/public/offices")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		want := http.StatusOK
		if i >= 5 {
			want = http.StatusTooManyRequests
		}
		if resp.StatusCode != want {
			t.Fatalf("request %d: %d, want %d", i+1, resp.StatusCode, want)
		}
		if want == http.StatusTooManyRequests && resp.Header.Get("Retry-After") == "" {
			t.Fatal("429 without Retry-After")
		}
	}
	if resp, err := http.Get(r.URL + "/login"); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("the login page after the public limit: %v %v", resp.StatusCode, err)
	}
}
