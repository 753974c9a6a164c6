#!/usr/bin/env bash
# stream --lexicon: a lexicon learned by batch is used on the workers, so
# discover | stream --lexicon | merge gives the TMX of batch --lexicon.
source "$(dirname "$0")/lib.sh"

undated() { sed -E 's/creationdate="[^"]*"//g' "$1"; }
cp -r "$SOURCE_DIR/samples/mirror" "$SCRATCH/m"
run 0 batch "$SCRATCH/m" -o "$SCRATCH/learned.tmx" --learn-lexicon --save-lexicon "$SCRATCH/lexicon.tsv" -q
grep -q $'\t' "$SCRATCH/lexicon.tsv" || fail "batch learned nothing: $(cat "$SCRATCH/lexicon.tsv")"
run 0 batch "$SCRATCH/m" -o "$SCRATCH/batch.tmx" --lexicon "$SCRATCH/lexicon.tsv" -q
# The lexicon changes the scores, so a worker that ignored it would give another TMX.
run 0 batch "$SCRATCH/m" -o "$SCRATCH/plain.tmx" -q
cmp -s <(undated "$SCRATCH/batch.tmx") <(undated "$SCRATCH/plain.tmx") && fail "the lexicon changes nothing here: no test"
"$ARTALIGN" discover "$SCRATCH/m" | "$ARTALIGN" stream --lexicon "$SCRATCH/lexicon.tsv" >"$SCRATCH/outcomes.jsonl" \
  || fail "stream --lexicon failed"
run 0 merge "$SCRATCH/outcomes.jsonl" -o "$SCRATCH/merged.tmx" -q
cmp -s <(undated "$SCRATCH/batch.tmx") <(undated "$SCRATCH/merged.tmx") || fail "stream --lexicon TMX != batch --lexicon TMX"
# The lexicon is read once, before any record: a missing one stops the worker with the reason.
echo '{"id": 1, "translation": "x.html"}' | "$ARTALIGN" stream --lexicon "$SCRATCH/none.tsv" >"$SCRATCH/out" 2>"$SCRATCH/err"
[ $? -eq 1 ] || fail "stream with a missing --lexicon did not exit 1"
expect_error "$SCRATCH/none.tsv: cannot read the lexicon (does it exist?)"
[ ! -s "$SCRATCH/out" ] || fail "stream wrote outcomes without its lexicon"
finish
