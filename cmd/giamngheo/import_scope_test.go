package main

import (
	"context"
	"strings"
	"testing"

	"giamngheo"
	"giamngheo/registry/imports"
)

// TestImportCannotReachAHouseholdOfAnotherCommune: a commune officer's file names its
// own commune but the code of a household stored in another commune. The row is
// refused as an invalid row whose message does not name the other commune, and the
// other household is left as it was, whether the import is all-or-nothing or skips
// the invalid rows (issue 10, item 1).
func TestImportCannotReachAHouseholdOfAnotherCommune(t *testing.T) {
	r := MustRunServer(t)
	lines := templateCSV(t)
	// KT-1 lives in 10804; the officer works in 10507, the template's commune.
	other := strings.ReplaceAll(householdRows(lines, "KT-1"), ",10507,", ",10804,")
	if _, err := importsRun(systemCtx(context.Background()), r.App, strings.NewReader(lines[0]+"\n"+other), "seed.csv"); err != nil {
		t.Fatal(err)
	}
	stored, err := r.App.store.FindHouseholdByCode(context.Background(), "31", "KT-1")
	if err != nil {
		t.Fatal(err)
	}
	r.MustAddUser(t, "xa.thanhdong", giamngheo.RoleCommuneOfficer, "10507")
	u, err := r.App.store.FindUserByUsername(context.Background(), "xa.thanhdong")
	if err != nil {
		t.Fatal(err)
	}
	ctx := giamngheo.NewContextWithActor(context.Background(), u.Actor())
	hostile := strings.ReplaceAll(householdRows(lines, "KT-1"), "Nguyễn Văn An", "Kẻ Mạo Danh")
	same := householdRows(lines, "KT-1") // same content as stored but for the commune
	for _, tc := range []struct {
		name string
		rows string
		skip bool
	}{
		{"all or nothing", hostile + householdRows(lines, "TD-1"), false},
		{"skip invalid", hostile + householdRows(lines, "TD-2"), true},
		{"identical row", same, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := imports.Run(ctx, r.App.reg, strings.NewReader(lines[0]+"\n"+tc.rows), "scope.csv", imports.Options{SkipInvalid: tc.skip})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Invalid != 1 || rep.Counts.Updated != 0 || rep.Counts.Unchanged != 0 {
				t.Fatalf("report %+v: want the row of KT-1 invalid, nothing updated or unchanged", rep)
			}
			if rep.Committed != tc.skip {
				t.Fatalf("committed = %v, want %v", rep.Committed, tc.skip)
			}
			found := false
			for _, is := range rep.Issues {
				text := is.Message + " " + is.MessageEN
				if strings.Contains(text, "10804") || strings.Contains(text, "Thanh") && strings.Contains(text, "KT-1") && strings.Contains(text, "Hà") {
					t.Fatalf("the refusal reveals the other commune: %s", text)
				}
				if strings.Contains(is.Message, "KT-1") && strings.Contains(is.Message, "ngoài phạm vi") && strings.Contains(is.MessageEN, "outside your scope") {
					found = true
				}
			}
			if !found {
				t.Fatalf("no refusal issue for KT-1: %+v", rep.Issues)
			}
			after, err := r.App.store.FindHouseholdByCode(context.Background(), "31", "KT-1")
			if err != nil {
				t.Fatal(err)
			}
			if after.Version != stored.Version || after.HeadName != stored.HeadName || after.CommuneCode != "10804" {
				t.Fatalf("the other commune's household changed: %+v", after)
			}
		})
	}
	// The rows of the officer's own commune were imported when skipping.
	if _, err := r.App.store.FindHouseholdByCode(context.Background(), "31", "TD-2"); err != nil {
		t.Fatalf("TD-2 of the officer's own commune was not imported: %v", err)
	}
}
