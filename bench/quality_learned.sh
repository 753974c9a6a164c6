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
binary="$root/build/artalign"
seed=7
keep=""
learn=""
profiles=()
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --learn) learn=$2; shift 2 ;;
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
for profile in "${profiles[@]}"; do
  python3 "$bench" make "$work/$profile" --profile "$profile" --seed "$seed" >/dev/null
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
    mkdir -p "$work/$profile.$run"
    for ko in "$work/$profile"/doc*.ko; do
      name=$(basename "$ko" .ko)
      "$binary" align-text --source "$ko" --target "${ko%.ko}.en" "${args[@]}" -o "$work/$profile.$run/$name.jsonl"
    done
    result=$(python3 "$bench" score "$work/$profile" "$work/$profile.$run" | tail -1)
    echo "{\"profile\": \"$profile\", \"seed\": $seed, \"run\": \"$run\", \"learned_words\": $learned, \"score\": $result}"
  done
  [ -n "$keep" ] && mkdir -p "$keep" && cp "$work/$profile.learned.tsv" "$work/$profile.learn.log" "$keep/"
done
