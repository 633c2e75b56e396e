package plan

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/audit"
	"giamngheo/poverty"
	"giamngheo/support"
)

// Service runs the plan's use cases: validate → authorise → write → audit, each in
// one transaction with one timestamp. A province's officers edit its plan; an agency
// officer enters the figures of the targets its agency answers for and its own
// progress report; everyone of the province reads the plan.
type Service struct {
	Store   Store
	Support *support.Service
	Rollups Rollups
	Units   admin.Store
	Audit   audit.Store
	Tx      giamngheo.TxRunner
	Now     giamngheo.Clock
}

func errNoPlan(province string, year int) error {
	return giamngheo.Errorf(giamngheo.ENOTFOUND, "Tỉnh %s chưa có kế hoạch năm %d.", "Province %s has no plan for %d.", province, year)
}

// ProvinceOf returns the province the actor belongs to ("" for a national actor).
func (s *Service) ProvinceOf(ctx context.Context) (string, error) {
	a := giamngheo.ActorFromContext(ctx)
	if a == nil {
		return "", giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in.")
	}
	if a.ScopeCode == "" {
		return "", nil
	}
	u, err := s.Units.FindUnitByCode(ctx, a.ScopeCode, "")
	if err != nil {
		return "", err
	}
	return admin.StoreProvinceOf(ctx, s.Units, u, ""), nil
}

// mayRead returns EFORBIDDEN unless the actor belongs to the province (or the nation).
func (s *Service) mayRead(ctx context.Context, province string) error {
	p, err := s.ProvinceOf(ctx)
	if err != nil {
		return err
	}
	if a := giamngheo.ActorFromContext(ctx); a.ScopeCode != "" && p != province {
		return giamngheo.Errorf(giamngheo.EFORBIDDEN, "Kế hoạch của tỉnh %s nằm ngoài phạm vi của tài khoản.", "The plan of province %s is outside this account's scope.", province)
	}
	return nil
}

// editsPlan reports whether the role edits a province's plan.
func editsPlan(r giamngheo.Role) bool {
	return r == giamngheo.RoleProvinceAdmin || r == giamngheo.RoleProvinceOfficer
}

// mayEdit returns EFORBIDDEN unless the actor is an officer of the province (or a
// national one) who edits plans.
func (s *Service) mayEdit(ctx context.Context, province string) error {
	if err := giamngheo.RequireWrite(ctx); err != nil {
		return err
	}
	a := giamngheo.ActorFromContext(ctx)
	if !editsPlan(a.Role) || (a.ScopeCode != "" && a.ScopeCode != province) {
		return giamngheo.Errorf(giamngheo.EFORBIDDEN, "Chỉ cán bộ tỉnh được sửa kế hoạch của tỉnh.", "Only the province's officers may edit its plan.")
	}
	return nil
}

// mayEnter returns EFORBIDDEN unless the actor enters for the agency: its own agency
// officer, or an officer of the province who edits the plan (a report received on
// paper).
func (s *Service) mayEnter(ctx context.Context, province, agency string) error {
	if err := giamngheo.RequireWrite(ctx); err != nil {
		return err
	}
	if err := s.mayRead(ctx, province); err != nil {
		return err
	}
	a := giamngheo.ActorFromContext(ctx)
	if a.Role == giamngheo.RoleAgencyOfficer && a.Agency != "" && a.Agency == agency {
		return nil
	}
	if editsPlan(a.Role) && (a.ScopeCode == "" || a.ScopeCode == province) {
		return nil
	}
	return giamngheo.Errorf(giamngheo.EFORBIDDEN, "Tài khoản này không nhập số liệu của cơ quan “%s”.",
		"This account does not enter the figures of the agency “%s”.", agencyName(agency))
}

func agencyName(code string) string {
	if a, ok := support.AgencyByCode(code); ok {
		return a.Name.VI
	}
	return code
}

// FindPlan returns the province's plan for the year.
func (s *Service) FindPlan(ctx context.Context, province string, year int) (*Plan, error) {
	if err := s.mayRead(ctx, province); err != nil {
		return nil, err
	}
	return s.Store.FindPlan(ctx, province, year)
}

// FindPlanYears returns the years the province has a plan for.
func (s *Service) FindPlanYears(ctx context.Context, province string) ([]int, error) {
	if err := s.mayRead(ctx, province); err != nil {
		return nil, err
	}
	return s.Store.FindPlanYears(ctx, province)
}

