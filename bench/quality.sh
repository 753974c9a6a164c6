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
source "$root/bench/lib_quality.sh"

without=""
paragraphs=""
two_stage=""
own_option() {
  case "$1" in
    --without) without=$2; taken=2 ;;
    --paragraphs) paragraphs=1; taken=1 ;;
    --two-stage) two_stage=1; taken=1 ;;
  esac
}
quality_parse_args "$@"
quality_prepare
args=(--presplit -q)
[ -n "$without" ] && args+=(--without "$without")
[ -n "$paragraphs" ] && args+=(--paragraphs)
[ -n "$two_stage" ] && args+=(--two-stage)
for profile in "${profiles[@]}"; do
  quality_make_documents "$profile"
  if [ -n "$paragraphs" ]; then
    python3 "$root/bench/add_paragraphs.py" "$work/$profile" "$work/$profile.paragraphs" --seed "$seed"
    rm -rf "${work:?}/$profile" && mv "$work/$profile.paragraphs" "$work/$profile"
  fi
  quality_align_and_score "$profile" pred "${args[@]}"
  echo "{\"profile\": \"$profile\", \"seed\": $seed, \"without\": \"$without\", \"paragraphs\": \"${paragraphs:+yes}${two_stage:+, two stages}\", \"score\": $score}"
done
