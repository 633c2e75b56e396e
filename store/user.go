package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"giamngheo"
	"giamngheo/user"
)

func errUserNotFound() error {
	return giamngheo.Errorf(giamngheo.ENOTFOUND, "Không tìm thấy tài khoản.", "User not found.")
}

// CreateUser inserts a user; a taken username is ECONFLICT.
func (db *DB) CreateUser(ctx context.Context, u *user.User) error {
	err := db.w(ctx).QueryRowContext(ctx, `INSERT INTO users (username, name, password_hash, role, scope_code, agency, disabled, created_at, updated_at)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
		u.Username, u.Name, u.PasswordHash, string(u.Role), u.ScopeCode, u.Agency, u.Disabled, db.t(u.CreatedAt), db.t(u.UpdatedAt)).Scan(&u.ID)
	return db.conflict(err, "Tên đăng nhập %q đã có người dùng.", "Username %q is taken.", u.Username)
}

// UpdateUser writes every mutable field of u.
func (db *DB) UpdateUser(ctx context.Context, u *user.User) error {
	_, err := db.w(ctx).ExecContext(ctx, `UPDATE users SET name=$1, password_hash=$2, role=$3, scope_code=$4, agency=$5, disabled=$6, updated_at=$7 WHERE id=$8`,
		u.Name, u.PasswordHash, string(u.Role), u.ScopeCode, u.Agency, u.Disabled, db.t(u.UpdatedAt), u.ID)
	return db.formatError(err)
}

const userCols = `id, username, name, password_hash, role, scope_code, agency, disabled, created_at, updated_at`

func scanUser(sc interface{ Scan(...any) error }, extra ...any) (*user.User, error) {
	u := &user.User{}
	var role string
	dest := append([]any{&u.ID, &u.Username, &u.Name, &u.PasswordHash, &role, &u.ScopeCode, &u.Agency, &u.Disabled, scanTime(&u.CreatedAt), scanTime(&u.UpdatedAt)}, extra...)
	if err := sc.Scan(dest...); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, errUserNotFound()
		}
		return nil, err
	}
	u.Role = giamngheo.Role(role)
	return u, nil
}

// FindUserByID returns a user or ENOTFOUND.
func (db *DB) FindUserByID(ctx context.Context, id int64) (*user.User, error) {
	return scanUser(db.r(ctx).QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE id = $1`, id))
}

// FindUserByUsername returns a user or ENOTFOUND.
func (db *DB) FindUserByUsername(ctx context.Context, username string) (*user.User, error) {
	return scanUser(db.r(ctx).QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE username = $1`, username))
}

// FindUsers lists users by username, with the total before LIMIT.
func (db *DB) FindUsers(ctx context.Context, f user.Filter) ([]*user.User, int, error) {
	p := f.Page.Norm()
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT `+userCols+`, count(*) OVER () FROM users ORDER BY username LIMIT $1 OFFSET $2`, p.Limit, p.Offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []*user.User
	total := 0
	for rows.Next() {
		u, err := scanUser(rows, &total)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, u)
	}
	return out, total, rows.Err()
}

