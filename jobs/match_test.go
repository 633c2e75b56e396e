package jobs

import (
	"slices"
	"testing"

	"giamngheo/poverty"
)

func TestPriorityOf(t *testing.T) {
	for _, tt := range []struct {
		class     poverty.Class
		escaped   bool
		lowIncome bool
		want      Priority
	}{
		{poverty.Poor, false, false, PriorityPoor},
		{poverty.Poor, true, true, PriorityPoor},
		{poverty.NearPoor, true, false, PriorityNearPoor},
		{"", true, true, PriorityEscaped},
		{poverty.NotPoor, false, true, PriorityLowIncome},
		{"", false, false, PriorityNone},
	} {
		if got := PriorityOf(tt.class, tt.escaped, tt.lowIncome); got != tt.want {
			t.Errorf("PriorityOf(%q, %v, %v) = %q, want %q", tt.class, tt.escaped, tt.lowIncome, got, tt.want)
		}
	}
}

func TestSkillSet(t *testing.T) {
	got := SkillSet(" May công nghiệp, đóng gói;MAY CONG NGHIEP,, lái  xe ")
	if want := []string{"may cong nghiep", "dong goi", "lai xe"}; !slices.Equal(got, want) {
		t.Fatalf("SkillSet = %q, want %q", got, want)
	}
}

// TestScore: each part of the score on its own, worked out by hand from the weights.
func TestScore(t *testing.T) {
	base := func() (*Seeker, *Vacancy) {
		return &Seeker{CommuneCode: "10816", ProvinceCode: "31", Range: RangeProvince, Consent: true, Status: SeekerActive},
			&Vacancy{CommuneCode: "10816", ProvinceCode: "31", Skills: "may công nghiệp, đóng gói", WageMin: 5_000_000, WageMax: 6_000_000}
	}
	for _, tt := range []struct {
		name                             string
		change                           func(*Seeker, *Vacancy)
		skills, distance, priority, wage int
	}{
		{"no skill, same commune, no group, no wish", func(*Seeker, *Vacancy) {}, 0, 30, 0, 10},
		{"one of two skills, folded", func(s *Seeker, _ *Vacancy) { s.Skills = "May Cong Nghiep" }, 20, 30, 0, 10},
		{"both skills through the vocational qualification", func(s *Seeker, _ *Vacancy) { s.Skills, s.Vocational = "đóng gói", "May công nghiệp bậc 2" }, 40, 30, 0, 10},
		{"no skill asked", func(_ *Seeker, v *Vacancy) { v.Skills = "" }, 20, 30, 0, 10},
		{"same province", func(s *Seeker, _ *Vacancy) { s.CommuneCode = "10813" }, 0, 20, 0, 10},
		{"same province, commune range", func(s *Seeker, _ *Vacancy) { s.CommuneCode, s.Range = "10813", RangeCommune }, 0, 0, 0, 10},
		{"elsewhere, any range", func(s *Seeker, _ *Vacancy) { s.CommuneCode, s.ProvinceCode, s.Range = "00004", "01", RangeAny }, 0, 5, 0, 10},
		{"elsewhere, province range", func(s *Seeker, _ *Vacancy) { s.CommuneCode, s.ProvinceCode = "00004", "01" }, 0, 0, 0, 10},
		{"abroad, candidate", func(s *Seeker, v *Vacancy) { v.Abroad, s.LabourExport = "Nhật Bản", true }, 0, 15, 0, 10},
		{"abroad, not a candidate", func(s *Seeker, v *Vacancy) { v.Abroad = "Nhật Bản" }, 0, 0, 0, 10},
		{"poor", func(s *Seeker, _ *Vacancy) { s.Priority = PriorityPoor }, 0, 30, 20, 10},
		{"near-poor", func(s *Seeker, _ *Vacancy) { s.Priority = PriorityNearPoor }, 0, 30, 15, 10},
		{"escaped", func(s *Seeker, _ *Vacancy) { s.Priority = PriorityEscaped }, 0, 30, 10, 10},
		{"low income", func(s *Seeker, _ *Vacancy) { s.Priority = PriorityLowIncome }, 0, 30, 5, 10},
		{"wish met by the top of the range", func(s *Seeker, _ *Vacancy) { s.DesiredWage = 6_000_000 }, 0, 30, 0, 10},
		{"wish at 80%: 6,000,000 ≥ 0.8 × 7,500,000", func(s *Seeker, _ *Vacancy) { s.DesiredWage = 7_500_000 }, 0, 30, 0, 5},
		{"wish above: 6,000,000 < 0.8 × 7,600,000", func(s *Seeker, _ *Vacancy) { s.DesiredWage = 7_600_000 }, 0, 30, 0, 0},
		{"no wage stated", func(s *Seeker, v *Vacancy) { s.DesiredWage, v.WageMin, v.WageMax = 7_000_000, 0, 0 }, 0, 30, 0, 5},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, v := base()
			tt.change(s, v)
			m := Score(s, v)
			got := []int{m.Reasons[0].Points, m.Reasons[1].Points, m.Reasons[2].Points, m.Reasons[3].Points}
			if want := []int{tt.skills, tt.distance, tt.priority, tt.wage}; !slices.Equal(got, want) {
				t.Fatalf("parts %v, want %v (%+v)", got, want, m.Reasons)
			}
			if m.Score != tt.skills+tt.distance+tt.priority+tt.wage {
				t.Fatalf("score %d is not the sum of its parts", m.Score)
			}
			for _, r := range m.Reasons {
				if r.Why.VI == "" || r.Why.EN == "" {
					t.Fatalf("part %s is not explained", r.Part)
				}
			}
		})
	}
}

