package demo

import (
	"testing"

	"giamngheo/poverty"
)

// The traits come out at plausible rates: a few per cent of households with a person
// of merit, every poor or near-poor household with a cause, households without labour
// capacity more frequent on the lists, ethnic-minority households in a mountain
// province and almost none in the delta.
func TestTraitRates(t *testing.T) {
	for _, c := range []struct {
		province           string
		ethnicLo, ethnicHi float64
		// In the delta the poor are mostly the old and the sick; in the mountains
		// young families are poor too, so the comparison holds in the delta only.
		labourOnLists bool
	}{{"31", 0, 0.02, true}, {"08", 0.3, 1, false}} {
		g, err := New(Config{Provinces: []string{c.province}, Households: 6000, Seed: 7, ReferenceDate: date(2025, 10, 1)})
		if err != nil {
			t.Fatal(err)
		}
		var n, merit, ethnic, female, listed, listedNoLabour, others, othersNoLabour float64
		for h, class := range g.WithTargets() {
			n++
			tr := h.Traits
			if tr.Merit {
				merit++
			}
			if tr.EthnicMinority {
				ethnic++
			}
			if tr.FemaleHead {
				female++
			}
			if class == poverty.Poor || class == poverty.NearPoor {
				listed++
				if len(tr.Causes) == 0 {
					t.Fatalf("%s: listed household without a cause", h.Code)
				}
				if tr.NoLabour {
					listedNoLabour++
				}
			} else {
				others++
				if len(tr.Causes) > 0 {
					t.Fatalf("%s: cause for a household off the lists", h.Code)
				}
				if tr.NoLabour {
					othersNoLabour++
				}
			}
		}
		if listed == 0 {
			t.Fatalf("%s: no listed household", c.province)
		}
		t.Logf("%s: merit %.3f ethnic %.3f female head %.3f no labour listed %.3f others %.3f", c.province, merit/n, ethnic/n, female/n, listedNoLabour/listed, othersNoLabour/others)
		if r := merit / n; r < 0.02 || r > 0.08 {
			t.Errorf("%s: merit share %.3f", c.province, r)
		}
		if r := ethnic / n; r < c.ethnicLo || r > c.ethnicHi {
			t.Errorf("%s: ethnic share %.3f", c.province, r)
		}
		if r := female / n; r < 0.05 || r > 0.6 {
			t.Errorf("%s: female head share %.3f", c.province, r)
		}
		if c.labourOnLists && listedNoLabour/listed <= othersNoLabour/others {
			t.Errorf("%s: no labour capacity not more frequent on the lists (%.0f/%.0f vs %.0f/%.0f)", c.province, listedNoLabour, listed, othersNoLabour, others)
		}
	}
}
