package demo

import "testing"

func TestExplore2(t *testing.T) {
	var all []string
	for _, p := range provinces {
		all = append(all, p.code)
	}
	g, err := New(Config{Provinces: all, Households: 300000, Seed: 1, ReferenceDate: date(2022, 10, 1)})
	if err != nil {
		t.Fatal(err)
	}
	type acc struct{ n, poor, near float64 }
	m := map[string]*acc{}
	for _, c := range g.Communes() {
		if c.Region != dbsh {
			continue
		}
		a := m[c.ProvinceCode]
		if a == nil {
			a = &acc{}
			m[c.ProvinceCode] = a
		}
		a.n += float64(c.Households)
		a.poor += float64(c.Households) * c.PoorRate
		a.near += float64(c.Households) * c.NearPoorRate
	}
	for k, a := range m {
		t.Logf("%s n=%.0f poor=%.3f near=%.3f", k, a.n, 100*a.poor/a.n, 100*a.near/a.n)
	}
}

func TestExplore3(t *testing.T) {
	var all []string
	for _, p := range provinces {
		all = append(all, p.code)
	}
	for _, seed := range []int64{1, 2, 3} {
		g, _ := New(Config{Provinces: all, Households: 300000, Seed: seed, ReferenceDate: date(2022, 10, 1)})
		var n, poor, exp float64
		for _, c := range g.Communes() {
			if c.Region == dbsh {
				exp += float64(c.Households) * c.PoorRate
			}
		}
		for h, target := range g.WithTargets() {
			if RegionOf(h.ProvinceCode) != dbsh {
				continue
			}
			n++
			if target == "poor" {
				poor++
			}
		}
		t.Logf("seed %d n=%.0f poor=%.0f expected=%.1f", seed, n, poor, exp)
	}
}
