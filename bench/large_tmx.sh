#!/usr/bin/env bash
# Validate and --append on a large memory (default 500 MiB, bench/generate_tmx.py): wall clock,
# CPU time and peak memory (/usr/bin/time -v) of each, and whether the peaks stay small
# (validate below 200 MiB). Usage: bench/large_tmx.sh [MEGABYTES] [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-500}
artalign=${2:-build}/artalign
[ -x "$artalign" ] || { echo "no $artalign: build first (scripts/build.sh)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sample=samples/mirror/english.hani.co.kr/arti/english_edition/e_international/928034.html

source bench/lib_measure.sh  # measured REPORT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

echo "== generate a $megabytes MiB memory"
python3 bench/generate_tmx.py "$work/memory.tmx" "$megabytes"

echo "== artalign validate"
/usr/bin/time -v "$artalign" validate "$work/memory.tmx" 2>"$work/time"
measured "$work/time"
validate_peak=$peak_mib

echo "== artalign align SAMPLE --append (13 new units)"
/usr/bin/time -v "$artalign" align -q "$sample" --append "$work/memory.tmx" 2>"$work/time"
measured "$work/time"

echo "== artalign align SAMPLE --append again (nothing new: the memory is read, not rewritten)"
/usr/bin/time -v "$artalign" align -q "$sample" --append "$work/memory.tmx" 2>"$work/time"
measured "$work/time"

if [ "$validate_peak" -ge 200 ]; then
  echo "FAIL: validate peaked at $validate_peak MiB (limit 200 MiB)" >&2
  exit 1
fi
