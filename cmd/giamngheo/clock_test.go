package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"giamngheo/registry"

	"giamngheo"
)

// TestDayInVietnamEverywhere runs the server with its clock at 23:30 UTC on 30 June
// 2025, which is 06:30 on 1 July 2025 in Vietnam, the day of the reform: every page
// must speak of 1 July 2025 and of the new map.
func TestDayInVietnamEverywhere(t *testing.T) {
	r := MustRunServerAt(t, time.Date(2025, 6, 30, 23, 30, 0, 0, time.UTC))
	r.MustAddUser(t, "tinh.hp", giamngheo.RoleProvinceOfficer, "31")
	c := loginClient(t, r.URL, "tinh.hp", testPassword)
	get := func(path string) string {
		t.Helper()
		resp, err := c.Get(r.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d\n%s", path, resp.StatusCode, b)
		}
		return string(b)
	}
	if home := get("/"); !strings.Contains(home, "01/07/2025") || strings.Contains(home, "30/06/2025") {
		t.Fatal("home page: the reference date must be 01/07/2025")
	}
	// The form offers the communes of the new map (Hải Dương's communes are in Hải
	// Phòng from 1 July 2025), found by the commune picker's search; the rounds page
	// proposes July 2025.
	if form := get("/households/new?cq=10507"); !strings.Contains(form, `value="10507"`) {
		t.Fatal("household form: the communes of the map of 01/07/2025 are not offered")
	}
	rounds := get("/review")
	if !strings.Contains(rounds, `id="round-month" inputmode="numeric" value="7"`) || !strings.Contains(rounds, `id="round-year" inputmode="numeric" value="2025"`) {
		t.Fatal("review page: the month proposed must be 7/2025")
	}
	// A household registered now, then edited: its first version dates from 01/07/2025.
	h := poorHouseholdOf("10507", "TD-0701", "Nguyễn Thị Bảy")
	if err := r.App.reg.CreateHousehold(systemCtx(context.Background()), h); err != nil {
		t.Fatal(err)
	}
	phone := "0912345678"
	if _, err := r.App.reg.UpdateHousehold(systemCtx(context.Background()), h.ID, registry.HouseholdUpdate{BaseVersion: h.Version, Phone: &phone}); err != nil {
		t.Fatal(err)
	}
	page := get(fmt.Sprintf("/households/%d", h.ID))
	hist := page[strings.Index(page, `id="history"`):]
	if !strings.Contains(hist, "01/07/2025") || strings.Contains(hist, "30/06/2025") {
		t.Fatalf("history: the first version must date from 01/07/2025:\n%s", hist[:min(len(hist), 400)])
	}
	if today := giamngheo.DayString(r.App.now()); today != "2025-07-01" {
		t.Fatalf("the product's day is %s", today)
	}
}
