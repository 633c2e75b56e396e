package http

import (
	"context"
	"crypto/subtle"
	"fmt"
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
// metrics, language, authentication (session cookie or API bearer token) and CSRF.
func (s *Server) withRequest(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		ctx := context.WithValue(r.Context(), keyRequestID, user.RandomToken(8))
		defer func() {
			if p := recover(); p != nil {
				s.Logger.Error("panic", "method", r.Method, "path", r.URL.Path, "request_id", requestID(ctx), "panic", fmt.Sprint(p))
				if sw.status == 0 {
					s.Error(sw, r.WithContext(ctx), fmt.Errorf("panic: %v", p))
				}
			}
			s.metrics.observe(r.Method, routeLabel(r), sw.status, time.Since(start))
		}()
		sw.Header().Set("X-Content-Type-Options", "nosniff")
		sw.Header().Set("X-Frame-Options", "DENY")
		sw.Header().Set("Referrer-Policy", "same-origin")
		sw.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")

		l := "vi"
		if c, err := r.Cookie(langCookie); err == nil && c.Value == "en" {
			l = "en"
		}
		ctx = context.WithValue(ctx, keyLang, l)

		csrf := ""
		if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) >= 20 {
			csrf = c.Value
		} else if !isAPI(r) {
			csrf = user.RandomToken(24)
			http.SetCookie(sw, &http.Cookie{Name: csrfCookie, Value: csrf, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.Secure})
		}
		ctx = context.WithValue(ctx, keyCSRF, csrf)
		r = r.WithContext(ctx)

		bearer := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		var u *user.User
		var err error
		switch {
		case bearer != "" && bearer != r.Header.Get("Authorization"):
			u, err = s.Users.AuthenticateAPIToken(ctx, bearer)
			if err != nil {
				s.Error(sw, r, err)
				return
			}
		default:
			if c, cerr := r.Cookie(sessionCookie); cerr == nil {
				u, err = s.Users.Authenticate(ctx, c.Value)
				if err != nil && giamngheo.ErrorCode(err) == giamngheo.EINTERNAL {
					s.Error(sw, r, err)
					return
				}
				if err != nil {
					u = nil
				}
			}
			// CSRF: every state-changing request made with cookies must carry the
			// token of the csrf cookie (form field or header): double-submit cookie.
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
