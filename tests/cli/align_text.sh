#!/usr/bin/env bash
# `artalign align-text` and `artalign segment` on small texts: JSONL covering every segment once,
# TSV and TMX output, sentence splitting without --presplit, and failing inputs.
source "$(dirname "$0")/lib.sh"

cat >"$SCRATCH/ko.txt" <<'TEXT'
트럼프 대통령은 2월 10일 백악관에서 기자회견을 열었다.
한편 서울의 날씨는 맑았다.
CNN은 트럼프가 김정은 위원장과 11월 대선 전에는 만나지 않을 것이라고 보도했다.
하노이 회담은 지난해 2월 27일 열렸다.
TEXT
cat >"$SCRATCH/en.txt" <<'TEXT'
President Trump held a press conference at the White House on Feb. 10.
Trump will not meet Kim Jong-un before the presidential election in November, CNN reported.
The Hanoi summit was held on Feb. 27 last year.
TEXT

# covers FILE N M: the JSONL beads cover source 0..N-1 and target 0..M-1 once each, in order.
covers() {
  python3 - "$1" "$2" "$3" <<'PY' || fail "beads in $1 do not cover $2 source and $3 target segments in order"
import json, sys
beads = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
src = [i for b in beads for i in b["source"]]
tgt = [j for b in beads for j in b["target"]]
assert src == list(range(int(sys.argv[2]))) and tgt == list(range(int(sys.argv[3])))
assert all(0.0 <= b["score"] <= 1.0 and (b["source"] or b["target"]) for b in beads)
PY
}

run 0 align-text --source "$SCRATCH/ko.txt" --target "$SCRATCH/en.txt" --presplit
cp "$SCRATCH/out" "$SCRATCH/beads.jsonl"
covers "$SCRATCH/beads.jsonl" 4 3
grep -qx '{"source":\[1\],"target":\[\],"score":0.000,"type":"1-0"}' "$SCRATCH/beads.jsonl" \
  || fail "the untranslated weather sentence is not a 1-0 bead: $(cat "$SCRATCH/beads.jsonl")"
grep -q '^alignment score [0-9.]*, ' "$SCRATCH/err" || fail "no summary line on stderr: $(cat "$SCRATCH/err")"

run 0 align-text --source "$SCRATCH/ko.txt" --target "$SCRATCH/en.txt" --presplit -q -o "$SCRATCH/o.jsonl"
[ -s "$SCRATCH/out" ] || [ -s "$SCRATCH/err" ] && fail "-q -o still printed"
cmp -s "$SCRATCH/o.jsonl" "$SCRATCH/beads.jsonl" || fail "-o wrote other beads than standard output"

run 0 align-text --source "$SCRATCH/ko.txt" --target "$SCRATCH/en.txt" --presplit --format tsv -q
[ "$(wc -l <"$SCRATCH/out")" -eq "$(wc -l <"$SCRATCH/beads.jsonl")" ] || fail "TSV and JSONL differ in bead count"
grep -qP '^0\t0\t[0-9.]+\t트럼프 대통령은.*\tPresident Trump' "$SCRATCH/out" || fail "TSV lacks the first pair: $(head -1 "$SCRATCH/out")"

run 0 align-text --source "$SCRATCH/ko.txt" --target "$SCRATCH/en.txt" --presplit --format tmx -q -o "$SCRATCH/t.tmx"
xmllint --noout --nonet --dtdvalid "$DTD" "$SCRATCH/t.tmx" 2>/dev/null || fail "align-text TMX does not validate"
[ "$(grep -c '<tu ' "$SCRATCH/t.tmx")" -eq 3 ] || fail "TMX should hold 3 units"

# Without --presplit, paragraphs are split into sentences.
printf '트럼프 대통령은 2월 10일 기자회견을 열었다. 한편 서울의 날씨는 맑았다.\n\n하노이 회담은 지난해 2월 27일 열렸다.\n' >"$SCRATCH/ko-para.txt"
run 0 align-text --source "$SCRATCH/ko-para.txt" --target "$SCRATCH/en.txt" -q
cp "$SCRATCH/out" "$SCRATCH/para.jsonl"
covers "$SCRATCH/para.jsonl" 3 3

