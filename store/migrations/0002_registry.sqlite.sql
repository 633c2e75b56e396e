-- 0002: the household registry. Households carry the province code (the distribution
-- key of a country-wide deployment) and are kept in administrative-code order by the
-- (commune_code, code) index; the current classification is stored with its explanation.

CREATE TABLE households (
    id                INTEGER PRIMARY KEY,
    province_code     TEXT NOT NULL,
    commune_code      TEXT NOT NULL,
    code              TEXT NOT NULL,
    village_id        INTEGER REFERENCES villages (id),
    village_name      TEXT NOT NULL DEFAULT '',
    address           TEXT NOT NULL DEFAULT '',
    head_name         TEXT NOT NULL,
    phone             TEXT NOT NULL DEFAULT '',
    search            TEXT NOT NULL DEFAULT '',  -- folded code, names and IDs, for search without diacritics
    survey            TEXT NOT NULL,             -- JSON: household-level survey answers (poverty.Household without members)
    class             TEXT NOT NULL DEFAULT '',
    deprived          TEXT NOT NULL DEFAULT '',  -- ',water,latrine,' for indicator filters
    deprivation_count INTEGER NOT NULL DEFAULT 0,
    standard_id       TEXT NOT NULL DEFAULT '',
    result            TEXT,                      -- JSON: poverty.Result with its explanation
    warnings          TEXT,                      -- JSON: registry.Warning list
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    UNIQUE (province_code, code)
);
CREATE INDEX households_commune ON households (commune_code, code);
CREATE INDEX households_class ON households (commune_code, class);

CREATE TABLE members (
    id            INTEGER PRIMARY KEY,
    household_id  INTEGER NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    province_code TEXT NOT NULL,
    seq           INTEGER NOT NULL,
    full_name     TEXT NOT NULL,
    sex           TEXT NOT NULL,
    birth_date    TEXT NOT NULL,
    relation      TEXT NOT NULL DEFAULT '',
    ethnicity     TEXT NOT NULL DEFAULT '',
    national_id   TEXT NOT NULL DEFAULT '',
    answers       TEXT NOT NULL              -- JSON: poverty.Member
);
CREATE INDEX members_household ON members (household_id, seq);
CREATE INDEX members_national_id ON members (national_id) WHERE national_id <> '';

-- Every change is kept: each row is a past state of a household, valid from valid_from
-- until valid_to (exclusive), so the household "as of a date" can be shown.
CREATE TABLE household_history (
    household_id INTEGER NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    valid_from   TEXT NOT NULL,
    valid_to     TEXT NOT NULL,
    data         TEXT NOT NULL,             -- JSON: registry.Household as it was
    changed_by   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (household_id, version)
);
