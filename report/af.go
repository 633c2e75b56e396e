package report

// Multidimensional poverty analysis by the Alkire–Foster method (issue 14 item 5,
// docs/adr/0012-alkire-foster-from-deprivation-profiles.md), beside the legal class.
//
// Source of the method and its defaults: S. Alkire and J. Foster, "Counting and
// multidimensional poverty measurement", Journal of Public Economics 95 (2011) 476–487
// (the dual cut-off and the adjusted headcount ratio M0 = H × A); S. Alkire et al.,
// Multidimensional Poverty Measurement and Analysis, Oxford University Press 2015, ch. 5
// (censored headcount ratios, M0 = Σ w_j h_j, percentage contributions); OPHI/UNDP
// global MPI (nested weights: each dimension equal, each indicator an equal share of
// its dimension; poverty cut-off k = 1/3).

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"giamngheo"
	"giamngheo/poverty"
)

// DefaultK is the default poverty cut-off: a household is multidimensionally poor when
// its weighted deprivation score is at least one third. It is the cut-off of the global
// MPI (Alkire & Santos 2014; UNDP/OPHI), so that the figures compare with published
// ones; with the nested weights of Decree 07/2021 (six dimensions of two indicators)
// it means deprived in at least a third of the weighted indicators, e.g. in both
// indicators of two dimensions. The legal count "at least 3 of 12" (Decree 07/2021/
// NĐ-CP, Art. 3.2) is k = 0.25 under equal indicator weights; an operator can set
// either (GIAMNGHEO_AF_K, the page's and the API's k).
const DefaultK = 1.0 / 3

// Weights are the weights of the indicators; they sum to 1.
type Weights map[poverty.IndicatorKey]float64

// NestedWeights are the default weights for std: each dimension of the standard has an
// equal weight and shares it equally among its indicators (Alkire & Foster 2011 §4;
// the global MPI's nested weights, OPHI). Under Decree 07/2021/NĐ-CP (six dimensions,
// two indicators each) every indicator weighs 1/12; under Decree 351/2025/NĐ-CP the
// water, sanitation and environment dimension has three indicators (1/18 each) and the
// information dimension one (1/6).
func NestedWeights(std *poverty.Standard) Weights {
	var dims []string
	per := map[string]int{}
	for _, s := range std.Indicators {
		d := s.Dimension.VI
		if per[d] == 0 {
			dims = append(dims, d)
		}
		per[d]++
	}
	w := Weights{}
	for _, s := range std.Indicators {
		w[s.Key] = 1 / float64(len(dims)) / float64(per[s.Dimension.VI])
	}
	return w
}

// EqualWeights weighs every indicator of std the same (1/d).
func EqualWeights(std *poverty.Standard) Weights {
	w := Weights{}
	for _, s := range std.Indicators {
		w[s.Key] = 1 / float64(len(std.Indicators))
	}
	return w
}

// ParseWeights reads the weights option: "" or "dimension" (NestedWeights), "indicator"
// (EqualWeights), or relative weights "water:2,latrine:1,…" for indicators of std (the
// others weigh 0), scaled to sum to 1.
func ParseWeights(s string, std *poverty.Standard) (Weights, error) {
	switch strings.TrimSpace(s) {
	case "", "dimension":
		return NestedWeights(std), nil
	case "indicator":
		return EqualWeights(std), nil
	}
	w := Weights{}
	var total float64
	for _, part := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), ":")
		x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		key := poverty.IndicatorKey(strings.TrimSpace(k))
		if !ok || err != nil || x < 0 || math.IsInf(x, 0) || math.IsNaN(x) || !std.Has(key) {
			return nil, giamngheo.Errorf(giamngheo.EINVALID, "Trọng số không hợp lệ: %q (dạng chỉ_số:trọng_số, chỉ số của chuẩn %s).",
				"Invalid weight: %q (form indicator:weight, an indicator of standard %s).", part, std.ID)
		}
		w[key] += x
		total += x
	}
	if total <= 0 {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Tổng trọng số phải lớn hơn 0.", "The weights must sum to more than 0.")
	}
	for k := range w {
		w[k] /= total
	}
	return w, nil
}

// Profile is a number of households that share one set of deprived indicators.
type Profile struct {
	Deprived []poverty.IndicatorKey
	N        int64
}

// IndicatorAF is what the analysis says of one indicator.
type IndicatorAF struct {
	Key    poverty.IndicatorKey `json:"key"`
	Weight float64              `json:"weight"`
	// Deprived is the households deprived in the indicator, Raw their share of all
	// households (the uncensored headcount ratio).
	Deprived int64   `json:"deprived"`
	Raw      float64 `json:"uncensored_ratio"`
	// PoorDeprived is the multidimensionally poor households deprived in it, Censored
	// their share of all households (the censored headcount ratio h_j).
	PoorDeprived int64   `json:"poor_deprived"`
	Censored     float64 `json:"censored_ratio"`
	// Contribution is w_j h_j / M0 × 100: the indicator's share of M0, in percent.
	Contribution float64 `json:"contribution_percent"`
}

// AF is the Alkire–Foster analysis of a population of households.
type AF struct {
	Households int64         `json:"households"` // n
	Poor       int64         `json:"poor"`       // q: households with a score of at least k
	H          float64       `json:"h"`          // headcount ratio q / n
	A          float64       `json:"a"`          // average score of the poor (intensity)
	M0         float64       `json:"m0"`         // adjusted headcount ratio H × A
	Indicators []IndicatorAF `json:"indicators"`
}

// scoreTolerance absorbs rounding in sums of weights (4 × 1/12 must reach k = 1/3).
const scoreTolerance = 1e-9

