package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"giamngheo/poverty"
	"giamngheo/simulate"
)

// eachSurveySQL reads households and members in one pass, in commune order. The
// household columns come once per member row; the survey JSON, the widest, only on the
// first member's row (seq 0), so that it is neither copied nor decoded again per member.
// A LEFT JOIN keeps households (in the order of the households_commune index) as the
// driving loop on both engines' plans, members coming by the members_household index,
// and keeps a household without members (Classify then reports it).
const eachSurveySQL = `SELECT h.id, h.code, h.province_code, h.commune_code, coalesce(h.village_id, 0), h.village_name, h.status, h.class, h.standard_id,
	CASE WHEN m.seq IS NULL OR m.seq = 0 THEN CAST(h.survey AS TEXT) END, CAST(m.answers AS TEXT)
	FROM households h LEFT JOIN members m ON m.household_id = h.id
	WHERE %s ORDER BY h.commune_code, h.code, m.seq`

// EachSurvey calls fn for every household of the communes with its survey answers
// and members, in commune order (simulate.Store). One Household is reused from call to
// call.
func (db *DB) EachSurvey(ctx context.Context, communes []string, fn func(*simulate.Household) error) error {
	if communes != nil && len(communes) == 0 {
		return nil
	}
	w := &where{}
	if communes != nil {
		db.in(w, "h.commune_code", communes)
	}
	rows, err := db.r(ctx).QueryContext(ctx, fmt.Sprintf(eachSurveySQL, w.sql()), w.args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var (
		h       simulate.Household
		id      int64
		status  string
		class   string
		survey  sql.RawBytes
		answers sql.RawBytes
		have    bool
	)
	flush := func() error {
		if !have {
			return nil
		}
		have = false
		return fn(&h)
	}
	for rows.Next() {
		if err := rows.Scan(&id, &h.Code, &h.ProvinceCode, &h.CommuneCode, &h.VillageID, &h.VillageName, &status, &class, &h.StandardID, &survey, &answers); err != nil {
			return err
		}
		if !have || id != h.ID {
			if err := flush(); err != nil {
				return err
			}
			members := h.Answers.Members[:0]
			h.ID, h.Status, h.Class = id, poverty.Class(status), poverty.Class(class)
			h.Answers = poverty.Household{}
			if survey == nil {
				return fmt.Errorf("household %d: the first member row has no survey (members must be numbered from 0)", id)
			}
			if err := json.Unmarshal(survey, &h.Answers); err != nil {
				return fmt.Errorf("household %d: survey: %w", id, err)
			}
			h.Answers.Members, have = members, true
		}
		if answers == nil {
			continue // a household without members (LEFT JOIN)
		}
		h.Answers.Members = append(h.Answers.Members, poverty.Member{})
		if err := json.Unmarshal(answers, &h.Answers.Members[len(h.Answers.Members)-1]); err != nil {
			return fmt.Errorf("household %d: member answers: %w", id, err)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return flush()
}
