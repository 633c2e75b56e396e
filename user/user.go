// Package user holds accounts, roles, administrative scope, sessions and API tokens.
package user

import (
	"context"
	"time"

	"giamngheo"
)

// User is an account. Every user is confined to one administrative unit (ScopeCode)
// and sees that unit and what lies under it, nothing else.
type User struct {
	ID           int64          `json:"id"`
	Username     string         `json:"username"`
	Name         string         `json:"name"`
	Role         giamngheo.Role `json:"role"`
	ScopeCode    string         `json:"scope_code"`
	Agency       string         `json:"agency,omitempty"`
	Disabled     bool           `json:"disabled"`
	PasswordHash string         `json:"-"`
	CreatedAt    time.Time      `json:"created_at"`
	UpdatedAt    time.Time      `json:"updated_at"`
}

// Actor returns the actor the user acts as.
func (u *User) Actor() *giamngheo.Actor {
	return &giamngheo.Actor{UserID: u.ID, Username: u.Username, Name: u.Name, Role: u.Role, ScopeCode: u.ScopeCode, Agency: u.Agency}
}

// Session is a logged-in browser. Only a hash of the token is stored, so a stolen
// database does not yield usable sessions; sessions are revocable.
type Session struct {
	TokenHash string
	UserID    int64
	CreatedAt time.Time
	ExpiresAt time.Time
	Revoked   bool
	// User is the session's user as FindSession read it, with the session.
	User *User
}

// APIToken authenticates a machine client on /api/v1 (Authorization: Bearer …). It
// expires (ExpiresAt; zero for a token made before expiry was stored, which then
// expires DefaultTokenTTL after CreatedAt) and is revoked by hand, by a password change
// or by disabling the account; re-enabling does not revive it.
type APIToken struct {
	ID        int64     `json:"id"`
	UserID    int64     `json:"user_id"`
	Name      string    `json:"name"`
	TokenHash string    `json:"-"`
	CreatedAt time.Time `json:"created_at"`
	ExpiresAt time.Time `json:"expires_at"`
	Revoked   bool      `json:"revoked"`
	RevokedAt time.Time `json:"revoked_at,omitzero"`
}

// Expiry is when the token stops working.
func (t *APIToken) Expiry() time.Time {
	if t.ExpiresAt.IsZero() {
		return t.CreatedAt.Add(DefaultTokenTTL)
	}
	return t.ExpiresAt
}

// Live reports whether the token authenticates at now.
func (t *APIToken) Live(now time.Time) bool { return !t.Revoked && now.Before(t.Expiry()) }

// Filter selects users.
type Filter struct {
	ScopeCodes []string // nil = any
	Page       giamngheo.Page
}

// Store persists users, sessions and tokens.
type Store interface {
	CreateUser(ctx context.Context, u *User) error
	UpdateUser(ctx context.Context, u *User) error
	FindUserByID(ctx context.Context, id int64) (*User, error)
	FindUserByUsername(ctx context.Context, username string) (*User, error)
	FindUsers(ctx context.Context, f Filter) ([]*User, int, error)

	CreateSession(ctx context.Context, s *Session) error
	// FindSession returns the session with its user (Session.User), or
	// EUNAUTHORIZED.
	FindSession(ctx context.Context, tokenHash string) (*Session, error)
	RevokeSession(ctx context.Context, tokenHash string) error
	RevokeUserSessions(ctx context.Context, userID int64) error

	CreateAPIToken(ctx context.Context, t *APIToken) error
	FindAPIToken(ctx context.Context, tokenHash string) (*APIToken, error)
	FindAPITokenByID(ctx context.Context, id int64) (*APIToken, error)
	// FindAPITokens lists a user's tokens, newest first, revoked and expired ones too.
	FindAPITokens(ctx context.Context, userID int64) ([]*APIToken, error)
	// RevokeAPIToken revokes one token (at is recorded once: revoking again keeps it).
	RevokeAPIToken(ctx context.Context, id int64, at time.Time) error
	// RevokeUserAPITokens revokes every live token of a user and returns how many.
	RevokeUserAPITokens(ctx context.Context, userID int64, at time.Time) (int, error)
}
