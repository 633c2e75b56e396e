-- 0008: the programme (issue 15). Support delivered to a person or a household, one
-- row per support (the same type, person and day is recorded once: a beneficiary list
-- imported twice adds nothing); the yearly plans, their structure kept as one JSON
-- document (targets, activity areas, assignments, budget lines: small, edited and
-- copied as a whole); the figures agencies enter with their evidence.
CREATE TABLE support_records (
    id            INTEGER PRIMARY KEY,
    province_code TEXT NOT NULL,
    commune_code  TEXT NOT NULL,
    household_id  INTEGER NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    person        TEXT NOT NULL DEFAULT '',  -- support.PersonKey, '' for the household
    member_name   TEXT NOT NULL DEFAULT '',
    birth_date    TEXT NOT NULL DEFAULT '',
    type          TEXT NOT NULL,
    agency        TEXT NOT NULL DEFAULT '',
    day           TEXT NOT NULL,
    year          INTEGER NOT NULL,
    quantity      REAL NOT NULL DEFAULT 0,
    amount        INTEGER NOT NULL DEFAULT 0,
    source        TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    origin        TEXT NOT NULL DEFAULT '',
    created_by    TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    UNIQUE (household_id, person, type, day)
);
CREATE INDEX support_records_commune ON support_records (commune_code, year, type);

CREATE TABLE plans (
    id            INTEGER PRIMARY KEY,
    province_code TEXT NOT NULL,
    year          INTEGER NOT NULL,
    data          TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (province_code, year)
);

CREATE TABLE plan_figures (
    id         INTEGER PRIMARY KEY,
    plan_id    INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    target     TEXT NOT NULL,
    unit_code  TEXT NOT NULL DEFAULT '',
    agency     TEXT NOT NULL DEFAULT '',
    value      REAL NOT NULL,
    evidence   TEXT NOT NULL DEFAULT '',
    as_of      TEXT NOT NULL,
    entered_by TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX plan_figures_plan ON plan_figures (plan_id, target, unit_code);
