package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"giamngheo/poverty"
	"giamngheo/registry"
	sqlstore "giamngheo/store"
)

// recogniseSurvey records a decision for every household on no list whose survey class
// is poor or near-poor, dated on 14 December of the year before period (the end of the
// periodic review, Decision 24/2021/QĐ-TTg, Art. 3), in one transaction through the
// store's decision path (roll-ups and flows maintained).
func recogniseSurvey(ctx context.Context, s *sqlstore.DB, raw *sql.DB, period int) (int, error) {
	rows, err := raw.QueryContext(ctx, `SELECT id, class FROM households WHERE status = '' AND class IN ('poor', 'near_poor') ORDER BY id`)
	if err != nil {
		return 0, err
	}
	type hc struct {
		id    int64
		class string
	}
	var todo []hc
	for rows.Next() {
		var r hc
		if err := rows.Scan(&r.id, &r.class); err != nil {
			rows.Close()
			return 0, err
		}
		todo = append(todo, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	day := fmt.Sprintf("%04d-12-14", period-1)
	err = s.WithTx(ctx, func(ctx context.Context) error {
		for _, r := range todo {
			if err := s.SetHouseholdStatus(ctx, r.id, registry.Recognition{Class: poverty.Class(r.class), Since: day, DecidedOn: day}); err != nil {
				return err
			}
		}
		return nil
	})
	return len(todo), err
}

// editBench times n household edits with roll-up maintenance and n without, alternated,
// each edit a pair that sets and clears the person-of-merit trait.
func editBench(ctx context.Context, s *sqlstore.DB, raw *sql.DB, dsn string, n int, out *json.Encoder) error {
	var bare *sqlstore.DB
	var err error
	if strings.HasPrefix(dsn, "postgres://") {
		bare, err = sqlstore.OpenPostgres(ctx, dsn)
	} else {
		bare, err = sqlstore.OpenSQLite(ctx, dsn)
	}
	if err != nil {
		return err
	}
	defer bare.Close()
	bare.SkipRollupMaintenanceForBenchmark()
	svc := func(st *sqlstore.DB) *registry.Service {
		return &registry.Service{Store: st, Units: st, Audit: st, Tx: st, Now: time.Now}
	}
	with, without := svc(s), svc(bare)
	// The households: a fixed random sample of the database's.
	var all []int64
	rows, err := raw.QueryContext(ctx, `SELECT h.id FROM households h WHERE EXISTS (SELECT 1 FROM members m WHERE m.household_id = h.id AND m.province_code = h.province_code) ORDER BY h.id`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		all = append(all, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(all) == 0 {
		return fmt.Errorf("no households")
	}
	r := rand.New(rand.NewPCG(7, 9))
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = all[r.IntN(len(all))]
	}
	edit := func(sv *registry.Service, id int64, merit bool) (time.Duration, error) {
		h, err := sv.FindHouseholdByID(ctx, id)
		if err != nil {
			return 0, err
		}
		tr := h.Traits
		tr.Merit = merit
		t0 := time.Now()
		_, err = sv.UpdateHousehold(ctx, id, registry.HouseholdUpdate{BaseVersion: h.Version, Traits: &tr})
		return time.Since(t0), err
	}
	// Warm-up: one maintained edit of each household brings its derived traits to today
	// (a reclassification), so that the pairs below change only the merit trait.
	for _, id := range ids {
		if _, err := edit(with, id, false); err != nil {
			return err
		}
	}
	var latWith, latWithout []time.Duration
	type side struct {
		sv  *registry.Service
		lat *[]time.Duration
	}
	for i, id := range ids {
		// Each side goes first every other household: the first edit of a household
		// reads its pages from disk.
		sides := []side{{with, &latWith}, {without, &latWithout}}
		if i%2 == 1 {
			sides[0], sides[1] = sides[1], sides[0]
		}
		for _, x := range sides {
			for _, merit := range []bool{true, false} {
				d, err := edit(x.sv, id, merit)
				if err != nil {
					return err
				}
				*x.lat = append(*x.lat, d)
			}
		}
	}
	slices.Sort(latWith)
	slices.Sort(latWithout)
	out.Encode(line("floor: household edit without roll-up maintenance (merit on/off)", latWithout, nil))
	out.Encode(line("household edit with roll-up maintenance (merit on/off)", latWith, latWithout))
	return nil
}
