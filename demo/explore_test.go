package demo

import (
	"testing"
	"time"
)

func TestExplore(t *testing.T) {
	start := time.Now()
	var all []string
	for _, p := range provinces {
		all = append(all, p.code)
	}
	res := classifySample(t, Config{Provinces: all, Households: 300000, Seed: 1, ReferenceDate: date(2022, 10, 1)}, nil)
	t.Logf("VN2022 %v: n=%d poor=%.3f near=%.3f mismatches=%d %s", time.Since(start), res.all.n, res.all.poorPct(), res.all.nearPct(), res.mismatches, res.firstBad)
	for d, x := range res.byRegion {
		t.Logf("  %s n=%d poor=%.3f near=%.3f tot=%.3f", d, x.n, x.poorPct(), x.nearPct(), x.poorPct()+x.nearPct())
	}
	start = time.Now()
	res = classifySample(t, Config{Provinces: []string{"31", "08"}, Households: 50000, Seed: 1, ReferenceDate: date(2027, 10, 1)}, nil)
	t.Logf("2027 %v: n=%d poor=%.3f near=%.3f mismatches=%d %s", time.Since(start), res.all.n, res.all.poorPct(), res.all.nearPct(), res.mismatches, res.firstBad)
	res = classifySample(t, Config{Provinces: []string{"31", "08"}, Households: 50000, Seed: 1, ReferenceDate: date(2025, 10, 1)}, nil)
	t.Logf("2025 %v: n=%d poor=%.3f near=%.3f mismatches=%d %s", time.Since(start), res.all.n, res.all.poorPct(), res.all.nearPct(), res.mismatches, res.firstBad)
}
