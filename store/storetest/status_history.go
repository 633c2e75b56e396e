package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
)

// testStatusHistory: every change of a household's recognised status is kept, with its
// class, day, decision, round and certificate, and read newest first (by the day it
// took effect, not by the order it was entered); the history is read within the
// actor's scope only.
func testStatusHistory(t *testing.T, s Store) {
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(context.Background(), units, maps))
	now := time.Date(2026, time.August, 20, 3, 0, 0, 0, time.UTC)
	reg := registryService(s, &now)
	officer := giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{UserID: 3, Username: "xa.honglac", Role: giamngheo.RoleCommuneOfficer, ScopeCode: "10816"})
	h := newHousehold("HL-050", 3*1_000_000*12)
	MustOK(t, reg.CreateHousehold(officer, h))
	if hist, err := reg.StatusHistory(officer, h.ID); err != nil || len(hist) != 0 {
		t.Fatalf("a household never decided has no history: %+v %v", hist, err)
	}
	changes := []registry.Recognition{
		{Class: poverty.Poor, Since: "2024-01-10", DecidedOn: "2024-01-08", DecisionNumber: "12/QĐ-UBND", RoundID: 4, Certificate: 5},
		// Entered out of order: an older decision recorded late.
		{Class: poverty.NearPoor, Since: "2025-06-01", DecidedOn: "2025-05-30", DecisionNumber: "88/QĐ-UBND", RoundID: 9, Certificate: 17},
		{Class: "", Since: "2026-03-01", DecidedOn: "2026-03-01", DecisionNumber: "30/QĐ-UBND", RoundID: 11},
		{Class: poverty.Poor, Since: "2023-12-20", DecidedOn: "2023-12-20", DecisionNumber: "101/QĐ-UBND", RoundID: 2, Certificate: 40},
	}
	for _, rc := range changes {
		MustOK(t, s.SetHouseholdStatus(context.Background(), h.ID, rc))
	}
	hist, err := reg.StatusHistory(officer, h.ID)
	MustOK(t, err)
	var got []string
	for _, c := range hist {
		got = append(got, fmt.Sprintf("%s %s %s %s r%d c%d", c.Class, c.Since, c.DecidedOn, c.DecisionNumber, c.RoundID, c.Certificate))
	}
	// The last one entered (the household's row holds it) is the oldest by its day:
	// it comes where its day puts it.
	want := []string{
		" 2026-03-01 2026-03-01 30/QĐ-UBND r11 c0",
		"near_poor 2025-06-01 2025-05-30 88/QĐ-UBND r9 c17",
		"poor 2024-01-10 2024-01-08 12/QĐ-UBND r4 c5",
		"poor 2023-12-20 2023-12-20 101/QĐ-UBND r2 c40",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("status history:\n got %q\nwant %q", got, want)
	}
	other := giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{UserID: 4, Username: "xa.khac", Role: giamngheo.RoleCommuneOfficer, ScopeCode: "10813"})
	if _, err := reg.StatusHistory(other, h.ID); err == nil {
		t.Fatal("another commune's officer read the status history")
	}
	if _, err := s.FindStatusHistory(context.Background(), h.ID+1000); giamngheo.ErrorCode(err) != giamngheo.ENOTFOUND {
		t.Fatalf("history of a missing household: %v", err)
	}
}