# Anchor kinds can be switched off; unknown ones are usage errors.
run 0 align-text --source "$SCRATCH/ko.txt" --target "$SCRATCH/en.txt" --presplit -q --without number,name
run 2 align-text --source "$SCRATCH/ko.txt" --target "$SCRATCH/en.txt" --without colour
expect_error "unknown anchor kind 'colour' (number, latin, name, short-name, word, mark, all)"

# Failing inputs.
# A stray argument: one line naming both forms of the verb, no escaped newline in it.
run 2 align-text --presplit "$SCRATCH/ko.txt" "$SCRATCH/en.txt"
expect_error "too many arguments; usage: artalign align-text --source ORIGINAL.txt --target TRANSLATION.txt [-o OUT | --append MEMORY.tmx] [options] or artalign align-text --batch LIST [--jobs N] [options]"
run 2 align-text --source "$SCRATCH/ko.txt"
expect_error "missing --source FILE or --target FILE"
run 2 align-text --source "$SCRATCH/ko.txt" --target "$SCRATCH/en.txt" --format xml
expect_error "unknown --format 'xml' (jsonl, tsv or tmx)"
run 2 align-text --source "$SCRATCH/ko.txt" --target "$SCRATCH/en.txt" --format tmx
expect_error "--format tmx needs -o/--output FILE"
run 1 align-text --source "$SCRATCH/missing.txt" --target "$SCRATCH/en.txt"
expect_error "$SCRATCH/missing.txt: no such file"
: >"$SCRATCH/empty.txt"
run 0 align-text --source "$SCRATCH/empty.txt" --target "$SCRATCH/en.txt" --presplit -q
cp "$SCRATCH/out" "$SCRATCH/empty.jsonl"
covers "$SCRATCH/empty.jsonl" 0 3

# --presplit --paragraphs: blank lines end paragraphs and are not segments, so indices count
# the other lines; with --two-stage no bead takes sentences of two paragraphs.
printf '트럼프 대통령이 말했다.\n\n\n협상은 끝났다.\n김정은 위원장은 답하지 않았다.\n' >"$SCRATCH/ko-par.txt"
printf 'President Trump said so.\n\nThe talks are over.\nKim Jong-un did not answer.\n' >"$SCRATCH/en-par.txt"
for stages in "" --two-stage; do
  run 0 align-text --source "$SCRATCH/ko-par.txt" --target "$SCRATCH/en-par.txt" --presplit --paragraphs $stages -q
  covers "$SCRATCH/out" 3 3
  grep -qF '"source":[0],"target":[0]' "$SCRATCH/out" || fail "paragraphs $stages: $(cat "$SCRATCH/out")"
  grep -qF '"source":[2],"target":[2]' "$SCRATCH/out" || fail "paragraphs $stages: $(cat "$SCRATCH/out")"
done
run 2 align-text --source "$SCRATCH/ko-par.txt" --target "$SCRATCH/en-par.txt" --paragraphs
expect_error "--paragraphs goes with --presplit"

# segment: one sentence a line; datelines and bylines are not sentences.
printf '(워싱턴=연합뉴스) 트럼프 대통령이 말했다. 협상은 끝났다.\n\n홍길동 기자 gildong@hani.co.kr\n' >"$SCRATCH/seg.txt"
run 0 segment --language ko "$SCRATCH/seg.txt"
[ "$(grep -c . "$SCRATCH/out")" -eq 2 ] || fail "segment gave: $(cat "$SCRATCH/out")"
grep -qx '트럼프 대통령이 말했다.' "$SCRATCH/out" || fail "dateline not removed: $(cat "$SCRATCH/out")"
run 2 segment "$SCRATCH/seg.txt"
expect_error "missing --language LANG"
# align-text --append MEMORY: as align --append (bytes kept, units added, usage errors).
printf '대통령이 1일 말했다.\n협상은 2일 끝났다.\n' >"$SCRATCH/append-ko.txt"
printf 'The president spoke on the 1st.\nTalks ended on the 2nd.\n' >"$SCRATCH/append-en.txt"
run 0 align-text --presplit --source "$SCRATCH/append-ko.txt" --target "$SCRATCH/append-en.txt" --format tmx -o "$SCRATCH/memory.tmx"
printf '미국은 3일 답했다.\n' >"$SCRATCH/more-ko.txt"
printf 'America answered on the 3rd.\n' >"$SCRATCH/more-en.txt"
cp "$SCRATCH/memory.tmx" "$SCRATCH/memory-before.tmx"
run 0 align-text --presplit --source "$SCRATCH/more-ko.txt" --target "$SCRATCH/more-en.txt" --append "$SCRATCH/memory.tmx"
grep -qx "appended 1 units to $SCRATCH/memory.tmx (2 were there, 0 new units already in it)" "$SCRATCH/out" \
  || fail "align-text --append: $(cat "$SCRATCH/out")"
