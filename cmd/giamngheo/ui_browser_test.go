package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeSource is axe-core (MPL-2.0), vendored for the tests only: see testdata/axe.
//
//go:embed testdata/axe/axe.min.js
var axeSource string

// maxPageWeight bounds a page: its HTML, style sheets and scripts, before compression.
const maxPageWeight = 100 << 10

// Viewports of the UI checks: a phone and a desktop.
const (
	phoneWidth   = 390
	desktopWidth = 1280
)

// setViewport sizes the page as a phone or a desktop screen.
func setViewport(tb testing.TB, ctx context.Context, width int) {
	tb.Helper()
	height := int64(844)
	if width > 600 {
		height = 900
	}
	do(tb, ctx, chromedp.EmulateViewport(int64(width), height))
}

type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// mustPassAxe runs axe-core on the page and fails on any serious or critical
// violation (WCAG 2.1 A and AA rules and best practices).
func mustPassAxe(tb testing.TB, ctx context.Context) {
	tb.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof axe === "object" || (function(){`+axeSource+`
;return true})()`)); err != nil {
		tb.Fatalf("inject axe-core: %v", err)
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(
		r.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v => ({id: v.id, impact: v.impact, help: v.help,
		nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + (n.failureSummary || "").replace(/\s+/g, " "))}))))`, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.Fatalf("run axe-core: %v", err)
	}
	var vs []axeViolation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		tb.Fatalf("axe-core result: %v", err)
	}
	if len(vs) > 0 {
		var b strings.Builder
		for _, v := range vs {
			fmt.Fprintf(&b, "\n  [%s] %s: %s", v.Impact, v.ID, v.Help)
			for _, n := range v.Nodes {
				fmt.Fprintf(&b, "\n      %s", n)
			}
		}
		tb.Errorf("%s: axe-core finds %d serious or critical violations:%s", location(tb, ctx), len(vs), b.String())
	}
}

// mustFitViewport fails when the page scrolls sideways or an element is wider than
// the viewport (an element of a sideways-scrolling box is allowed: it is inside).
func mustFitViewport(tb testing.TB, ctx context.Context) {
	tb.Helper()
	wide, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
		const w = document.documentElement.clientWidth, out = [];
		if (document.documentElement.scrollWidth > w) out.push("document scrollWidth " + document.documentElement.scrollWidth + " > " + w);
		for (const el of document.body.querySelectorAll("*")) {
			const r = el.getBoundingClientRect();
			if (r.width === 0 || r.right <= w + 1) continue;
			let p = el.parentElement, clipped = false;
			for (; p && p !== document.body; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === "auto" || o === "scroll" || o === "hidden") { clipped = true; break; } }
			if (clipped || getComputedStyle(el).position === "absolute") continue;
			out.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : "") + " right=" + Math.round(r.right));
			if (out.length > 8) break;
		}
		return out;
	})()`))
	if err != nil {
		tb.Fatal(err)
	}
	if len(wide) > 0 {
		tb.Errorf("%s: wider than the viewport:\n  %s", location(tb, ctx), strings.Join(wide, "\n  "))
	}
}

// mustBeLight fails when the page, its style sheets and scripts weigh more than
// maxPageWeight before compression.
func mustBeLight(tb testing.TB, ctx context.Context) {
	tb.Helper()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(() => {
		let n = 0;
		for (const e of performance.getEntriesByType("navigation")) n += e.decodedBodySize;
		for (const e of performance.getEntriesByType("resource")) n += e.decodedBodySize;
		return n;
	})()`))
	if err != nil {
		tb.Fatal(err)
	}
	if n > maxPageWeight || n == 0 {
		tb.Errorf("%s: page weight %.0f bytes, want 1 to %d", location(tb, ctx), n, maxPageWeight)
	}
}

// screenshotDir is where the UI checks write their screenshots: GIAMNGHEO_SCREENSHOTS,
// else a temporary directory of the test.
func screenshotDir(tb testing.TB) string {
	tb.Helper()
	if d := os.Getenv("GIAMNGHEO_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			tb.Fatal(err)
		}
		return d
	}
	return tb.TempDir()
}

// uiCheck checks the page shown at a width: it fits, it is light, it passes axe-core
// (when axe is true), and a full-page screenshot is kept as name-<width>.png.
type uiCheck struct {
	tb  testing.TB
	ctx context.Context
	dir string
}

func (c *uiCheck) page(name string, width int, axe bool) {
	c.tb.Helper()
	mustFitViewport(c.tb, c.ctx)
	mustBeLight(c.tb, c.ctx)
	if axe {
		mustPassAxe(c.tb, c.ctx)
	}
	png, err := chromedp.Run(c.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		c.tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(c.dir, fmt.Sprintf("%s-%d.png", name, width)), png, 0o644); err != nil {
		c.tb.Fatal(err)
	}
}

// at opens path at both widths and checks it at each; axe runs at both on home pages
// and at the phone width elsewhere (the same markup, so the same findings, but for
// the layout rules).
func (c *uiCheck) at(base, path, name, waitID string, axeDesktop bool) {
	c.tb.Helper()
	for _, w := range []int{phoneWidth, desktopWidth} {
		setViewport(c.tb, c.ctx, w)
		do(c.tb, c.ctx, chromedp.Navigate(base+path), chromedp.WaitVisible(chromedp.ID(waitID)))
		c.page(name, w, w == phoneWidth || axeDesktop)
	}
}

// failRecorder is a testing.TB that records failures instead of failing, to check
// that the checks above can fail.
type failRecorder struct {
	testing.TB
	failed bool
}

func (f *failRecorder) Errorf(format string, args ...any) { f.failed = true }
func (f *failRecorder) Fatalf(format string, args ...any) {
	f.failed = true
	f.TB.Fatalf(format, args...)
}

// mustCatchBadPage checks that the checks fail on a page built to fail them: a field
// without a label, grey text on white and a box wider than a phone.
func mustCatchBadPage(tb testing.TB, ctx context.Context) {
	tb.Helper()
	setViewport(tb, ctx, phoneWidth)
	do(tb, ctx, chromedp.Navigate(`data:text/html,<html><head><title>x</title></head><body><main><h1>x</h1><input type="text"><p style="color:%23ccc">faint</p><div style="width:800px">wide</div></main></body></html>`))
	axe, fit := &failRecorder{TB: tb}, &failRecorder{TB: tb}
	mustPassAxe(axe, ctx)
	mustFitViewport(fit, ctx)
	if !axe.failed || !fit.failed {
		tb.Fatalf("the checks must fail on a bad page: axe failed %v, viewport check failed %v", axe.failed, fit.failed)
	}
}

// designShot is one component of docs/design.md: where to find it on a page.
type designShot struct{ name, path, selector string }

// mustShootDesign writes a PNG of each component to GIAMNGHEO_DESIGN_SHOTS (the
// docs/design directory when the documentation is refreshed); without it, nothing.
func mustShootDesign(tb testing.TB, ctx context.Context, base string, shots []designShot) {
	tb.Helper()
	dir := os.Getenv("GIAMNGHEO_DESIGN_SHOTS")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	setViewport(tb, ctx, phoneWidth)
	for _, s := range shots {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+s.path), chromedp.WaitVisible(chromedp.CSS(s.selector))); err != nil {
			tb.Fatalf("design shot %s: %v", s.name, err)
		}
		png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(s.selector)))
		if err != nil {
			tb.Fatalf("design shot %s: %v", s.name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, s.name+".png"), png, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}
