package sqlite

import (
	"context"
	"strings"

	"giamngheo/audit"
)

// InsertAudit writes an audit entry (inside the caller's transaction when ctx has one).
func (db *DB) InsertAudit(ctx context.Context, e *audit.Entry) error {
	err := db.w(ctx).QueryRowContext(ctx, `INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, scope_code, before, after)
		VALUES (?,?,?,?,?,?,?,?,?) RETURNING id`,
		fmtTime(e.At), e.UserID, e.Username, e.Action, e.Entity, e.EntityID, e.ScopeCode, nullJSON(e.Before), nullJSON(e.After)).Scan(&e.ID)
	return err
}

func nullJSON(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return string(b)
}

// FindAudit lists audit entries, newest first, with the total before LIMIT.
func (db *DB) FindAudit(ctx context.Context, f audit.Filter) ([]*audit.Entry, int, error) {
	where, args := []string{"1 = 1"}, []any{}
	if f.Entity != "" {
		where, args = append(where, "entity = ?"), append(args, f.Entity)
	}
	if f.EntityID != "" {
		where, args = append(where, "entity_id = ?"), append(args, f.EntityID)
	}
	if f.UserID != nil {
		where, args = append(where, "user_id = ?"), append(args, *f.UserID)
	}
	p := f.Page.Norm()
	args = append(args, p.Limit, p.Offset)
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT id, at, user_id, username, action, entity, entity_id, scope_code, coalesce(before, ''), coalesce(after, ''), count(*) OVER ()
		FROM audit_log WHERE `+strings.Join(where, " AND ")+` ORDER BY id DESC LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []*audit.Entry
	total := 0
	for rows.Next() {
		e := &audit.Entry{}
		var at, before, after string
		if err := rows.Scan(&e.ID, &at, &e.UserID, &e.Username, &e.Action, &e.Entity, &e.EntityID, &e.ScopeCode, &before, &after, &total); err != nil {
			return nil, 0, err
		}
		e.At = parseTime(at)
		if before != "" {
			e.Before = []byte(before)
		}
		if after != "" {
			e.After = []byte(after)
		}
		out = append(out, e)
	}
	return out, total, rows.Err()
}
