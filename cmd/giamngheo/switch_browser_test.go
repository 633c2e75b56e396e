package main

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"giamngheo/registry"

	"github.com/chromedp/chromedp"

	"giamngheo"
)

// exists reports whether the page has an element with the given id.
func exists(tb testing.TB, ctx context.Context, id string) bool {
	tb.Helper()
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById(`+"`"+id+"`"+`) !== null`))
	if err != nil {
		tb.Fatal(err)
	}
	return ok
}

// TestBrowserSurveyAcrossTheSwitch runs the same household through the survey at
// 23:59 on 31 December 2026 and on 2 January 2027 (Vietnam time), on a server whose
// clock is moved between the two, with the example B1 card configured: the first
// survey asks about information devices and offers the card (2022–2026); the second
// asks about waste treatment, offers no card (2027–2030 has no B1 line), and says the
// household needs a survey update until it is answered. A monthly income per person of
// 1.750.000 đ is above the 2022–2026 rural line and below the 2027–2030 one.
func TestBrowserSurveyAcrossTheSwitch(t *testing.T) {
	var now atomic.Int64
	set := func(s string) {
		at, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		now.Store(at.UnixNano())
	}
	set("2026-12-31T16:59:00Z") // 23:59 in Vietnam
	clock := func() time.Time { return time.Unix(0, now.Load()).In(giamngheo.Vietnam) }
	r := mustRunServerWith(t, clock, []func(*Config){func(c *Config) { c.Card = "example" }})
	r.MustAddUser(t, "xa.thanhha", giamngheo.RoleCommuneOfficer, "10813")
	ctx := MustBrowser(t)

	do(t, ctx, append(login(r.URL, "xa.thanhha", testPassword), chromedp.WaitVisible(chromedp.ID("home-title")))...)
	if !exists(t, ctx, "home-switch") {
		t.Fatal("31/12/2026: the home page must announce the 2027–2030 standard")
	}
	if n := text(t, ctx, "home-switch"); !strings.Contains(n, "01/01/2027") || !strings.Contains(n, "2.200.000") || !strings.Contains(strings.ToLower(n), "rác thải") {
		t.Fatalf("31/12/2026: the announcement lacks the date, the rural line or the new indicator: %q", n)
	}
	do(t, ctx, chromedp.Navigate(r.URL+"/households/new"), chromedp.WaitVisible(chromedp.ID("household-form")))
	if std := text(t, ctx, "hh-standard"); !strings.Contains(std, "2022-2026") {
		t.Fatalf("31/12/2026: the survey asks under %q, want 2022-2026", std)
	}
	if !exists(t, ctx, "hh-devices") || exists(t, ctx, "hh-waste") || !exists(t, ctx, "b1-example") {
		t.Fatalf("31/12/2026: want the device question and the example card, no waste question (devices %v, waste %v, card %v)",
			exists(t, ctx, "hh-devices"), exists(t, ctx, "hh-waste"), exists(t, ctx, "b1-example"))
	}
	do(t, ctx,
		chromedp.SendKeys(chromedp.ID("hh-code"), "TH-2027"),
		chromedp.SendKeys(chromedp.ID("m0-name"), "Trần Văn Bình"),
		chromedp.SetValue(chromedp.ID("m0-relation"), "head"), chromedp.SetValue(chromedp.ID("m0-sex"), "male"),
		chromedp.SetValue(chromedp.ID("m0-birth"), "1972-03-15"), chromedp.SetValue(chromedp.ID("m0-insurance"), "no"),
		chromedp.SetValue(chromedp.ID("m0-schooling"), "finished_lower_secondary"), chromedp.SetValue(chromedp.ID("m0-employment"), "self_employed"),
		chromedp.SendKeys(chromedp.ID("m1-name"), "Lê Thị Hoa"),
		chromedp.SetValue(chromedp.ID("m1-relation"), "spouse"), chromedp.SetValue(chromedp.ID("m1-sex"), "female"),
		chromedp.SetValue(chromedp.ID("m1-birth"), "1975-06-20"), chromedp.SetValue(chromedp.ID("m1-insurance"), "yes"),
		chromedp.SetValue(chromedp.ID("m1-schooling"), "finished_lower_secondary"), chromedp.SetValue(chromedp.ID("m1-employment"), "self_employed"),
		chromedp.SendKeys(chromedp.ID("hh-income"), "42000000"),
		chromedp.SetValue(chromedp.ID("hh-walls"), "yes"), chromedp.SetValue(chromedp.ID("hh-columns"), "yes"), chromedp.SetValue(chromedp.ID("hh-roof"), "yes"),
		chromedp.SendKeys(chromedp.ID("hh-area"), "40"),
		chromedp.SetValue(chromedp.ID("hh-water"), "surface"), chromedp.SetValue(chromedp.ID("hh-latrine"), "none"),
		chromedp.SetValue(chromedp.ID("hh-telecom"), "yes"),
		chromedp.Click(chromedp.CSS(`input[name="devices"][value="tv"]`)),
		chromedp.Click(chromedp.ID("household-save")), chromedp.WaitVisible(chromedp.ID("household-class")))
	if cls := text(t, ctx, "household-class"); cls != "Không thuộc hộ nghèo, hộ cận nghèo" {
		t.Fatalf("31/12/2026: class %q; 1.750.000 đ a month is above the 2022–2026 rural line", cls)
	}
	first := text(t, ctx, "classification")
	if !strings.Contains(first, "2022-2026") || exists(t, ctx, "survey-update") {
		t.Fatalf("31/12/2026: want a complete survey classified under 2022-2026:\n%s", first)
	}
	householdURL := location(t, ctx)
	// The announcement counts the commune's households that lack the waste answer and
	// links to them.
	do(t, ctx, chromedp.Navigate(r.URL+"/"), chromedp.WaitVisible(chromedp.ID("home-switch")))
	if n := text(t, ctx, "home-switch"); !strings.Contains(n, "(1 hộ)") {
		t.Fatalf("31/12/2026: the announcement must count the one household without a waste answer: %q", n)
	}
	if !exists(t, ctx, "switch-simulate") {
		t.Fatal("31/12/2026: the announcement must offer the simulation of the new standard")
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("#home-switch a.missing-answers")), chromedp.WaitVisible(chromedp.ID("household-list")))
	if list := text(t, ctx, "household-list"); !strings.Contains(list, "TH-2027") {
		t.Fatalf("the households without a waste answer: %q", list)
	}

	// Two days later, in 2027: the page says the result is under the old standard and
	// that the waste question is unanswered.
	set("2027-01-02T03:00:00Z") // 10:00 in Vietnam
	do(t, ctx, append(login(r.URL, "xa.thanhha", testPassword), chromedp.WaitVisible(chromedp.ID("home-title")))...)
	if exists(t, ctx, "home-switch") {
		t.Fatal("02/01/2027: the standard has changed; the home page must not announce it as coming")
	}
	do(t, ctx, chromedp.Navigate(householdURL), chromedp.WaitVisible(chromedp.ID("household-class")))
	if !exists(t, ctx, "standard-changed") || !exists(t, ctx, "survey-update") {
		t.Fatal("02/01/2027: the household page must say the standard changed and the survey needs an update")
	}
	if upd := text(t, ctx, "survey-update"); !strings.Contains(strings.ToLower(upd), "rác thải") || !strings.Contains(upd, "2027-2030") {
		t.Fatalf("02/01/2027: the survey update must name waste treatment under 2027-2030: %q", upd)
	}
	do(t, ctx, chromedp.Click(chromedp.ID("household-edit")), chromedp.WaitVisible(chromedp.ID("household-form")))
	if std := text(t, ctx, "hh-standard"); !strings.Contains(std, "2027-2030") {
		t.Fatalf("02/01/2027: the survey asks under %q, want 2027-2030", std)
	}
	if exists(t, ctx, "hh-devices") || !exists(t, ctx, "hh-waste") || exists(t, ctx, "b1-card") {
		t.Fatalf("02/01/2027: want the waste question, no device question and no score card (devices %v, waste %v, card %v)",
			exists(t, ctx, "hh-devices"), exists(t, ctx, "hh-waste"), exists(t, ctx, "b1-card"))
	}
	do(t, ctx, chromedp.SetValue(chromedp.ID("hh-waste"), "no"),
		chromedp.Click(chromedp.ID("household-save")), chromedp.WaitVisible(chromedp.ID("household-class")))
	if cls := text(t, ctx, "household-class"); cls != "Hộ nghèo" {
		t.Fatalf("02/01/2027: class %q, want Hộ nghèo (1.750.000 đ is at most the 2.200.000 đ rural line; four deprivations)", cls)
	}
	second := text(t, ctx, "classification")
	if !strings.Contains(second, "2027-2030") || exists(t, ctx, "survey-update") || exists(t, ctx, "standard-changed") {
		t.Fatalf("02/01/2027: want the survey complete and classified under 2027-2030:\n%s", second)
	}
	// The device answered in 2026 is kept, though no longer asked.
	found, _, err := r.App.reg.FindHouseholds(systemCtx(context.Background()), registry.HouseholdFilter{Query: "TH-2027"})
	if err != nil || len(found) != 1 {
		t.Fatalf("find TH-2027: %v, %d found", err, len(found))
	}
	h := found[0]
	if len(h.Survey.Devices) != 1 || h.Survey.WasteTreated == nil || *h.Survey.WasteTreated {
		t.Fatalf("stored answers after the 2027 edit: devices %v, waste %v", h.Survey.Devices, h.Survey.WasteTreated)
	}
}
