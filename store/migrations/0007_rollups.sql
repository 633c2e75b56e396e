-- 0007: maintained roll-ups (issue 14, docs/adr/0009-maintained-rollups.md).
-- rollups: per commune, village and recognised status, one row per measure
-- ('households', 'persons', 'deprivations', 'dep:<indicator>'), kept equal to a count
-- over the households by every write that changes them, in the same transaction.
-- rollup_flows: the changes of the poor and near-poor lists, per unit, status, kind and
-- day, in households and persons: the stock of a list at a date is the sum of the
-- flows before it, and the dynamics reports read their columns from the flows.
CREATE TABLE rollups (
    province_code TEXT NOT NULL,
    commune_code  TEXT NOT NULL,
    village_id    BIGINT NOT NULL DEFAULT 0,
    status        TEXT NOT NULL,
    measure       TEXT NOT NULL,
    n             BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (commune_code, village_id, status, measure)
);
CREATE INDEX rollups_province ON rollups (province_code, commune_code);

CREATE TABLE rollup_flows (
    province_code TEXT NOT NULL,
    commune_code  TEXT NOT NULL,
    village_id    BIGINT NOT NULL DEFAULT 0,
    status        TEXT NOT NULL,
    kind          TEXT NOT NULL,
    day           TEXT NOT NULL,
    households    BIGINT NOT NULL DEFAULT 0,
    persons       BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (commune_code, village_id, status, kind, day)
);
CREATE INDEX rollup_flows_province ON rollup_flows (province_code, commune_code);

-- The counts of the households already stored are made by the store right after this
-- migration (store/rollup.go: afterMigration), with the code of `rollup rebuild`.
