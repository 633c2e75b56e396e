package demo

import (
	"iter"
	"math"
	"slices"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/vntext"
)

// Config says what to generate.
type Config struct {
	// Provinces are GSO province codes of the map in force on ReferenceDate ("30" for
	// Hải Dương before 1 July 2025, "31" for the merged Hải Phòng after). Required.
	Provinces []string
	// Households is the total to generate, spread over the provinces in proportion to
	// DefaultHouseholds and over their communes in proportion to synthetic commune
	// sizes. 0 generates DefaultHouseholds for each province.
	Households int
	// Seed makes the run reproducible: the same Config gives the same households.
	Seed int64
	// ReferenceDate is the date of the survey: it chooses the administrative units in
	// force, the poverty standard (poverty.StandardInForce) and the review year whose
	// rates are reproduced. Required.
	ReferenceDate time.Time
	// Units are the administrative units to place households in; nil uses the
	// embedded catalogue (admin.EmbeddedProvinces).
	Units []admin.Unit
}

// Commune is one commune of the plan: where households go and the target rates
// their classes are drawn from.
type Commune struct {
	Code, Name, Type           string
	DistrictCode, DistrictName string // empty from 1 July 2025 (no districts)
	ProvinceCode, ProvinceName string
	// Area is the commune's residence area for the poverty lines (xã, đặc khu rural;
	// phường, thị trấn urban).
	Area   poverty.Area
	Region poverty.Region
	// Households is the number of households generated in the commune.
	Households int
	// PoorRate and NearPoorRate are the target shares (0–1) of poor and near-poor
	// households. Poor and NearPoor are the numbers of households generated to be
	// poor and near-poor: the rates times Households, rounded so that the rounding
	// errors do not add up over a province (each running total is within one household
	// of the exact one).
	PoorRate, NearPoorRate float64
	Poor, NearPoor         int
	// Villages are the names of the commune's villages (thôn, khu, ấp, bản, tổ dân
	// phố), in the order of the household codes.
	Villages []string

	prov *provPlan
}

// provPlan holds what the households of one province share.
type provPlan struct {
	code, name string
	region     poverty.Region
	ethnic     ethnicGroups
	mountain   bool // the mountain profile of poor households applies
	south      bool // southern name forms (Huỳnh, Võ) and "ấp" villages
	idCodes    []string
}

// Generator produces the households of a Config. It holds the plan (communes and
// their targets), not the households: those are made on the fly.
type Generator struct {
	cfg      Config
	std      *poverty.Standard
	keys     stdKeys
	communes []Commune
}

// Generate returns the households of cfg, one at a time. Each household is a new
// value the caller may keep. See New for the errors.
func Generate(cfg Config) (iter.Seq[*registry.Household], error) {
	g, err := New(cfg)
	if err != nil {
		return nil, err
	}
	return g.Households(), nil
}

// New plans the generation: it checks the configuration, finds the communes in
// force on the reference date and gives each its number of households and target
// rates. Errors are *giamngheo.Error with code EINVALID: no provinces, no reference
// date, no standard in force, an unknown province or one without communes on that date.
func New(cfg Config) (*Generator, error) {
	if cfg.ReferenceDate.IsZero() {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Thiếu ngày tham chiếu.", "The reference date is missing.")
	}
	if cfg.Households < 0 {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Số hộ %d không hợp lệ.", "Invalid number of households %d.", cfg.Households)
	}
	codes := slices.Clone(cfg.Provinces)
	for i := range codes {
		codes[i] = strings.TrimSpace(codes[i])
	}
	slices.Sort(codes)
	codes = slices.Compact(codes)
	if len(codes) == 0 || codes[0] == "" {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Chưa chọn tỉnh nào.", "No province is given.")
	}
	std, err := poverty.StandardInForce(cfg.ReferenceDate)
	if err != nil {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Không có chuẩn nghèo áp dụng vào ngày %s.",
			"No poverty standard applies on %s.", civil(cfg.ReferenceDate).Format(admin.DateLayout))
	}
	units := cfg.Units
	if units == nil {
		if units, _, err = admin.EmbeddedProvinces(codes...); err != nil {
			return nil, err
		}
	}
	ref := civil(cfg.ReferenceDate)
	date := ref.Format(admin.DateLayout)
	in := admin.AsOf(units, date)
	byCode := map[string]*admin.Unit{}
	kids := map[string][]*admin.Unit{}
	for i := range in {
		u := &in[i]
		byCode[u.Code] = u
		kids[u.ParentCode] = append(kids[u.ParentCode], u)
	}
	for _, k := range kids {
		slices.SortFunc(k, func(a, b *admin.Unit) int { return strings.Compare(a.Code, b.Code) })
	}

	g := &Generator{cfg: cfg, std: std, keys: newStdKeys(std)}
	weights := make([]float64, len(codes))
	for i, c := range codes {
		weights[i] = float64(DefaultHouseholds(c, ref))
		if weights[i] == 0 {
			weights[i] = 100_000 // a province the tables do not know (e.g. a test catalogue)
		}
	}
	var perProvince []int
	if cfg.Households > 0 {
		perProvince = apportion(cfg.Households, weights)
	} else {
		perProvince = make([]int, len(codes))
		for i := range weights {
			perProvince[i] = int(weights[i])
		}
	}
	year := reviewYear(ref)
	for i, c := range codes {
		p := byCode[c]
		if p == nil || p.Level != admin.LevelProvince {
			return nil, giamngheo.Errorf(giamngheo.EINVALID, "Không có tỉnh mã %q vào ngày %s.",
				"There is no province with code %q on %s.", c, date)
		}
		communes, err := g.planProvince(p, kids, perProvince[i], year, ref)
		if err != nil {
			return nil, err
		}
		g.communes = append(g.communes, communes...)
	}
	return g, nil
}

// planProvince lists the communes of province p with their households and rates.
func (g *Generator) planProvince(p *admin.Unit, kids map[string][]*admin.Unit, households, year int, ref time.Time) ([]Commune, error) {
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

// Communes returns the plan, in the order households are generated (by commune code
// within each province, provinces by code). The slice is the caller's.
func (g *Generator) Communes() []Commune { return slices.Clone(g.communes) }

// Standard returns the poverty standard the answers were built for.
func (g *Generator) Standard() *poverty.Standard { return g.std }

// Households returns the generated households one at a time, ordered by province,
// commune, village and sequence (so their codes sort in generation order).
func (g *Generator) Households() iter.Seq[*registry.Household] {
	return func(yield func(*registry.Household) bool) {
		for h := range g.WithTargets() {
			if !yield(h) {
				return
			}
		}
	}
}

// WithTargets is Households with the class each household was built to have (poor,
// near-poor, or not poor; a not-poor farm household may classify as middle).
func (g *Generator) WithTargets() iter.Seq2[*registry.Household, poverty.Class] {
	return func(yield func(*registry.Household, poverty.Class) bool) {
		ids := idSerials{}
		for i := range g.communes {
			if !g.commune(&g.communes[i], ids, yield) {
				return
			}
		}
	}
}
