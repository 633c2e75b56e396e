package demo

import (
	"testing"
	"time"

	"giamngheo/poverty"
	"giamngheo/registry"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// tally counts classes by province, region and district.
type tally struct {
	n, poor, near int
}

func (t *tally) add(c poverty.Class) {
	t.n++
	switch c {
	case poverty.Poor:
		t.poor++
	case poverty.NearPoor:
		t.near++
	}
}

func (t tally) poorPct() float64 { return 100 * float64(t.poor) / float64(t.n) }
func (t tally) nearPct() float64 { return 100 * float64(t.near) / float64(t.n) }

// result is what classifying a generated sample gives.
type result struct {
	all        tally
	byRegion   map[poverty.Region]*tally
	byDistrict map[string]*tally
	mismatches int // class differs from the target (middle counts as not poor)
	firstBad   string
}

// classifySample generates cfg and classifies every household with poverty.Classify
// under the standard in force and the area of its commune.
func classifySample(tb testing.TB, cfg Config, each func(*registry.Household)) result {
	tb.Helper()
	g, err := New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	communes := map[string]Commune{}
	for _, c := range g.Communes() {
		communes[c.Code] = c
	}
	res := result{byRegion: map[poverty.Region]*tally{}, byDistrict: map[string]*tally{}}
	for h, target := range g.WithTargets() {
		c := communes[h.CommuneCode]
		r, err := poverty.Classify(h.Answers(), g.Standard(), c.Area, cfg.ReferenceDate, nil)
		if err != nil {
			tb.Fatalf("%s: %v", h.Code, err)
		}
		class := r.Class
		if class == poverty.Middle {
			class = poverty.NotPoor
		}
		if class != target {
			res.mismatches++
			if res.firstBad == "" {
				res.firstBad = h.Code + ": target " + string(target) + ", classified " + string(class)
			}
		}
		res.all.add(class)
		if res.byRegion[c.Region] == nil {
			res.byRegion[c.Region] = &tally{}
		}
		res.byRegion[c.Region].add(class)
		if res.byDistrict[c.DistrictCode] == nil {
			res.byDistrict[c.DistrictCode] = &tally{}
		}
		res.byDistrict[c.DistrictCode].add(class)
		if each != nil {
			each(h)
		}
	}
	return res
}
