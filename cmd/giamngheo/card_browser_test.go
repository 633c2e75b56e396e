package main

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"giamngheo"
	"giamngheo/poverty"
)

// TestBrowserScoreCardSurvey: with the example B1 card configured, the survey form
// offers the card; a household scored with it is classified, and its page says the
// card is an example, not official. The card belongs to the 2022–2026 standard, so the
// scenario runs on a day of 2026 whatever the real date (the survey across the switch
// to 2027–2030, where no card is offered, is TestBrowserSurveyAcrossTheSwitch).
func TestBrowserScoreCardSurvey(t *testing.T) {
	r := MustRunServerAt(t, time.Date(2026, 10, 1, 9, 0, 0, 0, giamngheo.Vietnam), func(c *Config) { c.Card = "example" })
	r.MustAddUser(t, "xa.thanhha", giamngheo.RoleCommuneOfficer, "10813")
	ctx := MustBrowser(t)
	steps := append(login(r.URL, "xa.thanhha", testPassword), chromedp.WaitVisible(chromedp.ID("home-title")),
		chromedp.Navigate(r.URL+"/households/new"), chromedp.WaitVisible(chromedp.ID("b1-example")),
		chromedp.SendKeys(chromedp.ID("hh-code"), "TH-B1"),
		chromedp.SendKeys(chromedp.ID("m0-name"), "Lương Văn Quý"),
		chromedp.SetValue(chromedp.ID("m0-relation"), "head"), chromedp.SetValue(chromedp.ID("m0-sex"), "male"),
		chromedp.SetValue(chromedp.ID("m0-birth"), "1970-01-05"), chromedp.SetValue(chromedp.ID("m0-insurance"), "no"),
		chromedp.SetValue(chromedp.ID("hh-region"), "red_river_delta"))
	// One answer for every item of the card.
	for _, it := range poverty.ExampleScoreCard().Items {
		steps = append(steps, chromedp.SetValue(chromedp.ID("b1-"+it.Key), it.Answers[0].Key))
	}
	steps = append(steps, chromedp.Click(chromedp.ID("household-save")), chromedp.WaitVisible(chromedp.ID("household-class")))
	do(t, ctx, steps...)
	page, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("classification")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page, "VÍ DỤ") {
		t.Fatalf("a result from the example card must say so:\n%s", page)
	}
	if cls := text(t, ctx, "household-class"); cls == "" {
		t.Fatal("no class shown")
	}
}
