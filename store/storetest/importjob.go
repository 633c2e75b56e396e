package storetest

import (
	"context"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/audit"
	"giamngheo/registry"
)

// testImportUndo: an import that writes in slices records what each slice created and
// changed; undoing the job removes the households it created (with their part of the
// roll-ups), gives the ones it changed their content from before, keeps a household
// somebody changed after the import, and marks the job undone, every step audited.
func testImportUndo(t *testing.T, s Store) {
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(context.Background(), units, maps))
	now := t0
	svc := registryService(s, &now)
	sys := giamngheo.NewContextWithActor(context.Background(), giamngheo.System)
	c, err := svc.NewClassifier(t0)
	MustOK(t, err)

	old := newHousehold("OLD-1", 40_000_000)
	MustOK(t, svc.CreateHousehold(sys, old))
	has, err := s.HasHouseholds(sys)
	MustOK(t, err)
	if !has {
		t.Fatal("HasHouseholds = false with a household stored")
	}
	const job = "import-test-undo"
	ctx := audit.ContextWithJob(sys, job)
	MustOK(t, s.StartImportJob(ctx, &registry.ImportJob{ID: job, State: registry.ImportRunning, File: "f.csv", Owner: "host:1",
		StartedAt: now, HeartbeatAt: now}))

	// Two slices: the first creates, the second changes OLD-1's address and
	// names A-1 again with another address (the job keeps A-1 as created).
	slice := func(hs ...*registry.Household) registry.ImportCounts {
		t.Helper()
		var counts registry.ImportCounts
		MustOK(t, s.WithTx(ctx, func(ctx context.Context) error {
			var err error
			if counts, err = svc.ImportBatch(ctx, hs); err != nil {
				return err
			}
			return s.RecordImportSlice(ctx, job, counts.Written, now)
		}))
		return counts
	}
	prep := func(code, address string) *registry.Household {
		h := newHousehold(code, 40_000_000)
		h.Address = address
		if code != "OLD-1" {
			for i := range h.Members {
				h.Members[i].NationalID = ""
			}
		}
		MustOK(t, c.Prepare(sys, h))
		return h
	}
	now = now.Add(time.Minute)
	if got := slice(prep("A-1", "Số 1"), prep("A-2", "Số 2")); got.Created != 2 || len(got.Written) != 2 || !got.Written[0].Created {
		t.Fatalf("first slice: %+v", got)
	}
	now = now.Add(time.Minute)
	if got := slice(prep("OLD-1", "Địa chỉ mới"), prep("A-1", "Số 1 sửa")); got.Updated != 2 || len(got.Written) != 2 || got.Written[0].Created {
		t.Fatalf("second slice: %+v", got)
	}
	rows, err := s.ImportedHouseholds(sys, job, 0, 10)
	MustOK(t, err)
	if len(rows) != 3 || !rows[1].Created || rows[1].VersionAfter != 2 || rows[0].HouseholdID != old.ID || rows[0].VersionBefore != 1 {
		t.Fatalf("recorded rows: %+v", rows)
	}
	running, err := s.FindImportJobs(sys, registry.ImportRunning)
	MustOK(t, err)
	if len(running) != 1 || running[0].ID != job || !running[0].HeartbeatAt.Equal(now) || running[0].Owner != "host:1" {
		t.Fatalf("running jobs: %+v", running)
	}

	// Somebody edits A-2 after the import wrote it: the undo keeps that household.
	a2, err := s.FindHouseholdByCode(sys, "30", "A-2")
	if giamngheo.ErrorCode(err) == giamngheo.ENOTFOUND {
		a2, err = s.FindHouseholdByCode(sys, old.ProvinceCode, "A-2")
	}
	MustOK(t, err)
	phone := "0912345678"
	_, err = svc.UpdateHousehold(sys, a2.ID, registry.HouseholdUpdate{BaseVersion: a2.Version, Phone: &phone})
	MustOK(t, err)

	now = now.Add(time.Minute)
	n, err := svc.UndoImport(sys, job)
	MustOK(t, err)
	if n != (registry.UndoCounts{Removed: 1, Restored: 1, Kept: 1}) {
		t.Fatalf("undo: %+v", n)
	}
	if _, err := s.FindHouseholdByCode(sys, old.ProvinceCode, "A-1"); giamngheo.ErrorCode(err) != giamngheo.ENOTFOUND {
		t.Fatalf("A-1 after the undo: %v", err)
	}
	back, err := s.FindHouseholdByID(sys, old.ID)
	MustOK(t, err)
	if back.Address != old.Address || back.Version != 3 || len(back.Members) != 3 {
		t.Fatalf("OLD-1 after the undo: address %q version %d, %d members", back.Address, back.Version, len(back.Members))
	}
	kept, err := s.FindHouseholdByID(sys, a2.ID)
	MustOK(t, err)
	if kept.Phone != phone {
		t.Fatalf("A-2 after the undo: %+v", kept)
	}
	mustVerify(t, s, "after the undo")
	if running, err = s.FindImportJobs(sys, registry.ImportRunning); err != nil || len(running) != 0 {
		t.Fatalf("running jobs after the undo: %+v %v", running, err)
	}
	undone, err := s.FindImportJobs(sys, registry.ImportUndone)
	MustOK(t, err)
	if len(undone) != 1 || !undone[0].EndedAt.Equal(now) {
		t.Fatalf("undone jobs: %+v", undone)
	}
	entries, _, err := s.FindAudit(sys, audit.Filter{Job: job})
	MustOK(t, err)
	actions := map[string]int{}
	for _, e := range entries {
		actions[e.Action]++
	}
	if actions["import_undo"] != 2 || actions["import_undo_kept"] != 1 || actions["create"] != 2 || actions["update"] < 3 {
		t.Fatalf("audit of the job: %v", actions)
	}
}
