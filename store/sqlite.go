package store

// The SQLite side of the dialect seam: the embedded store, one file run as a production
// database (WAL journal, foreign keys on, a busy timeout, one writer connection and a
// pool of readers), and its bulk path (multi-row INSERTs, indexes built after the rows:
// docs/adr/0006).

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"runtime"
	"strings"
	"time"
	"unicode/utf8"

	"giamngheo"
	"giamngheo/registry"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

type sqliteDialect struct{}

// OpenSQLite opens (creating when missing) the database file at path. It refuses a
// file that is not an SQLite database or is another application's database.
func OpenSQLite(ctx context.Context, path string) (*DB, error) {
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
	w, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	// Exactly one writer connection: SQLite has one writer at a time, and a second
	// would wait on busy_timeout instead of on the pool.
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	db := &DB{dialect: sqliteDialect{}, source: path, writer: w, reader: w}
	var n int
	if err := w.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master`).Scan(&n); err != nil {
		w.Close()
		if strings.Contains(err.Error(), "not a database") || strings.Contains(err.Error(), "malformed") {
			return nil, giamngheo.Errorf(giamngheo.EINVALID,
				"Tệp %s không phải là cơ sở dữ liệu SQLite hoặc đã hỏng.", "File %s is not an SQLite database or is damaged.", path)
		}
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Không mở được cơ sở dữ liệu %s: %v", "Cannot open database %s: %v", path, err)
	}
	if err := db.open(ctx); err != nil {
		w.Close()
		return nil, err
	}
	r, err := sql.Open("sqlite", dsn+"&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, err
	}
	// Readers are cheap in WAL mode; a simulation holds up to 4 of them (simulate's
	// partSlots) and the pages need theirs meanwhile.
	// As many kept idle as may be open: a connection closed after each burst of
	// requests (database/sql keeps 2 by default) is opened again with its pragmas and
	// the schema parsed, and its prepared statements are lost.
	readers := max(8, runtime.NumCPU()*2)
	r.SetMaxOpenConns(readers)
	r.SetMaxIdleConns(readers)
	db.reader = r
	db.cached = newStmtCache(r)
	return db, nil
}

func (sqliteDialect) name() string { return "sqlite" }

// IMMEDIATE takes the write lock at BEGIN: a deferred transaction that reads first
// could not upgrade to a writer when another has written since (SQLITE_BUSY).
func (sqliteDialect) beginSQL() string { return "BEGIN IMMEDIATE" }

// SQLite has no time type: times are text in a fixed-width UTC layout (text order is
// time order, as comparisons in SQL need).
func (sqliteDialect) timeArg(t time.Time) any { return fmtTime(t) }

// SQLite's LIKE is already case-insensitive (for ASCII) and has no ILIKE.
func (sqliteDialect) ilike() string { return "LIKE" }

// SQLite has no arrays: one parameter per value.
func (sqliteDialect) params(from, n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func (d sqliteDialect) anyOfTexts(col string, vals []string) (string, []any) {
	return d.anyOf(col, vals)
}

func (sqliteDialect) anyOf(col string, vals any) (string, []any) {
	var args []any
	switch v := vals.(type) {
	case []string:
		for _, x := range v {
			args = append(args, x)
		}
	case []int64:
		for _, x := range v {
			args = append(args, x)
		}
	}
	if len(args) > anyOfListMax {
		// One JSON array instead of a parameter per value: a province's scope is a few
		// hundred commune codes on every page, and each parameter costs its share of
		// preparing and binding the statement (issue 13 item 8). The planner reads
		// IN (SELECT …) as it reads an IN list.
		b, err := json.Marshal(vals)
		if err == nil {
			return col + " IN (SELECT value FROM json_each(?))", []any{string(b)}
		}
	}
	return col + " IN (" + strings.TrimSuffix(strings.Repeat("?,", len(args)), ",") + ")", args
}

func (sqliteDialect) startsWith(col, prefix string) (string, []any) {
	if prefix == "" || prefix[len(prefix)-1] == 0xff {
		return fmt.Sprintf("substr(%s, 1, %d) = ?", col, utf8.RuneCountInString(prefix)), []any{prefix}
	}
	// SQLite compares TEXT by bytes (BINARY): the strings beginning with prefix are
	// those from prefix up to prefix with its last byte raised by one, excluded.
	upper := prefix[:len(prefix)-1] + string([]byte{prefix[len(prefix)-1] + 1})
	return "(" + col + " >= ? AND " + col + " < ?)", []any{prefix, upper}
}

// anyOfListMax is the longest "one of" list written as parameters.
const anyOfListMax = 16

// SQLite's planner keeps the order of the tables around a CROSS JOIN.
// A search reads the FTS5 index of households.search (migration 0012) in rowid order,
// as the outer loop, and stops at the page. The words are a phrase, the last one a
// prefix: "tran thi ho" finds Trần Thị Hoa and Trần Thị Hồng. The last word's
// completions (searchCompletions) are each searched as a whole word (one phrase per
// completion, OR), which FTS5 reads lazily; its own prefix query would merge the
// doclists of every completion first (https://sqlite.org/fts5.html). Words are
// [a-z0-9]+ (searchWords): nothing in them needs quoting.
func (sqliteDialect) search(ctx context.Context, db *DB, words []string) (string, string, any, string, error) {
	const from, cond, id = "households_fts CROSS JOIN households ON households.id = households_fts.rowid", "households_fts MATCH ?", "households_fts.rowid"
	c, err := db.searchCompletions(ctx, words)
	if err != nil {
		return "", "", nil, "", err
	}
	phrases := make([]string, len(c.lasts))
	for i, w := range c.lasts {
		phrases[i] = `"` + strings.Join(append(c.head[:len(c.head):len(c.head)], w), " ") + `"`
	}
	if c.prefix {
		// No completion known, or too many to list: FTS5's prefix query.
		return from, cond, phrases[0] + "*", id, nil
	}
	return from, cond, strings.Join(phrases, " OR "), id, nil
}

// SQLite binds parameters cheaply: multi-row INSERTs.
func (sqliteDialect) insertRows(ctx context.Context, db *DB, table string, cols []string, n int, row func(i int) []any) error {
	return db.insertValues(ctx, table, cols, n, row)
}

// noteSearchWords adds the words of texts (search texts without their grams:
// plainSearch) to search_words, numbers left out.
func (sqliteDialect) noteSearchWords(ctx context.Context, q querier, texts []string) error {
	words := textWords(texts)
	for start := 0; start < len(words); start += 500 {
		chunk := words[start:min(len(words), start+500)]
		args := make([]any, len(chunk))
		for i, w := range chunk {
			args[i] = w
		}
		if _, err := q.ExecContext(ctx, `INSERT INTO search_words (word) VALUES `+strings.TrimSuffix(strings.Repeat("(?),", len(chunk)), ",")+
			` ON CONFLICT (word) DO NOTHING`, args...); err != nil {
			return err
		}
	}
	return nil
}

func (sqliteDialect) fixedJoin() string { return "CROSS JOIN" }

// eachRaw scans the rows into raw bytes (integers as decimal text).
func (sqliteDialect) eachRaw(ctx context.Context, db *DB, query string, fn func(rawRow) error) error {
	rows, err := db.r(ctx).QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	raw := make([]sql.RawBytes, len(cols))
	dest := make([]any, len(cols))
	for i := range raw {
		dest[i] = &raw[i]
	}
	r := rawRow{vals: make([][]byte, len(cols))}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		for i, b := range raw {
			r.vals[i] = b
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (sqliteDialect) reads(q querier) querier { return q }

// lockMaintainedSQL: BEGIN IMMEDIATE already holds the database's only write lock.
func (sqliteDialect) lockMaintainedSQL() string { return "" }

// personsOf counts each household's members through the index on members(household_id).
func (sqliteDialect) personsOf() (string, string) {
	return "", `(SELECT count(*) FROM members m WHERE m.household_id = h.id)`
}

// The extended result codes of modernc.org/sqlite (on by default).
func (sqliteDialect) violation(err error) string {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return "unique"
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return "foreign"
		}
	}
	return ""
}

// The schema is in sqlite_master.
func (sqliteDialect) tablesSQL() string {
	return `SELECT count(*), count(*) FILTER (WHERE name = 'giamngheo_migrations') FROM sqlite_master WHERE type = 'table'`
}

// No time type (see timeArg): applied_at is text.
func (sqliteDialect) migrationsTableSQL() string {
	return `CREATE TABLE IF NOT EXISTS giamngheo_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`
}

// SQLite has no information_schema.
func (sqliteDialect) columnsSQL() string {
	return `SELECT name FROM pragma_table_info($1) ORDER BY cid`
}

// An import large against the table builds the secondary indexes of households and
// members after its rows instead of updating them row by row: the members' national
// IDs are random keys, so each insert lands on another page of a B-tree far larger
// than the page cache (docs/benchmarks.md), and a file that is not in commune order
// does the same to the households' indexes. Kept: the indexes of constraints (the
// unique household code, checked as rows arrive) and members_household, which the
// import appends to in order and the reorder reads.
//
// The triggers that keep the search index (households_fts, migration 0012) are
// dropped with them, and the search index is rebuilt once at the end: row by row it
// would cost a trigram insert per household inside the import.
const deferredIndexesSQL = `SELECT name, sql, type FROM sqlite_master WHERE sql IS NOT NULL AND (
		(type = 'index' AND tbl_name IN ('households', 'members') AND name <> 'members_household')
		OR (type = 'trigger' AND tbl_name = 'households' AND name LIKE 'households_fts_%'))
	ORDER BY type, name`

// rebuildSearchSQL fills the search index again from households.search.
const rebuildSearchSQL = `INSERT INTO households_fts (households_fts) VALUES ('rebuild')`

// compactSearch merges the search index's segments into one (FTS5 'optimize'). A
// rebuild or a rewrite of every row leaves a dozen, and a search reads each one for
// each word: a head's name at 50 clients took 170–180 ms at p99 on the
// 650,000-household province with 13 segments and 90–113 ms with one. Merging them
// took 5 s there.
func (sqliteDialect) compactSearch(ctx context.Context, q querier) error {
	_, err := q.ExecContext(ctx, `INSERT INTO households_fts (households_fts) VALUES ('optimize')`)
	return err
}

// An import defers indexes when it brings at least this many members, and at least an
// eighth of the members already stored: below that, updating the index in place costs
// less than rebuilding it over the whole table.
const deferMinMembers = 10000

// A large import drops the deferred indexes inside its transaction (finishImport
// creates them again from the definitions kept in the mark; a rollback restores them
// untouched). PostgreSQL does not: see its beginImport.
func (sqliteDialect) beginImport(ctx context.Context, db *DB, conn *sql.Conn, expectedMembers int64, m *registry.ImportMark) error {
	if expectedMembers < deferMinMembers || expectedMembers*8 < m.Member {
		return nil
	}
	rows, err := conn.QueryContext(ctx, deferredIndexesSQL)
	if err != nil {
		return err
	}
	var names []string
	for rows.Next() {
		var name, def, typ string
		if err := rows.Scan(&name, &def, &typ); err != nil {
			rows.Close()
			return err
		}
		names = append(names, typ+" "+name)
		m.Deferred = append(m.Deferred, def)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, name := range names {
		if _, err := conn.ExecContext(ctx, `DROP `+name); err != nil {
			return err
		}
	}
	return nil
}

// finishImport reorders (before the deferred indexes are back, so that the rewrite
// does not update them) and rebuilds the deferred indexes.
func (d sqliteDialect) finishImport(ctx context.Context, db *DB, conn *sql.Conn, m registry.ImportMark, reorder bool) error {
	if reorder {
		if err := d.reorder(ctx, db, conn, m); err != nil {
			return err
		}
	}
	rebuilt := false
	for _, def := range m.Deferred {
		if !rebuilt && strings.HasPrefix(def, "CREATE TRIGGER households_fts_") {
			// The triggers come after the indexes (ORDER BY type): the search index is
			// rebuilt once from the rows, then kept by the triggers again.
			if _, err := conn.ExecContext(ctx, rebuildSearchSQL); err != nil {
				return err
			}
			if err := d.compactSearch(ctx, conn); err != nil {
				return err
			}
			rebuilt = true
		}
		if _, err := conn.ExecContext(ctx, def); err != nil {
			return err
		}
	}
	return nil
}

// reorder rewrites the households created since m, and their members, in commune order.
// SQLite is a single writer: every household above the mark is this import's. They take
// the same ids again, in commune order; their members are written again after them,
// household by household, with new ids.
func (sqliteDialect) reorder(ctx context.Context, db *DB, conn *sql.Conn, m registry.ImportMark) error {
	hcols, mcols, err := db.reorderColumns(ctx)
	if err != nil {
		return err
	}
	err = execSteps(ctx, conn, m.Household,
		`DROP TABLE IF EXISTS temp.reorder_map`,
		`DROP TABLE IF EXISTS temp.reorder_households`,
		`DROP TABLE IF EXISTS temp.reorder_members`,
		`CREATE TEMP TABLE reorder_map (old_id INTEGER PRIMARY KEY, new_id INTEGER NOT NULL)`,
		`INSERT INTO temp.reorder_map SELECT id, $1 + row_number() OVER (ORDER BY commune_code, id) FROM households WHERE id > $1`,
		`CREATE TEMP TABLE reorder_households AS SELECT r.new_id AS new_id, `+prefixed("h.", hcols)+`
			FROM temp.reorder_map r JOIN households h ON h.id = r.old_id ORDER BY r.new_id`,
		`CREATE TEMP TABLE reorder_members AS SELECT r.new_id AS new_household_id, `+prefixed("m.", mcols)+`
			FROM temp.reorder_map r JOIN members m ON m.household_id = r.old_id ORDER BY r.new_id, m.seq`)
	if err != nil {
		return err
	}
	// The old rows go in slices of households: a DELETE gathers the rowids it removes in
	// memory first (about 20 bytes each, 45 MB for a province's members at once).
	var top int64
	if err := conn.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM households`).Scan(&top); err != nil {
		return err
	}
	for lo := m.Household; lo < top; lo += reorderSlice {
		hi := min(lo+reorderSlice, top)
		if _, err := conn.ExecContext(ctx, `DELETE FROM members WHERE household_id > $1 AND household_id <= $2`, lo, hi); err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, `DELETE FROM households WHERE id > $1 AND id <= $2`, lo, hi); err != nil {
			return err
		}
	}
	return execSteps(ctx, conn, m.Household,
		`INSERT INTO households (id, `+hcols+`) SELECT new_id, `+hcols+` FROM temp.reorder_households ORDER BY rowid`,
		`INSERT INTO members (household_id, `+mcols+`) SELECT new_household_id, `+mcols+` FROM temp.reorder_members ORDER BY rowid`,
		`DROP TABLE temp.reorder_map`,
		`DROP TABLE temp.reorder_households`,
		`DROP TABLE temp.reorder_members`)
}

