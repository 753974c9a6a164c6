#!/usr/bin/env bash
# `artalign learn-lexicon` over a few text pairs, and the learned lexicon reused by
# `align-text --lexicon`; failing inputs name the file.
source "$(dirname "$0")/lib.sh"

: >"$SCRATCH/pairs.tsv"
for i in 1 2 3 4 5; do
  cat >"$SCRATCH/doc$i.ko" <<TEXT
뭉게구름이 $i월 1${i}일 서울 하늘에 나타났다.
정부는 $((i + 20))개 도시에 경보를 내렸다.
기상청은 뭉게구름이 ${i}0분 동안 머물렀다고 밝혔다.
TEXT
  cat >"$SCRATCH/doc$i.en" <<TEXT
Cumulus clouds appeared over Seoul on the 1${i}th of month $i.
The government issued warnings for $((i + 20)) cities.
The weather agency said the cumulus stayed for ${i}0 minutes.
TEXT
  printf '%s\t%s\n' "$SCRATCH/doc$i.ko" "$SCRATCH/doc$i.en" >>"$SCRATCH/pairs.tsv"
done

run 0 learn-lexicon --pairs "$SCRATCH/pairs.tsv" --presplit -o "$SCRATCH/learned.tsv"
grep -q '^5 text pairs, [0-9]* confident beads counted, [0-9]* translations learned$' "$SCRATCH/err" \
  || fail "no summary line: $(cat "$SCRATCH/err")"
grep -q $'^뭉게구름\t.*cumulus' "$SCRATCH/learned.tsv" || fail "뭉게구름 ~ cumulus not learned: $(cat "$SCRATCH/learned.tsv")"
grep -q $'^정부' "$SCRATCH/learned.tsv" && fail "a word of the shipped lexicon was learned again: $(cat "$SCRATCH/learned.tsv")"

# The same input learns the same file.
run 0 learn-lexicon --pairs "$SCRATCH/pairs.tsv" --presplit -q -o "$SCRATCH/again.tsv"
cmp -s "$SCRATCH/learned.tsv" "$SCRATCH/again.tsv" || fail "learning is not deterministic"

# Reuse: align-text with --lexicon runs and covers every segment.
run 0 align-text --source "$SCRATCH/doc1.ko" --target "$SCRATCH/doc1.en" --presplit -q --lexicon "$SCRATCH/learned.tsv"
[ "$(wc -l <"$SCRATCH/out")" -ge 3 ] || fail "align-text --lexicon wrote too few beads: $(cat "$SCRATCH/out")"
grep -q '"source":\[0\],"target":\[0\]' "$SCRATCH/out" || fail "align-text --lexicon lost the first pair: $(cat "$SCRATCH/out")"

# align and batch take the same file; an empty learned lexicon changes nothing.
printf '# nothing learned\n' >"$SCRATCH/empty.tsv"
run 0 align "$SAMPLE_EN" -o "$SCRATCH/plain.tmx" -q
run 0 align "$SAMPLE_EN" -o "$SCRATCH/lex.tmx" -q --lexicon "$SCRATCH/learned.tsv"
run 0 align "$SAMPLE_EN" -o "$SCRATCH/empty.tmx" -q --lexicon "$SCRATCH/empty.tsv"
[ "$(grep -c '<tu ' "$SCRATCH/empty.tmx")" -eq "$(grep -c '<tu ' "$SCRATCH/plain.tmx")" ] || fail "an empty --lexicon changed align's units"
printf '%s\n' "$SAMPLE_EN" >"$SCRATCH/one.txt"
run 0 batch --list "$SCRATCH/one.txt" -o "$SCRATCH/batch.tmx" -q --lexicon "$SCRATCH/learned.tsv"
grep -q '<tu ' "$SCRATCH/batch.tmx" || fail "batch --lexicon wrote no units"
run 1 align "$SAMPLE_EN" -o "$SCRATCH/x.tmx" -q --lexicon "$SCRATCH/none.tsv"
expect_error "$SCRATCH/none.tsv: no such file"

