#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Benchmarks of the foundation: demo generation, CSV import and export at
# 100k and 1M persons, with sqlite3's own .import of the same CSV into a bare
# table as the reference; MRZ parsing; eligibility and priority over the
# last demo database (bench_facts). Prints a Markdown report for
# bench/RESULTS.md. Not a test: run by hand on a quiet machine.
#   bench/run.sh [SIZES...]      (default: 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DCOR_TESTS=OFF >/dev/null
cmake --build build/bench -j"$(nproc)" --target bench >/dev/null
corridor=$PWD/build/bench/corridor
out=$PWD/bench/out
mkdir -p "$out"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)

# run LABEL CMD...: time a command; prints "seconds peak_kb".
run() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" >"$out/$label.out" 2>"$out/$label.err" || {
    echo "bench: $label failed:" >&2; cat "$out/$label.err" >&2; exit 1; }
  cat "$out/time.txt"
}

echo "## $(date -u +%Y-%m-%d) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo
echo "| persons | step | seconds | persons/s | peak RSS (MB) |"
echo "|---:|---|---:|---:|---:|"
for n in "${sizes[@]}"; do
  rm -f "$out"/demo.db* "$out"/import.db* "$out"/bare.db* "$out/persons.csv"
  read -r s kb < <(run demo "$corridor" demo --db "$out/demo.db" --people "$n" --seed 7 --date 2026-11-27)
  printf '| %d | demo | %.2f | %.0f | %.1f |\n' "$n" "$s" "$(echo "$n / $s" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
  read -r s kb < <(run export "$corridor" export --db "$out/demo.db" --out "$out/persons.csv")
  printf '| %d | export | %.2f | %.0f | %.1f |\n' "$n" "$s" "$(echo "$n / $s" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
  "$corridor" init --db "$out/import.db" >/dev/null
  read -r s kb < <(run import "$corridor" import "$out/persons.csv" --db "$out/import.db")
  ours=$s
  printf '| %d | import | %.2f | %.0f | %.1f |\n' "$n" "$s" "$(echo "$n / $s" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
  read -r s kb < <(run sqlite3 sqlite3 "$out/bare.db" ".mode csv" ".import $out/persons.csv persons")
  printf '| %d | sqlite3 .import (reference) | %.2f | %.0f | %.1f |\n' "$n" "$s" "$(echo "$n / $s" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
  printf '| %d | import / sqlite3 .import | %.2fx | | |\n' "$n" "$(echo "$ours / $s" | bc -l)"
  read -r s kb < <(run stats "$corridor" stats --db "$out/demo.db" --date 2026-11-27)
  printf '| %d | stats | %.2f | | %.1f |\n' "$n" "$s" "$(echo "$kb / 1024" | bc -l)"
done
echo
echo "MRZ parse and validate (one core):"
echo
build/bench/bench/bench_mrz | sed 's/^/    /'
echo
echo "Eligibility and priority over generated facts (in memory, one core):"
echo
build/bench/bench/bench_rules | sed 's/^/    /'

echo
echo "Eligibility and priority from the store: the facts of every person of the last demo"
echo "database read in one ordered pass per table, evaluated, the queue sorted (one core):"
echo
build/bench/bench/bench_facts "$out/demo.db" 2026-11-27 | sed 's/^/    /'
