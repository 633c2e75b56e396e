package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/registry"
	"giamngheo/vntext"
)

func errHouseholdNotFound() error {
	return giamngheo.Errorf(giamngheo.ENOTFOUND, "Không tìm thấy hộ gia đình.", "Household not found.")
}

const householdCols = `id, province_code, commune_code, code, coalesce(village_id, 0), village_name, address, head_name, phone,
	survey, coalesce(result, ''), coalesce(warnings, ''), version, created_at, updated_at`

func scanHousehold(sc interface{ Scan(...any) error }, extra ...any) (*registry.Household, error) {
	h := &registry.Household{}
	var survey, result, warnings, created, updated string
	dest := append([]any{&h.ID, &h.ProvinceCode, &h.CommuneCode, &h.Code, &h.VillageID, &h.VillageName, &h.Address, &h.HeadName, &h.Phone,
		&survey, &result, &warnings, &h.Version, &created, &updated}, extra...)
	if err := sc.Scan(dest...); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, errHouseholdNotFound()
		}
		return nil, err
	}
	if err := registry.Decode(h, survey, result, warnings); err != nil {
		return nil, err
	}
	h.CreatedAt, h.UpdatedAt = parseTime(created), parseTime(updated)
	return h, nil
}

// FindHouseholdByID returns a household with its members, or ENOTFOUND.
func (db *DB) FindHouseholdByID(ctx context.Context, id int64) (*registry.Household, error) {
	h, err := scanHousehold(db.r(ctx).QueryRowContext(ctx, `SELECT `+householdCols+` FROM households WHERE id = ?`, id))
	if err != nil {
		return nil, err
	}
	return h, db.loadMembers(ctx, h)
}

// FindHouseholdByCode returns the household of a province by code, or ENOTFOUND.
func (db *DB) FindHouseholdByCode(ctx context.Context, provinceCode, code string) (*registry.Household, error) {
	h, err := scanHousehold(db.r(ctx).QueryRowContext(ctx, `SELECT `+householdCols+` FROM households WHERE province_code = ? AND code = ?`, provinceCode, code))
	if err != nil {
		return nil, err
	}
	return h, db.loadMembers(ctx, h)
}

