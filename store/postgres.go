package store

// The PostgreSQL side of the dialect seam: the store for a country, through pgx's
// database/sql driver, and its bulk path (COPY). Large tables carry the province code
// so that the same schema can be distributed by it on Citus.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"giamngheo"
	"giamngheo/registry"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

type postgresDialect struct{}

// OpenPostgres connects to the database named by a postgres:// DSN and checks that it
// is reachable and empty or ours.
func OpenPostgres(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgconn.ParseConfig(dsn)
	if err != nil {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Chuỗi kết nối PostgreSQL không hợp lệ: %v", "Invalid PostgreSQL connection string: %v", err)
	}
	source := fmt.Sprintf("%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database) // no password in messages
	pool, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Chuỗi kết nối PostgreSQL không hợp lệ: %v", "Invalid PostgreSQL connection string: %v", err)
	}
	// One pool for reads and writes: PostgreSQL runs writers side by side (MVCC).
	pool.SetMaxOpenConns(16)
	// Kept open between requests (database/sql keeps 2 by default): a new connection
	// costs a TCP and authentication round trip, and pgx's prepared statements are per
	// connection.
	pool.SetMaxIdleConns(16)
	if err := pool.PingContext(ctx); err != nil {
		pool.Close()
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Không kết nối được PostgreSQL (%s): %v", "Cannot connect to PostgreSQL (%s): %v", source, err)
	}
	db := &DB{dialect: postgresDialect{}, source: source, writer: pool, reader: pool}
	if err := db.open(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return db, nil
}

func (postgresDialect) name() string { return "postgres" }

// Row locks are taken as rows are written; there is no database-wide write lock to take.
func (postgresDialect) beginSQL() string { return "BEGIN" }

// timestamptz takes a time.Time (sent in binary, to the microsecond).
func (postgresDialect) timeArg(t time.Time) any { return t.UTC() }

// PostgreSQL's LIKE is case-sensitive; ILIKE folds case (Vietnamese letters too).
func (postgresDialect) ilike() string { return "ILIKE" }

// One array parameter: a list of hundreds of parameters makes the cached statement's
// generic plan scan the table (0.7 s a call during an import, against milliseconds).
func (postgresDialect) params(from, n int) string { return placeholders(from, n) }

func (postgresDialect) startsWith(col, prefix string) (string, []any) {
	return fmt.Sprintf("substr(%s, 1, %d) = ?", col, utf8.RuneCountInString(prefix)), []any{prefix}
}

func (postgresDialect) anyOf(col string, vals any) (string, []any) {
	return col + " = ANY(?)", []any{vals}
}

// The values as rows of their own: the planner estimates a set-returning function's
// rows without looking at the array, so the generic plan costs the same as a custom
// one and serves every call after the fifth. The national IDs a household shares,
// read for its page: "= ANY($2)" was planned at every call, 0.4–0.8 ms, against
// 0.03 ms for the query itself (issue 13 item 8).
func (postgresDialect) anyOfTexts(col string, vals []string) (string, []any) {
	return col + " IN (SELECT unnest(?::text[]))", []any{vals}
}

// PostgreSQL chooses the join order itself (and a CROSS JOIN takes no ON clause).
// A search is a text search of households.search with the 'simple' configuration
// (the text is folded already), answered from the GIN index of migration 0012: the
// words in a row, the last one a prefix ("tran <-> thi <-> ho:*",
// https://www.postgresql.org/docs/15/textsearch-controls.html#TEXTSEARCH-PARSING-QUERIES).
func (postgresDialect) search(ctx context.Context, db *DB, words []string) (string, string, any, string, error) {
	// search_tsv is to_tsvector('simple', search), stored (migration 0025); lettered
	// words are searched by their grams (store/search.go: a pair, or the phrase of
	// triples), the last word one of its completions (migration 0027): the GIN index
	// reads a prefix by collecting every row of every word it begins before it
	// intersects them with the other words' (for a head's name, 14 ms against 3 ms for
	// the same words listed). A search of two or three words is then words OR'ed, which
	// the index answers without reading the rows again (only a phrase needs the
	// positions: a name of three words by its pairs rechecked 2,200 rows, 8.6 ms).
	c, err := db.searchCompletions(ctx, words)
	if err != nil {
		return "", "", nil, "", err
	}
	last := strings.Join(c.lasts, " | ")
	switch {
	case c.prefix:
		last += ":*"
	case len(c.lasts) > 1:
		last = "(" + last + ")"
	}
	return "households", "search_tsv @@ to_tsquery('simple', ?)", tsQuery(strings.Join(append(c.head[:len(c.head):len(c.head)], last), " <-> ")), "households.id", nil
}

// tsQuery is a search's query: the read is planned for it (planForValues). A generic
// plan of a search is made for a query it does not know; made after five searches for
// a head's name (a few hundred matches: the index, then the rows), it read the 143,000
// matches of "nguyen van" the same way, 30 s a page at 50 clients (issue 13 item 8).
type tsQuery string

// insertRows writes many rows by COPY: an import's audit, one entry a household, took
// 14 s of 169 at 650,000 households as INSERTs of 2,000 parameters (7 s for pgx to
// send them, 8 s for PostgreSQL to parse them), while the COPY of the households
// waited. Fewer than copyMinRows go as one INSERT.
func (postgresDialect) insertRows(ctx context.Context, db *DB, table string, cols []string, n int, row func(i int) []any) error {
	if n < copyMinRows {
		return db.insertValues(ctx, table, cols, n, row)
	}
	return withPgx(ctx, db.writer, func(pc *pgx.Conn) error {
		_, err := pc.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromSlice(n, func(i int) ([]any, error) {
			return row(i), nil
		}))
		return db.formatError(err)
	})
}

