package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"giamngheo"
	"giamngheo/registry"
	"giamngheo/review"
)

// civil dates are stored as YYYY-MM-DD (” when zero) and read back as review dates.
func fmtDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func parseDate(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}
	}
	return review.Date(t.Year(), t.Month(), t.Day())
}

const roundCols = `id, province_code, commune_code, kind, year, month, reference_date, start_date, end_date, decision_due,
	district_opinion, posting_days, decision_number, decided_on, created_at, standard_id, backdate_reason`

func scanRound(sc interface{ Scan(...any) error }) (*review.RoundRecord, error) {
	r := &review.RoundRecord{}
	var kind, ref, start, end, due, decided string
	var month int
	if err := sc.Scan(&r.ID, &r.ProvinceCode, &r.CommuneCode, &kind, &r.Year, &month, &ref, &start, &end, &due,
		&r.DistrictOpinionRequired, &r.PostingDays, &r.DecisionNumber, &decided, scanTime(&r.CreatedAt), &r.Standard, &r.BackdateReason); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không tìm thấy đợt rà soát.", "Review round not found.")
		}
		return nil, err
	}
	r.Kind, r.Month = review.RoundKind(kind), time.Month(month)
	r.ReferenceDate, r.StartDate, r.EndDate, r.DecisionDue = parseDate(ref), parseDate(start), parseDate(end), parseDate(due)
	r.DecidedOn = parseDate(decided)
	return r, nil
}

// CreateRound stores a new round; ECONFLICT when the commune already has it.
func (db *DB) CreateRound(ctx context.Context, r *review.RoundRecord) error {
	err := db.w(ctx).QueryRowContext(ctx, `INSERT INTO review_rounds (province_code, commune_code, kind, year, month, reference_date, start_date,
		end_date, decision_due, district_opinion, posting_days, decision_number, decided_on, created_at, standard_id, backdate_reason)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16) RETURNING id`,
		r.ProvinceCode, r.CommuneCode, string(r.Kind), r.Year, int(r.Month), fmtDate(r.ReferenceDate), fmtDate(r.StartDate), fmtDate(r.EndDate),
		fmtDate(r.DecisionDue), r.DistrictOpinionRequired, r.PostingDays, r.DecisionNumber, fmtDate(r.DecidedOn), db.t(r.CreatedAt), r.Standard, r.BackdateReason).Scan(&r.ID)
	return db.conflict(err, "Xã đã có đợt rà soát này.", "The commune already has this review round.")
}

// SaveRound writes the decision fields of a round, and the decision's number on the
// recognised status of the households it decided.
func (db *DB) SaveRound(ctx context.Context, r *review.RoundRecord) error {
	if _, err := db.w(ctx).ExecContext(ctx, `UPDATE review_rounds SET decision_number = $1, decided_on = $2 WHERE id = $3`,
		r.DecisionNumber, fmtDate(r.DecidedOn), r.ID); err != nil {
		return err
	}
	if _, err := db.w(ctx).ExecContext(ctx, `UPDATE households SET status_decision = $1 WHERE status_round_id = $2 AND province_code = $3`,
		r.DecisionNumber, r.ID, r.ProvinceCode); err != nil {
		return err
	}
	_, err := db.w(ctx).ExecContext(ctx, `UPDATE status_history SET decision_number = $1 WHERE round_id = $2`, r.DecisionNumber, r.ID)
	return err
}

// FindRoundByID returns a round or ENOTFOUND.
func (db *DB) FindRoundByID(ctx context.Context, id int64) (*review.RoundRecord, error) {
	return scanRound(db.r(ctx).QueryRowContext(ctx, `SELECT `+roundCols+` FROM review_rounds WHERE id = $1`, id))
}

