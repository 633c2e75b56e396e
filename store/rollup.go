package store

// Maintained roll-ups (issue 14, docs/adr/0009-maintained-rollups.md). Every write
// that changes what a household adds to the counts reads the household's footprint
// before and after, in its own transaction, and applies the difference: one place per
// kind of write (CreateHousehold, SaveHousehold, MoveHousehold, SetHouseholdStatus,
// ImportHouseholds; SaveCase only relabels a decision's flow).

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/report"
	"giamngheo/review"
)

// afterMigration holds what must run right after a migration, in its transaction.
var afterMigration = map[string]func(ctx context.Context, db *DB) error{
	// 0012 adds the measures "differs" and "class:…" (issue 13 item 8): counted again
	// from the households.
	"migrations/0012_speed.sql": func(ctx context.Context, db *DB) error {
		_, err := db.rebuildRollups(ctx)
		return err
	},
	"migrations/0007_rollups.sql": func(ctx context.Context, db *DB) error {
		if _, err := db.rebuildRollups(ctx); err != nil {
			return err
		}
		// The lists as they stand open the flows, from the day each status took effect.
		_, err := txFrom(ctx).ExecContext(ctx, `INSERT INTO rollup_flows (province_code, commune_code, village_id, status, kind, day, households, persons)
			SELECT h.province_code, h.commune_code, coalesce(h.village_id, 0), h.status, 'opening', h.status_since, count(*),
				coalesce(sum((SELECT count(*) FROM members m WHERE m.household_id = h.id)), 0)
			FROM households h WHERE h.status IN ('poor', 'near_poor')
			GROUP BY h.province_code, h.commune_code, coalesce(h.village_id, 0), h.status, h.status_since`)
		return err
	},
	// The needs of the listed households already stored (issue 15 item 8).
	"migrations/0021_support_needs.sql": func(ctx context.Context, db *DB) error {
		_, err := db.rebuildNeeds(ctx)
		return err
	},
	// The deprivation profiles (ADR 0012) of the households already stored.
	"migrations/0017_rollup_profiles.sql": func(ctx context.Context, db *DB) error {
		_, err := db.rebuildRollups(ctx)
		return err
	},
	// The word pairs and triples of the search text of the households already stored
	// (ADR 0015, ADR 0017). 0026 added the pairs; 0028, which follows it, writes the
	// text with every gram (indexText), so 0026 itself has nothing left to do.
	"migrations/0028_search_triples.sql": func(ctx context.Context, db *DB) error {
		return db.backfillSearchGrams(ctx)
	},
	// The words of the households already stored (PostgreSQL: the table is new).
	"migrations/0027_search_words.sql": func(ctx context.Context, db *DB) error {
		return db.backfillSearchWords(ctx)
	},
	// The compact forms of the answers already stored (ADR 0014).
	"migrations/0023_household_facts.sql": func(ctx context.Context, db *DB) error {
		return db.backfillFacts(ctx)
	},
	// The traits of the households already stored, then their roll-ups.
	"migrations/0018_household_traits.sql": func(ctx context.Context, db *DB) error {
		if err := db.backfillTraits(ctx, time.Now().In(giamngheo.Vietnam)); err != nil {
			return err
		}
		_, err := db.rebuildRollups(ctx)
		return err
	},
}

// footprint is what one household adds to the roll-ups.
type footprint struct {
	exists            bool
	province, commune string
	village           int64
	status            string
	persons           int64
	deprived          string
	// standard is the standard the household was classified under: with deprived it
	// makes the household's deprivation profile (report.ProfileMeasure, ADR 0012).
	standard string
	// traits are the household's traits as stored (registry.TraitsText).
	traits string
	// differs: the survey result would put the household on another list
	// (report.MeasureDiffers).
	differs bool
	// class is the survey result (report.MeasureClassPfx), "" before classification.
	class string
}

// surveyClasses are the survey classes counted by report.MeasureClassPfx.
var surveyClasses = []poverty.Class{poverty.Poor, poverty.NearPoor, poverty.Middle, poverty.NotPoor}

// differs reports whether the list of a survey class differs from the list of a
// recognised status (the "differs" filter of store/household.go).
func differs(class, status string) bool {
	listOf := func(s string) string {
		if listed(s) {
			return s
		}
		return ""
	}
	return listOf(class) != listOf(status)
}

func (db *DB) footprintOf(ctx context.Context, id int64) (footprint, error) {
	f := footprint{}
	var class string
	err := db.r(ctx).QueryRowContext(ctx, `SELECT h.province_code, h.commune_code, coalesce(h.village_id, 0), h.status, h.deprived, h.standard_id, h.class, h.traits,
		(SELECT count(*) FROM members m WHERE m.household_id = h.id) FROM households h WHERE h.id = $1`, id).
		Scan(&f.province, &f.commune, &f.village, &f.status, &f.deprived, &f.standard, &class, &f.traits, &f.persons)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return footprint{}, nil
		}
		return f, err
	}
	f.exists = true
	f.differs, f.class = differs(class, f.status), class
	return f, nil
}

type rollupKey struct {
	province, commune string
	village           int64
	status, measure   string
}