# batch --learn-lexicon: two passes, the same TMX with 1 or 2 jobs, the saved lexicon
# reproduces the second pass with --lexicon, and no pass-1 file is left behind.
cp -r "$SOURCE_DIR/samples/mirror" "$SCRATCH/m"
run 0 batch "$SCRATCH/m" -o "$SCRATCH/l1.tmx" --learn-lexicon --save-lexicon "$SCRATCH/batch-lex.tsv" --jobs 1 -q
run 0 batch "$SCRATCH/m" -o "$SCRATCH/l2.tmx" --learn-lexicon --jobs 2 -q
run 0 batch "$SCRATCH/m" -o "$SCRATCH/l3.tmx" --lexicon "$SCRATCH/batch-lex.tsv" --jobs 2 -q
undated() { sed 's/ creationdate="[^"]*"//; s/<header [^>]*>/<header>/' "$1"; }
cmp -s <(undated "$SCRATCH/l1.tmx") <(undated "$SCRATCH/l2.tmx") || fail "batch --learn-lexicon differs between 1 and 2 jobs"
cmp -s <(undated "$SCRATCH/l1.tmx") <(undated "$SCRATCH/l3.tmx") || fail "--lexicon SAVED does not reproduce the second pass"
grep -q $'\t' "$SCRATCH/batch-lex.tsv" || fail "batch --save-lexicon wrote no entry: $(cat "$SCRATCH/batch-lex.tsv")"
[ "$(ls "$SCRATCH" | grep -c 'pass1\|lexicon.tsv')" -eq 0 ] || fail "pass-1 files left behind: $(ls "$SCRATCH")"
run 2 batch "$SCRATCH/m" -o "$SCRATCH/l4.tmx" --learn-lexicon --resume
expect_error "--learn-lexicon cannot --resume (the learning needs every first-pass bead); resume the second pass with --resume --lexicon FILE, FILE from --save-lexicon"
run 2 batch "$SCRATCH/m" -o "$SCRATCH/l4.tmx" --save-lexicon "$SCRATCH/x.tsv"
expect_error "--save-lexicon goes with --learn-lexicon"

# Failing inputs.
run 1 align-text --source "$SCRATCH/doc1.ko" --target "$SCRATCH/doc1.en" --lexicon "$SCRATCH/none.tsv"
expect_error "$SCRATCH/none.tsv: no such file"
printf 'no tab\n' >"$SCRATCH/bad.tsv"
run 1 align-text --source "$SCRATCH/doc1.ko" --target "$SCRATCH/doc1.en" --lexicon "$SCRATCH/bad.tsv"
expect_error "$SCRATCH/bad.tsv: line 1 has no tab between the Korean word and its English words"
run 1 learn-lexicon --pairs "$SCRATCH/doc1.ko" -o "$SCRATCH/x.tsv"
expect_error "$SCRATCH/doc1.ko: line 1 is not SOURCE<TAB>TARGET"
run 2 learn-lexicon --pairs "$SCRATCH/pairs.tsv"
expect_error "missing --pairs LIST or -o FILE"
run 2 learn-lexicon --pairs "$SCRATCH/pairs.tsv" -o "$SCRATCH/x.tsv" --min-llr inf
expect_error "--min-llr takes a number of at least 0, not 'inf'"
run 2 learn-lexicon --pairs "$SCRATCH/pairs.tsv" -o "$SCRATCH/x.tsv" --min-dice 1.5
expect_error "--min-dice takes a number from 0 to 1, not '1.5'"
run 2 learn-lexicon --pairs "$SCRATCH/pairs.tsv" -o "$SCRATCH/x.tsv" --min-count 2.5
expect_error "--min-count takes a whole number from 0 to 99999999, not '2.5'"

finish
