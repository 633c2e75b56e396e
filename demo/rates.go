package demo

import (
	"math"
	"time"

	"giamngheo/poverty"
)

// rate is a pair of shares of households (0–1): poor and near-poor.
type rate struct{ poor, near float64 }

// regionRates2022 are the regional rates of the 2022 review (the first under the
// 2022-2025 standard). The sums (poor + near-poor) are published (regulations.md §6.1:
// TDMNPB 21.92 %, BTB&DHMT 10.04 %, Tây Nguyên 15.39 %, ĐNB 0.34 %, ĐBSCL 5.73 %);
// for the Red River Delta the split is published too (1.00 % poor, 1.45 % near-poor).
// The split of the other regions' sums is SYNTHETIC (poor share 62 %, 50 %, 60 %,
// 35 %, 40 %), chosen so that the national rates come out at the published 4.03 %
// poor and 3.49 % near-poor.
var regionRates2022 = map[poverty.Region]rate{
	tdmnpb: split(21.92, 0.62),
	dbsh:   {0.0100, 0.0145},
	btb:    split(10.04, 0.50),
	tn:     split(15.39, 0.60),
	dnb:    split(0.34, 0.35),
	dbscl:  split(5.73, 0.40),
}

func split(totalPercent, poorShare float64) rate {
	t := totalPercent / 100
	return rate{t * poorShare, t * (1 - poorShare)}
}

// publishedProvince are province rates from published review results
// (regulations.md §6.2), by year of the review. Hải Dương 2023 is derived, not
// published: poor 1.34 % (the 2024 rate plus the stated 0.38-point decrease) and a
// near-poor rate interpolated between 2022 and 2024 (SYNTHETIC).
var publishedProvince = map[string]map[int]rate{
	"30": {
		2022: {0.0215, 0.0224},
		2023: {0.0134, 0.0177},
		2024: {0.0096, 0.0130},
	},
}

// yearFactors scale the 2022 rates to other review years (poor, near-poor). 2023 is
// the published national change (4.03 → 2.93 % poor, 3.49 → 2.78 % near-poor); the
// other years are SYNTHETIC extrapolations. From 2027 the 2026-2030 standard with its
// higher lines applies, so the rates jump back up (a guess: no figures exist yet).
var yearFactors = map[int]rate{
	2022: {1, 1},
	2023: {2.93 / 4.03, 2.78 / 3.49},
	2024: {0.55, 0.62},
	2025: {0.45, 0.53},
	2026: {0.38, 0.46},
	2027: {0.95, 0.95},
	2028: {0.80, 0.85},
	2029: {0.67, 0.75},
	2030: {0.56, 0.66},
}

func yearFactor(y int) rate {
	switch {
	case y < 2022:
		y = 2022
	case y > 2030:
		y = 2030
	}
	return yearFactors[y]
}

// reviewYear is the year whose review results describe households on ref: the annual
// review is done in the last quarter, so its results hold until the next one.
func reviewYear(ref time.Time) int {
	ref = civil(ref)
	if ref.Month() >= time.October {
		return ref.Year()
	}
	return ref.Year() - 1
}

// regionScale holds, per region, the factor that turns a province's SYNTHETIC weight
// into its 2022 rate so that the region's household-weighted rate is the published
// one, with provinces that have published figures kept at them.
var regionScale = func() map[poverty.Region]rate {
	ref := time.Date(2022, 10, 1, 0, 0, 0, 0, time.UTC)
	type acc struct{ hh, fixedPoor, fixedNear, free float64 }
	sums := map[poverty.Region]*acc{}
	for _, p := range provinces {
		a := sums[p.region]
		if a == nil {
			a = &acc{}
			sums[p.region] = a
		}
		hh := float64(defaultOld(p.code, ref))
		a.hh += hh
		if pub, ok := publishedProvince[p.code][2022]; ok {
			a.fixedPoor += hh * pub.poor
			a.fixedNear += hh * pub.near
			continue
		}
		a.free += hh * p.weight
	}
	out := map[poverty.Region]rate{}
	for reg, a := range sums {
		r := regionRates2022[reg]
		out[reg] = rate{(a.hh*r.poor - a.fixedPoor) / a.free, (a.hh*r.near - a.fixedNear) / a.free}
	}
	return out
}()

