#!/usr/bin/env bash
# TMX output speed and memory: units/s writing a 100,000-unit memory, units/s and peak memory
# (/usr/bin/time -v) of --append into it, through the library driver and the real CLI.
# Usage: bench/tmx_bench.sh [UNITS]   (default 100000; builds into build-bench, Release)
set -euo pipefail
cd "$(dirname "$0")/.."
units=${1:-100000}
BUILD_DIR=build-bench BUILD_TYPE=Release scripts/build.sh -DARTALIGN_BUILD_TESTS=OFF -DARTALIGN_BUILD_BENCH=ON
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sample=samples/mirror/english.hani.co.kr/arti/english_edition/e_international/928034.html

source bench/lib_measure.sh  # measured REPORT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

echo "== write: $units units with write_tmx"
/usr/bin/time -v build-bench/tmx_bench write "$units" "$work/memory.tmx" 2>"$work/time"
measured "$work/time"
echo "   file size $(du -m "$work/memory.tmx" | cut -f1) MiB"

echo "== artalign validate on the $units-unit memory"
/usr/bin/time -v build-bench/artalign validate "$work/memory.tmx" 2>"$work/time"
measured "$work/time"

for new in 1000 10000; do
  cp "$work/memory.tmx" "$work/append.tmx"
  echo "== append: $new new units into the $units-unit memory with append_tmx"
  /usr/bin/time -v build-bench/tmx_bench append "$new" "$work/append.tmx" 2>"$work/time"
  measured "$work/time"
done

cp "$work/memory.tmx" "$work/cli.tmx"
echo "== artalign align SAMPLE --append (the real CLI, the sample's units) into the $units-unit memory"
/usr/bin/time -v build-bench/artalign align "$sample" --append "$work/cli.tmx" 2>"$work/time" | head -1
measured "$work/time"
