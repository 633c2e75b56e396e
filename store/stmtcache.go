package store

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache is the reader pool of SQLite with each query text prepared once and kept:
// database/sql then prepares it once on each connection of the pool and reuses it.
// modernc.org/sqlite prepares every statement anew otherwise, and parsing the SQL was
// about a quarter of the CPU of a page at 50 clients (docs/benchmarks.md, issue 13
// item 8). PostgreSQL needs none: pgx keeps its own cache of prepared statements per
// connection. A statement survives schema changes (sqlite3_prepare_v2 prepares it again
// by itself when the schema has changed).
type stmtCache struct {
	pool  *sql.DB
	mu    sync.RWMutex
	stmts map[string]*sql.Stmt
}

// maxCachedStmts bounds the cache: query texts are built from a finite set of filters,
// but a list of n values is n parameters on SQLite; past the bound a query is prepared
// each time, as without the cache.
const maxCachedStmts = 2000

func newStmtCache(pool *sql.DB) *stmtCache {
	return &stmtCache{pool: pool, stmts: map[string]*sql.Stmt{}}
}

// stmt returns the prepared statement of query, or nil when it is not cached (the cache
// is full, or preparing failed: the caller then runs the query itself, which reports the
// error as before).
func (c *stmtCache) stmt(ctx context.Context, query string) *sql.Stmt {
	c.mu.RLock()
	st := c.stmts[query]
	n := len(c.stmts)
	c.mu.RUnlock()
	if st != nil || n >= maxCachedStmts {
		return st
	}
	st, err := c.pool.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old := c.stmts[query]; old != nil {
		st.Close()
		return old
	}
	if len(c.stmts) >= maxCachedStmts {
		st.Close()
		return nil
	}
	c.stmts[query] = st
	return st
}

func (c *stmtCache) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := c.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return c.pool.QueryContext(ctx, query, args...)
}

func (c *stmtCache) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := c.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return c.pool.QueryRowContext(ctx, query, args...)
}

// ExecContext is not cached: the reader pool only reads (query_only).
func (c *stmtCache) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return c.pool.ExecContext(ctx, query, args...)
}

// close closes the cached statements.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for q, st := range c.stmts {
		st.Close()
		delete(c.stmts, q)
	}
}