// Validate checks a plan's document: codes unique, agencies known, sources and
// amounts valid, the due day a date of the plan's year.
func Validate(year int, d *Doc) error {
	bad := func(vi, en string, args ...any) error { return giamngheo.Errorf(giamngheo.EINVALID, vi, en, args...) }
	if strings.TrimSpace(d.Title) == "" {
		return bad("Kế hoạch cần có tên.", "The plan needs a title.")
	}
	due, err := time.Parse(giamngheo.DateLayout, d.ReportDue)
	if err != nil || due.Year() != year {
		return bad("Hạn báo cáo %q phải là một ngày của năm %d.", "The report due day %q must be a day of %d.", d.ReportDue, year)
	}
	known := func(code string) bool { _, ok := support.AgencyByCode(code); return ok }
	areas := map[string]bool{}
	for _, a := range d.Areas {
		if a.Code == "" || areas[a.Code] {
			return bad("Mã nội dung hoạt động %q trống hoặc trùng.", "Activity area code %q is empty or repeated.", a.Code)
		}
		areas[a.Code] = true
		if !known(a.Lead) {
			return bad("Cơ quan chủ trì %q của nội dung %s không có trong danh mục.", "Lead agency %q of area %s is not in the catalogue.", a.Lead, a.Code)
		}
		for _, c := range a.Coordinating {
			if !known(c) {
				return bad("Cơ quan phối hợp %q của nội dung %s không có trong danh mục.", "Coordinating agency %q of area %s is not in the catalogue.", c, a.Code)
			}
		}
	}
	targets := map[string]bool{}
	for _, t := range d.Targets {
		if t.Code == "" || targets[t.Code] {
			return bad("Mã chỉ tiêu %q trống hoặc trùng.", "Target code %q is empty or repeated.", t.Code)
		}
		targets[t.Code] = true
		if t.Area != "" && !areas[t.Area] {
			return bad("Chỉ tiêu %s thuộc nội dung %q không có trong kế hoạch.", "Target %s belongs to area %q, not in the plan.", t.Code, t.Area)
		}
		if !known(t.Agency) {
			return bad("Cơ quan chịu trách nhiệm %q của chỉ tiêu %s không có trong danh mục.", "Agency %q of target %s is not in the catalogue.", t.Agency, t.Code)
		}
		switch {
		case t.Source == SourceComputed && t.Measure == "":
			return bad("Chỉ tiêu %s tính trực tiếp cần có phép đo.", "Computed target %s needs a measure.", t.Code)
		case t.Source != SourceComputed && t.Source != SourceEntered:
			return bad("Chỉ tiêu %s: nguồn số liệu %q không hợp lệ.", "Target %s: source %q is not valid.", t.Code, t.Source)
		case t.Compare != "" && t.Compare != AtLeast && t.Compare != AtMost:
			return bad("Chỉ tiêu %s: cách so sánh %q không hợp lệ.", "Target %s: comparison %q is not valid.", t.Code, t.Compare)
		}
	}
	for _, b := range d.Budget {
		if !b.Source.Valid() {
			return bad("Nguồn kinh phí %q không hợp lệ.", "Source of funds %q is not valid.", string(b.Source))
		}
		if b.Area != "" && !areas[b.Area] {
			return bad("Dòng kinh phí thuộc nội dung %q không có trong kế hoạch.", "A budget line belongs to area %q, not in the plan.", b.Area)
		}
		if b.Agency != "" && !known(b.Agency) {
			return bad("Cơ quan %q của dòng kinh phí không có trong danh mục.", "Agency %q of a budget line is not in the catalogue.", b.Agency)
		}
		for _, v := range []*int64{b.Allocated, b.Disbursed, b.Settled} {
			if v != nil && *v < 0 {
				return bad("Số tiền không được âm.", "Amounts may not be negative.")
			}
		}
	}
	return nil
}

