// Package store is the one SQL store of giamngheo: its queries are written once, on
// database/sql, for both engines it runs on, the embedded SQLite file
// (modernc.org/sqlite, pure Go) and PostgreSQL (pgx). What truly differs between them
// (connection setup, the bulk import path, some DDL, error codes, the transaction
// discipline) sits behind the dialect seam, one file per engine: sqlite.go and
// postgres.go (docs/adr/0007-one-store-dialect-seam.md). Both engines accept the
// $1-style parameters, so one query text serves both. It only persists: the use cases
// live in the domain services.
package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/registry"
)

// DB is the store, on either engine.
type DB struct {
	dialect dialect
	source  string  // the file or the DSN without its password, for messages
	writer  *sql.DB // what writes and transactions use
	reader  *sql.DB // what reads outside a transaction use (the writer on PostgreSQL)
	// cached is the reader with its statements kept prepared (SQLite; nil on
	// PostgreSQL, whose driver keeps its own), store/stmtcache.go.
	cached *stmtCache
	// memo holds what was read from the roll-ups under their stamp, unitsMemo the
	// units under theirs (rollupmemo.go).
	memo, unitsMemo stampedMemo
	// noRollups: writes skip the roll-up maintenance (benchmarks only, store/benchseam.go).
	noRollups bool
}

// dialect is what differs between the engines; each method says why in its engine's file.
type dialect interface {
	// name is what DB.Dialect returns: "sqlite" or "postgres".
	name() string
	// beginSQL starts a write transaction.
	beginSQL() string
	// timeArg is the value a time is written as.
	timeArg(t time.Time) any
	// ilike is the operator of a case-insensitive LIKE.
	ilike() string
	// anyOf is the condition "col is one of vals" (a []string or []int64), written with
	// '?' for where.add, and its arguments.
	anyOf(col string, vals any) (string, []any)
	// anyOfTexts is anyOf for a short list of texts that the planner may plan once for
	// every call (a prepared statement's generic plan): PostgreSQL plans some joins on
	// "= ANY($n)" anew at each call.
	anyOfTexts(col string, vals []string) (string, []any)
	// startsWith is the condition "col begins with prefix" (ASCII), with '?', and its
	// arguments: a range of the index on SQLite (BINARY order), substr on PostgreSQL
	// (whose collation may not order by bytes).
	startsWith(col, prefix string) (string, []any)
	// params returns n parameters numbered from from, for multi-row INSERTs: SQLite
	// resolves "$NNN" names in time quadratic in their count, "?" in constant time.
	params(from, n int) string
	// search is the FROM and condition (one '?', for arg) of a full-text search of
	// households.search for the phrase of words, the last one a prefix (migration
	// 0012), and the column of the household id in the FROM.
	search(ctx context.Context, db *DB, words []string) (from, cond string, arg any, id string, err error)
	// noteSearchWords records the words of stored search texts where the dialect's
	// search needs them (SQLite: search_words).
	// insertRows writes n rows of cols into table (row(i) is the i-th row's values), in
	// ctx's transaction when it has one.
	insertRows(ctx context.Context, db *DB, table string, cols []string, n int, row func(i int) []any) error
	noteSearchWords(ctx context.Context, q querier, texts []string) error
	// compactSearch merges the search index after every household was written again
	// (SQLite: FTS5's segments into one), or does nothing.
	compactSearch(ctx context.Context, q querier) error
	// fixedJoin is the join keyword that keeps the left table as the driving loop.
	fixedJoin() string
	// eachRaw runs a query without arguments and calls fn with each row's values as
	// the engine sent them, without a Go value per column (a walk of every household).
	eachRaw(ctx context.Context, db *DB, query string, fn func(rawRow) error) error
	// reads wraps what reads use (the pool or the transaction's connection).
	reads(q querier) querier
	// lockMaintainedSQL keeps other writers off the maintained tables (roll-ups, flows,
	// needs) until the transaction ends, or is "" when the transaction already does.
	lockMaintainedSQL() string
	// personsOf is the join and the expression of a household's number of members, for
	// a query over every household h: what each engine computes fastest.
	personsOf() (join, expr string)
	// violation names the constraint err violates: "unique", "foreign" or "".
	violation(err error) string
	// tablesSQL counts the tables of the schema and, second, the migrations table.
	tablesSQL() string
	// migrationsTableSQL creates the migrations table.
	migrationsTableSQL() string
	// columnsSQL lists the columns of the table named $1, in order.
	columnsSQL() string
	// importHouseholds is the bulk write path of registry.BulkImporter.
	importHouseholds(ctx context.Context, db *DB, conn *sql.Conn, hs []*registry.Household) error
	// beginImport and finishImport frame a large import (registry.BulkImporter).
	beginImport(ctx context.Context, db *DB, conn *sql.Conn, expectedMembers int64, m *registry.ImportMark) error
	finishImport(ctx context.Context, db *DB, conn *sql.Conn, m registry.ImportMark, reorder bool) error
}

