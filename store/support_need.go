package store

// The needs of the recognised households (migration 0021, issue 15 item 8): kept with
// the roll-ups in the writing transaction (changeHousehold), checked by VerifyRollups
// and rewritten by RebuildRollups, read by the worklists and the coverage measures.

import (
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"sort"
	"strconv"
	"strings"

	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/report"
	"giamngheo/support"
)

const needCols = `household_id, kind, seq, member_id, person, province_code, commune_code, household_code, status, head_name,
	member_name, birth_date, national_id, reason`

// refreshNeeds rewrites the needs of household id after a write that left it with the
// footprint after (before: its footprint before). A household on no list before or
// after costs nothing.
func (db *DB) refreshNeeds(ctx context.Context, id int64, before, after footprint) error {
	wasListed, isListed := before.exists && listed(before.status), after.exists && listed(after.status)
	if !wasListed && !isListed {
		return nil
	}
	if wasListed {
		if _, err := db.w(ctx).ExecContext(ctx, `DELETE FROM support_needs WHERE household_id = $1`, id); err != nil {
			return fmt.Errorf("support needs: %w", err)
		}
	}
	if !isListed {
		return nil
	}
	h, err := db.FindHouseholdByID(ctx, id)
	if err != nil {
		return err
	}
	return db.insertNeeds(ctx, support.NeedsOf(h))
}

// insertNeeds stores ns through one prepared statement (see InsertSupports: a
// statement of many rows binds its parameters in time quadratic in their number).
func (db *DB) insertNeeds(ctx context.Context, ns []support.Need) error {
	if len(ns) == 0 {
		return nil
	}
	exec, done, err := db.prepared(ctx, `INSERT INTO support_needs (`+needCols+`) VALUES (`+placeholders(1, 14)+`)`)
	if err != nil {
		return fmt.Errorf("support needs: %w", err)
	}
	defer done()
	for _, n := range ns {
		if _, err := exec(ctx, n.HouseholdID, n.Kind, n.Seq, n.MemberID, n.Person, n.ProvinceCode, n.CommuneCode, n.HouseholdCode, string(n.Status),
			n.HeadName, n.MemberName, n.BirthDate, n.NationalID, n.Reason); err != nil {
			return fmt.Errorf("support needs: %w", err)
		}
	}
	return nil
}

// needWhere builds the conditions of f over support_needs n.
func (db *DB) needWhere(f support.NeedFilter) *where {
	w := &where{}
	w.add("n.kind = ?", f.Kind)
	if f.CommuneCodes != nil {
		db.in(w, "n.commune_code", f.CommuneCodes)
	}
	if f.BornAfter != "" || f.BornThrough != "" {
		cw := &where{args: w.args}
		cw.add("n.birth_date <> ''")
		if f.BornAfter != "" {
			cw.add("n.birth_date > ?", f.BornAfter)
		}
		if f.BornThrough != "" {
			cw.add("n.birth_date <= ?", f.BornThrough)
		}
		w.args = cw.args
		cond := "(" + cw.sql() + ")"
		if f.BornOutside {
			cond = "NOT " + cond
		}
		w.conds = append(w.conds, cond)
	}
	if len(f.Types) > 0 {
		sw := &where{args: w.args}
		sw.add("s.household_id = n.household_id")
		sw.add("s.person = n.person")
		db.in(sw, "s.type", f.Types)
		sw.add("s.year = ?", f.Year)
		w.args = sw.args
		cond := "EXISTS (SELECT 1 FROM support_records s WHERE " + sw.sql() + ")"
		if !f.Supported {
			cond = "NOT " + cond
		}
		w.conds = append(w.conds, cond)
	}
	return w
}