// cell names the key's roll-up cell as verify and rebuild report it.
func (k rollupKey) cell() string {
	return fmt.Sprintf("%s/%d/%s/%s", k.commune, k.village, k.status, k.measure)
}

// add adds sign times the footprint to d.
func (f footprint) add(d map[rollupKey]int64, sign int64) {
	if !f.exists {
		return
	}
	f.addN(d, sign, sign*f.persons)
}

// addN adds to d hh households of the footprint's shape holding p persons in all: one
// household's footprint (hh = ±1), or a group of households sharing unit, status,
// deprivations, standard, class and traits. The rebuild's single recount adds the same
// parts over coarser groups (recountGrouped).
func (f footprint) addN(d map[rollupKey]int64, hh, p int64) {
	k := rollupKey{f.province, f.commune, f.village, f.status, report.MeasureHouseholds}
	d[k] += hh
	k.measure = report.MeasurePersons
	d[k] += p
	addDeprived(d, k, f.standard, f.deprived, hh)
	addClass(d, k, f.class, f.differs, hh)
	addTraits(d, k, f.traits, hh, p)
}

// addDeprived adds to d, under k's unit and status, hh households deprived in the
// stored deprivations text under the standard: each indicator, their number, and the
// joint distribution (the Alkire–Foster profile).
func addDeprived(d map[rollupKey]int64, k rollupKey, standard, deprived string, hh int64) {
	var n int64
	for _, ind := range strings.Split(strings.Trim(deprived, ","), ",") {
		if ind == "" {
			continue
		}
		n++
		k.measure = report.MeasureDeprivedPfx + ind
		d[k] += hh
	}
	k.measure = report.MeasureDeprivations
	d[k] += hh * n
	// The joint distribution of the deprivations, for the Alkire–Foster analysis.
	k.measure = report.ProfileMeasure(standard, deprived)
	d[k] += hh
}

// addClass adds to d, under k's unit and status, hh households of the survey class
// (and, with differs, whose class would put them on another list).
func addClass(d map[rollupKey]int64, k rollupKey, class string, differs bool, hh int64) {
	if differs {
		k.measure = report.MeasureDiffers
		d[k] += hh
	}
	if class != "" {
		k.measure = report.MeasureClassPfx + class
		d[k] += hh
	}
}

// addTraits adds to d, under k's unit and status, the households (hh) of each trait of
// the stored traits text, and their persons (p) where the roll-ups count them.
func addTraits(d map[rollupKey]int64, k rollupKey, traits string, hh, p int64) {
	for _, t := range registry.TraitsItems(traits) {
		m, n := report.TraitCount(t)
		k.measure = m
		d[k] += hh * n
		if report.TraitPersons(t) {
			k.measure = t + report.MeasurePersonsSfx
			d[k] += p
		}
	}
}

func listed(status string) bool {
	return status == string(poverty.Poor) || status == string(poverty.NearPoor)
}

type flowKey struct {
	province, commune string
	village           int64
	status            string
	kind              report.FlowKind
	day               string
}

type flowVal struct{ households, persons int64 }

// The causes of a change of footprint, which decide the kind of its flows.
const (
	causeDecision = "decision" // a review decision (SetHouseholdStatus)
	causeEdit     = "edit"     // an edit of the household
	causeCarry    = "carry"    // a reorganisation of units (MoveHousehold)
)

// addFlows adds to d how the lists changed when a household's footprint went from a to b.
func addFlows(d map[flowKey]flowVal, a, b footprint, cause, day string) {
	la, lb := a.exists && listed(a.status), b.exists && listed(b.status)
	sameUnit := a.commune == b.commune && a.village == b.village
	put := func(f footprint, kind report.FlowKind, h, p int64) {
		if h == 0 && p == 0 {
			return
		}
		k := flowKey{f.province, f.commune, f.village, f.status, kind, day}
		v := d[k]
		v.households += h
		v.persons += p
		d[k] = v
	}
	if la && lb && a.status == b.status && sameUnit {
		// Still on the same list in the same place: only members came or left.
		if dp := b.persons - a.persons; dp > 0 {
			put(b, report.FlowOtherIn, 0, dp)
		} else if dp < 0 {
			put(a, report.FlowOtherOut, 0, -dp)
		}
		return
	}
	if la {
		kind := report.FlowOtherOut
		switch {
		case cause == causeCarry && !sameUnit:
			kind = report.FlowCarryOut
		case lb && a.status != b.status:
			kind = report.FlowToOtherList
		case cause == causeDecision:
			kind = report.FlowToAbove
		}
		put(a, kind, 1, a.persons)
	}
	if lb {
		kind := report.FlowOtherIn
		switch {
		case cause == causeCarry && !sameUnit:
			kind = report.FlowCarryIn
		case la && a.status != b.status:
			kind = report.FlowFromOtherList
		case cause == causeDecision:
			kind = report.FlowNew
		}
		put(b, kind, 1, b.persons)
	}
}

