// Command simfloor is the floor of bench/simulate.sh: a bare sequential read of the
// columns a simulation reads (households' codes, status, class and the compact form of
// their answers, facts; the survey JSON and members' answers JSON only of the
// households without one), with modernc.org/sqlite as the product uses it, touching
// every byte and decoding nothing.
//
//	go run ./bench/simfloor [-json] [-join] FILE.db
//
// Without -join it reads the tables in storage order (sequential scans); with -join it
// runs a join in commune order. -json reads the JSON columns of every household, as
// the simulation did before the compact form (ADR 0014), for comparison.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite"
)

func main() {
	join := flag.Bool("join", false, "read with a join in commune order")
	jsonCols := flag.Bool("json", false, "read the survey and members' JSON of every household")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: simfloor [-json] [-join] FILE.db")
		os.Exit(2)
	}
	db, err := sql.Open("sqlite", "file:"+flag.Arg(0)+"?mode=ro")
	if err != nil {
		fail(err)
	}
	defer db.Close()
	ctx := context.Background()
	start := time.Now()
	var rows, bytes int64
	// The plain columns and facts of every household; the survey JSON of those
	// without facts, whose members' answers are then read by id (none in a database
	// made since migration 0023).
	queries := []string{
		`SELECT id, code, province_code, commune_code, coalesce(village_id, 0), village_name, status, class, standard_id,
			facts, CASE WHEN facts IS NULL THEN CAST(survey AS TEXT) END FROM households`,
	}
	membersOf := true
	if *jsonCols {
		membersOf = false
		queries = []string{
			`SELECT id, code, province_code, commune_code, coalesce(village_id, 0), village_name, status, class, standard_id, CAST(survey AS TEXT) FROM households`,
			`SELECT household_id, seq, CAST(answers AS TEXT) FROM members`,
		}
	}
	if *join {
		membersOf = false
		queries = []string{`SELECT h.id, h.code, h.province_code, h.commune_code, coalesce(h.village_id, 0), h.village_name, h.status, h.class, h.standard_id,
			CASE WHEN m.seq IS NULL OR m.seq = 0 THEN CAST(h.survey AS TEXT) END, CAST(m.answers AS TEXT)
			FROM households h LEFT JOIN members m ON m.household_id = h.id ORDER BY h.commune_code, h.code, m.seq`}
	}
	var noFacts []int64
	read := func(q string, args ...any) {
		r, err := db.QueryContext(ctx, q, args...)
		if err != nil {
			fail(err)
		}
		cols, _ := r.Columns()
		dest := make([]any, len(cols))
		raw := make([]sql.RawBytes, len(cols))
		for i := range dest {
			dest[i] = &raw[i]
		}
		for r.Next() {
			if err := r.Scan(dest...); err != nil {
				fail(err)
			}
			for _, b := range raw {
				bytes += int64(len(b))
			}
			if membersOf && len(cols) == 11 && raw[9] == nil {
				id, _ := strconv.ParseInt(string(raw[0]), 10, 64)
				noFacts = append(noFacts, id)
			}
			rows++
		}
		if err := r.Err(); err != nil {
			fail(err)
		}
		r.Close()
	}
	for _, q := range queries {
		read(q)
	}
	for len(noFacts) > 0 {
		n := min(len(noFacts), 500)
		q := `SELECT household_id, seq, CAST(answers AS TEXT) FROM members WHERE household_id IN (` + strings.Repeat("?,", n-1) + `?)`
		args := make([]any, n)
		for i := range args {
			args[i] = noFacts[i]
		}
		read(q, args...)
		noFacts = noFacts[n:]
	}
	fmt.Printf("rows=%d bytes=%d seconds=%.2f\n", rows, bytes, time.Since(start).Seconds())
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
