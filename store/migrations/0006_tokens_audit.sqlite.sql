-- 0006 (issue 10 items 7 and 9): API tokens expire and record when they were revoked;
-- an audit entry may name the import (or export) job it belongs to; the audit log is
-- append-only: no UPDATE or DELETE passes.
-- A token made before 0006 has no expiry stored: it expires its default term after its
-- creation (user.DefaultTokenTTL, applied when it is read).
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
ALTER TABLE api_tokens ADD COLUMN revoked_at TEXT;
CREATE INDEX api_tokens_user ON api_tokens (user_id);

ALTER TABLE audit_log ADD COLUMN job TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_job ON audit_log (job) WHERE job <> '';
CREATE INDEX audit_user ON audit_log (username, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
