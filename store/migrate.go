package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// A migration is migrations/NNNN_name.sql, shared by both engines, or, when their DDL
// must differ, NNNN_name.sqlite.sql and NNNN_name.postgres.sql. Either way it is
// recorded as "migrations/NNNN_name.sql", the name the two stores of earlier releases
// recorded, so that their databases upgrade in place.
type migration struct {
	name string // as recorded in giamngheo_migrations
	file string // in migrationFS
}

// migrations lists the migrations of engine, in order.
func migrations(engine string) ([]migration, error) {
	files, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, f := range files {
		base := strings.TrimSuffix(f, ".sql")
		switch {
		case strings.HasSuffix(base, "."+engine):
			out = append(out, migration{name: strings.TrimSuffix(base, "."+engine) + ".sql", file: f})
		case !strings.Contains(strings.TrimPrefix(base, "migrations/"), "."):
			out = append(out, migration{name: f, file: f})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	for i := 1; i < len(out); i++ {
		if out[i].name == out[i-1].name {
			return nil, fmt.Errorf("migration %s is both shared and for %s", out[i].name, engine)
		}
	}
	return out, nil
}

// Migrate applies the pending embedded migrations in order, each in its own
// transaction, recording them in giamngheo_migrations. It returns the names applied.
func (db *DB) Migrate(ctx context.Context) ([]string, error) {
	if _, err := db.writer.ExecContext(ctx, db.dialect.migrationsTableSQL()); err != nil {
		return nil, fmt.Errorf("create migrations table: %w", err)
	}
	pending, err := db.pending(ctx)
	if err != nil {
		return nil, err
	}
	var applied []string
	for _, m := range pending {
		body, err := migrationFS.ReadFile(m.file)
		if err != nil {
			return applied, err
		}
		err = db.WithTx(ctx, func(ctx context.Context) error {
			ctx = context.WithValue(ctx, migratingKey{}, m.name)
			tx := txFrom(ctx)
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			// Data a migration's SQL cannot make (issue 14: the roll-ups of 0007).
			if after := afterMigration[m.name]; after != nil {
				if err := after(ctx, db); err != nil {
					return fmt.Errorf("migration %s: %w", m.name, err)
				}
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO giamngheo_migrations (name, applied_at) VALUES ($1, $2)`, m.name, db.t(time.Now()))
			return err
		})
		if err != nil {
			return applied, err
		}
		applied = append(applied, m.name)
	}
	return applied, nil
}

// migratingKey marks the context of a migration with its name (rollupmemo.go: the
// migrations before the roll-up stamp rebuild roll-ups without it).
type migratingKey struct{}

// Pending returns the names of the embedded migrations not yet applied.
func (db *DB) Pending(ctx context.Context) ([]string, error) {
	ms, err := db.pending(ctx)
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = m.name
	}
	return names, err
}

func (db *DB) pending(ctx context.Context) ([]migration, error) {
	all, err := migrations(db.dialect.name())
	if err != nil {
		return nil, err
	}
	var tables, ours int
	if err := db.r(ctx).QueryRowContext(ctx, db.dialect.tablesSQL()).Scan(&tables, &ours); err != nil || ours == 0 {
		return all, err
	}
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT name FROM giamngheo_migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	done := map[string]bool{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		done[n] = true
	}
	var out []migration
	for _, m := range all {
		if !done[m.name] {
			out = append(out, m)
		}
	}
	return out, rows.Err()
}
