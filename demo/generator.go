package demo

import (
	"iter"
	"slices"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/poverty"
	"giamngheo/registry"
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
	for i, c := range codes {
		p := byCode[c]
		if p == nil || p.Level != admin.LevelProvince {
			return nil, giamngheo.Errorf(giamngheo.EINVALID, "Không có tỉnh mã %q vào ngày %s.",
				"There is no province with code %q on %s.", c, date)
		}
		communes, err := g.planProvince(p, kids, perProvince[i], ref)
		if err != nil {
			return nil, err
		}
		g.communes = append(g.communes, communes...)
	}
	return g, nil
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
