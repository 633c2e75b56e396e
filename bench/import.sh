#!/usr/bin/env bash
# bench/import.sh — the import benchmark of issue 4 item 8, each figure beside its
# floor measured in the same run on the same rows:
#
#   1. CSV → SQLite: `giamngheo import` (validate, classify, write, indexes present)
#      vs `sqlite3 .import` of the rows our import stored (dumped from our tables),
#      into the same tables with the same indexes.            target: ours ≤ 1.5 × floor
#   2. CSV → PostgreSQL: `giamngheo import --db postgres://…` (COPY) vs `psql \copy` of
#      the rows our import stored, into the same tables.       target: ours ≥ 70 % rows/s
#   3. XLSX → SQLite: our import vs a bare excelize Rows() loop (bench/xlsxloop) over
#      the same workbook.                                      target: ours ≥ 80 % rows/s
#   4. Peak RSS of the imports, and of a ~600 k-row and a ~6 M-row file.
#                                    target: < 100 MB, big ≤ small + 50 MB
#   5. The province file with its households shuffled (bench/shuffle) → SQLite: the
#      households must end in commune order; its time beside the sorted file's.
#
# Run from the repository root:  bench/import.sh        (full sizes, ~25 min on 2 cores)
#                                 QUICK=1 bench/import.sh (a tenth of the sizes)
# Needs: go, sqlite3, psql, /usr/bin/time (apt-get install time), PostgreSQL 15 running
# locally (pg_ctlcluster 15 main start) and `su postgres` to create the scratch role
# and database gnbench. Generated files and databases go to bench/out/ (git-ignored);
# generated input files are kept between runs. Results: bench/out/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=${QUICK:-0}
# ONLY=sqlite,pg,xlsx,mem,order runs some of the comparisons (all by default).
ONLY=${ONLY:-sqlite,pg,xlsx,mem,order}
want() { [[ ",$ONLY," == *",$1,"* ]]; }
if [ "$QUICK" = 1 ]; then
	HH=65000 XLSX_HH=10000 MEM_SMALL=17500 MEM_BIG=175000
else
	HH=650000 XLSX_HH=100000 MEM_SMALL=175000 MEM_BIG=1750000
fi
# The import classifies at today's date, so the files are generated on today's map:
# Hải Dương (30) is part of Hải Phòng (31) since 1 July 2025; 650,000 households is
# the size of the former Hải Dương.
DATE=${DATE:-$(date +%F)}
PROV=31
BIG_PROVS=31,01,79
OUT=bench/out
BIN=$OUT/giamngheo
PGDB=gnbench
PGURL="postgres://gnbench:gnbench@127.0.0.1:5432/$PGDB?sslmode=disable"
RES=$OUT/results.tsv
mkdir -p "$OUT"
: >"$RES"

command -v /usr/bin/time >/dev/null || { echo "install time: apt-get install -y time" >&2; exit 1; }

log() { printf '== %s %s\n' "$(date +%T)" "$*" >&2; }

# measure NAME CMD…: runs CMD, records wall seconds and peak RSS (kB) as NAME.
measure() {
	local name=$1
	shift
	/usr/bin/time -f '%e %M' -o "$OUT/$name.time" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" || {
		echo "FAILED: $*" >&2
		tail -20 "$OUT/$name.err" >&2
		exit 1
	}
	read -r secs rss <"$OUT/$name.time"
	printf '%s\t%s\t%s\n' "$name" "$secs" "$rss" >>"$RES"
	log "$name: ${secs}s, peak RSS $((rss / 1024)) MB"
}
secs() { awk -v n="$1" '$1 == n {print $2}' "$RES"; }
rssmb() { awk -v n="$1" '$1 == n {printf "%.0f", $3 / 1024}' "$RES"; }

