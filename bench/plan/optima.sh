#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The exact planner against HiGHS on generated instances of 200 cases with
# 5 to 30 movements (seeds 1-3): the planner's plan, bound and time, and
# HiGHS's proven optimum (tests/node/highs-solve.js, the npm package
# `highs`, single-threaded, relative gap 0, a time limit of LIMIT seconds)
# on the same LP file, side by side, with the seconds HiGHS took to reach
# the planner's objective (from its log; "-" if it never did) and that
# time over the planner's. Prints a Markdown table for bench/RESULTS.md.
# Not a test: about half an hour, most of it HiGHS.
#   bench/plan/optima.sh [LIMIT [MOVEMENTS/SEED ...]]
# LIMIT defaults to 600; the instances to 5, 6, 8, 10, 15, 20 and 30
# movements with seeds 1-3, or those named, as in 15/7.
set -euo pipefail
cd "$(dirname "$0")/../.."
limit=${1:-600}
shift || true
list=("$@")
if [ ${#list[@]} -eq 0 ]; then
  for m in 5 6 8 10 15 20 30; do
    for s in 1 2 3; do list+=("$m/$s"); done
  done
fi
for i in "${list[@]}"; do
  [[ $i =~ ^[0-9]+/[0-9]+$ ]] || { echo "optima.sh: '$i' is not MOVEMENTS/SEED, as in 15/7" >&2; exit 2; }
done
./scripts/setup.sh
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DCOR_TESTS=OFF >/dev/null
cmake --build build/bench --target bench_plan >/dev/null
bench=$PWD/build/bench/bench/bench_plan
out=$PWD/bench/out/optima
mkdir -p "$out"

field() { # field NAME LINE: the word after NAME
  awk -v k="$1" '{for (i = 1; i < NF; i++) if ($i == k) { print $(i + 1); exit }}' <<<"$2"
}

echo "## $(date -u +%Y-%m-%d) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), HiGHS limit ${limit} s"
echo
echo "| cases | movements | seed | planner objective | planner bound | proven | planner s | HiGHS | HiGHS objective | HiGHS s | HiGHS - planner | HiGHS s to the planner's objective | ratio |"
echo "|---:|---:|---:|---:|---:|---|---:|---|---:|---:|---:|---:|---:|"
for i in "${list[@]}"; do
  m=${i%/*} s=${i#*/}
  lp=$out/p200_${m}_$s.lp
  line=$("$bench" 200 "$m" "$s" --lp "$lp" | head -1)
  obj=$(field objective "$line")
  secs=$(field seconds "$line")
  h=$(node tests/node/highs-solve.js "$lp" "$limit" "$obj")
  hobj=$(field objective "$h")
  at=$(field at "$h")
  diff=- ratio=-
  [ "$hobj" != - ] && diff=$((hobj - obj))
  [ "$at" != - ] && ratio=$(awk -v a="$at" -v b="$secs" 'BEGIN { printf "%.1f", a / (b > 0.01 ? b : 0.01) }')
  printf '| 200 | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$m" "$s" "$obj" \
    "$(field bound "$line")" "$([ "$(field optimal "$line")" = 1 ] && echo yes || echo no)" \
    "$secs" "$(field status "$h")" "$hobj" "$(field seconds "$h")" "$diff" "$at" "$ratio"
done
