#!/usr/bin/env bash
# OmegaT (Debian package omegat) reads artalign's TMX: a console-translate project with the TMX
# in tm/auto/ and the TMX's Korean segments as its source must come out as the TMX's English.
# OmegaT exits 0 even when it fails to load a TMX, so the output and the log are what count.
source "$(dirname "$0")/lib.sh"

command -v omegat >/dev/null || { echo "FAIL: omegat is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }

check_with_omegat() {  # check_with_omegat NAME ALIGN_OPTIONS...: one project per memory
  local name=$1; shift
  local project="$SCRATCH/$name" config="$SCRATCH/$name-config"
  mkdir -p "$project"/{omegat,source,target,tm/auto,glossary,dictionary} "$config"
  run 0 align -q "$SAMPLE_EN" -o "$project/tm/auto/artalign.tmx" "$@"
  xmllint --noout --nonet --dtdvalid "$DTD" "$project/tm/auto/artalign.tmx" 2>"$SCRATCH/xmllint" \
    || fail "$name: TMX does not validate: $(cat "$SCRATCH/xmllint")"
  # The TMX's own segments, read back with a generic XML parser: Korean as the source file,
  # English as what the target file must hold.
  python3 - "$project/tm/auto/artalign.tmx" "$project/source/check.txt" "$SCRATCH/$name-expected.txt" <<'PY'
import sys, xml.etree.ElementTree as ET
lang = "{http://www.w3.org/XML/1998/namespace}lang"
source, target = [], []
for tu in ET.parse(sys.argv[1]).iter("tu"):
    segs = {tuv.get(lang).split("-")[0]: tuv.find("seg").text for tuv in tu.findall("tuv")}
    source.append(segs["ko"]); target.append(segs["en"])
open(sys.argv[2], "w", encoding="utf-8").write("\n\n".join(source) + "\n")
open(sys.argv[3], "w", encoding="utf-8").write("\n\n".join(target) + "\n")
PY
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
    <source_lang>ko</source_lang>
    <target_lang>en</target_lang>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
XML
  timeout 300 omegat "$project" --mode=console-translate --config-dir="$config" --disable-project-locking --quiet \
    >"$SCRATCH/$name-omegat.out" 2>"$SCRATCH/$name-omegat.log"
  grep -q "TMXR_INFO_READING_COMPLETE" "$SCRATCH/$name-omegat.log" \
    || fail "$name: OmegaT did not finish reading the TMX: $(grep -iE 'error|exception' "$SCRATCH/$name-omegat.log" | head -5)"
  [ -f "$project/target/check.txt" ] || { fail "$name: OmegaT wrote no target/check.txt"; return; }
  diff "$SCRATCH/$name-expected.txt" "$project/target/check.txt" >"$SCRATCH/$name.diff" \
    || fail "$name: OmegaT's translation is not the TMX's English:
$(head -20 "$SCRATCH/$name.diff")"
  [ "$(grep -c . "$SCRATCH/$name-expected.txt")" -gt 5 ] || fail "$name: too few segments to prove anything"
}

check_with_omegat default
check_with_omegat regional --srclang ko-KR --tgtlang en-US

# OmegaT's own TMX 1.1, as it writes project_save.tmx: made by OmegaT from a project, appended
# to by artalign, then the project opened again. Its translation of the new segment can only
# come from the unit artalign added to omegat/project_save.tmx.
project="$SCRATCH/own"
mkdir -p "$project"/{omegat,source,target,tm,glossary,dictionary} "$SCRATCH/own-config"
cp "$SCRATCH/default/omegat.project" "$project/omegat.project"
printf '\xea\xb0\x80 1.\n\n\xeb\x82\x98 2.\n' >"$project/source/check.txt"
timeout 300 omegat "$project" --mode=console-createpseudotranslatetmx --pseudotranslatetmx="$project/omegat/project_save.tmx" \
  --pseudotranslatetype=equal --config-dir="$SCRATCH/own-config" --disable-project-locking --quiet \
  >"$SCRATCH/own.out" 2>"$SCRATCH/own.log"
grep -q '<tmx version="1.1">' "$project/omegat/project_save.tmx" 2>/dev/null || fail "OmegaT wrote no TMX 1.1: $(tail -3 "$SCRATCH/own.log")"
cp "$project/omegat/project_save.tmx" "$SCRATCH/own-before.tmx"
printf '\xeb\x8b\xa4 3.\n' >"$SCRATCH/own-ko.txt"
printf 'Three 3.\n' >"$SCRATCH/own-en.txt"
run 0 align-text -q --presplit --source "$SCRATCH/own-ko.txt" --target "$SCRATCH/own-en.txt" --append "$project/omegat/project_save.tmx"
cmp -s <(head -c "$(stat -c %s "$SCRATCH/own-before.tmx")" "$project/omegat/project_save.tmx") "$SCRATCH/own-before.tmx" \
  && fail "the append left OmegaT's project_save.tmx unchanged"
python3 - "$SCRATCH/own-before.tmx" "$project/omegat/project_save.tmx" <<'PY' || fail "the append changed bytes of OmegaT's project_save.tmx"
import sys
old, new = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
cut = old.rindex(b"  </body>")
sys.exit(0 if new.startswith(old[:cut]) and new.endswith(old[cut:]) and b'<tuv lang="ko">' in new[cut:] else 1)
PY
printf '\n\xeb\x8b\xa4 3.\n' >>"$project/source/check.txt"
timeout 300 omegat "$project" --mode=console-translate --config-dir="$SCRATCH/own-config" --disable-project-locking --quiet \
  >"$SCRATCH/own.out" 2>"$SCRATCH/own.log"
grep -q "LOG_DATAENGINE_LOAD_END" "$SCRATCH/own.log" || fail "OmegaT did not open the project: $(tail -5 "$SCRATCH/own.log")"
grep -iE "warning|error|exception" "$SCRATCH/own.log" && fail "OmegaT warned opening the project"
grep -qx "Three 3." "$project/target/check.txt" 2>/dev/null \
  || fail "OmegaT did not translate from the appended unit: $(cat "$project/target/check.txt" 2>&1)"
finish
