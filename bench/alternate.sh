#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Two commands run in turn N times each (A, B, A, B, ...), so that a busy
# machine's drift falls on both alike; prints each one's median and minimum
# wall time, and every run. Not a test: for bench/RESULTS.md.
#   bench/alternate.sh N LABEL -- A... -- B...
# e.g. bench/alternate.sh 7 stats -- old/corridor stats --db a.db -- corridor stats --db b.db
set -euo pipefail
[ $# -ge 6 ] && [ "$3" = -- ] || {
  echo "usage: bench/alternate.sh N LABEL -- A... -- B..." >&2
  exit 2
}
n=$1 label=$2
shift 3
a=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do
  a+=("$1")
  shift
done
[ $# -gt 1 ] || {
  echo "bench/alternate.sh: no second command" >&2
  exit 2
}
shift
b=("$@")
t=$(mktemp)
trap 'rm -f "$t"' EXIT
ta=() tb=()
for _ in $(seq "$n"); do
  /usr/bin/time -o "$t" -f "%e" "${a[@]}" >/dev/null 2>&1 || echo "bench/alternate.sh: A failed" >&2
  ta+=("$(cat "$t")")
  /usr/bin/time -o "$t" -f "%e" "${b[@]}" >/dev/null 2>&1 || echo "bench/alternate.sh: B failed" >&2
  tb+=("$(cat "$t")")
done
med() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {printf "median %s min %s", v[int((NR + 1) / 2)], v[1]}'; }
echo "$label: A $(med "${ta[@]}") | B $(med "${tb[@]}") | runs: ${ta[*]} / ${tb[*]}"