// provinceRate returns the target rates of an old (pre-2025) province for the review
// year y: published figures when there are some for that year; else the nearest
// published year scaled by the year factors; else the region's rate spread by the
// province's synthetic weight, scaled by the year factor.
func provinceRate(code string, y int) rate {
	if pub := publishedProvince[code]; len(pub) > 0 {
		if r, ok := pub[y]; ok {
			return r
		}
		best := 0
		for py := range pub {
			if best == 0 || abs(py-y) < abs(best-y) || (abs(py-y) == abs(best-y) && py < best) {
				best = py
			}
		}
		f, f0 := yearFactor(y), yearFactor(best)
		return rate{pub[best].poor * f.poor / f0.poor, pub[best].near * f.near / f0.near}
	}
	p := provinceByCode[code]
	if p == nil {
		return rate{}
	}
	s, f := regionScale[p.region], yearFactor(y)
	return rate{p.weight * s.poor * f.poor, p.weight * s.near * f.near}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// ProvinceRates returns the target poor and near-poor rates (shares of households,
// 0–1) the generator uses for a province on the reference date: published figures
// where they exist, synthetic estimates elsewhere (see rates.go). For a province of
// the 34-province map it is the household-weighted rate of the provinces merged into
// it.
func ProvinceRates(provinceCode string, ref time.Time) (poor, nearPoor float64) {
	y := reviewYear(ref)
	var hh float64
	for _, c := range components(provinceCode, ref) {
		w := float64(defaultOld(c, ref))
		r := provinceRate(c, y)
		poor += w * r.poor
		nearPoor += w * r.near
		hh += w
	}
	if hh == 0 {
		return 0, 0
	}
	return poor / hh, nearPoor / hh
}

// Hải Dương's districts: population (2019 census, thousands; the first six are
// published figures, regulations.md §6.2, the other six are SYNTHETIC estimates
// scaled so that the twelve add up to the province) and the poverty level relative
// to the province. The relative levels of Thanh Hà (1.25 %), Chí Linh (0.61 %) and TP
// Hải Dương (0.73 %) are the published 2024 rates over the province's 0.96 %; the
// other nine are SYNTHETIC weights, rescaled so that the province rate is kept.
var haiDuongDistricts = map[string]struct {
	pop   float64
	level float64
	fixed bool
}{
	"288": {299.638, 0.73 / 0.96, true},
	"290": {220.421, 0.61 / 0.96, true},
	"291": {113.6, 1.0, false},
	"292": {203.638, 0.95, false},
	"293": {119.3, 1.05, false},
	"294": {138.4, 1.25 / 0.96, true},
	"295": {147.810, 0.9, false},
	"296": {102.1, 1.0, false},
	"297": {128.9, 0.95, false},
	"298": {152.541, 1.15, false},
	"299": {146.493, 1.2, false},
	"300": {119.3, 1.1, false},
}

// Caps on a unit's target rates, so that rescaling never asks for more poor households
// than there are.
const (
	capPoor = 0.65
	capNear = 0.30
)

// spread returns rates for units with household counts hh and relative levels w whose
// household-weighted mean is target; fixed units keep target×w exactly (unless they
// hit the cap) and the others are rescaled. Rates are capped at max; the cap's excess
// goes to the others (a few rounds are enough).
func spread(target float64, hh, w []float64, fixed []bool, max float64) []float64 {
	n := len(hh)
	out := make([]float64, n)
	capped := make([]bool, n)
	total := 0.0
	for i := range hh {
		total += hh[i]
	}
	if total == 0 {
		for i := range out {
			out[i] = math.Min(target*w[i], max)
		}
		return out
	}
	for round := 0; round < 8; round++ {
		want := target * total
		free := 0.0
		for i := range hh {
			switch {
			case capped[i]:
				want -= hh[i] * max
			case fixed != nil && fixed[i]:
				want -= hh[i] * math.Min(target*w[i], max)
			default:
				free += hh[i] * w[i]
			}
		}
		s := 0.0
		if free > 0 {
			s = math.Max(want, 0) / free
		}
		again := false
		for i := range hh {
			switch {
			case capped[i]:
				out[i] = max
			case fixed != nil && fixed[i]:
				out[i] = math.Min(target*w[i], max)
			default:
				out[i] = s * w[i]
				if out[i] > max {
					out[i], capped[i], again = max, true, true
				}
			}
		}
		if !again {
			break
		}
	}
	return out
}
