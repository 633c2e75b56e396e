package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"runtime"
	"sync"

	"giamngheo/poverty"
	"giamngheo/simulate"
)

// eachSurveySQL reads households and members in one pass, in commune order. The
// household columns come once per member row; the survey JSON, the widest, only on the
// first member's row (seq 0), so that it is neither copied nor decoded again per member.
// A LEFT JOIN keeps households (in the order of the households_commune index) as the
// driving loop on both engines' plans, members coming by the members_household index,
// and keeps a household without members (Classify then reports it).
const eachSurveySQL = `SELECT h.id, h.code, h.province_code, h.commune_code, coalesce(h.village_id, 0), h.village_name, h.status, h.class, h.standard_id,
	CASE WHEN m.seq IS NULL OR m.seq = 0 THEN CAST(h.survey AS TEXT) END, CAST(m.answers AS TEXT)
	FROM households h LEFT JOIN members m ON m.household_id = h.id
	WHERE %s ORDER BY h.commune_code, h.code, m.seq`

// surveyBatch is a run of households read from the rows: their plain columns and the
// raw JSON of the survey and of each member (offsets into arena), then decoded.
type surveyBatch struct {
	hs    []simulate.Household
	spans [][2]int // per household: survey [start, end) in arena
	mems  [][][2]int
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
		db.in(w, "h.commune_code", communes)
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
		readErr = readSurveys(ctx, rows, free, work, ordered)
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

// readSurveys scans the rows into batches, sending each to the decoders and, in
// order, to the caller.
func readSurveys(ctx context.Context, rows *sql.Rows, free <-chan *surveyBatch, work, ordered chan<- *surveyBatch) error {
	var (
		b                                                   *surveyBatch
		id, village                                         int64
		code, prov, commune, vname, status, class, standard string
		survey, answers                                     sql.RawBytes
	)
	send := func() bool {
		if b == nil || len(b.hs) == 0 {
			return true
		}
		select {
		case work <- b:
		case <-ctx.Done():
			return false
		}
		select {
		case ordered <- b:
		case <-ctx.Done():
			return false
		}
		b = nil
		return true
	}
	for rows.Next() {
		if err := rows.Scan(&id, &code, &prov, &commune, &village, &vname, &status, &class, &standard, &survey, &answers); err != nil {
			return err
		}
		if b == nil || len(b.hs) == 0 || b.hs[len(b.hs)-1].ID != id {
			if b != nil && len(b.hs) >= surveyBatchSize {
				if !send() {
					return ctx.Err()
				}
			}
			if b == nil {
				select {
				case b = <-free:
				case <-ctx.Done():
					return ctx.Err()
				}
				b.reset()
			}
			if survey == nil {
				return fmt.Errorf("household %d: the first member row has no survey (members must be numbered from 0)", id)
			}
			b.hs = append(b.hs, simulate.Household{ID: id, Code: code, ProvinceCode: prov, CommuneCode: commune, VillageID: village,
				VillageName: vname, Status: poverty.Class(status), Class: poverty.Class(class), StandardID: standard})
			b.spans = append(b.spans, b.put(survey))
			b.mems = append(b.mems, nil)
		}
		if answers != nil {
			last := len(b.mems) - 1
			b.mems[last] = append(b.mems[last], b.put(answers))
		}
	}
	if !send() {
		return ctx.Err()
	}
	return nil
}

func (b *surveyBatch) reset() {
	b.hs, b.spans, b.arena, b.err = b.hs[:0], b.spans[:0], b.arena[:0], nil
	for i := range b.mems {
		b.mems[i] = b.mems[i][:0]
	}
	b.mems = b.mems[:0]
	b.done = make(chan struct{})
}

// put copies raw bytes into the arena and returns their span.
func (b *surveyBatch) put(raw []byte) [2]int {
	start := len(b.arena)
	b.arena = append(b.arena, raw...)
	return [2]int{start, len(b.arena)}
}

// decode fills the households' answers from their JSON.
func (b *surveyBatch) decode() {
	for i := range b.hs {
		h := &b.hs[i]
		s := b.spans[i]
		if err := json.Unmarshal(b.arena[s[0]:s[1]], &h.Answers); err != nil {
			b.err = fmt.Errorf("household %d: survey: %w", h.ID, err)
			return
		}
		h.Answers.Members = make([]poverty.Member, len(b.mems[i]))
		for j, m := range b.mems[i] {
			if err := json.Unmarshal(b.arena[m[0]:m[1]], &h.Answers.Members[j]); err != nil {
				b.err = fmt.Errorf("household %d: member answers: %w", h.ID, err)
				return
			}
		}
	}
}
