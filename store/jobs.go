package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/jobs"
	"giamngheo/poverty"
	"giamngheo/vntext"
)

// optTime is an optional instant as the job tables keep it: RFC 3339 text, ” for none.
func optTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmtTime(t)
}

func parseOptTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

const seekerCols = `id, province_code, commune_code, full_name, birth_date, sex, phone, address, household_id, household_code, class,
	low_income, priority, skills, education, vocational, desired_work, desired_wage, commute_range, available_from, labour_export,
	consent, consent_at, withdrawn_at, status, origin, verified_by, verified_at, day, search, created_by, created_at, updated_at`

func (db *DB) seekerArgs(s *jobs.Seeker) []any {
	search := vntext.Fold(strings.Join([]string{s.FullName, s.Skills, s.Vocational, s.DesiredWork, s.HouseholdCode}, " "))
	return []any{s.ProvinceCode, s.CommuneCode, s.FullName, s.BirthDate, s.Sex, s.Phone, s.Address, s.HouseholdID, s.HouseholdCode, string(s.Class),
		b2i(s.LowIncome), string(s.Priority), s.Skills, s.Education, s.Vocational, s.DesiredWork, s.DesiredWage, string(s.Range), s.AvailableFrom, b2i(s.LabourExport),
		b2i(s.Consent), optTime(s.ConsentAt), optTime(s.WithdrawnAt), string(s.Status), s.Origin, s.VerifiedBy, optTime(s.VerifiedAt), s.Day, search,
		s.CreatedBy, db.t(s.CreatedAt), db.t(s.UpdatedAt)}
}

// CreateSeeker stores a new seeker and sets its id.
func (db *DB) CreateSeeker(ctx context.Context, s *jobs.Seeker) error {
	args := db.seekerArgs(s)
	err := db.w(ctx).QueryRowContext(ctx, `INSERT INTO job_seekers (`+seekerCols[4:]+`) VALUES (`+placeholders(1, len(args))+`) RETURNING id`, args...).Scan(&s.ID)
	return db.formatError(err)
}

// SaveSeeker writes every field of a stored seeker.
func (db *DB) SaveSeeker(ctx context.Context, s *jobs.Seeker) error {
	args := append(db.seekerArgs(s), s.ID)
	cols := strings.Split(strings.Join(strings.Fields(seekerCols[4:]), ""), ",")
	set := make([]string, len(cols))
	for i, c := range cols {
		set[i] = c + " = " + placeholders(i+1, 1)
	}
	_, err := db.w(ctx).ExecContext(ctx, `UPDATE job_seekers SET `+strings.Join(set, ", ")+` WHERE id = `+placeholders(len(args), 1), args...)
	return db.formatError(err)
}

func scanSeeker(sc interface{ Scan(...any) error }, total *int) (*jobs.Seeker, error) {
	s := &jobs.Seeker{}
	var class, priority, rng, status, consentAt, withdrawnAt, verifiedAt, search string
	var low, export, consent int
	dest := []any{&s.ID, &s.ProvinceCode, &s.CommuneCode, &s.FullName, &s.BirthDate, &s.Sex, &s.Phone, &s.Address, &s.HouseholdID, &s.HouseholdCode, &class,
		&low, &priority, &s.Skills, &s.Education, &s.Vocational, &s.DesiredWork, &s.DesiredWage, &rng, &s.AvailableFrom, &export,
		&consent, &consentAt, &withdrawnAt, &status, &s.Origin, &s.VerifiedBy, &verifiedAt, &s.Day, &search, &s.CreatedBy, scanTime(&s.CreatedAt), scanTime(&s.UpdatedAt)}
	if total != nil {
		dest = append(dest, total)
	}
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	s.Class, s.Priority, s.Range, s.Status = poverty.Class(class), jobs.Priority(priority), jobs.Range(rng), jobs.SeekerStatus(status)
	s.LowIncome, s.LabourExport, s.Consent = low == 1, export == 1, consent == 1
	s.ConsentAt, s.WithdrawnAt, s.VerifiedAt = parseOptTime(consentAt), parseOptTime(withdrawnAt), parseOptTime(verifiedAt)
	return s, nil
}

// FindSeekerByID returns a seeker or ENOTFOUND.
func (db *DB) FindSeekerByID(ctx context.Context, id int64) (*jobs.Seeker, error) {
	s, err := scanSeeker(db.r(ctx).QueryRowContext(ctx, `SELECT `+seekerCols+` FROM job_seekers WHERE id = $1`, id), nil)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không tìm thấy người tìm việc.", "Job seeker not found.")
	}
	return s, err
}

