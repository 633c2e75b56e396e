#!/usr/bin/env bash
# bench/edit-during-import.sh — issue 10 item 4: how long an officer's household edit
# takes while a province's file is imported into the live registry
# (docs/adr/0011-imports-commit-in-slices.md). For each case, a new database gets the
# units, the first 200 households of a generated file of $HH+200 (the registry as it
# stands), then the other $HH households are imported while a household is edited every
# 100 ms (bench/editduringimport). Cases: sliced as the CLI runs it (read once without
# writing, then written in slices), sliced after a check (as the web import after its
# preview), and the whole file in one transaction (the design before ADR 0011).
# PG=postgres://… adds the same cases on PostgreSQL (each in a new database of that
# server: the role needs CREATEDB). Results: bench/out/edit-during-import.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
HH=${HH:-65000}
OUT=bench/out
mkdir -p "$OUT"
go build -o "$OUT/giamngheo" ./cmd/giamngheo
go build -o "$OUT/editduringimport" ./bench/editduringimport
"$OUT/giamngheo" demo generate --province 31 --households $((HH + 200)) --seed 7 --out "$OUT" >/dev/null
FILE=$OUT/ho-gia-dinh-31.csv
RES=$OUT/edit-during-import.jsonl
: >"$RES"
cases=("" "-checked" "-whole")
for c in "${cases[@]}"; do
  db=$OUT/edit-$$.db
  rm -f "$db" "$db"-*
  "$OUT/giamngheo" units load --db "$db" >/dev/null
  "$OUT/editduringimport" -db "$db" -seed 200 $c "$FILE" | tee -a "$RES"
  rm -f "$db" "$db"-*
done
if [ -n "${PG:-}" ]; then
  for c in "${cases[@]}"; do
    name=gn_edit_$$_$RANDOM
    psql "$PG" -qc "CREATE DATABASE $name"
    dsn=$(echo "$PG" | sed -E "s#/[^/?]+(\?|$)#/$name\1#")
    "$OUT/giamngheo" units load --db "$dsn" >/dev/null
    "$OUT/editduringimport" -db "$dsn" -seed 200 $c "$FILE" | tee -a "$RES"
    psql "$PG" -qc "DROP DATABASE $name"
  done
fi
