#!/usr/bin/env bash
# Builds every libFuzzer target (clang, AddressSanitizer + UndefinedBehaviorSanitizer) into
# build-fuzz and runs each for a short fixed time over its seed corpus, with a fixed seed, one
# after the other; fails on any finding (crash, sanitizer report, broken invariant, timeout,
# memory blow-up), keeping the input in build-fuzz/findings/. New inputs the fuzzers find go to a
# temporary directory, never into tests/fuzz/corpus. Longer runs: docs/reliability.md.
# Environment: FUZZ_SECONDS (per target, default 30), FUZZ_BUILD_DIR (default build-fuzz).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-30}
build_dir=${FUZZ_BUILD_DIR:-build-fuzz}
targets=(extract extract_scaling segment align tmx link append stream robots)

CC=clang CXX=clang++ cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DARTALIGN_FUZZ=ON -DARTALIGN_SANITIZE=ON >/dev/null
cmake --build "$build_dir" -j "$(nproc)" --target "${targets[@]/#/fuzz_}" >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
findings="$build_dir/findings"
for target in "${targets[@]}"; do
  # The same seeds as the replay tests (tests/fuzz/CMakeLists.txt).
  seeds=("tests/fuzz/corpus/$target")
  case "$target" in
    extract|link) seeds+=(samples/mirror tests/data) ;;
    tmx) seeds+=(tests/expected) ;;
  esac
  mkdir "$work/$target"
  if ! "$build_dir/tests/fuzz/fuzz_$target" -seed=1 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$work/$target-" "$work/$target" "${seeds[@]}" >"$work/$target.log" 2>&1; then
    mkdir -p "$findings"
    cp "$work/$target"-* "$findings/" 2>/dev/null || true
    tail -n 40 "$work/$target.log" >&2
    echo "fuzz-smoke: fuzz_$target found a problem; its input is in $findings/ (add it to tests/fuzz/corpus/$target/ once fixed)" >&2
    exit 1
  fi
  echo "fuzz_$target: $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$work/$target.log")"
done
