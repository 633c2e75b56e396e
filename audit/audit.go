// Package audit records every write: who, when, what, and the record before and
// after, inside the same transaction as the write (one use case = one transaction).
package audit

import (
	"context"
	"encoding/json"
	"time"

	"giamngheo"
)

// Entry is one audited write.
type Entry struct {
	ID        int64
	At        time.Time
	UserID    int64
	Username  string
	Action    string // create, update, delete, login, import …
	Entity    string // user, unit, household …
	EntityID  string
	ScopeCode string          // the administrative unit the record belongs to ("" = national)
	Before    json.RawMessage // null when created
	After     json.RawMessage // null when deleted
}

// Filter selects audit entries; empty fields do not filter.
type Filter struct {
	Entity   string
	EntityID string
	UserID   *int64
	// ScopeCodes, when not nil, keeps only entries whose scope is one of them (the
	// caller computes the units under the viewer's scope).
	Page giamngheo.Page
}

// Store persists audit entries. InsertAudit must use the transaction carried by ctx.
type Store interface {
	InsertAudit(ctx context.Context, e *Entry) error
	FindAudit(ctx context.Context, f Filter) ([]*Entry, int, error)
}

// Record builds an entry for the actor in ctx and writes it. before/after are
// marshalled to JSON; pass nil for "none". Call it inside the use case's transaction.
func Record(ctx context.Context, s Store, at time.Time, action, entity, entityID, scope string, before, after any) error {
	e := &Entry{At: at.UTC(), Action: action, Entity: entity, EntityID: entityID, ScopeCode: scope}
	if a := giamngheo.ActorFromContext(ctx); a != nil {
		e.UserID, e.Username = a.UserID, a.Username
	}
	var err error
	if e.Before, err = marshal(before); err != nil {
		return err
	}
	if e.After, err = marshal(after); err != nil {
		return err
	}
	return s.InsertAudit(ctx, e)
}

func marshal(v any) (json.RawMessage, error) {
	if v == nil {
		return nil, nil
	}
	return json.Marshal(v)
}