func (db *DB) loadMembers(ctx context.Context, h *registry.Household) error {
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT id, relation, ethnicity, national_id, answers FROM members WHERE household_id = ? ORDER BY seq`, h.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	h.Members = h.Members[:0]
	for rows.Next() {
		var m registry.Member
		var answers string
		if err := rows.Scan(&m.ID, &m.Relation, &m.Ethnicity, &m.NationalID, &answers); err != nil {
			return err
		}
		if err := registry.DecodeMemberAnswers([]byte(answers), &m); err != nil {
			return err
		}
		h.Members = append(h.Members, m)
	}
	return rows.Err()
}

// householdWhere builds the WHERE conditions of a filter (CommuneCodes non-empty or nil).
func householdWhere(f registry.HouseholdFilter) ([]string, []any) {
	where, args := []string{"1 = 1"}, []any{}
	if len(f.CommuneCodes) > 0 {
		where = append(where, "commune_code IN ("+strings.TrimSuffix(strings.Repeat("?,", len(f.CommuneCodes)), ",")+")")
		for _, c := range f.CommuneCodes {
			args = append(args, c)
		}
	}
	if f.VillageID != nil {
		where, args = append(where, "village_id = ?"), append(args, *f.VillageID)
	}
	if f.Class != nil {
		where, args = append(where, "class = ?"), append(args, string(*f.Class))
	}
	if f.Indicator != "" {
		where, args = append(where, "deprived LIKE ?"), append(args, "%,"+string(f.Indicator)+",%")
	}
	if q := vntext.Fold(strings.TrimSpace(f.Query)); q != "" {
		where, args = append(where, "search LIKE ?"), append(args, "%"+q+"%")
	}
	return where, args
}

// FindHouseholds returns one page of matching households (without members), in
// administrative order, and the total before paging.
func (db *DB) FindHouseholds(ctx context.Context, f registry.HouseholdFilter) ([]*registry.Household, int, error) {
	if f.CommuneCodes != nil && len(f.CommuneCodes) == 0 {
		return nil, 0, nil
	}
	where, args := householdWhere(f)
	p := f.Page.Norm()
	args = append(args, p.Limit, p.Offset)
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT `+householdCols+`, count(*) OVER () FROM households WHERE `+
		strings.Join(where, " AND ")+` ORDER BY `+householdOrder(f)+` LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []*registry.Household
	total := 0
	for rows.Next() {
		h, err := scanHousehold(rows, &total)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, h)
	}
	return out, total, rows.Err()
}

// householdArgs are the column values of a household row after id.
func householdArgs(h *registry.Household) ([]any, error) {
	st, err := registry.Encode(h)
	if err != nil {
		return nil, err
	}
	var village any
	if h.VillageID != 0 {
		village = h.VillageID
	}
	return []any{h.ProvinceCode, h.CommuneCode, h.Code, village, h.VillageName, h.Address, h.HeadName, h.Phone,
		st.Search, st.Survey, st.Class, st.Deprived, st.DeprivationCount, st.Standard, registry.OrNull(st.Result), registry.OrNull(st.Warnings),
		h.Version, fmtTime(h.CreatedAt), fmtTime(h.UpdatedAt), st.HeadKey}, nil
}

const insertMember = `INSERT INTO members (household_id, province_code, seq, full_name, sex, birth_date, relation, ethnicity, national_id, answers)
	VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id`

// CreateHousehold stores a new household with its members; ECONFLICT when the code is
// taken in the province.
func (db *DB) CreateHousehold(ctx context.Context, h *registry.Household) error {
	return db.ImportHouseholds(ctx, []*registry.Household{h})
}

// Bulk inserts: rows per multi-row INSERT statement. A statement per row costs a
// round through database/sql and the VDBE, and a statement journal of every page it
// touches (the foreign keys make each statement abortable); many rows per statement
// share both. Both stay well under SQLite's 32,766 bound variables.
const (
	householdsPerInsert = 50  // × 21 columns
	membersPerInsert    = 100 // × 11 columns
)

// ImportHouseholds stores new households with their members in one transaction. Ids
// are assigned up front, as the PostgreSQL store does: the transaction holds the only
// writer, so the next ids are max(id)+1… exactly as SQLite would choose them, and the
// rows go in with multi-row INSERTs and no RETURNING.
func (db *DB) ImportHouseholds(ctx context.Context, hs []*registry.Household) error {
	if len(hs) == 0 {
		return nil
	}
	return db.WithTx(ctx, func(ctx context.Context) error {
		tx := txFrom(ctx)
		if len(hs) > 1 {
			// Without this, every multi-row INSERT (abortable: foreign keys, unique keys)
			// copies each page it touches to a statement journal first: a tenth of the
			// time of a province, spent on the members' national-ID index. With the
			// foreign keys checked at commit and OR FAIL (a failed statement keeps the
			// rows before the failing one, and the caller's transaction rolls back
			// anyway) no statement journal is needed. The references are ours: members
			// to the households just inserted, and no village for an imported household.
			var deferred bool
			if err := tx.QueryRowContext(ctx, `PRAGMA defer_foreign_keys`).Scan(&deferred); err != nil {
				return err
			}
			if !deferred {
				if _, err := tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
					return err
				}
				defer tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = OFF`)
			}
		}
		var hid, mid int64
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM households`).Scan(&hid); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM members`).Scan(&mid); err != nil {
			return err
		}
		hb := &bulk{tx: tx, head: insertHouseholdsHead, cols: 21, per: householdsPerInsert, fullSQL: insertHouseholdsFull}
		mb := &bulk{tx: tx, head: insertMembersHead, cols: 11, per: membersPerInsert, fullSQL: insertMembersFull}
		defer hb.close()
		defer mb.close()
		for start := 0; start < len(hs); start += householdsPerInsert {
			chunk := hs[start:min(len(hs), start+householdsPerInsert)]
			for _, h := range chunk {
				hid++
				args, err := householdArgs(h)
				if err != nil {
					return err
				}
				hb.add(hid)
				hb.add(args...)
			}
			if err := hb.flush(ctx, len(chunk)); err != nil {
				if giamngheo.ErrorCode(formatError(err)) == giamngheo.ECONFLICT {
					code := db.conflictingCode(ctx, tx, chunk)
					return giamngheo.Errorf(giamngheo.ECONFLICT, "Mã hộ %s đã có trong tỉnh.", "Household code %s already exists in the province.", code)
				}
				return formatError(err)
			}
			// The ids are set only once the rows are in.
			id := hid - int64(len(chunk))
			for _, h := range chunk {
				id++
				h.ID = id
				for i := range h.Members {
					m := &h.Members[i]
					answers, err := registry.EncodeMemberAnswers(m)
					if err != nil {
						return err
					}
					mid++
					m.ID = mid
					mb.add(mid, h.ID, h.ProvinceCode, i, m.Name, string(m.Sex), m.BirthDate, string(m.Relation), m.Ethnicity, m.NationalID, string(answers))
					if mb.n == membersPerInsert {
						if err := mb.flush(ctx, mb.n); err != nil {
							return formatError(err)
						}
					}
				}
			}
		}
		return formatError(mb.flush(ctx, mb.n))
	})
}

