package support

import (
	"context"
	"time"

	"giamngheo"
	"giamngheo/poverty"
)

// GapKind names a worklist: a deprivation an agency answers for.
type GapKind string

// The worklists of the plan's activity areas.
const (
	GapHealthInsurance GapKind = "health_insurance"
	GapEducation       GapKind = "education"
	GapHousing         GapKind = "housing"
	GapWater           GapKind = "water"
	GapInformation     GapKind = "information"
	GapLabour          GapKind = "labour"
	GapCredit          GapKind = "credit"
)

// GapSpec is one worklist: who answers for it and which support closes it.
type GapSpec struct {
	Kind   GapKind
	Name   poverty.Text
	Agency string
	// Closing are the support types that close the gap for the year.
	Closing []string
	// Person is true when the list is of persons, false when of households.
	Person bool
}

// GapSpecs lists the worklists.
var GapSpecs = []GapSpec{
	{GapHealthInsurance, poverty.Text{VI: "Người từ 6 tuổi chưa có thẻ BHYT", EN: "Persons aged 6+ without a health-insurance card"}, AgencyInsurance, []string{TypeHealthInsurance}, true},
	{GapEducation, poverty.Text{VI: "Trẻ em 3–15 tuổi không đi học đúng cấp", EN: "Children aged 3–15 not attending school"}, AgencyEducation, []string{TypeTuition, "loan_student"}, true},
	{GapHousing, poverty.Text{VI: "Hộ thiếu hụt nhà ở", EN: "Households deprived of housing"}, AgencyConstruct, []string{TypeHousing, TypePoorFund, "loan_housing"}, false},
	{GapWater, poverty.Text{VI: "Hộ thiếu nước sạch hoặc nhà tiêu hợp vệ sinh", EN: "Households without clean water or a hygienic latrine"}, AgencyAgriculture, []string{TypeCleanWater, "loan_water"}, false},
	{GapInformation, poverty.Text{VI: "Hộ thiếu hụt thông tin (viễn thông, thiết bị)", EN: "Households deprived of information (telecom, devices)"}, AgencyInformation, []string{TypeInfoDevices}, false},
	{GapLabour, poverty.Text{VI: "Người thất nghiệp hoặc làm việc không có hợp đồng", EN: "Persons unemployed or working without a contract"}, AgencyLabour, []string{TypeVocational, TypeLabourExport, TypeJobPlacement, "loan_jobs"}, true},
	{GapCredit, poverty.Text{VI: "Hộ chưa được vay vốn chính sách trong năm", EN: "Households without a policy loan this year"}, AgencyPolicyBank, loanTypes(), false},
}

func loanTypes() []string {
	var out []string
	for _, t := range Types {
		if t.Loan {
			out = append(out, t.Code)
		}
	}
	return out
}

// GapSpecByKind returns the worklist of the kind, or false.
func GapSpecByKind(k GapKind) (GapSpec, bool) {
	for _, g := range GapSpecs {
		if g.Kind == k {
			return g, true
		}
	}
	return GapSpec{}, false
}

// GapSpecsOf returns the worklists an agency answers for ("" = all).
func GapSpecsOf(agency string) []GapSpec {
	var out []GapSpec
	for _, g := range GapSpecs {
		if agency == "" || g.Agency == agency {
			out = append(out, g)
		}
	}
	return out
}

// Gap is one person or household on a worklist.
type Gap struct {
	HouseholdID   int64         `json:"household_id"`
	MemberID      int64         `json:"member_id,omitempty"`
	HouseholdCode string        `json:"household_code"`
	CommuneCode   string        `json:"commune_code"`
	HeadName      string        `json:"head_name"`
	MemberName    string        `json:"member_name,omitempty"`
	BirthDate     string        `json:"birth_date,omitempty"`
	NationalID    string        `json:"national_id,omitempty"`
	Status        poverty.Class `json:"status"`
	Reason        poverty.Text  `json:"reason"`
}

// Worklist is one page of a worklist and its total.
type Worklist struct {
	Spec   GapSpec
	Year   int
	Gaps   []Gap
	Total  int
	Offset int
	// Next and Prev are the cursors of the following and the preceding page (nil: none).
	Next, Prev *NeedCursor
}

// MaxWorklistPage bounds a page of a worklist (and an export reads it page by page).
const MaxWorklistPage = 5000

// MayReadWorklist returns EFORBIDDEN when an agency officer asks for another agency's
// worklist; the other roles read every worklist of their scope.
func MayReadWorklist(ctx context.Context, spec GapSpec) error {
	a := giamngheo.ActorFromContext(ctx)
	if a == nil {
		return giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in.")
	}
	if a.Role == giamngheo.RoleAgencyOfficer && a.Agency != spec.Agency {
		return giamngheo.Errorf(giamngheo.EFORBIDDEN, "Danh sách này thuộc ngành khác.", "This worklist belongs to another agency.")
	}
	return nil
}

