#!/usr/bin/env bash
# Speed of the reports and of the roll-up maintenance (issue 14 item 9), each beside a
# floor measured in the same run:
#   1. every report of the province (report.Service.Build) against a bare SELECT of the
#      roll-up rows it reads and the flows; a household edit with roll-up maintenance
#      against the same edit on a handle that skips it (the store's benchmark seam,
#      store/benchseam.go); `rollup rebuild` against a bare GROUP BY over the households
#      (households and persons per unit and status); then `rollup verify` must be clean
#      (bench/reportbench);
#   2. the province's import with roll-ups against the same import without them
#      (bench/importprof -no-rollups), alternated ROUNDS times, each into an empty database.
# Run from the repository root, under the shared lock:
#   flock /tmp/gn-bench.lock bash bench/rollup-speed.sh
#   SIM=the 650,000-household SQLite province (imported with the clock on 2024-10-01,
#       nobody recognised; default /work/main/bench/out/sim-650000.db), CSV=its file,
#   UNIT=30 PERIOD=2024 RUNS=30 EDITS=100 REBUILDS=3 ROUNDS=1,
#   PG=postgres://…/gn_rep_bench (optional: the same on PostgreSQL; the database is
#       dropped and recreated), PGCSV=the file imported there (default CSV).
# The survey's poor and near-poor are first recognised (a store decision each, dated
# 14 December of the year before PERIOD) so that the reports have content.
set -euo pipefail
cd "$(dirname "$0")/.."
SIM=${SIM:-/work/main/bench/out/sim-650000.db}
CSV=${CSV:-/work/main/bench/out/province30-650000/ho-gia-dinh-30.csv}
UNIT=${UNIT:-30}
PERIOD=${PERIOD:-2024}
RUNS=${RUNS:-30}
EDITS=${EDITS:-100}
REBUILDS=${REBUILDS:-3}
ROUNDS=${ROUNDS:-1}
ONLY=${ONLY:-}
OUT=bench/out
mkdir -p "$OUT"
log() { printf '== %s %s\n' "$(date +%T)" "$*" >&2; }
go build -o "$OUT/giamngheo" ./cmd/giamngheo
go build -o "$OUT/reportbench" ./bench/reportbench
go build -o "$OUT/importprof" ./bench/importprof
echo "load: $(uptime)"

if [ -z "$ONLY" ] || [ "$ONLY" = sqlite ]; then
	BASE=$OUT/rollup-speed-base.db
	if [ ! -f "$BASE" ]; then
		log "prepare $BASE from $SIM (recognise the survey's lists)"
		cp "$SIM" "$BASE.tmp"
		"$OUT/reportbench" -db "$BASE.tmp" -unit "$UNIT" -period "$PERIOD" -runs 1 -recognise -rebuild=false -reports=false
		sqlite3 "$BASE.tmp" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
		mv "$BASE.tmp" "$BASE"
	fi
	DB=$OUT/rollup-speed.db
	rm -f "$DB" "$DB"-wal "$DB"-shm
	cp "$BASE" "$DB"
	log "SQLite: reports, edits, rebuild, verify"
	"$OUT/reportbench" -db "$DB" -unit "$UNIT" -period "$PERIOD" -runs "$RUNS" -edits "$EDITS" -rebuilds "$REBUILDS"
	echo "load: $(uptime)"
	for r in $(seq 1 "$ROUNDS"); do
		for mode in without with; do
			IDB=$OUT/rollup-speed-import.db
			rm -f "$IDB" "$IDB"-wal "$IDB"-shm
			"$OUT/giamngheo" units load --provinces 30,31 --db "$IDB" >/dev/null
			flag=""
			[ "$mode" = without ] && flag=-no-rollups
			log "SQLite import $mode roll-ups (round $r)"
			echo "sqlite import $mode roll-ups, round $r: $(GIAMNGHEO_NOW=2024-10-01 "$OUT/importprof" -db "$IDB" $flag "$CSV")"
		done
	done
	echo "load: $(uptime)"
fi

if [ -n "${PG:-}" ] && { [ -z "$ONLY" ] || [ "$ONLY" = postgres ]; }; then
	PGCSV=${PGCSV:-$CSV}
	NAME=${PG##*/}
	NAME=${NAME%%\?*}
	fresh() { su postgres -c "dropdb --if-exists $NAME" && su postgres -c "createdb -O gntest $NAME" && "$OUT/giamngheo" units load --provinces 30,31 --db "$PG" >/dev/null; }
	for r in $(seq 1 "$ROUNDS"); do
		for mode in without with; do
			fresh
			flag=""
			[ "$mode" = without ] && flag=-no-rollups
			log "PostgreSQL import $mode roll-ups (round $r)"
			echo "postgres import $mode roll-ups, round $r: $(GIAMNGHEO_NOW=2024-10-01 "$OUT/importprof" -db "$PG" $flag "$PGCSV")"
		done
	done
	echo "load: $(uptime)"
	log "PostgreSQL: reports, edits, rebuild, verify (on the database imported with roll-ups)"
	"$OUT/reportbench" -db "$PG" -unit "$UNIT" -period "$PERIOD" -runs "$RUNS" -edits "$EDITS" -rebuilds "$REBUILDS" -recognise
	echo "load: $(uptime)"
fi
