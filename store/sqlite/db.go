// Package sqlite is the embedded store: one SQLite file (modernc.org/sqlite, pure Go),
// run as a production database: WAL journal, foreign keys on, a busy timeout, one
// writer connection and a pool of readers. It only persists: the use cases live in the
// domain services.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"runtime"
	"sort"
	"strings"
	"time"

	"giamngheo"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// DB is the SQLite store.
type DB struct {
	Path   string
	writer *sql.DB // exactly one connection: SQLite has one writer at a time
	reader *sql.DB // read-only pool
}

// Open opens (creating when missing) the database file at path. It refuses a file
// that is not an SQLite database or is another application's database.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Chưa chỉ định tệp cơ sở dữ liệu.", "No database file given.")
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "%s là một thư mục, không phải tệp cơ sở dữ liệu.", "%s is a directory, not a database file.", path)
	}
	// Pragmas: busy_timeout first so that the others wait rather than fail
	// (https://www.sqlite.org/pragma.html#pragma_busy_timeout); WAL lets readers run
	// beside the writer; foreign keys are off by default in SQLite and must be on;
	// synchronous=NORMAL is safe in WAL mode (no corruption, at most the last
	// transactions lost on power failure).
	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "foreign_keys(1)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	dsn := "file:" + path + "?" + q.Encode()
	w, err := sql.Open("sqlite", dsn+"&_txlock=immediate")
	if err != nil {
		return nil, err
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	db := &DB{Path: path, writer: w}
	if err := db.check(ctx); err != nil {
		w.Close()
		return nil, err
	}
	r, err := sql.Open("sqlite", dsn+"&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, err
	}
	r.SetMaxOpenConns(max(4, runtime.NumCPU()*2))
	db.reader = r
	return db, nil
}

// check verifies that the file is an SQLite database and, if it has tables, ours.
func (db *DB) check(ctx context.Context) error {
	var n int
	err := db.writer.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master`).Scan(&n)
	if err != nil {
		if strings.Contains(err.Error(), "not a database") || strings.Contains(err.Error(), "malformed") {
			return giamngheo.Errorf(giamngheo.EINVALID,
				"Tệp %s không phải là cơ sở dữ liệu SQLite hoặc đã hỏng.", "File %s is not an SQLite database or is damaged.", db.Path)
		}
		return giamngheo.Errorf(giamngheo.EINVALID, "Không mở được cơ sở dữ liệu %s: %v", "Cannot open database %s: %v", db.Path, err)
	}
	if n == 0 {
		return nil
	}
	var ours int
	if err := db.writer.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type='table' AND name='giamngheo_migrations'`).Scan(&ours); err != nil {
		return err
	}
	if ours == 0 {
		return giamngheo.Errorf(giamngheo.EINVALID,
			"Tệp %s là cơ sở dữ liệu của ứng dụng khác (không có bảng giamngheo_migrations); không thay đổi gì.",
			"File %s is another application's database (no giamngheo_migrations table); nothing was changed.", db.Path)
	}
	return nil
}

// Close closes both pools.
func (db *DB) Close() error {
	var errs []error
	if db.reader != nil {
		errs = append(errs, db.reader.Close())
	}
	if db.writer != nil {
		errs = append(errs, db.writer.Close())
	}
	return errors.Join(errs...)
}

// Dialect names the store.
func (db *DB) Dialect() string { return "sqlite" }

// Migrate applies the pending embedded migrations in order, each in its own
// transaction, recording them in giamngheo_migrations. It returns the names applied.
func (db *DB) Migrate(ctx context.Context) ([]string, error) {
	if _, err := db.writer.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS giamngheo_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return nil, fmt.Errorf("create migrations table: %w", err)
	}
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var applied []string
	for _, name := range names {
		var n int
		if err := db.writer.QueryRowContext(ctx, `SELECT count(*) FROM giamngheo_migrations WHERE name = ?`, name).Scan(&n); err != nil {
			return applied, err
		}
		if n > 0 {
			continue
		}
		body, err := migrationFS.ReadFile(name)
		if err != nil {
			return applied, err
		}
		err = db.WithTx(ctx, func(ctx context.Context) error {
			tx := txFrom(ctx)
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return fmt.Errorf("migration %s: %w", name, err)
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO giamngheo_migrations (name, applied_at) VALUES (?, ?)`, name, fmtTime(time.Now()))
			return err
		})
		if err != nil {
			return applied, err
		}
		applied = append(applied, name)
	}
	return applied, nil
}

// Pending returns the embedded migrations not yet applied.
func (db *DB) Pending(ctx context.Context) ([]string, error) {
	names, _ := fs.Glob(migrationFS, "migrations/*.sql")
	var pending []string
	for _, name := range names {
		var n int
		err := db.reader.QueryRowContext(ctx, `SELECT count(*) FROM giamngheo_migrations WHERE name = ?`, name).Scan(&n)
		if err != nil && !strings.Contains(err.Error(), "no such table") {
			return nil, err
		}
		if n == 0 {
			pending = append(pending, name)
		}
	}
	return pending, nil
}

type txKey struct{}

func txFrom(ctx context.Context) *sql.Tx {
	tx, _ := ctx.Value(txKey{}).(*sql.Tx)
	return tx
}

// WithTx runs fn in a write transaction (BEGIN IMMEDIATE on the writer connection).
// A nested call joins the outer transaction.
func (db *DB) WithTx(ctx context.Context, fn func(ctx context.Context) error) error {
	if txFrom(ctx) != nil {
		return fn(ctx)
	}
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(context.WithValue(ctx, txKey{}, tx)); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return formatError(fmt.Errorf("commit: %w", err))
	}
	return nil
}

type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// r returns what reads should use: the transaction in ctx, or the reader pool.
func (db *DB) r(ctx context.Context) querier {
	if tx := txFrom(ctx); tx != nil {
		return tx
	}
	return db.reader
}

// w returns what writes should use: the transaction in ctx, or the writer.
func (db *DB) w(ctx context.Context) querier {
	if tx := txFrom(ctx); tx != nil {
		return tx
	}
	return db.writer
}

// formatError turns constraint violations into ECONFLICT.
func formatError(err error) error {
	if err == nil {
		return nil
	}
	s := err.Error()
	if strings.Contains(s, "UNIQUE constraint failed") || strings.Contains(s, "PRIMARY KEY") && strings.Contains(s, "constraint") {
		return &giamngheo.Error{Code: giamngheo.ECONFLICT, Message: "Bản ghi đã tồn tại (trùng khóa).", MessageEN: "The record already exists (duplicate key)."}
	}
	if strings.Contains(s, "FOREIGN KEY constraint failed") {
		return &giamngheo.Error{Code: giamngheo.EINVALID, Message: "Bản ghi tham chiếu đến dữ liệu không tồn tại.", MessageEN: "The record refers to data that does not exist."}
	}
	return err
}

const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

func fmtTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
