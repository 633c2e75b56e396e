package store

import (
	"context"
	"database/sql"
	"strings"

	"giamngheo/poverty"
	"giamngheo/support"
)

const supportCols = `id, province_code, commune_code, household_id, person, member_name, birth_date, type, agency, day, year,
	quantity, amount, source, note, origin, created_by, created_at`

// InsertSupport stores r unless the same support (household, person, type, day) is
// recorded; it reports whether it stored it.
func (db *DB) InsertSupport(ctx context.Context, r *support.Record) (bool, error) {
	rows, err := db.w(ctx).QueryContext(ctx, `INSERT INTO support_records (`+supportCols[4:]+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
		ON CONFLICT (household_id, person, type, day) DO NOTHING RETURNING id`,
		r.ProvinceCode, r.CommuneCode, r.HouseholdID, r.Person, r.MemberName, r.BirthDate, r.Type, r.Agency, r.Day, r.Year,
		r.Quantity, r.Amount, string(r.Source), r.Note, r.Origin, r.CreatedBy, db.t(r.CreatedAt))
	if err != nil {
		return false, db.formatError(err)
	}
	defer rows.Close()
	added := false
	if rows.Next() {
		if err := rows.Scan(&r.ID); err != nil {
			return false, err
		}
		added = true
	}
	return added, rows.Err()
}

// InsertSupports stores the records of rs that are not recorded yet (the same
// household, person, type and day), through one prepared statement, and returns how
// many it stored: a beneficiary list's commit. One row a statement: a statement of many
// rows binds its parameters by name, one lookup over all of them per parameter, and a
// list of 100,000 rows took minutes in statements of 500.
func (db *DB) InsertSupports(ctx context.Context, rs []*support.Record) (int, error) {
	exec, done, err := db.prepared(ctx, `INSERT INTO support_records (`+supportCols[4:]+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
		ON CONFLICT (household_id, person, type, day) DO NOTHING`)
	if err != nil {
		return 0, err
	}
	defer done()
	added := 0
	for _, r := range rs {
		res, err := exec(ctx, r.ProvinceCode, r.CommuneCode, r.HouseholdID, r.Person, r.MemberName, r.BirthDate, r.Type, r.Agency, r.Day, r.Year,
			r.Quantity, r.Amount, string(r.Source), r.Note, r.Origin, r.CreatedBy, db.t(r.CreatedAt))
		if err != nil {
			return added, db.formatError(err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return added, err
		}
		added += int(n)
	}
	return added, nil
}

// prepared prepares query on what writes use (the transaction in ctx, or the writer)
// and returns its Exec and the statement's Close.
func (db *DB) prepared(ctx context.Context, query string) (func(context.Context, ...any) (sql.Result, error), func(), error) {
	q := db.w(ctx)
	p, ok := q.(interface {
		PrepareContext(context.Context, string) (*sql.Stmt, error)
	})
	if !ok {
		return func(ctx context.Context, args ...any) (sql.Result, error) { return q.ExecContext(ctx, query, args...) }, func() {}, nil
	}
	stmt, err := p.PrepareContext(ctx, query)
	if err != nil {
		return nil, nil, err
	}
	return stmt.ExecContext, func() { stmt.Close() }, nil
}

// supportWhere builds the conditions of f.
func (db *DB) supportWhere(f support.Filter) *where {
	w := &where{}
	if f.HouseholdID != 0 {
		w.add("household_id = ?", f.HouseholdID)
	}
	if len(f.CommuneCodes) > 0 {
		db.in(w, "commune_code", f.CommuneCodes)
	}
	if f.Year != 0 {
		w.add("year = ?", f.Year)
	}
	if len(f.Types) > 0 {
		db.in(w, "type", f.Types)
	}
	if f.Agency != "" {
		w.add("agency = ?", f.Agency)
	}
	return w
}

// FindSupport returns the records of f, newest day first.
func (db *DB) FindSupport(ctx context.Context, f support.Filter) ([]*support.Record, error) {
	if f.CommuneCodes != nil && len(f.CommuneCodes) == 0 {
		return nil, nil
	}
	w := db.supportWhere(f)
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT `+supportCols+` FROM support_records WHERE `+w.sql()+` ORDER BY day DESC, id DESC LIMIT 10000`, w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*support.Record
	for rows.Next() {
		r := &support.Record{}
		var source string
		if err := rows.Scan(&r.ID, &r.ProvinceCode, &r.CommuneCode, &r.HouseholdID, &r.Person, &r.MemberName, &r.BirthDate, &r.Type, &r.Agency,
			&r.Day, &r.Year, &r.Quantity, &r.Amount, &source, &r.Note, &r.Origin, &r.CreatedBy, scanTime(&r.CreatedAt)); err != nil {
			return nil, err
		}
		r.Source = support.Source(source)
		out = append(out, r)
	}
	return out, rows.Err()
}

// SupportedKeys returns the persons and households with a record of f.
func (db *DB) SupportedKeys(ctx context.Context, f support.Filter) (map[support.Key]bool, error) {
	out := map[support.Key]bool{}
	if f.CommuneCodes != nil && len(f.CommuneCodes) == 0 {
		return out, nil
	}
	w := db.supportWhere(f)
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT DISTINCT household_id, person FROM support_records WHERE `+w.sql(), w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var k support.Key
		if err := rows.Scan(&k.HouseholdID, &k.Person); err != nil {
			return nil, err
		}
		out[k] = true
	}
	return out, rows.Err()
}

const candidateSQL = `SELECT h.id, m.id, h.code, h.province_code, h.commune_code, h.head_name, m.full_name, m.birth_date, m.national_id, h.status
	FROM members m JOIN households h ON h.id = m.household_id AND h.province_code = m.province_code WHERE `

// candidatesPerKey bounds the candidates of one ID, code or birth date: a key held by
// more members than this is a data error, not a list to show.
const candidatesPerKey = 50

// candidates returns the members matching cond, at most candidatesPerKey per key of
// the query (keys: the number of IDs or codes asked for at once).
func (db *DB) candidates(ctx context.Context, keys int, cond string, args ...any) ([]support.Candidate, error) {
	w := &where{args: args}
	lim := w.next(candidatesPerKey * max(1, keys))
	rows, err := db.r(ctx).QueryContext(ctx, candidateSQL+cond+` ORDER BY h.commune_code, h.code, m.seq LIMIT `+lim[0], w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []support.Candidate
	for rows.Next() {
		var c support.Candidate
		var status string
		if err := rows.Scan(&c.HouseholdID, &c.MemberID, &c.HouseholdCode, &c.ProvinceCode, &c.CommuneCode, &c.HeadName, &c.FullName, &c.BirthDate,
			&c.NationalID, &status); err != nil {
			return nil, err
		}
		c.Status = poverty.Class(status)
		out = append(out, c)
	}
	return out, rows.Err()
}

// CandidatesByNationalID returns the members holding one of the IDs.
func (db *DB) CandidatesByNationalID(ctx context.Context, ids []string) ([]support.Candidate, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	w := &where{}
	db.in(w, "m.national_id", ids)
	// The index members_national_id is partial (national_id <> ''): SQLite uses it only
	// when the query says so too, and scans every member of the province otherwise.
	w.add("m.national_id <> ''")
	return db.candidates(ctx, len(ids), w.sql(), w.args...)
}

// CandidatesByHouseholdCodes returns the members of the households with the codes.
func (db *DB) CandidatesByHouseholdCodes(ctx context.Context, codes []string) ([]support.Candidate, error) {
	if len(codes) == 0 {
		return nil, nil
	}
	trimmed := make([]string, len(codes))
	for i, c := range codes {
		trimmed[i] = strings.TrimSpace(c)
	}
	w := &where{}
	db.in(w, "h.code", trimmed)
	return db.candidates(ctx, len(codes), w.sql(), w.args...)
}

// CandidatesByBirthDate returns the members born on the day in the communes.
func (db *DB) CandidatesByBirthDate(ctx context.Context, communeCodes []string, birthDate string) ([]support.Candidate, error) {
	if len(communeCodes) == 0 {
		return nil, nil
	}
	w := &where{}
	db.in(w, "h.commune_code", communeCodes)
	w.add("m.birth_date = ?", birthDate)
	return db.candidates(ctx, 1, w.sql(), w.args...)
}