// CountNeeds counts the needs of f. With support types, it counts the needs of f
// without them and those supported, joined from the year's support records of those
// types (few beside the needs): the unsupported are the difference. No count probes
// the support records once per need.
func (db *DB) CountNeeds(ctx context.Context, f support.NeedFilter) (int, error) {
	if f.CommuneCodes != nil && len(f.CommuneCodes) == 0 {
		return 0, nil
	}
	all := f
	all.Types = nil
	w := db.needWhere(all)
	var total int
	if err := db.r(ctx).QueryRowContext(ctx, `SELECT count(*) FROM support_needs n WHERE `+w.sql(), w.args...).Scan(&total); err != nil {
		return 0, err
	}
	if len(f.Types) == 0 {
		return total, nil
	}
	// Every record of the year counts, wherever it was made: a household carried to
	// another commune (the 2025 reform) keeps the support recorded before, as the list
	// (FindNeeds) does; the needs' scope limits the join (index support_records_year).
	sw := &where{}
	sw.add("year = ?", f.Year)
	db.in(sw, "type", f.Types)
	w = db.needWhere(all)
	// The needs' conditions after the records' (their placeholders are numbered on).
	cond := renumber(w.sql(), len(sw.args))
	args := append(append([]any{}, sw.args...), w.args...)
	var supported int
	err := db.r(ctx).QueryRowContext(ctx, `SELECT count(*) FROM (SELECT DISTINCT household_id, person FROM support_records WHERE `+sw.sql()+`) s
		`+db.dialect.fixedJoin()+` support_needs n ON n.household_id = s.household_id AND n.person = s.person WHERE `+cond, args...).Scan(&supported)
	if err != nil {
		return 0, err
	}
	if f.Supported {
		return supported, nil
	}
	return total - supported, nil
}

// renumber shifts the placeholders $1… of cond by n.
func renumber(cond string, n int) string {
	var b strings.Builder
	for i := 0; i < len(cond); i++ {
		if cond[i] != '$' {
			b.WriteByte(cond[i])
			continue
		}
		j := i + 1
		for j < len(cond) && cond[j] >= '0' && cond[j] <= '9' {
			j++
		}
		k, err := strconv.Atoi(cond[i+1 : j])
		if err != nil {
			b.WriteByte('$')
			continue
		}
		b.WriteString("$" + strconv.Itoa(k+n))
		i = j - 1
	}
	return b.String()
}

