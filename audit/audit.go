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
	// Job links the entry to the import or export it is part of ("" = none): every
	// household an import creates or changes names the import's job.
	Job string
}

// Filter selects audit entries; empty fields do not filter.
type Filter struct {
	Entity   string
	EntityID string
	UserID   *int64
	Username string
	Action   string
	Job      string
	// From and To bound the time: From <= at < To (zero: unbounded).
	From, To time.Time
	// ScopeCodes, when not nil, keeps only entries whose scope is one of them (the
	// caller computes the units under the viewer's scope).
	ScopeCodes []string
	Page       giamngheo.Page
}

// Store persists audit entries. InsertAudit must use the transaction carried by ctx.
type Store interface {
	InsertAudit(ctx context.Context, e *Entry) error
	// InsertAudits writes many entries at once (an import's households), in the
	// transaction carried by ctx.
	InsertAudits(ctx context.Context, es []*Entry) error
	FindAudit(ctx context.Context, f Filter) ([]*Entry, int, error)
}

// Record builds an entry for the actor in ctx and writes it. before/after are
// marshalled to JSON; pass nil for "none". Call it inside the use case's transaction.
func Record(ctx context.Context, s Store, at time.Time, action, entity, entityID, scope string, before, after any) error {
	e, err := NewEntry(ctx, at, action, entity, entityID, scope, before, after)
	if err != nil {
		return err
	}
	return s.InsertAudit(ctx, e)
}

// NewEntry builds the entry Record writes, for a caller that writes many at once
// (Store.InsertAudits).
func NewEntry(ctx context.Context, at time.Time, action, entity, entityID, scope string, before, after any) (*Entry, error) {
	e := &Entry{At: at.UTC(), Action: action, Entity: entity, EntityID: entityID, ScopeCode: scope, Job: JobFromContext(ctx)}
	if a := giamngheo.ActorFromContext(ctx); a != nil {
		e.UserID, e.Username = a.UserID, a.Username
	}
	var err error
	if e.Before, err = marshal(before); err != nil {
		return nil, err
	}
	if e.After, err = marshal(after); err != nil {
		return nil, err
	}
	return e, nil
}

type jobKey struct{}

// ContextWithJob returns ctx whose audit entries name job (an import's or export's id).
func ContextWithJob(ctx context.Context, job string) context.Context {
	return context.WithValue(ctx, jobKey{}, job)
}

// JobFromContext returns the job of ContextWithJob, or "".
func JobFromContext(ctx context.Context) string {
	j, _ := ctx.Value(jobKey{}).(string)
	return j
}

func marshal(v any) (json.RawMessage, error) {
	if v == nil {
		return nil, nil
	}
	return json.Marshal(v)
}
