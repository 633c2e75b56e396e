package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"sort"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/report"
	"giamngheo/vntext"
)

func errHouseholdNotFound() error {
	return giamngheo.Errorf(giamngheo.ENOTFOUND, "Không tìm thấy hộ gia đình.", "Household not found.")
}

// householdCols are the columns scanHousehold reads. JSON columns (jsonb on PostgreSQL,
// text on SQLite) are read as text: CAST(… AS TEXT) is the same in both.
const householdCols = `id, province_code, commune_code, code, coalesce(village_id, 0), village_name, address, head_name, phone,
	CAST(survey AS TEXT), coalesce(CAST(result AS TEXT), ''), coalesce(CAST(warnings AS TEXT), ''), version, created_at, updated_at,
	status, status_since, status_decided_on, status_decision, status_round_id, status_certificate`

// householdSummaryCols are the columns of a list line (registry.HouseholdFilter.Summary).
const householdSummaryCols = `id, province_code, commune_code, code, coalesce(village_id, 0), village_name, head_name,
	coalesce(class, ''), coalesce(deprivation_count, 0), version, status`

// scanHouseholdSummary reads a row of householdSummaryCols.
func scanHouseholdSummary(sc interface{ Scan(...any) error }) (*registry.Household, error) {
	h := &registry.Household{}
	var class, status string
	var deprivations int
	if err := sc.Scan(&h.ID, &h.ProvinceCode, &h.CommuneCode, &h.Code, &h.VillageID, &h.VillageName, &h.HeadName,
		&class, &deprivations, &h.Version, &status); err != nil {
		return nil, err
	}
	if class != "" {
		h.Result = &poverty.Result{Class: poverty.Class(class), DeprivationCount: deprivations}
	}
	if c := poverty.Class(status); c == poverty.Poor || c == poverty.NearPoor {
		h.Recognised.Class = c
	}
	return h, nil
}

func scanHousehold(sc interface{ Scan(...any) error }, extra ...any) (*registry.Household, error) {
	h := &registry.Household{}
	var survey, result, warnings, status string
	rc := &h.Recognised
	dest := append([]any{&h.ID, &h.ProvinceCode, &h.CommuneCode, &h.Code, &h.VillageID, &h.VillageName, &h.Address, &h.HeadName, &h.Phone,
		&survey, &result, &warnings, &h.Version, scanTime(&h.CreatedAt), scanTime(&h.UpdatedAt),
		&status, &rc.Since, &rc.DecidedOn, &rc.DecisionNumber, &rc.RoundID, &rc.Certificate}, extra...)
	if err := sc.Scan(dest...); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, errHouseholdNotFound()
		}
		return nil, err
	}
	if err := registry.Decode(h, survey, result, warnings); err != nil {
		return nil, err
	}
	rc.Class = poverty.Class(status)
	if !rc.Listed() {
		// The middle-living and not-poor classes of a decision put a household on no
		// poor or near-poor list; the recognition keeps the decision's other facts.
		rc.Class = ""
	}
	return h, nil
}

// FindHouseholdByID returns a household with its members, or ENOTFOUND.
func (db *DB) FindHouseholdByID(ctx context.Context, id int64) (*registry.Household, error) {
	h, err := scanHousehold(db.r(ctx).QueryRowContext(ctx, `SELECT `+householdCols+` FROM households WHERE id = $1`, id))
	if err != nil {
		return nil, err
	}
	return h, db.loadMembers(ctx, h)
}

// FindHouseholdCommune returns the household's commune code, or ENOTFOUND.
func (db *DB) FindHouseholdCommune(ctx context.Context, id int64) (string, error) {
	var code string
	err := db.r(ctx).QueryRowContext(ctx, `SELECT commune_code FROM households WHERE id = $1`, id).Scan(&code)
	if errors.Is(err, sql.ErrNoRows) {
		return "", errHouseholdNotFound()
	}
	return code, err
}

