package jobs

import (
	"context"
	"strconv"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/audit"
	"giamngheo/registry"
	"giamngheo/support"
)

// Service runs the job exchange's use cases: validate → authorise → write → audit,
// each in one transaction with one timestamp; reads are confined to the actor's scope.
type Service struct {
	Store    Store
	Registry *registry.Service
	Support  *support.Service
	Units    admin.Store
	Audit    audit.Store
	Tx       giamngheo.TxRunner
	Now      giamngheo.Clock
}

// IsOfficer reports whether the actor works the job exchange: a job-centre officer
// (an agency officer of the labour agency) or a province, district or commune officer.
func IsOfficer(a *giamngheo.Actor) bool {
	return a != nil && (a.Role.EditsRegistry() || (a.Role == giamngheo.RoleAgencyOfficer && a.Agency == support.AgencyLabour))
}

// requireOfficer returns an error unless the actor is an officer of the exchange; write
// also asks for a role that writes.
func requireOfficer(ctx context.Context, write bool) error {
	a := giamngheo.ActorFromContext(ctx)
	if a == nil {
		return giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in.")
	}
	if write {
		if err := giamngheo.RequireWrite(ctx); err != nil {
			return err
		}
	}
	if !IsOfficer(a) {
		return giamngheo.Errorf(giamngheo.EFORBIDDEN, "Sàn việc làm dành cho cán bộ trung tâm dịch vụ việc làm (Sở Lao động) và cán bộ tỉnh, xã.",
			"The job exchange is for job-centre officers (labour agency) and province and commune officers.")
	}
	return nil
}

