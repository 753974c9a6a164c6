#!/usr/bin/env bash
# Alignment quality with and without a learned lexicon: for each profile, generates the
# benchmark documents (alignbench.py make), aligns them with the built-in lexicon, learns a
# lexicon over the same documents' texts (`artalign learn-lexicon`, unsupervised: the gold
# alignments are never read), realigns each document with `--lexicon`, and prints one JSON line
# per profile and run ("builtin", "learned") with alignbench.py's scores.
#
#   bench/quality_learned.sh [--binary build/artalign] [--seed N] [--keep DIR]
#                            [--learn "LEARN-LEXICON OPTIONS"] [PROFILE...]
#
# Exits 77 when ../shared/bench/alignbench.py is not there (a fresh clone), 1 on failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/lib_quality.sh"

keep=""
learn=""
own_option() {
  case "$1" in
    --keep) keep=$2; taken=2 ;;
    --learn) learn=$2; taken=2 ;;
  esac
}
quality_parse_args "$@"
quality_prepare
for profile in "${profiles[@]}"; do
  quality_make_documents "$profile"
  # Only the texts go into the pair list: doc*.ko and doc*.en, never *.gold.json.
  : >"$work/$profile.pairs"
  for ko in "$work/$profile"/doc*.ko; do
    printf '%s\t%s\n' "$ko" "${ko%.ko}.en" >>"$work/$profile.pairs"
  done
  "$binary" learn-lexicon --pairs "$work/$profile.pairs" --presplit $learn -o "$work/$profile.learned.tsv" 2>"$work/$profile.learn.log"
  learned=$(grep -vc '^#' "$work/$profile.learned.tsv" || true)
  for run in builtin learned; do
    args=(--presplit -q)
    [ "$run" = learned ] && args+=(--lexicon "$work/$profile.learned.tsv")
    quality_align_and_score "$profile" "$run" "${args[@]}"
    echo "{\"profile\": \"$profile\", \"seed\": $seed, \"run\": \"$run\", \"learned_words\": $learned, \"score\": $score}"
  done
  [ -n "$keep" ] && mkdir -p "$keep" && cp "$work/$profile.learned.tsv" "$work/$profile.learn.log" "$keep/"
done
