package jobs

import (
	"context"
	"strconv"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/audit"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/support"
)

// MaxCandidates bounds the seekers a candidate list scores.
const MaxCandidates = 10000

// Candidates ranks the seekers of the actor's scope for a vacancy of its scope. Only
// verified, active, consenting seekers are scored (RankCandidates).
func (s *Service) Candidates(ctx context.Context, vacancyID int64, f MatchFilter) (*Vacancy, []Match, error) {
	v, err := s.FindVacancyByID(ctx, vacancyID)
	if err != nil {
		return nil, nil, err
	}
	seekers, _, err := s.FindSeekers(ctx, SeekerFilter{Shareable: true, Page: giamngheo.Page{Limit: MaxCandidates}})
	if err != nil {
		return nil, nil, err
	}
	return v, RankCandidates(v, seekers, f), nil
}

// VacanciesFor ranks the vacancies open today for a seeker of the actor's scope
// (open vacancies are public: they may lie outside the scope).
func (s *Service) VacanciesFor(ctx context.Context, seekerID int64, f MatchFilter) (*Seeker, []Match, error) {
	sk, err := s.FindSeekerByID(ctx, seekerID)
	if err != nil {
		return nil, nil, err
	}
	vs, _, err := s.Store.FindVacancies(ctx, VacancyFilter{OpenOn: s.today(), Page: giamngheo.Page{Limit: MaxCandidates}})
	if err != nil {
		return nil, nil, err
	}
	return sk, RankVacancies(sk, vs, f), nil
}

// Refer sends a seeker to a vacancy open today: the profile goes to the employer, so
// the seeker must be verified, still looking and consenting.
func (s *Service) Refer(ctx context.Context, seekerID, vacancyID int64) (*Referral, error) {
	if err := requireOfficer(ctx, true); err != nil {
		return nil, err
	}
	var r *Referral
	err := s.Tx.WithTx(ctx, func(ctx context.Context) error {
		sk, err := s.FindSeekerByID(ctx, seekerID)
		if err != nil {
			return err
		}
		if !sk.Shareable() {
			return giamngheo.Errorf(giamngheo.EINVALID, "Chỉ giới thiệu người đã được xác minh, còn tìm việc và đồng ý chia sẻ hồ sơ.",
				"Only a verified seeker still looking for work who consents to share the profile may be referred.")
		}
		v, err := s.Store.FindVacancyByID(ctx, vacancyID)
		if err != nil {
			return err
		}
		if v.StatusOn(s.today()) != VacancyOpen {
			return giamngheo.Errorf(giamngheo.EINVALID, "Tin tuyển dụng không còn mở.", "The vacancy is no longer open.")
		}
		now := s.Now().UTC()
		r = &Referral{SeekerID: sk.ID, VacancyID: v.ID, ProvinceCode: sk.ProvinceCode, CommuneCode: sk.CommuneCode, Priority: sk.Priority,
			Status: ReferralReferred, Score: Score(sk, v).Score, ReferredOn: s.today(), CreatedBy: username(ctx), CreatedAt: now, UpdatedAt: now}
		if err := s.Store.CreateReferral(ctx, r); err != nil {
			if giamngheo.ErrorCode(err) == giamngheo.ECONFLICT {
				return giamngheo.Errorf(giamngheo.ECONFLICT, "Người này đã được giới thiệu đến tin tuyển dụng này.", "This seeker was already referred to this vacancy.")
			}
			return err
		}
		return audit.Record(ctx, s.Audit, now, "create", "job_referral", strconv.FormatInt(r.ID, 10), r.CommuneCode, nil, r)
	})
	return r, err
}

// FindReferralByID returns a referral of a seeker of the actor's scope.
func (s *Service) FindReferralByID(ctx context.Context, id int64) (*Referral, error) {
	if err := requireOfficer(ctx, false); err != nil {
		return nil, err
	}
	r, err := s.Store.FindReferralByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := giamngheo.RequireScope(ctx, s.inScope, r.CommuneCode); err != nil {
		return nil, err
	}
	return r, nil
}

// FindReferrals lists the referrals of the actor's scope.
func (s *Service) FindReferrals(ctx context.Context, f ReferralFilter) ([]*Referral, error) {
	if err := requireOfficer(ctx, false); err != nil {
		return nil, err
	}
	cs, err := s.communes(ctx)
	if err != nil {
		return nil, err
	}
	f.CommuneCodes = intersect(f.CommuneCodes, cs)
	return s.Store.FindReferrals(ctx, f)
}

