#!/usr/bin/env bash
# The protective limits (--max-page-size, --max-sentences; --max-fetch-time is in fetch.sh):
# hitting one is a one-line error naming the limit and its option, exit 1, no output written;
# batch counts such a pair as failed with that reason, stream reports it in the pair's line.
source "$(dirname "$0")/lib.sh"

out="$SCRATCH/memory.tmx"
echo "precious existing memory" >"$out"
keep() { grep -qx "precious existing memory" "$out" || fail "$1 damaged the existing output"; }

# --- --max-page-size: the translation page (7,034 bytes), or the original found by its link.
run 1 align "$SAMPLE_EN" -o "$out" --max-page-size 4K
expect_error "$SAMPLE_EN: page is 6.9 KB, over the 4 KB limit (--max-page-size)"
keep "a page over --max-page-size"
# Pair 2: the translation (3,345 bytes) is within 3,500, its original (3,792) is not.
run 1 align "$SOURCE_DIR/samples/mirror/english.hani.co.kr/arti/english_edition/e_national/1068251.html" -o "$out" \
  --max-page-size 3500
grep -qx "artalign: error: .*/www.hani.co.kr/arti/society/society_general/1067990.html: page is 3.7 KB, over the 3.4 KB limit (--max-page-size)" \
  "$SCRATCH/err" || fail "original over the limit: $(cat "$SCRATCH/err")"
run 1 extract "$SAMPLE_EN" --max-page-size 1k
expect_error "$SAMPLE_EN: page is 6.9 KB, over the 1 KB limit (--max-page-size)"
run 1 coverage "$SAMPLE_EN" --max-page-size 6K
expect_error "$SAMPLE_EN: page is 6.9 KB, over the 6 KB limit (--max-page-size)"
for size in 64M 64MB 7034 8k 1G; do
  run 0 align "$SAMPLE_EN" -o "$SCRATCH/ok.tmx" --max-page-size "$size" -q
done
for size in 0 -1 64X 1.5M M 99999999999999 2T; do
  run 2 align "$SAMPLE_EN" -o "$out" --max-page-size "$size"
  expect_error "--max-page-size takes a size such as 64M, 512K or 1000000 (bytes), not '$size'"
done
keep "a bad --max-page-size"

# --- --max-sentences: the original has 17 sentences, the translation 14.
run 1 align "$SAMPLE_EN" -o "$out" --max-sentences 16
expect_error "http://www.hani.co.kr/arti/international/america/927886.html: the article has 17 sentences, over the 16 limit (--max-sentences)"
run 1 align "$SAMPLE_EN" "$SAMPLE_KO" -o "$out" --max-sentences 16
expect_error "$SAMPLE_KO: the article has 17 sentences, over the 16 limit (--max-sentences)"
keep "an article over --max-sentences"
run 0 align "$SAMPLE_EN" -o "$SCRATCH/ok.tmx" --max-sentences 17
grep -q "(13 units)" "$SCRATCH/out" || fail "--max-sentences 17: $(cat "$SCRATCH/out")"
run 2 coverage "$SAMPLE_EN" --max-sentences none
expect_error "--max-sentences takes a whole number of sentences from 1 to 99999999, not 'none'"
run 2 extract "$SAMPLE_EN" --max-fetch-time 0
expect_error "--max-fetch-time takes a whole number of seconds from 1 to 99999, not '0'"

# --- batch: the pair whose page is over the limit fails with the limit as its reason; the
# others are aligned and written.
run 1 batch "$SOURCE_DIR/samples/mirror" -o "$SCRATCH/batch.tmx" --summary "$SCRATCH/batch.json" --max-page-size 6K
python3 - "$SCRATCH/batch.json" "$SAMPLE_EN" <<'PY' || fail "batch summary: $(cat "$SCRATCH/batch.json")"
import json, sys
summary = json.load(open(sys.argv[1]))
assert (summary["aligned"], summary["failed"]) == (3, 1), summary
assert sys.argv[2] + ": page is 6.9 KB, over the 6 KB limit (--max-page-size)" in json.dumps(summary, ensure_ascii=False)
PY
grep -q "page is 6.9 KB, over the 6 KB limit (--max-page-size)" "$SCRATCH/out" || fail "batch does not print the reason: $(cat "$SCRATCH/out")"
grep -q "<tu " "$SCRATCH/batch.tmx" || fail "batch wrote no units for the pairs within the limits"
run 1 batch "$SOURCE_DIR/samples/mirror" -o "$SCRATCH/batch2.tmx" --summary "$SCRATCH/batch2.json" --max-sentences 16 -q
grep -q "the article has 17 sentences, over the 16 limit (--max-sentences)" "$SCRATCH/batch2.json" \
  || fail "batch --max-sentences: $(cat "$SCRATCH/batch2.json")"

# --- stream: the record over the limit gets a failed line with the reason; the next one is fine.
printf '{"id": 1, "translation": "%s", "original": "%s"}\n{"id": 2, "translation_html": "<html><body><p>%s</p></body></html>"}\n' \
  "$SAMPLE_EN" "$SAMPLE_KO" "$(printf 'x%.0s' $(seq 300))" >"$SCRATCH/records.jsonl"
"$ARTALIGN" stream --max-page-size 6K <"$SCRATCH/records.jsonl" >"$SCRATCH/outcomes.jsonl" 2>"$SCRATCH/err" \
  || fail "stream exited $?: $(cat "$SCRATCH/err")"
python3 - "$SCRATCH/outcomes.jsonl" "$SAMPLE_EN" <<'PY' || fail "stream outcomes: $(cat "$SCRATCH/outcomes.jsonl")"
import json, sys
lines = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert len(lines) == 2, lines
assert lines[0]["status"] == "failed", lines[0]
assert lines[0]["reason"] == sys.argv[2] + ": page is 6.9 KB, over the 6 KB limit (--max-page-size)", lines[0]
assert lines[1]["id"] == 2 and "over the 6 KB limit" not in lines[1].get("reason", ""), lines[1]
PY

[ "$(ls -A "$SCRATCH" | grep -c '\.tmp-')" -eq 0 ] || fail "a temporary file was left behind"
finish