// FindSeekers returns a page of the matching seekers, newest first, and the total.
func (db *DB) FindSeekers(ctx context.Context, f jobs.SeekerFilter) ([]*jobs.Seeker, int, error) {
	if f.CommuneCodes != nil && len(f.CommuneCodes) == 0 {
		return nil, 0, nil
	}
	w := &where{}
	if f.CommuneCodes != nil {
		db.in(w, "commune_code", f.CommuneCodes)
	}
	if f.Status != "" {
		w.add("status = ?", string(f.Status))
	}
	if f.Priority != nil {
		w.add("priority = ?", string(*f.Priority))
	}
	if f.Shareable {
		w.add("status = ? AND consent = 1", string(jobs.SeekerActive))
	}
	if f.LabourExport {
		w.add("labour_export = 1")
	}
	if f.HouseholdID != 0 {
		w.add("household_id = ?", f.HouseholdID)
	}
	if q := vntext.Fold(strings.TrimSpace(f.Query)); q != "" {
		w.add("search LIKE ?", "%"+q+"%")
	}
	p := f.Page.Norm()
	page := w.next(p.Limit, p.Offset)
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT `+seekerCols+`, count(*) OVER () FROM job_seekers WHERE `+w.sql()+
		` ORDER BY id DESC LIMIT `+page[0]+` OFFSET `+page[1], w.args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []*jobs.Seeker
	total := 0
	for rows.Next() {
		s, err := scanSeeker(rows, &total)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, s)
	}
	return out, total, rows.Err()
}

const vacancyCols = `id, province_code, commune_code, employer_name, employer_tax_code, employer_address, employer_contact, position,
	requirements, skills, wage_min, wage_max, places, filled, closing_date, abroad, status, origin, verified_by, verified_at, day, search,
	created_by, created_at, updated_at`

func (db *DB) vacancyArgs(v *jobs.Vacancy) []any {
	return []any{v.ProvinceCode, v.CommuneCode, v.EmployerName, v.EmployerTaxCode, v.EmployerAddress, v.EmployerContact, v.Position,
		v.Requirements, v.Skills, v.WageMin, v.WageMax, v.Places, v.Filled, v.ClosingDate, v.Abroad, string(v.Status), v.Origin, v.VerifiedBy,
		optTime(v.VerifiedAt), v.Day, v.SearchText(), v.CreatedBy, db.t(v.CreatedAt), db.t(v.UpdatedAt)}
}

// CreateVacancy stores a new vacancy and sets its id.
func (db *DB) CreateVacancy(ctx context.Context, v *jobs.Vacancy) error {
	args := db.vacancyArgs(v)
	err := db.w(ctx).QueryRowContext(ctx, `INSERT INTO job_vacancies (`+vacancyCols[4:]+`) VALUES (`+placeholders(1, len(args))+`) RETURNING id`, args...).Scan(&v.ID)
	return db.formatError(err)
}

// SaveVacancy writes every field of a stored vacancy.
func (db *DB) SaveVacancy(ctx context.Context, v *jobs.Vacancy) error {
	args := append(db.vacancyArgs(v), v.ID)
	cols := strings.Split(strings.Join(strings.Fields(vacancyCols[4:]), ""), ",")
	set := make([]string, len(cols))
	for i, c := range cols {
		set[i] = c + " = " + placeholders(i+1, 1)
	}
	_, err := db.w(ctx).ExecContext(ctx, `UPDATE job_vacancies SET `+strings.Join(set, ", ")+` WHERE id = `+placeholders(len(args), 1), args...)
	return db.formatError(err)
}

func scanVacancy(sc interface{ Scan(...any) error }, total *int) (*jobs.Vacancy, error) {
	v := &jobs.Vacancy{}
	var status, verifiedAt, search string
	dest := []any{&v.ID, &v.ProvinceCode, &v.CommuneCode, &v.EmployerName, &v.EmployerTaxCode, &v.EmployerAddress, &v.EmployerContact, &v.Position,
		&v.Requirements, &v.Skills, &v.WageMin, &v.WageMax, &v.Places, &v.Filled, &v.ClosingDate, &v.Abroad, &status, &v.Origin, &v.VerifiedBy,
		&verifiedAt, &v.Day, &search, &v.CreatedBy, scanTime(&v.CreatedAt), scanTime(&v.UpdatedAt)}
	if total != nil {
		dest = append(dest, total)
	}
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	v.Status, v.VerifiedAt = jobs.VacancyStatus(status), parseOptTime(verifiedAt)
	return v, nil
}

// FindVacancyByID returns a vacancy or ENOTFOUND.
func (db *DB) FindVacancyByID(ctx context.Context, id int64) (*jobs.Vacancy, error) {
	v, err := scanVacancy(db.r(ctx).QueryRowContext(ctx, `SELECT `+vacancyCols+` FROM job_vacancies WHERE id = $1`, id), nil)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không tìm thấy tin tuyển dụng.", "Vacancy not found.")
	}
	return v, err
}

// FindVacancies returns a page of the matching vacancies, closing soonest first, and the total.
func (db *DB) FindVacancies(ctx context.Context, f jobs.VacancyFilter) ([]*jobs.Vacancy, int, error) {
	if f.CommuneCodes != nil && len(f.CommuneCodes) == 0 {
		return nil, 0, nil
	}
	w := &where{}
	if f.CommuneCodes != nil {
		db.in(w, "commune_code", f.CommuneCodes)
	}
	if f.OpenOn != "" {
		// Closed on read: past its closing date, an open vacancy is no longer listed.
		w.add("status = ? AND closing_date >= ?", string(jobs.VacancyOpen), f.OpenOn)
	}
	if f.Status != "" {
		w.add("status = ?", string(f.Status))
	}
	if q := vntext.Fold(strings.TrimSpace(f.Query)); q != "" {
		w.add("search LIKE ?", "%"+q+"%")
	}
	p := f.Page.Norm()
	page := w.next(p.Limit, p.Offset)
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT `+vacancyCols+`, count(*) OVER () FROM job_vacancies WHERE `+w.sql()+
		` ORDER BY closing_date, id LIMIT `+page[0]+` OFFSET `+page[1], w.args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []*jobs.Vacancy
	total := 0
	for rows.Next() {
		v, err := scanVacancy(rows, &total)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, v)
	}
	return out, total, rows.Err()
}

