package store

import (
	"context"
	"database/sql"
	"errors"

	"giamngheo/poverty"
	"giamngheo/registry"
)

// insertStatusChange keeps a change of a household's recognised status (issue 11
// item 1), in the transaction that makes it.
func (db *DB) insertStatusChange(ctx context.Context, householdID int64, rc registry.Recognition) error {
	_, err := db.w(ctx).ExecContext(ctx, `INSERT INTO status_history (household_id, class, since, decided_on, decision_number, round_id, certificate)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		householdID, string(rc.Class), rc.Since, rc.DecidedOn, rc.DecisionNumber, rc.RoundID, rc.Certificate)
	return err
}

// FindStatusHistory returns the changes of a household's recognised status, newest
// first by the day each took effect, then by the order they were recorded. A current
// status that no change records (written before the history was kept, or by a bulk
// path) comes first, so that the history always ends at what the household is now.
func (db *DB) FindStatusHistory(ctx context.Context, householdID int64) ([]*registry.StatusChange, error) {
	var cur registry.Recognition
	var class string
	err := db.r(ctx).QueryRowContext(ctx, `SELECT status, status_since, status_decided_on, status_decision, status_round_id, status_certificate
		FROM households WHERE id = $1`, householdID).Scan(&class, &cur.Since, &cur.DecidedOn, &cur.DecisionNumber, &cur.RoundID, &cur.Certificate)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errHouseholdNotFound()
	} else if err != nil {
		return nil, err
	}
	cur.Class = poverty.Class(class)
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT class, since, decided_on, decision_number, round_id, certificate FROM status_history
		WHERE household_id = $1 ORDER BY CASE WHEN since <> '' THEN since ELSE decided_on END DESC, id DESC`, householdID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*registry.StatusChange
	for rows.Next() {
		c := &registry.StatusChange{}
		if err := rows.Scan(&class, &c.Since, &c.DecidedOn, &c.DecisionNumber, &c.RoundID, &c.Certificate); err != nil {
			return nil, err
		}
		c.Class = poverty.Class(class)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	known := cur == registry.Recognition{}
	for _, c := range out {
		known = known || c.Recognition == cur
	}
	if !known {
		out = append([]*registry.StatusChange{{Recognition: cur}}, out...)
	}
	return out, nil
}