// Outcome is what an officer records of a referral.
type Outcome struct {
	Status ReferralStatus
	// InterviewOn is the day of the interview (for ReferralInterview).
	InterviewOn string
	// WithContract: the worker was hired with a labour contract (for ReferralHired).
	WithContract bool
	Note         string
}

// RecordOutcome records an interview or the employer's answer. A hire is a placement:
// in the same transaction the vacancy fills a place, the seeker is placed, the member's
// employment answer changes in the registry (the household's history keeps the former
// answer, and the employment indicator follows at the next review; the recognised
// status does not change), and a support record of the labour agency (job placement)
// takes the person off its worklist.
func (s *Service) RecordOutcome(ctx context.Context, id int64, o Outcome) (*Referral, error) {
	if err := requireOfficer(ctx, true); err != nil {
		return nil, err
	}
	var r *Referral
	err := s.Tx.WithTx(ctx, func(ctx context.Context) error {
		var err error
		if r, err = s.FindReferralByID(ctx, id); err != nil {
			return err
		}
		if r.Status == ReferralHired || r.Status == ReferralNotHired {
			return giamngheo.Errorf(giamngheo.ECONFLICT, "Kết quả giới thiệu này đã được ghi nhận.", "The outcome of this referral is already recorded.")
		}
		before := *r
		now := s.Now().UTC()
		r.Note = strings.TrimSpace(o.Note)
		switch o.Status {
		case ReferralInterview:
			if _, err := time.Parse(giamngheo.DateLayout, o.InterviewOn); err != nil {
				return invalid("interview_on", "Ngày phỏng vấn %q không hợp lệ.", "Interview day %q is not valid.", o.InterviewOn)
			}
			r.Status, r.InterviewOn = ReferralInterview, o.InterviewOn
		case ReferralNotHired:
			r.Status = ReferralNotHired
		case ReferralHired:
			r.Status, r.PlacedOn, r.WithContract = ReferralHired, s.today(), o.WithContract
			if err := s.place(ctx, r, now); err != nil {
				return err
			}
		default:
			return invalid("status", "Kết quả %q không hợp lệ.", "Outcome %q is not valid.", string(o.Status))
		}
		r.UpdatedAt = now
		if err := s.Store.SaveReferral(ctx, r); err != nil {
			return err
		}
		return audit.Record(ctx, s.Audit, now, "update", "job_referral", strconv.FormatInt(r.ID, 10), r.CommuneCode, &before, r)
	})
	return r, err
}

// place records the placement of referral r (inside RecordOutcome's transaction).
func (s *Service) place(ctx context.Context, r *Referral, now time.Time) error {
	v, err := s.Store.FindVacancyByID(ctx, r.VacancyID)
	if err != nil {
		return err
	}
	if v.Filled >= v.Places {
		return giamngheo.Errorf(giamngheo.ECONFLICT, "Tin tuyển dụng đã đủ người.", "Every place of the vacancy is filled.")
	}
	v.Filled++
	if v.Filled >= v.Places {
		v.Status = VacancyFilled
	}
	v.UpdatedAt = now
	if err := s.Store.SaveVacancy(ctx, v); err != nil {
		return err
	}
	sk, err := s.Store.FindSeekerByID(ctx, r.SeekerID)
	if err != nil {
		return err
	}
	sk.Status, sk.UpdatedAt = SeekerPlaced, now
	if err := s.Store.SaveSeeker(ctx, sk); err != nil {
		return err
	}
	if sk.HouseholdID == 0 {
		return nil // not in the registry: no answer to change, no household to support
	}
	if err := s.setEmployment(ctx, sk, r.WithContract); err != nil {
		return err
	}
	rec := &support.Record{HouseholdID: sk.HouseholdID, Type: support.TypeJobPlacement, Day: r.PlacedOn,
		Person: support.PersonKey(sk.FullName, sk.BirthDate), Note: v.EmployerName + " – " + v.Position,
		Origin: "jobs: referral " + strconv.FormatInt(r.ID, 10)}
	if _, err := s.Support.RecordSupport(ctx, rec, 0); err != nil {
		return err
	}
	r.SupportID = rec.ID
	return nil
}