func (s *Service) inScope(ctx context.Context, scope, code string) (bool, error) {
	return admin.StoreInScope(ctx, s.Units, scope, code)
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

func (s *Service) today() string { return giamngheo.DayString(s.Now()) }

// commune checks that code is a commune in force and returns its province.
func (s *Service) commune(ctx context.Context, code string) (string, error) {
	u, err := s.Units.FindUnitByCode(ctx, code, s.today())
	if err != nil || u.Level != admin.LevelCommune {
		return "", invalid("commune_code", "Không có xã, phường mã %q.", "No commune with code %q.", code)
	}
	return admin.StoreProvinceOf(ctx, s.Units, u, s.today()), nil
}

func username(ctx context.Context) string {
	if a := giamngheo.ActorFromContext(ctx); a != nil {
		return a.Username
	}
	return "public"
}

// member finds the member of h named by a member id (or, when 0, by name and birth date).
func member(h *registry.Household, memberID int64, name, birth string) (int, bool) {
	for i, m := range h.Members {
		if (memberID != 0 && m.ID == memberID) || (memberID == 0 && support.PersonKey(m.Name, m.BirthDate) == support.PersonKey(name, birth)) {
			return i, true
		}
	}
	return 0, false
}

// classify sets the seeker's class and priority group from its household (linked) or
// from its declaration (not linked). memberID names the member (0: by name and birth).
func (s *Service) classify(ctx context.Context, sk *Seeker, memberID int64) error {
	if sk.HouseholdID == 0 {
		sk.Class, sk.HouseholdCode = "", ""
		sk.Priority = PriorityOf("", false, sk.LowIncome)
		return nil
	}
	h, err := s.Registry.FindHouseholdByID(ctx, sk.HouseholdID)
	if err != nil {
		return err
	}
	i, ok := member(h, memberID, sk.FullName, sk.BirthDate)
	if !ok {
		return invalid("member", "Người này không có trong hộ %s: chọn một thành viên của hộ.", "This person is not in household %s: choose a member.", h.Code)
	}
	m := h.Members[i]
	sk.FullName, sk.BirthDate, sk.Sex = m.Name, m.BirthDate, string(m.Sex)
	sk.CommuneCode, sk.ProvinceCode, sk.HouseholdCode = h.CommuneCode, h.ProvinceCode, h.Code
	// The RECOGNISED class, never the survey's proposal.
	sk.Class = ""
	if h.Recognised.Listed() {
		sk.Class = h.Recognised.Class
	}
	since := giamngheo.Today(s.Now()).AddDate(-EscapedYears, 0, 0).Format(giamngheo.DateLayout)
	escaped, err := s.Store.EscapedSince(ctx, h.ID, since)
	if err != nil {
		return err
	}
	if h.Result != nil && h.Result.LowIncomeWorkers.Has(i) {
		sk.LowIncome = true
	}
	sk.Priority = PriorityOf(sk.Class, escaped, sk.LowIncome)
	return nil
}

// RegisterSeeker registers a job seeker as an officer: verified at once. A seeker of
// the registry names its household and member (memberID); the household gives the
// commune, the recognised class and the priority group.
func (s *Service) RegisterSeeker(ctx context.Context, sk *Seeker, memberID int64) error {
	if err := requireOfficer(ctx, true); err != nil {
		return err
	}
	if err := s.classify(ctx, sk, memberID); err != nil {
		return err
	}
	if err := giamngheo.RequireScope(ctx, s.inScope, sk.CommuneCode); err != nil {
		return err
	}
	if err := sk.normalize(giamngheo.Today(s.Now())); err != nil {
		return err
	}
	if sk.HouseholdID == 0 {
		p, err := s.commune(ctx, sk.CommuneCode)
		if err != nil {
			return err
		}
		sk.ProvinceCode = p
	}
	return s.Tx.WithTx(ctx, func(ctx context.Context) error {
		now := s.Now().UTC()
		sk.Status, sk.Origin, sk.Day = SeekerActive, "officer", s.today()
		sk.CreatedBy, sk.CreatedAt, sk.UpdatedAt = username(ctx), now, now
		sk.VerifiedBy, sk.VerifiedAt = sk.CreatedBy, now
		if sk.Consent {
			sk.ConsentAt = now
		}
		if err := s.Store.CreateSeeker(ctx, sk); err != nil {
			return err
		}
		return audit.Record(ctx, s.Audit, now, "create", "job_seeker", strconv.FormatInt(sk.ID, 10), sk.CommuneCode, nil, sk)
	})
}

// SubmitSeeker registers a seeker from the public form: pending until an officer
// verifies it, seen by no one else meanwhile. No actor is needed.
func (s *Service) SubmitSeeker(ctx context.Context, sk *Seeker) error {
	sk.HouseholdID, sk.HouseholdCode, sk.Class = 0, "", ""
	if err := sk.normalize(giamngheo.Today(s.Now())); err != nil {
		return err
	}
	p, err := s.commune(ctx, sk.CommuneCode)
	if err != nil {
		return err
	}
	sk.ProvinceCode, sk.Priority = p, PriorityOf("", false, sk.LowIncome)
	return s.Tx.WithTx(ctx, func(ctx context.Context) error {
		now := s.Now().UTC()
		sk.Status, sk.Origin, sk.Day, sk.CreatedBy, sk.CreatedAt, sk.UpdatedAt = SeekerPending, "public", s.today(), "public", now, now
		if sk.Consent {
			sk.ConsentAt = now
		}
		if err := s.Store.CreateSeeker(ctx, sk); err != nil {
			return err
		}
		return audit.Record(ctx, s.Audit, now, "create", "job_seeker", strconv.FormatInt(sk.ID, 10), sk.CommuneCode, nil, sk)
	})
}

// FindSeekerByID returns a seeker of the actor's scope.
func (s *Service) FindSeekerByID(ctx context.Context, id int64) (*Seeker, error) {
	if err := requireOfficer(ctx, false); err != nil {
		return nil, err
	}
	sk, err := s.Store.FindSeekerByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := giamngheo.RequireScope(ctx, s.inScope, sk.CommuneCode); err != nil {
		return nil, err
	}
	return sk, nil
}

// FindSeekers lists the seekers of the actor's scope.
func (s *Service) FindSeekers(ctx context.Context, f SeekerFilter) ([]*Seeker, int, error) {
	if err := requireOfficer(ctx, false); err != nil {
		return nil, 0, err
	}
	cs, err := s.communes(ctx)
	if err != nil {
		return nil, 0, err
	}
	f.CommuneCodes = intersect(f.CommuneCodes, cs)
	return s.Store.FindSeekers(ctx, f)
}

// intersect narrows a filter's communes (nil: all) to the scope's (nil: all).
func intersect(asked, scope []string) []string {
	if scope == nil {
		return asked
	}
	if asked == nil {
		return scope
	}
	in := map[string]bool{}
	for _, c := range scope {
		in[c] = true
	}
	out := []string{}
	for _, c := range asked {
		if in[c] {
			out = append(out, c)
		}
	}
	return out
}

// changeSeeker loads a seeker of the scope for writing, applies change and saves it
// with an audit row, in one transaction.
func (s *Service) changeSeeker(ctx context.Context, id int64, change func(ctx context.Context, sk *Seeker, now time.Time) error) (*Seeker, error) {
	if err := requireOfficer(ctx, true); err != nil {
		return nil, err
	}
	var sk *Seeker
	err := s.Tx.WithTx(ctx, func(ctx context.Context) error {
		var err error
		if sk, err = s.FindSeekerByID(ctx, id); err != nil {
			return err
		}
		before := *sk
		now := s.Now().UTC()
		if err := change(ctx, sk, now); err != nil {
			return err
		}
		sk.UpdatedAt = now
		if err := s.Store.SaveSeeker(ctx, sk); err != nil {
			return err
		}
		return audit.Record(ctx, s.Audit, now, "update", "job_seeker", strconv.FormatInt(sk.ID, 10), sk.CommuneCode, &before, sk)
	})
	return sk, err
}

// VerifySeeker verifies a seeker registered on the public form, linking it to a
// registry household's member when householdID is not 0: from then on the seeker may
// be matched (with consent).
func (s *Service) VerifySeeker(ctx context.Context, id, householdID, memberID int64) (*Seeker, error) {
	return s.changeSeeker(ctx, id, func(ctx context.Context, sk *Seeker, now time.Time) error {
		if sk.Status != SeekerPending {
			return giamngheo.Errorf(giamngheo.ECONFLICT, "Hồ sơ này đã được xác minh.", "This profile is already verified.")
		}
		sk.HouseholdID = householdID
		if err := s.classify(ctx, sk, memberID); err != nil {
			return err
		}
		if err := giamngheo.RequireScope(ctx, s.inScope, sk.CommuneCode); err != nil {
			return err
		}
		sk.Status, sk.VerifiedBy, sk.VerifiedAt = SeekerActive, username(ctx), now
		return nil
	})
}

// SetConsent records that the seeker gives, or withdraws, consent to share the
// profile with employers (the date of each is kept).
func (s *Service) SetConsent(ctx context.Context, id int64, consent bool) (*Seeker, error) {
	return s.changeSeeker(ctx, id, func(_ context.Context, sk *Seeker, now time.Time) error {
		if consent && !sk.Consent {
			sk.Consent, sk.ConsentAt, sk.WithdrawnAt = true, now, time.Time{}
		} else if !consent && sk.Consent {
			sk.Consent, sk.WithdrawnAt = false, now
		}
		return nil
	})
}

// CloseSeeker records that the seeker no longer looks for work.
func (s *Service) CloseSeeker(ctx context.Context, id int64) (*Seeker, error) {
	return s.changeSeeker(ctx, id, func(_ context.Context, sk *Seeker, _ time.Time) error {
		sk.Status = SeekerClosed
		return nil
	})
}