// CreateSession stores a session.
func (db *DB) CreateSession(ctx context.Context, s *user.Session) error {
	_, err := db.w(ctx).ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, revoked) VALUES ($1,$2,$3,$4,$5)`,
		s.TokenHash, s.UserID, db.t(s.CreatedAt), db.t(s.ExpiresAt), s.Revoked)
	return db.formatError(err)
}

// FindSession returns a session by token hash or EUNAUTHORIZED.
func (db *DB) FindSession(ctx context.Context, tokenHash string) (*user.Session, error) {
	// One read for the session and its user: every page asks for both (issue 13 item
	// 8: a statement less per page, a round trip less on PostgreSQL). The session's
	// columns are renamed in the inner query so that userCols name the user's alone.
	s := &user.Session{}
	u, err := scanUser(db.r(ctx).QueryRowContext(ctx, `SELECT `+userCols+`, s_hash, s_created, s_expires, s_revoked FROM
		(SELECT token_hash AS s_hash, user_id AS s_user, created_at AS s_created, expires_at AS s_expires, revoked AS s_revoked
		 FROM sessions WHERE token_hash = $1) s JOIN users ON users.id = s.s_user`, tokenHash),
		&s.TokenHash, scanTime(&s.CreatedAt), scanTime(&s.ExpiresAt), &s.Revoked)
	if giamngheo.ErrorCode(err) == giamngheo.ENOTFOUND {
		return nil, giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Phiên đăng nhập không hợp lệ.", "Invalid session.")
	}
	if err != nil {
		return nil, err
	}
	s.UserID, s.User = u.ID, u
	return s, nil
}

// RevokeSession marks a session revoked.
func (db *DB) RevokeSession(ctx context.Context, tokenHash string) error {
	_, err := db.w(ctx).ExecContext(ctx, `UPDATE sessions SET revoked = TRUE WHERE token_hash = $1`, tokenHash)
	return err
}

// RevokeUserSessions revokes every session of a user.
func (db *DB) RevokeUserSessions(ctx context.Context, userID int64) error {
	_, err := db.w(ctx).ExecContext(ctx, `UPDATE sessions SET revoked = TRUE WHERE user_id = $1`, userID)
	return err
}

// CreateAPIToken stores an API token.
func (db *DB) CreateAPIToken(ctx context.Context, t *user.APIToken) error {
	err := db.w(ctx).QueryRowContext(ctx, `INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at, revoked) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
		t.UserID, t.Name, t.TokenHash, db.t(t.CreatedAt), db.t(t.ExpiresAt), t.Revoked).Scan(&t.ID)
	return db.formatError(err)
}

const tokenCols = `id, user_id, name, token_hash, created_at, expires_at, revoked, revoked_at`

func scanToken(sc interface{ Scan(...any) error }) (*user.APIToken, error) {
	t := &user.APIToken{}
	err := sc.Scan(&t.ID, &t.UserID, &t.Name, &t.TokenHash, scanTime(&t.CreatedAt), scanTime(&t.ExpiresAt), &t.Revoked, scanTime(&t.RevokedAt))
	return t, err
}

// FindAPIToken returns a token by hash or EUNAUTHORIZED.
func (db *DB) FindAPIToken(ctx context.Context, tokenHash string) (*user.APIToken, error) {
	t, err := scanToken(db.r(ctx).QueryRowContext(ctx, `SELECT `+tokenCols+` FROM api_tokens WHERE token_hash = $1`, tokenHash))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Mã truy cập không hợp lệ.", "Invalid API token.")
	}
	return t, err
}

// FindAPITokenByID returns a token by id or ENOTFOUND.
func (db *DB) FindAPITokenByID(ctx context.Context, id int64) (*user.APIToken, error) {
	t, err := scanToken(db.r(ctx).QueryRowContext(ctx, `SELECT `+tokenCols+` FROM api_tokens WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không có mã truy cập số %d.", "No API token %d.", id)
	}
	return t, err
}

// FindAPITokens lists a user's tokens, newest first.
func (db *DB) FindAPITokens(ctx context.Context, userID int64) ([]*user.APIToken, error) {
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT `+tokenCols+` FROM api_tokens WHERE user_id = $1 ORDER BY id DESC`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*user.APIToken
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeAPIToken revokes a token; the first revocation's time is kept.
func (db *DB) RevokeAPIToken(ctx context.Context, id int64, at time.Time) error {
	_, err := db.w(ctx).ExecContext(ctx, `UPDATE api_tokens SET revoked = TRUE, revoked_at = coalesce(revoked_at, $1) WHERE id = $2`, db.t(at), id)
	return db.formatError(err)
}

// RevokeUserAPITokens revokes every token of a user not yet revoked.
func (db *DB) RevokeUserAPITokens(ctx context.Context, userID int64, at time.Time) (int, error) {
	res, err := db.w(ctx).ExecContext(ctx, `UPDATE api_tokens SET revoked = TRUE, revoked_at = $1 WHERE user_id = $2 AND revoked = FALSE`, db.t(at), userID)
	if err != nil {
		return 0, db.formatError(err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}