const (
	insertHouseholdsHead = `INSERT OR FAIL INTO households (id, province_code, commune_code, code, village_id, village_name, address, head_name, phone,
	search, survey, class, deprived, deprivation_count, standard_id, result, warnings, version, created_at, updated_at, head_key) VALUES `
	insertMembersHead = `INSERT OR FAIL INTO members (id, household_id, province_code, seq, full_name, sex, birth_date, relation, ethnicity, national_id, answers) VALUES `
)

// The statements for full chunks, built once: a transaction keeps every statement
// prepared in it, with its text, until it ends, and an import prepares two per batch.
var (
	insertHouseholdsFull = (&bulk{head: insertHouseholdsHead, cols: 21}).sql(householdsPerInsert)
	insertMembersFull    = (&bulk{head: insertMembersHead, cols: 11}).sql(membersPerInsert)
)

// bulk gathers the values of rows for a multi-row INSERT.
type bulk struct {
	tx        *sql.Tx
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
			st, err := b.tx.PrepareContext(ctx, b.fullSQL)
			if err != nil {
				return err
			}
			b.full = st
		}
		_, err := b.full.ExecContext(ctx, b.args...)
		return err
	}
	_, err := b.tx.ExecContext(ctx, b.sql(n), b.args...)
	return err
}

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
func (db *DB) conflictingCode(ctx context.Context, tx *sql.Tx, chunk []*registry.Household) string {
	seen := map[string]bool{}
	for _, h := range chunk {
		k := h.ProvinceCode + "/" + h.Code
		if seen[k] {
			return h.Code
		}
		seen[k] = true
		var one int
		if err := tx.QueryRowContext(ctx, `SELECT 1 FROM households WHERE province_code = ? AND code = ?`, h.ProvinceCode, h.Code).Scan(&one); err == nil {
			return h.Code
		}
	}
	return chunk[0].Code
}

func insertMembers(ctx context.Context, mst *sql.Stmt, h *registry.Household) error {
	for i := range h.Members {
		m := &h.Members[i]
		answers, err := registry.EncodeMemberAnswers(m)
		if err != nil {
			return err
		}
		if err := mst.QueryRowContext(ctx, h.ID, h.ProvinceCode, i, m.Name, string(m.Sex), m.BirthDate, string(m.Relation), m.Ethnicity, m.NationalID, string(answers)).Scan(&m.ID); err != nil {
			return formatError(err)
		}
	}
	return nil
}

// SaveHousehold replaces the stored household h.ID: row, members and classification.
func (db *DB) SaveHousehold(ctx context.Context, h *registry.Household) error {
	return db.WithTx(ctx, func(ctx context.Context) error {
		tx := txFrom(ctx)
		args, err := householdArgs(h)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE households SET province_code=?, commune_code=?, code=?, village_id=?, village_name=?, address=?, head_name=?, phone=?,
			search=?, survey=?, class=?, deprived=?, deprivation_count=?, standard_id=?, result=?, warnings=?, version=?, created_at=?, updated_at=?, head_key=? WHERE id=?`,
			append(args, h.ID)...)
		if err != nil {
			return formatError(err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errHouseholdNotFound()
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM members WHERE household_id = ?`, h.ID); err != nil {
			return err
		}
		mst, err := tx.PrepareContext(ctx, insertMember)
		if err != nil {
			return err
		}
		defer mst.Close()
		return insertMembers(ctx, mst, h)
	})
}

// UpdateHousehold applies upd to household id and stores it as it is (no
// classification: the service reclassifies and calls SaveHousehold).
func (db *DB) UpdateHousehold(ctx context.Context, id int64, upd registry.HouseholdUpdate) (*registry.Household, error) {
	var h *registry.Household
	err := db.WithTx(ctx, func(ctx context.Context) error {
		var err error
		if h, err = db.FindHouseholdByID(ctx, id); err != nil {
			return err
		}
		upd.Apply(h)
		return db.SaveHousehold(ctx, h)
	})
	return h, err
}

// InsertHistory keeps a past state of a household.
func (db *DB) InsertHistory(ctx context.Context, householdID int64, e *registry.HistoryEntry) error {
	data, err := json.Marshal(e.Household)
	if err != nil {
		return err
	}
	_, err = db.w(ctx).ExecContext(ctx, `INSERT INTO household_history (household_id, version, valid_from, valid_to, data, changed_by) VALUES (?,?,?,?,?,?)`,
		householdID, e.Version, fmtTime(e.ValidFrom), fmtTime(e.ValidTo), string(data), e.ChangedBy)
	return formatError(err)
}

