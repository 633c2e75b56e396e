package jobs

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"giamngheo/poverty"
	"giamngheo/vntext"
)

// The weights of the match score (0–100): what the job centre looks at first is
// whether the person can do the work, then whether they can get there, then the
// priority the programme gives them, then the pay.
const (
	WeightSkills   = 40
	WeightDistance = 30
	WeightPriority = 20
	WeightWage     = 10
)

// Distance is how far a vacancy is from where a seeker lives.
type Distance string

// The distances the administrative data can tell (it carries no coordinates).
const (
	SameCommune  Distance = "commune"
	SameProvince Distance = "province"
	Elsewhere    Distance = "elsewhere"
	Abroad       Distance = "abroad"
)

// DistanceOf is the distance between a seeker and a vacancy.
func DistanceOf(s *Seeker, v *Vacancy) Distance {
	switch {
	case v.Abroad != "":
		return Abroad
	case s.CommuneCode == v.CommuneCode:
		return SameCommune
	case s.ProvinceCode != "" && s.ProvinceCode == v.ProvinceCode:
		return SameProvince
	}
	return Elsewhere
}

// InRange reports whether the vacancy lies within the seeker's commuting range (work
// abroad only for a labour-export candidate).
func InRange(s *Seeker, v *Vacancy) bool {
	switch DistanceOf(s, v) {
	case SameCommune:
		return true
	case SameProvince:
		return s.Range != RangeCommune
	case Abroad:
		return s.LabourExport
	}
	return s.Range == RangeAny
}

// Reason is one part of a match score, explained.
type Reason struct {
	Part   string       `json:"part"` // skills, distance, priority, wage
	Points int          `json:"points"`
	Max    int          `json:"max"`
	Why    poverty.Text `json:"why"`
}

// Match is a seeker and a vacancy scored together.
type Match struct {
	Seeker  *Seeker  `json:"seeker"`
	Vacancy *Vacancy `json:"vacancy"`
	Score   int      `json:"score"`
	Reasons []Reason `json:"reasons"`
	InRange bool     `json:"in_range"`
}

// skillNames maps each folded skill of a list to the skill as written.
func skillNames(s string) map[string]string {
	out := map[string]string{}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		if k := strings.Join(strings.Fields(vntext.Fold(f)), " "); k != "" && out[k] == "" {
			out[k] = strings.TrimSpace(f)
		}
	}
	return out
}

