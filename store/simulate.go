package store

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"sync"

	"giamngheo/poverty"
	"giamngheo/simulate"
)

// eachSurveySQL reads the households in commune order (the households_commune
// index) with the compact form of their answers (facts, ADR 0014); the survey JSON
// only of a household without one, whose members then come by batch (membersByRangeSQL, membersByIDSQL) through the
// members_household index, in (household_id, seq) order. A join would repeat the
// household columns on every member row and cost one index probe per household: it
// reads about 2.7 times slower than the two tables (docs/benchmarks.md).
const (
	eachSurveySQL = `SELECT id, code, province_code, commune_code, coalesce(village_id, 0), village_name, status, class, standard_id,
	facts, CASE WHEN facts IS NULL THEN CAST(survey AS TEXT) END FROM households WHERE %s ORDER BY commune_code, code`
	membersByRangeSQL = `SELECT household_id, CAST(answers AS TEXT) FROM members WHERE household_id BETWEEN $1 AND $2 ORDER BY household_id, seq`
	membersByIDSQL    = `SELECT household_id, CAST(answers AS TEXT) FROM members WHERE %s ORDER BY household_id, seq`
)

// surveyBatch is a run of households read from the rows: their plain columns and the
// raw JSON of the survey and of each member (offsets into arena), then decoded.
type surveyBatch struct {
	hs []simulate.Household
	// spans: per household, its survey [start, end) in arena, or its facts when
	// facts[i]; a household with facts has no members read.
	spans [][2]int
	facts []bool
	mems  [][][2]int
	index map[int64]int // household id → position in hs
	arena []byte
	err   error
	done  chan struct{}
}

const surveyBatchSize = 512

// EachSurvey calls fn for every household of the communes with its survey answers
// and members, in commune order (simulate.Store). The rows are read in one goroutine
// and their JSON decoded by others, a few batches of 512 households ahead of fn, so
// that reading and decoding overlap; fn is called in order from the caller's
// goroutine, and a Household is reused once fn returns.
func (db *DB) EachSurvey(ctx context.Context, communes []string, fn func(*simulate.Household) error) error {
	if communes != nil && len(communes) == 0 {
		return nil
	}
	w := &where{}
	if communes != nil {
		db.in(w, "commune_code", communes)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	rows, err := db.r(ctx).QueryContext(ctx, fmt.Sprintf(eachSurveySQL, w.sql()), w.args...)
	if err != nil {
		return err
	}
	defer rows.Close()

	workers := max(1, runtime.GOMAXPROCS(0)-1)
	const inFlight = 8
	free := make(chan *surveyBatch, inFlight)
	for range inFlight {
		free <- &surveyBatch{}
	}
	work := make(chan *surveyBatch, inFlight)
	ordered := make(chan *surveyBatch, inFlight)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range work {
				b.decode()
				close(b.done)
			}
		}()
	}
	var readErr error
	go func() {
		defer close(ordered)
		defer close(work)
		readErr = db.readSurveys(ctx, rows, free, work, ordered)
	}()
	var fnErr error
	for b := range ordered {
		<-b.done
		if fnErr == nil && b.err != nil {
			fnErr = b.err
		}
		for i := range b.hs {
			if fnErr != nil {
				break
			}
			fnErr = fn(&b.hs[i])
		}
		if fnErr != nil {
			cancel()
		}
		select {
		case free <- b:
		default:
		}
	}
	wg.Wait()
	if fnErr != nil {
		return fnErr
	}
	if readErr != nil {
		return readErr
	}
	return rows.Err()
}

