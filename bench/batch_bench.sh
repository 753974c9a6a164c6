#!/usr/bin/env bash
# Batch throughput and memory against the floor of a bare libxml2 parse of the same pages.
# usage: bench/batch_bench.sh N [JOBS]   (N page pairs, generated once under $BENCH_DIR; JOBS default 2)
# Environment: BUILD_DIR (default build), BENCH_DIR (default /tmp/artalign-bench), REPEAT
# (default 1: runs floor and batch alternately that many times and keeps each one's fastest
# run, which is what to do on a machine shared with other work).
# Prints one line each for the floor and for batch: pairs, MB of HTML, seconds, pairs/s, MB/s,
# peak RSS (from /usr/bin/time -v), and batch throughput as a share of the floor's.
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:?usage: bench/batch_bench.sh N [JOBS]}
jobs=${2:-2}
build=${BUILD_DIR:-build}
root=${BENCH_DIR:-/tmp/artalign-bench}
mirror="$root/mirror-$pairs"
[ -x "$build/artalign" ] && [ -x "$build/artalign_parse_floor" ] || { echo "build first: scripts/build.sh" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package time)" >&2; exit 2; }

if [ ! -f "$mirror/.complete" ]; then
  rm -rf "$mirror"
  python3 bench/generate_pairs.py "$mirror" "$pairs"
  touch "$mirror/.complete"
fi
megabytes=$(find "$mirror" -name '*.html' -printf '%s\n' | awk '{s += $1} END {printf "%.1f", s / 1e6}')
find "$mirror" -name '*.html' -exec cat {} + >/dev/null  # both runs start with the pages in the page cache

measure() {  # measure NAME COMMAND...: wall seconds, peak RSS (MB) and CPU seconds of COMMAND
  local log="$root/$1.time"
  /usr/bin/time -v "${@:2}" >"$root/$1.out" 2>"$log" || { echo "$1 failed:" >&2; tail -5 "$log" >&2; exit 1; }
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$log")
  cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ {s += $2} END {print s}' "$log")
  echo "$wall $rss $cpu"
}

out="$root/out-$pairs"
mkdir -p "$out"
floor_s=; batch_s=; floor_rss=0; batch_rss=0; floor_cpu=; batch_cpu=
for _ in $(seq 1 "${REPEAT:-1}"); do
  read -r s rss cpu < <(measure floor "$build/artalign_parse_floor" "$mirror" --jobs "$jobs")
  floor_cpu=$(awk -v a="${floor_cpu:-$cpu}" -v b="$cpu" 'BEGIN {print (b < a ? b : a)}')
  floor_s=$(awk -v a="${floor_s:-$s}" -v b="$s" 'BEGIN {print (b < a ? b : a)}')
  floor_rss=$(awk -v a="$floor_rss" -v b="$rss" 'BEGIN {print (b > a ? b : a)}')
  rm -f "$out/batch.tmx.journal"
  read -r s rss cpu < <(measure batch "$build/artalign" batch "$mirror" -o "$out/batch.tmx" \
    --coverage "$out/coverage.jsonl" --summary "$out/summary.json" --jobs "$jobs" -q)
  batch_s=$(awk -v a="${batch_s:-$s}" -v b="$s" 'BEGIN {print (b < a ? b : a)}')
  batch_cpu=$(awk -v a="${batch_cpu:-$cpu}" -v b="$cpu" 'BEGIN {print (b < a ? b : a)}')
  batch_rss=$(awk -v a="$batch_rss" -v b="$rss" 'BEGIN {print (b > a ? b : a)}')
done

report() {
  awk -v name="$1" -v n="$pairs" -v mb="$megabytes" -v s="$2" -v rss="$3" -v cpu="$4" \
    'BEGIN {printf "%-6s pairs %6d  HTML %7.1f MB  %7.2f s  %7.1f pairs/s  %6.1f MB/s  peak RSS %6.1f MB  CPU %7.2f s\n", name, n, mb, s, n / s, mb / s, rss, cpu}'
}
echo "N=$pairs jobs=$jobs repeat=${REPEAT:-1} $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
report floor "$floor_s" "$floor_rss" "$floor_cpu"
report batch "$batch_s" "$batch_rss" "$batch_cpu"
awk -v f="$floor_s" -v b="$batch_s" -v fc="$floor_cpu" -v bc="$batch_cpu" \
  'BEGIN {printf "batch throughput = %.0f%% of the bare parse by wall clock, %.0f%% by CPU time\n", 100 * f / b, 100 * fc / bc}'
grep -E '"(aligned|failed|units)"' "$out/summary.json" | tr -d ' \n'; echo
