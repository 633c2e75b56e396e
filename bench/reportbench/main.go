// Command reportbench measures the reports of a province (issue 14 item 9) beside their
// floor, in the same run on the same database: every table of the report set built for
// the province (report.Service.Build, as the page and the API do) against a bare SELECT
// of the same roll-up rows and flows (the rows the report reads, scanned and dropped);
// and `rollup rebuild` against a bare GROUP BY over the households giving the same
// household and person counts. With -edits N it also times a household edit (the
// registry service's UpdateHousehold, as the page does) with roll-up maintenance
// against the same edit on a second handle of the same database that skips it
// (SkipRollupMaintenanceForBenchmark, the benchmark seam): the edits come in pairs that
// toggle the person-of-merit trait on and off, so the counts change and the skipped
// pairs leave the roll-ups as they were. With -recognise it first recognises (a store
// decision, SetHouseholdStatus) the households whose survey class is poor or near-poor
// and that are on no list, so that the reports have content. It ends with
// VerifyRollups, which must find nothing.
//
//	go run ./bench/reportbench -db bench/out/edit.db -unit 31 -runs 50
//
// The database must hold a province's households (see bench/edit-during-import.sh or
// `giamngheo demo generate` then `giamngheo import`). Prints one JSON line a measure.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/report"
	sqlstore "giamngheo/store"
)

