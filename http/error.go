package http

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"giamngheo"
)

// codes maps application error codes to HTTP status codes: the one place it happens.
var codes = map[string]int{
	giamngheo.EINVALID:      http.StatusBadRequest,
	giamngheo.ENOTFOUND:     http.StatusNotFound,
	giamngheo.ECONFLICT:     http.StatusConflict,
	giamngheo.EUNAUTHORIZED: http.StatusUnauthorized,
	giamngheo.EFORBIDDEN:    http.StatusForbidden,
	giamngheo.EINTERNAL:     http.StatusInternalServerError,
}

// statusOf returns the HTTP status of an error.
func statusOf(err error) int {
	if s, ok := codes[giamngheo.ErrorCode(err)]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// isAPI reports whether the request is for the JSON API.
func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

// Error renders err as JSON (API) or an error page (UI). Internal errors are logged
// with the request's attributes and never shown to the user.
func (s *Server) Error(w http.ResponseWriter, r *http.Request, err error) {
	code, status := giamngheo.ErrorCode(err), statusOf(err)
	if code == giamngheo.EINTERNAL {
		s.Logger.Error("internal error", "method", r.Method, "path", r.URL.Path, "request_id", requestID(r.Context()), "err", err)
	}
	if isAPI(r) {
		writeJSON(w, status, map[string]any{"error": map[string]string{
			"code": code, "message": giamngheo.ErrorMessage(err), "message_en": giamngheo.ErrorMessageEN(err)}})
		return
	}
	if code == giamngheo.EUNAUTHORIZED && r.Method == http.MethodGet {
		http.Redirect(w, r, "/login?next="+r.URL.RequestURI(), http.StatusSeeOther)
		return
	}
	w.WriteHeader(status)
	s.render(w, r, "error", &errorPage{Status: status, Message: giamngheo.ErrorMessage(err), MessageEN: giamngheo.ErrorMessageEN(err)})
}

type errorPage struct {
	Status             int
	Message, MessageEN string
}

// writeJSON writes v as JSON with the status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// asError finds an application error in err's chain.
func asError(err error, target **giamngheo.Error) bool { return errors.As(err, target) }