// rankFixture is a vacancy in commune 10816 of province 31 asking for two skills at
// up to 6,000,000 đ, and six seekers, scored by hand:
//
//	1 A poor, 10816, "May công nghiệp", wish 5,000,000:   20 + 30 + 20 + 10 = 80
//	2 B no group, 10816, both skills, no wish:            40 + 30 +  0 + 10 = 80
//	3 C near-poor, 10813 (province), "đóng gói", 7,000,000: 20 + 20 + 15 +  5 = 60
//	4 D escaped, 10813, commune range, both skills:        40 +  0 + 10 + 10 = 60
//	5 E poor, 10816, both skills, NO CONSENT:              never listed
//	6 F low income, Hà Nội, any range, no skill, 10,000,000: 0 +  5 +  5 +  0 = 10
//
// Ties go to the higher priority: A before B, C before D.
func rankFixture() (*Vacancy, []*Seeker) {
	v := &Vacancy{ID: 1, CommuneCode: "10816", ProvinceCode: "31", Skills: "may công nghiệp, đóng gói", WageMax: 6_000_000}
	sk := func(id int64, p Priority, commune, province string, r Range, skills string, wish int64, consent bool) *Seeker {
		return &Seeker{ID: id, Priority: p, CommuneCode: commune, ProvinceCode: province, Range: r, Skills: skills, DesiredWage: wish, Consent: consent, Status: SeekerActive}
	}
	return v, []*Seeker{
		sk(6, PriorityLowIncome, "00004", "01", RangeAny, "", 10_000_000, true),
		sk(4, PriorityEscaped, "10813", "31", RangeCommune, "đóng gói, may công nghiệp", 0, true),
		sk(2, PriorityNone, "10816", "31", RangeProvince, "may cong nghiep, dong goi", 0, true),
		sk(5, PriorityPoor, "10816", "31", RangeProvince, "may công nghiệp, đóng gói", 0, false),
		sk(3, PriorityNearPoor, "10813", "31", RangeProvince, "Đóng gói", 7_000_000, true),
		sk(1, PriorityPoor, "10816", "31", RangeProvince, "May công nghiệp", 5_000_000, true),
	}
}

