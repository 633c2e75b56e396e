package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"giamngheo"
	"giamngheo/internal/testenv"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/report"
	"giamngheo/vntext"
)

// seedReportHouseholds stores households of Hải Phòng (10507, 10804) and Hà Nội
// (00004) with their recognised status, decided in March of the year.
func seedReportHouseholds(t *testing.T, r *running) {
	t.Helper()
	sys := systemCtx(context.Background())
	since := fmt.Sprintf("%d-03-01", r.App.now().Year())
	for _, x := range []struct {
		commune, code, head string
		class               poverty.Class
	}{
		{"10507", "RP-1", "Nguyễn Thị Một", poverty.Poor}, {"10507", "RP-2", "Trần Thị Hai", poverty.Poor},
		{"10507", "RP-3", "Lê Thị Ba", poverty.NearPoor}, {"10507", "RP-4", "Phạm Thị Bốn", ""},
		{"10804", "RP-5", "Vũ Thị Năm", poverty.Poor}, {"10804", "RP-6", "Đỗ Thị Sáu", ""},
		{"00004", "RP-7", "Hà Thị Bảy", poverty.Poor},
	} {
		h := poorHouseholdOf(x.commune, x.code, x.head)
		h.Members[0].NationalID = ""
		if x.code == "RP-2" {
			h.Members = h.Members[:1]
		}
		if err := r.App.reg.CreateHousehold(sys, h); err != nil {
			t.Fatal(err)
		}
		if x.class != "" {
			if err := r.App.store.SetHouseholdStatus(context.Background(), h.ID, registry.Recognition{Class: x.class, Since: since, DecidedOn: since}); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func getStatus(t *testing.T, c *http.Client, url string) (int, []byte) {
	t.Helper()
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func getTable(t *testing.T, c *http.Client, url string) *report.Table {
	t.Helper()
	code, b := getStatus(t, c, url)
	if code != 200 {
		t.Fatalf("GET %s: %d %s", url, code, b)
	}
	var tb report.Table
	if err := json.Unmarshal(b, &tb); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	return &tb
}

var (
	pageRowRE  = regexp.MustCompile(`(?s)<tr class="row-(unit|group|total)">(.*?)</tr>`)
	pageCellRE = regexp.MustCompile(`<td class="num">([^<]*)</td>`)
)

// sameNumber compares a shown number with the JSON's, rounded as shown.
func sameNumber(shown float64, want float64, percent bool) bool {
	if percent {
		return math.Abs(shown-math.Round(want*100)/100) < 1e-9
	}
	return shown == want
}

// TestReportPageWorkbookAndAPIAgree: for reports 1 and 2 of Hải Phòng, the workbook
// read back by LibreOffice, the page and the API give the same numbers, and the
// numbers are those of the households stored (recognised status, not Hà Nội's).
func TestReportPageWorkbookAndAPIAgree(t *testing.T) {
	lo := MustLibreOffice(t)
	r := MustRunServerWith(t, func(c *Config) { c.Provinces = "01,30,31" }, io.Discard)
	seedReportHouseholds(t, r)
	year := r.App.now().Year()
	r.MustAddUser(t, "tinh.hp", giamngheo.RoleProvinceOfficer, "31")
	c := loginClient(t, r.URL, "tinh.hp", testPassword)
	dir := t.TempDir()
	// Reports 8 and 10 (issue 14 item 2) are the widest: 10 and 18 numbered columns.
	for _, name := range []string{"ket-qua-chinh-thuc", "dien-bien-ho-ngheo", "nhom-doi-tuong", "nguyen-nhan-ngheo", "thieu-hut-tre-em"} {
		q := fmt.Sprintf("unit=31&period=%d", year)
		tb := getTable(t, c, r.URL+"/api/v1/reports/"+name+"?"+q)
		total := tb.Rows[len(tb.Rows)-1]
		switch name {
		case "ket-qua-chinh-thuc":
			// 6 households of Hải Phòng, 3 poor (50 %), 1 near-poor; 11 persons, 5 poor.
			if total.Kind != "total" || total.Values[0] != 6 || total.Values[1] != 11 || total.Values[2] != 3 || total.Values[3] != 50 || total.Values[4] != 1 || total.Values[6] != 5 {
				t.Fatalf("report 1 total: %+v", total)
			}
		case "dien-bien-ho-ngheo":
			if total.Line != "Nhân khẩu" || tb.Rows[len(tb.Rows)-2].Values[8] != 3 || total.Values[8] != 5 {
				t.Fatalf("report 2 totals: %+v %+v", tb.Rows[len(tb.Rows)-2], total)
			}
		case "nhom-doi-tuong":
			// The 3 poor households and their 5 persons, in total and in the groups.
			if hh := tb.Rows[len(tb.Rows)-2]; hh.Values[0] != 3 || total.Values[0] != 5 || hh.Values[4] > 3 {
				t.Fatalf("report 8 totals: %+v %+v", hh, total)
			}
		case "nguyen-nhan-ngheo":
			if total.Values[0] != 3 || len(total.Values) != 18 {
				t.Fatalf("report 10 total: %+v", total)
			}
		}
		// The workbook, read back by LibreOffice: the cells are the JSON's numbers.
		code, body := getStatus(t, c, r.URL+"/reports/download?report="+name+"&"+q+"&format=xlsx")
		if code != 200 {
			t.Fatalf("download %s: %d %s", name, code, body)
		}
		file := filepath.Join(dir, name+".xlsx")
		os.WriteFile(file, body, 0o644)
		// Raw values (not as shown): the numbers, not their format.
		cmd := exec.Command(lo, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
			"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false", "--outdir", dir, file)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("libreoffice: %v\n%s", err, out)
		}
		raw, err := os.ReadFile(filepath.Join(dir, name+".csv"))
		if err != nil {
			t.Fatalf("LibreOffice did not convert %s: %v", name, err)
		}
		cr := csv.NewReader(bytes.NewReader(raw))
		cr.FieldsPerRecord = -1
		recs, err := cr.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) < 9+len(tb.Rows) || !strings.Contains(recs[0][len(recs[0])-1]+strings.Join(recs[0], ""), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") {
			t.Fatalf("%s as LibreOffice reads it:\n%s", name, raw)
		}
		for i, row := range tb.Rows {
			rec := recs[9+i]
			if rec[0] != row.Name || rec[1] != row.Line {
				t.Fatalf("%s row %d: workbook %q %q, JSON %q %q", name, i, rec[0], rec[1], row.Name, row.Line)
			}
			for j, v := range row.Values {
				got, err := strconv.ParseFloat(rec[j+2], 64)
				if err != nil || math.Abs(got-v) > 1e-9 {
					t.Fatalf("%s row %d (%s) column (%d): workbook %q, JSON %v", name, i, row.Name, j+1, rec[j+2], v)
				}
			}
		}
		// The PDF (A4 landscape, official heading, signature block) shows the total
		// row's numbers, formatted the Vietnamese way, in column order.
		code, body = getStatus(t, c, r.URL+"/reports/download?report="+name+"&"+q+"&format=pdf")
		if code != 200 || !bytes.HasPrefix(body, []byte("%PDF")) {
			t.Fatalf("PDF of %s: %d %.200s", name, code, body)
		}
		text := pdfText(t, body)
		for _, want := range []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Biểu số " + strconv.Itoa(tb.Number), "NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "(1)"} {
			if !strings.Contains(text, want) {
				t.Fatalf("PDF of %s lacks %q:\n%s", name, want, text)
			}
		}
		if !pdfLandscape(t, body) {
			t.Fatalf("PDF of %s is not A4 landscape", name)
		}
		totalLine := ""
		for _, line := range strings.Split(text, "\n") {
			if strings.Contains(line, "Tổng cộng") && (total.Line == "" || strings.Contains(line, total.Line)) {
				totalLine = line
			}
		}
		rest := totalLine
		for j, v := range total.Values {
			want := vntext.Grouped(int64(v), '.')
			if tb.Columns[j].Percent {
				want = vntext.Decimal(v, 2)
			}
			i := strings.Index(rest, want)
			if i < 0 {
				t.Fatalf("PDF of %s: total column (%d) %q not found in order in %q", name, j+1, want, totalLine)
			}
			rest = rest[i+len(want):]
		}
		// The page shows the same numbers, formatted the Vietnamese way.
		page := get(t, c, r.URL+"/reports?report="+name+"&"+q)
		rows := pageRowRE.FindAllStringSubmatch(page, -1)
		if len(rows) != len(tb.Rows) {
			t.Fatalf("%s: the page shows %d rows, the API %d", name, len(rows), len(tb.Rows))
		}
		for i, m := range rows {
			cells := pageCellRE.FindAllStringSubmatch(m[2], -1)
			if m[1] != tb.Rows[i].Kind || len(cells) != len(tb.Columns) {
				t.Fatalf("%s page row %d: %s", name, i, m[0])
			}
			for j, cell := range cells {
				shown, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(cell[1], ".", ""), ",", "."), 64)
				if err != nil || !sameNumber(shown, tb.Rows[i].Values[j], tb.Columns[j].Percent) {
					t.Fatalf("%s page row %d column (%d): %q, JSON %v", name, i, j+1, cell[1], tb.Rows[i].Values[j])
				}
			}
		}
		if !strings.Contains(page, `<th scope="col" class="num">(1)</th>`) {
			t.Fatalf("%s: the page has no numbered columns", name)
		}
	}
}

