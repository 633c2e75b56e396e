package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	"giamngheo"
	"giamngheo/internal/testenv"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/review"
)

func ptr[T any](v T) *T { return &v }

// poorHouseholdOf is a household of the commune that the standard classifies poor:
// low income, and no health insurance, surface water and no latrine.
func poorHouseholdOf(commune, code, head string) *registry.Household {
	h := &registry.Household{Code: code, CommuneCode: commune, VillageName: "Tổ dân phố 3", HeadName: head,
		Survey: poverty.Household{Income12m: ptr(int64(30_000_000)), WaterSource: poverty.WaterSurface, Latrine: poverty.LatrineNone,
			HouseWallsDurable: ptr(true), HouseColumnsDurable: ptr(true), HouseRoofDurable: ptr(true), FloorAreaM2: ptr(40.0), Telecom: ptr(true),
			Devices: []poverty.Device{poverty.DeviceTV}}}
	h.Members = []registry.Member{
		{Member: poverty.Member{Name: head, Sex: poverty.Female, BirthDate: "1968-02-11", HealthInsurance: ptr(false),
			Schooling: poverty.SchoolingLowerSecondary, Employment: poverty.SelfEmployed}, Relation: registry.RelationHead, Ethnicity: "Kinh", NationalID: "030168004321"},
		{Member: poverty.Member{Name: "Vũ Văn Hải", Sex: poverty.Male, BirthDate: "1995-07-30", HealthInsurance: ptr(true),
			Schooling: poverty.SchoolingUpperSecondary, Employment: poverty.EmployedWithContract}, Relation: registry.RelationChild, Ethnicity: "Kinh"},
	}
	return h
}

// workingDaysBefore returns the day n working days before day on the calendar.
func workingDaysBefore(day time.Time, n int, cal *review.Calendar) time.Time {
	for n > 0 {
		day = day.AddDate(0, 0, -1)
		if cal.IsWorkingDay(day) {
			n--
		}
	}
	return day
}