// FindNeeds returns at most limit needs of f in worklist order (commune, household
// code, member order), from the start or after or before cur: the index
// support_needs_list gives the order, and only the communes from the cursor's on are
// asked for, so a page reads little more than its rows.
func (db *DB) FindNeeds(ctx context.Context, f support.NeedFilter, cur *support.NeedCursor, limit int) ([]support.Need, error) {
	if cur != nil && f.CommuneCodes != nil {
		var kept []string
		for _, c := range f.CommuneCodes {
			if (!cur.Before && c >= cur.CommuneCode) || (cur.Before && c <= cur.CommuneCode) {
				kept = append(kept, c)
			}
		}
		f.CommuneCodes = kept
	}
	if f.CommuneCodes != nil && len(f.CommuneCodes) == 0 {
		return nil, nil
	}
	w := db.needWhere(f)
	order := "n.commune_code, n.household_code, n.seq"
	if cur != nil {
		op := ">"
		if cur.Before {
			op, order = "<", "n.commune_code DESC, n.household_code DESC, n.seq DESC"
		}
		w.add("(n.commune_code "+op+" ? OR (n.commune_code = ? AND (n.household_code "+op+" ? OR (n.household_code = ? AND n.seq "+op+" ?))))",
			cur.CommuneCode, cur.CommuneCode, cur.HouseholdCode, cur.HouseholdCode, cur.Seq)
	}
	lim := w.next(limit)
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT `+prefixed("n.", needCols)+` FROM support_needs n WHERE `+w.sql()+` ORDER BY `+order+` LIMIT `+lim[0], w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []support.Need
	for rows.Next() {
		n, err := scanNeed(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if cur != nil && cur.Before {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out, nil
}

// needKey is a need's place: its household, kind and member.
type needKey struct {
	household int64
	kind      string
	seq       int
}

// recountNeeds derives the needs of every listed household from the households, the
// reference verify compares with and rebuild writes (a walk of the listed households:
// a maintenance command's cost, never a page's): one narrow query finds them, then
// they are read a page at a time.
func (db *DB) recountNeeds(ctx context.Context) (map[needKey]support.Need, error) {
	ids, err := db.listedIDs(ctx)
	if err != nil {
		return nil, err
	}
	out := map[needKey]support.Need{}
	err = db.eachHouseholdOf(ctx, ids, needsHouseholdCols, scanNeedsHousehold, func(h *registry.Household) error {
		for _, n := range support.NeedsOf(h) {
			out[needKey{n.HouseholdID, n.Kind, n.Seq}] = n
		}
		return nil
	})
	return out, err
}

// needsHouseholdCols are the household columns support.NeedsOf reads (with the
// members): the recount reads the result's deprivations from their column, not the
// survey and result documents. The
// verify and the random-writes suite compare this path with the maintenance, which
// derives the needs from whole households.
const needsHouseholdCols = `id, province_code, commune_code, code, head_name, status, deprived`

// scanNeedsHousehold reads a row of needsHouseholdCols.
func scanNeedsHousehold(sc interface{ Scan(...any) error }) (*registry.Household, error) {
	h := &registry.Household{}
	var status, deprived string
	if err := sc.Scan(&h.ID, &h.ProvinceCode, &h.CommuneCode, &h.Code, &h.HeadName, &status, &deprived); err != nil {
		return nil, err
	}
	set, err := registry.ParseDeprivedText(deprived) // "" without a result
	if err != nil {
		return nil, err
	}
	h.Result = &poverty.Result{Deprived: set}
	if c := poverty.Class(status); c == poverty.Poor || c == poverty.NearPoor {
		h.Recognised.Class = c
	}
	return h, nil
}

// listedIDs returns the ids of the households on a list (poor or near-poor).
func (db *DB) listedIDs(ctx context.Context) ([]int64, error) {
	ids, err := column[int64](ctx, db.r(ctx), `SELECT id FROM households WHERE status IN ('poor', 'near_poor')`)
	if ids == nil && err == nil {
		ids = []int64{}
	}
	return ids, err
}

// needSeed seeds the hashes of the needs' rows (storedNeeds, needHash).
var needSeed = maphash.MakeSeed()

// storedNeeds reads the needs table as one hash of each row's columns (needHash's):
// what verify and rebuild compare with the recount, without a Go value per column.
func (db *DB) storedNeeds(ctx context.Context) (map[needKey]uint64, error) {
	out := map[needKey]uint64{}
	kinds := map[string]string{}
	err := db.dialect.eachRaw(ctx, db, `SELECT `+needCols+` FROM support_needs`, func(r rawRow) error {
		var ints [3]int64 // household_id, seq, member_id
		for i, col := range []int{0, 2, 3} {
			var err error
			if ints[i], err = r.Int(col); err != nil {
				return err
			}
		}
		kind, ok := kinds[string(r.Bytes(1))]
		if !ok {
			kind = string(r.Bytes(1))
			kinds[kind] = kind
		}
		var h maphash.Hash
		h.SetSeed(needSeed)
		writeHashInt(&h, ints[0])
		h.Write(r.Bytes(1))
		h.WriteByte(0)
		writeHashInt(&h, ints[1])
		writeHashInt(&h, ints[2])
		for col := 4; col < 14; col++ {
			h.Write(r.Bytes(col))
			h.WriteByte(0)
		}
		out[needKey{ints[0], kind, int(ints[1])}] = h.Sum64()
		return nil
	})
	return out, err
}

// needHash is the hash of a need's row as storedNeeds computes it from the table.
func needHash(n support.Need) uint64 {
	var h maphash.Hash
	h.SetSeed(needSeed)
	writeHashInt(&h, n.HouseholdID)
	h.WriteString(n.Kind)
	h.WriteByte(0)
	writeHashInt(&h, int64(n.Seq))
	writeHashInt(&h, n.MemberID)
	for _, v := range []string{n.Person, n.ProvinceCode, n.CommuneCode, n.HouseholdCode, string(n.Status), n.HeadName, n.MemberName, n.BirthDate, n.NationalID, n.Reason} {
		h.WriteString(v)
		h.WriteByte(0)
	}
	return h.Sum64()
}

func writeHashInt(h *maphash.Hash, n int64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(n))
	h.Write(b[:])
}

// diffNeeds lists the needs that differ between the table and the recount.
func diffNeeds(stored map[needKey]uint64, counted map[needKey]support.Need) []report.Mismatch {
	var out []report.Mismatch
	add := func(k needKey, ns, nc int64) {
		out = append(out, report.Mismatch{Table: "support_needs", Key: fmt.Sprintf("%d/%s/%d", k.household, k.kind, k.seq), Stored: ns, Counted: nc})
	}
	for k, s := range stored {
		if c, ok := counted[k]; !ok {
			add(k, 1, 0)
		} else if s != needHash(c) {
			add(k, 0, 1) // present in both, but not the same row
		}
	}
	for k := range counted {
		if _, ok := stored[k]; !ok {
			add(k, 0, 1)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// rebuildNeeds rewrites the needs table from the households, in the caller's
// transaction, and returns what it corrected.
func (db *DB) rebuildNeeds(ctx context.Context) ([]report.Mismatch, error) {
	n, err := db.readNeeds(ctx)
	if err != nil {
		return nil, err
	}
	return n.diff, db.writeNeeds(ctx, n)
}

// recountedNeeds is the needs recounted from the households, the table's rows (as
// hashes) and how the table differs from the recount.
type recountedNeeds struct {
	counted map[needKey]support.Need
	stored  map[needKey]uint64
	diff    []report.Mismatch
}

// readNeeds recounts the needs and reads the table.
func (db *DB) readNeeds(ctx context.Context) (recountedNeeds, error) {
	counted, err := db.recountNeeds(ctx)
	if err != nil {
		return recountedNeeds{}, err
	}
	stored, err := db.storedNeeds(ctx)
	if err != nil {
		return recountedNeeds{}, err
	}
	return recountedNeeds{counted, stored, diffNeeds(stored, counted)}, nil
}

// writeNeeds writes the recount where the table differs from it: the rows that differ
// are deleted and inserted again (110,682 rows rewritten for 5 that differed took 17 s
// on PostgreSQL), or, when most differ, the whole table.
func (db *DB) writeNeeds(ctx context.Context, n recountedNeeds) error {
	if len(n.diff) == 0 {
		return nil
	}
	var del []needKey
	var put []support.Need
	for k, h := range n.stored {
		if c, ok := n.counted[k]; !ok || needHash(c) != h {
			del = append(del, k)
		}
	}
	for k, c := range n.counted {
		if h, ok := n.stored[k]; !ok || needHash(c) != h {
			put = append(put, c)
		}
	}
	if 2*len(del) > len(n.stored) {
		if _, err := txFrom(ctx).ExecContext(ctx, `DELETE FROM support_needs`); err != nil {
			return err
		}
		put = put[:0]
		for _, c := range n.counted {
			put = append(put, c)
		}
	} else if len(del) > 0 {
		exec, done, err := db.prepared(ctx, `DELETE FROM support_needs WHERE household_id = $1 AND kind = $2 AND seq = $3`)
		if err != nil {
			return err
		}
		defer done()
		for _, k := range del {
			if _, err := exec(ctx, k.household, k.kind, k.seq); err != nil {
				return fmt.Errorf("support needs: %w", err)
			}
		}
	}
	sort.Slice(put, func(i, j int) bool {
		a, b := put[i], put[j]
		if a.HouseholdID != b.HouseholdID {
			return a.HouseholdID < b.HouseholdID
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Seq < b.Seq
	})
	return db.insertNeeds(ctx, put)
}

// scanNeed reads a row of the needs' columns (household, kind, seq, member, person,
// province, commune, household code, status, head, member name, birth date, national
// ID, reason).
func scanNeed(rows *sql.Rows) (support.Need, error) {
	var n support.Need
	var status string
	err := rows.Scan(&n.HouseholdID, &n.Kind, &n.Seq, &n.MemberID, &n.Person, &n.ProvinceCode, &n.CommuneCode, &n.HouseholdCode, &status,
		&n.HeadName, &n.MemberName, &n.BirthDate, &n.NationalID, &n.Reason)
	n.Status = poverty.Class(status)
	return n, err
}
