-- 0021: the needs of the recognised poor and near-poor households, maintained with the
-- roll-ups (issue 15 item 8, docs/adr/0009-maintained-rollups.md): one row per person or
-- household and kind, derived from the household as stored (support.NeedsOf) whenever a
-- write changes it (store/rollup.go: changeHousehold), checked by `rollup verify` and
-- rewritten by `rollup rebuild`. The gap worklists page through it by keyset (kind,
-- commune, household code, member order) and count it, leaving out who was supported
-- in the year; the coverage measures count it. No page reads the households.
-- The rows of the households already stored are made right after this statement by
-- the store (afterMigration).
CREATE TABLE support_needs (
    household_id   BIGINT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    seq            INTEGER NOT NULL DEFAULT 0, -- the member's order in the household, 0 for the household
    member_id      BIGINT NOT NULL DEFAULT 0,
    person         TEXT NOT NULL DEFAULT '',   -- support.PersonKey, '' for the household
    province_code  TEXT NOT NULL,
    commune_code   TEXT NOT NULL,
    household_code TEXT NOT NULL,
    status         TEXT NOT NULL,
    head_name      TEXT NOT NULL DEFAULT '',
    member_name    TEXT NOT NULL DEFAULT '',
    birth_date     TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD, '' when unreadable
    national_id    TEXT NOT NULL DEFAULT '',
    reason         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (household_id, kind, seq)
);
CREATE INDEX support_needs_list ON support_needs (kind, commune_code, household_code, seq);
-- The counts read only this index (the age windows compare birth_date; the year's
-- support is joined on household_id and person).
CREATE INDEX support_needs_count ON support_needs (kind, commune_code, birth_date, household_id, person);
