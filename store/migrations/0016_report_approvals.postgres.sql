-- 0016: submission and approval of a period's reports (issue 14 items 3 and 6,
-- report/approval.go). report_submissions: where a unit's reports of a year stand
-- (submitted, returned with a comment, approved), with the version of its last step.
-- report_frozen: the roll-up cells and list flows of a commune as they stood when its
-- year was approved (by its own approval or its province's), which every report of
-- that year reads instead of the live roll-ups.
CREATE TABLE report_submissions (
    unit_code    TEXT NOT NULL,
    period       INTEGER NOT NULL,
    state        TEXT NOT NULL,
    comment      TEXT NOT NULL DEFAULT '',
    submitted_by TEXT NOT NULL DEFAULT '',
    submitted_at TIMESTAMPTZ NOT NULL,
    decided_by   TEXT NOT NULL DEFAULT '',
    decided_at   TIMESTAMPTZ NOT NULL,
    version      INTEGER NOT NULL,
    PRIMARY KEY (period, unit_code)
);

CREATE TABLE report_frozen (
    period       INTEGER NOT NULL,
    commune_code TEXT NOT NULL,
    approval     TEXT NOT NULL,
    data         JSONB NOT NULL,
    PRIMARY KEY (period, commune_code)
);
CREATE INDEX report_frozen_approval ON report_frozen (period, approval);
