package user

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/audit"
)

// SessionTTL is how long a browser session lasts without logging in again.
const SessionTTL = 12 * time.Hour

// DefaultTokenTTL is how long an API token lives unless configured otherwise
// (Service.TokenTTL; serve --token-days): a leaked token stops working on its own.
const DefaultTokenTTL = 90 * 24 * time.Hour

// Service runs the account use cases: each in one transaction, audited.
type Service struct {
	Store Store
	Units admin.Store
	Audit audit.Store
	Tx    giamngheo.TxRunner
	Now   giamngheo.Clock
	// Sleep waits before a throttled login attempt (nil: the real clock); tests
	// advance their clock instead.
	Sleep func(ctx context.Context, d time.Duration) error
	// Check compares a password with an encoded hash (nil: CheckPassword); tests
	// watch it to see that every login pays one hash check, known user or not.
	Check func(encoded, password string) bool
	// TokenTTL is the life of a new API token (0: DefaultTokenTTL).
	TokenTTL time.Duration

	throttle throttle
}

// NewUser is the input of CreateUser.
type NewUser struct {
	Username  string
	Name      string
	Password  string
	Role      giamngheo.Role
	ScopeCode string
	Agency    string
}

var usernameRe = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{2,39}$`)

// Validate checks the input and returns EINVALID naming the field.
func (n *NewUser) Validate() error {
	n.Username = strings.ToLower(strings.TrimSpace(n.Username))
	n.Name = strings.TrimSpace(n.Name)
	if !usernameRe.MatchString(n.Username) {
		return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "username",
			Message:   "Tên đăng nhập phải dài 3–40 ký tự, gồm chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.",
			MessageEN: "Username must be 3–40 characters: lower-case letters without diacritics, digits, '.', '-' or '_'."}
	}
	if n.Name == "" {
		n.Name = n.Username
	}
	if !n.Role.Valid() {
		return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "role",
			Message:   "Vai trò không hợp lệ: " + string(n.Role) + ".",
			MessageEN: "Unknown role: " + string(n.Role) + "."}
	}
	return validatePassword(n.Password, n.Username)
}

// CreateUser creates an account. Administrators only (or the system actor); the new
// user's scope must lie within the creator's scope.
func (s *Service) CreateUser(ctx context.Context, n NewUser) (*User, error) {
	if err := giamngheo.RequireAdmin(ctx); err != nil {
		return nil, err
	}
	if err := n.Validate(); err != nil {
		return nil, err
	}
	if n.ScopeCode != "" {
		if _, err := s.Units.FindUnitByCode(ctx, n.ScopeCode, ""); err != nil {
			if giamngheo.ErrorCode(err) == giamngheo.ENOTFOUND {
				return nil, &giamngheo.Error{Code: giamngheo.EINVALID, Field: "scope",
					Message:   "Không có đơn vị hành chính mã " + n.ScopeCode + ".",
					MessageEN: "No administrative unit with code " + n.ScopeCode + "."}
			}
			return nil, err
		}
	}
	if err := s.requireScope(ctx, n.ScopeCode); err != nil {
		return nil, err
	}
	hash, err := HashPassword(n.Password)
	if err != nil {
		return nil, err
	}
	u := &User{Username: n.Username, Name: n.Name, Role: n.Role, ScopeCode: n.ScopeCode, Agency: n.Agency, PasswordHash: hash}
	err = s.Tx.WithTx(ctx, func(ctx context.Context) error {
		now := s.Now().UTC()
		u.CreatedAt, u.UpdatedAt = now, now
		if err := s.Store.CreateUser(ctx, u); err != nil {
			return err
		}
		return audit.Record(ctx, s.Audit, now, "create", "user", u.Username, u.ScopeCode, nil, u)
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

// requireScope checks that the actor's scope covers a user scope ("" = national,
// only for national actors).
func (s *Service) requireScope(ctx context.Context, scope string) error {
	a := giamngheo.ActorFromContext(ctx)
	if a.ScopeCode == "" {
		return nil
	}
	if scope == "" {
		return giamngheo.Errorf(giamngheo.EFORBIDDEN, "Bạn không thể tạo tài khoản phạm vi toàn quốc.", "You may not manage national accounts.")
	}
	return giamngheo.RequireScope(ctx, s.InScope, scope)
}

// InScope reports whether unitCode is scopeCode or lies under it (on any date: a
// district officer keeps seeing the communes of the district's past).
func (s *Service) InScope(ctx context.Context, scopeCode, unitCode string) (bool, error) {
	return admin.StoreInScope(ctx, s.Units, scopeCode, unitCode)
}

// SetPassword changes a user's password and revokes their sessions.
func (s *Service) SetPassword(ctx context.Context, username, password string) error {
	if err := giamngheo.RequireAdmin(ctx); err != nil {
		return err
	}
	if err := validatePassword(password, username); err != nil {
		return err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	return s.Tx.WithTx(ctx, func(ctx context.Context) error {
		u, err := s.Store.FindUserByUsername(ctx, username)
		if err != nil {
			return err
		}
		if err := s.requireScope(ctx, u.ScopeCode); err != nil {
			return err
		}
		now := s.Now().UTC()
		u.PasswordHash, u.UpdatedAt = hash, now
		if err := s.Store.UpdateUser(ctx, u); err != nil {
			return err
		}
		if err := s.Store.RevokeUserSessions(ctx, u.ID); err != nil {
			return err
		}
		n, err := s.Store.RevokeUserAPITokens(ctx, u.ID, now)
		if err != nil {
			return err
		}
		return audit.Record(ctx, s.Audit, now, "password", "user", u.Username, u.ScopeCode, nil, map[string]int{"tokens_revoked": n})
	})
}

// SetDisabled disables or re-enables an account; disabling revokes its sessions and
// API tokens, and re-enabling does not revive them (new tokens must be issued).
func (s *Service) SetDisabled(ctx context.Context, username string, disabled bool) error {
	if err := giamngheo.RequireAdmin(ctx); err != nil {
		return err
	}
	return s.Tx.WithTx(ctx, func(ctx context.Context) error {
		u, err := s.Store.FindUserByUsername(ctx, username)
		if err != nil {
			return err
		}
		if err := s.requireScope(ctx, u.ScopeCode); err != nil {
			return err
		}
		before := *u
		now := s.Now().UTC()
		u.Disabled, u.UpdatedAt = disabled, now
		if err := s.Store.UpdateUser(ctx, u); err != nil {
			return err
		}
		if disabled {
			if err := s.Store.RevokeUserSessions(ctx, u.ID); err != nil {
				return err
			}
			if _, err := s.Store.RevokeUserAPITokens(ctx, u.ID, now); err != nil {
				return err
			}
		}
		return audit.Record(ctx, s.Audit, now, "update", "user", u.Username, u.ScopeCode, before, u)
	})
}

// FindUsers lists the accounts within the actor's scope.
func (s *Service) FindUsers(ctx context.Context, p giamngheo.Page) ([]*User, int, error) {
	if err := giamngheo.RequireAdmin(ctx); err != nil {
		return nil, 0, err
	}
	all, _, err := s.Store.FindUsers(ctx, Filter{Page: giamngheo.Page{Limit: 10000}})
	if err != nil {
		return nil, 0, err
	}
	var out []*User
	for _, u := range all {
		if s.requireScope(ctx, u.ScopeCode) == nil {
			out = append(out, u)
		}
	}
	total := len(out)
	p = p.Norm()
	if p.Offset > len(out) {
		p.Offset = len(out)
	}
	out = out[p.Offset:min(len(out), p.Offset+p.Limit)]
	return out, total, nil
}

var errBadLogin = giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Sai tên đăng nhập hoặc mật khẩu.", "Wrong username or password.")

// dummyHash is checked for an unknown or disabled account, so that the answer takes
// as long as for a wrong password and does not tell which usernames exist.
var dummyHash = sync.OnceValue(func() string {
	h, err := HashPassword(RandomToken(16))
	if err != nil {
		return ""
	}
	return h
})

// Login checks a username and password and opens a session. It returns the session
// token (to set as a cookie) and the user. Failed attempts are slowed (throttle.go)
// and audited.
func (s *Service) Login(ctx context.Context, username, password, client string) (string, *User, error) {
	username = strings.ToLower(strings.TrimSpace(username))
	if len(username) > 64 {
		username = username[:64]
	}
	keys, _, pair := s.throttle.keys(s.Now(), username, client)
	wait, ok := s.throttle.reserve(s.Now(), keys)
	if !ok {
		secs := int(wait.Seconds()) + 1
		return "", nil, giamngheo.Errorf(giamngheo.EUNAUTHORIZED,
			"Có quá nhiều lần đăng nhập sai với tài khoản hoặc địa chỉ này. Vui lòng thử lại sau %d giây.",
			"Too many failed logins for this account or address. Please try again in %d seconds.", secs)
	}
	sleepFn := s.Sleep
	if sleepFn == nil {
		sleepFn = sleep
	}
	if err := sleepFn(ctx, wait); err != nil {
		return "", nil, err
	}
	now := s.Now()
	u, err := s.Store.FindUserByUsername(ctx, username)
	if err != nil && giamngheo.ErrorCode(err) != giamngheo.ENOTFOUND {
		return "", nil, err
	}
	hash := dummyHash()
	if u != nil && !u.Disabled {
		hash = u.PasswordHash
	}
	check := s.Check
	if check == nil {
		check = CheckPassword
	}
	if !check(hash, password) || u == nil || u.Disabled {
		s.throttle.fail(now, keys)
		if err := s.auditFailure(ctx, now, username, client, u); err != nil {
			return "", nil, err
		}
		return "", nil, errBadLogin
	}
	token := RandomToken(32)
	ctx = giamngheo.NewContextWithActor(ctx, u.Actor())
	err = s.Tx.WithTx(ctx, func(ctx context.Context) error {
		sess := &Session{TokenHash: HashToken(token), UserID: u.ID, CreatedAt: now.UTC(), ExpiresAt: now.Add(SessionTTL).UTC()}
		if err := s.Store.CreateSession(ctx, sess); err != nil {
			return err
		}
		return audit.Record(ctx, s.Audit, now, "login", "session", u.Username, u.ScopeCode, nil, map[string]string{"client": client})
	})
	if err != nil {
		return "", nil, err
	}
	s.throttle.succeed(now, pair)
	return token, u, nil
}

// auditFailure records a failed login. The entry names the account only when it
// exists: a username that is not one may be a password typed in the wrong field.
func (s *Service) auditFailure(ctx context.Context, now time.Time, username, client string, u *User) error {
	entity, scope := "?", ""
	detail := map[string]any{"client": client, "reason": "unknown_user"}
	if u != nil {
		entity, scope, detail["reason"] = u.Username, u.ScopeCode, "wrong_password"
		if u.Disabled {
			detail["reason"] = "disabled"
		}
	}
	return s.Tx.WithTx(ctx, func(ctx context.Context) error {
		return audit.Record(ctx, s.Audit, now, "login_failed", "session", entity, scope, nil, detail)
	})
}

// Authenticate returns the user of a live session token.
func (s *Service) Authenticate(ctx context.Context, token string) (*User, error) {
	sess, err := s.Store.FindSession(ctx, HashToken(token))
	if err != nil {
		return nil, err
	}
	if sess.Revoked || !s.Now().Before(sess.ExpiresAt) {
		return nil, giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Phiên đăng nhập đã hết hạn.", "Your session has expired.")
	}
	return enabled(sess.User)
}

func (s *Service) activeUser(ctx context.Context, id int64) (*User, error) {
	u, err := s.Store.FindUserByID(ctx, id)
	if err != nil {
		return nil, err
	}
	return enabled(u)
}

// enabled returns u, or EUNAUTHORIZED when the account is disabled.
func enabled(u *User) (*User, error) {
	if u.Disabled {
		return nil, giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Tài khoản đã bị khóa.", "The account is disabled.")
	}
	return u, nil
}

// Logout revokes a session.
func (s *Service) Logout(ctx context.Context, token string) error {
	return s.Tx.WithTx(ctx, func(ctx context.Context) error {
		if err := s.Store.RevokeSession(ctx, HashToken(token)); err != nil {
			return err
		}
		a := giamngheo.ActorFromContext(ctx)
		if a == nil {
			return nil
		}
		return audit.Record(ctx, s.Audit, s.Now(), "logout", "session", a.Username, a.ScopeCode, nil, nil)
	})
}

// CreateAPIToken issues a token for a machine client acting as the given user. The
// token is returned once; only its hash is kept. It expires after s.TokenTTL.
func (s *Service) CreateAPIToken(ctx context.Context, username, name string) (string, error) {
	tok, _, err := s.IssueAPIToken(ctx, username, name)
	return tok, err
}

// IssueAPIToken is CreateAPIToken returning the stored token too (its id and expiry).
func (s *Service) IssueAPIToken(ctx context.Context, username, name string) (string, *APIToken, error) {
	if err := giamngheo.RequireAdmin(ctx); err != nil {
		return "", nil, err
	}
	name = strings.TrimSpace(name)
	if name == "" {
		name = "api"
	}
	ttl := s.TokenTTL
	if ttl <= 0 {
		ttl = DefaultTokenTTL
	}
	token := "gn_" + RandomToken(32)
	var t *APIToken
	err := s.Tx.WithTx(ctx, func(ctx context.Context) error {
		u, err := s.Store.FindUserByUsername(ctx, username)
		if err != nil {
			return err
		}
		if err := s.requireScope(ctx, u.ScopeCode); err != nil {
			return err
		}
		if u.Disabled {
			return giamngheo.Errorf(giamngheo.ECONFLICT, "Tài khoản %s đã bị khóa: không thể cấp mã truy cập.", "Account %s is disabled: no API token can be issued.", u.Username)
		}
		now := s.Now().UTC()
		t = &APIToken{UserID: u.ID, Name: name, TokenHash: HashToken(token), CreatedAt: now, ExpiresAt: now.Add(ttl)}
		if err := s.Store.CreateAPIToken(ctx, t); err != nil {
			return err
		}
		return audit.Record(ctx, s.Audit, now, "create", "api_token", strconv.FormatInt(t.ID, 10), u.ScopeCode, nil,
			map[string]any{"user": u.Username, "name": name, "expires_at": t.ExpiresAt})
	})
	if err != nil {
		return "", nil, err
	}
	return token, t, nil
}

// APITokens lists the tokens of an account (administrators within its scope).
func (s *Service) APITokens(ctx context.Context, username string) (*User, []*APIToken, error) {
	if err := giamngheo.RequireAdmin(ctx); err != nil {
		return nil, nil, err
	}
	u, err := s.Store.FindUserByUsername(ctx, username)
	if err != nil {
		return nil, nil, err
	}
	if err := s.requireScope(ctx, u.ScopeCode); err != nil {
		return nil, nil, err
	}
	ts, err := s.Store.FindAPITokens(ctx, u.ID)
	return u, ts, err
}

// RevokeAPIToken revokes one token by id (administrators within its owner's scope).
// A token outside the scope is ENOTFOUND, as one that does not exist.
func (s *Service) RevokeAPIToken(ctx context.Context, id int64) (*APIToken, error) {
	if err := giamngheo.RequireAdmin(ctx); err != nil {
		return nil, err
	}
	var t *APIToken
	err := s.Tx.WithTx(ctx, func(ctx context.Context) error {
		var err error
		if t, err = s.Store.FindAPITokenByID(ctx, id); err != nil {
			return err
		}
		u, err := s.Store.FindUserByID(ctx, t.UserID)
		if err != nil {
			return err
		}
		if s.requireScope(ctx, u.ScopeCode) != nil {
			return giamngheo.Errorf(giamngheo.ENOTFOUND, "Không có mã truy cập số %d.", "No API token %d.", id)
		}
		if t.Revoked {
			return nil
		}
		now := s.Now().UTC()
		if err := s.Store.RevokeAPIToken(ctx, id, now); err != nil {
			return err
		}
		t.Revoked, t.RevokedAt = true, now
		return audit.Record(ctx, s.Audit, now, "revoke", "api_token", strconv.FormatInt(id, 10), u.ScopeCode, nil,
			map[string]any{"user": u.Username, "name": t.Name})
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// AuthenticateAPIToken returns the user of a live API token.
func (s *Service) AuthenticateAPIToken(ctx context.Context, token string) (*User, error) {
	t, err := s.Store.FindAPIToken(ctx, HashToken(token))
	if err != nil {
		return nil, err
	}
	if t.Revoked {
		return nil, giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Mã truy cập đã bị thu hồi.", "The API token is revoked.")
	}
	if !t.Live(s.Now()) {
		return nil, giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Mã truy cập đã hết hạn; hãy xin cấp mã mới.", "The API token has expired; ask for a new one.")
	}
	return s.activeUser(ctx, t.UserID)
}
