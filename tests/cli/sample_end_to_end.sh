#!/usr/bin/env bash
# The bundled sample pair end to end: TMX equal to the expected one (dates aside), valid per
# the TMX 1.4b DTD, and a coverage line printed.
source "$(dirname "$0")/lib.sh"

out="$SCRATCH/sample.tmx"
run 0 align "$SAMPLE_EN" -o "$out"
grep -qx "wrote $out ([0-9]* units)" "$SCRATCH/out" || fail "no 'wrote' line: $(cat "$SCRATCH/out")"
grep -qE '^coverage: [0-9]+/[0-9]+ Korean sentences \([0-9.]+%\) and [0-9.]+% of characters have a counterpart in English' "$SCRATCH/out" \
  || fail "no coverage line: $(cat "$SCRATCH/out")"

xmllint --noout --nonet --dtdvalid "$DTD" "$out" 2>"$SCRATCH/xmllint" \
  || fail "TMX does not validate against the TMX 1.4b DTD: $(cat "$SCRATCH/xmllint")"

# Creation dates and the tool version change from run to run and release to release.
normalise() { sed -E 's/(creationdate|creationtoolversion)="[^"]*"/\1="X"/g' "$1"; }
diff <(normalise "$SOURCE_DIR/tests/expected/sample.tmx") <(normalise "$out") >"$SCRATCH/diff" \
  || fail "TMX differs from tests/expected/sample.tmx:
$(head -40 "$SCRATCH/diff")"

# Giving the original explicitly, or the mirror root, gives the same memory.
run 0 align "$SAMPLE_EN" "$SAMPLE_KO" -o "$SCRATCH/explicit.tmx"
diff <(normalise "$out") <(normalise "$SCRATCH/explicit.tmx") >/dev/null || fail "explicit KO_PAGE gave another TMX"
run 0 align --mirror "$SOURCE_DIR/samples/mirror" "$SAMPLE_EN" -o "$SCRATCH/mirror.tmx"
diff <(normalise "$out") <(normalise "$SCRATCH/mirror.tmx") >/dev/null || fail "--mirror gave another TMX"
finish