// open finishes an opened store: it checks that the database is empty or ours.
func (db *DB) open(ctx context.Context) error {
	var tables, ours int
	if err := db.writer.QueryRowContext(ctx, db.dialect.tablesSQL()).Scan(&tables, &ours); err != nil {
		return err
	}
	if tables > 0 && ours == 0 {
		return giamngheo.Errorf(giamngheo.EINVALID,
			"Cơ sở dữ liệu %s là của ứng dụng khác (không có bảng giamngheo_migrations); không thay đổi gì.",
			"Database %s belongs to another application (no giamngheo_migrations table); nothing was changed.", db.source)
	}
	return nil
}

// Close closes the pools.
func (db *DB) Close() error {
	if db.cached != nil {
		db.cached.close()
	}
	errs := []error{db.writer.Close()}
	if db.reader != db.writer {
		errs = append(errs, db.reader.Close())
	}
	return errors.Join(errs...)
}

// Dialect names the engine: "sqlite" or "postgres".
func (db *DB) Dialect() string { return db.dialect.name() }

type txKey struct{}

// txFrom returns the connection of the transaction in ctx, or nil. Transactions run on
// a dedicated connection with BEGIN/COMMIT sent by hand (not *sql.Tx): the bulk path of
// PostgreSQL reaches the pgx connection underneath for COPY, and SQLite's begins
// IMMEDIATE (docs/adr/0004).
func txFrom(ctx context.Context) *sql.Conn {
	c, _ := ctx.Value(txKey{}).(*sql.Conn)
	return c
}

// withoutTx is ctx without its transaction: reads on another connection of the pool.
func withoutTx(ctx context.Context) context.Context {
	return context.WithValue(ctx, txKey{}, (*sql.Conn)(nil))
}

// WithTx runs fn in a write transaction; a nested call joins the outer one.
func (db *DB) WithTx(ctx context.Context, fn func(ctx context.Context) error) error {
	if txFrom(ctx) != nil {
		return fn(ctx)
	}
	conn, err := db.writer.Conn(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, db.dialect.beginSQL()); err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	committed := false
	defer func() {
		if !committed {
			// A fresh context: the caller's may be cancelled, and the rollback must run.
			_, _ = conn.ExecContext(context.Background(), "ROLLBACK")
		}
	}()
	if err := fn(context.WithValue(ctx, txKey{}, conn)); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return db.formatError(fmt.Errorf("commit: %w", err))
	}
	committed = true
	return nil
}

