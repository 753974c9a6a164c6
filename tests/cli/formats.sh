#!/usr/bin/env bash
# Output formats and unit options: --format tsv|moses|jsonl, --min-score, --dedupe, language
# codes (--srclang/--tgtlang); every TMX produced validates against the TMX 1.4b DTD.
source "$(dirname "$0")/lib.sh"

valid_tmx() {
  xmllint --noout --nonet --dtdvalid "$DTD" "$1" 2>"$SCRATCH/xmllint" \
    || fail "$1 does not validate against the TMX 1.4b DTD: $(cat "$SCRATCH/xmllint")"
}
count() { grep -c "$1" "$2"; }

run 0 align "$SAMPLE_EN" -o "$SCRATCH/all.tmx"
valid_tmx "$SCRATCH/all.tmx"
units=$(count '<tu ' "$SCRATCH/all.tmx")
[ "$units" -gt 5 ] || fail "the sample gave only $units units"

run 0 align "$SAMPLE_EN" -o "$SCRATCH/out.tsv" --format tsv
grep -qx "wrote $SCRATCH/out.tsv ($units units)" "$SCRATCH/out" || fail "tsv: $(cat "$SCRATCH/out")"
[ "$(wc -l <"$SCRATCH/out.tsv")" -eq "$units" ] || fail "tsv: not one line per unit"
awk -F'\t' 'NF != 2 { exit 1 }' "$SCRATCH/out.tsv" || fail "tsv: a line without exactly one tab"

run 0 align "$SAMPLE_EN" -o "$SCRATCH/corpus" --format moses
grep -qx "wrote $SCRATCH/corpus.ko and $SCRATCH/corpus.en ($units units)" "$SCRATCH/out" || fail "moses: $(cat "$SCRATCH/out")"
[ "$(wc -l <"$SCRATCH/corpus.ko")" -eq "$units" ] && [ "$(wc -l <"$SCRATCH/corpus.en")" -eq "$units" ] \
  || fail "moses: files not line-aligned with the units"
paste "$SCRATCH/corpus.ko" "$SCRATCH/corpus.en" | cmp -s - "$SCRATCH/out.tsv" || fail "moses lines differ from the tsv pairs"

# JSONL: every line parses and carries the TMX props' metadata, same pairs as the TMX.
run 0 align "$SAMPLE_EN" -o "$SCRATCH/out.jsonl" --format jsonl
python3 - "$SCRATCH/out.jsonl" "$SCRATCH/all.tmx" <<'PY' || fail "jsonl does not match the TMX"
import json, sys, xml.etree.ElementTree as ET
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
tus = ET.parse(sys.argv[2]).getroot().find("body").findall("tu")
assert len(rows) == len(tus), (len(rows), len(tus))
for row, tu in zip(rows, tus):
    props = {p.get("type"): p.text for p in tu.findall("prop")}
    segs = [tuv.find("seg").text for tuv in tu.findall("tuv")]
    assert [row["source"], row["target"]] == segs
    assert (row["source_lang"], row["target_lang"]) == ("ko", "en")
    for key in ("source_url", "target_url", "article_date", "article_title", "bead"):
        prop = "x-" + key.replace("_", "-") if key != "bead" else "x-bead"
        assert row[key] == props[prop], (key, row[key], props[prop])
    assert "%.3f" % row["score"] == props["x-score"]
    assert str(row["tuid"]) == tu.get("tuid")
PY

# --min-score leaves weak units out and says so. The threshold sits just above the weakest
# unit's score (shown with 3 decimals), so at least that unit must go.
weakest=$(grep -o '<prop type="x-score">[0-9.]*' "$SCRATCH/all.tmx" | sed 's/.*>//' | sort -n | head -1)
threshold=$(python3 -c "print(round($weakest + 0.0005, 4))")
run 0 align "$SAMPLE_EN" -o "$SCRATCH/strong.tmx" --min-score "$threshold"
valid_tmx "$SCRATCH/strong.tmx"
strong=$(count '<tu ' "$SCRATCH/strong.tmx")
[ "$strong" -lt "$units" ] || fail "--min-score $threshold left nothing out"
grep -qx "left out: $((units - strong)) below --min-score $threshold" "$SCRATCH/out" || fail "no left-out line: $(cat "$SCRATCH/out")"
grep -o '<prop type="x-score">[0-9.]*' "$SCRATCH/strong.tmx" | sed 's/.*>//' | awk -v t="$threshold" '$1 < t - 0.0005 { exit 1 }' \
  || fail "--min-score $threshold kept a weaker unit"
