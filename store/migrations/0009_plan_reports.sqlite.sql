-- 0009: agencies' progress reports on a yearly plan (issue 15): one per agency and
-- plan, its narrative and money kept as one JSON document, versioned like the plan
-- (an edit made on a stale version is refused).
CREATE TABLE plan_reports (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    agency       TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    data         TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    submitted_by TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL,
    UNIQUE (plan_id, agency)
);