# gen DIR ARGS…: generates a demo file into DIR once (kept between runs).
gen() {
	local dir=$1
	shift
	if ! ls "$dir"/ho-gia-dinh-* >/dev/null 2>&1; then
		log "generate $dir: $*"
		mkdir -p "$dir"
		"$BIN" demo generate "$@" --seed 1 --date "$DATE" --out "$dir" >&2
	fi
	ls "$dir"/ho-gia-dinh-*
}

# freshdb PATH: a migrated SQLite file with the units of the provinces loaded (untimed).
freshdb() {
	rm -f "$1" "$1"-wal "$1"-shm
	cp "$OUT/base.db" "$1"
}

log "build"
go build -o "$BIN" ./cmd/giamngheo
go build -o "$OUT/xlsxloop" ./bench/xlsxloop
rm -f "$OUT/base.db"*
"$BIN" units load --provinces "30,$BIG_PROVS" --db "$OUT/base.db" >/dev/null
sqlite3 "$OUT/base.db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null

CSV=$(gen "$OUT/province-$HH" --province $PROV --households $HH)
log "input $CSV: $(du -m "$CSV" | cut -f1) MB, $(($(wc -l <"$CSV") - 1)) rows"

# ---- 1. SQLite ------------------------------------------------------------------
NH=0 NM=0 PGN=0 XROWS=0 SROWS=0 BROWS=0
if want sqlite; then
freshdb "$OUT/ours.db"
measure sqlite_ours "$BIN" import "$CSV" --db "$OUT/ours.db" --quiet
NH=$(sqlite3 "$OUT/ours.db" 'SELECT count(*) FROM households')
NM=$(sqlite3 "$OUT/ours.db" 'SELECT count(*) FROM members')
log "stored $NH households, $NM members"
# The floor loads exactly the rows our import stored (ids, JSON, classification).
sqlite3 -csv "$OUT/ours.db" 'SELECT * FROM households ORDER BY id' >"$OUT/sqlite_households.csv"
sqlite3 -csv "$OUT/ours.db" 'SELECT * FROM members ORDER BY id' >"$OUT/sqlite_members.csv"
freshdb "$OUT/floor.db"
measure sqlite_floor sqlite3 "$OUT/floor.db" 'PRAGMA synchronous=NORMAL;' \
	".import --csv $OUT/sqlite_households.csv households" ".import --csv $OUT/sqlite_members.csv members"
