package demo

import (
	"giamngheo/poverty"
	"giamngheo/registry"
)

// livelihood fills the land, livestock and monthly social allowances of h, which the
// poverty rules do not read. It draws from the commune's own livelihood stream (lr),
// never from the stream of the answers, so the households' classes and every other
// answer are what they would be without it. All shares and sizes are SYNTHETIC
// (a sào of the north is 360 m²).
func (cg *communeGen) livelihood(h *registry.Household, ps []person, target poverty.Class, prof profile) {
	r := cg.lr
	poorish := target == poverty.Poor || target == poverty.NearPoor
	mountain := prof == profileMountain || cg.c.prov.mountain
	for i, x := range ps {
		m := &h.Members[i]
		switch {
		case x.disabled:
			// Everyone the generator marks disabled receives the disability allowance
			// (poverty.Member.DisabilityAllowance); the registry records its kind.
			m.SocialAllowance = registry.AllowanceDisability
		case x.age >= 80 && r.chance(0.85):
			m.SocialAllowance = registry.AllowanceElderly
		case x.age >= 60 && poorish && r.chance(0.25):
			m.SocialAllowance = registry.AllowanceElderly
		case x.age < 16 && poorish && r.chance(0.01):
			m.SocialAllowance = registry.AllowanceChild
		}
	}
	if !h.Survey.FarmHousehold {
		return
	}
	l := &h.Livelihood
	sao := 360.0
	lo, hi := 2, 10
	if poorish {
		lo, hi = 1, 5
	}
	if mountain {
		lo, hi = lo*2, hi*3
	}
	l.AnnualCropLandM2 = ptr(float64(r.between(lo, hi)) * sao)
	if r.chance(choose(mountain, 0.45, 0.25)) {
		l.PerennialCropLandM2 = ptr(float64(r.between(1, 8)) * sao)
	}
	if !mountain && r.chance(0.15) {
		l.AquacultureM2 = ptr(float64(r.between(100, 2000)))
	}
	if mountain && r.chance(0.4) {
		l.ForestLandM2 = ptr(float64(r.between(5, 60) * 1000))
	}
	l.Cattle = ptr(0)
	if r.chance(choose(mountain, 0.55, 0.12)) {
		*l.Cattle = r.between(1, choose(poorish, 2, 5))
	}
	l.Pigs = ptr(0)
	if r.chance(0.45) {
		*l.Pigs = r.between(1, choose(poorish, 4, 20))
	}
	l.Poultry = ptr(0)
	if r.chance(0.8) {
		*l.Poultry = r.between(5, choose(poorish, 30, 120))
	}
}

func ptr[T any](v T) *T { return &v }
