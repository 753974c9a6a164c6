#!/usr/bin/env bash
# An installed prefix still works once moved elsewhere: the installed artalign finds its data in
# share/artalign beside its bin/ directory, with ARTALIGN_DATA_DIR unset and neither the source
# tree's data/ nor the configured install location to fall back on.
# Needs BUILD_DIR (the build to install) and INSTALL_DATA_DIR (the compiled-in share/artalign).
source "$(dirname "$0")/lib.sh"
: "${BUILD_DIR:?set BUILD_DIR to the build tree}"
: "${INSTALL_DATA_DIR:?set INSTALL_DATA_DIR to the configured share/artalign}"
unset ARTALIGN_DATA_DIR

cmake --install "$BUILD_DIR" --prefix "$SCRATCH/prefix" >"$SCRATCH/install.log" 2>&1 \
  || { fail "cmake --install failed: $(tail -3 "$SCRATCH/install.log")"; finish; }
mkdir "$SCRATCH/elsewhere"
mv "$SCRATCH/prefix" "$SCRATCH/elsewhere/moved"
moved="$SCRATCH/elsewhere/moved"
[ -x "$moved/bin/artalign" ] || { fail "no bin/artalign in the installed prefix"; finish; }
# The lexicon index is installed beside the TSVs it was built from (src/anchor/lexicon_index.hpp).
[ -s "$moved/share/artalign/lexicon/lexicon.index" ] || fail "no lexicon index beside the installed TSVs"

# Which data directory the moved program reads: a marker abbreviation only the moved copy lists
# keeps "Zq. Kim" in one sentence.
echo "Zq." >>"$moved/share/artalign/segmentation/en.abbreviations"
printf 'He met Zq. Kim in Seoul. They talked.\n' >"$SCRATCH/marker.txt"
"$moved/bin/artalign" segment --language en "$SCRATCH/marker.txt" >"$SCRATCH/out" 2>"$SCRATCH/err" \
  || fail "moved artalign segment failed: $(cat "$SCRATCH/err")"
[ "$(head -1 "$SCRATCH/out")" = "He met Zq. Kim in Seoul." ] \
  || fail "moved artalign did not read the moved prefix's data: $(cat "$SCRATCH/out")"

# With the source tree's data/ and the configured install location hidden (an empty directory
# mounted over each, in a private mount namespace), the moved program still aligns.
printf '트럼프 대통령은 백악관에서 기자회견을 열었다.\n하노이 회담은 지난해 열렸다.\n' >"$SCRATCH/ko.txt"
printf 'President Trump held a press conference at the White House.\nThe Hanoi summit was held last year.\n' \
  >"$SCRATCH/en.txt"
# hidden COMMAND...: runs COMMAND with an empty directory mounted over both (private namespace).
hidden() {
  unshare -rm bash -c 'mount --bind "$1" "$2" && { [ ! -d "$3" ] || mount --bind "$1" "$3"; } && shift 3 && exec "$@"' \
    hide "$SCRATCH/empty" "$SOURCE_DIR/data" "$INSTALL_DATA_DIR" "$@"
}
if unshare -rm true 2>/dev/null; then
  mkdir "$SCRATCH/empty"
  hidden "$moved/bin/artalign" align-text --source "$SCRATCH/ko.txt" --target "$SCRATCH/en.txt" --presplit -q \
    >"$SCRATCH/out" 2>"$SCRATCH/err" || fail "moved artalign align-text failed: $(cat "$SCRATCH/err")"
  [ "$(wc -l <"$SCRATCH/out")" -eq 2 ] || fail "moved artalign align-text wrote: $(cat "$SCRATCH/out")"
  # The hiding works: with the prefix's data gone too, nothing is left to read.
  mv "$moved/share/artalign" "$moved/share/gone"
  hidden "$moved/bin/artalign" segment --language en "$SCRATCH/marker.txt" >"$SCRATCH/out" 2>"$SCRATCH/err" \
    && fail "artalign ran with every data directory hidden: $(cat "$SCRATCH/out")"
  grep -q "data directory is missing" "$SCRATCH/err" || fail "no data directory, yet: $(cat "$SCRATCH/err")"
else
  echo "note: no private mount namespace (unshare -rm); the source tree's data/ was not hidden"
fi
finish
