#!/usr/bin/env bash
# Real translation memories (tests/data/tmx-corpus: files other tools wrote, see its README):
# validate's verdict is the one recorded in expected.tsv, with a FILE:LINE message for each
# invalid one; every valid memory takes an align-text --append that keeps every old byte, adds
# the unit and validates; then OmegaT loads all the merged memories in one run (one JVM: the
# test stays short), each to TMXR_INFO_READING_COMPLETE with no warning.
source "$(dirname "$0")/lib.sh"

command -v omegat >/dev/null || { echo "FAIL: omegat is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }
CORPUS="$SOURCE_DIR/tests/data/tmx-corpus"
project="$SCRATCH/project"
mkdir -p "$project"/{omegat,source,target,tm,glossary,dictionary} "$SCRATCH/config"
# One segment each side; the Korean letter is one no single-byte encoding holds.
printf 'Corpus check 1.\n' >"$SCRATCH/source.txt"
printf 'Corpus check 1 \xed\x95\x9c.\n' >"$SCRATCH/target.txt"

checked=0
merged=0
while IFS=$'\t' read -r file verdict source target _; do
  [ -z "$file" ] || [ "${file:0:1}" = "#" ] && continue
  checked=$((checked + 1))
  memory="$CORPUS/$file"
  [ -f "$memory" ] || { fail "$file is listed in expected.tsv but missing"; continue; }
  "$ARTALIGN" validate "$memory" >"$SCRATCH/out" 2>"$SCRATCH/err"
  status=$?
  if [ "$verdict" = invalid ]; then
    [ "$status" -eq 1 ] || fail "$file: validate exits $status, expected 1 (invalid): $(cat "$SCRATCH/out" "$SCRATCH/err")"
    grep -qE "^$memory:[0-9]+: " "$SCRATCH/out" || fail "$file: no FILE:LINE: problem line: $(cat "$SCRATCH/out")"
    continue
  fi
  [ "$status" -eq 0 ] || { fail "$file: validate exits $status, expected 0 (valid): $(cat "$SCRATCH/out" "$SCRATCH/err")"; continue; }
  copy="$project/tm/$(echo "$file" | tr / -)"
  cp "$memory" "$copy"
  "$ARTALIGN" align-text -q --presplit --source "$SCRATCH/source.txt" --target "$SCRATCH/target.txt" \
    --source-language "$source" --target-language "$target" --append "$copy" >"$SCRATCH/out" 2>"$SCRATCH/err" \
    || { fail "$file: align-text --append failed: $(cat "$SCRATCH/err")"; continue; }
  # Every old byte kept: the merged file is the memory with one run of bytes inserted.
  python3 - "$memory" "$copy" <<'PY' || fail "$file: the append changed bytes of the old memory"
import sys
old, new = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
prefix = 0
while prefix < len(old) and old[prefix] == new[prefix]:
    prefix += 1
sys.exit(0 if len(new) > len(old) and new[len(new) - (len(old) - prefix):] == old[prefix:] else 1)
PY
  "$ARTALIGN" validate -q "$copy" >"$SCRATCH/out" 2>&1 || fail "$file: the merged memory does not validate: $(cat "$SCRATCH/out")"
  [ "$(grep -c 'Corpus check 1' <(iconv -f "$(python3 -c 'import sys
d = open(sys.argv[1], "rb").read(4)
print("UTF-16" if d[:2] in (b"\xff\xfe", b"\xfe\xff") else "LATIN1")' "$copy")" -t UTF-8 "$copy"))" -eq 2 ] \
    || fail "$file: the new unit is not in the merged memory"
  merged=$((merged + 1))
done <"$CORPUS/expected.tsv"
[ "$checked" -ge 40 ] || fail "only $checked memories in expected.tsv"

cat >"$project/omegat.project" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>en-US</source_lang>
    <target_lang>fr-CA</target_lang>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
XML
cp "$SCRATCH/source.txt" "$project/source/check.txt"
timeout 300 omegat "$project" --mode=console-translate --config-dir="$SCRATCH/config" --disable-project-locking --quiet \
  >"$SCRATCH/omegat.out" 2>"$SCRATCH/omegat.log"
complete=$(grep -c "TMXR_INFO_READING_COMPLETE" "$SCRATCH/omegat.log")
[ "$complete" -eq "$merged" ] || fail "OmegaT finished reading $complete of the $merged merged memories: $(grep -iE 'error|exception|warn' "$SCRATCH/omegat.log" | head -5)"
# One project holds memories of several source languages (en, en-US, EN...): OmegaT says which
# differ from the project's (TMXR_WARNING_INCORRECT_SOURCE_LANG, about the project, not the
# file, and loads them on). Any other warning or error fails.
grep -iE "TMXR_WARNING|TMXR_ERROR|exception|SEVERE|warning|error" "$SCRATCH/omegat.log" \
  | grep -v "TMXR_WARNING_INCORRECT_SOURCE_LANG" >"$SCRATCH/warnings" \
  && fail "OmegaT warned while loading the merged memories: $(head -5 "$SCRATCH/warnings")"
echo "$checked memories checked, $merged appended to and loaded by OmegaT"
finish