// FindHouseholdByCode returns the household of a province by code, or ENOTFOUND.
func (db *DB) FindHouseholdByCode(ctx context.Context, provinceCode, code string) (*registry.Household, error) {
	h, err := scanHousehold(db.r(ctx).QueryRowContext(ctx, `SELECT `+householdCols+` FROM households WHERE province_code = $1 AND code = $2`, provinceCode, code))
	if err != nil {
		return nil, err
	}
	return h, db.loadMembers(ctx, h)
}

func (db *DB) loadMembers(ctx context.Context, h *registry.Household) error {
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT id, relation, ethnicity, national_id, CAST(answers AS TEXT) FROM members
		WHERE province_code = $1 AND household_id = $2 ORDER BY seq`, h.ProvinceCode, h.ID)
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

// FindHouseholds returns one page of matching households (without members), in the
// filter's order (registry.HouseholdFilter.Order), and the total before paging as
// f.CountUpTo asks (issue 13 item 8: a list never counts a province to show a page).
//
// A page is read by keyset from f.After through an index. In administrative order the
// communes of the filter are read one after the other, each through the (commune_code,
// code) index, until the page is full: no query sorts the households of a scope. A
// search reads the search index (SQLite FTS5 trigram, PostgreSQL pg_trgm: migration
// 0012) in id order. Page.Offset is still honoured without a cursor (API clients of
// earlier releases), with OFFSET.
func (db *DB) FindHouseholds(ctx context.Context, f registry.HouseholdFilter) ([]*registry.Household, int, error) {
	var err error
	if f.CommuneCodes, err = db.communesHeld(ctx, f.CommuneCodes); err != nil {
		return nil, 0, err
	}
	if f.CommuneCodes != nil && len(f.CommuneCodes) == 0 {
		if f.CountUpTo < 0 {
			return nil, -1, nil
		}
		return nil, 0, nil
	}
	p := f.Page.Norm()
	if f.After == nil && p.Offset == 0 && f.CountUpTo > 0 && strings.TrimSpace(f.Query) != "" {
		return db.searchFirstPage(ctx, f, p.Limit)
	}
	var out []*registry.Household
	switch {
	case f.After == nil && p.Offset > 0:
		out, err = db.householdPage(ctx, f, nil, p.Limit, p.Offset)
	case f.Order() == registry.OrderAdmin && len(f.CommuneCodes) > 0:
		out, err = db.householdsByCommune(ctx, f, p.Limit)
	default:
		out, err = db.householdPage(ctx, f, f.After, p.Limit, 0)
	}
	if err != nil {
		return nil, 0, err
	}
	if f.CountUpTo >= 0 && f.After == nil && p.Offset == 0 && len(out) < p.Limit {
		// The first page holds every match: it is the count.
		return out, len(out), nil
	}
	total, err := db.countHouseholds(ctx, f)
	return out, total, err
}

// searchFirstPage reads the first page of a search and its count up to f.CountUpTo
// in one pass over the search index (issue 13 item 8: a search for a common name read
// the index twice, for the page and again for the count): the ids of up to
// CountUpTo+1 matches (at least a page) in the search's order (entry), then the
// page's rows by id.
func (db *DB) searchFirstPage(ctx context.Context, f registry.HouseholdFilter, limit int) ([]*registry.Household, int, error) {
	from, idCol, w, err := db.householdFrom(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	lim := w.next(max(f.CountUpTo+1, limit))
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT `+idCol+` FROM `+from+` WHERE `+w.sql()+` ORDER BY `+householdOrder(f, idCol)+` LIMIT `+lim[0], w.args...)
	if err != nil {
		return nil, 0, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, 0, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	page, total := ids[:min(limit, len(ids))], min(len(ids), f.CountUpTo+1)
	if len(page) == 0 {
		return nil, total, nil
	}
	var pw where
	db.in(&pw, "id", page)
	cols, scan := householdCols, func(rows *sql.Rows) (*registry.Household, error) { return scanHousehold(rows) }
	if f.Summary {
		cols, scan = householdSummaryCols, func(rows *sql.Rows) (*registry.Household, error) { return scanHouseholdSummary(rows) }
	}
	rows, err = db.r(ctx).QueryContext(ctx, `SELECT `+cols+` FROM households WHERE `+pw.sql()+` ORDER BY id`, pw.args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	out := make([]*registry.Household, 0, len(page))
	for rows.Next() {
		h, err := scan(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, h)
	}
	return out, total, rows.Err()
}

// householdsByCommune reads a page in administrative order commune by commune, from
// the cursor's commune on. Only the communes that have households are read: a
// province's scope holds every commune code it ever had, most of them before the
// 2025 mergers and empty now (the roll-ups, kept with every write, tell which). The
// roll-ups also tell how many households of the filter each commune has: communes
// with few (a survey class, a deprivation) are read together, as many as should fill
// the page, in one query instead of one each.
func (db *DB) householdsByCommune(ctx context.Context, f registry.HouseholdFilter, limit int) ([]*registry.Household, error) {
	communes, err := db.communesWithHouseholds(ctx, f)
	if err != nil {
		return nil, err
	}
	i := 0
	if f.After != nil {
		for i < len(communes) && communes[i].code < f.After.CommuneCode {
			i++
		}
	}
	var out []*registry.Household
	for i < len(communes) && len(out) < limit {
		// The batch: communes from i until their households should fill the rest of the
		// page (the counts are of the roll-up measure, at least those of f), at most
		// maxCommuneBatch.
		need, sum, j := limit-len(out), int64(0), i
		for j < len(communes) && (j == i || sum < int64(need)) && j-i < maxCommuneBatch {
			sum += communes[j].n
			j++
		}
		batch := make([]string, 0, j-i)
		for _, c := range communes[i:j] {
			batch = append(batch, c.code)
		}
		var after *registry.HouseholdCursor
		if f.After != nil && batch[0] == f.After.CommuneCode {
			after = f.After
		}
		one := f
		one.CommuneCodes = batch
		hs, err := db.householdPage(ctx, one, after, need, 0)
		if err != nil {
			return nil, err
		}
		out = append(out, hs...)
		i = j
	}
	return out, nil
}

// maxCommuneBatch bounds the communes a page reads in one query.
const maxCommuneBatch = 64

// communeCount is a commune and its households of a roll-up measure.
type communeCount struct {
	code string
	n    int64
}

// communesWithHouseholds returns, in code order and once each, the communes of f
// that have households (of f's survey class, indicator or "differs", and status, when
// the roll-ups count them) and how many, by the roll-ups.
func (db *DB) communesWithHouseholds(ctx context.Context, f registry.HouseholdFilter) ([]communeCount, error) {
	var w where
	db.in(&w, "commune_code", f.CommuneCodes)
	measure := report.MeasureHouseholds
	switch {
	case f.Differs && f.Class == nil && f.Indicator == "":
		measure = report.MeasureDiffers
	case f.Class != nil && !f.Differs && f.Indicator == "":
		measure = report.MeasureClassPfx + string(*f.Class)
	case f.Indicator != "" && !f.Differs && f.Class == nil:
		measure = report.MeasureDeprivedPfx + string(f.Indicator)
	}
	w.add("measure = ?", measure)
	if f.Status != nil {
		if *f.Status == "" {
			w.add("status NOT IN ('poor', 'near_poor')")
		} else {
			w.add("status = ?", string(*f.Status))
		}
	}
	query := `SELECT commune_code, sum(n) FROM rollups WHERE ` + w.sql() + ` GROUP BY commune_code HAVING sum(n) > 0 ORDER BY commune_code`
	out, err := memoRollups(ctx, db, memoKey(query, w.args), func() ([]communeCount, error) {
		rows, err := db.r(ctx).QueryContext(ctx, query, w.args...)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []communeCount
		for rows.Next() {
			var c communeCount
			if err := rows.Scan(&c.code, &c.n); err != nil {
				return nil, err
			}
			out = append(out, c)
		}
		// In Go's order (the database's collation may differ), as the cursor compares.
		sort.Slice(out, func(i, j int) bool { return out[i].code < out[j].code })
		return out, rows.Err()
	})
	// The memo's slice is shared: the caller gets its own.
	return slices.Clone(out), err
}

// communesHeld is the communes of a long scope that hold households, from the
// roll-ups (kept in the same transaction as the households): a province's scope holds
// every commune code it ever had, half of them empty since the 2025 mergers, and
// PostgreSQL plans a list of 235 codes in 1.3 ms against 0.6 ms for the 114 that
// hold households (a search for a common name runs in 1 ms). A short scope, and a
// read inside a write transaction (its households may be written before their
// roll-ups), is left as it is.
func (db *DB) communesHeld(ctx context.Context, codes []string) ([]string, error) {
	if len(codes) <= anyOfListMax || txFrom(ctx) != nil {
		return codes, nil
	}
	held, err := db.communesWithHouseholds(ctx, registry.HouseholdFilter{CommuneCodes: codes})
	if err != nil {
		return nil, err
	}
	out := make([]string, len(held))
	for i, c := range held {
		out[i] = c.code
	}
	return out, nil
}

// householdPage reads up to limit households of f in its order, after the cursor (or
// from offset), in one query.
func (db *DB) householdPage(ctx context.Context, f registry.HouseholdFilter, after *registry.HouseholdCursor, limit, offset int) ([]*registry.Household, error) {
	from, idCol, w, err := db.householdFrom(ctx, f)
	if err != nil {
		return nil, err
	}
	if after != nil {
		switch o := f.Order(); {
		case o == registry.OrderEntry:
			w.add(idCol+" > ?", after.ID)
		case o == registry.OrderName:
			// head_key >= … gives the index of names where to start.
			w.add("head_key >= ? AND (head_key, commune_code, code) > (?, ?, ?)", after.HeadKey, after.HeadKey, after.CommuneCode, after.Code)
		case len(f.CommuneCodes) == 1 && f.CommuneCodes[0] == after.CommuneCode:
			// Within one commune (householdsByCommune): a range of its index.
			w.add("code > ?", after.Code)
		default:
			w.add("commune_code >= ? AND (commune_code, code) > (?, ?)", after.CommuneCode, after.CommuneCode, after.Code)
		}
	}
	page := w.next(limit, offset)
	cols, scan := householdCols, func(rows *sql.Rows) (*registry.Household, error) { return scanHousehold(rows) }
	if f.Summary {
		cols, scan = householdSummaryCols, func(rows *sql.Rows) (*registry.Household, error) { return scanHouseholdSummary(rows) }
	}
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT `+cols+` FROM `+from+` WHERE `+
		w.sql()+` ORDER BY `+householdOrder(f, idCol)+` LIMIT `+page[0]+` OFFSET `+page[1], w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*registry.Household
	for rows.Next() {
		h, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// countHouseholds counts the matches of f as f.CountUpTo says: all, at most n+1, or
// none (-1).
func (db *DB) countHouseholds(ctx context.Context, f registry.HouseholdFilter) (int, error) {
	if f.CountUpTo < 0 {
		return -1, nil
	}
	from, _, w, err := db.householdFrom(ctx, f)
	if err != nil {
		return 0, err
	}
	q := `SELECT count(*) FROM ` + from + ` WHERE ` + w.sql()
	if f.CountUpTo > 0 {
		lim := w.next(f.CountUpTo + 1)
		q = `SELECT count(*) FROM (SELECT 1 FROM ` + from + ` WHERE ` + w.sql() + ` LIMIT ` + lim[0] + `) x`
	}
	var n int
	err = db.r(ctx).QueryRowContext(ctx, q, w.args...).Scan(&n)
	return n, err
}

// householdArgs are the column values of a household row after id, in table order.
func (db *DB) householdArgs(h *registry.Household) ([]any, error) {
	st, err := registry.Encode(h)
	if err != nil {
		return nil, err
	}
	var village any
	if h.VillageID != 0 {
		village = h.VillageID
	}
	return []any{h.ProvinceCode, h.CommuneCode, h.Code, village, h.VillageName, h.Address, h.HeadName, h.Phone,
		indexText(st.Search), st.Survey, st.Class, st.Deprived, st.DeprivationCount, st.Standard, registry.OrNull(st.Result), registry.OrNull(st.Warnings),
		h.Version, db.t(h.CreatedAt), db.t(h.UpdatedAt), st.HeadKey, st.Traits, factsArg(st.Facts)}, nil
}

// factsArg is the facts column's value: NULL for none (both drivers store an empty
// slice as an empty value).
func factsArg(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return b
}

var householdColumns = []string{"id", "province_code", "commune_code", "code", "village_id", "village_name", "address", "head_name", "phone",
	"search", "survey", "class", "deprived", "deprivation_count", "standard_id", "result", "warnings", "version", "created_at", "updated_at", "head_key", "traits", "facts"}

var memberColumns = []string{"id", "household_id", "province_code", "seq", "full_name", "sex", "birth_date", "relation", "ethnicity", "national_id", "answers"}

// memberRow is the column values of member i of h, in table order.
func memberRow(h *registry.Household, i int) ([]any, error) {
	m := &h.Members[i]
	answers, err := registry.EncodeMemberAnswers(m)
	if err != nil {
		return nil, err
	}
	return []any{m.ID, h.ID, h.ProvinceCode, i, m.Name, string(m.Sex), m.BirthDate, string(m.Relation), m.Ethnicity, m.NationalID, string(answers)}, nil
}

const msgCodeTaken, msgCodeTakenEN = "Mã hộ %s đã có trong tỉnh.", "Household code %s already exists in the province."

// CreateHousehold stores a new household with its members; ECONFLICT when the code is
// taken in the province.
func (db *DB) CreateHousehold(ctx context.Context, h *registry.Household) error {
	return db.WithTx(ctx, func(ctx context.Context) error {
		args, err := db.householdArgs(h)
		if err != nil {
			return err
		}
		h.ID = 0
		// issue 14: the roll-ups change in the same transaction (store/rollup.go).
		return db.changeHousehold(ctx, &h.ID, causeEdit, dayOf(h.UpdatedAt), func() error {
			if err := txFrom(ctx).QueryRowContext(ctx, `INSERT INTO households (`+strings.Join(householdColumns[1:], ", ")+`)
			VALUES (`+placeholders(1, len(args))+`) RETURNING id`, args...).Scan(&h.ID); err != nil {
				return db.conflict(err, msgCodeTaken, msgCodeTakenEN, h.Code)
			}
			if err := db.dialect.noteSearchWords(ctx, txFrom(ctx), []string{plainSearch(args[8].(string))}); err != nil {
				return err
			}
			return db.insertMembers(ctx, h)
		})
	})
}

var insertMemberSQL = `INSERT INTO members (` + strings.Join(memberColumns[1:], ", ") + `) VALUES (` + placeholders(1, len(memberColumns)-1) + `) RETURNING id`

func (db *DB) insertMembers(ctx context.Context, h *registry.Household) error {
	for i := range h.Members {
		row, err := memberRow(h, i)
		if err != nil {
			return err
		}
		if err := txFrom(ctx).QueryRowContext(ctx, insertMemberSQL, row[1:]...).Scan(&h.Members[i].ID); err != nil {
			return db.formatError(err)
		}
	}
	return nil
}

// SaveHousehold replaces the stored household h.ID: row, members and classification.
func (db *DB) SaveHousehold(ctx context.Context, h *registry.Household) error {
	return db.WithTx(ctx, func(ctx context.Context) error {
		args, err := db.householdArgs(h)
		if err != nil {
			return err
		}
		// issue 14: the roll-ups change in the same transaction (store/rollup.go).
		id := h.ID
		return db.changeHousehold(ctx, &id, causeEdit, dayOf(h.UpdatedAt), func() error {
			res, err := txFrom(ctx).ExecContext(ctx, `UPDATE households SET province_code=$1, commune_code=$2, code=$3, village_id=$4, village_name=$5, address=$6,
			head_name=$7, phone=$8, search=$9, survey=$10, class=$11, deprived=$12, deprivation_count=$13, standard_id=$14, result=$15,
			warnings=$16, version=$17, created_at=$18, updated_at=$19, head_key=$20, traits=$21, facts=$22 WHERE id=$23`, append(args, h.ID)...)
			if err != nil {
				return db.conflict(err, msgCodeTaken, msgCodeTakenEN, h.Code)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return errHouseholdNotFound()
			}
			if err := db.dialect.noteSearchWords(ctx, txFrom(ctx), []string{plainSearch(args[8].(string))}); err != nil {
				return err
			}
			if _, err := txFrom(ctx).ExecContext(ctx, `DELETE FROM members WHERE household_id = $1`, h.ID); err != nil {
				return err
			}
			return db.insertMembers(ctx, h)
		})
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
	_, err = db.w(ctx).ExecContext(ctx, `INSERT INTO household_history (household_id, version, valid_from, valid_to, data, changed_by) VALUES ($1,$2,$3,$4,$5,$6)`,
		householdID, e.Version, db.t(e.ValidFrom), db.t(e.ValidTo), string(data), e.ChangedBy)
	return db.formatError(err)
}

// FindHistory returns the past states of a household, oldest first.
func (db *DB) FindHistory(ctx context.Context, householdID int64) ([]*registry.HistoryEntry, error) {
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT version, valid_from, valid_to, CAST(data AS TEXT), changed_by FROM household_history WHERE household_id = $1 ORDER BY version`, householdID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*registry.HistoryEntry
	for rows.Next() {
		e := &registry.HistoryEntry{Household: &registry.Household{}}
		var data string
		if err := rows.Scan(&e.Version, scanTime(&e.ValidFrom), scanTime(&e.ValidTo), &data, &e.ChangedBy); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(data), e.Household); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// FindHouseholdCodes maps the existing codes among codes to their household ids.
func (db *DB) FindHouseholdCodes(ctx context.Context, provinceCode string, codes []string) (map[string]int64, error) {
	out := map[string]int64{}
	for start := 0; start < len(codes); start += 500 {
		var w where
		w.add("province_code = ?", provinceCode)
		db.in(&w, "code", codes[start:min(len(codes), start+500)])
		rows, err := db.r(ctx).QueryContext(ctx, `SELECT code, id FROM households WHERE `+w.sql(), w.args...)
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

// householdWhere builds the conditions of a filter (CommuneCodes non-empty or nil).
func (db *DB) householdWhere(f registry.HouseholdFilter) *where {
	w := &where{}
	if len(f.CommuneCodes) > 0 {
		db.in(w, "commune_code", f.CommuneCodes)
	}
	if f.VillageID != nil {
		w.add("village_id = ?", *f.VillageID)
	}
	if f.Class != nil {
		w.add("class = ?", string(*f.Class))
	}
	if f.Indicator != "" {
		w.add("deprived LIKE ?", "%,"+string(f.Indicator)+",%")
	}
	if f.Status != nil {
		if *f.Status == "" {
			w.add("status NOT IN ('poor', 'near_poor')")
		} else {
			w.add("status = ?", string(*f.Status))
		}
	}
	if f.Differs {
		// The list of the survey result differs from the list of the recognised status.
		w.add("(CASE WHEN class IN ('poor', 'near_poor') THEN class ELSE '' END) <> (CASE WHEN status IN ('poor', 'near_poor') THEN status ELSE '' END)")
	}
	if key := registry.SurveyField(f.Unanswered); key != "" {
		w.add("CAST(survey AS TEXT) NOT LIKE ?", `%"`+key+`"%`)
	}
	return w
}

// householdFrom is the FROM and WHERE of a filter, and the column of the household id
// in them (the order of a search). A search (issue 13 item 8) is, by what it looks
// like: a number, a national ID or a household code by prefix (members_national_id,
// households_code); a code ("hl-001", "10507-01-00478"), a household code by prefix;
// words, a phrase of the folded words, the last one a prefix, through the full-text
// index of households.search (the dialect's: SQLite FTS5, PostgreSQL tsvector).
func (db *DB) householdFrom(ctx context.Context, f registry.HouseholdFilter) (string, string, *where, error) {
	w := db.householdWhere(f)
	raw := strings.TrimSpace(f.Query)
	if raw == "" {
		return "households", "households.id", w, nil
	}
	q := vntext.Fold(raw)
	switch {
	case isDigits(q) && len(q) >= 3:
		// The matches drive the join (fixedJoin): the scope's communes only filter them.
		p := w.next(q, q+"~", q, q+"~")
		return `(SELECT household_id AS hid FROM members WHERE national_id <> '' AND national_id >= ` + p[0] + ` AND national_id < ` + p[1] +
			` UNION SELECT id FROM households WHERE code >= ` + p[2] + ` AND code < ` + p[3] + `) m ` + db.dialect.fixedJoin() +
			` households ON households.id = m.hid`, "m.hid", w, nil
	case !strings.ContainsAny(raw, " \t") && strings.ContainsAny(q, "0123456789") && strings.ContainsAny(q, "-/._"):
		up := strings.ToUpper(raw)
		p := w.next(raw, raw+"~", up, up+"~")
		return `(SELECT id AS hid FROM households WHERE code >= ` + p[0] + ` AND code < ` + p[1] + ` UNION SELECT id FROM households WHERE code >= ` +
			p[2] + ` AND code < ` + p[3] + `) m ` + db.dialect.fixedJoin() + ` households ON households.id = m.hid`, "m.hid", w, nil
	}
	words := searchWords(q)
	if len(words) == 0 {
		w.add("1 = 0")
		return "households", "households.id", w, nil
	}
	from, cond, arg, id, err := db.dialect.search(ctx, db, words)
	if err != nil {
		return "", "", nil, err
	}
	w.add(cond, arg)
	return from, id, w, nil
}

// searchWords splits folded text into the words the full-text indexes hold: runs of
// ASCII letters and digits.
func searchWords(q string) []string {
	return strings.FieldsFunc(q, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') })
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// EachHousehold calls fn for every matching household with its members, in id order,
// a page of 1,000 at a time.
func (db *DB) EachHousehold(ctx context.Context, f registry.HouseholdFilter, fn func(*registry.Household) error) error {
	if f.CommuneCodes != nil && len(f.CommuneCodes) == 0 {
		return nil
	}
	var after int64
	for {
		from, _, w, err := db.householdFrom(ctx, f)
		if err != nil {
			return err
		}
		w.add("households.id > ?", after)
		last, err := db.eachPage(ctx, `SELECT `+householdCols+` FROM `+from+` WHERE `+w.sql()+` ORDER BY households.id LIMIT 1000`, w.args,
			func(sc interface{ Scan(...any) error }) (*registry.Household, error) { return scanHousehold(sc) }, fn)
		if err != nil || last == 0 {
			return err
		}
		after = last
	}
}

// eachPage reads the households of query (in id order, through scan), loads their
// members and calls fn for each; it returns the id of the last one, 0 for none.
func (db *DB) eachPage(ctx context.Context, query string, args []any, scan func(sc interface{ Scan(...any) error }) (*registry.Household, error),
	fn func(*registry.Household) error) (int64, error) {
	rows, err := db.r(ctx).QueryContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	var page []*registry.Household
	for rows.Next() {
		h, err := scan(rows)
		if err != nil {
			rows.Close()
			return 0, err
		}
		page = append(page, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(page) == 0 {
		return 0, err
	}
	if err := db.pageMembers(ctx, page); err != nil {
		return 0, err
	}
	for _, h := range page {
		if err := fn(h); err != nil {
			return 0, err
		}
	}
	return page[len(page)-1].ID, nil
}

// eachHouseholdOf calls fn for each of these households with its members, in id order,
// a page of 1,000 at a time; ids missing from the table are skipped. cols and scan are
// the household columns read and their scan (householdCols and scanHousehold, or a
// narrower pair).
func (db *DB) eachHouseholdOf(ctx context.Context, ids []int64, cols string, scan func(sc interface{ Scan(...any) error }) (*registry.Household, error),
	fn func(*registry.Household) error) error {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), 1000)]
		ids = ids[len(chunk):]
		var w where
		db.in(&w, "households.id", chunk)
		if _, err := db.eachPage(ctx, `SELECT `+cols+` FROM households WHERE `+w.sql()+` ORDER BY households.id`, w.args, scan, fn); err != nil {
			return err
		}
	}
	return nil
}

// pageMembers loads the members of a page of households with one query.
func (db *DB) pageMembers(ctx context.Context, page []*registry.Household) error {
	byID := make(map[int64]*registry.Household, len(page))
	ids := make([]int64, len(page))
	for i, h := range page {
		byID[h.ID], ids[i] = h, h.ID
	}
	var w where
	db.in(&w, "household_id", ids)
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT household_id, id, relation, ethnicity, national_id, CAST(answers AS TEXT) FROM members
		WHERE `+w.sql()+` ORDER BY household_id, seq`, w.args...)
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
	// issue 14: the roll-ups follow the household to its new unit (store/rollup.go).
	// The move carries the version it was based on, and its history entry is written
	// with it, in one transaction.
	id := h.ID
	err := db.WithTx(ctx, func(ctx context.Context) error {
		if err := db.InsertHistory(ctx, h.ID, &registry.HistoryEntry{Version: h.Version, ValidFrom: h.UpdatedAt, ValidTo: at, ChangedBy: by, Household: registry.ForHistory(h)}); err != nil {
			return err
		}
		return db.changeHousehold(ctx, &id, causeCarry, dayOf(at), func() error {
			res, err := db.w(ctx).ExecContext(ctx, `UPDATE households SET commune_code = $1, province_code = $2, version = version + 1, updated_at = $3 WHERE id = $4 AND version = $5`,
				communeCode, provinceCode, db.t(at), h.ID, h.Version)
			if err != nil {
				return db.formatError(err)
			}
			if n, err := res.RowsAffected(); err != nil {
				return err
			} else if n == 0 {
				return giamngheo.Errorf(giamngheo.ECONFLICT, "Hộ %s đã được sửa trong lúc chuyển sang đơn vị mới: hãy chuyển lại.",
					"Household %s was changed while it was being carried to its new unit: carry it again.", h.Code)
			}
			// The members carry the household's province (the key a distributed database
			// places them by, and they are read by it): they move with it (1 July 2025:
			// Hải Dương into Hải Phòng). Cases and support records keep the unit they were
			// made in, as they keep its commune.
			_, err = db.w(ctx).ExecContext(ctx, `UPDATE members SET province_code = $1 WHERE household_id = $2 AND province_code <> $1`, provinceCode, h.ID)
			if err != nil {
				return err
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	h.CommuneCode, h.ProvinceCode, h.Version, h.UpdatedAt = communeCode, provinceCode, h.Version+1, at
	return nil
}

// householdOrder is the ORDER BY of a household list (registry.HouseholdFilter.Order);
// idCol is the household id of the FROM (householdFrom).
func householdOrder(f registry.HouseholdFilter, idCol string) string {
	switch f.Order() {
	case registry.OrderEntry:
		return idCol
	case registry.OrderName:
		return "head_key, commune_code, code"
	}
	return "commune_code, code"
}
