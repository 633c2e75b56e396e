package report

import (
	"math"
	"math/rand/v2"
	"testing"

	"giamngheo"
	"giamngheo/poverty"
)

const (
	nutrition = poverty.IndicatorNutrition
	insurance = poverty.IndicatorHealthInsurance
	housing   = poverty.IndicatorHousingQuality
	water     = poverty.IndicatorWater
	latrine   = poverty.IndicatorLatrine
	waste     = poverty.IndicatorWaste
)

// handStandard has three dimensions of 2, 1 and 3 indicators: nested weights 1/6, 1/6;
// 1/3; 1/9, 1/9, 1/9.
func handStandard() *poverty.Standard {
	dim := func(vi string) poverty.Text { return poverty.Text{VI: vi, EN: vi} }
	return &poverty.Standard{ID: "hand", Indicators: []poverty.IndicatorSpec{
		{Key: nutrition, Dimension: dim("Y tế")}, {Key: insurance, Dimension: dim("Y tế")},
		{Key: housing, Dimension: dim("Nhà ở")},
		{Key: water, Dimension: dim("Nước")}, {Key: latrine, Dimension: dim("Nước")}, {Key: waste, Dimension: dim("Nước")},
	}}
}

var handOrder = []poverty.IndicatorKey{nutrition, insurance, housing, water, latrine, waste}

