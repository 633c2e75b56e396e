package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"giamngheo"
	"giamngheo/poverty"
)

// TestBrowserScoreCardSurvey: with the example B1 card configured, the survey form
// offers the card; a household scored with it is classified, and its page says the
// card is an example, not official.
func TestBrowserScoreCardSurvey(t *testing.T) {
	c := DefaultConfig()
	c.Addr, c.DB, c.DemoHouseholds, c.Card = "127.0.0.1:0", filepath.Join(t.TempDir(), "card.db"), 0, "example"
	var out bytes.Buffer
	srv, a, err := start(context.Background(), c, slog.New(slog.NewTextHandler(io.Discard, nil)), &out)
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve()
	t.Cleanup(func() { srv.Shutdown(context.Background()); a.store.Close() })
	r := &running{URL: "http://" + srv.Addr(), App: a}
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
