package main

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/poverty"
)

// recognisedFile is a recognised list of an existing registry: the template's example
// household three times, two of them recognised by a decision.
func recognisedFile(t *testing.T) string {
	lines := templateCSV(t)
	header := lines[0] + ",Tình trạng đã công nhận,Số quyết định,Ngày quyết định,Số giấy chứng nhận\n"
	rows := func(code, extra string) string {
		var out []string
		for _, l := range strings.Split(strings.TrimRight(householdRows(lines, code), "\n"), "\n") {
			out = append(out, l+extra)
		}
		return strings.Join(out, "\n") + "\n"
	}
	return header + rows("CN-1", ",Hộ nghèo,125/QĐ-UBND,15/12/2024,3") + rows("CN-2", ",Hộ cận nghèo,125/QĐ-UBND,15/12/2024,") + rows("CN-3", ",,,,")
}

// TestImportRecognisedList: `import --recognised` migrates an existing registry's
// recognised list (status, decision number and date, certificate); without the flag the
// status columns are left aside with a warning saying how.
func TestImportRecognisedList(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cn.db")
	name := filepath.Join(dir, "ds-cong-nhan.csv")
	if err := os.WriteFile(name, []byte(recognisedFile(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var out, errOut bytes.Buffer
	if code := run(ctx, []string{"import", name, "--db", db, "--quiet", "--dry-run"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("a dry run of a recognised list without --recognised: %s %s", out.String(), errOut.String())
	}
	if !strings.Contains(out.String()+errOut.String(), "--recognised") || countHouseholds(t, db) != 0 {
		t.Fatalf("without --recognised the status columns are left aside with a warning naming the flag: %s %s", out.String(), errOut.String())
	}
	out.Reset()
	errOut.Reset()
	if code := run(ctx, []string{"import", name, "--db", db, "--quiet", "--recognised"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("import --recognised: %s %s", out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "recognised status recorded for 2 households") {
		t.Errorf("the output should count the recognised households:\n%s", out.String())
	}
	s, err := openStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for code, want := range map[string]poverty.Class{"CN-1": poverty.Poor, "CN-2": poverty.NearPoor, "CN-3": ""} {
		h, err := s.FindHouseholdByCode(ctx, "31", code)
		if err != nil {
			t.Fatal(err)
		}
		if h.Recognised.Class != want || want != "" && (h.Recognised.DecisionNumber != "125/QĐ-UBND" || h.Recognised.DecidedOn != "2024-12-15") {
			t.Errorf("%s recognised %+v, want %s by 125/QĐ-UBND of 15/12/2024", code, h.Recognised, want)
		}
	}
}

// TestWebImportRecognisedList: the web import's "import a recognised list" box records
// the statuses, counted in the preview; without it the file is refused.
func TestWebImportRecognisedList(t *testing.T) {
	r := MustRunServer(t)
	r.MustAddUser(t, "xa.thanhdong", giamngheo.RoleCommuneOfficer, "10507")
	c := loginClient(t, r.URL, "xa.thanhdong", testPassword)
	upload := func(recognised bool) string {
		t.Helper()
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		if recognised {
			mw.WriteField("recognised", "on")
		}
		part, _ := mw.CreateFormFile("file", "ds-cong-nhan.csv")
		part.Write([]byte(recognisedFile(t)))
		mw.Close()
		resp, err := c.Post(r.URL+"/import?csrf="+pageCSRF(t, c, r.URL+"/"), mw.FormDataContentType(), &b)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		path := resp.Request.URL.Path
		for range 100 {
			resp, err := c.Get(r.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if !strings.Contains(string(body), `id="import-running"`) {
				return path + "\n" + string(body)
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatal("the import did not finish")
		return ""
	}
	page := upload(false)
	if strings.Contains(page, `id="preview-recognised">2<`) || !strings.Contains(page, "được bỏ qua") || !strings.Contains(page, "Nhập danh sách đã công nhận") {
		t.Fatalf("without the box the status columns are left aside with a warning saying how:\n%s", page)
	}
	page = upload(true)
	path, _, _ := strings.Cut(page, "\n")
	if !strings.Contains(page, `id="preview-recognised">2<`) || !strings.Contains(page, `id="import-confirm"`) {
		t.Fatalf("preview of a recognised list:\n%s", page)
	}
	resp, err := c.PostForm(r.URL+path+"/commit", url.Values{"csrf": {pageCSRF(t, c, r.URL+"/")}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	for range 100 {
		h, err := r.App.store.FindHouseholdByCode(context.Background(), "31", "CN-1")
		if err == nil && h.Recognised.Class == poverty.Poor && h.Recognised.Certificate == 3 {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the recognised status of CN-1 was not recorded")
}