run 2 align "$SAMPLE_EN" -o "$SCRATCH/x.tmx" --min-score 1.5
expect_error "--min-score takes a number from 0 to 1, not '1.5'"
run 2 align "$SAMPLE_EN" -o "$SCRATCH/x.tmx" --min-score high
expect_error "--min-score takes a number from 0 to 1, not 'high'"

# --dedupe is the default (what it leaves out: unit_selection_test); both at once is a usage error.
run 0 align "$SAMPLE_EN" -o "$SCRATCH/d.tmx" --dedupe
cmp -s <(grep -v creationdate "$SCRATCH/d.tmx") <(grep -v creationdate "$SCRATCH/all.tmx") || fail "--dedupe is not the default"
run 2 align "$SAMPLE_EN" -o "$SCRATCH/x.tmx" --dedupe --no-dedupe
expect_error "give --dedupe or --no-dedupe, not both"

# Language codes: ko/en by default, ko-KR/en-US on request, always matching the header.
grep -q 'srclang="ko"' "$SCRATCH/all.tmx" || fail "default srclang is not ko"
run 0 align "$SAMPLE_EN" -o "$SCRATCH/kr.tmx" --srclang ko-KR --tgtlang en-US
valid_tmx "$SCRATCH/kr.tmx"
grep -q 'srclang="ko-KR"' "$SCRATCH/kr.tmx" || fail "--srclang ko-KR not in the header"
[ "$(count 'xml:lang="ko-KR"' "$SCRATCH/kr.tmx")" -eq "$units" ] || fail "ko-KR tuvs missing"
[ "$(count 'xml:lang="en-US"' "$SCRATCH/kr.tmx")" -eq "$units" ] || fail "en-US tuvs missing"
# --srclang naming the translation's language makes English the memory's source.
run 0 align "$SAMPLE_EN" -o "$SCRATCH/en.tmx" --srclang en
valid_tmx "$SCRATCH/en.tmx"
grep -q 'srclang="en"' "$SCRATCH/en.tmx" || fail "--srclang en not in the header"
python3 - "$SCRATCH/en.tmx" "$SCRATCH/all.tmx" <<'PY' || fail "--srclang en did not turn the units around"
import sys, xml.etree.ElementTree as ET
lang = "{http://www.w3.org/XML/1998/namespace}lang"
def pairs(path):
    return [[(tuv.get(lang), tuv.find("seg").text) for tuv in tu.findall("tuv")] for tu in ET.parse(path).iter("tu")]
assert [list(reversed(p)) for p in pairs(sys.argv[2])] == pairs(sys.argv[1])
PY
run 0 align "$SAMPLE_EN" -o "$SCRATCH/jsonl-kr.jsonl" --format jsonl --srclang ko-KR
grep -q '"source_lang":"ko-KR","target_lang":"en"' "$SCRATCH/jsonl-kr.jsonl" || fail "jsonl ignores --srclang"
run 2 align "$SAMPLE_EN" -o "$SCRATCH/x.tmx" --srclang ja
expect_error "--srclang 'ja' is not a language artalign has data for (supported: en, ko)"
run 2 align "$SAMPLE_EN" -o "$SCRATCH/x.tmx" --tgtlang fr
expect_error "--tgtlang 'fr' is not a language artalign has data for (supported: en, ko)"
run 2 align "$SAMPLE_EN" -o "$SCRATCH/x.tmx" --tgtlang ko
expect_error "--tgtlang ko does not name the memory's target language (en)"
run 2 align "$SAMPLE_EN" -o "$SCRATCH/x.tmx" --srclang 'ko KR'
expect_error "--srclang 'ko KR' is not a language code such as ko, en or ko-KR"

run 2 align "$SAMPLE_EN" -o "$SCRATCH/x.xliff" --format xliff
expect_error "unknown --format 'xliff' (known: tmx, tsv, moses, jsonl)"
[ -e "$SCRATCH/x.tmx" ] || [ -e "$SCRATCH/x.xliff" ] && fail "a usage error wrote an output file"
finish