// FindRounds lists the rounds of the communes (all when nil), newest first.
func (db *DB) FindRounds(ctx context.Context, communeCodes []string) ([]*review.RoundRecord, error) {
	var w where
	if communeCodes != nil {
		if len(communeCodes) == 0 {
			return nil, nil
		}
		db.in(&w, "commune_code", communeCodes)
	}
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT `+roundCols+` FROM review_rounds WHERE `+w.sql()+` ORDER BY start_date DESC, commune_code`, w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*review.RoundRecord
	for rows.Next() {
		r, err := scanRound(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

const caseCols = `c.id, c.round_id, c.household_id, c.province_code, c.commune_code, c.origin, c.request_received, c.state, c.screening,
	c.previous_class, c.proposed_class, c.final_class, c.votes_attendees, c.votes_agree, c.meeting_date, c.meeting_chair, c.meeting_secretary,
	c.posted_on, c.reason, c.decided_on, coalesce(CAST(c.result AS TEXT), ''), c.transition, c.certificate_number, c.surveyed_by, c.updated_at, c.late_reason,
	h.code, h.head_name, h.village_name, (SELECT count(*) FROM members m WHERE m.household_id = h.id)`

func scanCase(sc interface{ Scan(...any) error }) (*review.CaseRecord, error) {
	c := &review.CaseRecord{}
	var origin, received, state, screening, prev, prop, final, meeting, posted, decided, result, transition string
	if err := sc.Scan(&c.ID, &c.RoundID, &c.HouseholdID, &c.ProvinceCode, &c.CommuneCode, &origin, &received, &state, &screening,
		&prev, &prop, &final, &c.Votes.Attendees, &c.Votes.Agree, &meeting, &c.MeetingChair, &c.MeetingSecretary,
		&posted, &c.Reason, &decided, &result, &transition, &c.CertificateNumber, &c.SurveyedBy, scanTime(&c.UpdatedAt), &c.LateReason,
		&c.HouseholdCode, &c.HeadName, &c.VillageName, &c.Members); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không tìm thấy hồ sơ rà soát.", "Review case not found.")
		}
		return nil, err
	}
	c.Origin, c.State, c.Screening = review.Origin(origin), review.State(state), review.Screening(screening)
	c.PreviousClass, c.ProposedClass, c.FinalClass = review.Class(prev), review.Class(prop), review.Class(final)
	c.RequestReceived, c.MeetingDate, c.PostedOn, c.DecidedOn = parseDate(received), parseDate(meeting), parseDate(posted), parseDate(decided)
	if result != "" {
		c.Result = []byte(result)
	}
	c.Transition = review.TransitionKind(transition)
	return c, nil
}

func (db *DB) caseArgs(c *review.CaseRecord) []any {
	var result any
	if len(c.Result) > 0 {
		result = string(c.Result)
	}
	return []any{c.RoundID, c.HouseholdID, c.ProvinceCode, c.CommuneCode, string(c.Origin), fmtDate(c.RequestReceived), string(c.State),
		string(c.Screening), string(c.PreviousClass), string(c.ProposedClass), string(c.FinalClass), c.Votes.Attendees, c.Votes.Agree,
		fmtDate(c.MeetingDate), c.MeetingChair, c.MeetingSecretary, fmtDate(c.PostedOn), c.Reason, fmtDate(c.DecidedOn), result,
		string(c.Transition), c.CertificateNumber, c.SurveyedBy, db.t(c.UpdatedAt), c.LateReason}
}

// CreateCase stores a new case; ECONFLICT when the household is already in the round.
func (db *DB) CreateCase(ctx context.Context, c *review.CaseRecord) error {
	err := db.w(ctx).QueryRowContext(ctx, `INSERT INTO review_cases (round_id, household_id, province_code, commune_code, origin, request_received,
		state, screening, previous_class, proposed_class, final_class, votes_attendees, votes_agree, meeting_date, meeting_chair, meeting_secretary,
		posted_on, reason, decided_on, result, transition, certificate_number, surveyed_by, updated_at, late_reason) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25) RETURNING id`,
		db.caseArgs(c)...).Scan(&c.ID)
	return db.conflict(err, "Hộ đã có hồ sơ trong đợt rà soát này.", "The household already has a case in this round.")
}

// SaveCase writes every field of a case.
func (db *DB) SaveCase(ctx context.Context, c *review.CaseRecord) error {
	// issue 14: a decision's transition relabels the flow SetHouseholdStatus recorded.
	if c.State == review.StateDecided {
		return db.WithTx(ctx, func(ctx context.Context) error {
			if err := db.relabelDecision(ctx, c); err != nil {
				return err
			}
			return db.saveCase(ctx, c)
		})
	}
	return db.saveCase(ctx, c)
}

func (db *DB) saveCase(ctx context.Context, c *review.CaseRecord) error {
	_, err := db.w(ctx).ExecContext(ctx, `UPDATE review_cases SET round_id=$1, household_id=$2, province_code=$3, commune_code=$4, origin=$5, request_received=$6,
		state=$7, screening=$8, previous_class=$9, proposed_class=$10, final_class=$11, votes_attendees=$12, votes_agree=$13, meeting_date=$14, meeting_chair=$15,
		meeting_secretary=$16, posted_on=$17, reason=$18, decided_on=$19, result=$20, transition=$21, certificate_number=$22, surveyed_by=$23, updated_at=$24, late_reason=$25 WHERE id=$26`,
		append(db.caseArgs(c), c.ID)...)
	return db.formatError(err)
}

// FindCaseByID returns a case or ENOTFOUND.
func (db *DB) FindCaseByID(ctx context.Context, id int64) (*review.CaseRecord, error) {
	return scanCase(db.r(ctx).QueryRowContext(ctx, `SELECT `+caseCols+` FROM review_cases c JOIN households h ON h.id = c.household_id WHERE c.id = $1`, id))
}

// FindCases lists the cases of a round in household-code order.
func (db *DB) FindCases(ctx context.Context, roundID int64) ([]*review.CaseRecord, error) {
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT `+caseCols+` FROM review_cases c JOIN households h ON h.id = c.household_id
		WHERE c.round_id = $1 ORDER BY h.code`, roundID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*review.CaseRecord
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// InsertStep records a step taken on a case.
func (db *DB) InsertStep(ctx context.Context, e *review.StepRecord) error {
	return db.w(ctx).QueryRowContext(ctx, `INSERT INTO review_events (case_id, at, username, action, from_state, to_state, note) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
		e.CaseID, db.t(e.At), e.Username, string(e.Action), string(e.From), string(e.To), e.Note).Scan(&e.ID)
}

// FindSteps lists the steps of a case in order.
func (db *DB) FindSteps(ctx context.Context, caseID int64) ([]*review.StepRecord, error) {
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT id, case_id, at, username, action, from_state, to_state, note FROM review_events WHERE case_id = $1 ORDER BY id`, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*review.StepRecord
	for rows.Next() {
		e := &review.StepRecord{}
		var action, from, to string
		if err := rows.Scan(&e.ID, &e.CaseID, scanTime(&e.At), &e.Username, &action, &from, &to, &e.Note); err != nil {
			return nil, err
		}
		e.Action, e.From, e.To = review.Action(action), review.State(from), review.State(to)
		out = append(out, e)
	}
	return out, rows.Err()
}

// SetHouseholdStatus records the recognised status of a household: the class of a
// decision and the decision's facts. It writes only the status columns.
func (db *DB) SetHouseholdStatus(ctx context.Context, householdID int64, rc registry.Recognition) error {
	// issue 14: the roll-ups and the list flows change in the same transaction
	// (store/rollup.go), on the day the status takes effect.
	day := rc.Since
	if day == "" {
		day = rc.DecidedOn
	}
	return db.WithTx(ctx, func(ctx context.Context) error {
		return db.changeHousehold(ctx, &householdID, causeDecision, day, func() error {
			_, err := db.w(ctx).ExecContext(ctx, `UPDATE households SET status = $1, status_since = $2, status_decided_on = $3, status_decision = $4,
		status_round_id = $5, status_certificate = $6 WHERE id = $7`,
				string(rc.Class), rc.Since, rc.DecidedOn, rc.DecisionNumber, rc.RoundID, rc.Certificate, householdID)
			if err != nil {
				return err
			}
			return db.insertStatusChange(ctx, householdID, rc)
		})
	})
}

// HouseholdStatus returns the recognised class of a household.
func (db *DB) HouseholdStatus(ctx context.Context, householdID int64) (review.Class, error) {
	var s string
	err := db.r(ctx).QueryRowContext(ctx, `SELECT status FROM households WHERE id = $1`, householdID).Scan(&s)
	if errors.Is(err, sql.ErrNoRows) {
		return "", errHouseholdNotFound()
	}
	return review.Class(s), err
}

// CountStatus counts the households and persons of a commune by recognised class.
func (db *DB) CountStatus(ctx context.Context, communeCode string) ([]review.StatusCount, error) {
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT h.status, count(DISTINCT h.id), count(m.id) FROM households h LEFT JOIN members m ON m.household_id = h.id
		WHERE h.commune_code = $1 AND h.status <> '' GROUP BY h.status ORDER BY h.status`, communeCode)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []review.StatusCount
	for rows.Next() {
		var s review.StatusCount
		var class string
		if err := rows.Scan(&class, &s.Households, &s.Persons); err != nil {
			return nil, err
		}
		s.Class = review.Class(class)
		out = append(out, s)
	}
	return out, rows.Err()
}

// ListedHouseholds returns the commune's households recognised poor or near-poor.
func (db *DB) ListedHouseholds(ctx context.Context, communeCode string) (map[int64]review.Class, error) {
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT id, status FROM households WHERE commune_code = $1 AND status IN ('poor', 'near_poor')`, communeCode)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]review.Class{}
	for rows.Next() {
		var id int64
		var s string
		if err := rows.Scan(&id, &s); err != nil {
			return nil, err
		}
		out[id] = review.Class(s)
	}
	return out, rows.Err()
}

// NextCertificateNumber returns one more than the largest certificate number of the
// commune's cases decided in the year.
func (db *DB) NextCertificateNumber(ctx context.Context, communeCode string, year int) (int, error) {
	var n int
	err := db.r(ctx).QueryRowContext(ctx, `SELECT coalesce(max(certificate_number), 0) FROM review_cases WHERE commune_code = $1 AND substr(decided_on, 1, 4) = $2`,
		communeCode, fmt.Sprintf("%04d", year)).Scan(&n)
	return n + 1, err
}

// DecidedClasses returns the classes a household was recognised as by decisions taken
// on or after since.
func (db *DB) DecidedClasses(ctx context.Context, householdID int64, since time.Time) ([]review.Class, error) {
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT final_class FROM review_cases WHERE household_id = $1 AND state = 'decided' AND decided_on >= $2 ORDER BY decided_on`, householdID, fmtDate(since))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []review.Class
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out = append(out, review.Class(c))
	}
	return out, rows.Err()
}
