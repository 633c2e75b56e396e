package support

import (
	"cmp"
	"context"
	"slices"
	"time"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
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

// GapsOf returns the gaps of kind spec in a recognised poor or near-poor household h on
// the day ref, leaving out the persons and households in supported. It is pure.
func GapsOf(h *registry.Household, spec GapSpec, ref time.Time, supported map[Key]bool) []Gap {
	if !listed(h) {
		return nil
	}
	base := Gap{HouseholdID: h.ID, HouseholdCode: h.Code, CommuneCode: h.CommuneCode, HeadName: h.HeadName, Status: h.Recognised.Class}
	var deprived poverty.IndicatorSet
	if h.Result != nil {
		deprived = h.Result.Deprived
	}
	if !spec.Person {
		if supported[Key{h.ID, ""}] {
			return nil
		}
		var why poverty.Text
		switch spec.Kind {
		case GapHousing:
			if deprived.Has(poverty.IndicatorHousingQuality) || deprived.Has(poverty.IndicatorHousingArea) {
				why = poverty.Text{VI: "Nhà ở không bền chắc hoặc diện tích bình quân dưới 8 m²/người", EN: "Non-durable house or under 8 m² per person"}
			}
		case GapWater:
			if deprived.Has(poverty.IndicatorWater) || deprived.Has(poverty.IndicatorLatrine) {
				why = poverty.Text{VI: "Không tiếp cận nước sinh hoạt an toàn hoặc không có nhà tiêu hợp vệ sinh", EN: "No safe drinking water or no hygienic latrine"}
			}
		case GapInformation:
			if deprived.Has(poverty.IndicatorTelecom) || deprived.Has(poverty.IndicatorInfoDevices) {
				why = poverty.Text{VI: "Không sử dụng dịch vụ viễn thông hoặc không có phương tiện tiếp cận thông tin", EN: "No telecom service or no information device"}
			}
		case GapCredit:
			// The survey does not ask whether a household needs capital: every listed
			// household without a policy loan this year is offered to the bank, which
			// confirms need and eligibility (plan 2023, I.2: 100% of those in need).
			why = poverty.Text{VI: "Chưa vay vốn chính sách trong năm", EN: "No policy loan this year"}
		}
		if why.VI == "" {
			return nil
		}
		base.Reason = why
		return []Gap{base}
	}
	var out []Gap
	for _, m := range h.Members {
		if supported[Key{h.ID, PersonKey(m.Name, m.BirthDate)}] {
			continue
		}
		age := ageOn(m.BirthDate, ref)
		var why poverty.Text
		switch spec.Kind {
		case GapHealthInsurance:
			// Decree 07/2021/NĐ-CP, Art. 3.1.b (health insurance): members aged 6 and
			// over; children under 6 receive a card from the State budget (Law on Health
			// Insurance, Art. 12).
			if age >= 6 && (m.HealthInsurance == nil || !*m.HealthInsurance) {
				why = poverty.Text{VI: "Chưa có thẻ bảo hiểm y tế", EN: "No health-insurance card"}
				if m.HealthInsurance == nil {
					why = poverty.Text{VI: "Chưa có thông tin thẻ bảo hiểm y tế", EN: "Health-insurance card not recorded"}
				}
			}
		case GapEducation:
			// Decree 07/2021/NĐ-CP, Art. 3.1.b (children's schooling): children from 3
			// to under 16 not attending school at the level for their age.
			if age >= 3 && age < 16 && m.Schooling != "" && m.Schooling != poverty.SchoolingStudying {
				why = poverty.Text{VI: "Không đi học đúng cấp theo độ tuổi", EN: "Not attending school at the level for age"}
			}
		case GapLabour:
			if m.Employment == poverty.Unemployed {
				why = poverty.Text{VI: "Thất nghiệp", EN: "Unemployed"}
			} else if m.Employment == poverty.EmployedNoContract {
				why = poverty.Text{VI: "Làm công không có hợp đồng lao động", EN: "Works without a labour contract"}
			}
		}
		if why.VI == "" {
			continue
		}
		g := base
		g.MemberID, g.MemberName, g.BirthDate, g.NationalID, g.Reason = m.ID, m.Name, m.BirthDate, m.NationalID, why
		out = append(out, g)
	}
	return out
}

// Worklist is one page of a worklist and its total.
type Worklist struct {
	Spec   GapSpec
	Year   int
	Gaps   []Gap
	Total  int
	Offset int
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
// not yet supported, in administrative order, limit from offset (bounded).
func (s *Service) FindGaps(ctx context.Context, kind GapKind, offset, limit int) (*Worklist, error) {
	spec, ok := GapSpecByKind(kind)
	if !ok {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Không có danh sách %q.", "No worklist %q.", string(kind))
	}
	if err := MayReadWorklist(ctx, spec); err != nil {
		return nil, err
	}
	all, year, err := s.allGaps(ctx, spec)
	if err != nil {
		return nil, err
	}
	if limit <= 0 || limit > MaxWorklistPage {
		limit = 50
	}
	offset = max(0, min(offset, len(all)))
	end := min(len(all), offset+limit)
	return &Worklist{Spec: spec, Year: year, Gaps: all[offset:end], Total: len(all), Offset: offset}, nil
}

// allGaps walks the recognised households of the scope once.
func (s *Service) allGaps(ctx context.Context, spec GapSpec) ([]Gap, int, error) {
	var all []Gap
	year, err := s.walkGaps(ctx, []GapSpec{spec}, func(_ int, gs []Gap) { all = append(all, gs...) })
	if err != nil {
		return nil, 0, err
	}
	slices.SortFunc(all, func(a, b Gap) int {
		return cmp.Or(cmp.Compare(a.CommuneCode, b.CommuneCode), cmp.Compare(a.HouseholdCode, b.HouseholdCode), cmp.Compare(a.MemberID, b.MemberID))
	})
	return all, year, nil
}

// walkGaps walks the recognised poor and near-poor households of the actor's scope
// once and hands fn the gaps of each household on each of specs (by index), for the
// current year, which it returns.
func (s *Service) walkGaps(ctx context.Context, specs []GapSpec, fn func(i int, gs []Gap)) (int, error) {
	ref := giamngheo.Today(s.Now())
	year := ref.Year()
	cs, err := s.communes(ctx)
	if err != nil {
		return 0, err
	}
	supported := make([]map[Key]bool, len(specs))
	for i, spec := range specs {
		if supported[i], err = s.Store.SupportedKeys(ctx, Filter{CommuneCodes: cs, Year: year, Types: spec.Closing}); err != nil {
			return 0, err
		}
	}
	for _, c := range []poverty.Class{poverty.Poor, poverty.NearPoor} {
		// No communes in the filter: the registry confines the walk to the actor's scope
		// with one lookup, where a list of communes is checked one by one.
		err := s.Registry.EachHousehold(ctx, registry.HouseholdFilter{Status: &c}, func(h *registry.Household) error {
			for i, spec := range specs {
				if gs := GapsOf(h, spec, ref, supported[i]); len(gs) > 0 {
					fn(i, gs)
				}
			}
			return nil
		})
		if err != nil {
			return 0, err
		}
	}
	return year, nil
}

// GapCount is the size of one worklist.
type GapCount struct {
	Spec  GapSpec
	Count int
}

// GapCounts returns the sizes of the worklists the actor reads (an agency officer's
// agency's, everyone else's all), in the actor's scope for the current year, from one
// walk of the recognised households.
func (s *Service) GapCounts(ctx context.Context) ([]GapCount, error) {
	a := giamngheo.ActorFromContext(ctx)
	if a == nil {
		return nil, giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in.")
	}
	agency := ""
	if a.Role == giamngheo.RoleAgencyOfficer {
		agency = a.Agency
	}
	specs := GapSpecsOf(agency)
	out := make([]GapCount, len(specs))
	for i, spec := range specs {
		out[i].Spec = spec
	}
	if len(specs) == 0 {
		return out, nil
	}
	_, err := s.walkGaps(ctx, specs, func(i int, gs []Gap) { out[i].Count += len(gs) })
	return out, err
}

// Worklists returns the sizes of the worklists the actor reads and a page of the one of
// kind ("" the first of them), from one walk of the recognised households: the support
// page shows both.
func (s *Service) Worklists(ctx context.Context, kind GapKind, offset, limit int) ([]GapCount, *Worklist, error) {
	a := giamngheo.ActorFromContext(ctx)
	if a == nil {
		return nil, nil, giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in.")
	}
	agency := ""
	if a.Role == giamngheo.RoleAgencyOfficer {
		agency = a.Agency
	}
	specs := GapSpecsOf(agency)
	if kind == "" {
		if len(specs) == 0 {
			return nil, nil, nil
		}
		kind = specs[0].Kind
	}
	spec, ok := GapSpecByKind(kind)
	if !ok {
		return nil, nil, giamngheo.Errorf(giamngheo.EINVALID, "Không có danh sách %q.", "No worklist %q.", string(kind))
	}
	if err := MayReadWorklist(ctx, spec); err != nil {
		return nil, nil, err
	}
	counts := make([]GapCount, len(specs))
	for i, sp := range specs {
		counts[i].Spec = sp
	}
	var all []Gap
	year, err := s.walkGaps(ctx, specs, func(i int, gs []Gap) {
		counts[i].Count += len(gs)
		if specs[i].Kind == kind {
			all = append(all, gs...)
		}
	})
	if err != nil {
		return nil, nil, err
	}
	slices.SortFunc(all, func(a, b Gap) int {
		return cmp.Or(cmp.Compare(a.CommuneCode, b.CommuneCode), cmp.Compare(a.HouseholdCode, b.HouseholdCode), cmp.Compare(a.MemberID, b.MemberID))
	})
	if limit <= 0 || limit > MaxWorklistPage {
		limit = 50
	}
	offset = max(0, min(offset, len(all)))
	end := min(len(all), offset+limit)
	return counts, &Worklist{Spec: spec, Year: year, Gaps: all[offset:end], Total: len(all), Offset: offset}, nil
}
