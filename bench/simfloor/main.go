// Command simfloor is the floor of bench/simulate.sh: a bare sequential read of the
// columns a simulation reads (households' codes, status, class and survey JSON; the
// members' answers JSON), with modernc.org/sqlite as the product uses it, touching
// every byte and decoding nothing.
//
//	go run ./bench/simfloor [-join] FILE.db
//
// Without -join it reads the two tables in storage order (two sequential scans); with
// -join it runs the product's query (households in commune order, members joined).
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"time"

	_ "modernc.org/sqlite"
)

func main() {
	join := flag.Bool("join", false, "read with the product's join in commune order")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: simfloor [-join] FILE.db")
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
	queries := []string{
		`SELECT id, code, province_code, commune_code, coalesce(village_id, 0), village_name, status, class, standard_id, CAST(survey AS TEXT) FROM households`,
		`SELECT household_id, seq, CAST(answers AS TEXT) FROM members`,
	}
	if *join {
		queries = []string{`SELECT h.id, h.code, h.province_code, h.commune_code, coalesce(h.village_id, 0), h.village_name, h.status, h.class, h.standard_id,
			CASE WHEN m.seq IS NULL OR m.seq = 0 THEN CAST(h.survey AS TEXT) END, CAST(m.answers AS TEXT)
			FROM households h LEFT JOIN members m ON m.household_id = h.id ORDER BY h.commune_code, h.code, m.seq`}
	}
	for _, q := range queries {
		r, err := db.QueryContext(ctx, q)
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
			rows++
		}
		if err := r.Err(); err != nil {
			fail(err)
		}
		r.Close()
	}
	fmt.Printf("rows=%d bytes=%d seconds=%.2f\n", rows, bytes, time.Since(start).Seconds())
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
