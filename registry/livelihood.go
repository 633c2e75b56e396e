package registry

import (
	"fmt"
	"math"
	"strconv"
)

// Livelihood is the household's land and livestock (đất đai và chăn nuôi), kept
// among the household-level survey answers of the registry (issue 4). It is not an
// input of the poverty rules, which is why it lives here and not in
// poverty.Household. Every field is nullable: nil is not answered, 0 is none.
type Livelihood struct {
	// AnnualCropLandM2 is the annual-crop land (đất trồng cây hằng năm: rice and other
	// annual crops), in square metres.
	AnnualCropLandM2 *float64 `json:"annual_crop_land_m2,omitempty"`
	// PerennialCropLandM2 is the perennial-crop land (đất trồng cây lâu năm), in m².
	PerennialCropLandM2 *float64 `json:"perennial_crop_land_m2,omitempty"`
	// AquacultureM2 is the water surface used for aquaculture (mặt nước nuôi trồng
	// thủy sản), in m².
	AquacultureM2 *float64 `json:"aquaculture_m2,omitempty"`
	// ForestLandM2 is the production forest land (đất rừng sản xuất), in m².
	ForestLandM2 *float64 `json:"forest_land_m2,omitempty"`
	// Cattle counts buffaloes, cows and horses (trâu, bò, ngựa), head.
	Cattle *int `json:"cattle,omitempty"`
	// Pigs counts pigs, goats and sheep (lợn, dê, cừu), head.
	Pigs *int `json:"pigs,omitempty"`
	// Poultry counts poultry (gia cầm), head.
	Poultry *int `json:"poultry,omitempty"`
}

// Sanity bounds of Livelihood against data-entry errors; they are not legal rules.
const (
	// MaxLandM2 bounds each land area: 100,000,000 m² is 10,000 ha.
	MaxLandM2 = 100_000_000
	// MaxAnimals bounds each animal count.
	MaxAnimals = 10_000_000
)

// LivelihoodLand lists the land fields of a Livelihood with their JSON keys and
// Vietnamese and English labels, in the order shown to officers.
var LivelihoodLand = []struct {
	Key    string
	VI, EN string
	Get    func(*Livelihood) **float64
}{
	{"annual_crop_land_m2", "Đất trồng cây hằng năm", "annual-crop land", func(l *Livelihood) **float64 { return &l.AnnualCropLandM2 }},
	{"perennial_crop_land_m2", "Đất trồng cây lâu năm", "perennial-crop land", func(l *Livelihood) **float64 { return &l.PerennialCropLandM2 }},
	{"aquaculture_m2", "Mặt nước nuôi trồng thủy sản", "aquaculture water surface", func(l *Livelihood) **float64 { return &l.AquacultureM2 }},
	{"forest_land_m2", "Đất rừng sản xuất", "production forest land", func(l *Livelihood) **float64 { return &l.ForestLandM2 }},
}

// LivelihoodAnimals lists the livestock fields of a Livelihood like LivelihoodLand.
var LivelihoodAnimals = []struct {
	Key    string
	VI, EN string
	Get    func(*Livelihood) **int
}{
	{"cattle", "Trâu, bò, ngựa", "buffaloes, cows, horses", func(l *Livelihood) **int { return &l.Cattle }},
	{"pigs", "Lợn, dê, cừu", "pigs, goats, sheep", func(l *Livelihood) **int { return &l.Pigs }},
	{"poultry", "Gia cầm", "poultry", func(l *Livelihood) **int { return &l.Poultry }},
}

// Answered reports whether any field of l is given.
func (l *Livelihood) Answered() bool {
	return *l != Livelihood{}
}

// Validate checks that every given area is a number from 0 to MaxLandM2 and every
// count from 0 to MaxAnimals. The error is a *giamngheo.Error EINVALID whose Field is
// "livelihood.<key>".
func (l *Livelihood) Validate() error {
	for _, f := range LivelihoodLand {
		p := *f.Get(l)
		if p == nil {
			continue
		}
		field, v := "livelihood."+f.Key, *p
		a := strconv.FormatFloat(v, 'f', -1, 64)
		switch {
		case math.IsNaN(v) || math.IsInf(v, 0):
			return invalidMsg(field, f.VI+": diện tích không phải là số", upperFirst(f.EN)+": the area is not a number")
		case v < 0:
			return invalidMsg(field, fmt.Sprintf("%s: diện tích %s m² âm; không được nhỏ hơn 0", f.VI, a),
				fmt.Sprintf("%s: the area %s m² is negative; it cannot be below 0", upperFirst(f.EN), a))
		case v > MaxLandM2:
			return invalidMsg(field, fmt.Sprintf("%s: diện tích %s m² quá lớn (tối đa %d m²)", f.VI, a, MaxLandM2),
				fmt.Sprintf("%s: the area %s m² is too large (at most %d m²)", upperFirst(f.EN), a, MaxLandM2))
		}
	}
	for _, f := range LivelihoodAnimals {
		p := *f.Get(l)
		if p == nil {
			continue
		}
		field, v := "livelihood."+f.Key, *p
		switch {
		case v < 0:
			return invalidMsg(field, fmt.Sprintf("%s: số con %d âm; không được nhỏ hơn 0", f.VI, v),
				fmt.Sprintf("%s: the count %d is negative; it cannot be below 0", upperFirst(f.EN), v))
		case v > MaxAnimals:
			return invalidMsg(field, fmt.Sprintf("%s: số con %d quá lớn (tối đa %d)", f.VI, v, MaxAnimals),
				fmt.Sprintf("%s: the count %d is too large (at most %d)", upperFirst(f.EN), v, MaxAnimals))
		}
	}
	return nil
}

// upperFirst capitalises an ASCII first letter, for English labels that open a message.
func upperFirst(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