keep=$(grep -b -m1 '  </body>' "$SCRATCH/memory-before.tmx" | cut -d: -f1)
cmp -s <(head -c "$keep" "$SCRATCH/memory-before.tmx") <(head -c "$keep" "$SCRATCH/memory.tmx") || fail "align-text --append changed old bytes"
grep -q '<tu tuid="3"' "$SCRATCH/memory.tmx" || fail "align-text --append: no tuid 3"
run 0 validate "$SCRATCH/memory.tmx"
run 0 align-text -q --presplit --source "$SCRATCH/more-ko.txt" --target "$SCRATCH/more-en.txt" --append "$SCRATCH/memory.tmx"
[ "$(grep -c '<tu ' "$SCRATCH/memory.tmx")" -eq 3 ] || fail "align-text --append added a unit the memory holds"
run 0 align-text -q --presplit --source "$SCRATCH/more-ko.txt" --target "$SCRATCH/more-en.txt" --append "$SCRATCH/memory.tmx" --no-dedupe
[ "$(grep -c '<tu ' "$SCRATCH/memory.tmx")" -eq 4 ] || fail "align-text --append --no-dedupe did not add the unit"
run 2 align-text --source "$SCRATCH/more-ko.txt" --target "$SCRATCH/more-en.txt" --append "$SCRATCH/memory.tmx" -o "$SCRATCH/x.tmx"
expect_error "give -o/--output or --append, not both"
run 2 align-text --source "$SCRATCH/more-ko.txt" --target "$SCRATCH/more-en.txt" --append "$SCRATCH/memory.tmx" --format jsonl
expect_error "--append merges into a TMX memory; it cannot be used with --format jsonl"
run 2 align-text --source "$SCRATCH/more-ko.txt" --target "$SCRATCH/more-en.txt" --no-dedupe
expect_error "--no-dedupe goes with --append"
run 1 align-text --source "$SCRATCH/more-ko.txt" --target "$SCRATCH/more-en.txt" --append "$SCRATCH/memory.tmx" --source-language en
expect_error "$SCRATCH/memory.tmx: its srclang is 'ko' but this run's source language is 'en' (this run's units are en and en; append them to a memory whose srclang is one of those or *all*)"

# Korean against Korean: the TMX's units say so (x-warning), not only stderr; a real pair has none.
run 0 align-text --source "$SCRATCH/ko.txt" --target "$SCRATCH/ko.txt" --presplit --format tmx -o "$SCRATCH/koko.tmx"
warning='both texts are in Korean (Hangul or Han): not an original and its translation'
[ "$(grep -c "<prop type=\"x-warning\">$warning</prop>" "$SCRATCH/koko.tmx")" -eq "$(grep -c '<tu ' "$SCRATCH/koko.tmx")" ] ||
  fail "a Korean-Korean TMX lacks the x-warning prop on every unit"
grep -qF "artalign: warning: $warning" "$SCRATCH/err" || fail "no warning on stderr: $(cat "$SCRATCH/err")"
run 0 align-text --source "$SCRATCH/ko.txt" --target "$SCRATCH/en.txt" --presplit --format tmx -o "$SCRATCH/koen.tmx"
! grep -q 'x-warning' "$SCRATCH/koen.tmx" || fail "a Korean-English TMX has an x-warning"
finish
