package storetest

import (
	"context"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/support"
)

// testSupportNeeds: the worklists read the maintained needs by keyset cursor, page by
// page forward and back, and apply the age windows on the day of the reading: a child
// turning 6 joins the health-insurance worklist without any write.
func testSupportNeeds(t *testing.T, s Store) {
	now := time.Date(2026, 11, 28, 3, 0, 0, 0, time.UTC)
	svc := supportService(s, &now)
	supportFixture(t, s, &now)
	province := actor(giamngheo.RoleProvinceOfficer, "", "")
	all, err := svc.FindGaps(province, support.GapHealthInsurance, 0, 100)
	MustOK(t, err)
	if len(all.Gaps) != 3 {
		t.Fatalf("health-insurance worklist: %+v", all.Gaps)
	}
	key := func(g support.Gap) string { return g.HouseholdCode + "/" + g.MemberName }
	// The export's read: every row, in the list's order, page after page.
	every, err := svc.AllGaps(province, support.GapHealthInsurance)
	MustOK(t, err)
	if len(every) != len(all.Gaps) {
		t.Fatalf("AllGaps: %d rows, the list %d", len(every), len(all.Gaps))
	}
	for i := range every {
		if key(every[i]) != key(all.Gaps[i]) {
			t.Fatalf("AllGaps row %d: %s, the list's %s", i, key(every[i]), key(all.Gaps[i]))
		}
	}
	_, err = svc.AllGaps(actor(giamngheo.RoleAgencyOfficer, "10816", support.AgencyEducation), support.GapHealthInsurance)
	MustCode(t, err, giamngheo.EFORBIDDEN)
	// Forward a row a page: every row once, in order, then no next page.
	var cur *support.NeedCursor
	var fwd []string
	for i := 0; ; i++ {
		if i > len(all.Gaps) {
			t.Fatalf("paging does not end: %v", fwd)
		}
		w, err := svc.FindGapsAt(province, support.GapHealthInsurance, cur, 1)
		MustOK(t, err)
		if w.Total != 3 || len(w.Gaps) != 1 {
			t.Fatalf("page %d: total %d, %d rows", i, w.Total, len(w.Gaps))
		}
		if (i == 0) != (w.Prev == nil) {
			t.Fatalf("page %d: previous page %+v", i, w.Prev)
		}
		fwd = append(fwd, key(w.Gaps[0]))
		if w.Next == nil {
			break
		}
		// The cursor goes through a link.
		if cur, err = support.ParseNeedCursor(w.Next.String()); err != nil {
			t.Fatal(err)
		}
	}
	for i, g := range all.Gaps {
		if i >= len(fwd) || fwd[i] != key(g) {
			t.Fatalf("pages forward %v, the list %+v", fwd, all.Gaps)
		}
	}
	// Back from the last row: the two before it, the first with no previous page.
	last := &support.NeedCursor{}
	w, err := svc.FindGapsAt(province, support.GapHealthInsurance, nil, 3)
	MustOK(t, err)
	g := w.Gaps[2]
	last.CommuneCode, last.HouseholdCode, last.Before = g.CommuneCode, g.HouseholdCode, true
	last.Seq = 0 // before every member of the last household
	back, err := svc.FindGapsAt(province, support.GapHealthInsurance, last, 2)
	MustOK(t, err)
	if len(back.Gaps) != 2 || key(back.Gaps[0]) != fwd[0] || key(back.Gaps[1]) != fwd[1] || back.Prev != nil || back.Next == nil {
		t.Fatalf("page back: %+v prev %v next %v; forward %v", back.Gaps, back.Prev, back.Next, fwd)
	}
	if _, err := support.ParseNeedCursor("zzz"); err == nil {
		t.Fatal("a bad cursor was read")
	}

	// Cúc (HL-002, born 2022-02-02, no card) is under 6 until 2 February 2028: then she
	// is on the list and no longer covered, though nothing was written.
	ms, err := svc.Measures(province)
	MustOK(t, err)
	before := ms[support.MeasureHealthInsurance]
	now = time.Date(2028, 2, 2, 3, 0, 0, 0, time.UTC)
	w, err = svc.FindGaps(province, support.GapHealthInsurance, 0, 100)
	MustOK(t, err)
	found := false
	for _, g := range w.Gaps {
		found = found || g.MemberName == "Trần Thị Cúc"
	}
	if w.Total != 4 || !found {
		t.Fatalf("on her sixth birthday: %+v", w.Gaps)
	}
	ms, err = svc.Measures(province)
	MustOK(t, err)
	if after := ms[support.MeasureHealthInsurance]; after.Whole != before.Whole || after.Part != before.Part-1 {
		t.Fatalf("coverage %+v then %+v: one person fewer covered", before, after)
	}
	now = time.Date(2028, 2, 1, 3, 0, 0, 0, time.UTC)
	w, err = svc.FindGaps(province, support.GapHealthInsurance, 0, 100)
	MustOK(t, err)
	if w.Total != 3 {
		t.Fatalf("the day before her sixth birthday: %+v", w.Gaps)
	}
	// A card recorded in the commune the household was in before a move (the record
	// keeps that commune, here one outside the scope) still closes the gap: the list
	// and its total agree.
	now = time.Date(2026, 11, 28, 3, 0, 0, 0, time.UTC)
	card := all.Gaps[0]
	_, err = s.InsertSupports(context.Background(), []*support.Record{{HouseholdID: card.HouseholdID, Person: support.PersonKey(card.MemberName, card.BirthDate),
		MemberName: card.MemberName, BirthDate: card.BirthDate, ProvinceCode: "30", CommuneCode: "99999", Type: support.TypeHealthInsurance,
		Agency: support.AgencyInsurance, Day: "2026-03-02", Year: 2026}})
	MustOK(t, err)
	hp := actor(giamngheo.RoleProvinceOfficer, "31", "") // a scope of communes: the records are filtered by it
	closed, err := svc.FindGaps(hp, support.GapHealthInsurance, 0, 100)
	MustOK(t, err)
	if closed.Total != 2 || len(closed.Gaps) != 2 {
		t.Fatalf("after a card recorded before a move: total %d, %d rows, want 2 and 2", closed.Total, len(closed.Gaps))
	}
	for _, x := range closed.Gaps {
		if key(x) == key(card) {
			t.Fatalf("%s is still on the list after the card", key(card))
		}
	}
}
