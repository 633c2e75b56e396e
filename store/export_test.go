package store

import (
	"context"
	"database/sql"
	"fmt"
)

// execRaw runs a statement on a file with no checks (tests build foreign files with it).
func ExecRawForTest(path, stmt string) error {
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec(stmt)
	return err
}

// The suite's imports are a few households: slices of two make the reorder delete in
// several slices, as a province's does.
func init() { reorderSlice = 2 }

// ReleasedMigrationForTest returns the embedded text of the migration recorded as name
// on engine.
func ReleasedMigrationForTest(engine, name string) (string, error) {
	ms, err := migrations(engine)
	if err != nil {
		return "", err
	}
	for _, m := range ms {
		if m.name == name {
			b, err := migrationFS.ReadFile(m.file)
			return string(b), err
		}
	}
	return "", fmt.Errorf("no migration %s for %s", name, engine)
}

// ExecForTest runs a statement on the writer, outside any use case: the suite uses it
// to try what no code path should do (storetest: the audit log is append-only).
func (db *DB) ExecForTest(ctx context.Context, query string, args ...any) error {
	_, err := db.writer.ExecContext(ctx, query, args...)
	return err
}

// MigrationNamesForTest returns the names every migration of engine is recorded as, in
// order.
func MigrationNamesForTest(engine string) []string {
	ms, err := migrations(engine)
	if err != nil {
		panic(err)
	}
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = m.name
	}
	return names
}

// QueryStringForTest reads one text value on the reader.
func (db *DB) QueryStringForTest(ctx context.Context, query string, args ...any) (string, error) {
	var s string
	err := db.reader.QueryRowContext(ctx, query, args...).Scan(&s)
	return s, err
}
