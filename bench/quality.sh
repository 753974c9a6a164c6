#!/usr/bin/env bash
# Alignment quality on the shared benchmark: generates the perturbed documents of each profile
# from ../shared (alignbench.py make, default seed 7), aligns every document with
# `artalign align-text --presplit`, scores with alignbench.py score and prints one JSON line a
# profile. The dev corpus stays in ../shared; nothing is copied into the project.
#
#   bench/quality.sh [--binary build/artalign] [--seed N] [--without KINDS] [--paragraphs]
#                    [--two-stage] [PROFILE...]
#   (profiles: mild news harsh; default all three)
#   --paragraphs gives the documents paragraphs (bench/add_paragraphs.py, same seed) and aligns
#   them with --presplit --paragraphs; --two-stage aligns paragraphs first.
#
# Exits 77 when ../shared/bench/alignbench.py is not there (a fresh clone), 1 on failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary="$root/build/artalign"
seed=7
without=""
paragraphs=""
two_stage=""
profiles=()
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --without) without=$2; shift 2 ;;
    --paragraphs) paragraphs=1; shift ;;
    --two-stage) two_stage=1; shift ;;
    *) profiles+=("$1"); shift ;;
  esac
done
[ ${#profiles[@]} -gt 0 ] || profiles=(mild news harsh)
bench="${SHARED_DIR:-$root/../shared}/bench/alignbench.py"
if [ ! -f "$bench" ]; then
  echo "skipped: $bench not found (the benchmark corpus lives outside the project)" >&2
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
args=(--presplit -q)
[ -n "$without" ] && args+=(--without "$without")
[ -n "$paragraphs" ] && args+=(--paragraphs)
[ -n "$two_stage" ] && args+=(--two-stage)
for profile in "${profiles[@]}"; do
  python3 "$bench" make "$work/$profile" --profile "$profile" --seed "$seed" >/dev/null
  if [ -n "$paragraphs" ]; then
    python3 "$root/bench/add_paragraphs.py" "$work/$profile" "$work/$profile.paragraphs" --seed "$seed"
    rm -rf "${work:?}/$profile" && mv "$work/$profile.paragraphs" "$work/$profile"
  fi
  mkdir -p "$work/$profile.pred"
  for ko in "$work/$profile"/doc*.ko; do
    name=$(basename "$ko" .ko)
    "$binary" align-text --source "$ko" --target "${ko%.ko}.en" "${args[@]}" -o "$work/$profile.pred/$name.jsonl"
  done
  result=$(python3 "$bench" score "$work/$profile" "$work/$profile.pred" | tail -1)
  echo "{\"profile\": \"$profile\", \"seed\": $seed, \"without\": \"$without\", \"paragraphs\": \"${paragraphs:+yes}${two_stage:+, two stages}\", \"score\": $result}"
done