// readSurveys scans the households into batches, reads each batch's members, and
// sends the batch to the decoders and, in order, to the caller.
func (db *DB) readSurveys(ctx context.Context, rows *sql.Rows, free <-chan *surveyBatch, work, ordered chan<- *surveyBatch) error {
	var (
		b                                                     *surveyBatch
		id, village                                           int64
		code                                                  string
		prov, commune, vname, status, class, standard, survey sql.RawBytes
		facts                                                 sql.RawBytes
	)
	// The codes, names and classes repeat from household to household: one string each.
	names := map[string]string{}
	intern := func(b []byte) string {
		if v, ok := names[string(b)]; ok {
			return v
		}
		v := string(b)
		names[v] = v
		return v
	}
	send := func() error {
		if b == nil || len(b.hs) == 0 {
			return nil
		}
		if err := db.batchMembers(ctx, b); err != nil {
			return err
		}
		select {
		case work <- b:
		case <-ctx.Done():
			return ctx.Err()
		}
		select {
		case ordered <- b:
		case <-ctx.Done():
			return ctx.Err()
		}
		b = nil
		return nil
	}
	for rows.Next() {
		if err := rows.Scan(&id, &code, &prov, &commune, &village, &vname, &status, &class, &standard, &facts, &survey); err != nil {
			return err
		}
		if b == nil {
			select {
			case b = <-free:
			case <-ctx.Done():
				return ctx.Err()
			}
			b.reset()
		}
		b.hs = append(b.hs, simulate.Household{ID: id, Code: code, ProvinceCode: intern(prov), CommuneCode: intern(commune), VillageID: village,
			VillageName: intern(vname), Status: poverty.Class(intern(status)), Class: poverty.Class(intern(class)), StandardID: intern(standard)})
		if len(facts) > 0 {
			b.spans, b.facts = append(b.spans, b.put(facts)), append(b.facts, true)
		} else {
			b.spans, b.facts = append(b.spans, b.put(survey)), append(b.facts, false)
		}
		b.mems = append(b.mems, nil)
		if len(b.hs) >= surveyBatchSize {
			if err := send(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return send()
}

// batchMembers reads the members' answers of a batch of households. Households are
// numbered in commune order by the import (ADR 0006), so a batch's ids are usually a
// short range, read as one index range; scattered ids are asked for by list.
func (db *DB) batchMembers(ctx context.Context, b *surveyBatch) error {
	var lo, hi int64
	var ids []int64
	for i := range b.hs {
		if b.facts[i] {
			continue
		}
		id := b.hs[i].ID
		if len(ids) == 0 {
			lo, hi = id, id
		}
		lo, hi = min(lo, id), max(hi, id)
		b.index[id] = i
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return nil
	}
	var rows *sql.Rows
	var err error
	if hi-lo < int64(4*len(ids)) {
		rows, err = db.r(ctx).QueryContext(ctx, membersByRangeSQL, lo, hi)
	} else {
		var w where
		db.in(&w, "household_id", ids)
		rows, err = db.r(ctx).QueryContext(ctx, fmt.Sprintf(membersByIDSQL, w.sql()), w.args...)
	}
	if err != nil {
		return err
	}
	defer rows.Close()
	var hid int64
	var answers sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&hid, &answers); err != nil {
			return err
		}
		if i, ok := b.index[hid]; ok {
			b.mems[i] = append(b.mems[i], b.put(answers))
		}
	}
	return rows.Err()
}

func (b *surveyBatch) reset() {
	b.hs, b.spans, b.facts, b.arena, b.err = b.hs[:0], b.spans[:0], b.facts[:0], b.arena[:0], nil
	for i := range b.mems {
		b.mems[i] = b.mems[i][:0]
	}
	b.mems = b.mems[:0]
	if b.index == nil {
		b.index = make(map[int64]int, surveyBatchSize)
	}
	clear(b.index)
	b.done = make(chan struct{})
}

// put copies raw bytes into the arena and returns their span.
func (b *surveyBatch) put(raw []byte) [2]int {
	start := len(b.arena)
	b.arena = append(b.arena, raw...)
	return [2]int{start, len(b.arena)}
}

// decode fills the households' answers from their JSON.
// A new value arena per batch: the values handed to fn are never overwritten.
func (b *surveyBatch) decode() {
	a := &arena{}
	for i := range b.hs {
		if err := b.decodeOne(i, a); err != nil {
			b.err = err
			return
		}
	}
}

// decodeOne fills household i's facts, or its answers from their JSON.
func (b *surveyBatch) decodeOne(i int, a *arena) error {
	h := &b.hs[i]
	s := b.spans[i]
	if b.facts[i] {
		h.Facts = b.arena[s[0]:s[1]:s[1]]
		return nil
	}
	if err := decodeSurveyJSON(b.arena[s[0]:s[1]], &h.Answers, a); err != nil {
		return fmt.Errorf("household %d: survey: %w", h.ID, err)
	}
	h.Answers.Members = a.memberSlice(len(b.mems[i]))
	for j, m := range b.mems[i] {
		if err := decodeMemberJSON(b.arena[m[0]:m[1]], &h.Answers.Members[j], a); err != nil {
			return fmt.Errorf("household %d: member answers: %w", h.ID, err)
		}
	}
	return nil
}

// backfillFacts fills the facts column of the households stored before migration 0023
// from their survey and members' answers, a page of households at a time (each page
// read whole before its rows are written: one connection on PostgreSQL).
func (db *DB) backfillFacts(ctx context.Context) error {
	b := &surveyBatch{}
	var after int64
	for {
		b.reset()
		rows, err := db.r(ctx).QueryContext(ctx, `SELECT id, CAST(survey AS TEXT) FROM households WHERE id > $1 ORDER BY id LIMIT 512`, after)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			var survey sql.RawBytes
			if err := rows.Scan(&id, &survey); err != nil {
				rows.Close()
				return err
			}
			b.hs = append(b.hs, simulate.Household{ID: id})
			b.spans, b.facts = append(b.spans, b.put(survey)), append(b.facts, false)
			b.mems = append(b.mems, nil)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(b.hs) == 0 {
			return nil
		}
		after = b.hs[len(b.hs)-1].ID
		if err := db.batchMembers(ctx, b); err != nil {
			return err
		}
		a := &arena{}
		for i := range b.hs {
			// Answers that cannot be read keep no facts: the simulation reads them and
			// names the household.
			if b.decodeOne(i, a) != nil {
				continue
			}
			if f := poverty.EncodeFacts(&b.hs[i].Answers); f != nil {
				if _, err := txFrom(ctx).ExecContext(ctx, `UPDATE households SET facts = $1 WHERE id = $2`, f, b.hs[i].ID); err != nil {
					return err
				}
			}
		}
	}
}
