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
finish
