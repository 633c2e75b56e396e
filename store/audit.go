package store

import (
	"context"
	"strings"

	"giamngheo/audit"
)

// InsertAudit writes an audit entry (inside the caller's transaction when ctx has one).
func (db *DB) InsertAudit(ctx context.Context, e *audit.Entry) error {
	return db.w(ctx).QueryRowContext(ctx, `INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, scope_code, before, after, job)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
		db.t(e.At), e.UserID, e.Username, e.Action, e.Entity, e.EntityID, e.ScopeCode, nullJSON(e.Before), nullJSON(e.After), e.Job).Scan(&e.ID)
}

// auditColumns are the columns InsertAudits writes.
var auditColumns = []string{"at", "user_id", "username", "action", "entity", "entity_id", "scope_code", "before", "after", "job"}

// InsertAudits writes entries in bulk (insertRows: multi-row INSERTs, or PostgreSQL's
// COPY for many); their ids are not read back. An import writes one a household.
func (db *DB) InsertAudits(ctx context.Context, es []*audit.Entry) error {
	return db.dialect.insertRows(ctx, db, "audit_log", auditColumns, len(es), func(i int) []any {
		e := es[i]
		return []any{db.t(e.At), e.UserID, e.Username, e.Action, e.Entity, e.EntityID, e.ScopeCode, nullJSON(e.Before), nullJSON(e.After), e.Job}
	})
}

// insertValues writes n rows of cols into table with multi-row INSERTs of at most
// 2,000 parameters (far below either engine's limit), in ctx's transaction when it
// has one.
func (db *DB) insertValues(ctx context.Context, table string, cols []string, n int, row func(i int) []any) error {
	per := max(1, 2000/len(cols))
	for start := 0; start < n; start += per {
		end := min(n, start+per)
		var b strings.Builder
		b.WriteString(`INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES `)
		args := make([]any, 0, len(cols)*(end-start))
		for i := start; i < end; i++ {
			if i > start {
				b.WriteString(",")
			}
			b.WriteString("(" + db.dialect.params(len(args)+1, len(cols)) + ")")
			args = append(args, row(i)...)
		}
		if _, err := db.w(ctx).ExecContext(ctx, b.String(), args...); err != nil {
			return db.formatError(err)
		}
	}
	return nil
}

func nullJSON(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return string(b)
}

// FindAudit lists audit entries, newest first, with the total before LIMIT.
func (db *DB) FindAudit(ctx context.Context, f audit.Filter) ([]*audit.Entry, int, error) {
	var w where
	if f.Entity != "" {
		w.add("entity = ?", f.Entity)
	}
	if f.EntityID != "" {
		w.add("entity_id = ?", f.EntityID)
	}
	if f.UserID != nil {
		w.add("user_id = ?", *f.UserID)
	}
	if f.Username != "" {
		w.add("username = ?", f.Username)
	}
	if f.Action != "" {
		w.add("action = ?", f.Action)
	}
	if f.ScopeCodes != nil {
		if len(f.ScopeCodes) == 0 {
			w.add("1 = 0")
		} else {
			db.in(&w, "scope_code", f.ScopeCodes)
		}
	}
	if f.Job != "" {
		w.add("job = ?", f.Job)
	}
	if !f.From.IsZero() {
		w.add("at >= ?", db.t(f.From))
	}
	if !f.To.IsZero() {
		w.add("at < ?", db.t(f.To))
	}
	p := f.Page.Norm()
	page := w.next(p.Limit, p.Offset)
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT id, at, user_id, username, action, entity, entity_id, scope_code, coalesce(CAST(before AS TEXT), ''), coalesce(CAST(after AS TEXT), ''), job, count(*) OVER ()
		FROM audit_log WHERE `+w.sql()+` ORDER BY id DESC LIMIT `+page[0]+` OFFSET `+page[1], w.args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []*audit.Entry
	total := 0
	for rows.Next() {
		e := &audit.Entry{}
		var before, after string
		if err := rows.Scan(&e.ID, scanTime(&e.At), &e.UserID, &e.Username, &e.Action, &e.Entity, &e.EntityID, &e.ScopeCode, &before, &after, &e.Job, &total); err != nil {
			return nil, 0, err
		}
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
