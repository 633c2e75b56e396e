package store

// The benchmark seam of the roll-ups (issue 14 item 9): the speed targets compare a
// write with roll-up maintenance against the same write without it, so the benchmark
// binaries need a store that skips the roll-up statements. It is a method, not an
// option of Open: no flag, environment variable or configuration of cmd/giamngheo
// reaches it (TestRollupSeamOnlyInBenchmarks checks that only bench/
// calls it), and a store so marked leaves its roll-ups and flows wrong until
// `giamngheo rollup rebuild`.

// SkipRollupMaintenanceForBenchmark makes every later write of db skip the roll-up
// and flow statements (changeHousehold writes only, the import adds nothing, a decided
// case relabels nothing). For bench/ only: the roll-ups of db are then wrong.
func (db *DB) SkipRollupMaintenanceForBenchmark() { db.noRollups = true }