// FindGaps returns the worklist of the kind in the actor's scope for the current
// year: the recognised poor and near-poor persons or households deprived on it and
// not yet supported, in administrative order, limit from offset (bounded). It reads
// the maintained needs a page at a time up to offset+limit; a page of the web reads
// by cursor (FindGapsAt).
func (s *Service) FindGaps(ctx context.Context, kind GapKind, offset, limit int) (*Worklist, error) {
	if limit <= 0 || limit > MaxWorklistPage {
		limit = 50
	}
	offset = max(0, offset)
	var cur *NeedCursor
	skipped := 0
	for {
		w, err := s.FindGapsAt(ctx, kind, cur, min(MaxWorklistPage, max(limit, offset-skipped)))
		if err != nil {
			return nil, err
		}
		if skipped+len(w.Gaps) > offset || w.Next == nil {
			from := min(len(w.Gaps), offset-skipped)
			w.Gaps = w.Gaps[from:min(len(w.Gaps), from+limit)]
			w.Offset, w.Next, w.Prev = min(offset, skipped+from), nil, nil
			return w, nil
		}
		skipped += len(w.Gaps)
		cur = w.Next
	}
}

// FindGapsAt returns a page of the worklist of the kind in the actor's scope for the
// current year, from the start or after or before cur, with the worklist's size: it
// reads the page and a count of the maintained needs, never the households.
func (s *Service) FindGapsAt(ctx context.Context, kind GapKind, cur *NeedCursor, limit int) (*Worklist, error) {
	spec, f, year, err := s.worklist(ctx, kind)
	if err != nil {
		return nil, err
	}
	total, err := s.Store.CountNeeds(ctx, f)
	if err != nil {
		return nil, err
	}
	return s.page(ctx, spec, f, year, total, cur, limit)
}

// AllGaps returns every row of the worklist of kind in the actor's scope (the XLSX
// export), read page by page after a cursor and counted by none of them.
func (s *Service) AllGaps(ctx context.Context, kind GapKind) ([]Gap, error) {
	spec, f, year, err := s.worklist(ctx, kind)
	if err != nil {
		return nil, err
	}
	var out []Gap
	var cur *NeedCursor
	for {
		l, err := s.page(ctx, spec, f, year, -1, cur, MaxWorklistPage)
		if err != nil {
			return nil, err
		}
		out = append(out, l.Gaps...)
		if cur = l.Next; cur == nil {
			return out, nil
		}
	}
}

// worklist checks that the actor may read the worklist of kind and returns its
// filter over the actor's communes on today's date, and the year of its support.
func (s *Service) worklist(ctx context.Context, kind GapKind) (GapSpec, NeedFilter, int, error) {
	spec, ok := GapSpecByKind(kind)
	if !ok {
		return GapSpec{}, NeedFilter{}, 0, giamngheo.Errorf(giamngheo.EINVALID, "Không có danh sách %q.", "No worklist %q.", string(kind))
	}
	if err := MayReadWorklist(ctx, spec); err != nil {
		return GapSpec{}, NeedFilter{}, 0, err
	}
	cs, err := s.communes(ctx)
	if err != nil {
		return GapSpec{}, NeedFilter{}, 0, err
	}
	ref := giamngheo.Today(s.Now())
	return spec, gapFilter(spec, cs, ref), ref.Year(), nil
}

// page reads a page of the worklist of f.
func (s *Service) page(ctx context.Context, spec GapSpec, f NeedFilter, year, total int, cur *NeedCursor, limit int) (*Worklist, error) {
	if limit <= 0 || limit > MaxWorklistPage {
		limit = 50
	}
	ns, err := s.Store.FindNeeds(ctx, f, cur, limit+1)
	if err != nil {
		return nil, err
	}
	more := len(ns) > limit
	if more {
		if cur != nil && cur.Before {
			ns = ns[1:]
		} else {
			ns = ns[:limit]
		}
	}
	w := &Worklist{Spec: spec, Year: year, Total: total}
	for _, n := range ns {
		w.Gaps = append(w.Gaps, gapOf(n))
	}
	at := func(n Need, before bool) *NeedCursor {
		return &NeedCursor{CommuneCode: n.CommuneCode, HouseholdCode: n.HouseholdCode, Seq: n.Seq, Before: before}
	}
	if len(ns) > 0 {
		backward := cur != nil && cur.Before
		if more || backward {
			w.Next = at(ns[len(ns)-1], false)
		}
		if (more && backward) || (cur != nil && !backward) {
			w.Prev = at(ns[0], true)
		}
	}
	return w, nil
}

