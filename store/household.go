package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
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

// FindHouseholds returns one page of matching households (without members), in
// administrative order, and the total before paging.
func (db *DB) FindHouseholds(ctx context.Context, f registry.HouseholdFilter) ([]*registry.Household, int, error) {
	if f.CommuneCodes != nil && len(f.CommuneCodes) == 0 {
		return nil, 0, nil
	}
	w := db.householdWhere(f)
	p := f.Page.Norm()
	page := w.next(p.Limit, p.Offset)
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT `+householdCols+`, count(*) OVER () FROM households WHERE `+
		w.sql()+` ORDER BY `+householdOrder(f)+` LIMIT `+page[0]+` OFFSET `+page[1], w.args...)
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
		st.Search, st.Survey, st.Class, st.Deprived, st.DeprivationCount, st.Standard, registry.OrNull(st.Result), registry.OrNull(st.Warnings),
		h.Version, db.t(h.CreatedAt), db.t(h.UpdatedAt), st.HeadKey, st.Traits}, nil
}

var householdColumns = []string{"id", "province_code", "commune_code", "code", "village_id", "village_name", "address", "head_name", "phone",
	"search", "survey", "class", "deprived", "deprivation_count", "standard_id", "result", "warnings", "version", "created_at", "updated_at", "head_key", "traits"}

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
			warnings=$16, version=$17, created_at=$18, updated_at=$19, head_key=$20, traits=$21 WHERE id=$22`, append(args, h.ID)...)
			if err != nil {
				return db.conflict(err, msgCodeTaken, msgCodeTakenEN, h.Code)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return errHouseholdNotFound()
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
	if q := vntext.Fold(strings.TrimSpace(f.Query)); q != "" {
		w.add("search LIKE ?", "%"+q+"%")
	}
	return w
}

// EachHousehold calls fn for every matching household with its members, in id order,
// a page of 1,000 at a time.
func (db *DB) EachHousehold(ctx context.Context, f registry.HouseholdFilter, fn func(*registry.Household) error) error {
	if f.CommuneCodes != nil && len(f.CommuneCodes) == 0 {
		return nil
	}
	var after int64
	for {
		w := db.householdWhere(f)
		w.add("id > ?", after)
		rows, err := db.r(ctx).QueryContext(ctx, `SELECT `+householdCols+` FROM households WHERE `+w.sql()+` ORDER BY id LIMIT 1000`, w.args...)
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
	if err := db.InsertHistory(ctx, h.ID, &registry.HistoryEntry{Version: h.Version, ValidFrom: h.UpdatedAt, ValidTo: at, ChangedBy: by, Household: registry.ForHistory(h)}); err != nil {
		return err
	}
	// issue 14: the roll-ups follow the household to its new unit (store/rollup.go).
	id := h.ID
	err := db.WithTx(ctx, func(ctx context.Context) error {
		return db.changeHousehold(ctx, &id, causeCarry, dayOf(at), func() error {
			_, err := db.w(ctx).ExecContext(ctx, `UPDATE households SET commune_code = $1, province_code = $2, version = version + 1, updated_at = $3 WHERE id = $4`,
				communeCode, provinceCode, db.t(at), h.ID)
			return db.formatError(err)
		})
	})
	if err != nil {
		return err
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
