// Command agency times an agency's support pages on a generated province (issue 15
// item 8): the worklist page (the sizes of the user's worklists and a page of one),
// the live coverage measures, and the matching and commit of a beneficiary list, as
// the web handlers call them, with the actor of an agency officer and of a province
// officer:
//
//	go run ./bench/agency -db bench/out/agency-65000.db -province 31 -rows 10000
//
// The database must hold an imported province whose poor and near-poor households are
// recognised (bench/agency.sh prepares one). The list's rows are members of recognised
// households picked evenly, by national ID and by household code with name and birth
// date; the commit is undone (its transaction is rolled back) unless -keep is given,
// so runs can be repeated on the same database.
package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"sort"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/registry"
	sqlstore "giamngheo/store"
	"giamngheo/support"

	_ "modernc.org/sqlite"
)

func main() {
	dsn := flag.String("db", "bench/out/agency-65000.db", "SQLite database")
	province := flag.String("province", "31", "the province's code")
	rows := flag.Int("rows", 10000, "rows of the beneficiary list")
	only := flag.String("only", "", "run only the measures whose name contains this")
	runs := flag.Int("runs", 3, "repetitions of each measure (the best and the worst are printed)")
	cpu := flag.String("cpuprofile", "", "write a CPU profile to this file")
	flag.Parse()
	if *cpu != "" {
		f, err := os.Create(*cpu)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if err := run(*dsn, *province, *rows, *runs, *only); err != nil {
		fmt.Fprintln(os.Stderr, err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

var errRollback = errors.New("rolled back")

func run(dsn, province string, nrows, runs int, only string) error {
	ctx := context.Background()
	s, err := sqlstore.OpenSQLite(ctx, dsn)
	if err != nil {
		return err
	}
	defer s.Close()
	raw, err := sql.Open("sqlite", dsn)
	if err != nil {
		return err
	}
	defer raw.Close()
	now := func() time.Time { return time.Now() }
	reg := &registry.Service{Store: s, Units: s, Audit: s, Tx: s, Now: now}
	sup := &support.Service{Store: s, Registry: reg, Units: s, Audit: s, Tx: s, Now: now, Rollups: s}
	agency := giamngheo.NewContextWithActor(ctx, &giamngheo.Actor{UserID: 1, Username: "bhxh", Role: giamngheo.RoleAgencyOfficer, ScopeCode: province, Agency: support.AgencyInsurance})
	officer := giamngheo.NewContextWithActor(ctx, &giamngheo.Actor{UserID: 2, Username: "tinh", Role: giamngheo.RoleProvinceOfficer, ScopeCode: province})

	measure := func(name string, fn func() error) error {
		if only != "" && !strings.Contains(name, only) {
			return nil
		}
		var ts []time.Duration
		for i := 0; i < runs; i++ {
			t0 := time.Now()
			if err := fn(); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			ts = append(ts, time.Since(t0))
		}
		sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
		fmt.Printf("%-58s best %8.1f ms  worst %8.1f ms\n", name, ms(ts[0]), ms(ts[len(ts)-1]))
		return nil
	}
	// The support page of an agency officer: its worklists' sizes, a page of the first,
	// and the measures (http.supportBase + handleSupport).
	page := func(ctx context.Context) func() error {
		return func() error {
			if _, _, err := sup.Worklists(ctx, "", 0, 50); err != nil {
				return err
			}
			_, err := sup.Measures(ctx)
			return err
		}
	}
	if err := measure("worklist page, health insurance (agency officer)", func() error {
		_, err := sup.FindGaps(agency, support.GapHealthInsurance, 0, 50)
		return err
	}); err != nil {
		return err
	}
	if err := measure("worklist page, housing (province officer)", func() error {
		_, err := sup.FindGaps(officer, support.GapHousing, 0, 50)
		return err
	}); err != nil {
		return err
	}
	if err := measure("measures (coverage of the province)", func() error {
		_, err := sup.Measures(agency)
		return err
	}); err != nil {
		return err
	}
	if err := measure("/support of the agency officer (counts, page, measures)", page(agency)); err != nil {
		return err
	}
	if err := measure("/support of the province officer (7 counts, page, measures)", page(officer)); err != nil {
		return err
	}

	list, err := listRows(ctx, raw, nrows)
	if err != nil {
		return err
	}
	var rep *support.MatchReport
	if err := measure(fmt.Sprintf("match a list of %d rows", len(list)), func() error {
		rep, err = sup.MatchList(agency, support.TypeHealthInsurance, "bench.csv", list)
		return err
	}); err != nil {
		return err
	}
	if rep == nil {
		return nil
	}
	fmt.Printf("  matched %d, unmatched %d, ambiguous %d\n", rep.Matched, rep.Unmatched, rep.Ambiguous)
	if err := measure(fmt.Sprintf("commit the %d matched rows (rolled back)", rep.Matched), func() error {
		err := s.WithTx(agency, func(ctx context.Context) error {
			if _, err := sup.CommitList(ctx, rep); err != nil {
				return err
			}
			return errRollback
		})
		if errors.Is(err, errRollback) {
			return nil
		}
		return err
	}); err != nil {
		return err
	}
	return nil
}

func agencyOf(ctx context.Context) string {
	if a := giamngheo.ActorFromContext(ctx); a.Role == giamngheo.RoleAgencyOfficer {
		return a.Agency
	}
	return ""
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// listRows picks n members of recognised households evenly: half by national ID,
// half by household code with name and birth date.
func listRows(ctx context.Context, db *sql.DB, n int) ([]support.Row, error) {
	var total int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM members m JOIN households h ON h.id = m.household_id WHERE h.status IN ('poor', 'near_poor')`).Scan(&total); err != nil {
		return nil, err
	}
	step := max(1, total/max(1, n))
	rows, err := db.QueryContext(ctx, `SELECT h.code, m.full_name, m.birth_date, m.national_id FROM members m JOIN households h ON h.id = m.household_id
		WHERE h.status IN ('poor', 'near_poor') ORDER BY m.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []support.Row
	for i := 0; rows.Next() && len(out) < n; i++ {
		var code, name, birth, id string
		if err := rows.Scan(&code, &name, &birth, &id); err != nil {
			return nil, err
		}
		if i%step != 0 {
			continue
		}
		r := support.Row{Line: len(out) + 2, Day: giamngheo.DayString(time.Now())}
		if id != "" && len(out)%2 == 0 {
			r.NationalID = id
		} else {
			r.HouseholdCode, r.Name, r.BirthDate = code, name, birth
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
