package poverty

import (
	"fmt"

	"giamngheo"
)

// invalid returns an EINVALID application error about field, with a Vietnamese message
// and its English form formatted with the same arguments.
func invalid(field, vi, en string, args ...any) *giamngheo.Error {
	e := giamngheo.Errorf(giamngheo.EINVALID, vi, en, args...)
	e.Field = field
	return e
}

// memberField names a field of the i-th member (0-based) in error messages.
func memberField(i int, name string) string { return fmt.Sprintf("members[%d].%s", i, name) }

// invalidMsg returns an EINVALID error about field with messages already formatted,
// for when the two languages need different arguments.
func invalidMsg(field, vi, en string) *giamngheo.Error {
	return &giamngheo.Error{Code: giamngheo.EINVALID, Message: vi, MessageEN: en, Field: field}
}

// notFound returns an ENOTFOUND application error about field.
func notFound(field, vi, en string, args ...any) *giamngheo.Error {
	e := giamngheo.Errorf(giamngheo.ENOTFOUND, vi, en, args...)
	e.Field = field
	return e
}