const referralCols = `r.id, r.seeker_id, r.vacancy_id, r.province_code, r.commune_code, r.priority, r.status, r.score, r.referred_on,
	r.interview_on, r.placed_on, r.with_contract, r.note, r.support_id, r.created_by, r.created_at, r.updated_at,
	s.full_name, v.employer_name, v.position`

// CreateReferral stores a referral; ECONFLICT when the seeker was referred to the vacancy.
func (db *DB) CreateReferral(ctx context.Context, r *jobs.Referral) error {
	err := db.w(ctx).QueryRowContext(ctx, `INSERT INTO job_referrals (seeker_id, vacancy_id, province_code, commune_code, priority, status, score,
		referred_on, interview_on, placed_on, with_contract, note, support_id, created_by, created_at, updated_at)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16) RETURNING id`,
		r.SeekerID, r.VacancyID, r.ProvinceCode, r.CommuneCode, string(r.Priority), string(r.Status), r.Score, r.ReferredOn, r.InterviewOn,
		r.PlacedOn, b2i(r.WithContract), r.Note, r.SupportID, r.CreatedBy, db.t(r.CreatedAt), db.t(r.UpdatedAt)).Scan(&r.ID)
	return db.formatError(err)
}

// SaveReferral writes the outcome fields of a referral.
func (db *DB) SaveReferral(ctx context.Context, r *jobs.Referral) error {
	_, err := db.w(ctx).ExecContext(ctx, `UPDATE job_referrals SET status = $1, interview_on = $2, placed_on = $3, with_contract = $4, note = $5,
		support_id = $6, updated_at = $7 WHERE id = $8`,
		string(r.Status), r.InterviewOn, r.PlacedOn, b2i(r.WithContract), r.Note, r.SupportID, db.t(r.UpdatedAt), r.ID)
	return db.formatError(err)
}

func scanReferral(sc interface{ Scan(...any) error }) (*jobs.Referral, error) {
	r := &jobs.Referral{}
	var priority, status string
	var contract int
	if err := sc.Scan(&r.ID, &r.SeekerID, &r.VacancyID, &r.ProvinceCode, &r.CommuneCode, &priority, &status, &r.Score, &r.ReferredOn,
		&r.InterviewOn, &r.PlacedOn, &contract, &r.Note, &r.SupportID, &r.CreatedBy, scanTime(&r.CreatedAt), scanTime(&r.UpdatedAt),
		&r.SeekerName, &r.EmployerName, &r.Position); err != nil {
		return nil, err
	}
	r.Priority, r.Status, r.WithContract = jobs.Priority(priority), jobs.ReferralStatus(status), contract == 1
	return r, nil
}

