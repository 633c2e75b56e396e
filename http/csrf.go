package http

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"

	"giamngheo/user"
)

// CSRF tokens (docs/adr/0008-login-throttling-and-sessions.md). A logged-in user's
// token is derived from the session token, which only the user's browser holds (an
// HttpOnly cookie): it changes at every login (rotation) and an attacker who plants
// a cookie cannot make a token that matches a session they do not know. Before login
// (the login form, the language switch) the token is a server MAC of a random nonce
// kept in a cookie, so that a nonce an attacker sets in the victim's browser yields a
// token only the server can compute; the MAC key lives in memory, and a restart only
// asks for the login form to be reloaded.

// sessionCSRF is the token of a session.
func sessionCSRF(session string) string {
	sum := sha256.Sum256([]byte("giamngheo-csrf\x00" + session))
	return base64.RawURLEncoding.EncodeToString(sum[:24])
}

// anonymousCSRF is the token of a pre-login nonce.
func (s *Server) anonymousCSRF(nonce string) string {
	m := hmac.New(sha256.New, s.csrfKey)
	m.Write([]byte("anonymous\x00" + nonce))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:24])
}

// csrfToken returns the request's CSRF token: the session's, or the pre-login one
// (setting a nonce cookie when there is none yet).
func (s *Server) csrfToken(w http.ResponseWriter, r *http.Request, session string) string {
	if session != "" {
		return sessionCSRF(session)
	}
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) >= 20 && len(c.Value) <= 64 {
		return s.anonymousCSRF(c.Value)
	}
	if isAPI(r) {
		return "" // an API client without a session authenticates with a token
	}
	nonce := user.RandomToken(24)
	http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: nonce, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.Secure})
	return s.anonymousCSRF(nonce)
}
