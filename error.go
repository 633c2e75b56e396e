package giamngheo

import (
	"errors"
	"fmt"
)

// Application error codes. They are stable: never renumber or rename them, since
// API clients match on them. The HTTP layer maps them to status codes in one place.
const (
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	ECONFLICT     = "conflict"
	EUNAUTHORIZED = "unauthorized"
	EFORBIDDEN    = "forbidden"
	EINTERNAL     = "internal"
)

// Error is the one application error type. Message is shown to the user in
// Vietnamese; MessageEN is its English form. Field names the row, field or step
// the error is about, when there is one.
type Error struct {
	Code      string
	Message   string
	MessageEN string
	Field     string
}

// Error implements the error interface.
func (e *Error) Error() string {
	if e.MessageEN != "" {
		return fmt.Sprintf("giamngheo error: code=%s message=%s", e.Code, e.MessageEN)
	}
	return fmt.Sprintf("giamngheo error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an application error with a Vietnamese message and its English form.
// Both strings are formatted with the same arguments.
func Errorf(code, vi, en string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(vi, args...), MessageEN: fmt.Sprintf(en, args...)}
}

// ErrorCode returns the code of an application error found in err's chain, or
// EINTERNAL for any other non-nil error, or "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the Vietnamese message of an application error, or a generic
// message for internal errors: the user never sees an internal error's text.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên."
}

// ErrorMessageEN returns the English message of an application error, or a generic
// one for internal errors.
func ErrorMessageEN(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		if e.MessageEN != "" {
			return e.MessageEN
		}
		return e.Message
	}
	return "Internal error. Please try again or tell the administrator."
}
