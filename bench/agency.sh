#!/usr/bin/env bash
# bench/agency.sh — issue 15 item 8: an agency's support pages, the province's plan page
# and a beneficiary list on a generated province, through the services the web handlers
# call (bench/agency), and the household import's rate in the same run.
#
# The province: `giamngheo demo generate --province $PROVINCE --households $HH` imported
# into bench/out/agency-$PROVINCE-$HH.db (kept between runs), or a copy of SRC, a
# database that already holds that import (never written); the import recognises
# nobody, so the households whose survey result is poor or near-poor are put on those
# lists with one UPDATE and the roll-ups are rebuilt (`giamngheo rollup rebuild`): a
# benchmark shortcut for the commune decisions. HH=65000 by default (the machine is
# shared); the 650,000-household run of docs/benchmarks.md:
#
#   PROVINCE=30 HH=650000 SRC=/work/main/bench/out/sim-650000.db IMPORT_NOW=2024-10-01 \
#     CSV=/work/main/bench/out/province30-650000/ho-gia-dinh-30.csv ROWS=100000 bench/agency.sh
#
# The household import's rate: the first IMPORT_LINES member rows of the province's CSV
# imported into a new database, timed, before the measures, with the clock on IMPORT_NOW
# when set (a file of the units before the 2025 reform, as SRC was imported). ROWS is the length of the
# beneficiary list (members of recognised households, else of every household).
# Run from the repository root. Needs go and sqlite3.
set -euo pipefail
cd "$(dirname "$0")/.."
HH=${HH:-65000}
PROVINCE=${PROVINCE:-31}
ROWS=${ROWS:-10000}
RUNS=${RUNS:-2}
PAGERUNS=${PAGERUNS:-100}
IMPORT_LINES=${IMPORT_LINES:-350000}
OUT=bench/out
BIN=$OUT/giamngheo
DB=$OUT/agency-$PROVINCE-$HH.db
CSV=${CSV:-$OUT/province$PROVINCE-$HH/ho-gia-dinh-$PROVINCE.csv}
mkdir -p "$OUT"
go build -o "$BIN" ./cmd/giamngheo
go build -o "$OUT/agency" ./bench/agency
if [ ! -f "$DB" ]; then
	if [ -n "${SRC:-}" ]; then
		cp "$SRC" "$DB.tmp"
	else
		"$BIN" units load --provinces 30,31 --db "$DB.tmp" >/dev/null
		[ -f "$CSV" ] || "$BIN" demo generate --province "$PROVINCE" --households "$HH" --seed 1 --out "$(dirname "$CSV")" >&2
		"$BIN" import "$CSV" --db "$DB.tmp" --quiet >/dev/null 2>&1
	fi
	sqlite3 "$DB.tmp" "UPDATE households SET status = class, status_since = '2026-01-01' WHERE class IN ('poor', 'near_poor')"
	"$BIN" rollup rebuild --db "$DB.tmp" >/dev/null
	mv "$DB.tmp" "$DB"
fi
echo "Run $(date -u +'%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $(sqlite3 "$DB" "SELECT count(*) || ' households, ' || sum(status <> '') || ' recognised' FROM households")"
# The household import's rate in this run.
IMP=$OUT/agency-import
rm -rf "$IMP" && mkdir -p "$IMP"
head -n $((IMPORT_LINES + 1)) "$CSV" >"$IMP/ho-gia-dinh.csv"
"$BIN" units load --provinces 30,31 --db "$IMP/db" >/dev/null
t0=$(date +%s.%N)
GIAMNGHEO_NOW=${IMPORT_NOW:-} "$BIN" import "$IMP/ho-gia-dinh.csv" --db "$IMP/db" --quiet >"$IMP/import.log" 2>&1 || { tail -5 "$IMP/import.log" >&2; exit 1; }
t1=$(date +%s.%N)
read -r hh members < <(sqlite3 -separator ' ' "$IMP/db" "SELECT (SELECT count(*) FROM households), (SELECT count(*) FROM members)")
awk -v t="$(echo "$t1 - $t0" | bc)" -v r="$IMPORT_LINES" -v h="$hh" -v m="$members" 'BEGIN {
	printf "household import: %d CSV rows (%d households, %d members) in %.1f s: %.0f CSV rows/s, %.0f table rows/s\n", r, h, m, t, r / t, (h + m) / t }'
rm -rf "$IMP"
"$OUT/agency" -db "$DB" -province "$PROVINCE" -rows "$ROWS" -runs "$RUNS" -pageruns "$PAGERUNS"
echo "End $(date -u +'%H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
