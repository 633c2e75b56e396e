-- 0001: foundation: administrative units, villages, users, sessions, API tokens, audit.

CREATE TABLE units (
    code          TEXT NOT NULL,
    valid_from    TEXT NOT NULL DEFAULT '',   -- '' = since before our first catalogue
    valid_to      TEXT NOT NULL DEFAULT '',   -- '' = still valid
    name          TEXT NOT NULL,
    type          TEXT NOT NULL,
    level         TEXT NOT NULL CHECK (level IN ('province','district','commune')),
    parent_code   TEXT NOT NULL DEFAULT '',
    province_code TEXT NOT NULL,
    PRIMARY KEY (code, valid_from)
) WITHOUT ROWID;
CREATE INDEX units_parent ON units (parent_code);
CREATE INDEX units_province ON units (province_code, level);

CREATE TABLE unit_mappings (
    old_code TEXT NOT NULL,
    new_code TEXT NOT NULL,
    old_name TEXT NOT NULL,
    new_name TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('full','partial')),
    PRIMARY KEY (old_code, new_code)
) WITHOUT ROWID;
CREATE INDEX unit_mappings_new ON unit_mappings (new_code);

CREATE TABLE villages (
    id               INTEGER PRIMARY KEY,
    commune_code     TEXT NOT NULL,
    name             TEXT NOT NULL,
    new_commune_code TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    UNIQUE (commune_code, name)
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL,
    scope_code    TEXT NOT NULL DEFAULT '',
    agency        TEXT NOT NULL DEFAULT '',
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    name       TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    user_id    INTEGER NOT NULL DEFAULT 0,
    username   TEXT NOT NULL DEFAULT '',
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL DEFAULT '',
    scope_code TEXT NOT NULL DEFAULT '',
    before     TEXT,
    after      TEXT
);
CREATE INDEX audit_entity ON audit_log (entity, entity_id);