// copyMinRows is the fewest rows insertRows writes by COPY (a COPY asks the table's
// columns first: one round trip more than an INSERT).
const copyMinRows = 20

// noteSearchWords adds the words of texts (search texts without their grams:
// plainSearch) to search_words, numbers left out: in order, so that two writers
// adding the same new words wait for each other rather than deadlock.
func (postgresDialect) noteSearchWords(ctx context.Context, q querier, texts []string) error {
	words := textWords(texts)
	if len(words) == 0 {
		return nil
	}
	_, err := q.ExecContext(ctx, insertSearchWords, words)
	return err
}

const insertSearchWords = `INSERT INTO search_words (word) SELECT unnest($1::text[]) ON CONFLICT (word) DO NOTHING`

// The GIN index has no segments to merge (its pending list goes at the next vacuum).
func (postgresDialect) compactSearch(context.Context, querier) error { return nil }

func (postgresDialect) fixedJoin() string { return "JOIN" }

// withPgx calls fn with pgx's own connection: the transaction's when ctx has one,
// else one of pool's.
func withPgx(ctx context.Context, pool *sql.DB, fn func(*pgx.Conn) error) error {
	conn := txFrom(ctx)
	if conn == nil {
		c, err := pool.Conn(ctx)
		if err != nil {
			return err
		}
		defer c.Close()
		conn = c
	}
	return conn.Raw(func(dc any) error { return fn(dc.(*stdlib.Conn).Conn()) })
}

// eachRaw reads the rows through pgx itself, on the transaction's connection or one of
// the pool's: database/sql would make a Go value of every column.
func (postgresDialect) eachRaw(ctx context.Context, db *DB, query string, fn func(rawRow) error) error {
	return withPgx(ctx, db.reader, func(pc *pgx.Conn) error {
		rows, err := pc.Query(ctx, query)
		if err != nil {
			return err
		}
		defer rows.Close()
		var r rawRow
		for rows.Next() {
			if r.binary == nil {
				for _, fd := range rows.FieldDescriptions() {
					r.binary = append(r.binary, fd.Format == pgx.BinaryFormatCode)
				}
			}
			r.vals = rows.RawValues()
			if err := fn(r); err != nil {
				return err
			}
		}
		return rows.Err()
	})
}

// reads plans each read with two array arguments for their values (arrayPlans).
func (postgresDialect) reads(q querier) querier { return arrayPlans{q} }

