#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The search benchmark of issue 6 and 5: a 1M-person demo database (seed 7),
# then bench_search (bench/search_bench.c): 200 queries of each kind (a
# Latin family name, given and family names folded by hand, an Arabic-script
# family name, a case-ID prefix), p50 and p99 in ms, and duplicates.list
# once; on SQLite, then on PostgreSQL (a throwaway cluster of scripts/pg.sh,
# the demo's export imported). With BASELINE=path/to/corridor (a build from
# before the index), the SQLite import of the export is timed with both
# binaries, alternating, RUNS times. Prints a Markdown report for
# bench/RESULTS.md. Not a test: run by hand on a quiet machine.
#   bench/search.sh [N]
#   BASELINE=/path/to/old/corridor RUNS=3 bench/search.sh 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
runs=${RUNS:-3}
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DCOR_TESTS=OFF >/dev/null
cmake --build build/bench -j"$(nproc)" --target corridor bench_search >/dev/null
corridor=$PWD/build/bench/corridor
bench=$PWD/build/bench/bench/bench_search
out=$PWD/bench/out/search
rm -rf "$out"
mkdir -p "$out"
export CORRIDOR_USER=bench CORRIDOR_NOW=2026-11-27T12:00:00Z
pgdir=$PWD/build/pg-search-bench
trap 'bash scripts/pg.sh stop "$pgdir" >/dev/null 2>&1 || true' EXIT

# t LABEL CMD...: "wall user+sys peak_MB" of CMD.
t() {
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$out/$label.time" "$@" >"$out/$label.out" 2>"$out/$label.err"
  awk '{printf "%.2f s (CPU %.2f s), %.0f MB\n", $1, $2 + $3, $4 / 1024}' "$out/$label.time"
}

echo "## Search at $(printf "%'d" "$n") persons"
echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), Release build."
echo
echo "- demo (SQLite): $(t demo "$corridor" demo --people "$n" --seed 7 --db "$out/demo.db")"
echo "- export: $(t export "$corridor" export --db "$out/demo.db" --out "$out/persons.csv")"
for i in $(seq "$runs"); do
  if [ -n "${BASELINE:-}" ]; then
    rm -f "$out"/base.db*
    "$BASELINE" init --db "$out/base.db" >/dev/null
    echo "- import, before the index (run $i): $(t "base-import-$i" bash -c '"$@"; [ $? -le 1 ]' _ "$BASELINE" import "$out/persons.csv" --skip-bad --rejects "$out/rejects.csv" --db "$out/base.db")"
  fi
  rm -f "$out"/imp.db*
  "$corridor" init --db "$out/imp.db" >/dev/null
  echo "- import, with the index (run $i): $(t "import-$i" bash -c '"$@"; [ $? -le 1 ]' _ "$corridor" import "$out/persons.csv" --skip-bad --rejects "$out/rejects.csv" --db "$out/imp.db")"
done
echo "- search keys: $(sqlite3 "$out/demo.db" 'SELECT count(*) FROM person_key') rows for $(sqlite3 "$out/demo.db" 'SELECT count(*) FROM person') persons"
echo
echo "### SQLite"
echo
"$bench" "$out/demo.db" 200
echo
bash scripts/pg.sh start "$pgdir" >/dev/null
pguri=$(cat "$pgdir/uri")
psql -XAtq "$pguri" -c "CREATE DATABASE search_bench" >/dev/null
pgdb=${pguri/\/corridor\?/\/search_bench?}
"$corridor" init --db "$pgdb" >/dev/null
echo "### PostgreSQL"
echo
echo "- import: $(t pg-import bash -c '"$@"; [ $? -le 1 ]' _ "$corridor" import "$out/persons.csv" --skip-bad --rejects "$out/rejects.csv" --db "$pgdb")"
echo
"$bench" "$pgdb" 200