// ComputeAF computes the Alkire–Foster measures of the households in profiles, with
// the cut-off k (0 < k ≤ 1) and weights w (summing to 1), one IndicatorAF per key of
// order. A household's score is c = Σ w_j over its deprived indicators (indicators
// without a weight count 0); it is poor when c ≥ k (the dual cut-off: identification
// by k, then censoring of the deprivations of the non-poor).
func ComputeAF(profiles []Profile, k float64, w Weights, order []poverty.IndicatorKey) (AF, error) {
	if !(k > 0 && k <= 1) {
		return AF{}, giamngheo.Errorf(giamngheo.EINVALID, "Ngưỡng nghèo k phải lớn hơn 0 và không quá 1 (mặc định 1/3).",
			"The poverty cut-off k must be above 0 and at most 1 (default 1/3).")
	}
	var sum float64
	for _, x := range w {
		sum += x
	}
	if math.Abs(sum-1) > 1e-6 {
		return AF{}, giamngheo.Errorf(giamngheo.EINVALID, "Tổng trọng số phải bằng 1 (đang là %s).", "The weights must sum to 1 (they sum to %s).",
			strconv.FormatFloat(sum, 'g', 6, 64))
	}
	var r AF
	deprived, poorDeprived := map[poverty.IndicatorKey]int64{}, map[poverty.IndicatorKey]int64{}
	var scoreOfPoor float64 // Σ c_i over the poor
	for _, p := range profiles {
		if p.N == 0 {
			continue
		}
		r.Households += p.N
		var c float64
		for _, key := range p.Deprived {
			c += w[key]
			deprived[key] += p.N
		}
		if c+scoreTolerance >= k {
			r.Poor += p.N
			scoreOfPoor += c * float64(p.N)
			for _, key := range p.Deprived {
				poorDeprived[key] += p.N
			}
		}
	}
	if r.Households > 0 {
		r.H = float64(r.Poor) / float64(r.Households)
		r.M0 = scoreOfPoor / float64(r.Households)
	}
	if r.Poor > 0 {
		r.A = scoreOfPoor / float64(r.Poor)
	}
	for _, key := range order {
		ind := IndicatorAF{Key: key, Weight: w[key], Deprived: deprived[key], PoorDeprived: poorDeprived[key]}
		if r.Households > 0 {
			ind.Raw = float64(ind.Deprived) / float64(r.Households)
			ind.Censored = float64(ind.PoorDeprived) / float64(r.Households)
		}
		if r.M0 > 0 {
			ind.Contribution = ind.Weight * ind.Censored / r.M0 * 100
		}
		r.Indicators = append(r.Indicators, ind)
	}
	return r, nil
}

// MeasureProfilePfx starts the roll-up measure that counts the households of one
// deprivation profile: "set:<standard>:<deprived>", deprived as the households table
// holds it (",water,latrine," or "" for none); the standard is the one the household
// was classified under ("" when it was not classified).
const MeasureProfilePfx = "set:"

// ProfileMeasure is the roll-up measure of the households classified under standard
// with the deprived indicators deprived (",a,b," or "").
func ProfileMeasure(standard, deprived string) string {
	return MeasureProfilePfx + standard + ":" + deprived
}

// ParseProfileMeasure splits a profile measure into its standard and its deprived
// indicators; ok is false for any other measure.
func ParseProfileMeasure(m string) (standard string, deprived []poverty.IndicatorKey, ok bool) {
	rest, ok := strings.CutPrefix(m, MeasureProfilePfx)
	if !ok {
		return "", nil, false
	}
	standard, set, ok := strings.Cut(rest, ":")
	if !ok {
		return "", nil, false
	}
	for _, k := range strings.Split(strings.Trim(set, ","), ",") {
		if k != "" {
			deprived = append(deprived, poverty.IndicatorKey(k))
		}
	}
	return standard, deprived, true
}

// Profiles holds the households of a unit per profile measure, of every standard.
type Profiles map[string]int64

// Add adds o to p.
func (p Profiles) Add(o Profiles) {
	for m, n := range o {
		p[m] += n
	}
}

// Of returns the profiles of the households classified under standard, sorted, and
// the number of the others (classified under another standard, or not classified).
func (p Profiles) Of(standard string) (out []Profile, others int64) {
	keys := make([]string, 0, len(p))
	for m := range p {
		keys = append(keys, m)
	}
	sort.Strings(keys)
	for _, m := range keys {
		s, dep, ok := ParseProfileMeasure(m)
		switch {
		case !ok:
		case s == standard:
			out = append(out, Profile{Deprived: dep, N: p[m]})
		default:
			others += p[m]
		}
	}
	return out, others
}

// FormatK prints a cut-off for a label: "1/3" for the default, else a decimal.
func FormatK(k float64) string {
	if math.Abs(k-DefaultK) < 1e-9 {
		return "1/3"
	}
	return fmt.Sprintf("%g", k)
}

// ParseK reads a cut-off as an officer writes it: "0.33", "0,33" or "1/3"; "" is 0
// (the default). The range is checked by ComputeAF.
func ParseK(v string) (float64, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, nil
	}
	bad := giamngheo.Errorf(giamngheo.EINVALID, "Ngưỡng k không hợp lệ: %q (ví dụ 1/3 hoặc 0,25).", "Invalid cut-off k: %q (e.g. 1/3 or 0.25).", v)
	if a, b, ok := strings.Cut(v, "/"); ok {
		x, err1 := strconv.ParseFloat(strings.TrimSpace(a), 64)
		y, err2 := strconv.ParseFloat(strings.TrimSpace(b), 64)
		if err1 != nil || err2 != nil || y == 0 {
			return 0, bad
		}
		return x / y, nil
	}
	x, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64)
	if err != nil || x == 0 {
		return 0, bad
	}
	return x, nil
}