func pdfText(tb testing.TB, pdf []byte) string {
	tb.Helper()
	bin := testenv.Tool(tb, "apt-get install -y poppler-utils", "pdftotext")
	f := filepath.Join(tb.TempDir(), "doc.pdf")
	os.WriteFile(f, pdf, 0o644)
	out, err := exec.Command(bin, "-layout", f, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// TestBrowserReviewRequestToCertificate follows one requesting household (Mẫu 01)
// through Phiếu A, Phiếu B, the village meeting, the posting and the decision to its
// certificate, as a commune officer on a phone-sized screen would.
func TestBrowserReviewRequestToCertificate(t *testing.T) {
	r := MustRunServer(t)
	r.MustAddUser(t, "xa.thanhdong", giamngheo.RoleCommuneOfficer, "10507")
	h := poorHouseholdOf("10507", "TD-0042", "Đào Thị Nguyệt")
	if err := r.App.reg.CreateHousehold(systemCtx(context.Background()), h); err != nil {
		t.Fatal(err)
	}
	// Every date comes from the product's clock (GIAMNGHEO_NOW on CI), and the posting
	// is dated far enough back in working days to be over today even across Tết.
	today := giamngheo.Today(r.App.now())
	roundStart, posted := scenarioRound(today, r.App.rev.Config)
	day := func(n int) string { return posted.AddDate(0, 0, n).Format(giamngheo.DateLayout) }

	ctx := MustBrowser(t)
	// The round whose window holds the request, the meeting and the posting.
	do(t, ctx, append(append(login(r.URL, "xa.thanhdong", testPassword), chromedp.WaitVisible(chromedp.ID("home-title"))),
		openRegularRound(r.URL, roundStart)...)...)
	if counts := text(t, ctx, "status-counts"); strings.Contains(counts, "Hộ nghèo") {
		t.Fatalf("the commune has no recognised household yet: %s", counts)
	}
	if exists(t, ctx, "decision-pdf") {
		t.Fatal("a round without a decision must not offer the decision PDF")
	}
	do(t, ctx, chromedp.SetValue(chromedp.ID("request-received"), day(-2)),
		chromedp.Click(chromedp.ID("request-submit")), chromedp.WaitVisible(chromedp.ID("case-state")))
	if st := text(t, ctx, "case-state"); st != review.StateRequested.Label() {
		t.Fatalf("state after the request: %q, want %q", st, review.StateRequested.Label())
	}
	// Phiếu A, then Phiếu B.
	do(t, ctx, chromedp.Click(chromedp.ID("do-screen")), chromedp.WaitVisible(chromedp.ID("do-survey")),
		chromedp.Click(chromedp.ID("do-survey")), chromedp.WaitVisible(chromedp.ID("case-explanation")))
	if p := text(t, ctx, "case-proposed"); p != "Hộ nghèo" {
		t.Fatalf("proposed class %q, want Hộ nghèo", p)
	}
	// The village meeting, then the posting ten days ago (with the reason of the delay
	// when the round's deadline has passed).
	do(t, ctx, chromedp.SetValue(chromedp.ID("meeting-date"), day(-1)),
		chromedp.SendKeys(chromedp.ID("meeting-attendees"), "32"), chromedp.SendKeys(chromedp.ID("meeting-agree"), "30"),
		chromedp.SendKeys(chromedp.ID("meeting-chair"), "Lê Văn Tám"), chromedp.SendKeys(chromedp.ID("meeting-secretary"), "Ngô Thị Hạnh"))
	fillLateReason(t, ctx, "hold_meeting")
	do(t, ctx, chromedp.Click(chromedp.ID("do-hold_meeting")), chromedp.WaitVisible(chromedp.ID("do-post")),
		chromedp.SetValue(chromedp.ID("posted-on-post"), day(0)))
	fillLateReason(t, ctx, "post")
	do(t, ctx, chromedp.Click(chromedp.ID("do-post")), chromedp.WaitVisible(chromedp.ID("do-decide")))
	fillLateReason(t, ctx, "decide")
	do(t, ctx, chromedp.Click(chromedp.ID("do-decide")), chromedp.WaitVisible(chromedp.ID("certificate-pdf")))
	if f := text(t, ctx, "case-final"); f != "Hộ nghèo" {
		t.Fatalf("recognised class %q, want Hộ nghèo", f)
	}
	// The commune's counts now hold the household and its two members.
	do(t, ctx, chromedp.Click(chromedp.CSS(`a[href^="/review/rounds/"]`)), chromedp.WaitVisible(chromedp.ID("status-counts")))
	if counts := text(t, ctx, "status-counts"); !strings.Contains(counts, "Hộ nghèo\t1\t2") && !strings.Contains(counts, "Hộ nghèo 1 2") {
		t.Fatalf("commune counts after the decision: %q", counts)
	}
	if !exists(t, ctx, "decision-pdf") {
		t.Fatal("after the decision the round must offer the decision PDF")
	}

	// The documents carry the head's name as text.
	c := loginClient(t, r.URL, "xa.thanhdong", testPassword)
	for _, path := range []string{"certificate.pdf", "minutes.pdf"} {
		resp, err := c.Get(r.URL + "/review/cases/1/" + path)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("%s: %v %v", path, err, resp)
		}
		body, _ := io.ReadAll(resp.Body)
		if txt := pdfText(t, body); !strings.Contains(txt, "Đào Thị Nguyệt") {
			t.Fatalf("%s text lacks the head's name:\n%s", path, txt)
		}
	}
	resp, err := c.Get(r.URL + "/review/rounds/1/decision.xlsx")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("decision.xlsx: %v %v", err, resp)
	}
	xb, _ := io.ReadAll(resp.Body)
	if !strings.Contains(xlsxText(t, xb, "Hộ nghèo"), "Đào Thị Nguyệt") {
		t.Fatal("the editable list of the decision lacks the household")
	}
	for _, path := range []string{"posting.pdf", "decision.pdf"} {
		resp, err := c.Get(r.URL + "/review/rounds/1/" + path)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("%s: %v %v", path, err, resp)
		}
		body, _ := io.ReadAll(resp.Body)
		if txt := pdfText(t, body); !strings.Contains(txt, "Đào Thị Nguyệt") || strings.Contains(txt, "030168004321") {
			t.Fatalf("%s: the public list must name the head and not show the national ID:\n%s", path, txt)
		}
	}
}

func xlsxText(tb testing.TB, b []byte, sheet string) string {
	tb.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, "\t"))
	}
	return strings.Join(out, "\n")
}
