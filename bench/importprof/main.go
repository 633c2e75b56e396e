// Command importprof runs one household import the way `giamngheo import` does
// (same store, service and options, no progress bar) under the CPU profiler, to find
// where an import spends its time:
//
//	go run ./bench/importprof -db bench/out/prof.db -cpuprofile bench/out/cpu.pprof FILE.csv
//	go tool pprof -top bench/out/cpu.pprof
//
// The database must already hold the units of the file's provinces
// (giamngheo units load --provinces 30,31 --db …).
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/audit"
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
	cpu := flag.String("cpuprofile", "", "write a CPU profile here")
	mem := flag.String("memprofile", "", "write an allocation profile here")
	heap := flag.String("heapprofile", "", "write the live heap here when 90 % of the file is read")
	issues := flag.String("issues", "", "write the report (JSON) here")
	batch := flag.Int("batch", 0, "households per batch (0: the importer's default)")
	noRollups := flag.Bool("no-rollups", false, "skip the roll-up maintenance (the benchmark seam: the floor of issue 14 item 9; leaves the roll-ups wrong)")
	flag.Parse()
	if flag.NArg() != 1 || *dsn == "" {
		fmt.Fprintln(os.Stderr, "usage: importprof -db DSN [-cpuprofile F] FILE")
		os.Exit(2)
	}
	ctx := context.Background()
	var s store
	var err error
	var db *sqlstore.DB
	if strings.HasPrefix(*dsn, "postgres://") {
		db, err = sqlstore.OpenPostgres(ctx, *dsn)
	} else {
		db, err = sqlstore.OpenSQLite(ctx, *dsn)
	}
	check(err)
	if *noRollups {
		db.SkipRollupMaintenanceForBenchmark()
	}
	s = db
	defer s.Close()
	// GIAMNGHEO_NOW sets the clock as for the CLI (a file of units no longer current).
	clock, err := giamngheo.ParseClock(os.Getenv("GIAMNGHEO_NOW"))
	check(err)
	svc := &registry.Service{Store: s, Units: s, Audit: s, Tx: s, Now: clock}
	f, err := os.Open(flag.Arg(0))
	check(err)
	defer f.Close()
	if *cpu != "" {
		pf, err := os.Create(*cpu)
		check(err)
		check(pprof.StartCPUProfile(pf))
		defer pprof.StopCPUProfile()
	}
	st, err := f.Stat()
	check(err)
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(imports.MemoryLimit) // as the CLI does
	}
	opts := imports.Options{Size: st.Size(), BatchSize: *batch}
	if *heap != "" {
		written := false
		opts.Progress = func(p imports.Progress) {
			if !written && p.BytesRead > st.Size()*9/10 {
				written = true
				hf, err := os.Create(*heap)
				check(err)
				runtime.GC()
				check(pprof.Lookup("heap").WriteTo(hf, 0))
				hf.Close()
			}
		}
	}
	start := time.Now()
	rep, err := imports.Run(giamngheo.NewContextWithActor(ctx, giamngheo.System), svc, bufio.NewReaderSize(f, 1<<20), filepath.Base(flag.Arg(0)), opts)
	check(err)
	d := time.Since(start)
	fmt.Printf("%d households, %d members, created %d, invalid %d, committed %v in %.2fs (%.0f rows/s), roll-ups maintained: %v\n",
		rep.Households, rep.Members, rep.Counts.Created, rep.Invalid, rep.Committed, d.Seconds(), float64(rep.Members)/d.Seconds(), !*noRollups)
	if *issues != "" {
		b, err := json.MarshalIndent(rep, "", " ")
		check(err)
		check(os.WriteFile(*issues, b, 0o644))
	}
	if *mem != "" {
		mf, err := os.Create(*mem)
		check(err)
		runtime.GC()
		check(pprof.Lookup("allocs").WriteTo(mf, 0))
		mf.Close()
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