// handProfiles are ten households; their scores under the nested weights are 0 (4),
// 1/6 (2), 1/3 (1: exactly the default k), 7/18 (2) and 7/9 (1).
func handProfiles() []Profile {
	return []Profile{
		{nil, 4},
		{[]poverty.IndicatorKey{nutrition}, 2},
		{[]poverty.IndicatorKey{housing}, 1},
		{[]poverty.IndicatorKey{nutrition, water, latrine}, 2},
		{[]poverty.IndicatorKey{nutrition, insurance, housing, water}, 1},
		{[]poverty.IndicatorKey{waste}, 0},
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestComputeAFByHand checks the measures against a computation by hand.
//
// k = 1/3: poor are the households scoring 1/3, 7/18 (×2) and 7/9: q = 4, H = 0.4;
// Σc = 1/3 + 14/18 + 7/9 = 17/9, A = 17/36, M0 = 17/90 = H × A. Censored headcounts
// (of 10): nutrition 3, insurance 1, housing 2, water 3, latrine 2, waste 0; M0 =
// 1/6·0.3 + 1/6·0.1 + 1/3·0.2 + 1/9·0.3 + 1/9·0.2 = 17/90; contributions 9/34, 3/34,
// 12/34, 6/34, 4/34, 0.
func TestComputeAFByHand(t *testing.T) {
	w := NestedWeights(handStandard())
	tests := []struct {
		name          string
		k             float64
		q             int64
		h, a, m0      float64
		censored      []float64
		contributions []float64
	}{
		{"k=1/3", DefaultK, 4, 0.4, 17.0 / 36, 17.0 / 90,
			[]float64{0.3, 0.1, 0.2, 0.3, 0.2, 0},
			[]float64{900.0 / 34, 300.0 / 34, 1200.0 / 34, 600.0 / 34, 400.0 / 34, 0}},
		{"k=1/2", 0.5, 1, 0.1, 7.0 / 9, 7.0 / 90,
			[]float64{0.1, 0.1, 0.1, 0.1, 0, 0},
			// w·h / M0: (1/60, 1/60, 1/30, 1/90) / (7/90)
			[]float64{1500.0 / 70, 1500.0 / 70, 3000.0 / 70, 1000.0 / 70, 0, 0}},
		{"k=1/6 (any deprivation of weight 1/6)", 1.0 / 6, 6, 0.6, (2.0/6 + 17.0/9) / 6, (2.0/6 + 17.0/9) / 10,
			[]float64{0.5, 0.1, 0.2, 0.3, 0.2, 0}, nil},
		{"k=1: nobody", 1, 0, 0, 0, 0, []float64{0, 0, 0, 0, 0, 0}, []float64{0, 0, 0, 0, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ComputeAF(handProfiles(), tt.k, w, handOrder)
			if err != nil {
				t.Fatal(err)
			}
			if r.Households != 10 || r.Poor != tt.q || !near(r.H, tt.h) || !near(r.A, tt.a) || !near(r.M0, tt.m0) {
				t.Fatalf("n=%d q=%d H=%v A=%v M0=%v, want 10 %d %v %v %v", r.Households, r.Poor, r.H, r.A, r.M0, tt.q, tt.h, tt.a, tt.m0)
			}
			if !near(r.M0, r.H*r.A) {
				t.Fatalf("M0 %v ≠ H×A %v", r.M0, r.H*r.A)
			}
			raw := []float64{0.5, 0.1, 0.2, 0.3, 0.2, 0}
			for i, x := range r.Indicators {
				if x.Key != handOrder[i] || !near(x.Censored, tt.censored[i]) || !near(x.Raw, raw[i]) {
					t.Fatalf("indicator %s: censored %v raw %v, want %v %v", x.Key, x.Censored, x.Raw, tt.censored[i], raw[i])
				}
				if tt.contributions != nil && !near(x.Contribution, tt.contributions[i]) {
					t.Fatalf("indicator %s: contribution %v, want %v", x.Key, x.Contribution, tt.contributions[i])
				}
			}
		})
	}
}

// TestComputeAFIdentities: on random profiles and cut-offs, M0 = H × A = Σ w_j h_j, the
// contributions add up to 100, h_j ≤ the uncensored ratio, and H falls as k rises.
func TestComputeAFIdentities(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 7))
	for _, std := range poverty.Standards() {
		w := NestedWeights(std)
		keys := make([]poverty.IndicatorKey, len(std.Indicators))
		for i, s := range std.Indicators {
			keys[i] = s.Key
		}
		for range 200 {
			var ps []Profile
			for range 1 + rng.IntN(30) {
				var dep []poverty.IndicatorKey
				for _, k := range keys {
					if rng.IntN(4) == 0 {
						dep = append(dep, k)
					}
				}
				ps = append(ps, Profile{dep, int64(rng.IntN(50))})
			}
			prevH := 2.0
			for _, k := range []float64{0.1, 0.25, DefaultK, 0.5, 0.8} {
				r, err := ComputeAF(ps, k, w, keys)
				if err != nil {
					t.Fatal(err)
				}
				var sum, contrib float64
				for _, x := range r.Indicators {
					sum += x.Weight * x.Censored
					contrib += x.Contribution
					if x.Censored > x.Raw+1e-12 {
						t.Fatalf("%s: censored %v above raw %v", x.Key, x.Censored, x.Raw)
					}
				}
				if !near(r.M0, r.H*r.A) || !near(r.M0, sum) || (r.M0 > 0 && !near(contrib, 100)) {
					t.Fatalf("std %s k=%v: M0 %v, H×A %v, Σwh %v, contributions %v", std.ID, k, r.M0, r.H*r.A, sum, contrib)
				}
				if r.Poor > 0 && (r.A+1e-9 < k || r.A > 1+1e-9) {
					t.Fatalf("A=%v outside [k, 1] for k=%v", r.A, k)
				}
				if r.H > prevH {
					t.Fatalf("H rose from %v to %v as k rose to %v", prevH, r.H, k)
				}
				prevH = r.H
			}
		}
	}
}

func TestComputeAFRefuses(t *testing.T) {
	w := NestedWeights(handStandard())
	for _, k := range []float64{0, -0.1, 1.01, math.NaN()} {
		if _, err := ComputeAF(handProfiles(), k, w, handOrder); giamngheo.ErrorCode(err) != giamngheo.EINVALID {
			t.Errorf("k=%v: error %v, want invalid", k, err)
		}
	}
	if _, err := ComputeAF(handProfiles(), DefaultK, Weights{water: 0.5}, handOrder); giamngheo.ErrorCode(err) != giamngheo.EINVALID {
		t.Errorf("weights summing to 0.5: error %v, want invalid", err)
	}
}

