#!/usr/bin/env bash
# bench/pages-ab.sh — two builds serve copies of the same database in turn, under the
# same load: 50 clients (bench/httpload) on /healthz, the household list and the home
# page, ROUNDS times, alternating (docs/benchmarks.md, issue 13 follow-up).
#
#   BEFORE=bench/out/giamngheo-before bench/pages-ab.sh
#
# BEFORE: the other build (e.g. `git worktree add /tmp/b ae244dd && cd /tmp/b && go build
# -o …`); DB: a database made by bench/pages.sh (default bench/out/pages-65000.db, with
# its account bench); C clients (50), D per page (6s), ROUNDS (2).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out
BEFORE=${BEFORE:?the other build}
DB=${DB:-$OUT/pages-65000.db}
C=${C:-50}
D=${D:-6s}
ROUNDS=${ROUNDS:-2}
PORT=${PORT:-8299}
go build -o "$OUT/giamngheo" ./cmd/giamngheo
go build -o "$OUT/httpload" ./bench/httpload
for round in $(seq "$ROUNDS"); do
	for bin in "$BEFORE" "$OUT/giamngheo"; do
		cp "$DB" "$OUT/ab.db"
		rm -f "$OUT/ab.db-wal" "$OUT/ab.db-shm"
		"$bin" serve --db "$OUT/ab.db" --addr "127.0.0.1:$PORT" --no-demo >"$OUT/ab-serve.log" 2>&1 &
		pid=$!
		for _ in $(seq 120); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
		echo "== round $round $bin, load $(cut -d' ' -f1-3 /proc/loadavg)"
		"$OUT/httpload" -base "http://127.0.0.1:$PORT" -user bench -password Ghe-Trang-Song-47-Ngan -c "$C" -d "$D" -warm 3 \
			healthz=/healthz list=/households home=/ healthz_end=/healthz | column -t
		kill "$pid"
		wait "$pid" 2>/dev/null || true
	done
done
rm -f "$OUT"/ab.db*
