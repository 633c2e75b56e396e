package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"giamngheo"
	"giamngheo/user"
)

func errUserNotFound() error {
	return giamngheo.Errorf(giamngheo.ENOTFOUND, "Không tìm thấy tài khoản.", "User not found.")
}

// CreateUser inserts a user; a taken username is ECONFLICT.
func (db *DB) CreateUser(ctx context.Context, u *user.User) error {
	err := db.w(ctx).QueryRowContext(ctx, `INSERT INTO users (username, name, password_hash, role, scope_code, agency, disabled, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?,?) RETURNING id`,
		u.Username, u.Name, u.PasswordHash, string(u.Role), u.ScopeCode, u.Agency, u.Disabled, fmtTime(u.CreatedAt), fmtTime(u.UpdatedAt)).Scan(&u.ID)
	if err != nil {
		if giamngheo.ErrorCode(formatError(err)) == giamngheo.ECONFLICT {
			return giamngheo.Errorf(giamngheo.ECONFLICT, "Tên đăng nhập %q đã có người dùng.", "Username %q is taken.", u.Username)
		}
		return err
	}
	return nil
}

// UpdateUser writes every mutable field of u.
func (db *DB) UpdateUser(ctx context.Context, u *user.User) error {
	_, err := db.w(ctx).ExecContext(ctx, `UPDATE users SET name=?, password_hash=?, role=?, scope_code=?, agency=?, disabled=?, updated_at=? WHERE id=?`,
		u.Name, u.PasswordHash, string(u.Role), u.ScopeCode, u.Agency, u.Disabled, fmtTime(u.UpdatedAt), u.ID)
	return formatError(err)
}

const userCols = `id, username, name, password_hash, role, scope_code, agency, disabled, created_at, updated_at`

func scanUser(sc interface{ Scan(...any) error }) (*user.User, error) {
	u := &user.User{}
	var role, created, updated string
	if err := sc.Scan(&u.ID, &u.Username, &u.Name, &u.PasswordHash, &role, &u.ScopeCode, &u.Agency, &u.Disabled, &created, &updated); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, errUserNotFound()
		}
		return nil, err
	}
	u.Role, u.CreatedAt, u.UpdatedAt = giamngheo.Role(role), parseTime(created), parseTime(updated)
	return u, nil
}

// FindUserByID returns a user or ENOTFOUND.
func (db *DB) FindUserByID(ctx context.Context, id int64) (*user.User, error) {
	return scanUser(db.r(ctx).QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE id = ?`, id))
}

// FindUserByUsername returns a user or ENOTFOUND.
func (db *DB) FindUserByUsername(ctx context.Context, username string) (*user.User, error) {
	return scanUser(db.r(ctx).QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE username = ?`, username))
}

// FindUsers lists users by username, with the total before LIMIT.
func (db *DB) FindUsers(ctx context.Context, f user.Filter) ([]*user.User, int, error) {
	p := f.Page.Norm()
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT `+userCols+`, count(*) OVER () FROM users ORDER BY username LIMIT ? OFFSET ?`, p.Limit, p.Offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []*user.User
	total := 0
	for rows.Next() {
		u := &user.User{}
		var role, created, updated string
		if err := rows.Scan(&u.ID, &u.Username, &u.Name, &u.PasswordHash, &role, &u.ScopeCode, &u.Agency, &u.Disabled, &created, &updated, &total); err != nil {
			return nil, 0, err
		}
		u.Role, u.CreatedAt, u.UpdatedAt = giamngheo.Role(role), parseTime(created), parseTime(updated)
		out = append(out, u)
	}
	return out, total, rows.Err()
}

// CreateSession stores a session.
func (db *DB) CreateSession(ctx context.Context, s *user.Session) error {
	_, err := db.w(ctx).ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, revoked) VALUES (?,?,?,?,?)`,
		s.TokenHash, s.UserID, fmtTime(s.CreatedAt), fmtTime(s.ExpiresAt), s.Revoked)
	return formatError(err)
}

// FindSession returns a session by token hash or EUNAUTHORIZED.
func (db *DB) FindSession(ctx context.Context, tokenHash string) (*user.Session, error) {
	s := &user.Session{}
	var created, expires string
	err := db.r(ctx).QueryRowContext(ctx, `SELECT token_hash, user_id, created_at, expires_at, revoked FROM sessions WHERE token_hash = ?`, tokenHash).
		Scan(&s.TokenHash, &s.UserID, &created, &expires, &s.Revoked)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Phiên đăng nhập không hợp lệ.", "Invalid session.")
	} else if err != nil {
		return nil, err
	}
	s.CreatedAt, s.ExpiresAt = parseTime(created), parseTime(expires)
	return s, nil
}

// RevokeSession marks a session revoked.
func (db *DB) RevokeSession(ctx context.Context, tokenHash string) error {
	_, err := db.w(ctx).ExecContext(ctx, `UPDATE sessions SET revoked = 1 WHERE token_hash = ?`, tokenHash)
	return err
}

// RevokeUserSessions revokes every session of a user.
func (db *DB) RevokeUserSessions(ctx context.Context, userID int64) error {
	_, err := db.w(ctx).ExecContext(ctx, `UPDATE sessions SET revoked = 1 WHERE user_id = ?`, userID)
	return err
}

// CreateAPIToken stores an API token.
func (db *DB) CreateAPIToken(ctx context.Context, t *user.APIToken) error {
	err := db.w(ctx).QueryRowContext(ctx, `INSERT INTO api_tokens (user_id, name, token_hash, created_at, revoked) VALUES (?,?,?,?,?) RETURNING id`,
		t.UserID, t.Name, t.TokenHash, fmtTime(t.CreatedAt), t.Revoked).Scan(&t.ID)
	return formatError(err)
}

// FindAPIToken returns a token by hash or EUNAUTHORIZED.
func (db *DB) FindAPIToken(ctx context.Context, tokenHash string) (*user.APIToken, error) {
	t := &user.APIToken{}
	var created string
	err := db.r(ctx).QueryRowContext(ctx, `SELECT id, user_id, name, token_hash, created_at, revoked FROM api_tokens WHERE token_hash = ?`, tokenHash).
		Scan(&t.ID, &t.UserID, &t.Name, &t.TokenHash, &created, &t.Revoked)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Mã truy cập không hợp lệ.", "Invalid API token.")
	} else if err != nil {
		return nil, err
	}
	t.CreatedAt = parseTime(created)
	return t, nil
}
