// Command editduringimport measures how long an officer's household edit takes while a
// large file is imported into a live registry (issue 10 item 4, docs/adr/0011): it
// loads the first -seed households of FILE in one transaction (the registry as it
// stands), then imports the rest of FILE the way the server does (imports.Run, in
// slices unless -whole, read once without writing first unless -checked) while one goroutine edits a stored household every -every,
// each edit based on the version it read, and prints the import's wall time and the
// edits' latencies.
//
//	giamngheo units load --db bench/out/edit.db
//	giamngheo demo generate --province 31 --households 65200 --seed 7 --out bench/out
//	go run ./bench/editduringimport -db bench/out/edit.db -seed 200 bench/out/ho-gia-dinh-31.csv
//
// The database must hold the units of the file's province and no household.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/audit"
	"giamngheo/internal/csvsplit"
	"giamngheo/registry"
	"giamngheo/registry/imports"
	sqlstore "giamngheo/store"
)

type store interface {
	giamngheo.TxRunner
	registry.RecordStore
	admin.Store
	audit.Store
	Close() error
}

func main() {
	dsn := flag.String("db", "", "SQLite file or postgres:// DSN")
	seed := flag.Int("seed", 200, "households of FILE stored before the measured import")
	every := flag.Duration("every", 100*time.Millisecond, "time between two edits")
	whole := flag.Bool("whole", false, "import in one transaction (the design before ADR 0011)")
	checked := flag.Bool("checked", false, "skip the reading without writing that precedes a sliced import (as after the web preview)")
	flag.Parse()
	if flag.NArg() != 1 || *dsn == "" {
		fmt.Fprintln(os.Stderr, "usage: editduringimport -db DSN [-seed N] [-whole] FILE")
		os.Exit(2)
	}
	if err := run(*dsn, flag.Arg(0), *seed, *every, imports.Options{Whole: *whole, Checked: *checked}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(dsn, file string, seed int, every time.Duration, opts imports.Options) error {
	ctx := giamngheo.NewContextWithActor(context.Background(), giamngheo.System)
	var s store
	var err error
	if strings.HasPrefix(dsn, "postgres://") {
		s, err = sqlstore.OpenPostgres(ctx, dsn)
	} else {
		s, err = sqlstore.OpenSQLite(ctx, dsn)
	}
	if err != nil {
		return err
	}
	defer s.Close()
	svc := &registry.Service{Store: s, Units: s, Audit: s, Tx: s, Now: time.Now}
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	first, rest, err := csvsplit.Households(f, seed)
	f.Close()
	if err != nil {
		return err
	}
	if _, err := imports.Run(ctx, svc, bytes.NewReader(first), "seed.csv", imports.Options{Whole: true}); err != nil {
		return err
	}
	hs, _, err := svc.FindHouseholds(ctx, registry.HouseholdFilter{Page: giamngheo.Page{Limit: 1}})
	if err != nil || len(hs) == 0 {
		return fmt.Errorf("no stored household to edit: %v", err)
	}
	id := hs[0].ID

	done := make(chan struct{})
	var rep *imports.Report
	var runErr error
	start := time.Now()
	var wall time.Duration
	go func() {
		defer close(done)
		rep, runErr = imports.Run(ctx, svc, bytes.NewReader(rest), filepath.Base(file), opts)
		wall = time.Since(start)
	}()
	var lat []time.Duration
	tick := time.NewTicker(every)
	defer tick.Stop()
	for i := 0; ; i++ {
		select {
		case <-done:
		case <-tick.C:
			t0 := time.Now()
			h, err := svc.FindHouseholdByID(ctx, id)
			if err != nil {
				return err
			}
			phone := fmt.Sprintf("09%08d", i)
			if _, err := svc.UpdateHousehold(ctx, id, registry.HouseholdUpdate{BaseVersion: h.Version, Phone: &phone}); err != nil {
				return err
			}
			lat = append(lat, time.Since(t0))
			continue
		}
		break
	}
	if runErr != nil {
		return runErr
	}
	slices.Sort(lat)
	q := func(p float64) float64 {
		if len(lat) == 0 {
			return 0
		}
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	return json.NewEncoder(os.Stdout).Encode(map[string]any{
		"engine": s.(interface{ Dialect() string }).Dialect(), "whole": opts.Whole, "checked": opts.Checked, "households": rep.Counts.Created,
		"import_s": wall.Seconds(), "edits": len(lat), "edit_p50_ms": q(0.5), "edit_p99_ms": q(0.99), "edit_max_ms": q(1),
	})
}
