// Package postgres is the production store for a country: PostgreSQL through pgx's
// database/sql driver. Large tables carry the province code so that the same schema can
// be distributed by it on Citus. It only persists: use cases live in the domain services.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"giamngheo"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// DB is the PostgreSQL store.
type DB struct {
	DSN string
	db  *sql.DB
}

// Open connects to the database named by a postgres:// DSN and checks that it is
// reachable and empty or ours.
func Open(ctx context.Context, dsn string) (*DB, error) {
	if _, err := pgconn.ParseConfig(dsn); err != nil {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Chuỗi kết nối PostgreSQL không hợp lệ: %v", "Invalid PostgreSQL connection string: %v", err)
	}
	sqldb, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Chuỗi kết nối PostgreSQL không hợp lệ: %v", "Invalid PostgreSQL connection string: %v", err)
	}
	sqldb.SetMaxOpenConns(16)
	db := &DB{DSN: dsn, db: sqldb}
	if err := sqldb.PingContext(ctx); err != nil {
		sqldb.Close()
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Không kết nối được PostgreSQL (%s): %v", "Cannot connect to PostgreSQL (%s): %v", redact(dsn), err)
	}
	var tables, ours int
	if err := sqldb.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE table_name = 'giamngheo_migrations')
		FROM information_schema.tables WHERE table_schema = current_schema()`).Scan(&tables, &ours); err != nil {
		sqldb.Close()
		return nil, err
	}
	if tables > 0 && ours == 0 {
		sqldb.Close()
		return nil, giamngheo.Errorf(giamngheo.EINVALID,
			"Cơ sở dữ liệu %s là của ứng dụng khác (không có bảng giamngheo_migrations); không thay đổi gì.",
			"Database %s belongs to another application (no giamngheo_migrations table); nothing was changed.", redact(dsn))
	}
	return db, nil
}

// redact hides the password of a DSN for messages.
func redact(dsn string) string {
	cfg, err := pgconn.ParseConfig(dsn)
	if err != nil {
		return "?"
	}
	return fmt.Sprintf("%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
}

// Close closes the pool.
func (db *DB) Close() error { return db.db.Close() }

// Dialect names the store.
func (db *DB) Dialect() string { return "postgres" }

// Migrate applies pending embedded migrations, each in one transaction.
func (db *DB) Migrate(ctx context.Context) ([]string, error) {
	if _, err := db.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS giamngheo_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`); err != nil {
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
		if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM giamngheo_migrations WHERE name = $1`, name).Scan(&n); err != nil {
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
			_, err := tx.ExecContext(ctx, `INSERT INTO giamngheo_migrations (name) VALUES ($1)`, name)
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
		err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM giamngheo_migrations WHERE name = $1`, name).Scan(&n)
		if err != nil && !strings.Contains(err.Error(), "does not exist") {
			return nil, err
		}
		if n == 0 {
			pending = append(pending, name)
		}
	}
	return pending, nil
}

type txKey struct{}

// txFrom returns the connection of the transaction in ctx, or nil. Transactions run on
// a dedicated connection with BEGIN/COMMIT sent by hand (not *sql.Tx) so that bulk
// paths can reach the pgx connection underneath for COPY (see copyFrom).
func txFrom(ctx context.Context) *sql.Conn {
	c, _ := ctx.Value(txKey{}).(*sql.Conn)
	return c
}

// WithTx runs fn in a transaction; a nested call joins the outer one.
func (db *DB) WithTx(ctx context.Context, fn func(ctx context.Context) error) (err error) {
	if txFrom(ctx) != nil {
		return fn(ctx)
	}
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
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
		return formatError(fmt.Errorf("commit: %w", err))
	}
	committed = true
	return nil
}

type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// q returns the transaction in ctx, or the pool.
func (db *DB) q(ctx context.Context) querier {
	if tx := txFrom(ctx); tx != nil {
		return tx
	}
	return db.db
}

// formatError turns constraint violations into application errors.
func formatError(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505":
			return &giamngheo.Error{Code: giamngheo.ECONFLICT, Message: "Bản ghi đã tồn tại (trùng khóa).", MessageEN: "The record already exists (duplicate key)."}
		case "23503":
			return &giamngheo.Error{Code: giamngheo.EINVALID, Message: "Bản ghi tham chiếu đến dữ liệu không tồn tại.", MessageEN: "The record refers to data that does not exist."}
		}
	}
	return err
}

// where builds a WHERE clause with $n placeholders from conditions written with '?'.
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
		return "TRUE"
	}
	return strings.Join(w.conds, " AND ")
}

// next returns the next placeholder number.
func (w *where) next() string { return "$" + strconv.Itoa(len(w.args)+1) }
