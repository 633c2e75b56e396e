#!/usr/bin/env bash
# bench/pages.sh — the pages an officer opens, at a province's size (issue 13 item 8):
# p50 and p99 of the home page, the household list (first and deep page, with and
# without a filter, a commune's list), search (a common name, one head's name, a name
# of four words of common words, a national ID, a household code, all without
# diacritics; the generated names have three words, so the four words' phrase "nguyen
# thi thu h" is a search of long lists that finds few households or none), the household page and
# /healthz, at C concurrent clients on loopback (bench/httpload).
#
# Run from the repository root:   bench/pages.sh
#   HH=65000 bench/pages.sh        a tenth of the province
#   DB='postgres://…?options=-csearch_path%3Dbench' bench/pages.sh
#                                  PostgreSQL: the script fills the database (schema) once
#   C=50 D=8s TIMEOUT=60s WARM=3 RAMP=1s
#                                  clients, time per target, slowest request counted,
#                                  unmeasured requests first, then an unmeasured load of
#                                  each target by all the clients (RAMP=0: none; the
#                                  first half second of a new page's load is its
#                                  connections' caches warming, docs/benchmarks.md)
#   BIN=/path/giamngheo DBFILE=… PAGING=offset bench/pages.sh   an earlier release
#       (PAGING=offset: deep pages by offset=, as before keyset paging)
# A probe (bench/pauses) runs beside the load and the run ends with the number of
# moments the machine stopped a CPU for 50 ms or more (bench/out/pages-pauses.txt).
# Needs: go, sqlite3 (SQLite) or psql (PostgreSQL), python3. The generated file and the
# database are kept in bench/out/ between runs; results in bench/out/pages-*.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."

HH=${HH:-650000}
C=${C:-50}
D=${D:-8s}
PORT=${PORT:-8099}
PAGING=${PAGING:-keyset}
OUT=bench/out
mkdir -p "$OUT"
if [ -z "${BIN:-}" ]; then
	BIN=$OUT/giamngheo
	go build -o "$BIN" ./cmd/giamngheo
fi
go build -o "$OUT/httpload" ./bench/httpload
go build -o "$OUT/pauses" ./bench/pauses
DB=${DB:-}
DBFILE=${DBFILE:-$OUT/pages-$HH.db}
TARGET=${DB:-$DBFILE}
log() { printf '== %s %s\n' "$(date +%T)" "$*" >&2; }

# sqlq SQL: one query against the benchmark database, unaligned output.
sqlq() {
	if [ -n "$DB" ]; then psql -qtA "$DB" -c "$1"; else sqlite3 "$DBFILE" "$1"; fi
}

# The province file, generated once on today's map (bench/import.sh does the same).
FILE=$OUT/province-$HH/ho-gia-dinh-31.csv
if [ ! -f "$FILE" ]; then
	log "generate $HH households"
	"$BIN" demo generate --province 31 --households "$HH" --seed 1 --out "$OUT/province-$HH" >&2
fi
load() {
	log "load units and import $FILE into $TARGET"
	"$BIN" units load --provinces 30,31 --db "$TARGET" >&2
	/usr/bin/time -f 'import: %e s, peak RSS %M kB' "$BIN" import "$FILE" --db "$TARGET" --quiet >&2
}
if [ -n "$DB" ]; then
	if [ "$(sqlq "SELECT to_regclass('households') IS NOT NULL")" != t ] || [ "$(sqlq 'SELECT count(*) FROM households')" = 0 ]; then
		load
		# The planner's statistics of the tables just filled: without them the first
		# minute of pages is planned blind (a search took seconds until autovacuum's
		# analyze ran, 2026-12-07).
		sqlq 'ANALYZE'
	fi
elif [ ! -f "$DBFILE" ]; then
	load
fi
"$BIN" migrate --db "$TARGET" >&2
PW=Ghe-Trang-Song-47-Ngan
"$BIN" user list --db "$TARGET" | grep -q "^bench " ||
	"$BIN" user add bench --role province_officer --scope 31 --password "$PW" --db "$TARGET" >/dev/null

