package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"giamngheo"
)

// What the pages read from the roll-ups on every request (a list's total, the communes
// with matching households, the home page's figures) is remembered while the roll-ups
// stand (issue 13 item 8). Every change of roll-up rows moves the counter of the
// province of each row it writes (rollups_stamp, migration 0020), in the same
// transaction as the rows; a memo holds only values read under the sum of the
// counters it holds, read first. So a value is never older than the stamp it is
// remembered under, a change is seen by the first request that starts after its
// commit, and a change made by another process (a CLI import while the server runs)
// too. Reads inside a write transaction are never remembered: what they see may be
// rolled back.

// stampedMemo holds values read under one stamp (the roll-ups' here, the units' in
// unit.go).
type stampedMemo struct {
	mu    sync.Mutex
	stamp int64
	vals  map[string]any
}

// maxMemo bounds the remembered values (one per scope and filter): past it the
// memo starts again.
const maxMemo = 4096

// stampedMigration is the migration that creates rollups_stamp: the roll-ups
// rebuilt by earlier migrations cannot move it, and need not (no memo is older).
const stampedMigration = "migrations/0020_rollups_stamp.sql"

// RollupsStamp is a number that grows with every committed change of the roll-ups.
func (db *DB) RollupsStamp(ctx context.Context) (int64, error) {
	read := func() (int64, error) {
		var n int64
		err := db.r(ctx).QueryRowContext(ctx, `SELECT coalesce(sum(n), 0) FROM rollups_stamp`).Scan(&n)
		return n, err
	}
	if txFrom(ctx) != nil {
		return read()
	}
	// Once per page (giamngheo.WithStamps).
	return giamngheo.OnceStamp(ctx, "rollups:"+db.source, read)
}

// stampRollups moves the stamp of each province of rows, in code order (concurrent
// PostgreSQL writers lock the counters in one order), after the rows are written.
func (db *DB) stampRollups(ctx context.Context, provinces map[string]bool) error {
	if m, _ := ctx.Value(migratingKey{}).(string); m != "" && m < stampedMigration {
		return nil
	}
	codes := make([]string, 0, len(provinces))
	for p := range provinces {
		codes = append(codes, p)
	}
	sort.Strings(codes)
	for _, p := range codes {
		if _, err := db.w(ctx).ExecContext(ctx, `INSERT INTO rollups_stamp (province_code, n) VALUES ($1, 1)
			ON CONFLICT (province_code) DO UPDATE SET n = rollups_stamp.n + 1`, p); err != nil {
			return fmt.Errorf("rollups stamp: %w", err)
		}
	}
	return nil
}

// memoKey is the key of a read: its query text and arguments.
func memoKey(query string, args []any) string {
	var b strings.Builder
	b.WriteString(query)
	for _, a := range args {
		b.WriteByte(0)
		fmt.Fprint(&b, a)
	}
	return b.String()
}

// memoRollups returns the value read by read for key, remembered while the roll-up
// stamp stands. The caller must not change the value it gets.
func memoRollups[T any](ctx context.Context, db *DB, key string, read func() (T, error)) (T, error) {
	return memoized(ctx, &db.memo, db.RollupsStamp, key, read)
}

// memoized returns the value read by read for key, remembered in m while the number
// stamp returns stands. Inside a transaction it reads (what it sees may be rolled
// back); when the stamp cannot be read (a database not yet migrated), it reads too.
func memoized[T any](ctx context.Context, m *stampedMemo, stamp func(context.Context) (int64, error), key string, read func() (T, error)) (T, error) {
	if txFrom(ctx) != nil {
		return read()
	}
	now, err := stamp(ctx)
	if err != nil {
		return read()
	}
	m.mu.Lock()
	if m.stamp == now {
		if v, ok := m.vals[key]; ok {
			m.mu.Unlock()
			return v.(T), nil
		}
	}
	m.mu.Unlock()
	v, err := read()
	if err != nil {
		return v, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if now != m.stamp || m.vals == nil || len(m.vals) >= maxMemo {
		m.stamp, m.vals = now, map[string]any{}
	}
	m.vals[key] = v
	return v, nil
}
