#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The whole-command benchmark of issue 13, on both store backends in the
# same run: demo, export, import, stats, queue, case show and the plan at N
# persons (default 1,000,000), on SQLite and on PostgreSQL (a throwaway
# cluster of scripts/pg.sh), and, with BASELINE=path/to/corridor, the same
# SQLite steps with that binary (a build from before the change) for the
# ratio. Prints a Markdown report for bench/RESULTS.md. Not a test: run by
# hand on a quiet machine.
#   bench/backends.sh [N]
#   BASELINE=/path/to/old/corridor bench/backends.sh 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DCOR_TESTS=OFF >/dev/null
cmake --build build/bench -j"$(nproc)" --target corridor >/dev/null
corridor=$PWD/build/bench/corridor
out=$PWD/bench/out/backends
rm -rf "$out"
mkdir -p "$out"
export CORRIDOR_USER=bench CORRIDOR_NOW=2026-11-27T12:00:00Z
pgdir=$PWD/build/pg-bench
trap 'bash scripts/pg.sh stop "$pgdir" >/dev/null 2>&1 || true' EXIT
bash scripts/pg.sh start "$pgdir" >/dev/null
pguri=$(cat "$pgdir/uri")

# t LABEL CMD...: run CMD, keep its output; prints "seconds peak_MB", or
# "failed" when it fails (its stderr is kept in $out/LABEL.err).
t() {
  local label=$1; shift
  if /usr/bin/time -f "%e %M" -o "$out/$label.time" "$@" >"$out/$label.out" 2>"$out/$label.err"; then
    awk '{printf "%.2f %.1f\n", $1, $2 / 1024}' "$out/$label.time"
  else
    touch "$out/$label.failed"
    echo "failed"
  fi
}

# A fresh PostgreSQL database for one backend run.
pgdb() {
  psql -q -X "$pguri" -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null
  sed "s|/corridor?|/$1?|" <<<"$pguri"
}

declare -A res
# steps BIN NAME DB: every step on database DB (a path or a URI).
steps() {
  local bin=$1 name=$2 db=$3 imp=$4 ref
  res[$name.demo]=$(t "$name-demo" "$bin" demo --db "$db" --people "$n" --seed 7 --date 2026-11-27)
  res[$name.export]=$(t "$name-export" "$bin" export --db "$db" --out "$out/$name.csv")
  "$bin" init --db "$imp" >/dev/null
  # The file holds cases an import refuses (booked and later: a seat on a
  # movement); the others go in (status 1 says some were left out).
  res[$name.import]=$(t "$name-import" bash -c '"$@"; [ $? -le 1 ]' _ "$bin" import \
    "$out/$name.csv" --skip-bad --rejects "$out/$name-rejects.csv" --db "$imp")
  res[$name.stats]=$(t "$name-stats" "$bin" stats --db "$db" --date 2026-11-27)
  res[$name.queue]=$(t "$name-queue" "$bin" queue --db "$db" --travel-date 2026-11-27)
  ref=$("$bin" case list --db "$db" --limit 1 | awk 'NR == 2 {print $1}')
  res[$name.show]=$(t "$name-show" "$bin" case show "$ref" --db "$db")
  res[$name.plan]=$(t "$name-plan" "$bin" plan --dry-run --now 2026-11-27T12:00Z --db "$db")
}

[ -n "${BASELINE:-}" ] && steps "$BASELINE" base "$out/base.db" "$out/base-import.db"
steps "$corridor" sqlite "$out/sqlite.db" "$out/sqlite-import.db"
steps "$corridor" pg "$(pgdb bench_demo)" "$(pgdb bench_import)"

echo "## $(date -u +%Y-%m-%d) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs): $n persons"
echo
if [ -n "${BASELINE:-}" ]; then
  echo "| step | before (s) | SQLite (s) | SQLite / before | SQLite peak MB | PostgreSQL (s) | PostgreSQL / SQLite | PostgreSQL peak MB |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
else
  echo "| step | SQLite (s) | SQLite peak MB | PostgreSQL (s) | PostgreSQL / SQLite | PostgreSQL peak MB |"
  echo "|---|---:|---:|---:|---:|---:|"
fi
ratio() { [[ $1 =~ ^[0-9.]+$ && $2 =~ ^[0-9.]+$ ]] && [ "$(echo "$2 > 0" | bc)" = 1 ] && echo "$1 / $2" | bc -l | xargs printf '%.2fx' || echo "-"; }
for s in demo export import stats queue show plan; do
  read -r qs qm _ <<<"${res[sqlite.$s]} - -"
  read -r ps pm _ <<<"${res[pg.$s]} - -"
  if [ -n "${BASELINE:-}" ]; then
    read -r bs bm _ <<<"${res[base.$s]} - -"
    echo "| $s | $bs | $qs | $(ratio "$qs" "$bs") | $qm | $ps | $(ratio "$ps" "$qs") | $pm |"
  else
    echo "| $s | $qs | $qm | $ps | $(ratio "$ps" "$qs") | $pm |"
  fi
done
# rate NAME: persons imported a second by NAME's import.
imported() { grep -o 'imported [0-9,]* persons' "$out/$1-import.out" | tr -dc 0-9; }
rate() { local s=${res[$1.import]%% *} k; k=$(imported "$1"); [[ $s =~ ^[0-9.]+$ && -n $k ]] && echo "$k / $s" | bc -l | xargs printf '%.0f' || echo "-"; }
echo
echo "Import (the cases the file can carry, $(imported sqlite) persons): SQLite $(rate sqlite) persons/s, PostgreSQL $(rate pg) persons/s."
for f in "$out"/*.failed; do
  [ -e "$f" ] || continue
  echo
  echo "$(basename "$f" .failed) failed: $(head -c 300 "${f%.failed}.err")"
done