[ "$(sqlite3 "$OUT/floor.db" 'SELECT count(*) FROM members')" = "$NM" ] || { echo "floor row count differs" >&2; exit 1; }
# The same floor with the technique our import uses for a large load (ADR 0006): the
# secondary indexes dropped, the rows loaded, the indexes created again, one transaction.
freshdb "$OUT/floor2.db"
DEFERRED=$(sqlite3 "$OUT/floor2.db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('households', 'members') AND name <> 'members_household'")
DROPS=$(sqlite3 "$OUT/floor2.db" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('households', 'members') AND name <> 'members_household'")
measure sqlite_floor_deferred sqlite3 "$OUT/floor2.db" 'PRAGMA synchronous=NORMAL;' 'BEGIN;' "$DROPS" \
	".import --csv $OUT/sqlite_households.csv households" ".import --csv $OUT/sqlite_members.csv members" "$DEFERRED" 'COMMIT;'
rm -f "$OUT"/ours.db* "$OUT"/floor.db* "$OUT"/floor2.db*
fi

# ---- 2. PostgreSQL ---------------------------------------------------------------
if want pg; then
pgsu() { su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -d postgres" >/dev/null; }
pgsu <<SQL
DROP DATABASE IF EXISTS $PGDB;
DO \$\$BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gnbench') THEN CREATE ROLE gnbench LOGIN PASSWORD 'gnbench'; END IF;
END\$\$;
CREATE DATABASE $PGDB OWNER gnbench;
SQL
"$BIN" units load --provinces "30,$PROV" --db "$PGURL" >/dev/null
echo CHECKPOINT | pgsu
measure pg_ours "$BIN" import "$CSV" --db "$PGURL" --quiet
# The stored columns (a generated column, households.search_tsv, is computed again
# by the floor's COPY as by ours).
pgcols() { psql -X -qtA "$PGURL" -c "SELECT string_agg(quote_ident(column_name), ',' ORDER BY ordinal_position) FROM information_schema.columns
	WHERE table_schema = current_schema() AND table_name = '$1' AND is_generated = 'NEVER'"; }
HCOLS=$(pgcols households) MCOLS=$(pgcols members)
psql -X -q -v ON_ERROR_STOP=1 "$PGURL" \
	-c "\\copy (SELECT $HCOLS FROM households ORDER BY id) TO '$OUT/pg_households.csv' CSV" \
	-c "\\copy (SELECT $MCOLS FROM members ORDER BY id) TO '$OUT/pg_members.csv' CSV"
psql -X -q -v ON_ERROR_STOP=1 "$PGURL" -c 'TRUNCATE households, members CASCADE'
echo CHECKPOINT | pgsu
measure pg_floor psql -X -q -1 -v ON_ERROR_STOP=1 "$PGURL" \
	-c "\\copy households ($HCOLS) FROM '$OUT/pg_households.csv' CSV" -c "\\copy members ($MCOLS) FROM '$OUT/pg_members.csv' CSV"
PGN=$(psql -X -qtA "$PGURL" -c 'SELECT (SELECT count(*) FROM households) + (SELECT count(*) FROM members)')
rm -f "$OUT"/pg_*.csv "$OUT"/sqlite_*.csv
echo "DROP DATABASE $PGDB" | pgsu
fi

# ---- 3. XLSX ----------------------------------------------------------------------
if want xlsx; then
XLSX=$(gen "$OUT/xlsx-$XLSX_HH" --province $PROV --households $XLSX_HH --format xlsx)
freshdb "$OUT/xlsx.db"
measure xlsx_ours "$BIN" import "$XLSX" --db "$OUT/xlsx.db" --quiet
measure xlsx_floor "$OUT/xlsxloop" "$XLSX"
XROWS=$(sed -n 's/.*rows=\([0-9]*\).*/\1/p' "$OUT/xlsx_floor.out")
rm -f "$OUT"/xlsx.db*
fi

# ---- 4. Memory: ~600 k rows vs ~6 M rows --------------------------------------------
if want mem; then
SMALL=$(gen "$OUT/mem-$PROV-$MEM_SMALL" --province $PROV --households $MEM_SMALL)
BIG=$(gen "$OUT/mem-${BIG_PROVS//,/-}-$MEM_BIG" --province $BIG_PROVS --households $MEM_BIG)
freshdb "$OUT/mem.db"
measure mem_small "$BIN" import "$SMALL" --db "$OUT/mem.db" --quiet
freshdb "$OUT/mem.db"
measure mem_big "$BIN" import "$BIG" --db "$OUT/mem.db" --quiet
SROWS=$(($(wc -l <"$SMALL") - 1))
BROWS=$(($(wc -l <"$BIG") - 1))
rm -f "$OUT"/mem.db*
fi

# ---- 5. A file not in commune order ---------------------------------------------------
INVERSIONS=
if want order; then
SHUF=$OUT/shuffled-$HH.csv
[ -f "$SHUF" ] || go run ./bench/shuffle -seed 1 "$CSV" "$SHUF" >&2
freshdb "$OUT/order.db"
measure order_ours "$BIN" import "$SHUF" --db "$OUT/order.db" --quiet
# Households whose commune code is smaller than the one before them, in id order.
INVERSIONS=$(sqlite3 "$OUT/order.db" 'SELECT count(*) FROM (SELECT commune_code, lag(commune_code) OVER (ORDER BY id) AS prev FROM households) WHERE commune_code < prev')
log "shuffled file stored with $INVERSIONS commune-order inversions"
rm -f "$OUT"/order.db*
fi

# ---- Summary -------------------------------------------------------------------------
CSVROWS=$(($(wc -l <"$CSV") - 1))
{
	echo "Run $(date -u +'%Y-%m-%d %H:%M UTC'), QUICK=$QUICK, $(nproc) CPUs, $(go version | cut -d' ' -f3), $(sqlite3 --version | cut -d' ' -f1), $(psql --version)"
	echo
	echo "Input: $CSV, $NH households, $CSVROWS CSV rows (one per member); tables: $NH households + $NM members = $((NH + NM)) rows."
	echo
	echo "| comparison | ours | floor | ratio | target | met |"
	echo "|---|---|---|---|---|---|"
	want sqlite && awk -v o="$(secs sqlite_ours)" -v f="$(secs sqlite_floor)" -v n="$((NH + NM))" 'BEGIN {
		printf "| CSV → SQLite, time (table rows/s) | %.1f s (%.0f k/s) | %.1f s (%.0f k/s) `sqlite3 .import` | %.2f× | ≤ 1.5× | %s |\n",
			o, n / o / 1000, f, n / f / 1000, o / f, (o / f <= 1.5 ? "yes" : "no") }'
	want sqlite && awk -v o="$(secs sqlite_ours)" -v f="$(secs sqlite_floor_deferred)" -v n="$((NH + NM))" 'BEGIN {
		printf "| (the same, floor with the indexes built after the rows as ours are) | %.1f s | %.1f s `sqlite3 .import` + CREATE INDEX | %.2f× | (information) | |\n",
			o, f, o / f }'
	want pg && awk -v o="$(secs pg_ours)" -v f="$(secs pg_floor)" -v n="$PGN" 'BEGIN {
		printf "| CSV → PostgreSQL, table rows/s | %.0f k/s (%.1f s) | %.0f k/s (%.1f s) `psql \\copy` | %.0f %% | ≥ 70 %% | %s |\n",
			n / o / 1000, o, n / f / 1000, f, 100 * f / o, (f / o >= 0.7 ? "yes" : "no") }'
	want xlsx && awk -v o="$(secs xlsx_ours)" -v f="$(secs xlsx_floor)" -v n="$XROWS" 'BEGIN {
		printf "| XLSX → SQLite, sheet rows/s (%d rows) | %.1f k/s (%.1f s) | %.1f k/s (%.1f s) excelize `Rows()` | %.0f %% | ≥ 80 %% | %s |\n",
			n, n / o / 1000, o, n / f / 1000, f, 100 * f / o, (f / o >= 0.8 ? "yes" : "no") }'
	echo
	echo "| import | rows | time | peak RSS |"
	echo "|---|---|---|---|"
	want sqlite && echo "| CSV → SQLite | $CSVROWS | $(secs sqlite_ours) s | $(rssmb sqlite_ours) MB |"
	want pg && echo "| CSV → PostgreSQL | $CSVROWS | $(secs pg_ours) s | $(rssmb pg_ours) MB |"
	want xlsx && echo "| XLSX → SQLite | $XROWS | $(secs xlsx_ours) s | $(rssmb xlsx_ours) MB |"
	want mem && echo "| CSV → SQLite, small | $SROWS | $(secs mem_small) s | $(rssmb mem_small) MB |"
	want mem && echo "| CSV → SQLite, big ($BIG_PROVS) | $BROWS | $(secs mem_big) s | $(rssmb mem_big) MB |"
	want order && echo "| CSV → SQLite, households shuffled ($INVERSIONS commune-order inversions stored) | $CSVROWS | $(secs order_ours) s | $(rssmb order_ours) MB |"
	echo
	echo "Floors' peak RSS (MB): sqlite3 $(rssmb sqlite_floor), psql $(rssmb pg_floor), xlsxloop $(rssmb xlsx_floor)."
	true
} | tee "$OUT/results.md"
