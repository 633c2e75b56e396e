package main

import (
	"context"
	"testing"

	"giamngheo/registry"
)

// TestDemoHouseholdsKeepTheirMembers: the demo seeds Hải Dương's households on the 2023
// map and carries them into Hải Phòng (province 30 → 31); each keeps its members, as
// the household page and an edit read them.
func TestDemoHouseholdsKeepTheirMembers(t *testing.T) {
	r := MustRunServer(t, func(c *Config) { c.DemoHouseholds = 300 })
	ctx := systemCtx(context.Background())
	hs, _, err := r.App.store.FindHouseholds(ctx, registry.HouseholdFilter{Page: registryPage(300)})
	if err != nil || len(hs) != 300 {
		t.Fatalf("demo households: %d, %v", len(hs), err)
	}
	for _, h := range hs[:20] {
		got, err := r.App.store.FindHouseholdByID(ctx, h.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.ProvinceCode != "31" || len(got.Members) == 0 {
			t.Fatalf("demo household %s in province %s has %d members", got.Code, got.ProvinceCode, len(got.Members))
		}
	}
}