type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// column reads the one column of a query's rows.
func column[T any](ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// r returns what reads should use: the transaction in ctx, or the reader pool.
func (db *DB) r(ctx context.Context) querier {
	if tx := txFrom(ctx); tx != nil {
		return db.dialect.reads(tx)
	}
	if db.cached != nil {
		return db.cached
	}
	return db.dialect.reads(db.reader)
}

// w returns what writes should use: the transaction in ctx, or the writer.
func (db *DB) w(ctx context.Context) querier {
	if tx := txFrom(ctx); tx != nil {
		return tx
	}
	return db.writer
}

// formatError turns constraint violations into application errors.
func (db *DB) formatError(err error) error {
	if err == nil {
		return nil
	}
	switch db.dialect.violation(err) {
	case "unique":
		return &giamngheo.Error{Code: giamngheo.ECONFLICT, Message: "Bản ghi đã tồn tại (trùng khóa).", MessageEN: "The record already exists (duplicate key)."}
	case "foreign":
		return &giamngheo.Error{Code: giamngheo.EINVALID, Message: "Bản ghi tham chiếu đến dữ liệu không tồn tại.", MessageEN: "The record refers to data that does not exist."}
	}
	return err
}

// conflict is formatError with the message of a unique violation given by the caller.
func (db *DB) conflict(err error, vi, en string, args ...any) error {
	if db.dialect.violation(err) == "unique" {
		return giamngheo.Errorf(giamngheo.ECONFLICT, vi, en, args...)
	}
	return db.formatError(err)
}

// t is the value the time t is written as.
func (db *DB) t(t time.Time) any { return db.dialect.timeArg(t) }

const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// fmtTime is a time as SQLite stores it: fixed-width RFC 3339 in UTC, so that text
// order is time order.
func fmtTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// scanTime scans a time column into t: SQLite returns the text of fmtTime, PostgreSQL
// a time.Time.
func scanTime(t *time.Time) sql.Scanner { return timeScanner{t} }

type timeScanner struct{ t *time.Time }

func (s timeScanner) Scan(v any) error {
	switch x := v.(type) {
	case time.Time:
		*s.t = x
	case string:
		*s.t, _ = time.Parse(time.RFC3339Nano, x)
	case []byte:
		*s.t, _ = time.Parse(time.RFC3339Nano, string(x))
	case nil:
		*s.t = time.Time{}
	default:
		return fmt.Errorf("store: a time column holds %T", v)
	}
	return nil
}

// where gathers the conditions of a WHERE clause written with '?', numbering them $n.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	for _, a := range args {
		w.args = append(w.args, a)
		cond = strings.Replace(cond, "?", "$"+strconv.Itoa(len(w.args)), 1)
	}
	w.conds = append(w.conds, cond)
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return "1 = 1"
	}
	return strings.Join(w.conds, " AND ")
}

// in adds "col is one of vals" (a []string or []int64) in the dialect's way.
func (db *DB) in(w *where, col string, vals any) {
	cond, args := db.dialect.anyOf(col, vals)
	w.add(cond, args...)
}

// next adds args and returns their placeholders, for what follows WHERE (LIMIT, OFFSET).
func (w *where) next(args ...any) []string {
	ps := make([]string, len(args))
	for i, a := range args {
		w.args = append(w.args, a)
		ps[i] = "$" + strconv.Itoa(len(w.args))
	}
	return ps
}

// placeholders returns "$from, …" for n parameters.
func placeholders(from, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("$" + strconv.Itoa(from+i))
	}
	return b.String()
}

// rawRow is a row of dialect.eachRaw: its values are valid during the call only.
type rawRow struct {
	vals [][]byte
	// binary marks the values in PostgreSQL's binary format (integers big-endian); the
	// others are text (SQLite gives integers as decimal text).
	binary []bool
}

// Bytes is the value of column i (text columns), nil for NULL.
func (r rawRow) Bytes(i int) []byte { return r.vals[i] }

// Int is the integer of column i.
func (r rawRow) Int(i int) (int64, error) {
	b := r.vals[i]
	if r.binary != nil && r.binary[i] {
		switch len(b) {
		case 8:
			return int64(binary.BigEndian.Uint64(b)), nil
		case 4:
			return int64(int32(binary.BigEndian.Uint32(b))), nil
		case 2:
			return int64(int16(binary.BigEndian.Uint16(b))), nil
		}
		return 0, fmt.Errorf("column %d: %d bytes for an integer", i, len(b))
	}
	var n int64
	neg := len(b) > 0 && b[0] == '-'
	digits := b
	if neg {
		digits = b[1:]
	}
	if len(digits) == 0 || len(digits) > 18 {
		return strconv.ParseInt(string(b), 10, 64)
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("column %d: %q is not an integer", i, b)
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, nil
}
