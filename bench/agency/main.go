// Command agency times an agency's support pages on a generated province (issue 15
// item 8): the worklist page (the sizes of the user's worklists and a page of one),
// the live coverage measures, and the matching and commit of a beneficiary list, as
// the web handlers call them, with the actor of an agency officer and of a province
// officer:
//
//	go run ./bench/agency -db bench/out/agency-31-65000.db -province 31 -rows 10000
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
	"giamngheo/plan"
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
	runs := flag.Int("runs", 3, "repetitions of each measure of the list (the best and the worst are printed)")
	pageRuns := flag.Int("pageruns", 100, "repetitions of each page measure (best, median, p99 and worst are printed)")
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
	if err := run(*dsn, *province, *rows, *runs, *pageRuns, *only); err != nil {
		fmt.Fprintln(os.Stderr, err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

var errRollback = errors.New("rolled back")

func run(dsn, province string, nrows, listRuns, pageRuns int, only string) error {
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

	runs := pageRuns
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
		if len(ts) >= 10 {
			fmt.Printf("%-58s best %8.1f ms  median %8.1f ms  p99 %8.1f ms  worst %8.1f ms (%d runs)\n", name, ms(ts[0]), ms(ts[len(ts)/2]),
				ms(ts[(len(ts)*99+99)/100-1]), ms(ts[len(ts)-1]), len(ts))
			return nil
		}
		fmt.Printf("%-58s best %8.1f ms  worst %8.1f ms\n", name, ms(ts[0]), ms(ts[len(ts)-1]))
		return nil
	}
	// The support page of an agency officer: its worklists' sizes, a page of the first,
	// and the measures (http.supportBase + handleSupport).
	page := func(ctx context.Context) func() error {
		return func() error {
			if _, _, err := sup.WorklistsAt(ctx, "", nil, 50); err != nil {
				return err
			}
			_, err := sup.Measures(ctx)
			return err
		}
	}
	if err := measure("worklist page, health insurance (agency officer)", func() error {
		_, err := sup.FindGapsAt(agency, support.GapHealthInsurance, nil, 50)
		return err
	}); err != nil {
		return err
	}
	// A page deep in the list: the cursor after the middle row of the first 5,000.
	deep, err := sup.FindGapsAt(agency, support.GapHealthInsurance, nil, support.MaxWorklistPage)
	if err != nil {
		return err
	}
	if n := len(deep.Gaps); n > 0 {
		g := deep.Gaps[n/2]
		fmt.Printf("  health-insurance worklist: %d rows; the deep page starts after row %d\n", deep.Total, n/2+1)
		cur, err := cursorOf(ctx, raw, g)
		if err != nil {
			return err
		}
		if err := measure("worklist page after a cursor (agency officer)", func() error {
			_, err := sup.FindGapsAt(agency, support.GapHealthInsurance, cur, 50)
			return err
		}); err != nil {
			return err
		}
	}
	if err := measure("worklist page, housing (province officer)", func() error {
		_, err := sup.FindGapsAt(officer, support.GapHousing, nil, 50)
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

	// The province's plan page: the targets against their actuals (plan.Service.Progress,
	// as /plan calls it), on a copy of the embedded 2023 plan kept for this province and
	// the current year (made once, outside the timing).
	ps := &plan.Service{Store: s, Support: sup, Rollups: s, Units: s, Audit: s, Tx: s, Now: now}
	year := giamngheo.Today(now()).Year()
	p, err := ps.FindPlan(officer, province, year)
	if err != nil {
		doc, err := plan.SeedDoc("31", 2023)
		if err != nil {
			return err
		}
		doc.ReportDue = fmt.Sprintf("%d-11-20", year)
		if p, err = ps.CreatePlan(officer, province, year, doc); err != nil {
			return fmt.Errorf("plan: %w", err)
		}
	}
	if err := measure("plan page (targets against actuals, province officer)", func() error {
		_, err := ps.Progress(officer, p)
		return err
	}); err != nil {
		return err
	}

	runs = listRuns
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
	var t0 time.Time
	if err := measure(fmt.Sprintf("match and commit the list of %d rows (rolled back)", len(list)), func() error {
		t0 = time.Now()
		err := s.WithTx(agency, func(ctx context.Context) error {
			rep, err := sup.MatchList(ctx, support.TypeHealthInsurance, "bench.csv", list)
			if err != nil {
				return err
			}
			if _, err := sup.CommitList(ctx, rep); err != nil {
				return err
			}
			return errRollback
		})
		if errors.Is(err, errRollback) {
			err = nil
		}
		fmt.Printf("  %d rows in %.1f s: %.0f rows/s\n", len(list), time.Since(t0).Seconds(), float64(len(list))/time.Since(t0).Seconds())
		return err
	}); err != nil {
		return err
	}
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

// cursorOf is the worklist cursor after the gap g (its member's order read back).
func cursorOf(ctx context.Context, db *sql.DB, g support.Gap) (*support.NeedCursor, error) {
	var seq int
	err := db.QueryRowContext(ctx, `SELECT seq FROM support_needs WHERE household_id = ? AND kind = 'health_insurance' AND member_id = ?`, g.HouseholdID, g.MemberID).Scan(&seq)
	return &support.NeedCursor{CommuneCode: g.CommuneCode, HouseholdCode: g.HouseholdCode, Seq: seq}, err
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// listRows picks n members evenly, those of recognised households when they are enough
// and else of every household (an agency's list names persons of the province, listed
// or not): half by national ID, half by household code with name and birth date.
func listRows(ctx context.Context, db *sql.DB, n int) ([]support.Row, error) {
	var total int
	cond := `h.status IN ('poor', 'near_poor')`
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM members m JOIN households h ON h.id = m.household_id WHERE `+cond).Scan(&total); err != nil {
		return nil, err
	}
	if total < n {
		cond = `1 = 1`
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM members`).Scan(&total); err != nil {
			return nil, err
		}
	}
	step := max(1, total/max(1, n))
	rows, err := db.QueryContext(ctx, `SELECT h.code, m.full_name, m.birth_date, m.national_id FROM members m JOIN households h ON h.id = m.household_id
		WHERE `+cond+` ORDER BY m.id`)
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
