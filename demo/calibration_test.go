package demo

import (
	"math"
	"testing"

	"giamngheo/poverty"
)

// sampleSize shrinks the calibration samples under -short; the rates are met to one
// household per province by construction, so they hold at any size.
func sampleSize(n int) int {
	if testing.Short() {
		return n / 4
	}
	return n
}

// within fails the test when got is more than tol percentage points from want.
func within(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.3f %%, want %.2f %% ± %.2f", what, got, want, tol)
	} else {
		t.Logf("%s = %.3f %% (published %.2f %%)", what, got, want)
	}
}

// Hải Dương, 2022 review (regulations.md §6.2): 13,823 poor = 2.15 %, 14,441
// near-poor = 2.24 %.
func TestCalibrationHaiDuong2022(t *testing.T) {
	cfg := Config{Provinces: []string{"30"}, Households: sampleSize(200_000), Seed: 2022, ReferenceDate: date(2022, 10, 1)}
	res := classifySample(t, cfg, nil)
	if res.mismatches != 0 {
		t.Errorf("%d households classify differently from their target; first: %s", res.mismatches, res.firstBad)
	}
	if res.all.n != cfg.Households {
		t.Errorf("generated %d households, want %d", res.all.n, cfg.Households)
	}
	within(t, "Hải Dương 2022 poor", res.all.poorPct(), 2.15, 0.15)
	within(t, "Hải Dương 2022 near-poor", res.all.nearPct(), 2.24, 0.15)
}

// Hải Dương, 2024 review: 0.96 % poor, 1.30 % near-poor; by district Thanh Hà (294)
// highest at 1.25 %, TP Hải Dương (288) 0.73 %, Chí Linh (290) lowest at 0.61 %.
func TestCalibrationHaiDuong2024(t *testing.T) {
	cfg := Config{Provinces: []string{"30"}, Households: sampleSize(200_000), Seed: 2024, ReferenceDate: date(2024, 10, 1)}
	res := classifySample(t, cfg, nil)
	if res.mismatches != 0 {
		t.Errorf("%d households classify differently from their target; first: %s", res.mismatches, res.firstBad)
	}
	within(t, "Hải Dương 2024 poor", res.all.poorPct(), 0.96, 0.15)
	within(t, "Hải Dương 2024 near-poor", res.all.nearPct(), 1.30, 0.15)
	thanhHa, tpHD, chiLinh := res.byDistrict["294"], res.byDistrict["288"], res.byDistrict["290"]
	if thanhHa == nil || tpHD == nil || chiLinh == nil {
		t.Fatalf("districts missing: %v", res.byDistrict)
	}
	within(t, "Thanh Hà 2024 poor", thanhHa.poorPct(), 1.25, 0.15)
	within(t, "TP Hải Dương 2024 poor", tpHD.poorPct(), 0.73, 0.15)
	within(t, "Chí Linh 2024 poor", chiLinh.poorPct(), 0.61, 0.15)
	if !(thanhHa.poorPct() > tpHD.poorPct() && tpHD.poorPct() > chiLinh.poorPct()) {
		t.Errorf("district order: Thanh Hà %.3f, TP Hải Dương %.3f, Chí Linh %.3f; want Thanh Hà > TP Hải Dương > Chí Linh",
			thanhHa.poorPct(), tpHD.poorPct(), chiLinh.poorPct())
	}
	for code, d := range res.byDistrict {
		if code != "294" && d.poorPct() > thanhHa.poorPct() {
			t.Errorf("district %s (%.3f %%) is poorer than Thanh Hà (%.3f %%), published as the highest", code, d.poorPct(), thanhHa.poorPct())
		}
		if code != "290" && d.poorPct() < chiLinh.poorPct() {
			t.Errorf("district %s (%.3f %%) is less poor than Chí Linh (%.3f %%), published as the lowest", code, d.poorPct(), chiLinh.poorPct())
		}
	}
}

// Vietnam, 2022 review (regulations.md §6.1): 4.03 % poor, 3.49 % near-poor; regional
// poor + near-poor rates as published, and the Red River Delta's split.
func TestCalibrationVietnam2022(t *testing.T) {
	var all []string
	for _, p := range provinces {
		all = append(all, p.code)
	}
	cfg := Config{Provinces: all, Households: sampleSize(300_000), Seed: 63, ReferenceDate: date(2022, 10, 1)}
	res := classifySample(t, cfg, nil)
	if res.mismatches != 0 {
		t.Errorf("%d households classify differently from their target; first: %s", res.mismatches, res.firstBad)
	}
	within(t, "Vietnam 2022 poor", res.all.poorPct(), 4.03, 0.3)
	within(t, "Vietnam 2022 near-poor", res.all.nearPct(), 3.49, 0.3)
	for reg, want := range map[poverty.Region]float64{tdmnpb: 21.92, dbsh: 2.45, btb: 10.04, tn: 15.39, dnb: 0.34, dbscl: 5.73} {
		x := res.byRegion[reg]
		if x == nil {
			t.Errorf("no households in region %s", reg)
			continue
		}
		within(t, string(reg)+" 2022 poor + near-poor", x.poorPct()+x.nearPct(), want, 0.3)
	}
	within(t, "red_river_delta 2022 poor", res.byRegion[dbsh].poorPct(), 1.00, 0.15)
}

// Every household of every standard and map classifies as its target: the 2027-2030
// standard (other lines, the waste indicator) and the 34-province map of July 2025.
func TestTargetsOtherStandardsAndMaps(t *testing.T) {
	for _, cfg := range []Config{
		{Provinces: []string{"31", "08"}, Households: sampleSize(40_000), Seed: 1, ReferenceDate: date(2025, 10, 1)},
		{Provinces: []string{"31", "52", "96"}, Households: sampleSize(40_000), Seed: 1, ReferenceDate: date(2027, 10, 1)},
		{Provinces: []string{"02", "11", "62", "94"}, Households: sampleSize(40_000), Seed: 1, ReferenceDate: date(2023, 10, 1)},
	} {
		res := classifySample(t, cfg, nil)
		if res.mismatches != 0 {
			t.Errorf("%v %s: %d households classify differently from their target; first: %s",
				cfg.Provinces, cfg.ReferenceDate.Format("2006-01-02"), res.mismatches, res.firstBad)
		}
		// The sample's rates are the plan's, household-weighted.
		g, _ := New(cfg)
		var n, poor float64
		for _, c := range g.Communes() {
			n += float64(c.Households)
			poor += float64(c.Poor)
		}
		within(t, "plan poor", res.all.poorPct(), 100*poor/n, 0.001)
	}
}