const referralFrom = ` FROM job_referrals r JOIN job_seekers s ON s.id = r.seeker_id JOIN job_vacancies v ON v.id = r.vacancy_id`

// FindReferralByID returns a referral or ENOTFOUND.
func (db *DB) FindReferralByID(ctx context.Context, id int64) (*jobs.Referral, error) {
	r, err := scanReferral(db.r(ctx).QueryRowContext(ctx, `SELECT `+referralCols+referralFrom+` WHERE r.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không tìm thấy lượt giới thiệu.", "Referral not found.")
	}
	return r, err
}

// FindReferrals returns the matching referrals, newest first (at most 10,000).
func (db *DB) FindReferrals(ctx context.Context, f jobs.ReferralFilter) ([]*jobs.Referral, error) {
	if f.CommuneCodes != nil && len(f.CommuneCodes) == 0 {
		return nil, nil
	}
	w := &where{}
	if f.CommuneCodes != nil {
		db.in(w, "r.commune_code", f.CommuneCodes)
	}
	if f.SeekerID != 0 {
		w.add("r.seeker_id = ?", f.SeekerID)
	}
	if f.VacancyID != 0 {
		w.add("r.vacancy_id = ?", f.VacancyID)
	}
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT `+referralCols+referralFrom+` WHERE `+w.sql()+` ORDER BY r.id DESC LIMIT 10000`, w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*jobs.Referral
	for rows.Next() {
		r, err := scanReferral(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// EscapedSince reports whether a decision taken on or after since moved the household
// from the poor or near-poor list to no list.
func (db *DB) EscapedSince(ctx context.Context, householdID int64, since string) (bool, error) {
	var n int
	err := db.r(ctx).QueryRowContext(ctx, `SELECT count(*) FROM review_cases WHERE household_id = $1 AND state = 'decided' AND decided_on >= $2
		AND previous_class IN ('poor', 'near_poor') AND final_class NOT IN ('poor', 'near_poor')`, householdID, since).Scan(&n)
	return n > 0, err
}

// JobCounts counts the period's seekers (by registration day), vacancies and places
// (by registration day, verified ones), referrals (by referral day) and placements (by
// placement day), by commune and priority group.
func (db *DB) JobCounts(ctx context.Context, f jobs.ReportFilter) ([]jobs.CountRow, error) {
	if f.CommuneCodes != nil && len(f.CommuneCodes) == 0 {
		return nil, nil
	}
	type key struct{ commune, priority string }
	acc := map[key]*jobs.CountRow{}
	var order []key
	for _, q := range []struct {
		sql, day string
		set      func(c *jobs.CountRow, n, m int)
	}{
		{`SELECT commune_code, priority, count(*), 0 FROM job_seekers WHERE status <> 'pending'`, "day", func(c *jobs.CountRow, n, _ int) { c.Seekers += n }},
		{`SELECT commune_code, '', count(*), COALESCE(sum(places), 0) FROM job_vacancies WHERE status <> 'pending'`, "day", func(c *jobs.CountRow, n, m int) { c.Vacancies, c.Places = c.Vacancies+n, c.Places+m }},
		{`SELECT commune_code, priority, count(*), 0 FROM job_referrals WHERE 1 = 1`, "referred_on", func(c *jobs.CountRow, n, _ int) { c.Referrals += n }},
		{`SELECT commune_code, priority, count(*), 0 FROM job_referrals WHERE status = 'hired'`, "placed_on", func(c *jobs.CountRow, n, _ int) { c.Placements += n }},
	} {
		w := &where{}
		w.add(q.day+" >= ? AND "+q.day+" <= ?", f.From, f.To)
		if f.CommuneCodes != nil {
			db.in(w, "commune_code", f.CommuneCodes)
		}
		rows, err := db.r(ctx).QueryContext(ctx, q.sql+` AND `+w.sql()+` GROUP BY commune_code, 2`, w.args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var k key
			var n, m int
			if err := rows.Scan(&k.commune, &k.priority, &n, &m); err != nil {
				rows.Close()
				return nil, err
			}
			c := acc[k]
			if c == nil {
				c = &jobs.CountRow{CommuneCode: k.commune, Priority: jobs.Priority(k.priority)}
				acc[k] = c
				order = append(order, k)
			}
			q.set(c, n, m)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	out := make([]jobs.CountRow, 0, len(order))
	for _, k := range order {
		out = append(out, *acc[k])
	}
	return out, nil
}
