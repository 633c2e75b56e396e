package demo

import (
	"testing"
	"time"
)

func TestExplore(t *testing.T) {
	start := time.Now()
	res := classifySample(t, Config{Provinces: []string{"30"}, Households: 200000, Seed: 1, ReferenceDate: date(2022, 10, 1)}, nil)
	t.Logf("HD2022 %v: n=%d poor=%.3f near=%.3f mismatches=%d %s", time.Since(start), res.all.n, res.all.poorPct(), res.all.nearPct(), res.mismatches, res.firstBad)
	start = time.Now()
	res = classifySample(t, Config{Provinces: []string{"30"}, Households: 200000, Seed: 1, ReferenceDate: date(2024, 10, 1)}, nil)
	t.Logf("HD2024 %v: n=%d poor=%.3f near=%.3f mismatches=%d %s", time.Since(start), res.all.n, res.all.poorPct(), res.all.nearPct(), res.mismatches, res.firstBad)
	for d, x := range res.byDistrict {
		t.Logf("  %s n=%d poor=%.3f near=%.3f", d, x.n, x.poorPct(), x.nearPct())
	}
}
