package demo

import (
	"giamngheo/poverty"
	"giamngheo/registry"
)

// traits fills the household traits an officer enters (registry.Traits: person of
// merit, causes of poverty, needs for support) from the commune's livelihood stream,
// and derives the others from the members as the registry does on the reference date.
// All shares are SYNTHETIC, chosen to be plausible: about 4 % of households have a
// person of merit (more in the north, where the wars were fought longest); poor and
// near-poor households give one to three causes, lack of capital the most frequent,
// as the provincial reports of the programme usually show; a household off the lists
// records no cause and, rarely, a need.
func (cg *communeGen) traits(h *registry.Household, target poverty.Class) {
	r := cg.lr
	t := &h.Traits
	north := cg.c.prov.mountain
	t.Merit = r.chance(choose(north, 0.06, 0.04))
	poorish := target == poverty.Poor || target == poverty.NearPoor
	if poorish {
		causes := []struct {
			c registry.Cause
			p float64
		}{
			{registry.CauseLand, 0.25}, {registry.CauseCapital, 0.6}, {registry.CauseLabour, 0.3}, {registry.CauseTools, 0.1},
			{registry.CauseKnowledge, 0.2}, {registry.CauseSkills, 0.2}, {registry.CauseIllness, 0.3}, {registry.CauseOther, 0.05},
		}
		for _, c := range causes {
			if r.chance(c.p) && len(t.Causes) < 3 {
				t.Causes = append(t.Causes, c.c)
			}
		}
		if len(t.Causes) == 0 {
			t.Causes = []registry.Cause{registry.CauseCapital}
		}
	}
	needs := []struct {
		n    string
		p, q float64 // poor or near-poor, others
	}{
		{"capital", 0.65, 0.03}, {"jobs", 0.3, 0.01}, {"training", 0.25, 0.01}, {"housing", 0.15, 0},
		{"water", 0.08, 0}, {"health", 0.2, 0.005}, {"education", 0.15, 0.005}, {"other", 0.05, 0},
	}
	for _, n := range needs {
		if r.chance(choose(poorish, n.p, n.q)) {
			t.Needs = append(t.Needs, registry.Need(n.n))
		}
	}
	registry.DefaultTraitRules.DeriveTraits(h, cg.g.cfg.ReferenceDate)
}