// TestNestedWeights: the default weights of the standards in force (Decree 07/2021:
// six dimensions of two indicators; Decree 351/2025: water, sanitation and environment
// has three indicators and information one).
func TestNestedWeights(t *testing.T) {
	for _, tt := range []struct {
		std  string
		want map[poverty.IndicatorKey]float64
	}{
		{"2022-2026", map[poverty.IndicatorKey]float64{poverty.IndicatorEmployment: 1.0 / 12, water: 1.0 / 12, poverty.IndicatorTelecom: 1.0 / 12, poverty.IndicatorInfoDevices: 1.0 / 12, waste: 0}},
		{"2027-2030", map[poverty.IndicatorKey]float64{poverty.IndicatorEmployment: 1.0 / 12, water: 1.0 / 18, waste: 1.0 / 18, poverty.IndicatorTelecom: 1.0 / 6, poverty.IndicatorInfoDevices: 0}},
	} {
		std, err := poverty.StandardByID(tt.std)
		if err != nil {
			t.Fatal(err)
		}
		w := NestedWeights(std)
		var sum float64
		for _, x := range w {
			sum += x
		}
		if !near(sum, 1) {
			t.Errorf("%s: weights sum to %v", tt.std, sum)
		}
		for k, want := range tt.want {
			if !near(w[k], want) {
				t.Errorf("%s: weight of %s = %v, want %v", tt.std, k, w[k], want)
			}
		}
	}
}

func TestParseWeights(t *testing.T) {
	std := handStandard()
	w, err := ParseWeights("water:2, latrine:1", std)
	if err != nil || !near(w[water], 2.0/3) || !near(w[latrine], 1.0/3) || w[nutrition] != 0 {
		t.Fatalf("relative weights: %v %v", w, err)
	}
	if w, err := ParseWeights("indicator", std); err != nil || !near(w[housing], 1.0/6) {
		t.Fatalf("equal weights: %v %v", w, err)
	}
	if w, err := ParseWeights("", std); err != nil || !near(w[housing], 1.0/3) {
		t.Fatalf("default weights: %v %v", w, err)
	}
	for _, bad := range []string{"employment:1", "water", "water:-1", "water:0", "water:x"} {
		if _, err := ParseWeights(bad, std); giamngheo.ErrorCode(err) != giamngheo.EINVALID {
			t.Errorf("%q: error %v, want invalid", bad, err)
		}
	}
}

func TestProfiles(t *testing.T) {
	p := Profiles{
		ProfileMeasure("2022-2026", ",water,latrine,"): 3,
		ProfileMeasure("2022-2026", ""):                5,
		ProfileMeasure("2027-2030", ",waste,"):         2,
		ProfileMeasure("", ""):                         1,
		MeasureHouseholds:                              11,
	}
	got, others := p.Of("2022-2026")
	if others != 3 || len(got) != 2 || got[0].N != 5 || len(got[0].Deprived) != 0 ||
		got[1].N != 3 || len(got[1].Deprived) != 2 || got[1].Deprived[0] != water || got[1].Deprived[1] != latrine {
		t.Fatalf("Of: %+v, others %d", got, others)
	}
	if _, _, ok := ParseProfileMeasure("dep:water"); ok {
		t.Fatal("dep:water parsed as a profile")
	}
}

func TestParseK(t *testing.T) {
	for in, want := range map[string]float64{"": 0, "1/3": 1.0 / 3, "0.25": 0.25, "0,25": 0.25, " 2 / 5 ": 0.4} {
		if got, err := ParseK(in); err != nil || !near(got, want) {
			t.Errorf("ParseK(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"abc", "1/0", "0", "1/x"} {
		if _, err := ParseK(bad); giamngheo.ErrorCode(err) != giamngheo.EINVALID {
			t.Errorf("ParseK(%q): %v, want invalid", bad, err)
		}
	}
}
