package admin

import "testing"

func TestInferMergerMappingHaiDuong2025(t *testing.T) {
	units, _, err := EmbeddedProvinces("30")
	if err != nil {
		t.Fatal(err)
	}
	before, after := AsOf(units, "2024-12-31"), AsOf(units, "2025-03-01")
	maps := InferMergerMapping(before, after)
	communes := 0
	for _, u := range before {
		if u.Level == LevelCommune {
			communes++
		}
	}
	if len(maps) != communes || communes != 235 {
		t.Fatalf("%d mapping rows for %d communes, want one per commune of 235", len(maps), communes)
	}
	targets := map[string]bool{}
	moved := 0
	for _, m := range maps {
		targets[m.NewCode] = true
		if m.OldCode != m.NewCode {
			moved++
		}
	}
	// 235 communes became 207: every target is a 2025 commune, and at least the 28
	// communes too many have moved into another.
	afterCodes := map[string]bool{}
	for _, u := range after {
		afterCodes[u.Code] = true
	}
	for c := range targets {
		if !afterCodes[c] {
			t.Fatalf("target %s is not a 2025 commune", c)
		}
	}
	if len(targets) > 207 || moved < 235-207 {
		t.Fatalf("%d targets, %d moved; want at most 207 targets and at least 28 moved", len(targets), moved)
	}
}
