package storetest

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/registry"
)

// testNoLostUpdates: every edit carries the version it was based on. A stale edit is a
// conflict naming what changed since, an edit without a version is refused, and
// concurrent officers incrementing the same answer lose no increment: each one either
// lands on the version it read or is refused and retried.
func testNoLostUpdates(t *testing.T, s Store) {
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(context.Background(), units, maps))
	now := t0
	var mu sync.Mutex
	svc := registryService(s, &now)
	svc.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); now = now.Add(time.Second); return now }
	officer := giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{UserID: 3, Username: "xa.honglac", Role: giamngheo.RoleCommuneOfficer, ScopeCode: "10816"})
	h := newHousehold("HL-001", 3*1_000_000*12)
	MustOK(t, svc.CreateHousehold(officer, h))

	// Two officers open version 1; the first saves a new phone number, the second's
	// edit of the address is refused and names the phone.
	phone, addr := "0912345678", "Xóm Mới"
	_, err := svc.UpdateHousehold(officer, h.ID, registry.HouseholdUpdate{BaseVersion: 1, Phone: &phone})
	MustOK(t, err)
	_, err = svc.UpdateHousehold(officer, h.ID, registry.HouseholdUpdate{BaseVersion: 1, Address: &addr})
	MustCode(t, err, giamngheo.ECONFLICT)
	if msg := giamngheo.ErrorMessage(err); !strings.Contains(msg, "phone") || !strings.Contains(msg, "phiên bản 2") {
		t.Fatalf("the conflict must name the change and the version: %s", msg)
	}
	_, err = svc.UpdateHousehold(officer, h.ID, registry.HouseholdUpdate{Address: &addr})
	MustCode(t, err, giamngheo.EINVALID)
	got, err := svc.FindHouseholdByID(officer, h.ID)
	MustOK(t, err)
	if got.Address == addr || got.Phone != phone || got.Version != 2 {
		t.Fatalf("after the refused edit: address %q, phone %q, version %d", got.Address, got.Phone, got.Version)
	}

	// Concurrent increments of the poultry count, each retried on conflict.
	const writers, each = 8, 8
	start := *got.Livelihood.Poultry
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for done := 0; done < each; {
				cur, err := svc.FindHouseholdByID(officer, h.ID)
				if err != nil {
					errs <- err
					return
				}
				land := cur.Livelihood
				n := *land.Poultry + 1
				land.Poultry = &n
				_, err = svc.UpdateHousehold(officer, h.ID, registry.HouseholdUpdate{BaseVersion: cur.Version, Livelihood: &land})
				switch giamngheo.ErrorCode(err) {
				case "":
					done++
				case giamngheo.ECONFLICT:
					// another officer saved first: read again and retry
				default:
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("a writer failed: %v", err)
	}
	got, err = svc.FindHouseholdByID(officer, h.ID)
	MustOK(t, err)
	if want := start + writers*each; *got.Livelihood.Poultry != want || got.Version != 2+writers*each {
		t.Fatalf("poultry %d (want %d), version %d (want %d): increments were lost", *got.Livelihood.Poultry, want, got.Version, 2+writers*each)
	}
}
