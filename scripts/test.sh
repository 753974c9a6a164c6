#!/usr/bin/env bash
# Runs every test: installs what is missing, builds with warnings as errors and runs CTest,
# then builds again with AddressSanitizer + UndefinedBehaviorSanitizer and runs CTest there too,
# then runs the threaded tests under ThreadSanitizer, then every fuzz target for 30 s
# (scripts/fuzz-smoke.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

BUILD_DIR=build scripts/build.sh -DARTALIGN_WARNINGS_AS_ERRORS=ON -DARTALIGN_BUILD_BENCH=ON  # bench drivers too, so they cannot rot
ctest --test-dir build --output-on-failure -j "$(nproc)"

BUILD_DIR=build-sanitize BUILD_TYPE=Debug scripts/build.sh \
  -DARTALIGN_WARNINGS_AS_ERRORS=ON -DARTALIGN_SANITIZE=ON
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  ctest --test-dir build-sanitize --output-on-failure -j "$(nproc)"

# ThreadSanitizer on the tests whose code runs threads (label "threaded"): a race in
# align-text --batch's worker pool once passed both builds above and failed CI only now and then.
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DARTALIGN_WARNINGS_AS_ERRORS=ON \
  -DARTALIGN_SANITIZE_THREAD=ON >/dev/null
cmake --build build-tsan -j "$(nproc)" --target artalign_threaded_tests >/dev/null
TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
  ctest --test-dir build-tsan --output-on-failure -j "$(nproc)" -L threaded

scripts/fuzz-smoke.sh