// CreatePlan stores a new plan for the province and year.
func (s *Service) CreatePlan(ctx context.Context, province string, year int, d Doc) (*Plan, error) {
	if err := s.mayEdit(ctx, province); err != nil {
		return nil, err
	}
	if year < 2000 || year > 2100 {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Năm kế hoạch %d không hợp lệ.", "Plan year %d is not valid.", year)
	}
	if err := Validate(year, &d); err != nil {
		return nil, err
	}
	if _, err := s.Units.FindUnitByCode(ctx, province, ""); err != nil {
		return nil, err
	}
	p := &Plan{ProvinceCode: province, Year: year, Doc: d}
	err := s.Tx.WithTx(ctx, func(ctx context.Context) error {
		now := s.Now().UTC()
		p.CreatedAt, p.UpdatedAt = now, now
		if err := s.Store.InsertPlan(ctx, p); err != nil {
			return err
		}
		return audit.Record(ctx, s.Audit, now, "create", "plan", strconv.FormatInt(p.ID, 10), province, nil, p)
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// UpdatePlan stores an edited plan: p.Version is the version the edit was made on,
// and an edit of a stale version is refused (ECONFLICT).
func (s *Service) UpdatePlan(ctx context.Context, p *Plan) error {
	if err := s.mayEdit(ctx, p.ProvinceCode); err != nil {
		return err
	}
	if err := Validate(p.Year, &p.Doc); err != nil {
		return err
	}
	return s.Tx.WithTx(ctx, func(ctx context.Context) error {
		before, err := s.Store.FindPlan(ctx, p.ProvinceCode, p.Year)
		if err != nil {
			return err
		}
		if before.Version != p.Version {
			return errStale()
		}
		now := s.Now().UTC()
		p.ID, p.CreatedAt, p.UpdatedAt = before.ID, before.CreatedAt, now
		if err := s.Store.UpdatePlan(ctx, p); err != nil {
			return err
		}
		return audit.Record(ctx, s.Audit, now, "update", "plan", strconv.FormatInt(p.ID, 10), p.ProvinceCode, before, p)
	})
}

func errStale() error {
	return giamngheo.Errorf(giamngheo.ECONFLICT, "Kế hoạch đã được người khác sửa: tải lại trang rồi sửa lại.",
		"The plan was changed by someone else: reload the page and edit again.")
}

// CopyPlan makes the province's plan for year to from its plan for year from: the
// structure, targets and assignments are kept, the money and the figures are not,
// the report due day moves to the same day of the new year, and the note says what
// must be reviewed (from 2027 the 2027–2030 standard applies, Decree 351/2025/NĐ-CP).
func (s *Service) CopyPlan(ctx context.Context, province string, from, to int) (*Plan, error) {
	if err := s.mayEdit(ctx, province); err != nil {
		return nil, err
	}
	src, err := s.Store.FindPlan(ctx, province, from)
	if err != nil {
		return nil, err
	}
	d := copyDoc(src.Doc, from, to, giamngheo.Today(s.Now()))
	return s.CreatePlan(ctx, province, to, d)
}

// copiedNote matches what copyDoc adds to a note.
var copiedNote = regexp.MustCompile(`Sao chép từ kế hoạch năm \d+ ngày [\d/]+: [^.]*\. ?|Từ năm \d+ áp dụng [^:]*: [^.]*\. ?`)

// copyDoc is the document of a plan copied from year from to year to on day today.
func copyDoc(d Doc, from, to int, today time.Time) Doc {
	out := d
	fy, ty := strconv.Itoa(from), strconv.Itoa(to)
	out.Title = strings.ReplaceAll(d.Title, "năm "+fy, "năm "+ty)
	out.Number = ""
	out.Targets = append([]Target(nil), d.Targets...)
	out.Areas = append([]Area(nil), d.Areas...)
	out.Assignments = append([]Assignment(nil), d.Assignments...)
	out.Budget = nil
	for _, b := range d.Budget {
		out.Budget = append(out.Budget, BudgetLine{Area: b.Area, Agency: b.Agency, Source: b.Source})
	}
	if due, err := time.Parse(giamngheo.DateLayout, d.ReportDue); err == nil {
		nd := time.Date(to, due.Month(), due.Day(), 0, 0, 0, 0, time.UTC)
		if nd.Month() != due.Month() { // 29 February into a common year
			nd = time.Date(to, due.Month()+1, 0, 0, 0, 0, 0, time.UTC)
		}
		out.ReportDue = nd.Format(giamngheo.DateLayout)
	} else {
		out.ReportDue = fmt.Sprintf("%04d-11-20", to)
	}
	notes := []string{fmt.Sprintf("Sao chép từ kế hoạch năm %d ngày %s: rà soát, sửa chỉ tiêu, nhiệm vụ và kinh phí trước khi ban hành.", from, today.Format("02/01/2006"))}
	// A copy of a copy keeps the original's note, not the earlier copy's.
	if n := strings.TrimSpace(copiedNote.ReplaceAllString(d.Note, "")); n != "" {
		notes = append(notes, n)
	}
	if st, err := poverty.StandardInForce(time.Date(to, time.July, 1, 0, 0, 0, 0, giamngheo.Vietnam)); err == nil && st.ID != d.Standard {
		out.Standard = st.ID
		notes = append(notes, fmt.Sprintf("Từ năm %d áp dụng %s (%s): các chỉ tiêu theo chuẩn nghèo cũ phải được rà soát theo chuẩn mới.",
			st.ValidFrom.Year, st.Name.VI, st.Citation.VI))
	}
	out.Note = strings.Join(notes, " ")
	return out
}