// arrayPlans gives a read with two array arguments (the dialect's anyOf: a province's
// communes and a report's measures) a plan made for their values: pgx runs it as an
// unnamed statement, planned at each execution (pgx.QueryExecModeExec). A statement
// kept prepared (pgx's default) is planned generically after five executions, and
// PostgreSQL 15's generic plan takes one array into the index and tests each row
// against the other one value at a time: the roll-up cells of a province's 235
// communes took 60–90 ms instead of 20 (reports (4)–(7) of the 650,000-household
// province, issue 14 item 9). With one array the generic plan takes it into the
// index, and planning each execution (1–2 ms for 235 values) would cost more than it
// saves, so those reads keep their prepared statements.
type arrayPlans struct{ q querier }

func (a arrayPlans) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return a.q.ExecContext(ctx, query, args...)
}

func (a arrayPlans) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return a.q.QueryContext(ctx, query, planForValues(args)...)
}

func (a arrayPlans) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return a.q.QueryRowContext(ctx, query, planForValues(args)...)
}

// planForValues puts pgx.QueryExecModeExec before args holding two arrays or more, or
// a search's query (tsQuery, passed on as text).
func planForValues(args []any) []any {
	arrays, search := 0, -1
	for i, a := range args {
		switch a.(type) {
		case []string, []int64:
			arrays++
		case tsQuery:
			search = i
		}
	}
	if arrays < 2 && search < 0 {
		return args
	}
	out := append([]any{pgx.QueryExecModeExec}, args...)
	if search >= 0 {
		out[search+1] = string(args[search].(tsQuery))
	}
	return out
}

// lockMaintainedSQL: SHARE ROW EXCLUSIVE conflicts with the ROW EXCLUSIVE lock of every
// writer (and with itself: one rebuild at a time), not with readers. The tables are
// taken in the order a household's change writes them (changeHousehold: roll-ups,
// needs, flows), so that a writer of one household holding one of them never waits on
// this transaction. A transaction changing several households can still hold the needs
// (a first household whose roll-ups did not change) and then want the roll-ups: then
// PostgreSQL finds the deadlock and fails one side (40P01), which can be run again.
func (postgresDialect) lockMaintainedSQL() string {
	return `LOCK TABLE rollups, support_needs, rollup_flows IN SHARE ROW EXCLUSIVE MODE`
}

// personsOf merges the households with the members counted in one pass of their index:
// on the 650,000-household province 2.1–2.7 s against 3.1–4.1 s for a count per
// household (docs/benchmarks.md, issue 14 item 9).
func (postgresDialect) personsOf() (string, string) {
	return `LEFT JOIN (SELECT household_id, count(*) AS n FROM members GROUP BY household_id) mc ON mc.household_id = h.id`, `coalesce(mc.n, 0)`
}

// The SQLSTATE codes of class 23 (integrity constraint violation).
func (postgresDialect) violation(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505":
			return "unique"
		case "23503":
			return "foreign"
		}
	}
	return ""
}

// The tables of the schema in use (search_path), in the standard catalogue.
func (postgresDialect) tablesSQL() string {
	return `SELECT count(*), count(*) FILTER (WHERE table_name = 'giamngheo_migrations')
		FROM information_schema.tables WHERE table_schema = current_schema()`
}

// applied_at is a timestamptz (see timeArg).
func (postgresDialect) migrationsTableSQL() string {
	return `CREATE TABLE IF NOT EXISTS giamngheo_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`
}

// The standard catalogue, limited to the schema in use.
func (postgresDialect) columnsSQL() string {
	// Generated columns (households.search_tsv) are computed, never copied.
	return `SELECT column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`
}

// PostgreSQL keeps its indexes during an import: dropping one would take an exclusive
// lock on the table, and every reader of the registry would wait for the whole import.
func (postgresDialect) beginImport(context.Context, *DB, *sql.Conn, int64, *registry.ImportMark) error {
	return nil
}

