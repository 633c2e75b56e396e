#!/usr/bin/env bash
# bench/dashboard.sh — the dashboard and public-site load benchmark (issue 17 item 6):
# 50 concurrent clients on loopback (bench/dashload) against every dashboard and
# public page of a generated province, each page's p50/p99 beside those of /healthz
# of the same binary in the same run; then the public pages and /healthz again while
# an import of $IMPORT_HH households (another province, so nothing conflicts) runs
# into the same SQLite file.
#
# Run from the repository root:   bench/dashboard.sh
#   HH=65000 (households of the generated province: the demo sample of Hải Dương,
#   recognised and carried through the 2025 mergers into Hải Phòng, 31, with the
#   Hải Dương 2023 plan copied to this year), CLIENTS=50, DURATION=10s per page,
#   IMPORT_HH=65000 (0: no import phase), PREPARE_ONLY=1 (prepare the base database and
#   stop: the preparation of 650,000 households takes about an hour on a shared machine
#   and need not hold the bench lock; run the load afterwards under it).
# Needs: go, sqlite3. Generated files and databases go to bench/out/ (git-ignored);
# the prepared database is kept between runs (bench/out/dash-$HH-base.db).
# Results: bench/out/dashboard.md (tables) and bench/out/dashboard.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
HH=${HH:-65000}
CLIENTS=${CLIENTS:-50}
DURATION=${DURATION:-10s}
IMPORT_HH=${IMPORT_HH:-65000}
YEAR=$(date +%Y)
OUT=bench/out
BIN=$OUT/giamngheo
BASE=$OUT/dash-$HH-base.db
DB=$OUT/dash-$HH.db
PORT=${PORT:-18766}
URL=http://127.0.0.1:$PORT
mkdir -p "$OUT"
log() { printf '== %s %s\n' "$(date +%T)" "$*" >&2; }

log "build"
go build -o "$BIN" ./cmd/giamngheo
go build -o "$OUT/dashload" ./bench/dashload

# wait_up LOG: waits until the server writes that it serves.
wait_up() {
	for _ in $(seq 1 1200); do
		grep -q "is serving at" "$1" 2>/dev/null && return 0
		sleep 1
	done
	echo "the server did not start: $(tail -5 "$1")" >&2
	exit 1
}

if [ ! -f "$BASE" ]; then
	log "prepare $BASE: $HH demo households (first start seeds them), the plan, Hà Nội's units"
	rm -f "$BASE"*
	"$BIN" serve --db "$BASE" --demo-households "$HH" --addr "127.0.0.1:$PORT" >"$OUT/dash-prepare.out" 2>&1 &
	pid=$!
	wait_up "$OUT/dash-prepare.out"
	kill "$pid"
	wait "$pid" || true
	"$BIN" plan seed --province 31 --year 2023 --db "$BASE" >/dev/null
	[ "$YEAR" = 2023 ] || "$BIN" plan copy --province 31 --from 2023 --to "$YEAR" --db "$BASE" >/dev/null
	"$BIN" units load --provinces 01 --db "$BASE" >/dev/null
	"$BIN" user add bench.tinh --role province_officer --scope 31 --password bench-password-2026 --db "$BASE" >/dev/null
	sqlite3 "$BASE" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
fi
if [ "${PREPARE_ONLY:-0}" = 1 ]; then
	log "prepared $BASE"
	exit 0
fi
rm -f "$DB" "$DB"-wal "$DB"-shm
cp "$BASE" "$DB"

log "serve $DB"
"$BIN" serve --db "$DB" --no-demo --public-rate -1 --addr "127.0.0.1:$PORT" >"$OUT/dash-serve.out" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
wait_up "$OUT/dash-serve.out"

COMMUNE=$(sqlite3 "$DB" "SELECT commune_code FROM households WHERE province_code = '31' GROUP BY commune_code ORDER BY count(*) DESC LIMIT 1")
PAGES=(/healthz
	/dashboard "/dashboard?sort=name" "/dashboard?lang=en" "/dashboard?unit=$COMMUNE"
	"/dashboard/chart.svg?chart=trend" "/dashboard/data.csv?chart=targets" "/dashboard/data.xlsx?chart=rates"
	/public /public/figures "/public/figures?year=$((YEAR - 1))" "/public/figures?lang=en" /public/figures.csv /public/chart.svg
	/public/news /public/documents /public/offices
	/healthz)
log "load: $CLIENTS clients, $DURATION per page"
{
	echo "### $CLIENTS clients, $DURATION per page, $(sqlite3 "$DB" 'SELECT count(*) FROM households') households ($(date +%F))"
	echo
	"$OUT/dashload" -base "$URL" -user bench.tinh -password bench-password-2026 -clients "$CLIENTS" -duration "$DURATION" -label idle "${PAGES[@]}" 2>>"$OUT/dashboard.jsonl.tmp"
} | tee "$OUT/dashboard.md"

if [ "$IMPORT_HH" -gt 0 ]; then
	FILE=$OUT/import-01-$IMPORT_HH
	if ! ls "$FILE"/ho-gia-dinh-* >/dev/null 2>&1; then
		log "generate $IMPORT_HH households of Hà Nội (01)"
		mkdir -p "$FILE"
		"$BIN" demo generate --province 01 --households "$IMPORT_HH" --seed 3 --out "$FILE" >/dev/null
	fi
	CSV=$(ls "$FILE"/ho-gia-dinh-*)
	log "import $CSV while the public pages are loaded"
	start=$(date +%s.%N)
	"$BIN" import "$CSV" --db "$DB" --quiet >"$OUT/dash-import.out" 2>&1 &
	IMP=$!
	{
		echo
		echo "### During the import of $IMPORT_HH households (another process, the same SQLite file)"
		echo
		"$OUT/dashload" -base "$URL" -clients "$CLIENTS" -duration "$DURATION" -label import /healthz /public "/public/figures?province=01" /public/figures /public/figures.csv /healthz 2>>"$OUT/dashboard.jsonl.tmp"
	} | tee -a "$OUT/dashboard.md"
	if kill -0 "$IMP" 2>/dev/null; then
		echo "(the import was still running when the load ended)" | tee -a "$OUT/dashboard.md"
	else
		echo "(the import ENDED before the load did: lower DURATION or raise IMPORT_HH)" | tee -a "$OUT/dashboard.md"
	fi
	wait "$IMP"
	echo "import: $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b - a}') s, $(sqlite3 "$DB" "SELECT count(*) FROM households WHERE province_code = '01'") households stored" | tee -a "$OUT/dashboard.md"
fi
mv "$OUT/dashboard.jsonl.tmp" "$OUT/dashboard.jsonl"
log "results: $OUT/dashboard.md"
