#!/usr/bin/env bash
# stream's own options. --lexicon: a lexicon learned by batch is used on the workers, so
# discover | stream --lexicon | merge gives the TMX of batch --lexicon. --jobs N: the same lines
# in the same order as one job, each written as soon as it and those before it are done.
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
expect_error "$SCRATCH/none.tsv: no such file"
[ ! -s "$SCRATCH/out" ] || fail "stream wrote outcomes without its lexicon"

# --jobs: byte-identical output, bad records and a failing pair included.
python3 "$SOURCE_DIR/bench/generate_pairs.py" "$SCRATCH/g" 20 --small --bad || fail "generate_pairs.py"
{ "$ARTALIGN" discover "$SCRATCH/g"; echo '{"id": 99, "translaton": "x"}'; echo 'not json'; } >"$SCRATCH/records.jsonl"
"$ARTALIGN" stream <"$SCRATCH/records.jsonl" >"$SCRATCH/one.jsonl" || fail "stream failed"
"$ARTALIGN" stream --jobs 3 <"$SCRATCH/records.jsonl" >"$SCRATCH/three.jsonl" || fail "stream --jobs 3 failed"
[ "$(wc -l <"$SCRATCH/one.jsonl")" -eq 24 ] || fail "expected 24 outcome lines, got $(wc -l <"$SCRATCH/one.jsonl")"
cmp -s "$SCRATCH/one.jsonl" "$SCRATCH/three.jsonl" || fail "stream --jobs 3 output != stream output"
# A record's line comes out while stdin is still open (a worker is not held up by reading).
coproc WORKER { "$ARTALIGN" stream --jobs 2; }
head -1 "$SCRATCH/records.jsonl" >&"${WORKER[1]}"
IFS= read -r -t 120 -u "${WORKER[0]}" first || fail "stream --jobs 2 did not answer a record while its input was open"
[ "$first" = "$(head -1 "$SCRATCH/one.jsonl")" ] || fail "stream --jobs 2 answered another line: $first"
exec {WORKER[1]}>&-
wait "$WORKER_PID" || fail "stream --jobs 2 exited non-zero"
run 2 stream --jobs 0
expect_error "--jobs takes a whole number from 1 to 1024, not '0'"
# Every option reads numbers the same way: plain digits (a sign or spaces were once taken here).
for jobs in +2 " 2" 2.0 1e1 0x2; do
  run 2 stream --jobs "$jobs"
  expect_error "--jobs takes a whole number from 1 to 1024, not '$jobs'"
done
finish
