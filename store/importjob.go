package store

import (
	"context"
	"time"

	"giamngheo/registry"
)

// Import jobs: imports into a live registry commit in slices and can be undone whole
// (registry.ImportJobStore, docs/adr/0011-imports-commit-in-slices.md).

const importJobCols = `id, state, file, actor, scope, owner, started_at, heartbeat_at, ended_at`

// StartImportJob records a running job.
func (db *DB) StartImportJob(ctx context.Context, j *registry.ImportJob) error {
	_, err := db.w(ctx).ExecContext(ctx, `INSERT INTO import_jobs (`+importJobCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		j.ID, j.State, j.File, j.Actor, j.Scope, j.Owner, db.t(j.StartedAt), db.t(j.HeartbeatAt), db.t(j.EndedAt))
	return db.formatError(err)
}

// RecordImportSlice records the households a slice wrote and the job's heartbeat. A
// household written twice by one job (a file that names it twice) keeps the version
// from before its first write.
func (db *DB) RecordImportSlice(ctx context.Context, job string, rows []registry.ImportedHousehold, at time.Time) error {
	return db.WithTx(ctx, func(ctx context.Context) error {
		conn := txFrom(ctx)
		const per = 200 // rows per INSERT: 5 parameters each
		for lo := 0; lo < len(rows); lo += per {
			part := rows[lo:min(lo+per, len(rows))]
			args := make([]any, 0, 5*len(part))
			values := ""
			for i, r := range part {
				if i > 0 {
					values += ", "
				}
				values += "(" + db.dialect.params(len(args)+1, 5) + ")"
				args = append(args, job, r.HouseholdID, r.Created, r.VersionBefore, r.VersionAfter)
			}
			if _, err := conn.ExecContext(ctx, `INSERT INTO import_job_households (job, household_id, created, version_before, version_after)
				VALUES `+values+` ON CONFLICT (job, household_id) DO UPDATE SET version_after = excluded.version_after`, args...); err != nil {
				return db.formatError(err)
			}
		}
		_, err := conn.ExecContext(ctx, `UPDATE import_jobs SET heartbeat_at = $1 WHERE id = $2`, db.t(at), job)
		return err
	})
}

// EndImportJob sets the job's final state.
func (db *DB) EndImportJob(ctx context.Context, job, state string, at time.Time) error {
	_, err := db.w(ctx).ExecContext(ctx, `UPDATE import_jobs SET state = $1, ended_at = $2, heartbeat_at = $2 WHERE id = $3`, state, db.t(at), job)
	return err
}

// FindImportJobs returns the jobs in a state, oldest first.
func (db *DB) FindImportJobs(ctx context.Context, state string) ([]registry.ImportJob, error) {
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT `+importJobCols+` FROM import_jobs WHERE state = $1 ORDER BY started_at, id`, state)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []registry.ImportJob
	for rows.Next() {
		var j registry.ImportJob
		if err := rows.Scan(&j.ID, &j.State, &j.File, &j.Actor, &j.Scope, &j.Owner, scanTime(&j.StartedAt), scanTime(&j.HeartbeatAt), scanTime(&j.EndedAt)); err != nil {
			return nil, err
		}
		out = append(out, j)
	}
	return out, rows.Err()
}

// ImportedHouseholds returns the households of a job with an id above after, in id order.
func (db *DB) ImportedHouseholds(ctx context.Context, job string, after int64, limit int) ([]registry.ImportedHousehold, error) {
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT household_id, created, version_before, version_after FROM import_job_households
		WHERE job = $1 AND household_id > $2 ORDER BY household_id LIMIT $3`, job, after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []registry.ImportedHousehold
	for rows.Next() {
		var r registry.ImportedHousehold
		if err := rows.Scan(&r.HouseholdID, &r.Created, &r.VersionBefore, &r.VersionAfter); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// DeleteImportedHousehold removes a household created by an import that is being undone,
// with its members and history and its part of the roll-ups, if it is still at version
// and no review case, support record or job seeker refers to it.
func (db *DB) DeleteImportedHousehold(ctx context.Context, id int64, version int, at time.Time) (bool, error) {
	deleted := false
	err := db.WithTx(ctx, func(ctx context.Context) error {
		conn := txFrom(ctx)
		var referred bool
		if err := conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM review_cases WHERE household_id = $1)
			OR EXISTS (SELECT 1 FROM support_records WHERE household_id = $1)
			OR EXISTS (SELECT 1 FROM job_seekers WHERE household_id = $1)`, id).Scan(&referred); err != nil {
			return err
		}
		if referred {
			return nil
		}
		return db.changeHousehold(ctx, &id, causeEdit, dayOf(at), func() error {
			res, err := conn.ExecContext(ctx, `DELETE FROM households WHERE id = $1 AND version = $2`, id, version)
			if err != nil {
				return db.formatError(err)
			}
			n, err := res.RowsAffected()
			deleted = n == 1
			return err
		})
	})
	return deleted, err
}

// HasHouseholds reports whether any household is stored.
func (db *DB) HasHouseholds(ctx context.Context) (bool, error) {
	var n int
	err := db.r(ctx).QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM households LIMIT 1) x`).Scan(&n)
	return n > 0, err
}

var _ registry.ImportJobStore = (*DB)(nil)
