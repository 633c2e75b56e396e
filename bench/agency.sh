#!/usr/bin/env bash
# bench/agency.sh — issue 15 item 8: an agency's support pages and a beneficiary list
# on a generated province, through the services the web handlers call (bench/agency).
#
# The province: `giamngheo demo generate --province 31 --households $HH` imported into
# bench/out/agency-$HH.db (kept between runs); the import recognises nobody, so the
# households whose survey result is poor or near-poor are put on those lists with one
# UPDATE and the roll-ups are rebuilt (`giamngheo rollup rebuild`): a benchmark
# shortcut for the commune decisions. HH=65000 by default (the machine is shared).
# ROWS is the length of the beneficiary list (capped by the recognised members).
# Run from the repository root. Needs go and sqlite3.
set -euo pipefail
cd "$(dirname "$0")/.."
HH=${HH:-65000}
ROWS=${ROWS:-10000}
RUNS=${RUNS:-3}
OUT=bench/out
BIN=$OUT/giamngheo
DB=$OUT/agency-$HH.db
mkdir -p "$OUT"
go build -o "$BIN" ./cmd/giamngheo
go build -o "$OUT/agency" ./bench/agency
if [ ! -f "$DB" ]; then
	"$BIN" units load --provinces 30,31 --db "$DB.tmp" >/dev/null
	[ -d "$OUT/province31-$HH" ] || "$BIN" demo generate --province 31 --households "$HH" --seed 1 --out "$OUT/province31-$HH" >&2
	"$BIN" import "$OUT/province31-$HH/ho-gia-dinh-31.csv" --db "$DB.tmp" --quiet >/dev/null 2>&1
	sqlite3 "$DB.tmp" "UPDATE households SET status = class, status_since = '2026-01-01' WHERE class IN ('poor', 'near_poor')"
	"$BIN" rollup rebuild --db "$DB.tmp" >/dev/null
	mv "$DB.tmp" "$DB"
fi
echo "Run $(date -u +'%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $(sqlite3 "$DB" "SELECT count(*) || ' households, ' || sum(status <> '') || ' recognised' FROM households")"
"$OUT/agency" -db "$DB" -rows "$ROWS" -runs "$RUNS"
