package support

import (
	"context"
	"strconv"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/audit"
	"giamngheo/poverty"
	"giamngheo/registry"
)

// Service runs the support use cases: validate → authorise → write → audit, each in
// one transaction with one timestamp; reads are confined to the actor's scope.
type Service struct {
	Store    Store
	Registry *registry.Service
	Units    admin.Store
	Audit    audit.Store
	Tx       giamngheo.TxRunner
	Now      giamngheo.Clock
	// Rollups answers the household counts of the rates from the maintained roll-ups
	// (nil: counted from the households).
	Rollups Rollups
}

// Rollups reads the maintained counts per commune and recognised status (ADR 0009).
type Rollups interface {
	// RollupStatusCounts sums one measure over the communes, by recognised status.
	RollupStatusCounts(ctx context.Context, communes []string, measure string) (map[string]int64, error)
}

// MayRecord returns EFORBIDDEN unless the actor may record support of type t: an
// officer who edits the registry records any type; an agency officer only its own
// agency's types (and "other"); a viewer nothing.
func MayRecord(ctx context.Context, t Type) error {
	if err := giamngheo.RequireWrite(ctx); err != nil {
		return err
	}
	a := giamngheo.ActorFromContext(ctx)
	if a.Role.EditsRegistry() {
		return nil
	}
	if a.Role == giamngheo.RoleAgencyOfficer && a.Agency != "" && (t.Agency == a.Agency || t.Agency == "") {
		return nil
	}
	return giamngheo.Errorf(giamngheo.EFORBIDDEN, "Tài khoản này không được ghi nhận hỗ trợ loại “%s”.",
		"This account may not record support of the kind “%s”.", t.Name.VI)
}

func unknownType(code string) error {
	return giamngheo.Errorf(giamngheo.EINVALID, "Loại hỗ trợ %q không có trong danh mục.", "Support type %q is not in the catalogue.", code)
}

// prepare validates r against its type and the household h, filling what derives.
func (s *Service) prepare(ctx context.Context, r *Record, memberID int64, t Type, h *registry.Household) error {
	if r.Day == "" {
		r.Day = giamngheo.DayString(s.Now())
	}
	d, err := time.ParseInLocation(giamngheo.DateLayout, r.Day, giamngheo.Vietnam) // compared with today in Vietnam
	if err != nil {
		return giamngheo.Errorf(giamngheo.EINVALID, "Ngày hỗ trợ %q không hợp lệ (năm-tháng-ngày).", "Support day %q is not a valid date (year-month-day).", r.Day)
	}
	if d.After(giamngheo.Today(s.Now())) {
		return giamngheo.Errorf(giamngheo.EINVALID, "Ngày hỗ trợ %s ở tương lai.", "Support day %s is in the future.", r.Day)
	}
	if r.Amount < 0 || r.Quantity < 0 {
		return giamngheo.Errorf(giamngheo.EINVALID, "Số lượng và số tiền không được âm.", "Quantity and amount may not be negative.")
	}
	if !r.Source.Valid() {
		return giamngheo.Errorf(giamngheo.EINVALID, "Nguồn kinh phí %q không hợp lệ.", "Source of funds %q is not valid.", string(r.Source))
	}
	r.Year = d.Year()
	r.Type = t.Code
	r.HouseholdID, r.ProvinceCode, r.CommuneCode = h.ID, h.ProvinceCode, h.CommuneCode
	r.Agency = t.Agency
	if a := giamngheo.ActorFromContext(ctx); r.Agency == "" && a != nil {
		r.Agency = a.Agency
	}
	if !t.Person {
		r.Person, r.MemberName, r.BirthDate = "", "", ""
		return nil
	}
	for _, m := range h.Members {
		if (memberID != 0 && m.ID == memberID) || (memberID == 0 && r.Person != "" && PersonKey(m.Name, m.BirthDate) == r.Person) {
			r.MemberName, r.BirthDate, r.Person = m.Name, m.BirthDate, PersonKey(m.Name, m.BirthDate)
			return nil
		}
	}
	return giamngheo.Errorf(giamngheo.EINVALID, "Hỗ trợ “%s” dành cho một người: chọn thành viên của hộ.",
		"The support “%s” goes to a person: choose a member of the household.", t.Name.VI)
}

// RecordSupport records one support for a household of the actor's scope and reports
// whether it was new (false: the same support was already recorded). memberID names
// the person of a personal support (or r.Person does); 0 for a household's.
func (s *Service) RecordSupport(ctx context.Context, r *Record, memberID int64) (bool, error) {
	t, ok := TypeByCode(r.Type)
	if !ok {
		return false, unknownType(r.Type)
	}
	if err := MayRecord(ctx, t); err != nil {
		return false, err
	}
	// The registry service checks the stored household's commune against the scope.
	h, err := s.Registry.FindHouseholdByID(ctx, r.HouseholdID)
	if err != nil {
		return false, err
	}
	if err := s.prepare(ctx, r, memberID, t, h); err != nil {
		return false, err
	}
	added := false
	err = s.Tx.WithTx(ctx, func(ctx context.Context) error {
		now := s.Now().UTC()
		r.CreatedAt = now
		if a := giamngheo.ActorFromContext(ctx); a != nil {
			r.CreatedBy = a.Username
		}
		if r.Origin == "" {
			r.Origin = "form"
		}
		var err error
		if added, err = s.Store.InsertSupport(ctx, r); err != nil || !added {
			return err
		}
		return audit.Record(ctx, s.Audit, now, "create", "support", strconv.FormatInt(r.ID, 10), r.CommuneCode, nil, r)
	})
	return added, err
}

// communes returns the communes of the actor's scope (nil: the whole country).
func (s *Service) communes(ctx context.Context) ([]string, error) {
	a := giamngheo.ActorFromContext(ctx)
	if a == nil {
		return nil, giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in.")
	}
	if a.ScopeCode == "" {
		return nil, nil
	}
	cs, err := registry.CommunesUnder(ctx, s.Units, a.ScopeCode)
	if cs == nil {
		cs = []string{}
	}
	return cs, err
}

// HouseholdSupport returns the support a household of the actor's scope received.
func (s *Service) HouseholdSupport(ctx context.Context, householdID int64) ([]*Record, error) {
	if err := s.Registry.RequireHousehold(ctx, householdID); err != nil {
		return nil, err
	}
	return s.Store.FindSupport(ctx, Filter{HouseholdID: householdID})
}

// FindSupport returns the support records of the actor's scope matching f.
func (s *Service) FindSupport(ctx context.Context, f Filter) ([]*Record, error) {
	cs, err := s.communes(ctx)
	if err != nil {
		return nil, err
	}
	f.CommuneCodes = cs
	return s.Store.FindSupport(ctx, f)
}

// ageOn returns the age in completed years on ref of a person born on birth
// (YYYY-MM-DD), or -1 when the date is unreadable.
func ageOn(birth string, ref time.Time) int {
	b, err := time.Parse(giamngheo.DateLayout, strings.TrimSpace(birth))
	if err != nil {
		return -1
	}
	age := ref.Year() - b.Year()
	if ref.Month() < b.Month() || (ref.Month() == b.Month() && ref.Day() < b.Day()) {
		age--
	}
	return age
}

// listed reports whether the household is on the poor or near-poor list by decision.
func listed(h *registry.Household) bool {
	return h.Recognised.Class == poverty.Poor || h.Recognised.Class == poverty.NearPoor
}
