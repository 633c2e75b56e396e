-- 0009: agencies' progress reports on a yearly plan (issue 15): one per agency and
-- plan, its narrative and money kept as one JSON document, versioned like the plan
-- (an edit made on a stale version is refused).
CREATE TABLE plan_reports (
    id           BIGSERIAL PRIMARY KEY,
    plan_id      BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    agency       TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    data         JSONB NOT NULL,
    submitted_at TIMESTAMPTZ NOT NULL,
    submitted_by TEXT NOT NULL DEFAULT '',
    updated_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (plan_id, agency)
);