// TestReportsScope: a commune officer sees the reports and named lists of its commune
// only (403 for the province, another commune or another province); the named list
// is paged; a national user sees one row per province.
func TestReportsScope(t *testing.T) {
	r := MustRunServerWith(t, func(c *Config) { c.Provinces = "01,30,31" }, io.Discard)
	seedReportHouseholds(t, r)
	year := r.App.now().Year()
	r.MustAddUser(t, "xa.td", giamngheo.RoleCommuneOfficer, "10507")
	c := loginClient(t, r.URL, "xa.td", testPassword)
	for _, u := range []string{"/api/v1/reports/1?unit=31", "/api/v1/reports/1?unit=10804", "/api/v1/reports/15?unit=00004",
		"/api/v1/reports/danh-sach-ho-ngheo?unit=31", "/reports/download?report=15&format=csv&unit=10804"} {
		if code, b := getStatus(t, c, r.URL+u); code != http.StatusForbidden || bytes.Contains(b, []byte("Vũ Thị Năm")) {
			t.Errorf("%s as the officer of 10507: %d %s, want 403", u, code, b)
		}
	}
	// No unit: the officer's commune, villages as rows.
	tb := getTable(t, c, fmt.Sprintf("%s/api/v1/reports/1?period=%d", r.URL, year))
	if tb.Unit != "10507" || tb.RowLevel != "village" || tb.Rows[len(tb.Rows)-1].Values[2] != 2 {
		t.Fatalf("report 1 of the officer's commune: %+v", tb)
	}
	code, b := getStatus(t, c, r.URL+"/api/v1/reports/15")
	var l report.NamedList
	if code != 200 || json.Unmarshal(b, &l) != nil || l.Total != 2 || len(l.Households) != 2 || !bytes.Contains(b, []byte("Nguyễn Thị Một")) || bytes.Contains(b, []byte("Vũ Thị Năm")) {
		t.Fatalf("list 15 of 10507: %d %s", code, b)
	}
	if h := l.Households[0]; h.HeadName != "Nguyễn Thị Một" || len(h.Members) != 2 || !h.Members[0].Female || h.Members[0].BirthYear != "1968" || h.Members[1].Relation != "Con" || !h.New {
		t.Fatalf("list 15, first household: %+v", h)
	}
	csvBody := get(t, c, r.URL+"/reports/download?report=danh-sach-ho-can-ngheo&format=csv")
	if !strings.Contains(csvBody, "Lê Thị Ba") || strings.Contains(csvBody, "Nguyễn Thị Một") {
		t.Fatalf("list 14 of 10507 as CSV:\n%s", csvBody)
	}
	page := get(t, c, r.URL+"/reports?report=danh-sach-ho-ngheo")
	if !strings.Contains(page, `<b id="list-total">2</b>`) || !strings.Contains(page, "Trần Thị Hai") {
		t.Fatalf("the list page of 10507:\n%s", page)
	}

	// The province's list, one household a page: bounded pages of its scope.
	r.MustAddUser(t, "tinh.hp", giamngheo.RoleProvinceOfficer, "31")
	p := loginClient(t, r.URL, "tinh.hp", testPassword)
	_, b = getStatus(t, p, r.URL+"/api/v1/reports/15?limit=1&offset=2")
	l = report.NamedList{}
	if json.Unmarshal(b, &l) != nil || l.Total != 3 || len(l.Households) != 1 || l.Households[0].No != 3 || l.Households[0].HeadName != "Vũ Thị Năm" {
		t.Fatalf("list 15 of Hải Phòng, third page: %s", b)
	}
	_, b = getStatus(t, p, r.URL+"/api/v1/reports/15?limit=100000")
	if json.Unmarshal(b, &l) != nil || l.Limit != report.MaxListLimit || bytes.Contains(b, []byte("Hà Thị Bảy")) {
		t.Fatalf("list 15 of Hải Phòng, asked for 100000: %s", b)
	}
	if code, _ := getStatus(t, p, r.URL+"/reports/download?report=15&format=xlsx"); code != http.StatusBadRequest {
		t.Fatalf("a province's whole named list downloaded at once: %d, want 400 (per commune)", code)
	}

	// The nation: one row per province, for the national administrator.
	n := loginClient(t, r.URL, "admin", r.Password)
	tb = getTable(t, n, fmt.Sprintf("%s/api/v1/reports/1?period=%d", r.URL, year))
	byCode := map[string][]float64{}
	for _, row := range tb.Rows {
		byCode[row.Code+"/"+row.Kind] = row.Values
	}
	if tb.RowLevel != "province" || byCode["01/unit"][2] != 1 || byCode["31/unit"][2] != 3 || byCode["/total"][2] != 4 || byCode["/total"][0] != 7 {
		t.Fatalf("report 1 of the nation: %+v", tb.Rows)
	}
	if page := get(t, n, fmt.Sprintf("%s/reports?report=1&period=%d", r.URL, year)); !strings.Contains(page, "Thành phố Hà Nội") {
		t.Fatal("the national report page has no row for Hà Nội")
	}
}

// pdfLandscape says whether the first page of a PDF is wider than tall (pdfinfo).
func pdfLandscape(tb testing.TB, doc []byte) bool {
	tb.Helper()
	bin := testenv.Tool(tb, "apt-get install -y poppler-utils", "pdfinfo")
	f := filepath.Join(tb.TempDir(), "doc.pdf")
	os.WriteFile(f, doc, 0o644)
	out, err := exec.Command(bin, f).Output()
	if err != nil {
		tb.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`).FindStringSubmatch(string(out))
	if m == nil {
		tb.Fatalf("pdfinfo gives no page size:\n%s", out)
	}
	w, _ := strconv.ParseFloat(m[1], 64)
	h, _ := strconv.ParseFloat(m[2], 64)
	return w > h
}