func TestRankCandidates(t *testing.T) {
	v, seekers := rankFixture()
	ids := func(ms []Match) (ids []int64, scores []int) {
		for _, m := range ms {
			ids, scores = append(ids, m.Seeker.ID), append(scores, m.Score)
		}
		return
	}
	for _, tt := range []struct {
		name   string
		f      MatchFilter
		ids    []int64
		scores []int
	}{
		{"all", MatchFilter{}, []int64{1, 2, 3, 4, 6}, []int{80, 80, 60, 60, 10}},
		{"in range", MatchFilter{InRangeOnly: true}, []int64{1, 2, 3, 6}, []int{80, 80, 60, 10}},
		{"priority groups", MatchFilter{PriorityOnly: true}, []int64{1, 3, 4}, []int{80, 60, 60}},
		{"with a skill, 50 and over", MatchFilter{SkillsOnly: true, MinScore: 50}, []int64{1, 2, 3, 4}, []int{80, 80, 60, 60}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			gotIDs, gotScores := ids(RankCandidates(v, seekers, tt.f))
			if !slices.Equal(gotIDs, tt.ids) || !slices.Equal(gotScores, tt.scores) {
				t.Fatalf("order %v scores %v, want %v %v", gotIDs, gotScores, tt.ids, tt.scores)
			}
		})
	}
	// Withdrawn consent, or a seeker not yet verified, is never a candidate.
	for _, s := range seekers {
		s.Consent = true
		if s.ID == 1 {
			s.Status = SeekerPending
		}
	}
	gotIDs, _ := ids(RankCandidates(v, seekers, MatchFilter{}))
	if slices.Contains(gotIDs, 1) || !slices.Contains(gotIDs, 5) {
		t.Fatalf("pending seeker listed or consenting one left out: %v", gotIDs)
	}
}

func TestRankVacancies(t *testing.T) {
	s := &Seeker{ID: 1, CommuneCode: "10816", ProvinceCode: "31", Range: RangeProvince, Skills: "lái xe", DesiredWage: 8_000_000, Priority: PriorityPoor, Consent: true, Status: SeekerActive}
	vs := []*Vacancy{
		// 10813: skills 40, province 20, poor 20, 7,000,000 ≥ 6,400,000 → 5: 85
		{ID: 1, CommuneCode: "10813", ProvinceCode: "31", Skills: "lái xe", WageMax: 7_000_000, ClosingDate: "2027-01-31"},
		// 10816, no skill asked: 20 + 30 + 20 + 10 = 80
		{ID: 2, CommuneCode: "10816", ProvinceCode: "31", WageMin: 8_000_000, ClosingDate: "2027-01-15"},
		// Same as 1 but closing earlier: 85, first of the two
		{ID: 3, CommuneCode: "10813", ProvinceCode: "31", Skills: "Lái xe", WageMax: 7_000_000, ClosingDate: "2027-01-10"},
		// Hà Nội, out of range: 40 + 0 + 20 + 10 = 70
		{ID: 4, CommuneCode: "00004", ProvinceCode: "01", Skills: "lái xe", WageMax: 9_000_000, ClosingDate: "2027-01-01"},
	}
	var got []int64
	for _, m := range RankVacancies(s, vs, MatchFilter{}) {
		got = append(got, m.Vacancy.ID)
	}
	if want := []int64{3, 1, 2, 4}; !slices.Equal(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
	got = got[:0]
	for _, m := range RankVacancies(s, vs, MatchFilter{InRangeOnly: true}) {
		got = append(got, m.Vacancy.ID)
	}
	if want := []int64{3, 1, 2}; !slices.Equal(got, want) {
		t.Fatalf("in range: %v, want %v", got, want)
	}
}

func TestVacancyStatusOn(t *testing.T) {
	v := &Vacancy{Status: VacancyOpen, ClosingDate: "2026-12-31"}
	if v.StatusOn("2026-12-31") != VacancyOpen || v.StatusOn("2027-01-01") != VacancyClosed {
		t.Fatal("a vacancy is open through its closing day and closed the day after")
	}
	v.Status = VacancyPending
	if v.StatusOn("2027-01-01") != VacancyPending {
		t.Fatal("a pending vacancy stays pending")
	}
}

func TestValidTaxCode(t *testing.T) {
	for s, want := range map[string]bool{"0101234567": true, "0101234567-001": true, "010123456": false, "0101234567-01": false, "01012345a7": false} {
		if validTaxCode(s) != want {
			t.Errorf("validTaxCode(%q) != %v", s, want)
		}
	}
}

// TestScoreNamesSkillsAsWritten: the reason names the vacancy's skills as the employer
// wrote them, matched without diacritics.
func TestScoreNamesSkillsAsWritten(t *testing.T) {
	m := Score(&Seeker{Skills: "MAY CONG NGHIEP", Range: RangeAny}, &Vacancy{Skills: "May công nghiệp, đóng gói"})
	if got := m.Reasons[0].Why.VI; got != "Có 1/2 kỹ năng yêu cầu: May công nghiệp" {
		t.Fatalf("skills reason %q", got)
	}
}