// reorderSlice is how many households a DELETE of the reorder removes at once.
var reorderSlice int64 = 20000

// Bulk inserts: rows per multi-row INSERT statement. A statement per row costs a
// round through database/sql and the VDBE, and a statement journal of every page it
// touches (the foreign keys make each statement abortable); many rows per statement
// share both. Both stay well under SQLite's 32,766 bound variables.
const (
	householdsPerInsert = 50  // × len(householdColumns) columns
	membersPerInsert    = 100 // × 11 columns
)

// SQLite has no COPY: the rows go in with multi-row INSERTs and no RETURNING. Ids are
// assigned up front, as on PostgreSQL: the transaction holds the only writer, so the
// next ids are max(id)+1… exactly as SQLite would choose them.
func (sqliteDialect) importHouseholds(ctx context.Context, db *DB, conn *sql.Conn, hs []*registry.Household) (err error) {
	if len(hs) > 1 {
		// Without this, every multi-row INSERT (abortable: foreign keys, unique keys)
		// copies each page it touches to a statement journal first: a tenth of the
		// time of a province, spent on the members' national-ID index. With the
		// foreign keys checked at commit and OR FAIL (a failed statement keeps the
		// rows before the failing one, and the caller's transaction rolls back
		// anyway) no statement journal is needed. The references are ours: members
		// to the households just inserted, and no village for an imported household.
		var deferred bool
		if err := conn.QueryRowContext(ctx, `PRAGMA defer_foreign_keys`).Scan(&deferred); err != nil {
			return err
		}
		if !deferred {
			if _, err := conn.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
				return err
			}
			defer conn.ExecContext(ctx, `PRAGMA defer_foreign_keys = OFF`)
		}
	}
	var hid, mid int64
	if err := conn.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(id), 0) FROM households), (SELECT coalesce(max(id), 0) FROM members)`).Scan(&hid, &mid); err != nil {
		return err
	}
	// The words of the search texts go to search_words (the last word of a search).
	texts := make([]string, 0, len(hs))
	defer func() {
		if err == nil {
			err = sqliteDialect{}.noteSearchWords(ctx, conn, texts)
		}
	}()
	hb := &bulk{conn: conn, head: insertHouseholdsHead, cols: len(householdColumns), per: householdsPerInsert, fullSQL: insertHouseholdsFull}
	mb := &bulk{conn: conn, head: insertMembersHead, cols: 11, per: membersPerInsert, fullSQL: insertMembersFull}
	defer hb.close()
	defer mb.close()
	for start := 0; start < len(hs); start += householdsPerInsert {
		chunk := hs[start:min(len(hs), start+householdsPerInsert)]
		for _, h := range chunk {
			hid++
			args, err := db.householdArgs(h)
			if err != nil {
				return err
			}
			texts = append(texts, plainSearch(args[8].(string)))
			hb.add(hid)
			hb.add(args...)
		}
		if err := hb.flush(ctx, len(chunk)); err != nil {
			if db.dialect.violation(err) == "unique" {
				return giamngheo.Errorf(giamngheo.ECONFLICT, msgCodeTaken, msgCodeTakenEN, conflictingCode(ctx, conn, chunk))
			}
			return db.formatError(err)
		}
		// The ids are set only once the rows are in.
		id := hid - int64(len(chunk))
		for _, h := range chunk {
			id++
			h.ID = id
			for i := range h.Members {
				mid++
				h.Members[i].ID = mid
				row, err := memberRow(h, i)
				if err != nil {
					return err
				}
				mb.add(row...)
				if mb.n == membersPerInsert {
					if err := mb.flush(ctx, mb.n); err != nil {
						return db.formatError(err)
					}
				}
			}
		}
	}
	return db.formatError(mb.flush(ctx, mb.n))
}

// OR FAIL: see the foreign keys deferred in importHouseholds.
var (
	insertHouseholdsHead = `INSERT OR FAIL INTO households (` + strings.Join(householdColumns, ", ") + `) VALUES `
	insertMembersHead    = `INSERT OR FAIL INTO members (` + strings.Join(memberColumns, ", ") + `) VALUES `
)

// The statements for full chunks, built once: a transaction keeps every statement
// prepared in it, with its text, until it ends, and an import prepares two per batch.
var (
	insertHouseholdsFull = (&bulk{head: insertHouseholdsHead, cols: len(householdColumns)}).sql(householdsPerInsert)
	insertMembersFull    = (&bulk{head: insertMembersHead, cols: 11}).sql(membersPerInsert)
)

// bulk gathers the values of rows for a multi-row INSERT.
type bulk struct {
	conn      *sql.Conn
	head      string
	fullSQL   string // sql(per)
	cols, per int
	full      *sql.Stmt // the statement for per rows, prepared once
	args      []any
	n         int // rows gathered (counted by the caller through add of whole rows)
}

// add appends values; a row is complete when cols values have been added.
func (b *bulk) add(vals ...any) {
	b.args = append(b.args, vals...)
	b.n = len(b.args) / b.cols
}

// flush inserts the n gathered rows.
func (b *bulk) flush(ctx context.Context, n int) error {
	if n == 0 {
		return nil
	}
	defer func() { b.args, b.n = b.args[:0], 0 }()
	if n == b.per {
		if b.full == nil {
			st, err := b.conn.PrepareContext(ctx, b.fullSQL)
			if err != nil {
				return err
			}
			b.full = st
		}
		_, err := b.full.ExecContext(ctx, b.args...)
		return err
	}
	_, err := b.conn.ExecContext(ctx, b.sql(n), b.args...)
	return err
}

// sql is the INSERT of n rows; plain '?' parameters, the cheapest for SQLite to bind.
func (b *bulk) sql(n int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", b.cols), ",") + ")"
	return b.head + strings.TrimSuffix(strings.Repeat(row+",", n), ",")
}

func (b *bulk) close() {
	if b.full != nil {
		b.full.Close()
	}
}

// conflictingCode names the household of chunk whose code is taken: one already
// stored in its province, or one that repeats an earlier code of the chunk.
func conflictingCode(ctx context.Context, conn *sql.Conn, chunk []*registry.Household) string {
	seen := map[string]bool{}
	for _, h := range chunk {
		k := h.ProvinceCode + "/" + h.Code
		if seen[k] {
			return h.Code
		}
		seen[k] = true
		var one int
		if err := conn.QueryRowContext(ctx, `SELECT 1 FROM households WHERE province_code = $1 AND code = $2`, h.ProvinceCode, h.Code).Scan(&one); err == nil {
			return h.Code
		}
	}
	return chunk[0].Code
}
