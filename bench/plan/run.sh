#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The movement planner on generated instances of 1k cases / 30 movements,
# 10k / 300 and 100k / 3,000: time, peak RSS, objective, bound and gap,
# each run RUNS times; then the same model, written as an LP file, solved
# by cbc and glpsol as separate processes with a 10-minute limit (their own,
# so that they write out their best plan; \`timeout 620\` as a guard), side
# by side. Prints a Markdown report for bench/RESULTS.md. Not a test: run by
# hand on a quiet machine.
#   bench/plan/run.sh [SEED] [RUNS]        (default: 1 3)
# PLAN_SOLVERS=0 skips the exact solvers (an hour with the 10-minute limits).
set -euo pipefail
cd "$(dirname "$0")/../.."
seed=${1:-1}
runs=${2:-3}
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DCOR_TESTS=OFF >/dev/null
cmake --build build/bench --target bench_plan >/dev/null
bench=$PWD/build/bench/bench/bench_plan
out=$PWD/bench/out/plan
mkdir -p "$out"
sizes=("1000 30" "10000 300" "100000 3000")

field() { # field NAME LINE: the word after NAME
  awk -v k="$1" '{for (i = 1; i < NF; i++) if ($i == k) { print $(i + 1); exit }}' <<<"$2"
}

echo "## $(date -u +%Y-%m-%d) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), seed $seed"
echo
echo "| cases | movements | run | seconds | peak RSS (MB) | objective | bound | gap | placed cases | check |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
for s in "${sizes[@]}"; do
  set -- $s
  for r in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %M" -o "$out/time.txt" "$bench" "$1" "$2" "$seed" >"$out/planner.out"
    read -r secs kb <"$out/time.txt"
    line=$(head -1 "$out/planner.out")
    printf '| %d | %d | %d | %.2f | %.1f | %s | %s | %s | %s | %s |\n' "$1" "$2" "$r" "$secs" \
      "$(echo "$kb / 1024" | bc -l)" "$(field objective "$line")" "$(field bound "$line")" \
      "$(field gap "$line")" "$(field placed "$line")" "$(field check "$line")"
  done
done
if [ "${PLAN_SOLVERS:-1}" = 0 ]; then
  exit 0
fi
echo
echo "Exact solvers on the same models (separate processes, 600 s limit each; cbc with"
echo "preprocessing off, see tests/unit/plan/test_plan_solvers.c):"
echo
echo "| cases | movements | planner s | planner objective | solver | solver s | peak RSS (MB) | solver objective | status | time ratio solver/planner | agree | planner - solver |"
echo "|---:|---:|---:|---:|---|---:|---:|---:|---|---:|---|---:|"
for s in "${sizes[@]}"; do
  set -- $s
  lp=$out/plan_$1.lp
  /usr/bin/time -f "%e %M" -o "$out/time.txt" "$bench" "$1" "$2" "$seed" --lp "$lp" >"$out/planner.out"
  line=$(head -1 "$out/planner.out")
  obj=$(field objective "$line")
  ours=$(field seconds "$line")
  for solver in cbc glpsol; do
    if [ "$solver" = cbc ]; then
      cmd=(timeout 620 cbc "$lp" ratioGap 0 preprocess off sec 600 solve solution "$out/$solver.sol")
    else
      cmd=(timeout 620 glpsol --tmlim 600 --lp "$lp" -o "$out/$solver.sol")
    fi
    rm -f "$out/$solver.sol"
    set +e
    /usr/bin/time -f "%e %M" -o "$out/time.txt" "${cmd[@]}" >"$out/$solver.log" 2>&1
    rc=$?
    set -e
    read -r secs kb < <(tail -1 "$out/time.txt")
    sobj="-" status="no answer in 600 s"
    if [ "$solver" = cbc ] && [ -f "$out/$solver.sol" ]; then
      status=$(head -1 "$out/$solver.sol" | cut -d- -f1 | xargs)
      sobj=$(head -1 "$out/$solver.sol" | grep -o 'objective value [-0-9.e+]*' | awk '{printf "%.0f", $3}')
    elif [ "$solver" = glpsol ] && [ -f "$out/$solver.sol" ]; then
      status=$(grep -m1 '^Status:' "$out/$solver.sol" | cut -d: -f2 | xargs)
      sobj=$(grep -m1 'obj =' "$out/$solver.sol" | grep -o 'obj = [-0-9.e+]*' | awk '{printf "%.0f", $3}')
    fi
    [ $rc -eq 124 ] && status="killed at 620 s"
    agree=no diff=-
    [ "$sobj" = "$obj" ] && agree=yes
    [ "$sobj" != "-" ] && diff=$((obj - sobj))
    printf '| %d | %d | %s | %s | %s | %.1f | %.1f | %s | %s | %.0f | %s | %s |\n' "$1" "$2" "$ours" "$obj" \
      "$solver" "$secs" "$(echo "$kb / 1024" | bc -l)" "$sobj" "$status" \
      "$(echo "$secs / $ours" | bc -l)" "$agree" "$diff"
  done
done
