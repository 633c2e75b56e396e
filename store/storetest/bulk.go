package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"giamngheo"
	"giamngheo/registry"
)

// testBulkImport: an import of a file that is not in commune order, large enough for
// a store to set indexes aside, ends with its households in administrative-code order,
// members beside their household, the indexes back, and the national IDs that stored
// households already hold found; a rolled-back import leaves everything as it was.
func testBulkImport(t *testing.T, s Store) {
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(context.Background(), units, maps))
	now := t0
	svc := registryService(s, &now)
	sys := giamngheo.NewContextWithActor(context.Background(), giamngheo.System)
	c, err := svc.NewClassifier(t0)
	MustOK(t, err)

	old := newHousehold("OLD-1", 40_000_000)
	MustOK(t, svc.CreateHousehold(sys, old))
	heldID := old.Members[0].NationalID // 030080001234, the head of OLD-1 (commune 10816)

	// The file: communes 10816, 10813, 10816, 10813. A-2's head (10813) carries OLD-1's
	// head's ID; every other ID is distinct.
	file := []struct{ code, commune string }{{"B-1", "10816"}, {"A-1", "10813"}, {"B-2", "10816"}, {"A-2", "10813"}}
	var hs []*registry.Household
	for i, f := range file {
		h := newHousehold(f.code, 40_000_000)
		h.CommuneCode = f.commune
		h.Members[0].NationalID = fmt.Sprintf("03008000%04d", 100+i)
		if f.code == "A-2" {
			h.Members[0].NationalID = heldID
		}
		MustOK(t, c.Prepare(sys, h))
		hs = append(hs, h)
	}
	var mark registry.ImportMark
	err = s.WithTx(sys, func(ctx context.Context) error {
		var err error
		// 50,000 expected members against 3 stored: large enough for any store to defer.
		if mark, err = s.BeginImport(ctx, 50_000); err != nil {
			return err
		}
		for _, part := range [][]*registry.Household{hs[:2], hs[2:]} {
			if _, err := svc.ImportBatch(ctx, part); err != nil {
				return err
			}
		}
		if err := s.FinishImport(ctx, mark, true); err != nil {
			return err
		}
		reps, err := s.FindNationalIDRepeats(ctx, registry.RepeatQuery{SinceMember: mark.Member, Limit: 10})
		if err != nil {
			return err
		}
		if len(reps) != 1 || reps[0].HouseholdCode != "A-2" || reps[0].OtherHouseholdCode != "OLD-1" || reps[0].MemberSeq != 0 ||
			reps[0].NationalID != heldID || reps[0].OtherCommuneCode != "10816" || reps[0].OtherMemberName != "Nguyễn Văn Hùng" {
			return fmt.Errorf("repeats since the mark: %+v", reps)
		}
		return nil
	})
	MustOK(t, err)
	if mark.Household != old.ID || mark.Member != old.Members[2].ID {
		t.Fatalf("mark %+v, want household %d member %d", mark, old.ID, old.Members[2].ID)
	}

	var codes []string
	var lastMember int64
	MustOK(t, s.EachHousehold(sys, registry.HouseholdFilter{}, func(h *registry.Household) error {
		codes = append(codes, h.Code+"@"+h.CommuneCode)
		if len(h.Members) != 3 || h.Members[1].Name != "Lê Thị Hoa" || h.Result == nil {
			return fmt.Errorf("household %s after the reorder: %d members, result %v", h.Code, len(h.Members), h.Result)
		}
		for _, m := range h.Members {
			if m.ID <= lastMember {
				return fmt.Errorf("member %d of %s is not after the members of the households before it (%d)", m.ID, h.Code, lastMember)
			}
			lastMember = m.ID
		}
		return nil
	}))
	if got := strings.Join(codes, " "); got != "OLD-1@10816 A-1@10813 A-2@10813 B-1@10816 B-2@10816" {
		t.Fatalf("households in id order: %s", got)
	}
	a2, err := s.FindHouseholdByCode(sys, "31", "A-2")
	MustOK(t, err)
	if a2.ID <= mark.Household || a2.Members[0].NationalID != heldID {
		t.Fatalf("A-2 has id %d (mark %d) and ID %s", a2.ID, mark.Household, a2.Members[0].NationalID)
	}

	// The household page's warnings: the other household is named within the scope only.
	province := giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{UserID: 5, Username: "tinh", Role: giamngheo.RoleProvinceOfficer, ScopeCode: "31"})
	thanhha := giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{UserID: 4, Username: "xa.thanhha", Role: giamngheo.RoleCommuneOfficer, ScopeCode: "10813"})
	ws, err := svc.NationalIDsElsewhere(province, a2)
	MustOK(t, err)
	if len(ws) != 1 || ws[0].Code != registry.WarnNationalIDElsewhere || ws[0].Field != "members[0].national_id" || !strings.Contains(ws[0].Message, "hộ OLD-1") {
		t.Fatalf("province officer's warnings on A-2: %+v", ws)
	}
	ws, err = svc.NationalIDsElsewhere(thanhha, a2)
	MustOK(t, err)
	if len(ws) != 1 || strings.Contains(ws[0].Message, "OLD-1") || !strings.Contains(ws[0].Message, "ngoài phạm vi") {
		t.Fatalf("commune officer's warnings on A-2 name a household outside the scope: %+v", ws)
	}
	if ws, err := svc.NationalIDsElsewhere(province, old); err != nil || len(ws) != 1 || !strings.Contains(ws[0].Message, "hộ A-2") {
		t.Fatalf("warnings on OLD-1: %+v %v", ws, err)
	}

	// A rolled-back import: nothing of it stays, and the indexes it set aside are back.
	boom := errors.New("boom")
	extra := newHousehold("C-1", 40_000_000)
	extra.Members[0].NationalID = heldID
	MustOK(t, c.Prepare(sys, extra))
	err = s.WithTx(sys, func(ctx context.Context) error {
		m, err := s.BeginImport(ctx, 1_000_000)
		if err != nil {
			return err
		}
		if _, err := svc.ImportBatch(ctx, []*registry.Household{extra}); err != nil {
			return err
		}
		if err := s.FinishImport(ctx, m, false); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("rolled-back import: %v", err)
	}
	_, err = s.FindHouseholdByCode(sys, "31", "C-1")
	MustCode(t, err, giamngheo.ENOTFOUND)
	// One household's repeats (its page): OLD-1's head's ID, held by A-2's head.
	if reps, err := s.FindNationalIDRepeats(sys, registry.RepeatQuery{Household: old.ID}); err != nil || len(reps) != 1 ||
		reps[0].HouseholdCode != "OLD-1" || reps[0].NationalID != heldID || reps[0].OtherHouseholdCode != "A-2" || reps[0].OtherCommuneCode != "10813" {
		t.Fatalf("after a rollback: %+v %v", reps, err)
	}
}
