package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/support"
)

// testSupportMatchBatch: a beneficiary list longer than one lookup chunk matches row
// by row as it would one row at a time (the keys of the rows at the chunk's edges
// included), the candidates of several codes and IDs come back in one query, and the
// worklists' sizes from one walk equal the worklists' totals.
func testSupportMatchBatch(t *testing.T, s Store) {
	now := time.Date(2026, 11, 28, 3, 0, 0, 0, time.UTC)
	svc := supportService(s, &now)
	hs := supportFixture(t, s, &now)
	ctx := context.Background()

	cs, err := s.CandidatesByHouseholdCodes(ctx, []string{"HL-002", " HL-001 ", "NONE"})
	MustOK(t, err)
	per := map[string]int{}
	for _, c := range cs {
		per[c.HouseholdCode]++
	}
	if per["HL-001"] != len(hs["HL-001"].Members) || per["HL-002"] != 3 || len(per) != 2 {
		t.Fatalf("candidates of two codes: %v", per)
	}
	cs, err = s.CandidatesByNationalID(ctx, []string{"030080001234", "030080009999", "000000000000"})
	MustOK(t, err)
	if len(cs) != 2 {
		t.Fatalf("candidates of two IDs: %+v", cs)
	}

	// 1,201 rows: unknown codes and IDs around the real ones, so that the real keys fall
	// in the first, a middle and the last chunk of each kind.
	var rows []support.Row
	add := func(r support.Row) { r.Line = len(rows) + 2; r.Day = "2026-11-20"; rows = append(rows, r) }
	add(support.Row{NationalID: "030080001234"}) // Hùng of HL-001
	for i := 0; i < 600; i++ {
		add(support.Row{HouseholdCode: fmt.Sprintf("XX-%04d", i), Name: "Không Ai"})
		if i == 499 {
			add(support.Row{HouseholdCode: "HL-002", Name: "Trần Văn Dũng"})
		}
		add(support.Row{NationalID: fmt.Sprintf("0990%08d", i)})
	}
	add(support.Row{HouseholdCode: "HL-002", Name: "tran van binh"})
	add(support.Row{NationalID: "030080001234"}) // the same person again
	bhxh := actor(giamngheo.RoleAgencyOfficer, "10816", support.AgencyInsurance)
	rep, err := svc.MatchList(bhxh, support.TypeHealthInsurance, "lon.csv", rows)
	MustOK(t, err)
	if rep.Matched != 4 || rep.Unmatched != len(rows)-4 || rep.Ambiguous != 0 {
		t.Fatalf("long list: %d matched, %d unmatched, %d ambiguous of %d", rep.Matched, rep.Unmatched, rep.Ambiguous, len(rows))
	}
	for _, m := range rep.Matches {
		if m.Outcome != support.Matched {
			continue
		}
		c := m.Candidates[0]
		if (m.Row.NationalID != "" && c.NationalID != m.Row.NationalID) || (m.Row.HouseholdCode != "" && c.HouseholdCode != m.Row.HouseholdCode) {
			t.Fatalf("row %d matched %+v", m.Row.Line, c)
		}
	}
	res, err := svc.CommitList(bhxh, rep)
	MustOK(t, err)
	if res.Added != 3 || res.Already != 1 {
		t.Fatalf("commit %+v, want 3 added and the repeated row already recorded", res)
	}

	for _, a := range []context.Context{bhxh, actor(giamngheo.RoleProvinceOfficer, "", "")} {
		counts, err := svc.GapCounts(a)
		MustOK(t, err)
		if ag := giamngheo.ActorFromContext(a).Agency; ag != "" && len(counts) != len(support.GapSpecsOf(ag)) {
			t.Fatalf("an agency officer sizes %d worklists", len(counts))
		}
		for _, c := range counts {
			w, err := svc.FindGaps(a, c.Spec.Kind, 0, 1)
			MustOK(t, err)
			if w.Total != c.Count {
				t.Fatalf("%s: counted %d, worklist total %d", c.Spec.Kind, c.Count, w.Total)
			}
			// The support page's one walk: the same sizes and the same page.
			both, page, err := svc.Worklists(a, c.Spec.Kind, 0, 50)
			MustOK(t, err)
			want, err := svc.FindGaps(a, c.Spec.Kind, 0, 50)
			MustOK(t, err)
			if len(both) != len(counts) || page.Total != want.Total || len(page.Gaps) != len(want.Gaps) {
				t.Fatalf("%s: Worklists %d sizes, page %d of %d; FindGaps %d of %d", c.Spec.Kind, len(both), len(page.Gaps), page.Total, len(want.Gaps), want.Total)
			}
			for i := range both {
				if both[i].Spec.Kind != counts[i].Spec.Kind || both[i].Count != counts[i].Count {
					t.Fatalf("%s: sizes %+v, want %+v", c.Spec.Kind, both[i], counts[i])
				}
			}
			for i := range page.Gaps {
				if page.Gaps[i].HouseholdID != want.Gaps[i].HouseholdID || page.Gaps[i].MemberID != want.Gaps[i].MemberID {
					t.Fatalf("%s: row %d differs", c.Spec.Kind, i)
				}
			}
		}
	}
}