// changeHousehold runs write, a change of household *id (0 before a creation), between
// two readings of its footprint, and applies the difference to the roll-ups and the
// flows. It must run in a transaction.
func (db *DB) changeHousehold(ctx context.Context, id *int64, cause, day string, write func() error) error {
	if db.noRollups {
		return write()
	}
	var before footprint
	if *id != 0 {
		var err error
		if before, err = db.footprintOf(ctx, *id); err != nil {
			return err
		}
	}
	if err := write(); err != nil {
		return err
	}
	after, err := db.footprintOf(ctx, *id)
	if err != nil {
		return err
	}
	d := map[rollupKey]int64{}
	before.add(d, -1)
	after.add(d, 1)
	if err := db.applyRollups(ctx, d); err != nil {
		return err
	}
	if err := db.refreshNeeds(ctx, *id, before, after); err != nil {
		return err
	}
	fl := map[flowKey]flowVal{}
	addFlows(fl, before, after, cause, day)
	return db.applyFlows(ctx, fl)
}

// dayOf is the day in Vietnam of t, the day a flow is recorded on.
func dayOf(t time.Time) string { return giamngheo.DayString(t) }

// applyRollups adds the non-zero differences of d to the table, in key order (so that
// concurrent PostgreSQL transactions lock rows in one order).
func (db *DB) applyRollups(ctx context.Context, d map[rollupKey]int64) error {
	// A row is one (commune, village, status, measure): a commune carried into another
	// province brings deltas under both province codes, which must become one row of
	// the statement (PostgreSQL refuses to update a row twice in one upsert). The row
	// takes the province of the positive delta, where the households now are.
	merged := make(map[rollupKey]int64, len(d))
	for k, n := range d {
		if n == 0 {
			continue
		}
		row := k
		row.province = ""
		if prev, ok := merged[row]; ok {
			n += prev
		}
		merged[row] = n
	}
	province := make(map[rollupKey]string, len(merged))
	for k, n := range d {
		row := k
		row.province = ""
		if _, ok := merged[row]; ok && (n > 0 || province[row] == "") {
			province[row] = k.province
		}
	}
	d = make(map[rollupKey]int64, len(merged))
	for row, n := range merged {
		row.province = province[row]
		d[row] = n
	}
	keys := make([]rollupKey, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	sortRollupKeys(keys)
	const per = 100
	for start := 0; start < len(keys); start += per {
		chunk := keys[start:min(len(keys), start+per)]
		var vals []string
		var args []any
		for _, k := range chunk {
			vals = append(vals, "("+placeholders(len(args)+1, 6)+")")
			args = append(args, k.province, k.commune, k.village, k.status, k.measure, d[k])
		}
		if _, err := db.w(ctx).ExecContext(ctx, `INSERT INTO rollups (province_code, commune_code, village_id, status, measure, n) VALUES `+
			strings.Join(vals, ", ")+` ON CONFLICT (commune_code, village_id, status, measure) DO UPDATE SET n = rollups.n + excluded.n, province_code = excluded.province_code`, args...); err != nil {
			return fmt.Errorf("rollups: %w", err)
		}
	}
	return db.stampRollups(ctx, rollupProvinces(keys))
}

// rollupProvinces are the provinces of the roll-up cells keys.
func rollupProvinces(keys []rollupKey) map[string]bool {
	out := map[string]bool{}
	for _, k := range keys {
		out[k.province] = true
	}
	return out
}

// applyFlows adds the flows of d to the table.
func (db *DB) applyFlows(ctx context.Context, d map[flowKey]flowVal) error {
	keys := make([]flowKey, 0, len(d))
	for k, v := range d {
		if v.households != 0 || v.persons != 0 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
	for _, k := range keys {
		v := d[k]
		if _, err := db.w(ctx).ExecContext(ctx, `INSERT INTO rollup_flows (province_code, commune_code, village_id, status, kind, day, households, persons)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (commune_code, village_id, status, kind, day)
			DO UPDATE SET households = rollup_flows.households + excluded.households, persons = rollup_flows.persons + excluded.persons,
				province_code = excluded.province_code`,
			k.province, k.commune, k.village, k.status, string(k.kind), k.day, v.households, v.persons); err != nil {
			return fmt.Errorf("rollup flows: %w", err)
		}
	}
	return nil
}

// relabelFlow moves a decision's flow of one household from one kind to another, once
// the decision's transition is known (SaveCase): re-poor rather than new, a departure
// rather than an escape, moved in or split off rather than new. It reports whether
// there was such a flow to move.
func (db *DB) relabelFlow(ctx context.Context, householdID int64, status, day string, from, to report.FlowKind) (bool, error) {
	f, err := db.footprintOf(ctx, householdID)
	if err != nil || !f.exists {
		return false, err
	}
	var n int64
	err = db.r(ctx).QueryRowContext(ctx, `SELECT coalesce(sum(households), 0) FROM rollup_flows WHERE commune_code = $1 AND village_id = $2 AND status = $3 AND kind = $4 AND day = $5`,
		f.commune, f.village, status, string(from), day).Scan(&n)
	if err != nil || n < 1 {
		return false, err
	}
	d := map[flowKey]flowVal{
		{f.province, f.commune, f.village, status, from, day}: {-1, -f.persons},
		{f.province, f.commune, f.village, status, to, day}:   {1, f.persons},
	}
	return true, db.applyFlows(ctx, d)
}

// recountSQL counts the roll-ups' measures over the households, one row per unit and
// status: the reference that verify compares with and rebuild writes.
func recountSQL() string {
	var b strings.Builder
	// One province per commune row: the latest (a commune keeps its code when moved to
	// another province).
	b.WriteString(`SELECT max(h.province_code), h.commune_code, coalesce(h.village_id, 0), h.status, count(*), coalesce(sum(m.n), 0)`)
	for _, k := range poverty.IndicatorKeys {
		fmt.Fprintf(&b, `, sum(CASE WHEN h.deprived LIKE '%%,%s,%%' THEN 1 ELSE 0 END)`, k)
	}
	b.WriteString(`, sum(CASE WHEN (CASE WHEN h.class IN ('poor', 'near_poor') THEN h.class ELSE '' END) <> (CASE WHEN h.status IN ('poor', 'near_poor') THEN h.status ELSE '' END) THEN 1 ELSE 0 END)`)
	for _, c := range surveyClasses {
		fmt.Fprintf(&b, `, sum(CASE WHEN h.class = '%s' THEN 1 ELSE 0 END)`, c)
	}
	b.WriteString(` FROM households h LEFT JOIN (SELECT household_id, count(*) AS n FROM members GROUP BY household_id) m ON m.household_id = h.id
		GROUP BY h.commune_code, coalesce(h.village_id, 0), h.status`)
	return b.String()
}

// recount counts the roll-ups over the households.
func (db *DB) recount(ctx context.Context) (map[rollupKey]int64, error) {
	rows, err := db.r(ctx).QueryContext(ctx, recountSQL())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[rollupKey]int64{}
	for rows.Next() {
		var k rollupKey
		var hh, persons int64
		deps := make([]int64, len(poverty.IndicatorKeys))
		dest := []any{&k.province, &k.commune, &k.village, &k.status, &hh, &persons}
		for i := range deps {
			dest = append(dest, &deps[i])
		}
		var diff int64
		dest = append(dest, &diff)
		classes := make([]int64, len(surveyClasses))
		for i := range classes {
			dest = append(dest, &classes[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		put := func(measure string, n int64) {
			if n != 0 {
				k.measure = measure
				out[k] += n
			}
		}
		put(report.MeasureHouseholds, hh)
		put(report.MeasurePersons, persons)
		var total int64
		for i, ind := range poverty.IndicatorKeys {
			put(report.MeasureDeprivedPfx+string(ind), deps[i])
			total += deps[i]
		}
		put(report.MeasureDeprivations, total)
		put(report.MeasureDiffers, diff)
		for i, c := range surveyClasses {
			put(report.MeasureClassPfx+string(c), classes[i])
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := db.recountTraits(ctx, out); err != nil {
		return nil, err
	}
	return out, db.recountProfiles(ctx, out)
}

// recountTraits adds to out the households and persons per trait, one independent
// GROUP BY over the households' traits column.
func (db *DB) recountTraits(ctx context.Context, out map[rollupKey]int64) error {
	// The roll-ups rebuilt by migrations 0007 and 0017 come before the column (0018).
	if txFrom(ctx) != nil {
		cols, err := db.columns(ctx, "households")
		if err != nil {
			return err
		}
		if !slices.Contains(strings.Split(cols, ", "), "traits") {
			return nil
		}
	}
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT max(h.province_code), h.commune_code, coalesce(h.village_id, 0), h.status, h.traits, count(*), coalesce(sum(m.n), 0)
		FROM households h LEFT JOIN (SELECT household_id, count(*) AS n FROM members GROUP BY household_id) m ON m.household_id = h.id
		WHERE h.traits <> '' GROUP BY h.commune_code, coalesce(h.village_id, 0), h.status, h.traits`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k rollupKey
		var traits string
		var hh, p int64
		if err := rows.Scan(&k.province, &k.commune, &k.village, &k.status, &traits, &hh, &p); err != nil {
			return err
		}
		addTraits(out, k, traits, hh, p)
	}
	return rows.Err()
}

// backfillTraits derives and stores the traits of every household already stored
// (migration 0018) with the default rules on the reference date ref: the survey
// column gets the derived traits and the traits column their text.
func (db *DB) backfillTraits(ctx context.Context, ref time.Time) error {
	type row struct {
		id             int64
		survey, traits string
	}
	var page []row
	flush := func() error {
		for _, r := range page {
			if _, err := txFrom(ctx).ExecContext(ctx, `UPDATE households SET survey = $1, traits = $2 WHERE id = $3`, r.survey, r.traits, r.id); err != nil {
				return err
			}
		}
		page = page[:0]
		return nil
	}
	err := db.EachHousehold(ctx, registry.HouseholdFilter{}, func(h *registry.Household) error {
		registry.DefaultTraitRules.DeriveTraits(h, ref)
		b, err := registry.EncodeSurvey(h)
		if err != nil {
			return err
		}
		page = append(page, row{h.ID, string(b), registry.TraitsText(h)})
		if len(page) >= 1000 {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}

// recountProfiles adds to out the households per deprivation profile (ADR 0012), one
// independent GROUP BY over the households.
func (db *DB) recountProfiles(ctx context.Context, out map[rollupKey]int64) error {
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT max(province_code), commune_code, coalesce(village_id, 0), status, standard_id, deprived, count(*)
		FROM households GROUP BY commune_code, coalesce(village_id, 0), status, standard_id, deprived`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k rollupKey
		var standard, deprived string
		var n int64
		if err := rows.Scan(&k.province, &k.commune, &k.village, &k.status, &standard, &deprived, &n); err != nil {
			return err
		}
		k.measure = report.ProfileMeasure(standard, deprived)
		out[k] += n
	}
	return rows.Err()
}

// stored reads the roll-ups table.
func (db *DB) storedRollups(ctx context.Context) (map[rollupKey]int64, error) {
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT province_code, commune_code, village_id, status, measure, n FROM rollups WHERE n <> 0`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[rollupKey]int64{}
	for rows.Next() {
		var k rollupKey
		var n int64
		if err := rows.Scan(&k.province, &k.commune, &k.village, &k.status, &k.measure, &n); err != nil {
			return nil, err
		}
		out[k] += n
	}
	return out, rows.Err()
}

// flowStock sums the flows of every list, per unit and status: what the lists hold now.
func (db *DB) flowStock(ctx context.Context) (map[rollupKey]int64, error) {
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT province_code, commune_code, village_id, status, kind, households, persons FROM rollup_flows`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[rollupKey]int64{}
	for rows.Next() {
		var k rollupKey
		var kind string
		var hh, p int64
		if err := rows.Scan(&k.province, &k.commune, &k.village, &k.status, &kind, &hh, &p); err != nil {
			return nil, err
		}
		sign := int64(-1)
		if report.FlowKind(kind).Increase() {
			sign = 1
		}
		k.measure = report.MeasureHouseholds
		out[k] += sign * hh
		k.measure = report.MeasurePersons
		out[k] += sign * p
	}
	return out, rows.Err()
}

// diffRollups compares two counts per commune, village, status and measure. The
// province is not compared: a commune keeps its code when a reorganisation moves it to
// another province (ADR 0005), and its rows then carry the latest province.
func diffRollups(table string, stored, counted map[rollupKey]int64, only func(rollupKey) bool) []report.Mismatch {
	return diffByCommune(table, byCommune(stored), byCommune(counted), only)
}

// diffByCommune is diffRollups over counts already keyed without the province.
func diffByCommune(table string, stored, counted map[rollupKey]int64, only func(rollupKey) bool) []report.Mismatch {
	var out []report.Mismatch
	add := func(k rollupKey, s, c int64) {
		out = append(out, report.Mismatch{Table: table, Key: k.cell(), Stored: s, Counted: c})
	}
	for k, s := range stored {
		if c := counted[k]; s != c && (only == nil || only(k)) {
			add(k, s, c)
		}
	}
	for k, c := range counted {
		if _, ok := stored[k]; !ok && c != 0 && (only == nil || only(k)) {
			add(k, 0, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// diffProvinces lists the roll-up rows whose province is none of their commune's
// households' provinces (diffRollups leaves the province out): the national report sums
// the rows by it (RollupProvinceCells). A commune's households share their province
// but while a reorganisation carries them (ADR 0005); the maintenance writes the
// province of the household it counts, the rebuild the latest of the unit's.
func diffProvinces(stored, counted map[rollupKey]int64) []report.Mismatch {
	provinces := map[string][]string{}
	for k, n := range counted {
		if n != 0 && !slices.Contains(provinces[k.commune], k.province) {
			provinces[k.commune] = append(provinces[k.commune], k.province)
		}
	}
	var out []report.Mismatch
	for k, n := range stored {
		if ps, ok := provinces[k.commune]; ok && n != 0 && !slices.Contains(ps, k.province) {
			out = append(out, report.Mismatch{Table: "rollups.province_code",
				Key: fmt.Sprintf("%s %q ∉ %q", k.cell(), k.province, ps), Stored: n, Counted: n})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

func listedPersonsOrHouseholds(k rollupKey) bool {
	return listed(k.status) && (k.measure == report.MeasureHouseholds || k.measure == report.MeasurePersons)
}

// VerifyRollups recounts the roll-ups over the households and returns every difference
// with the maintained table, and every unit whose flows do not add up to its lists.
func (db *DB) VerifyRollups(ctx context.Context) ([]report.Mismatch, error) {
	counted, err := db.recount(ctx)
	if err != nil {
		return nil, err
	}
	stored, err := db.storedRollups(ctx)
	if err != nil {
		return nil, err
	}
	stock, err := db.flowStock(ctx)
	if err != nil {
		return nil, err
	}
	out := diffRollups("rollups", stored, counted, nil)
	out = append(out, diffProvinces(stored, counted)...)
	out = append(out, diffRollups("rollup_flows", stock, counted, listedPersonsOrHouseholds)...)
	// The needs of the listed households (migration 0021), kept with the roll-ups.
	needs, err := db.readNeeds(ctx)
	return append(out, needs.diff...), err
}

// RebuildRollups writes the roll-ups anew from the households, in one transaction, and
// evens out the flows where they no longer add up to the lists (as other increases or
// decreases on day). It returns the differences it corrected.
//
// No writer can change the maintained tables meanwhile (BEGIN IMMEDIATE on SQLite, the
// dialect's lock on PostgreSQL, where a concurrent edit's deltas would otherwise be
// overwritten by a recount that did not see them), so they are read on another
// connection while this one recounts the households: the rebuild costs about the
// recount (docs/benchmarks.md, issue 14 item 9). On PostgreSQL that connection comes
// from the same pool as the writers', which wait on the lock while holding theirs: the
// caller must leave one free (`giamngheo rollup rebuild` has its own pool). A schema
// change of households asked for meanwhile (a migration) queues the second
// connection's reads behind it, and both wait until one is cancelled: migrate with no
// rebuild running.
func (db *DB) RebuildRollups(ctx context.Context, day string) ([]report.Mismatch, error) {
	var out []report.Mismatch
	err := db.WithTx(ctx, func(ctx context.Context) error {
		if q := db.dialect.lockMaintainedSQL(); q != "" {
			if _, err := txFrom(ctx).ExecContext(ctx, q); err != nil {
				return err
			}
		}
		side := make(chan maintained, 1)
		go func() { side <- db.readMaintained(withoutTx(ctx)) }()
		// The recount the rebuild writes is the one the flows are evened against: one
		// pass over the households, not two.
		counted, err := db.recountGrouped(ctx)
		m := <-side
		if err != nil {
			return err
		}
		if m.err != nil {
			return m.err
		}
		if out, err = db.writeRecount(ctx, counted, m.rollups); err != nil {
			return err
		}
		// The lists' households and persons, against the flows' stock.
		lists, stock := map[rollupKey]int64{}, map[rollupKey]int64{}
		province := map[string]string{}
		for k, p := range counted.province {
			province[k.commune] = p
		}
		for k, n := range counted.n {
			if listedPersonsOrHouseholds(k) {
				lists[k] += n
			}
		}
		for k, n := range m.stock {
			if listedPersonsOrHouseholds(k) {
				k.province = ""
				stock[k] += n
			}
		}
		fixes := diffByCommune("rollup_flows", stock, lists, nil)
		fl := map[flowKey]flowVal{}
		for k := range lists {
			stock[k] += 0
		}
		for k, n := range stock {
			diff := lists[k] - n
			if diff == 0 {
				continue
			}
			kind := report.FlowOtherIn
			if diff < 0 {
				kind, diff = report.FlowOtherOut, -diff
			}
			fk := flowKey{province[k.commune], k.commune, k.village, k.status, kind, day}
			v := fl[fk]
			if k.measure == report.MeasureHouseholds {
				v.households += diff
			} else {
				v.persons += diff
			}
			fl[fk] = v
		}
		out = append(out, fixes...)
		if err := db.applyFlows(ctx, fl); err != nil {
			return err
		}
		out = append(out, m.needs.diff...)
		return db.writeNeeds(ctx, m.needs)
	})
	return out, err
}

// maintained is what the rebuild reads besides the households' recount: the roll-up
// rows, the flows' stock, and the needs recounted with their differences from the table.
type maintained struct {
	rollups map[rollupKey]storedCell
	stock   map[rollupKey]int64
	needs   recountedNeeds
	err     error
}

func (db *DB) readMaintained(ctx context.Context) (m maintained) {
	if m.rollups, m.err = db.storedRollupRows(ctx); m.err != nil {
		return m
	}
	if m.stock, m.err = db.flowStock(ctx); m.err != nil {
		return m
	}
	m.needs, m.err = db.readNeeds(ctx)
	return m
}

// rebuildRollups replaces the roll-ups table by a recount, in the caller's transaction.
func (db *DB) rebuildRollups(ctx context.Context) ([]report.Mismatch, error) {
	counted, err := db.recountGrouped(ctx)
	if err != nil {
		return nil, err
	}
	stored, err := db.storedRollupRows(ctx)
	if err != nil {
		return nil, err
	}
	return db.writeRecount(ctx, counted, stored)
}

// writeRecount writes the recount (recountGrouped: the footprint arithmetic of the
// maintenance over groups of alike households) where it differs from the stored rows,
// so that a rebuild of right roll-ups costs the recount and a read of the table, and
// returns the differences. VerifyRollups keeps its independent conditional sums
// (recount), which so also check the rebuild.
func (db *DB) writeRecount(ctx context.Context, counted recounted, stored map[rollupKey]storedCell) ([]report.Mismatch, error) {
	var set []rollupKey
	setN := map[rollupKey]int64{}
	var diff []report.Mismatch // diffRollups' form: the province is not compared
	add := func(k rollupKey, s, c int64) {
		diff = append(diff, report.Mismatch{Table: "rollups", Key: k.cell(), Stored: s, Counted: c})
	}
	for row, n := range counted.n {
		if n == 0 {
			continue
		}
		st, ok := stored[row]
		if province := counted.provinceOf(row); !ok || st.n != n || st.province != province {
			k := row
			k.province = province
			set = append(set, k)
			setN[k] = n
		}
		if st.n != n {
			add(row, st.n, n)
		} else if province := counted.provinceOf(row); st.province != province {
			diff = append(diff, report.Mismatch{Table: "rollups.province_code",
				Key: fmt.Sprintf("%s %q → %q", row.cell(), st.province, province), Stored: n, Counted: n})
		}
	}
	for row, st := range stored {
		if st.n != 0 && counted.n[row] == 0 {
			k := row
			k.province = st.province
			set = append(set, k)
			setN[k] = 0
			add(row, st.n, 0)
		}
	}
	sort.Slice(diff, func(i, j int) bool { return diff[i].Key < diff[j].Key })
	return diff, db.setRollups(ctx, set, setN)
}

// recountGrouped counts the roll-ups over the households in one pass: it streams each
// household's unit, status, standard, deprivations, survey class, traits and members,
// groups alike households in Go and expands each group by the footprint's arithmetic.
// Streaming the rows costs less than a GROUP BY of the same key in the engine (no sort
// of 650,000 wide keys; the table's pages are read either way).
func (db *DB) recountGrouped(ctx context.Context) (recounted, error) {
	traits := "h.traits"
	// The roll-ups rebuilt by migrations 0007, 0012 and 0017 come before the column (0018).
	if txFrom(ctx) != nil {
		cols, err := db.columns(ctx, "households")
		if err != nil {
			return recounted{}, err
		}
		if !slices.Contains(strings.Split(cols, ", "), "traits") {
			traits = "''"
		}
	}
	join, persons := db.dialect.personsOf()
	// The households of a unit and status, and within them the groups each part of the
	// footprint's arithmetic depends on (addN's parts): far fewer groups than the
	// distinct whole footprints, each expanded once.
	type hp struct{ hh, p int64 }
	type unit struct {
		k        rollupKey
		all      hp
		deprived map[string]int64 // standard \x00 deprived
		class    map[string]int64
		traits   map[string]hp
	}
	units := map[string]*unit{}
	var last *unit
	var key []byte
	err := db.dialect.eachRaw(ctx, db, `SELECT coalesce(h.village_id, 0), `+persons+`, h.province_code, h.commune_code, h.status, h.standard_id, h.deprived, h.class, `+traits+`
		FROM households h `+join, func(r rawRow) error {
		village, err := r.Int(0)
		if err != nil {
			return err
		}
		members, err := r.Int(1)
		if err != nil {
			return err
		}
		province, commune, status, standard, deprived, class, tr := r.Bytes(2), r.Bytes(3), r.Bytes(4), r.Bytes(5), r.Bytes(6), r.Bytes(7), r.Bytes(8)
		// Households come in id order, mostly a village's after another's: the last unit
		// is looked up first.
		u := last
		if u == nil || u.k.village != village || u.k.commune != string(commune) || u.k.status != string(status) {
			key = append(append(append(key[:0], commune...), 0), status...)
			key = strconv.AppendInt(append(key, 0), village, 10)
			if u = units[string(key)]; u == nil {
				u = &unit{k: rollupKey{province: string(province), commune: string(commune), village: village, status: string(status)},
					deprived: map[string]int64{}, class: map[string]int64{}, traits: map[string]hp{}}
				units[string(key)] = u
			}
			last = u
		}
		if string(province) > u.k.province { // the latest province, as max(province_code)
			u.k.province = string(province)
		}
		u.all.hh++
		u.all.p += members
		key = append(append(append(key[:0], standard...), 0), deprived...)
		u.deprived[string(key)]++
		u.class[string(class)]++
		t := u.traits[string(tr)]
		t.hh++
		t.p += members
		u.traits[string(tr)] = t
		return nil
	})
	if err != nil {
		return recounted{}, err
	}
	out := recounted{n: map[rollupKey]int64{}, province: make(map[rollupKey]string, len(units))}
	for _, u := range units {
		// Keyed without the province, which each unit's rows carry apart.
		province := u.k.province
		u.k.province = ""
		out.province[u.k] = province
		k := u.k
		k.measure = report.MeasureHouseholds
		out.n[k] += u.all.hh
		k.measure = report.MeasurePersons
		out.n[k] += u.all.p
		for sd, n := range u.deprived {
			std, dep, _ := strings.Cut(sd, "\x00")
			addDeprived(out.n, u.k, std, dep, n)
		}
		for c, n := range u.class {
			addClass(out.n, u.k, c, differs(c, u.k.status), n)
		}
		for t, v := range u.traits {
			addTraits(out.n, u.k, t, v.hh, v.p)
		}
	}
	return out, nil
}

// recounted is recountGrouped's count: per commune, village, status and measure, and
// the province each unit's rows carry (the latest, as max(province_code)), keyed by the
// unit's commune, village and status.
type recounted struct {
	n        map[rollupKey]int64
	province map[rollupKey]string
}

// provinceOf is the province of k's unit.
func (r recounted) provinceOf(k rollupKey) string {
	k.measure = ""
	return r.province[k]
}

type storedCell struct {
	province string
	n        int64
}

// storedRollupRows reads the roll-ups table, one cell per commune, village, status and
// measure, with the province its row carries.
func (db *DB) storedRollupRows(ctx context.Context) (map[rollupKey]storedCell, error) {
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT province_code, commune_code, village_id, status, measure, n FROM rollups`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	// The codes, statuses and measures repeat: one string each, not one per row.
	names := map[string]string{}
	intern := func(b []byte) string {
		if s, ok := names[string(b)]; ok {
			return s
		}
		s := string(b)
		names[s] = s
		return s
	}
	out := map[rollupKey]storedCell{}
	var province, commune, status, measure sql.RawBytes
	for rows.Next() {
		var k rollupKey
		var c storedCell
		if err := rows.Scan(&province, &commune, &k.village, &status, &measure, &c.n); err != nil {
			return nil, err
		}
		c.province, k.commune, k.status, k.measure = intern(province), intern(commune), intern(status), intern(measure)
		out[k] = c
	}
	return out, rows.Err()
}

// sortRollupKeys orders roll-up cells as the table's key (commune, village, status,
// measure), so that writers take its rows in one order.
func sortRollupKeys(keys []rollupKey) {
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.commune != b.commune {
			return a.commune < b.commune
		}
		if a.village != b.village {
			return a.village < b.village
		}
		if a.status != b.status {
			return a.status < b.status
		}
		return a.measure < b.measure
	})
}

// setRollups sets the cells keys to the counts n (not adding to them), in key order.
func (db *DB) setRollups(ctx context.Context, keys []rollupKey, n map[rollupKey]int64) error {
	sortRollupKeys(keys)
	const per = 200
	for start := 0; start < len(keys); start += per {
		chunk := keys[start:min(len(keys), start+per)]
		vals := make([]string, 0, len(chunk))
		args := make([]any, 0, 6*len(chunk))
		for _, k := range chunk {
			vals = append(vals, "("+placeholders(len(args)+1, 6)+")")
			args = append(args, k.province, k.commune, k.village, k.status, k.measure, n[k])
		}
		if _, err := db.w(ctx).ExecContext(ctx, `INSERT INTO rollups (province_code, commune_code, village_id, status, measure, n) VALUES `+
			strings.Join(vals, ", ")+` ON CONFLICT (commune_code, village_id, status, measure) DO UPDATE SET n = excluded.n, province_code = excluded.province_code`, args...); err != nil {
			return fmt.Errorf("rollups: %w", err)
		}
	}
	return db.stampRollups(ctx, rollupProvinces(keys))
}

// rollupImported adds the households just imported to the roll-ups: they are on no list
// (an import sets no recognised status), so no flow changes.
func (db *DB) rollupImported(ctx context.Context, hs []*registry.Household) error {
	if db.noRollups {
		return nil
	}
	d := map[rollupKey]int64{}
	for _, h := range hs {
		var class string
		if h.Result != nil {
			class = string(h.Result.Class)
		}
		footprint{exists: true, province: h.ProvinceCode, commune: h.CommuneCode, village: h.VillageID,
			persons: int64(len(h.Members)), deprived: registry.DeprivedText(h.Result), standard: standardOf(h.Result),
			differs: differs(class, ""), class: class, traits: registry.TraitsText(h)}.add(d, 1)
	}
	return db.applyRollups(ctx, d)
}

// relabelDecision relabels the flow of a decided case when its transition says more
// than the change of list did (in SetHouseholdStatus, which knows only the classes).
func (db *DB) relabelDecision(ctx context.Context, c *review.CaseRecord) error {
	if db.noRollups {
		return nil
	}
	var old string
	if err := db.r(ctx).QueryRowContext(ctx, `SELECT transition FROM review_cases WHERE id = $1`, c.ID).Scan(&old); err != nil {
		return err
	}
	if old == string(c.Transition) {
		return nil
	}
	day := fmtDate(c.DecidedOn)
	final, prev := string(c.FinalClass), string(c.PreviousClass)
	switch c.Transition {
	case review.TransitionRePoor, review.TransitionReNearPoor:
		if ok, err := db.relabelFlow(ctx, c.HouseholdID, final, day, report.FlowNew, report.FlowRe); ok || err != nil {
			return err
		}
		_, err := db.relabelFlow(ctx, c.HouseholdID, final, day, report.FlowFromOtherList, report.FlowRe)
		return err
	case review.TransitionMovedIn, review.TransitionSplit:
		_, err := db.relabelFlow(ctx, c.HouseholdID, final, day, report.FlowNew, report.FlowOtherIn)
		return err
	case review.TransitionMovedAway, review.TransitionMerged, review.TransitionDied:
		_, err := db.relabelFlow(ctx, c.HouseholdID, prev, day, report.FlowToAbove, report.FlowOtherOut)
		return err
	}
	return nil
}

// standardOf is the standard of a result, as the households table stores it.
func standardOf(r *poverty.Result) string {
	if r == nil {
		return ""
	}
	return r.Standard
}

func byCommune(m map[rollupKey]int64) map[rollupKey]int64 {
	out := make(map[rollupKey]int64, len(m))
	for k, n := range m {
		k.province = ""
		out[k] += n
	}
	return out
}