// FindHistory returns the past states of a household, oldest first.
func (db *DB) FindHistory(ctx context.Context, householdID int64) ([]*registry.HistoryEntry, error) {
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT version, valid_from, valid_to, data, changed_by FROM household_history WHERE household_id = ? ORDER BY version`, householdID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*registry.HistoryEntry
	for rows.Next() {
		e := &registry.HistoryEntry{Household: &registry.Household{}}
		var from, to, data string
		if err := rows.Scan(&e.Version, &from, &to, &data, &e.ChangedBy); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(data), e.Household); err != nil {
			return nil, err
		}
		e.ValidFrom, e.ValidTo = parseTime(from), parseTime(to)
		out = append(out, e)
	}
	return out, rows.Err()
}

// FindHouseholdCodes maps the existing codes among codes to their household ids.
func (db *DB) FindHouseholdCodes(ctx context.Context, provinceCode string, codes []string) (map[string]int64, error) {
	out := map[string]int64{}
	for start := 0; start < len(codes); start += 500 {
		chunk := codes[start:min(len(codes), start+500)]
		args := []any{provinceCode}
		for _, c := range chunk {
			args = append(args, c)
		}
		rows, err := db.r(ctx).QueryContext(ctx, `SELECT code, id FROM households WHERE province_code = ? AND code IN (`+
			strings.TrimSuffix(strings.Repeat("?,", len(chunk)), ",")+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var c string
			var id int64
			if err := rows.Scan(&c, &id); err != nil {
				rows.Close()
				return nil, err
			}
			out[c] = id
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// EachHousehold calls fn for every matching household with its members, in id order,
// a page of 1,000 at a time.
func (db *DB) EachHousehold(ctx context.Context, f registry.HouseholdFilter, fn func(*registry.Household) error) error {
	if f.CommuneCodes != nil && len(f.CommuneCodes) == 0 {
		return nil
	}
	where, args := householdWhere(f)
	var after int64
	for {
		rows, err := db.r(ctx).QueryContext(ctx, `SELECT `+householdCols+` FROM households WHERE `+strings.Join(where, " AND ")+
			` AND id > ? ORDER BY id LIMIT 1000`, append(append([]any(nil), args...), after)...)
		if err != nil {
			return err
		}
		var page []*registry.Household
		for rows.Next() {
			h, err := scanHousehold(rows)
			if err != nil {
				rows.Close()
				return err
			}
			page = append(page, h)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(page) == 0 {
			return nil
		}
		if err := db.pageMembers(ctx, page); err != nil {
			return err
		}
		for _, h := range page {
			if err := fn(h); err != nil {
				return err
			}
		}
		after = page[len(page)-1].ID
	}
}

// pageMembers loads the members of a page of households with one query.
func (db *DB) pageMembers(ctx context.Context, page []*registry.Household) error {
	byID := make(map[int64]*registry.Household, len(page))
	args := make([]any, len(page))
	for i, h := range page {
		byID[h.ID], args[i] = h, h.ID
	}
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT household_id, id, relation, ethnicity, national_id, answers FROM members WHERE household_id IN (`+
		strings.TrimSuffix(strings.Repeat("?,", len(page)), ",")+`) ORDER BY household_id, seq`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var hid int64
		var m registry.Member
		var answers string
		if err := rows.Scan(&hid, &m.ID, &m.Relation, &m.Ethnicity, &m.NationalID, &answers); err != nil {
			return err
		}
		if err := registry.DecodeMemberAnswers([]byte(answers), &m); err != nil {
			return err
		}
		byID[hid].Members = append(byID[hid].Members, m)
	}
	return rows.Err()
}

// MoveHousehold keeps the household's present state in the history and moves it to
// another commune from at (unit reorganisations).
func (db *DB) MoveHousehold(ctx context.Context, h *registry.Household, communeCode, provinceCode string, at time.Time, by string) error {
	if err := db.InsertHistory(ctx, h.ID, &registry.HistoryEntry{Version: h.Version, ValidFrom: h.UpdatedAt, ValidTo: at, ChangedBy: by, Household: registry.ForHistory(h)}); err != nil {
		return err
	}
	_, err := db.w(ctx).ExecContext(ctx, `UPDATE households SET commune_code = ?, province_code = ?, version = version + 1, updated_at = ? WHERE id = ?`,
		communeCode, provinceCode, fmtTime(at), h.ID)
	if err != nil {
		return formatError(err)
	}
	h.CommuneCode, h.ProvinceCode, h.Version, h.UpdatedAt = communeCode, provinceCode, h.Version+1, at
	return nil
}

// householdOrder is the ORDER BY of a household list.
func householdOrder(f registry.HouseholdFilter) string {
	if f.SortByName {
		return "head_key, commune_code, code"
	}
	return "commune_code, code"
}
