package demo

import (
	"math"
	"strconv"
	"time"

	"giamngheo/poverty"
	"giamngheo/registry"
)

// communeGen is the state of the generation of one commune.
type communeGen struct {
	g      *Generator
	c      *Commune
	r      rng
	lr     rng      // land, livestock and social allowances (livelihood.go)
	recent []string // recent national IDs, to copy a few as duplicates
	ids    idSerials
}

// commune generates the households of c. It returns false when yield asks to stop.
func (g *Generator) commune(c *Commune, ids idSerials, yield func(*registry.Household, poverty.Class) bool) bool {
	n := c.Households
	if n == 0 {
		return true
	}
	cg := &communeGen{g: g, c: c, r: newRNG(g.cfg.Seed, "households/"+c.Code), lr: newRNG(g.cfg.Seed, "livelihood/"+c.Code), ids: ids}
	r := cg.r
	poorLeft, nearLeft := c.Poor, c.NearPoor
	left := n

	weights := make([]float64, len(c.Villages))
	for i := range weights {
		weights[i] = 0.6 + 0.8*r.Float64()
	}
	counts := apportion(n, weights)
	for v, cnt := range counts {
		for seq := 1; seq <= cnt; seq++ {
			target := poverty.NotPoor
			switch x := r.IntN(left); {
			case x < poorLeft:
				target = poverty.Poor
				poorLeft--
			case x < poorLeft+nearLeft:
				target = poverty.NearPoor
				nearLeft--
			}
			left--
			h := cg.household(v, seq, target)
			if !yield(h, target) {
				return false
			}
		}
	}
	return true
}

// household generates one household of village v with sequence number seq, built to
// have class target.
func (cg *communeGen) household(v, seq int, target poverty.Class) *registry.Household {
	r, c, p := cg.r, cg.c, cg.c.prov
	poorish := target == poverty.Poor || target == poverty.NearPoor

	// Ethnicity: minorities are over-represented among the poor (SYNTHETIC: three
	// times the province share, capped), and correspondingly fewer among the others so
	// that the province's overall share is kept.
	eth := "Kinh"
	if !p.ethnic.none {
		share := p.ethnic.share
		rate := c.PoorRate + c.NearPoorRate
		boosted := math.Min(0.95, 3*share)
		if !poorish && rate < 1 {
			share = math.Max(0, (share-rate*boosted)/(1-rate))
		} else if poorish {
			share = boosted
		}
		if r.chance(share) {
			eth = p.ethnic.minorities.draw(r)
		}
	}
	prof := profileGeneral
	switch {
	case poorish && (p.mountain || eth != "Kinh"):
		prof = profileMountain
	case poorish:
		prof = profileDelta
	}
	var size int
	switch {
	case prof == profileDelta:
		size = sizesDelta.draw(r)
	case prof == profileMountain:
		size = sizesMountain.draw(r)
	case p.mountain:
		size = sizesLarge.draw(r)
	default:
		size = sizesGeneral.draw(r)
	}
	fam := func() string { return familyName(r, eth, p.south) }
	ps := family(r, size, prof, fam)
	if namings[eth].matrilineal {
		motherLine(ps)
	}

	// Disability allowance (SYNTHETIC shares).
	pd := 0.025
	switch target {
	case poverty.Poor:
		pd = 0.30
		if prof == profileMountain {
			pd = 0.10
		}
	case poverty.NearPoor:
		pd = 0.15
	}
	if r.chance(pd) {
		ps[r.IntN(len(ps))].disabled = true
	}

	h := &registry.Household{
		Code:         householdCode(c.Code, v+1, seq),
		ProvinceCode: c.ProvinceCode,
		CommuneCode:  c.Code,
		VillageName:  c.Villages[v],
		Members:      make([]registry.Member, len(ps)),
	}
	h.Address = h.VillageName + ", " + c.Name
	if c.DistrictName != "" {
		h.Address += ", " + c.DistrictName
	}
	h.Address += ", " + c.ProvinceName
	ref := civil(cg.g.cfg.ReferenceDate)
	for i, x := range ps {
		m := &h.Members[i]
		m.Relation = x.rel
		m.Sex = x.sex
		m.Ethnicity = eth
		m.Name = fullName(r, eth, x.family, x.sex, x.age)
		m.BirthDate = birthDate(r, ref, x.age)
		m.DisabilityAllowance = x.disabled
	}
	h.HeadName = h.Members[0].Name
	cg.answers(h, ps, target, prof)
	cg.livelihood(h, ps, target, prof)
	cg.traits(h, target)
	cg.nationalIDs(h, ps)
	return h
}

// birthDate returns a birth date (YYYY-MM-DD) at which a person is exactly age
// completed years old on ref, the way the poverty rules count. No one is born on 29
// February, which keeps the count simple.
func birthDate(r rng, ref time.Time, age int) string {
	m := time.Month(r.between(1, 12))
	days := 31
	switch m {
	case time.February:
		days = 28
	case time.April, time.June, time.September, time.November:
		days = 30
	}
	d := r.between(1, days)
	y := ref.Year() - age
	if m > ref.Month() || (m == ref.Month() && d > ref.Day()) {
		y--
	}
	b := make([]byte, 0, 10)
	b = strconv.AppendInt(b, int64(y), 10)
	b = append(b, '-', byte('0'+int(m)/10), byte('0'+int(m)%10), '-', byte('0'+d/10), byte('0'+d%10))
	return string(b)
}

// householdCode is {commune}-{village:02}-{seq:05}: codes sort by commune, village and
// sequence (up to 99 villages and 99,999 households a village).
func householdCode(commune string, village, seq int) string {
	b := make([]byte, 0, len(commune)+10)
	b = append(b, commune...)
	b = append(b, '-')
	b = appendPadded(b, village, 2)
	b = append(b, '-')
	b = appendPadded(b, seq, 5)
	return string(b)
}

func appendPadded(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// motherLine gives the head's children the family name of the mother (the female of
// the head couple), as matrilineal groups do.
func motherLine(ps []person) {
	mother := ""
	for _, p := range ps {
		if (p.rel == registry.RelationHead || p.rel == registry.RelationSpouse) && p.sex == poverty.Female {
			mother = p.family
		}
	}
	if mother == "" {
		return
	}
	for i := range ps {
		if ps[i].rel == registry.RelationChild {
			ps[i].family = mother
		}
	}
}
