package jobs

import (
	"context"
	"strconv"
	"time"

	"giamngheo"
	"giamngheo/audit"
)

// RegisterVacancy registers a vacancy as an officer of the workplace's scope: open at once.
func (s *Service) RegisterVacancy(ctx context.Context, v *Vacancy) error {
	if err := requireOfficer(ctx, true); err != nil {
		return err
	}
	if err := giamngheo.RequireScope(ctx, s.inScope, v.CommuneCode); err != nil {
		return err
	}
	return s.createVacancy(ctx, v, VacancyOpen, "officer")
}

// SubmitVacancy registers a vacancy from the employers' public form: pending until a
// job-centre officer verifies the employer; not shown publicly meanwhile.
func (s *Service) SubmitVacancy(ctx context.Context, v *Vacancy) error {
	return s.createVacancy(ctx, v, VacancyPending, "public")
}

func (s *Service) createVacancy(ctx context.Context, v *Vacancy, status VacancyStatus, origin string) error {
	if err := v.normalize(s.today()); err != nil {
		return err
	}
	p, err := s.commune(ctx, v.CommuneCode)
	if err != nil {
		return err
	}
	v.ProvinceCode = p
	return s.Tx.WithTx(ctx, func(ctx context.Context) error {
		now := s.Now().UTC()
		v.Status, v.Origin, v.Day, v.Filled = status, origin, s.today(), 0
		v.CreatedBy, v.CreatedAt, v.UpdatedAt = username(ctx), now, now
		if status == VacancyOpen {
			v.VerifiedBy, v.VerifiedAt = v.CreatedBy, now
		}
		if err := s.Store.CreateVacancy(ctx, v); err != nil {
			return err
		}
		return audit.Record(ctx, s.Audit, now, "create", "job_vacancy", strconv.FormatInt(v.ID, 10), v.CommuneCode, nil, v)
	})
}

// FindVacancyByID returns a vacancy of the actor's scope, with its status on today.
func (s *Service) FindVacancyByID(ctx context.Context, id int64) (*Vacancy, error) {
	if err := requireOfficer(ctx, false); err != nil {
		return nil, err
	}
	v, err := s.Store.FindVacancyByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := giamngheo.RequireScope(ctx, s.inScope, v.CommuneCode); err != nil {
		return nil, err
	}
	v.Status = v.StatusOn(s.today())
	return v, nil
}

// FindVacancies lists the vacancies of the actor's scope, with their status on today.
func (s *Service) FindVacancies(ctx context.Context, f VacancyFilter) ([]*Vacancy, int, error) {
	if err := requireOfficer(ctx, false); err != nil {
		return nil, 0, err
	}
	cs, err := s.communes(ctx)
	if err != nil {
		return nil, 0, err
	}
	f.CommuneCodes = intersect(f.CommuneCodes, cs)
	vs, n, err := s.Store.FindVacancies(ctx, f)
	for _, v := range vs {
		v.Status = v.StatusOn(s.today())
	}
	return vs, n, err
}

// PublicVacancies lists the vacancies open today, for anyone (no login): verified,
// closing date not passed. A vacancy carries no seeker's data.
func (s *Service) PublicVacancies(ctx context.Context, query string, page giamngheo.Page) ([]*Vacancy, int, error) {
	return s.Store.FindVacancies(ctx, VacancyFilter{OpenOn: s.today(), Query: query, Page: page})
}

// changeVacancy loads a vacancy of the scope for writing, applies change, saves and audits.
func (s *Service) changeVacancy(ctx context.Context, id int64, change func(v *Vacancy, now time.Time) error) (*Vacancy, error) {
	if err := requireOfficer(ctx, true); err != nil {
		return nil, err
	}
	var v *Vacancy
	err := s.Tx.WithTx(ctx, func(ctx context.Context) error {
		var err error
		if v, err = s.FindVacancyByID(ctx, id); err != nil {
			return err
		}
		before := *v
		now := s.Now().UTC()
		if err := change(v, now); err != nil {
			return err
		}
		v.UpdatedAt = now
		if err := s.Store.SaveVacancy(ctx, v); err != nil {
			return err
		}
		return audit.Record(ctx, s.Audit, now, "update", "job_vacancy", strconv.FormatInt(v.ID, 10), v.CommuneCode, &before, v)
	})
	return v, err
}

// VerifyVacancy opens a vacancy an employer sent on the public form, once the officer
// has checked the employer (name, tax code, address).
func (s *Service) VerifyVacancy(ctx context.Context, id int64) (*Vacancy, error) {
	return s.changeVacancy(ctx, id, func(v *Vacancy, now time.Time) error {
		if v.Status != VacancyPending {
			return giamngheo.Errorf(giamngheo.ECONFLICT, "Tin tuyển dụng này không chờ xác minh.", "This vacancy is not waiting for verification.")
		}
		if v.ClosingDate < s.today() {
			return giamngheo.Errorf(giamngheo.EINVALID, "Tin tuyển dụng đã quá hạn nộp hồ sơ.", "The vacancy's closing date has passed.")
		}
		v.Status, v.VerifiedBy, v.VerifiedAt = VacancyOpen, username(ctx), now
		return nil
	})
}

// CloseVacancy closes a vacancy before its closing date.
func (s *Service) CloseVacancy(ctx context.Context, id int64) (*Vacancy, error) {
	return s.changeVacancy(ctx, id, func(v *Vacancy, _ time.Time) error {
		v.Status = VacancyClosed
		return nil
	})
}