func main() {
	dsn := flag.String("db", "", "SQLite file or postgres:// DSN")
	unit := flag.String("unit", "31", "the province")
	runs := flag.Int("runs", 50, "builds of each report")
	period := flag.Int("period", time.Now().Year(), "the year")
	rebuild := flag.Bool("rebuild", true, "also time rollup rebuild against its floor")
	rebuilds := flag.Int("rebuilds", 1, "rebuilds and floors, alternated")
	recognise := flag.Bool("recognise", false, "first recognise the survey's poor and near-poor on no list")
	reports := flag.Bool("reports", true, "time the reports against their floors")
	edits := flag.Int("edits", 0, "households edited with and without roll-up maintenance (0: none)")
	cpu := flag.String("cpuprofile", "", "write a CPU profile of the whole run here")
	only := flag.String("only", "", "the reports to time, by number (\"2,3,9\"; empty: all)")
	verify := flag.Bool("verify", true, "end with rollup verify")
	flag.Parse()
	if *cpu != "" {
		f, err := os.Create(*cpu)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	if *dsn == "" {
		fmt.Fprintln(os.Stderr, "usage: reportbench -db DSN [-unit 31] [-runs 50]")
		os.Exit(2)
	}
	if err := run(*dsn, *unit, *period, *runs, *reports, *rebuild, *rebuilds, *recognise, *edits, *only, *verify); err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(dsn, unit string, period, runs int, reports, rebuild bool, rebuilds int, recognise bool, edits int, only string, verify bool) error {
	ctx := giamngheo.NewContextWithActor(context.Background(), giamngheo.System)
	var s *sqlstore.DB
	var raw *sql.DB
	var err error
	if strings.HasPrefix(dsn, "postgres://") {
		s, err = sqlstore.OpenPostgres(ctx, dsn)
		if err == nil {
			raw, err = sql.Open("pgx", dsn)
		}
	} else {
		s, err = sqlstore.OpenSQLite(ctx, dsn)
		if err == nil {
			raw, err = sql.Open("sqlite", dsn)
		}
	}
	if err != nil {
		return err
	}
	defer s.Close()
	defer raw.Close()
	out := json.NewEncoder(os.Stdout)
	if recognise {
		t0 := time.Now()
		n, err := recogniseSurvey(ctx, s, raw, period)
		if err != nil {
			return fmt.Errorf("recognise: %w", err)
		}
		out.Encode(map[string]any{"what": "prepare: recognised the survey's poor and near-poor", "households": n, "s": time.Since(t0).Seconds()})
	}
	rs := &report.Service{Store: s, Units: s, Frozen: s, InScope: func(ctx context.Context, scope, u string) (bool, error) {
		return admin.StoreInScope(ctx, s, scope, u)
	}}
	// The floor of a report: the roll-up rows it reads (its measures, or every measure
	// but the Alkire–Foster profiles when its columns depend on the data) and the flows of
	// the province up to the period's end, read and dropped; measured alternately with
	// the report's builds.
	to := fmt.Sprintf("%04d-12-31", period)
	floor := func(measures, prefixes []string) error {
		cells, args := `measure NOT LIKE 'set:%'`, []any{unit}
		if measures != nil {
			conds := []string{"1 = 0"}
			if len(measures) > 0 {
				ps := make([]string, len(measures))
				for i, m := range measures {
					args = append(args, m)
					ps[i] = fmt.Sprintf("$%d", len(args))
				}
				conds = append(conds, "measure IN ("+strings.Join(ps, ", ")+")")
			}
			for _, p := range prefixes {
				args = append(args, p+"%")
				conds = append(conds, fmt.Sprintf("measure LIKE $%d", len(args)))
			}
			cells = "(" + strings.Join(conds, " OR ") + ")"
		}
		for _, q := range []struct {
			sql  string
			args []any
		}{{`SELECT commune_code, village_id, status, measure, n FROM rollups WHERE province_code = $1 AND ` + cells, args},
			{`SELECT commune_code, village_id, status, kind, day, households, persons FROM rollup_flows WHERE province_code = $1 AND day <= $2`, []any{unit, to}}} {
			rows, err := raw.QueryContext(ctx, q.sql, q.args...)
			if err != nil {
				return err
			}
			var a, c, d, e string
			var b, f, g int64
			for rows.Next() {
				if q.sql[len("SELECT commune_code, village_id, status, "):][0] == 'm' {
					err = rows.Scan(&a, &b, &c, &d, &f)
				} else {
					err = rows.Scan(&a, &b, &c, &d, &e, &f, &g)
				}
				if err != nil {
					rows.Close()
					return err
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		return nil
	}
	for _, d := range report.Definitions {
		if !reports {
			break
		}
		if only != "" && !slices.Contains(strings.Split(only, ","), strconv.Itoa(d.Number)) {
			continue
		}
		var lat, floorLat []time.Duration
		for range runs {
			f, err := measure(1, func() error { return floor(d.Measures(), d.MeasurePrefixes) })
			if err != nil {
				return fmt.Errorf("floor of %s: %w", d.Name, err)
			}
			l, err := measure(1, func() error { _, err := rs.Build(ctx, d.Name, unit, period); return err })
			if err != nil {
				return fmt.Errorf("report %s: %w", d.Name, err)
			}
			lat, floorLat = append(lat, l...), append(floorLat, f...)
		}
		slices.Sort(lat)
		slices.Sort(floorLat)
		fl := line(fmt.Sprintf("floor of (%d): bare SELECT of its roll-up rows (%d measures; -1: all but profiles; prefixes %v) and the flows", d.Number, len(d.Measures())-boolInt(d.Measures() == nil), d.MeasurePrefixes), floorLat, nil)
		out.Encode(fl)
		out.Encode(line(fmt.Sprintf("report (%d) %s", d.Number, d.Name), lat, floorLat))
	}
	if edits > 0 {
		if err := editBench(ctx, s, raw, dsn, edits, out); err != nil {
			return fmt.Errorf("edits: %w", err)
		}
	}
	if rebuild {
		if err := rebuildBench(ctx, s, raw, rebuilds, out); err != nil {
			return err
		}
	}
	if !verify {
		return nil
	}
	t0 := time.Now()
	bad, err := s.VerifyRollups(ctx)
	if err != nil {
		return err
	}
	out.Encode(map[string]any{"what": "rollup verify", "mismatches": len(bad), "s": time.Since(t0).Seconds()})
	if len(bad) > 0 {
		return fmt.Errorf("rollup verify: %d mismatches, first %+v", len(bad), bad[0])
	}
	return nil
}

// rebuildBench times `rollup rebuild` against a bare GROUP BY over the households giving
// the households and persons per unit and status, alternated n times. The members are
// counted two ways, a count per household and a GROUP BY of the members joined to the
// households; the faster of the two in each round is the floor (on PostgreSQL the join,
// by about a third).
func rebuildBench(ctx context.Context, s *sqlstore.DB, raw *sql.DB, n int, out *json.Encoder) error {
	floors := []string{
		`SELECT h.province_code, h.commune_code, coalesce(h.village_id, 0), h.status, count(*),
			sum((SELECT count(*) FROM members m WHERE m.household_id = h.id))
			FROM households h GROUP BY h.province_code, h.commune_code, coalesce(h.village_id, 0), h.status`,
		`SELECT h.province_code, h.commune_code, coalesce(h.village_id, 0), h.status, count(*), sum(coalesce(mc.n, 0))
			FROM households h LEFT JOIN (SELECT household_id, count(*) AS n FROM members GROUP BY household_id) mc ON mc.household_id = h.id
			GROUP BY h.province_code, h.commune_code, coalesce(h.village_id, 0), h.status`,
	}
	var groupBy, rb []time.Duration
	each := make([][]time.Duration, len(floors))
	for range n {
		var best time.Duration
		for i, q := range floors {
			g, err := measure(1, func() error {
				rows, err := raw.QueryContext(ctx, q)
				if err != nil {
					return err
				}
				for rows.Next() {
				}
				rows.Close()
				return rows.Err()
			})
			if err != nil {
				return err
			}
			each[i] = append(each[i], g...)
			if i == 0 || g[0] < best {
				best = g[0]
			}
		}
		r, err := measure(1, func() error { _, err := s.RebuildRollups(ctx, giamngheo.DayString(time.Now())); return err })
		if err != nil {
			return err
		}
		groupBy, rb = append(groupBy, best), append(rb, r...)
	}
	for i, name := range []string{"a count per household", "members grouped and joined"} {
		slices.Sort(each[i])
		out.Encode(line("floor form: bare GROUP BY over the households (households, persons), "+name, each[i], nil))
	}
	slices.Sort(groupBy)
	slices.Sort(rb)
	out.Encode(line("floor: bare GROUP BY over the households (households, persons), the faster form of each round", groupBy, nil))
	out.Encode(line("rollup rebuild", rb, groupBy))
	return nil
}

// measure runs fn n times and returns the sorted durations.
func measure(n int, fn func() error) ([]time.Duration, error) {
	lat := make([]time.Duration, 0, n)
	for range n {
		t0 := time.Now()
		if err := fn(); err != nil {
			return nil, err
		}
		lat = append(lat, time.Since(t0))
	}
	slices.Sort(lat)
	return lat, nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// line is a measure as printed: p50, p99 and max, and against the floor's p99 when given.
func line(what string, lat, floor []time.Duration) map[string]any {
	p := func(q float64) time.Duration { return lat[min(len(lat)-1, int(q*float64(len(lat))))] }
	m := map[string]any{"what": what, "runs": len(lat), "p50_ms": ms(p(0.5)), "p99_ms": ms(p(0.99)), "max_ms": ms(lat[len(lat)-1])}
	if floor != nil {
		f := floor[min(len(floor)-1, int(0.99*float64(len(floor))))]
		m["x_floor_p99"] = float64(p(0.99)) / float64(max(f, 1))
	}
	return m
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
