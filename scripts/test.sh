#!/usr/bin/env bash
# Runs every test: installs what is missing, builds with warnings as errors and runs CTest,
# then builds again with AddressSanitizer + UndefinedBehaviorSanitizer and runs CTest there too,
# then runs every fuzz target for 30 s (scripts/fuzz-smoke.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

BUILD_DIR=build scripts/build.sh -DARTALIGN_WARNINGS_AS_ERRORS=ON -DARTALIGN_BUILD_BENCH=ON  # bench drivers too, so they cannot rot
ctest --test-dir build --output-on-failure -j "$(nproc)"

BUILD_DIR=build-sanitize BUILD_TYPE=Debug scripts/build.sh \
  -DARTALIGN_WARNINGS_AS_ERRORS=ON -DARTALIGN_SANITIZE=ON
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  ctest --test-dir build-sanitize --output-on-failure -j "$(nproc)"

scripts/fuzz-smoke.sh
