package http

import (
	"context"
	"crypto/subtle"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/user"
)

const (
	sessionCookie = "gn_session"
	csrfCookie    = "gn_csrf"
	langCookie    = "gn_lang"
)

type ctxKey int

const (
	keyRequestID ctxKey = iota
	keyLang
	keyCSRF
	keyUser
)

func requestID(ctx context.Context) string { s, _ := ctx.Value(keyRequestID).(string); return s }

// lang returns "vi" (default) or "en".
func lang(ctx context.Context) string {
	if l, _ := ctx.Value(keyLang).(string); l == "en" {
		return "en"
	}
	return "vi"
}

func currentUser(ctx context.Context) *user.User { u, _ := ctx.Value(keyUser).(*user.User); return u }

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// withRequest is the middleware chain of every request: request id, panic recovery,
// access log and metrics, security headers, language, authentication (session cookie
// or API bearer token) and CSRF.
func (s *Server) withRequest(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		// In turn under load (gate.go); the wait counts in the request's duration.
		defer s.gate.enter(r.Context())()
		sw := &statusWriter{ResponseWriter: w}
		ctx := context.WithValue(r.Context(), keyRequestID, user.RandomToken(8))
		var u *user.User
		defer func() {
			if p := recover(); p != nil {
				s.Logger.Error("panic", "method", r.Method, "route", routeLabel(r), "request_id", requestID(ctx), "panic", fmt.Sprint(p))
				if sw.status == 0 {
					s.Error(sw, r.WithContext(ctx), fmt.Errorf("panic: %v", p))
				}
			}
			s.metrics.observe(r.Method, routeLabel(r), sw.status, time.Since(start))
			s.accessLog(r, sw.status, time.Since(start), u, requestID(ctx))
		}()
		h := sw.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
		// Pages, API answers, exports and PDFs carry names and national IDs: no cache
		// (a shared office computer, a proxy) keeps them. The static files set their own.
		h.Set("Cache-Control", "no-store")
		if s.Secure {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}

		l := "vi"
		if c, err := r.Cookie(langCookie); err == nil && c.Value == "en" {
			l = "en"
		}
		ctx = context.WithValue(ctx, keyLang, l)
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			// A page reads the stamps of the data the store remembers once (units,
			// roll-ups: issue 13 item 8); a request that writes reads them at each use,
			// so that it sees its own changes.
			ctx = giamngheo.WithStamps(ctx)
		}
		r = r.WithContext(ctx)

		if r.URL.Path == "/metrics" || r.URL.Path == "/healthz" || strings.HasPrefix(r.URL.Path, "/static/") ||
			((r.URL.Path == "/public" || strings.HasPrefix(r.URL.Path, "/public/")) && !strings.HasPrefix(r.URL.Path, "/public/jobs")) {
			// No session, no CSRF: the metrics have their own token (metrics.go); the
			// public site knows nobody and sets no cookie, so that caches may keep it.
			// The job exchange's public forms (/public/jobs) are posted, so they keep
			// the pre-login CSRF token of the other forms.
			next.ServeHTTP(sw, r)
			return
		}

		bearer := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		var err error
		switch {
		case bearer != "" && bearer != r.Header.Get("Authorization"):
			u, err = s.Users.AuthenticateAPIToken(ctx, bearer)
			if err != nil {
				s.Error(sw, r, err)
				return
			}
		default:
			session := ""
			if c, cerr := r.Cookie(sessionCookie); cerr == nil {
				u, err = s.Users.Authenticate(ctx, c.Value)
				if err != nil && giamngheo.ErrorCode(err) == giamngheo.EINTERNAL {
					s.Error(sw, r, err)
					return
				}
				if err != nil {
					u = nil
				} else {
					session = c.Value
				}
			}
			// CSRF: every state-changing request made with cookies must carry the token
			// of the page it comes from (form field or header), which is bound to the
			// session (csrf.go): a cookie an attacker managed to set is worth nothing.
			csrf := s.csrfToken(sw, r, session)
			ctx = context.WithValue(ctx, keyCSRF, csrf)
			r = r.WithContext(ctx)
			if r.Method != http.MethodGet && r.Method != http.MethodHead && !validCSRF(r, csrf) {
				s.Error(sw, r, giamngheo.Errorf(giamngheo.EFORBIDDEN,
					"Yêu cầu không hợp lệ (thiếu mã chống giả mạo CSRF). Hãy tải lại trang và thử lại.",
					"Invalid request (missing CSRF token). Reload the page and try again."))
				return
			}
		}
		if u != nil {
			ctx = context.WithValue(ctx, keyUser, u)
			ctx = giamngheo.NewContextWithActor(ctx, u.Actor())
			r = r.WithContext(ctx)
		}
		next.ServeHTTP(sw, r)
	})
}

// accessLog writes one structured line per request: method, route pattern (never the
// path or the query: they may hold a national ID or a name), status, duration and the
// user's id, nothing personal.
func (s *Server) accessLog(r *http.Request, status int, d time.Duration, u *user.User, reqID string) {
	if status == 0 {
		status = http.StatusOK
	}
	var uid int64
	if u != nil {
		uid = u.ID
	}
	s.Logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
		slog.String("method", r.Method), slog.String("route", routeLabel(r)), slog.Int("status", status),
		slog.Float64("duration_ms", float64(d.Microseconds())/1000), slog.Int64("user_id", uid), slog.String("request_id", reqID))
}

func validCSRF(r *http.Request, want string) bool {
	got := r.Header.Get("X-CSRF-Token")
	if got == "" && strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		// Uploads are streamed by the handler: the token comes in the URL, not the body.
		got = r.URL.Query().Get("csrf")
	} else if got == "" {
		got = r.PostFormValue("csrf")
	}
	return want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// requireUser wraps a handler that needs a logged-in user.
func (s *Server) requireUser(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if currentUser(r.Context()) == nil {
			s.Error(w, r, giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in."))
			return
		}
		h(w, r)
	}
}

// requireAdmin wraps a handler for administrators: the permission is declared on the route.
func (s *Server) requireAdmin(h http.HandlerFunc) http.HandlerFunc {
	return s.requireUser(func(w http.ResponseWriter, r *http.Request) {
		if err := giamngheo.RequireAdmin(r.Context()); err != nil {
			s.Error(w, r, err)
			return
		}
		h(w, r)
	})
}

// clientAddr is the client's address for login throttling.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// routeLabel is the matched route pattern (bounded cardinality for metrics).
func routeLabel(r *http.Request) string {
	if r.Pattern != "" {
		return r.Pattern
	}
	return "unmatched"
}
