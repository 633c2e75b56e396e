-- 0003: the review of Decision 24/2021/QĐ-TTg: rounds per commune, one case per
-- household and round with its steps, the households' recognised status (the class of
-- the latest commune chairman's decision) and certificate numbers. Civil dates are
-- 'YYYY-MM-DD' text, '' when not set.

CREATE TABLE review_rounds (
    id               BIGSERIAL PRIMARY KEY,
    province_code    TEXT NOT NULL,
    commune_code     TEXT NOT NULL,
    kind             TEXT NOT NULL,
    year             INTEGER NOT NULL,
    month            INTEGER NOT NULL DEFAULT 0,
    reference_date   TEXT NOT NULL,
    start_date       TEXT NOT NULL,
    end_date         TEXT NOT NULL,
    decision_due     TEXT NOT NULL,
    district_opinion BOOLEAN NOT NULL DEFAULT FALSE,
    posting_days     INTEGER NOT NULL,
    decision_number  TEXT NOT NULL DEFAULT '',
    decided_on       TEXT NOT NULL DEFAULT '',
    created_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (commune_code, kind, year, month)
);

CREATE TABLE review_cases (
    id                 BIGSERIAL PRIMARY KEY,
    round_id           BIGINT NOT NULL REFERENCES review_rounds (id),
    household_id       BIGINT NOT NULL REFERENCES households (id),
    province_code      TEXT NOT NULL,
    commune_code       TEXT NOT NULL,
    origin             TEXT NOT NULL,
    request_received   TEXT NOT NULL DEFAULT '',
    state              TEXT NOT NULL,
    screening          TEXT NOT NULL DEFAULT '',
    previous_class     TEXT NOT NULL DEFAULT '',
    proposed_class     TEXT NOT NULL DEFAULT '',
    final_class        TEXT NOT NULL DEFAULT '',
    votes_attendees    INTEGER NOT NULL DEFAULT 0,
    votes_agree        INTEGER NOT NULL DEFAULT 0,
    meeting_date       TEXT NOT NULL DEFAULT '',
    meeting_chair      TEXT NOT NULL DEFAULT '',
    meeting_secretary  TEXT NOT NULL DEFAULT '',
    posted_on          TEXT NOT NULL DEFAULT '',
    reason             TEXT NOT NULL DEFAULT '',
    decided_on         TEXT NOT NULL DEFAULT '',
    result             JSONB,               -- JSON: the Phiếu B classification with its explanation
    transition         TEXT NOT NULL DEFAULT '',
    certificate_number INTEGER NOT NULL DEFAULT 0,
    surveyed_by        TEXT NOT NULL DEFAULT '',
    updated_at         TIMESTAMPTZ NOT NULL,
    UNIQUE (round_id, household_id)
);
CREATE INDEX review_cases_round ON review_cases (round_id, state);

CREATE TABLE review_events (
    id        BIGSERIAL PRIMARY KEY,
    case_id   BIGINT NOT NULL REFERENCES review_cases (id),
    at        TIMESTAMPTZ NOT NULL,
    username  TEXT NOT NULL DEFAULT '',
    action    TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state  TEXT NOT NULL,
    note      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX review_events_case ON review_events (case_id, id);

ALTER TABLE households ADD COLUMN status TEXT NOT NULL DEFAULT '';
ALTER TABLE households ADD COLUMN status_since TEXT NOT NULL DEFAULT '';
CREATE INDEX households_status ON households (commune_code, status);
