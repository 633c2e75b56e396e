package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/registry"
	"giamngheo/user"
)

// TestDemoSeedCarriesHouseholdsThroughTheMergers: the first start seeds Hải Dương's
// households on the 2023 map and carries them into Thành phố Hải Phòng; the same
// household is under its 2023 commune (province 30) as of 2024 and under a Hải Phòng
// commune (province 31) today, and the demo commune officer sees the households of
// their new commune.
func TestDemoSeedCarriesHouseholdsThroughTheMergers(t *testing.T) {
	c := DefaultConfig()
	c.Addr, c.DB, c.DemoHouseholds = "127.0.0.1:0", filepath.Join(t.TempDir(), "demo.db"), 3000
	var out bytes.Buffer
	_, a, err := start(context.Background(), c, slog.New(slog.NewTextHandler(io.Discard, nil)), &out)
	if err != nil {
		t.Fatal(err)
	}
	defer a.store.Close()
	if !strings.Contains(out.String(), "3000 Hải Dương households") || !strings.Contains(out.String(), "canbo.xa") {
		t.Fatalf("first start output:\n%s", out.String())
	}
	ctx := systemCtx(context.Background())
	hs, total, err := a.store.FindHouseholds(ctx, registry.HouseholdFilter{Page: registryPage(3000)})
	if err != nil || total != 3000 {
		t.Fatalf("households: %d, %v", total, err)
	}
	units, _, _ := admin.EmbeddedProvinces("30", "31")
	poorish := 0
	for _, h := range hs {
		if h.ProvinceCode != "31" {
			t.Fatalf("household %s is in province %s today, want 31 (Hải Phòng)", h.Code, h.ProvinceCode)
		}
		if admin.Province(units, h.CommuneCode, "2026-01-01") != "31" {
			t.Fatalf("household %s: commune %s is not a Hải Phòng commune today", h.Code, h.CommuneCode)
		}
		if h.Result.Class == "poor" || h.Result.Class == "near_poor" {
			poorish++
		}
	}
	if poorish == 0 {
		t.Fatal("the demo sample has no poor or near-poor household")
	}
	// As of 1 November 2024 the first household is under its 2023 commune in Hải Dương.
	then, err := a.reg.HouseholdAsOf(ctx, hs[0].ID, time.Date(2024, 11, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if then.ProvinceCode != "30" || admin.Province(units, then.CommuneCode, "2024-11-01") != "30" {
		t.Fatalf("as of 2024-11-01 household %s is in %s/%s, want a Hải Dương commune", then.Code, then.ProvinceCode, then.CommuneCode)
	}
	if !strings.HasPrefix(then.Code, then.CommuneCode) {
		t.Fatalf("the 2024 state should carry the 2023 commune of the household's code: %s in %s", then.Code, then.CommuneCode)
	}
	// The demo commune officer (Xã Thanh Hà, a new commune) sees exactly the households
	// now in that commune.
	u, err := a.store.FindUserByUsername(context.Background(), "canbo.xa")
	if err != nil {
		t.Fatal(err)
	}
	octx := userCtx(u)
	mine, n, err := a.reg.FindHouseholds(octx, registry.HouseholdFilter{Page: registryPage(3000)})
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, h := range hs {
		if h.CommuneCode == "10813" {
			want++
		}
	}
	if n != want || want == 0 {
		t.Fatalf("canbo.xa sees %d households, want the %d of commune 10813", n, want)
	}
	for _, h := range mine {
		if h.CommuneCode != "10813" {
			t.Fatalf("canbo.xa sees household %s of commune %s", h.Code, h.CommuneCode)
		}
	}
}

func registryPage(n int) giamngheo.Page { return giamngheo.Page{Limit: n} }

func userCtx(u *user.User) context.Context {
	return giamngheo.NewContextWithActor(context.Background(), u.Actor())
}