// gapFilter selects the open needs of spec in the communes cs (nil: all) on the day
// ref: those in the age window of the worklist and without a closing support in ref's
// year.
func gapFilter(spec GapSpec, cs []string, ref time.Time) NeedFilter {
	f := NeedFilter{Kind: string(spec.Kind), CommuneCodes: cs, Types: spec.Closing, Year: ref.Year()}
	switch spec.Kind {
	case GapHealthInsurance:
		// Decree 07/2021/NĐ-CP, Art. 3.1.b: members aged 6 and over.
		f.BornThrough = bornBefore(ref, 6)
	case GapEducation:
		// Decree 07/2021/NĐ-CP, Art. 3.1.b: children from 3 to under 16.
		f.BornAfter, f.BornThrough = bornBefore(ref, 16), bornBefore(ref, 3)
	}
	return f
}

func gapOf(n Need) Gap {
	return Gap{HouseholdID: n.HouseholdID, MemberID: n.MemberID, HouseholdCode: n.HouseholdCode, CommuneCode: n.CommuneCode, HeadName: n.HeadName,
		MemberName: n.MemberName, BirthDate: n.BirthDate, NationalID: n.NationalID, Status: n.Status, Reason: ReasonText(n.Reason)}
}

// GapCount is the size of one worklist.
type GapCount struct {
	Spec  GapSpec
	Count int
}

// GapCounts returns the sizes of the worklists the actor reads (an agency officer's
// agency's, everyone else's all), in the actor's scope for the current year, counted
// from the maintained needs.
func (s *Service) GapCounts(ctx context.Context) ([]GapCount, error) {
	counts, _, err := s.counts(ctx)
	return counts, err
}

// counts sizes the worklists the actor reads; it also returns the communes of the scope.
func (s *Service) counts(ctx context.Context) ([]GapCount, []string, error) {
	a := giamngheo.ActorFromContext(ctx)
	if a == nil {
		return nil, nil, giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in.")
	}
	agency := ""
	if a.Role == giamngheo.RoleAgencyOfficer {
		agency = a.Agency
	}
	cs, err := s.communes(ctx)
	if err != nil {
		return nil, nil, err
	}
	ref := giamngheo.Today(s.Now())
	specs := GapSpecsOf(agency)
	out := make([]GapCount, len(specs))
	for i, spec := range specs {
		out[i].Spec = spec
		if out[i].Count, err = s.Store.CountNeeds(ctx, gapFilter(spec, cs, ref)); err != nil {
			return nil, nil, err
		}
	}
	return out, cs, nil
}

// Worklists returns the sizes of the worklists the actor reads and a page of the one of
// kind ("" the first of them) from offset: the support page shows both.
func (s *Service) Worklists(ctx context.Context, kind GapKind, offset, limit int) ([]GapCount, *Worklist, error) {
	counts, w, err := s.WorklistsAt(ctx, kind, nil, 0)
	if err != nil || w == nil || (offset == 0 && limit == 50) {
		return counts, w, err
	}
	w, err = s.FindGaps(ctx, w.Spec.Kind, offset, limit)
	return counts, w, err
}

// WorklistsAt returns the sizes of the worklists the actor reads and a page of the one
// of kind ("" the first of them) from the start or at the cursor: the support page.
func (s *Service) WorklistsAt(ctx context.Context, kind GapKind, cur *NeedCursor, limit int) ([]GapCount, *Worklist, error) {
	counts, cs, err := s.counts(ctx)
	if err != nil {
		return nil, nil, err
	}
	if kind == "" {
		if len(counts) == 0 {
			return nil, nil, nil
		}
		kind = counts[0].Spec.Kind
	}
	spec, ok := GapSpecByKind(kind)
	if !ok {
		return nil, nil, giamngheo.Errorf(giamngheo.EINVALID, "Không có danh sách %q.", "No worklist %q.", string(kind))
	}
	if err := MayReadWorklist(ctx, spec); err != nil {
		return nil, nil, err
	}
	ref := giamngheo.Today(s.Now())
	f := gapFilter(spec, cs, ref)
	total := -1
	for _, c := range counts {
		if c.Spec.Kind == kind {
			total = c.Count
		}
	}
	if total < 0 {
		if total, err = s.Store.CountNeeds(ctx, f); err != nil {
			return nil, nil, err
		}
	}
	w, err := s.page(ctx, spec, f, ref.Year(), total, cur, limit)
	return counts, w, err
}
