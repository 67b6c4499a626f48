#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Set up, build and run every test: unit and black-box tests under
# AddressSanitizer and UndefinedBehaviorSanitizer, then each fuzz harness for
# a bounded time (COR_FUZZ_SECONDS, default 30).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc)

cmake -S . -B build/test -DCMAKE_BUILD_TYPE=Debug -DCOR_SANITIZE=ON >/dev/null
cmake --build build/test -j"$jobs" >/dev/null
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd build/test && ctest --output-on-failure -j"$jobs")

# Fuzzing: clang's libFuzzer, with the sanitizers, over seeds from the tests.
CC=clang cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=Debug -DCOR_FUZZ=ON -DCOR_TESTS=OFF >/dev/null
cmake --build build/fuzz -j"$jobs" --target fuzz_mrz fuzz_persons_csv fuzz_rules_config fuzz_movement >/dev/null
secs=${COR_FUZZ_SECONDS:-30}
fuzzers=(mrz persons_csv rules_config movement)
for f in "${fuzzers[@]}"; do
  corpus=build/fuzz/corpus-$f
  mkdir -p "$corpus"
  cp fuzz/seeds/$f/* "$corpus"/ 2>/dev/null || true
  echo "fuzz: $f for ${secs}s"
  build/fuzz/fuzz/fuzz_$f -max_total_time="$secs" -max_len=4096 -print_final_stats=0 \
    "$corpus" 2>build/fuzz/$f.log || { tail -n 40 build/fuzz/$f.log; exit 1; }
  grep -E '^(#[0-9]+ *DONE|Done)' build/fuzz/$f.log | tail -n 1 || true
done
echo "fuzz: ${#fuzzers[@]} passed, 0 failed"