// SkillSet splits a comma- or semicolon-separated list into folded skills, without
// duplicates, in order.
func SkillSet(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		k := strings.Join(strings.Fields(vntext.Fold(f)), " ")
		if k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// Score scores a seeker against a vacancy. Pure: the same two always give the same
// score and reasons.
//
//   - skills (40): the share of the vacancy's skills the seeker has (in the skills,
//     the vocational qualification or the desired work); 20 when it asks for none;
//   - distance (30): same commune 30, same province 20, elsewhere 5, abroad 15 for a
//     labour-export candidate (0 when outside the seeker's range);
//   - priority (20): poor 20, near-poor 15, newly escaped 10, low-income 5;
//   - wage (10): the wage offered reaches the wish (or there is no wish) 10, reaches
//     80% of it 5, else 0; a vacancy that states no wage 5.
func Score(s *Seeker, v *Vacancy) Match {
	m := Match{Seeker: s, Vacancy: v, InRange: InRange(s, v)}
	add := func(part string, pts, max int, vi, en string) {
		m.Score += pts
		m.Reasons = append(m.Reasons, Reason{Part: part, Points: pts, Max: max, Why: poverty.Text{VI: vi, EN: en}})
	}

	want := SkillSet(v.Skills)
	has := SkillSet(strings.Join([]string{s.Skills, s.Vocational, s.DesiredWork}, ","))
	if len(want) == 0 {
		add("skills", WeightSkills/2, WeightSkills, "Vị trí không yêu cầu kỹ năng cụ thể", "The position asks for no particular skill")
	} else {
		var common []string
		names := skillNames(v.Skills)
		for _, w := range want {
			if slices.ContainsFunc(has, func(h string) bool { return h == w || strings.Contains(h, w) || strings.Contains(w, h) }) {
				common = append(common, names[w])
			}
		}
		pts := WeightSkills * len(common) / len(want)
		if len(common) == 0 {
			add("skills", 0, WeightSkills, fmt.Sprintf("Không có kỹ năng nào trong %d kỹ năng yêu cầu", len(want)),
				fmt.Sprintf("None of the %d skills asked for", len(want)))
		} else {
			add("skills", pts, WeightSkills, fmt.Sprintf("Có %d/%d kỹ năng yêu cầu: %s", len(common), len(want), strings.Join(common, ", ")),
				fmt.Sprintf("Has %d of %d skills asked for: %s", len(common), len(want), strings.Join(common, ", ")))
		}
	}

	d := DistanceOf(s, v)
	switch {
	case !m.InRange:
		add("distance", 0, WeightDistance, "Ngoài phạm vi đi làm người tìm việc chọn", "Outside the seeker's commuting range")
	case d == SameCommune:
		add("distance", WeightDistance, WeightDistance, "Cùng xã, phường", "Same commune")
	case d == SameProvince:
		add("distance", 20, WeightDistance, "Cùng tỉnh, thành phố", "Same province")
	case d == Abroad:
		add("distance", 15, WeightDistance, "Làm việc ở nước ngoài ("+v.Abroad+"), người tìm việc đăng ký đi làm việc ở nước ngoài",
			"Work abroad ("+v.Abroad+"), the seeker is a labour-export candidate")
	default:
		add("distance", 5, WeightDistance, "Ở tỉnh, thành phố khác", "In another province")
	}

	pp := map[Priority]int{PriorityPoor: 20, PriorityNearPoor: 15, PriorityEscaped: 10, PriorityLowIncome: 5}[s.Priority]
	n := s.Priority.Name()
	add("priority", pp, WeightPriority, n.VI, n.EN)

	wage := v.Wage()
	switch {
	case wage == 0:
		add("wage", 5, WeightWage, "Tin tuyển dụng không nêu mức lương", "The vacancy states no wage")
	case s.DesiredWage == 0 || wage >= s.DesiredWage:
		add("wage", WeightWage, WeightWage, "Mức lương đáp ứng mong muốn", "The wage meets the wish")
	case wage*5 >= s.DesiredWage*4:
		add("wage", 5, WeightWage, "Mức lương đạt từ 80% mong muốn", "The wage reaches 80% of the wish")
	default:
		add("wage", 0, WeightWage, "Mức lương thấp hơn 80% mong muốn", "The wage is under 80% of the wish")
	}
	return m
}

// MatchFilter narrows a ranked list.
type MatchFilter struct {
	// InRangeOnly drops the pairs outside the seeker's commuting range.
	InRangeOnly bool
	// PriorityOnly keeps seekers of poor, near-poor and newly escaped households.
	PriorityOnly bool
	// SkillsOnly drops the pairs with no skill in common (when skills are asked for).
	SkillsOnly bool
	// MinScore drops the pairs scoring less.
	MinScore int
}

func (f MatchFilter) keep(m Match) bool {
	if f.InRangeOnly && !m.InRange {
		return false
	}
	if f.PriorityOnly && m.Seeker.Priority != PriorityPoor && m.Seeker.Priority != PriorityNearPoor && m.Seeker.Priority != PriorityEscaped {
		return false
	}
	if f.SkillsOnly && len(m.Reasons) > 0 && m.Reasons[0].Points == 0 {
		return false
	}
	return m.Score >= f.MinScore
}

// RankCandidates scores the seekers for a vacancy, best first (ties: higher priority
// points, then the earlier registered seeker), keeping only the shareable ones: a
// seeker without consent is never a candidate.
func RankCandidates(v *Vacancy, seekers []*Seeker, f MatchFilter) []Match {
	var out []Match
	for _, s := range seekers {
		if !s.Shareable() {
			continue
		}
		if m := Score(s, v); f.keep(m) {
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, func(a, b Match) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(b.Reasons[2].Points, a.Reasons[2].Points), cmp.Compare(a.Seeker.ID, b.Seeker.ID))
	})
	return out
}

// RankVacancies scores the open vacancies for a seeker, best first (ties: the nearer
// closing date, then the earlier registered vacancy).
func RankVacancies(s *Seeker, vs []*Vacancy, f MatchFilter) []Match {
	var out []Match
	for _, v := range vs {
		if m := Score(s, v); f.keep(m) {
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, func(a, b Match) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Vacancy.ClosingDate, b.Vacancy.ClosingDate), cmp.Compare(a.Vacancy.ID, b.Vacancy.ID))
	})
	return out
}
