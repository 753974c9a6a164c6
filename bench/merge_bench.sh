#!/usr/bin/env bash
# Time and memory of `artalign merge` against the number of outcome records.
# usage: bench/merge_bench.sh [N...]   (default: 10000 100000 records, made by bench/make_outcomes.py
# once under $BENCH_DIR)
# Environment: BUILD_DIR (default build), BENCH_DIR (default /tmp/artalign-merge-bench; the sorted
# runs go to $TMPDIR, by default /tmp), ARTALIGN_MERGE_RUN_BYTES (merge's run size, default 16 MB).
# Prints one line a size: records, input MB, units written, wall and CPU seconds, peak RSS (from
# /usr/bin/time -v), and the runs merge sorted on disk.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
root=${BENCH_DIR:-/tmp/artalign-merge-bench}
[ -x "$build/artalign" ] || { echo "build first: scripts/build.sh" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package time)" >&2; exit 2; }
[ $# -gt 0 ] || set -- 10000 100000
mkdir -p "$root"

printf '%9s %9s %9s %8s %8s %9s %5s\n' records "input MB" units "wall s" "CPU s" "peak MB" runs
for count in "$@"; do
  input="$root/outcomes-$count.jsonl"
  [ -f "$input" ] || python3 bench/make_outcomes.py "$count" "$input"
  cat "$input" >/dev/null  # read from the page cache, as the second of several runs would
  log="$root/merge-$count.time"
  # Exit code 1: the generated records include failed pairs.
  /usr/bin/time -v "$build/artalign" merge "$input" -o "$root/merged-$count.tmx" >"$root/merge-$count.out" 2>"$log" || [ $? -eq 1 ] \
    || { echo "merge of $count records failed:" >&2; tail -5 "$log" >&2; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$log")
  cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ {s += $2} END {print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$log")
  runs=$(sed -n 's/.* sorted in \([0-9]*\) runs on disk.*/\1/p' "$log"); runs=${runs:-0}
  units=$(sed -n 's/^\([0-9]*\) units written.*/\1/p' "$root/merge-$count.out")
  megabytes=$(awk -v b="$(stat -c %s "$input")" 'BEGIN {printf "%.1f", b / 1e6}')
  printf '%9s %9s %9s %8s %8s %9s %5s\n' "$(wc -l <"$input")" "$megabytes" "$units" "$wall" "$cpu" "$rss" "$runs"
done