// setEmployment changes the placed member's employment answer through the registry
// service, which keeps the former state in the household's history, reclassifies the
// survey result and audits. The recognised status is not touched: only the next review
// changes it (registry.Recognition).
func (s *Service) setEmployment(ctx context.Context, sk *Seeker, withContract bool) error {
	h, err := s.Registry.FindHouseholdByID(ctx, sk.HouseholdID)
	if err != nil {
		return err
	}
	i, ok := member(h, 0, sk.FullName, sk.BirthDate)
	if !ok {
		return giamngheo.Errorf(giamngheo.EINVALID, "%s không còn trong hộ %s: cập nhật hồ sơ người tìm việc trước khi ghi nhận.",
			"%s is no longer in household %s: update the seeker's profile first.", sk.FullName, h.Code)
	}
	members := h.Members
	members[i].Employment = poverty.EmployedNoContract
	if withContract {
		members[i].Employment = poverty.EmployedWithContract
	}
	// A job-centre officer records placements but does not edit the registry: this one
	// answer is written on its behalf, in its scope and under its name, because the
	// exchange has just authorised the placement (issue 18: a placement updates the
	// member's employment answer).
	if a := giamngheo.ActorFromContext(ctx); a != nil && !a.Role.EditsRegistry() {
		on := *a
		on.Role = giamngheo.RoleCommuneOfficer
		ctx = giamngheo.NewContextWithActor(ctx, &on)
	}
	_, err = s.Registry.UpdateHousehold(ctx, h.ID, registry.HouseholdUpdate{BaseVersion: h.Version, Members: &members})
	return err
}

// ExportSupportKind is a support a labour-export candidate receives.
type ExportSupportKind struct {
	Code string
	Name poverty.Text
	// Type is the support type it is recorded as.
	Type string
}

// ExportSupportKinds are the supports of labour export (Decision 90/QĐ-TTg of
// 18/01/2022, project 4, sub-project 2: support to work abroad under contract):
// training is vocational training, the costs are labour export, the loan is the
// Social Policy Bank's job-creation credit.
var ExportSupportKinds = []ExportSupportKind{
	{"language", poverty.Text{VI: "Đào tạo ngoại ngữ", EN: "Language training"}, support.TypeLabourExport},
	{"vocational", poverty.Text{VI: "Đào tạo nghề, bồi dưỡng kiến thức cần thiết", EN: "Vocational and orientation training"}, support.TypeVocational},
	{"passport", poverty.Text{VI: "Chi phí làm hộ chiếu, thị thực, lý lịch tư pháp", EN: "Passport, visa and criminal-record costs"}, support.TypeLabourExport},
	{"health_check", poverty.Text{VI: "Chi phí khám sức khỏe", EN: "Health-check costs"}, support.TypeLabourExport},
	{"loan", poverty.Text{VI: "Vay vốn Ngân hàng Chính sách xã hội", EN: "Social Policy Bank loan"}, "loan_jobs"},
}

// RecordExportSupport records a support given to a labour-export candidate of the
// registry, as a support record (the support service checks the agency's right).
func (s *Service) RecordExportSupport(ctx context.Context, seekerID int64, kind, day string, amount int64, note string) (*support.Record, error) {
	sk, err := s.FindSeekerByID(ctx, seekerID)
	if err != nil {
		return nil, err
	}
	if !sk.LabourExport || sk.HouseholdID == 0 {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Chỉ ghi nhận hỗ trợ cho người đăng ký đi làm việc ở nước ngoài thuộc một hộ trong danh sách.",
			"Support is recorded for labour-export candidates of a registered household only.")
	}
	var k *ExportSupportKind
	for i := range ExportSupportKinds {
		if ExportSupportKinds[i].Code == kind {
			k = &ExportSupportKinds[i]
		}
	}
	if k == nil {
		return nil, invalid("kind", "Loại hỗ trợ %q không hợp lệ.", "Support kind %q is not valid.", kind)
	}
	rec := &support.Record{HouseholdID: sk.HouseholdID, Type: k.Type, Day: day, Amount: amount,
		Person: support.PersonKey(sk.FullName, sk.BirthDate), Note: strings.TrimSpace(k.Name.VI + ". " + note), Origin: "jobs: labour export"}
	if _, err := s.Support.RecordSupport(ctx, rec, 0); err != nil {
		return nil, err
	}
	return rec, nil
}

// ExportSupport returns the support recorded for a labour-export candidate.
func (s *Service) ExportSupport(ctx context.Context, sk *Seeker) ([]*support.Record, error) {
	if sk.HouseholdID == 0 {
		return nil, nil
	}
	recs, err := s.Support.HouseholdSupport(ctx, sk.HouseholdID)
	if err != nil {
		return nil, err
	}
	key := support.PersonKey(sk.FullName, sk.BirthDate)
	var out []*support.Record
	for _, r := range recs {
		if r.Person == key || (r.Person == "" && r.Origin == "jobs: labour export") {
			out = append(out, r)
		}
	}
	return out, nil
}
