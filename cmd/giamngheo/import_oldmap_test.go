package main

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"giamngheo"
)

// oldMapRows returns the template's example household under a code, province, commune
// and village of the file's own map.
func oldMapRows(lines []string, code, province, commune, village string) string {
	var out []string
	for _, l := range lines[1:] {
		out = append(out, strings.Replace(l, "HD-0001,31,10507,Thôn Đông,", code+","+province+","+commune+","+village+",", 1))
	}
	return strings.Join(out, "\n") + "\n"
}

// TestImportOldMapFile: a list made before the reform of 1 July 2025 (Hải Dương,
// province 30, its old commune codes) imported into a fresh database ends under the
// new communes of Hải Phòng: whole mergers by themselves, a split commune only by the
// importer's choice (the row is refused naming the candidates until then), and the
// output names every mapping applied.
func TestImportOldMapFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "fresh.db") // no `units load`: the import loads the catalogue
	lines := templateCSV(t)
	file := lines[0] + "\n" +
		oldMapRows(lines, "HD-A", "30", "10510", "Thôn Đông") + // Phường Bình Hàn → 10507 Phường Thành Đông
		oldMapRows(lines, "HD-B", "30", "10510", "Thôn Tây") +
		oldMapRows(lines, "HD-C", "30", "10513", "Khu 3") + // Phường Ngọc Châu → 10525 Phường Hải Dương
		oldMapRows(lines, "HD-D", "30", "10540", "Khu 5") // Phường Tứ Minh: split into 10543 and 10891
	name := filepath.Join(dir, "ds-2024.csv")
	if err := os.WriteFile(name, []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	var out, errOut bytes.Buffer
	if code := run(ctx, []string{"import", name, "--db", db, "--quiet"}, nil, &out, &errOut); code == 0 {
		t.Fatalf("a split commune without a choice must refuse the file: %s", out.String())
	}
	all := out.String() + errOut.String()
	for _, want := range []string{"10540 (Phường Tứ Minh)", "10543 (Phường Việt Hòa)", "10891 (Phường Tứ Minh)", "01/07/2025", "--map 10540="} {
		if !strings.Contains(all, want) {
			t.Errorf("the refusal should name %q:\n%s", want, all)
		}
	}
	if !strings.Contains(errOut.String(), "dòng") {
		t.Errorf("the refusal should name the row:\n%s", errOut.String())
	}
	if n := countHouseholds(t, db); n != 0 {
		t.Fatalf("nothing may be stored while a row is refused: %d households", n)
	}

	out.Reset()
	errOut.Reset()
	if code := run(ctx, []string{"import", name, "--db", db, "--quiet", "--map", "10540=10891"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("import with the choice: %s %s", out.String(), errOut.String())
	}
	for _, want := range []string{
		"10510 (Phường Bình Hàn) → 10507 (Phường Thành Đông), 2 hộ",
		"10513 (Phường Ngọc Châu) → 10525 (Phường Hải Dương), 1 hộ",
		"10540 (Phường Tứ Minh) → 10891 (Phường Tứ Minh), 1 hộ",
		"created 4",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the report should say %q:\n%s", want, out.String())
		}
	}
	s, err := openStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for code, commune := range map[string]string{"HD-A": "10507", "HD-B": "10507", "HD-C": "10525", "HD-D": "10891"} {
		h, err := s.FindHouseholdByCode(ctx, "31", code)
		if err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		if h.CommuneCode != commune || h.ProvinceCode != "31" {
			t.Errorf("%s is under %s/%s, want 31/%s", code, h.ProvinceCode, h.CommuneCode, commune)
		}
	}

	// A choice that is not one of the split commune's new communes is refused.
	out.Reset()
	errOut.Reset()
	if code := run(ctx, []string{"import", name, "--db", db, "--quiet", "--dry-run", "--map", "10540=10507"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("dry run: %s %s", out.String(), errOut.String())
	}
	if !strings.Contains(errOut.String(), "10507") || !strings.Contains(errOut.String(), "không phải là xã nhận địa bàn") {
		t.Errorf("a wrong choice should be named:\n%s", errOut.String())
	}
}

// TestImportNamesFormerCommune: a commune code of before the reform whose new commune
// is not in the catalogue (its province not loaded) is named as a former commune with
// the commune it went into, never as unknown.
func TestImportNamesFormerCommune(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "fresh.db")
	lines := templateCSV(t)
	// 00016 Phường Ngọc Hà (Hà Nội) went into 00004 Phường Ba Đình; only 30 and 31 are loaded.
	file := lines[0] + "\n" + oldMapRows(lines, "HN-1", "", "00016", "Tổ 1")
	name := filepath.Join(dir, "hn.csv")
	if err := os.WriteFile(name, []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	var errOut bytes.Buffer
	if code := run(context.Background(), []string{"import", name, "--db", db, "--quiet"}, nil, io.Discard, &errOut); code == 0 {
		t.Fatal("a commune of a province not loaded cannot be imported")
	}
	if !strings.Contains(errOut.String(), "Xã 00016 (Phường Ngọc Hà) đã sáp nhập vào") || !strings.Contains(errOut.String(), "00004 (Phường Ba Đình)") ||
		!strings.Contains(errOut.String(), "từ 01/07/2025") || strings.Contains(errOut.String(), "không có trong danh mục") {
		t.Errorf("the former commune should be named as such:\n%s", errOut.String())
	}
}

// TestWebImportOldMapChoice: in the web preview an old-map file names the mappings it
// will apply and offers, for a split commune, its new communes to choose from; the
// choice previews the file again, and the confirmation imports with it.
func TestWebImportOldMapChoice(t *testing.T) {
	r := MustRunServer(t)
	r.MustAddUser(t, "tinh.hp", giamngheo.RoleProvinceOfficer, "31")
	c := loginClient(t, r.URL, "tinh.hp", testPassword)
	lines := templateCSV(t)
	file := lines[0] + "\n" + oldMapRows(lines, "OM-1", "30", "10510", "Thôn Đông") + oldMapRows(lines, "OM-2", "30", "10540", "Khu 5")
	tok := pageCSRF(t, c, r.URL+"/")
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	part, _ := mw.CreateFormFile("file", "ds-2024.csv")
	part.Write([]byte(file))
	mw.Close()
	resp, err := c.Post(r.URL+"/import?csrf="+tok, mw.FormDataContentType(), &b)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	path := resp.Request.URL.Path
	if !strings.HasPrefix(path, "/import/jobs/") {
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
	for _, want := range []string{`id="preview-invalid">1<`, `id="import-splits"`, `name="map_10540"`, `<option value="10543">10543 (Phường Việt Hòa)</option>`,
		`<option value="10891">10891 (Phường Tứ Minh)</option>`, `id="import-mappings"`, "10510 (Phường Bình Hàn)", "10507 (Phường Thành Đông)"} {
		if !strings.Contains(page, want) {
			t.Fatalf("preview lacks %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, `id="import-confirm"`) {
		t.Fatal("a preview with an unplaced household must not be confirmable")
	}
	post := func(action string, f url.Values) int {
		t.Helper()
		f.Set("csrf", pageCSRF(t, c, r.URL+"/"))
		resp, err := c.PostForm(r.URL+path+"/"+action, f)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if st := post("map", url.Values{"map_10540": {"10507"}}); st != http.StatusBadRequest {
		t.Fatalf("a commune that is not a candidate: %d", st)
	}
	if st := post("map", url.Values{"map_10540": {"10543"}}); st != http.StatusOK {
		t.Fatalf("choice: %d", st)
	}
	page = jobPage()
	if !strings.Contains(page, `id="preview-invalid">0<`) || !strings.Contains(page, `id="preview-create">2<`) || !strings.Contains(page, `id="import-confirm"`) ||
		!strings.Contains(page, "10543 (Phường Việt Hòa)") || strings.Contains(page, `id="import-splits"`) {
		t.Fatalf("preview after the choice:\n%s", page)
	}
	if st := post("commit", url.Values{}); st != http.StatusOK {
		t.Fatalf("confirm: %d", st)
	}
	page = jobPage()
	if !strings.Contains(page, `id="import-committed"`) {
		t.Fatalf("after confirmation:\n%s", page)
	}
	for code, commune := range map[string]string{"OM-1": "10507", "OM-2": "10543"} {
		h, err := r.App.store.FindHouseholdByCode(context.Background(), "31", code)
		if err != nil || h.CommuneCode != commune {
			t.Fatalf("%s: %v, commune %v, want %s", code, err, h, commune)
		}
	}
}
