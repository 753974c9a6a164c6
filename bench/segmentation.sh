#!/usr/bin/env bash
# Segmentation on the dev corpus: splits every line of ../shared/corpora/news-ko-en-dev/dev.ko
# and dev.en on its own (`artalign segment --lines`) and counts lines kept whole, split and
# dropped. Most lines hold one sentence, so "kept whole" approximates accuracy; lines that
# split are printed with --show N for inspection (some truly hold two sentences).
#
#   bench/segmentation.sh [--binary build/artalign] [--show N]
# Exits 77 when the corpus is not there.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary="$root/build/artalign"
show=0
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary=$2; shift 2 ;;
    --show) show=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
corpus="${SHARED_DIR:-$root/../shared}/corpora/news-ko-en-dev"
[ -f "$corpus/dev.ko" ] || { echo "skipped: $corpus not found" >&2; exit 77; }
for language in ko en; do
  "$binary" segment --lines --language "$language" "$corpus/dev.$language" |
    python3 -c '
import sys
language, show, source = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = [l for l in open(source, encoding="utf-8").read().split("\n")]
if lines and lines[-1] == "": lines.pop()
groups = sys.stdin.read().split("\n\n")
groups = [g.strip("\n").split("\n") if g.strip("\n") else [] for g in groups]
groups += [[]] * (len(lines) - len(groups))
counts = {0: 0, 1: 0, 2: 0, 3: 0}
shown = 0
for line, g in zip(lines, groups):
    counts[min(len(g), 3)] += 1
    if len(g) > 1 and shown < show:
        shown += 1
        print("  split:", " || ".join(g), file=sys.stderr)
n = len(lines)
print("{\"language\": \"%s\", \"lines\": %d, \"whole\": %d, \"split_in_2\": %d, \"split_in_3_or_more\": %d, \"dropped\": %d, \"whole_share\": %.4f}"
      % (language, n, counts[1], counts[2], counts[3], counts[0], counts[1] / n))
' "$language" "$show" "$corpus/dev.$language"
done
