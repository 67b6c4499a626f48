#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Set up, build and run every test:
#   1. unit and black-box tests under AddressSanitizer and
#      UndefinedBehaviorSanitizer (build/test; every test but the long ones);
#   2. the planner's long exactness tests in a Release build
#      (build/release-test, gcc; ctest -L long);
#   3. a Release build with clang, tests and benchmarks compiled only, so
#      clang stays warning-free (build/clang);
#   4. the formatting check (scripts/format.sh --check; a failure fails the
#      run at the end);
#   5. each fuzz harness for a bounded time (COR_FUZZ_SECONDS, default 30).
# A throwaway PostgreSQL cluster (scripts/pg.sh, in build/pg) serves the
# tests, its URI exported as COR_TEST_PG; it is removed at the end, whatever
# happens.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc)
start=$SECONDS

# step TEXT: say what runs next; done_step: how long it took.
step_start=$SECONDS
step() {
  step_start=$SECONDS
  echo
  echo "== test: $*"
}
done_step() {
  echo "== test: done in $((SECONDS - step_start))s"
}

pgdir=build/pg
stop_pg() {
  bash scripts/pg.sh stop "$pgdir" || echo "test: could not remove the cluster in $pgdir" >&2
}
trap stop_pg EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step "a PostgreSQL 15 cluster for the tests in $pgdir"
COR_TEST_PG=$(bash scripts/pg.sh start "$pgdir")
export COR_TEST_PG
psql -X -Atq "$COR_TEST_PG" -c 'select 1' >/dev/null ||
  { echo "test: the cluster does not answer at $COR_TEST_PG" >&2; exit 1; }
echo "COR_TEST_PG=$COR_TEST_PG"
done_step

step "sanitizer build (build/test, Debug, ASan+UBSan): every test but the long ones"
cmake -S . -B build/test -DCMAKE_BUILD_TYPE=Debug -DCOR_SANITIZE=ON >/dev/null
cmake --build build/test -j"$jobs" >/dev/null
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd build/test && ctest --output-on-failure -j"$jobs" -LE long)
done_step

step "Release build with gcc (build/release-test): the long tests (label long)"
CC=gcc cmake -S . -B build/release-test -DCMAKE_BUILD_TYPE=Release -DCOR_TESTS=ON >/dev/null
cmake --build build/release-test -j"$jobs" --target all bench >/dev/null
(cd build/release-test && ctest --output-on-failure -j"$jobs" -L long)
done_step

step "Release build with clang (build/clang): compile only, benchmarks too"
CC=clang cmake -S . -B build/clang -DCMAKE_BUILD_TYPE=Release -DCOR_TESTS=ON >/dev/null
cmake --build build/clang -j"$jobs" --target all bench >/dev/null
echo "clang: the core, the binary, the tests and the benchmarks compile"
done_step

# A formatting slip fails the run, but only at the end: the fuzzers still run.
step "formatting (scripts/format.sh --check)"
format_ok=1
bash scripts/format.sh --check || format_ok=0
done_step

# Fuzzing: clang's libFuzzer, with the sanitizers, over seeds from the tests.
secs=${COR_FUZZ_SECONDS:-30}
fuzzers=(mrz persons_csv rules_config movement)
step "fuzzing (build/fuzz, libFuzzer): ${#fuzzers[@]} harnesses, ${secs}s each"
CC=clang cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=Debug -DCOR_FUZZ=ON -DCOR_TESTS=OFF >/dev/null
cmake --build build/fuzz -j"$jobs" --target "${fuzzers[@]/#/fuzz_}" >/dev/null
for f in "${fuzzers[@]}"; do
  corpus=build/fuzz/corpus-$f
  mkdir -p "$corpus"
  cp "fuzz/seeds/$f"/* "$corpus"/ 2>/dev/null || true
  echo "fuzz: $f for ${secs}s"
  "build/fuzz/fuzz/fuzz_$f" -max_total_time="$secs" -max_len=4096 -print_final_stats=0 \
    "$corpus" 2>"build/fuzz/$f.log" || { tail -n 40 "build/fuzz/$f.log"; exit 1; }
  grep -E '^(#[0-9]+ *DONE|Done)' "build/fuzz/$f.log" | tail -n 1 || true
done
echo "fuzz: ${#fuzzers[@]} passed, 0 failed"
done_step

echo
if [ "$format_ok" -eq 0 ]; then
  echo "== test: FAILED: files differ from .clang-format (see above; run scripts/format.sh)" >&2
  exit 1
fi
echo "== test: every step passed in $((SECONDS - start))s"
