package demo

import (
	"math"
	"slices"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/poverty"
	"giamngheo/vntext"
)

// planProvince lists the communes of province p with their households and rates.
func (g *Generator) planProvince(p *admin.Unit, kids map[string][]*admin.Unit, households int, ref time.Time) ([]Commune, error) {
	olds := components(p.Code, ref)
	oldHH := make([]float64, len(olds))
	for i, c := range olds {
		oldHH[i] = math.Max(float64(defaultOld(c, ref)), 1)
	}
	pp := &provPlan{code: p.Code, name: p.Name, region: RegionOf(p.Code)}
	if pp.region == "" {
		pp.region = poverty.RegionRedRiverDelta
	}
	mix := ethnicMix(olds[0])
	if len(olds) > 1 {
		mix = mergeMixes(olds, oldHH)
	}
	pp.ethnic = newEthnicGroups(mix)
	pp.mountain = pp.ethnic.share >= 0.2 || pp.region == tdmnpb || pp.region == tn
	pp.south = pp.region == dnb || pp.region == dbscl || slices.Contains([]string{"52", "54", "56", "58", "60"}, olds[0])
	for _, c := range olds {
		pp.idCodes = append(pp.idCodes, "0"+c)
	}
	poor, near := ProvinceRates(p.Code, ref)

	// Districts (before 1 July 2025) or the province itself as one group.
	type group struct {
		code, name string
		communes   []*admin.Unit
	}
	var groups []group
	for _, k := range kids[p.Code] {
		switch k.Level {
		case admin.LevelDistrict:
			var cs []*admin.Unit
			for _, c := range kids[k.Code] {
				if c.Level == admin.LevelCommune {
					cs = append(cs, c)
				}
			}
			if len(cs) > 0 {
				groups = append(groups, group{k.Code, k.Name, cs})
			}
		case admin.LevelCommune:
			if len(groups) == 0 || groups[len(groups)-1].code != "" {
				groups = append(groups, group{})
			}
			groups[len(groups)-1].communes = append(groups[len(groups)-1].communes, k)
		}
	}
	if len(groups) == 0 {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Tỉnh %s không có xã nào vào ngày %s.",
			"Province %s has no communes on %s.", p.Code, ref.Format(admin.DateLayout))
	}

	// Sizes: a district's share is its population where known, else its communes'
	// synthetic sizes; a commune's size is SYNTHETIC (type × log-normal noise).
	var all []*admin.Unit
	var sizes []float64
	gw := make([]float64, len(groups))
	for gi, gr := range groups {
		sum := 0.0
		for _, c := range gr.communes {
			sum += communeSize(c)
		}
		gw[gi] = sum
		if d, ok := haiDuongDistricts[gr.code]; ok && p.Code == "30" {
			gw[gi] = d.pop
		}
	}
	for gi, gr := range groups {
		sum := 0.0
		for _, c := range gr.communes {
			sum += communeSize(c)
		}
		for _, c := range gr.communes {
			all = append(all, c)
			sizes = append(sizes, gw[gi]*communeSize(c)/sum)
		}
	}
	counts := apportion(households, sizes)

	// Rates: districts around the province rate, communes around their district's.
	ghh := make([]float64, len(groups))
	glevel := make([]float64, len(groups))
	gfixed := make([]bool, len(groups))
	k := 0
	for gi, gr := range groups {
		for range gr.communes {
			ghh[gi] += float64(counts[k])
			k++
		}
		glevel[gi] = districtLevel(gr.code, groups[gi].name)
		if d, ok := haiDuongDistricts[gr.code]; ok && p.Code == "30" {
			glevel[gi], gfixed[gi] = d.level, d.fixed
		}
	}
	if p.Code != "30" {
		gfixed = nil
	}
	gpoor := spread(poor, ghh, glevel, gfixed, capPoor)
	gnear := spread(near, ghh, glevel, gfixed, capNear)

	out := make([]Commune, 0, len(all))
	k = 0
	for gi, gr := range groups {
		hh := make([]float64, len(gr.communes))
		lv := make([]float64, len(gr.communes))
		for j, c := range gr.communes {
			hh[j] = float64(counts[k+j])
			lv[j] = communeLevel(c)
		}
		cpoor := spread(gpoor[gi], hh, lv, nil, capPoor)
		cnear := spread(gnear[gi], hh, lv, nil, capNear)
		for j, c := range gr.communes {
			area := poverty.Rural
			if c.Urban() {
				area = poverty.Urban
			}
			out = append(out, Commune{
				Code: c.Code, Name: vntext.Clean(c.Name), Type: c.Type,
				DistrictCode: gr.code, DistrictName: vntext.Clean(gr.name),
				ProvinceCode: p.Code, ProvinceName: vntext.Clean(p.Name),
				Area: area, Region: pp.region,
				Households: counts[k+j],
				PoorRate:   cpoor[j], NearPoorRate: cnear[j],
				Villages: villageNames(g.cfg.Seed, c, pp),
				prov:     pp,
			})
		}
		k += len(gr.communes)
	}

	// Systematic rounding along the province, district by district, with a random
	// start: each district's and the province's counts are within one household of
	// the exact ones.
	start := newRNG(g.cfg.Seed, "rounding/"+p.Code)
	cumPoor, cumNear := start.Float64(), start.Float64()
	for i := range out {
		c := &out[i]
		n := float64(c.Households)
		p0, n0 := math.Floor(cumPoor), math.Floor(cumNear)
		cumPoor += c.PoorRate * n
		cumNear += c.NearPoorRate * n
		c.Poor = min(int(math.Floor(cumPoor)-p0), c.Households)
		c.NearPoor = min(int(math.Floor(cumNear)-n0), c.Households-c.Poor)
	}
	// Households are generated in commune-code order, so that their codes sort.
	slices.SortStableFunc(out, func(a, b Commune) int { return strings.Compare(a.Code, b.Code) })
	return out, nil
}

// communeSize is a commune's SYNTHETIC relative size: wards are denser than rural
// communes, with log-normal noise that depends on the code only.
func communeSize(c *admin.Unit) float64 {
	w := 1.0
	switch c.Type {
	case "Phường":
		w = 1.4
	case "Thị trấn":
		w = 1.1
	case "Đặc khu":
		w = 0.3
	}
	return w * lognoise("size/"+c.Code, 0.35)
}

// districtLevel is a district's SYNTHETIC relative poverty level: urban districts
// lower than rural ones, with noise.
func districtLevel(code, name string) float64 {
	if code == "" {
		return 1
	}
	w := 1.2
	switch {
	case strings.HasPrefix(name, "Quận"):
		w = 0.3
	case strings.HasPrefix(name, "Thành phố"):
		w = 0.5
	case strings.HasPrefix(name, "Thị xã"):
		w = 0.8
	}
	return w * lognoise("district-rate/"+code, 0.35)
}

// communeLevel is a commune's SYNTHETIC relative poverty level within its district.
func communeLevel(c *admin.Unit) float64 {
	w := 1.15
	switch c.Type {
	case "Phường":
		w = 0.6
	case "Thị trấn":
		w = 0.8
	}
	return w * lognoise("commune-rate/"+c.Code, 0.4)
}
