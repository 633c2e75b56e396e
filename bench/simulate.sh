#!/usr/bin/env bash
# bench/simulate.sh — the simulation benchmark of issue 16 item 4, beside its floor
# measured in the same run on the same database:
#
#   ours:  giamngheo simulate --standard 2027-2030 --unit 30 --format json (read the
#          households of the province in commune order with the compact form of their
#          answers, the facts column of migration 0023 (ADR 0014), classify, count)
#   floor: bench/simfloor, a bare sequential read of the same columns with the same
#          driver (modernc.org/sqlite), decoding nothing; and, for information, the
#          same reader on the JSON columns the simulation read before (simfloor -json).
#                                   target: ours ≤ 1.5 × floor and < 5 s
#   and the pure classification (go test -bench, one goroutine): of the compact form
#   as the simulation classifies it (poverty.BenchmarkClassifyFacts, a synthetic mix of
#   4.5 members a household; demo.BenchmarkClassifyGeneratedFacts, the generated
#   province's households, 3.5 members), and, for information, of the answers
#   themselves with their validation (BenchmarkClassify, BenchmarkClassifyGenerated);
#   households per second of wall time and per second of CPU time on one core:
#                                   target: ≥ 5 million a second per core
#
# The province: `giamngheo demo generate --province 30 --households $HH --date 2024-10-01`
# imported (with the clock on 2024-10-01, when Hải Dương's communes were current) into
# bench/out/sim-$HH.db, kept between runs. HH=650000 by default; QUICK=1 uses 65,000.
# Each command runs RUNS times (default 3), alternating; the best time of each counts.
# Run from the repository root. Needs go and /usr/bin/time. Results: bench/out/simulate.md.
set -euo pipefail
cd "$(dirname "$0")/.."
QUICK=${QUICK:-0}
HH=${HH:-$([ "$QUICK" = 1 ] && echo 65000 || echo 650000)}
RUNS=${RUNS:-3}
OUT=bench/out
BIN=$OUT/giamngheo
DB=$OUT/sim-$HH.db
mkdir -p "$OUT"
log() { printf '== %s %s\n' "$(date +%T)" "$*" >&2; }

log build
go build -o "$BIN" ./cmd/giamngheo
go build -o "$OUT/simfloor" ./bench/simfloor
if [ ! -f "$DB" ]; then
	log "generate and import $HH households (once)"
	"$BIN" units load --provinces 30,31 --db "$DB.tmp" >/dev/null
	[ -d "$OUT/province30-$HH" ] || "$BIN" demo generate --province 30 --households "$HH" --seed 1 --date 2024-10-01 --out "$OUT/province30-$HH" >&2
	GIAMNGHEO_NOW=2024-10-01 "$BIN" import "$OUT"/province30-"$HH"/ho-gia-dinh-30.csv --db "$DB.tmp" --quiet 2>/dev/null
	mv "$DB.tmp" "$DB"
fi
NH=$(sqlite3 "$DB" 'SELECT count(*) FROM households' 2>/dev/null || echo "$HH")
# Warm the page cache once so that every command reads from memory alike.
cat "$DB" "$DB"-wal >/dev/null 2>&1 || true

best() { sort -n | head -1; }
: >"$OUT/simulate.tsv"
for i in $(seq "$RUNS"); do
	/usr/bin/time -f '%e %U %S %M' -o "$OUT/t" "$OUT/simfloor" "$DB" >/dev/null
	printf 'floor\t%s\n' "$(cat "$OUT/t")" >>"$OUT/simulate.tsv"
	/usr/bin/time -f '%e %U %S %M' -o "$OUT/t" "$OUT/simfloor" -json "$DB" >/dev/null
	printf 'floor_json\t%s\n' "$(cat "$OUT/t")" >>"$OUT/simulate.tsv"
	/usr/bin/time -f '%e %U %S %M' -o "$OUT/t" "$BIN" simulate --db "$DB" --standard 2027-2030 --date 2027-01-15 --unit 30 --format json -o "$OUT/sim.json" 2>/dev/null
	printf 'ours\t%s\n' "$(cat "$OUT/t")" >>"$OUT/simulate.tsv"
	log "run $i: $(tail -3 "$OUT/simulate.tsv" | tr '\n' ' ')"
done
log "classification benchmarks"
go test -run XXX -bench 'Classify(Facts)?$' -benchtime 2s -count "$RUNS" -cpu 1 ./poverty >"$OUT/classify-bench.txt"
go test -run XXX -bench 'ClassifyGenerated(Facts)?$' -benchtime 2s -count "$RUNS" -cpu 1 ./demo >>"$OUT/classify-bench.txt"
# bestrate NAME UNIT: the highest rate of a benchmark over its runs.
bestrate() { grep "^Benchmark$1 " "$OUT/classify-bench.txt" | awk -v u="$2" '{ for (i = 2; i < NF; i++) if ($(i + 1) == u) print $i }' | sort -g | tail -1; }
F=$(awk '$1 == "floor" {print $2}' "$OUT/simulate.tsv" | best)
J=$(awk '$1 == "floor_json" {print $2}' "$OUT/simulate.tsv" | best)
O=$(awk '$1 == "ours" {print $2}' "$OUT/simulate.tsv" | best)
RSS=$(awk '$1 == "ours" {print $5}' "$OUT/simulate.tsv" | sort -n | tail -1)
{
	echo "Run $(date -u +'%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $(go version | cut -d' ' -f3), $NH households, best of $RUNS"
	echo
	echo "| what | wall time | ratio to the floor | target | met |"
	echo "|---|---|---|---|---|"
	awk -v f="$F" 'BEGIN { printf "| floor: bare sequential read of the columns (simfloor) | %.2f s | 1 | | |\n", f }'
	awk -v f="$F" -v j="$J" 'BEGIN { printf "| (information) the same reader on the survey and members JSON (simfloor -json) | %.2f s | %.2f× | | |\n", j, j / f }'
	awk -v f="$F" -v o="$O" -v r="$RSS" 'BEGIN { printf "| ours: giamngheo simulate --standard 2027-2030 --unit 30 (peak RSS %d MB) | %.2f s | %.2f× | ≤ 1.5× and < 5 s | %s |\n", r / 1024, o, o / f, (o / f <= 1.5 && o < 5 ? "yes" : "no") }'
	echo
	echo "| classification (go test -bench, one goroutine, best of $RUNS) | households/s (wall) | households per CPU-second | target | met |"
	echo "|---|---|---|---|---|"
	for b in ClassifyFacts ClassifyGeneratedFacts; do
		awk -v b="$b" -v w="$(bestrate "$b" households/s)" -v c="$(bestrate "$b" households/cpu-s)" 'BEGIN { printf "| %s | %.2f M | %.2f M | ≥ 5 M a second per core | %s |\n", b, w / 1e6, c / 1e6, (c >= 5e6 ? "yes" : "no") }'
	done
	for b in Classify ClassifyGenerated; do
		awk -v b="$b" -v w="$(bestrate "$b" households/s)" -v c="$(bestrate "$b" households/cpu-s)" 'BEGIN { printf "| (information) %s, from the answers | %.2f M | %.2f M | | |\n", b, w / 1e6, c / 1e6 }'
	done
} | tee "$OUT/simulate.md"
