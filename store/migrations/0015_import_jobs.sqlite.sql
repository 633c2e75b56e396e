-- 0015: imports into a live registry commit in slices (issue 10,
-- docs/adr/0011-imports-commit-in-slices.md). import_jobs is one row an import that
-- writes in slices: 'running' until it ends 'done', or 'undone' once what it wrote
-- has been taken back (a rejected file, an error, or a process killed midway, found
-- at the next start). owner is the host and process id that runs it, heartbeat_at
-- the time of its last slice. import_job_households lists every household a job
-- created or changed, with the version before (0 when created) and after, so that
-- the job can be undone whole.
CREATE TABLE import_jobs (
    id           TEXT PRIMARY KEY,
    state        TEXT NOT NULL,
    file         TEXT NOT NULL DEFAULT '',
    actor        TEXT NOT NULL DEFAULT '',
    scope        TEXT NOT NULL DEFAULT '',
    owner        TEXT NOT NULL DEFAULT '',
    started_at   TEXT NOT NULL,
    heartbeat_at TEXT NOT NULL,
    ended_at     TEXT NOT NULL
);
CREATE INDEX import_jobs_state ON import_jobs (state);

CREATE TABLE import_job_households (
    job            TEXT NOT NULL REFERENCES import_jobs (id),
    household_id   BIGINT NOT NULL,
    created        BOOLEAN NOT NULL,
    version_before INTEGER NOT NULL,
    version_after  INTEGER NOT NULL,
    PRIMARY KEY (job, household_id)
);
