-- 0006 (issue 10 items 7 and 9): API tokens expire and record when they were revoked;
-- an audit entry may name the import (or export) job it belongs to; the audit log is
-- append-only: no UPDATE, DELETE or TRUNCATE passes (a trigger, whatever the role's
-- rights; a deployment may also REVOKE UPDATE, DELETE, TRUNCATE from the service role).
-- A token made before 0006 has no expiry stored: it expires its default term after its
-- creation (user.DefaultTokenTTL, applied when it is read).
ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMPTZ;
ALTER TABLE api_tokens ADD COLUMN revoked_at TIMESTAMPTZ;
CREATE INDEX api_tokens_user ON api_tokens (user_id);

ALTER TABLE audit_log ADD COLUMN job TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_job ON audit_log (job) WHERE job <> '';
CREATE INDEX audit_user ON audit_log (username, id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