// finishImport reorders, when asked, the households this transaction created since m
// (other sessions may have created households with greater ids meanwhile: xmin tells
// this transaction's rows) and their members, in commune order, with new ids taken
// from the sequence.
func (postgresDialect) finishImport(ctx context.Context, db *DB, conn *sql.Conn, m registry.ImportMark, reorder bool) error {
	if !reorder {
		return nil
	}
	hcols, mcols, err := db.reorderColumns(ctx)
	if err != nil {
		return err
	}
	return execSteps(ctx, conn, m.Household,
		`CREATE TEMP TABLE reorder_map ON COMMIT DROP AS
			SELECT id AS old_id, row_number() OVER (ORDER BY commune_code, id) AS k, 0::bigint AS new_id
			FROM households WHERE id > $1 AND xmin = pg_current_xact_id()::xid`,
		`UPDATE reorder_map r SET new_id = n.id FROM (
			SELECT row_number() OVER (ORDER BY id) AS k, id FROM (
				SELECT nextval('households_id_seq') AS id FROM generate_series(1, (SELECT count(*) FROM reorder_map))) s) n
			WHERE n.k = r.k`,
		`CREATE TEMP TABLE reorder_households ON COMMIT DROP AS SELECT r.new_id, `+prefixed("h.", hcols)+`
			FROM reorder_map r JOIN households h ON h.id = r.old_id`,
		`CREATE TEMP TABLE reorder_members ON COMMIT DROP AS SELECT r.new_id AS new_household_id, `+prefixed("m.", mcols)+`
			FROM reorder_map r JOIN members m ON m.household_id = r.old_id`,
		`DELETE FROM members WHERE household_id IN (SELECT old_id FROM reorder_map)`,
		`DELETE FROM households WHERE id IN (SELECT old_id FROM reorder_map)`,
		`INSERT INTO households (id, `+hcols+`) SELECT new_id, `+hcols+` FROM reorder_households ORDER BY new_id`,
		`INSERT INTO members (household_id, `+mcols+`) SELECT new_household_id, `+mcols+` FROM reorder_members ORDER BY new_household_id, seq`,
		`DROP TABLE reorder_map, reorder_households, reorder_members`)
}

// COPY is PostgreSQL's bulk path; it returns no ids, so they are taken from the
// sequences first, and members can refer to their household.
func (postgresDialect) importHouseholds(ctx context.Context, db *DB, conn *sql.Conn, hs []*registry.Household) error {
	nm := 0
	for _, h := range hs {
		nm += len(h.Members)
	}
	hids, err := nextIDs(ctx, conn, "households_id_seq", len(hs))
	if err != nil {
		return err
	}
	mids, err := nextIDs(ctx, conn, "members_id_seq", nm)
	if err != nil {
		return err
	}
	// The words of the search texts go to search_words (the last word of a search).
	texts := make([]string, 0, len(hs))
	k := 0
	for i, h := range hs {
		h.ID = hids[i]
		for j := range h.Members {
			h.Members[j].ID = mids[k]
			k++
		}
	}
	return conn.Raw(func(dc any) error {
		pc := dc.(*stdlib.Conn).Conn()
		i := 0
		_, err := pc.CopyFrom(ctx, pgx.Identifier{"households"}, householdColumns, pgx.CopyFromFunc(func() ([]any, error) {
			if i == len(hs) {
				return nil, nil
			}
			h := hs[i]
			i++
			row, err := db.householdArgs(h)
			if err != nil {
				return nil, err
			}
			texts = append(texts, plainSearch(row[8].(string)))
			return append([]any{h.ID}, row...), nil
		}))
		if err != nil {
			var code string
			if i > 0 {
				code = hs[i-1].Code
			}
			return db.conflict(err, msgCodeTaken, msgCodeTakenEN, code)
		}
		// On this connection (conn is held by Raw), in the import's transaction.
		if words := textWords(texts); len(words) > 0 {
			if _, err := pc.Exec(ctx, insertSearchWords, words); err != nil {
				return err
			}
		}
		hi, mi := 0, 0
		_, err = pc.CopyFrom(ctx, pgx.Identifier{"members"}, memberColumns, pgx.CopyFromFunc(func() ([]any, error) {
			for hi < len(hs) && mi == len(hs[hi].Members) {
				hi, mi = hi+1, 0
			}
			if hi == len(hs) {
				return nil, nil
			}
			mi++
			return memberRow(hs[hi], mi-1)
		}))
		return db.formatError(err)
	})
}

func nextIDs(ctx context.Context, conn *sql.Conn, seq string, n int) ([]int64, error) {
	if n == 0 {
		return nil, nil
	}
	return column[int64](ctx, conn, fmt.Sprintf(`SELECT nextval('%s') FROM generate_series(1, $1)`, seq), n)
}
