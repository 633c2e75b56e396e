package demo

import (
	"giamngheo/poverty"
	"giamngheo/registry"
)

// person is a member before answers are filled in.
type person struct {
	rel      registry.Relation
	sex      poverty.Sex
	age      int // completed years on the reference date
	disabled bool
	family   string
}

// profile says which SYNTHETIC family and deprivation patterns to draw from.
type profile int

const (
	profileGeneral  profile = iota // households above the line, everywhere
	profileDelta                   // poor and near-poor in the deltas and cities: often elderly, alone, disabled
	profileMountain                // poor and near-poor in mountain and highland provinces: large young families
)

// Household sizes (1–9 persons), SYNTHETIC distributions. The general one has a mean
// of about 3.5 (the Red River Delta); the mountain one is larger.
var (
	sizesGeneral  = newTable([]weighted[int]{{1, 10}, {2, 20}, {3, 21}, {4, 26}, {5, 13}, {6, 6}, {7, 2.5}, {8, 0.9}, {9, 0.6}})
	sizesLarge    = newTable([]weighted[int]{{1, 5}, {2, 13}, {3, 19}, {4, 27}, {5, 18}, {6, 10}, {7, 5}, {8, 2}, {9, 1}})
	sizesDelta    = newTable([]weighted[int]{{1, 35}, {2, 30}, {3, 14}, {4, 11}, {5, 6}, {6, 3}, {7, 1}})
	sizesMountain = newTable([]weighted[int]{{1, 4}, {2, 10}, {3, 15}, {4, 22}, {5, 20}, {6, 14}, {7, 8}, {8, 4}, {9, 3}})
)

// family draws the members of a household of size n, head first, with ages and
// relations consistent with one family.
func family(r rng, n int, prof profile, fam func() string) []person {
	ps := make([]person, 0, n)
	add := func(rel registry.Relation, sex poverty.Sex, age int, family string) {
		ps = append(ps, person{rel: rel, sex: sex, age: max(age, 0), family: family})
	}
	sexOf := func(pMale float64) poverty.Sex {
		if r.chance(pMale) {
			return poverty.Male
		}
		return poverty.Female
	}
	// children adds k children of a mother aged m (or father when no mother), with the
	// given relation and family name.
	children := func(k, parentAge int, rel registry.Relation, family string) {
		age := parentAge - r.between(20, 32)
		for i := 0; i < k; i++ {
			add(rel, sexOf(0.51), min(age, parentAge-16), family)
			age -= r.between(1, 5)
			if age < 0 {
				age = r.between(0, 1)
			}
		}
	}
	// couple adds the head and a spouse; it returns the wife's age and the lineage
	// family name (the husband's).
	couple := func(headAge int) (int, string) {
		hs := sexOf(0.8)
		h := fam()
		add(registry.RelationHead, hs, headAge, h)
		sp := fam()
		if hs == poverty.Male {
			wa := max(headAge-r.between(0, 6), 18)
			add(registry.RelationSpouse, poverty.Female, wa, sp)
			return wa, h
		}
		add(registry.RelationSpouse, poverty.Male, headAge+r.between(0, 6), sp)
		return headAge, sp
	}

	elderly := 0.5
	if prof == profileDelta {
		elderly = 0.85
	}
	switch {
	case n == 1:
		if r.chance(elderly) {
			add(registry.RelationHead, sexOf(0.32), r.between(60, 92), fam())
		} else {
			add(registry.RelationHead, sexOf(0.55), r.between(22, 59), fam())
		}
	case n == 2:
		x := r.Float64()
		switch {
		case x < elderly*0.6:
			couple(r.between(60, 88))
		case x < elderly*0.6+0.2:
			// An elderly parent with an adult child (often the one cared for).
			h := fam()
			s := sexOf(0.35)
			age := r.between(62, 88)
			add(registry.RelationHead, s, age, h)
			c := h
			if s == poverty.Female {
				c = fam()
			}
			add(registry.RelationChild, sexOf(0.5), age-r.between(22, 38), c)
		case x < elderly*0.6+0.45:
			couple(r.between(22, 59))
		default:
			h := fam()
			age := r.between(25, 55)
			add(registry.RelationHead, sexOf(0.25), age, h)
			children(1, age, registry.RelationChild, h)
		}
	default:
		x := r.Float64()
		skip := 0.05
		if prof == profileDelta {
			skip = 0.3
		}
		switch {
		case x < skip:
			// Grandparents raising grandchildren.
			age := r.between(58, 80)
			k := n - 1
			var line string
			if r.chance(0.6) {
				_, line = couple(age)
				k = n - 2
			} else {
				line = fam()
				add(registry.RelationHead, sexOf(0.3), age, line)
			}
			children(k, age-r.between(20, 30), registry.RelationGrandchild, line)
		case x < skip+0.25 && n >= 4:
			// Three generations down: older head, a married son, grandchildren.
			age := r.between(50, 75)
			wife, line := couple(age)
			sonAge := wife - r.between(20, 30)
			add(registry.RelationChild, poverty.Male, sonAge, line)
			dil := max(sonAge-r.between(0, 5), 18)
			add(registry.RelationChildInLaw, poverty.Female, dil, fam())
			children(n-4, dil, registry.RelationGrandchild, line)
		case x < skip+0.45:
			// Three generations up: a couple with children and one or two parents.
			age := r.between(28, 55)
			wife, line := couple(age)
			parents := 1
			if n >= 5 && r.chance(0.4) {
				parents = 2
			}
			k := n - 2 - parents
			if k < 0 {
				parents, k = n-2, 0
			}
			pa := ps[0].age + r.between(22, 32)
			if parents == 2 {
				add(registry.RelationParent, poverty.Male, min(pa+r.between(0, 5), 98), ps[0].family)
				add(registry.RelationParent, poverty.Female, min(pa, 96), fam())
			} else if parents == 1 {
				add(registry.RelationParent, sexOf(0.3), min(pa, 96), ps[0].family)
			}
			children(k, wife, registry.RelationChild, line)
		case x < skip+0.55 && n <= 5:
			// One parent with children.
			s := sexOf(0.25)
			age := r.between(28, 58)
			h := fam()
			add(registry.RelationHead, s, age, h)
			children(n-1, age, registry.RelationChild, h)
		default:
			wife, line := couple(r.between(25, 60))
			children(n-2, wife, registry.RelationChild, line)
		}
	}
	return ps
}