# What the targets read: a deep position of the list, of a filtered list, a commune,
# one household's head, national ID and code.
N=$(sqlq 'SELECT count(*) FROM households')
DEEP=$((N * 6 / 10))
read -r DCOMMUNE DCODE < <(sqlq "SELECT commune_code || ' ' || code FROM households ORDER BY commune_code, code LIMIT 1 OFFSET $DEEP")
NPOOR=$(sqlq "SELECT count(*) FROM households WHERE class = 'poor'")
PDEEP=$((NPOOR * 6 / 10))
read -r PCOMMUNE PCODE < <(sqlq "SELECT commune_code || ' ' || code FROM households WHERE class = 'poor' ORDER BY commune_code, code LIMIT 1 OFFSET $PDEEP")
ONE=$(sqlq "SELECT id FROM households ORDER BY id LIMIT 1 OFFSET $((N * 7 / 10))")
COMMUNE=$(sqlq "SELECT commune_code FROM households WHERE id = $ONE")
HEAD=$(sqlq "SELECT head_name FROM households WHERE id = $ONE")
NID=$(sqlq "SELECT national_id FROM members WHERE household_id = $ONE AND national_id <> '' ORDER BY seq LIMIT 1")
CODE=$(sqlq "SELECT code FROM households WHERE id = $ONE")
AGG="group_concat(id, ',')"
[ -n "$DB" ] && AGG="string_agg(id::text, ',')"
IDS=$(sqlq "SELECT $AGG FROM (SELECT id FROM households ORDER BY id LIMIT 20 OFFSET $((N / 3))) x")
fold() { python3 -c 'import sys,unicodedata,urllib.parse; s=sys.argv[1].replace("đ","d").replace("Đ","D"); s="".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn").lower(); print(urllib.parse.quote_plus(s))' "$1"; }
cursor() { printf '1\x1f%s\x1f%s\x1f\x1f0' "$1" "$2" | base64 -w0 | tr '+/' '-_' | tr -d '='; }
if [ "$PAGING" = offset ]; then
	DEEPQ="offset=$DEEP" PDEEPQ="class=poor&offset=$PDEEP"
else
	DEEPQ="after=$(cursor "$DCOMMUNE" "$DCODE")" PDEEPQ="class=poor&after=$(cursor "$PCOMMUNE" "$PCODE")"
fi
log "$N households; deep page at $DEEP ($DCOMMUNE $DCODE); poor $NPOOR, deep at $PDEEP; household $ONE of $COMMUNE: $HEAD, $NID, $CODE"

log "serve $TARGET on 127.0.0.1:$PORT"
"$BIN" serve --db "$TARGET" --addr "127.0.0.1:$PORT" --no-demo >"$OUT/pages-serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
	curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
	sleep 1
done

RES=$OUT/pages-$(basename "$DBFILE" .db)-$PAGING.tsv
[ -n "$DB" ] && RES=$OUT/pages-postgres-$HH-$PAGING.tsv
log "measure: $C clients, $D per target → $RES"
uptime >&2
# Beside the load, a probe of the moments the machine stopped a CPU for 50 ms or more
# (bench/pauses; docs/benchmarks.md "Session 12": they set a page's p99 here).
"$OUT/pauses" -d 24h >"$OUT/pages-pauses.txt" &
PROBE=$!
trap 'kill $SERVER $PROBE 2>/dev/null || true' EXIT
"$OUT/httpload" -base "http://127.0.0.1:$PORT" -user bench -password "$PW" -c "$C" -d "$D" -timeout "${TIMEOUT:-60s}" -warm "${WARM:-3}" -ramp "${RAMP:-1s}" -ids "$IDS" \
	healthz=/healthz \
	home=/ \
	list=/households \
	list_deep="/households?$DEEPQ" \
	list_survey_poor="/households?class=poor" \
	list_survey_poor_deep="/households?$PDEEPQ" \
	list_deprived_water=/households?indicator=water \
	list_needs_review=/households?differs=1 \
	commune_list="/households?commune=$COMMUNE" \
	search_common="/households?q=nguyen+van" \
	search_head="/households?q=$(fold "$HEAD")" \
	search_four_words="/households?q=nguyen+thi+thu+h" \
	search_national_id="/households?q=$NID" \
	search_code="/households?q=$(fold "$CODE")" \
	household="/households/{id}" \
	healthz_end=/healthz | tee "$RES"
kill $PROBE 2>/dev/null || true
log "stops of a CPU seen by the probe during the run: $(grep -c loop "$OUT/pages-pauses.txt" || true) ($OUT/pages-pauses.txt)"
uptime >&2
