#!/usr/bin/env bash
# translate-toolkit (Debian package python3-translate, with Debian's /usr/bin/python3) parses
# artalign's TMX with translate.storage.tmx and finds every unit with its source and target.
source "$(dirname "$0")/lib.sh"

/usr/bin/python3 -c 'import translate.storage.tmx' 2>/dev/null \
  || { echo "FAIL: python3-translate is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }

for options in "" "--srclang ko-KR --tgtlang en-US" "--min-score 0.9"; do
  # shellcheck disable=SC2086
  run 0 align -q "$SAMPLE_EN" -o "$SCRATCH/memory.tmx" $options
  xmllint --noout --nonet --dtdvalid "$DTD" "$SCRATCH/memory.tmx" 2>"$SCRATCH/xmllint" \
    || fail "[$options] TMX does not validate: $(cat "$SCRATCH/xmllint")"
  # The TSV of the same run gives the expected pairs.
  # shellcheck disable=SC2086
  run 0 align -q "$SAMPLE_EN" -o "$SCRATCH/pairs.tsv" --format tsv $options
  /usr/bin/python3 - "$SCRATCH/memory.tmx" "$SCRATCH/pairs.tsv" <<'PY' || fail "[$options] translate-toolkit disagrees"
import sys
from translate.storage import tmx
store = tmx.tmxfile.parsefile(sys.argv[1])
expected = [line.rstrip("\n").split("\t") for line in open(sys.argv[2], encoding="utf-8")]
units = [unit for unit in store.units if not unit.isheader()]
assert len(units) == len(expected) and len(units) > 5, (len(units), len(expected))
for unit, (source, target) in zip(units, expected):
    assert unit.source == source, (unit.source, source)
    assert unit.target == target, (unit.target, target)
PY
done
finish
