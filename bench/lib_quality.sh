# Set-up shared by bench/quality.sh and bench/quality_learned.sh (sourced, not run): their
# common options, the benchmark check, the scratch directory and aligning a profile's
# documents. The sourcing script sets `root` first and may define `own_option` (below).

# quality_parse_args "$@": reads --binary FILE (default build/artalign), --seed N (default 7)
# and profile names (default: mild news harsh) into `binary`, `seed` and `profiles`. Any other
# word goes first to the script's `own_option WORD...`, which sets the script's variable and
# `taken` to how many words it used (0: not one of its options, so a profile name).
quality_parse_args() {
  binary="$root/build/artalign"
  seed=7
  profiles=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --binary) binary=$2; shift 2 ;;
      --seed) seed=$2; shift 2 ;;
      *)
        taken=0
        if declare -F own_option >/dev/null; then own_option "$@"; fi
        if [ "$taken" -gt 0 ]; then shift "$taken"; else profiles+=("$1"); shift; fi
        ;;
    esac
  done
  [ ${#profiles[@]} -gt 0 ] || profiles=(mild news harsh)
}

# quality_prepare: sets `bench` to alignbench.py (exits 77 when ../shared, or SHARED_DIR, does
# not have it) and `work` to a scratch directory removed on exit.
quality_prepare() {
  bench="${SHARED_DIR:-$root/../shared}/bench/alignbench.py"
  if [ ! -f "$bench" ]; then
    echo "skipped: $bench not found (the benchmark corpus lives outside the project)" >&2
    exit 77
  fi
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
}

# quality_make_documents PROFILE: the profile's benchmark documents (doc*.ko, doc*.en and their
# gold alignments) in $work/PROFILE, generated with `seed`.
quality_make_documents() {
  python3 "$bench" make "$work/$1" --profile "$1" --seed "$seed" >/dev/null
}

# quality_align_and_score PROFILE RUN [ALIGN-TEXT OPTION...]: aligns every document of
# $work/PROFILE with `artalign align-text` and the options given into $work/PROFILE.RUN, and
# sets `score` to alignbench.py's score of that run (one JSON object).
quality_align_and_score() {
  local profile=$1 run=$2 ko name
  shift 2
  mkdir -p "$work/$profile.$run"
  for ko in "$work/$profile"/doc*.ko; do
    name=$(basename "$ko" .ko)
    "$binary" align-text --source "$ko" --target "${ko%.ko}.en" "$@" -o "$work/$profile.$run/$name.jsonl"
  done
  score=$(python3 "$bench" score "$work/$profile" "$work/$profile.$run" | tail -1)
}
