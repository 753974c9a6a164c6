#!/usr/bin/env bash
# artalign merge in bounded memory: records sorted in runs on disk give the bytes the records
# merged in memory give; files without a final newline (alone, or run together by cat);
# --skip-bad-lines; merges of merges (--outcomes) give the TMX of one merge of everything.
source "$(dirname "$0")/lib.sh"

undated() { sed -E 's/creationdate="[^"]*"//g' "$1"; }
export TMPDIR="$SCRATCH/tmp"  # the runs go here: nothing may be left in it
mkdir -p "$TMPDIR"

# 400 pairs (with repeats, skipped and failed ones, shuffled), and the cases the order rules
# are about: a pair failed in one record and aligned in a later one (the aligned one is kept),
# string ids, an id written 7.0 (another key than 7, the same place), a failed record without
# id (stream could not read the line; kept each time).
python3 "$SOURCE_DIR/bench/make_outcomes.py" 400 "$SCRATCH/generated.jsonl" || fail "make_outcomes.py"
python3 - "$SCRATCH/generated.jsonl" "$SCRATCH/all.jsonl" <<'PY' || fail "making the edge cases"
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
records = [json.loads(line) for line in lines]
aligned = [r for r in records if r["status"] == "aligned"]
failed_first = {"schema": "artalign-pair/1", "key": aligned[5]["key"], "id": aligned[5]["id"], "status": "failed",
                "reason": "a worker ran out of memory"}
named = dict(aligned[7], key='"page-b"', id="page-b")
named_earlier = dict(aligned[8], key='"page-a"', id="page-a")
seven = next(r for r in aligned if r["id"] == 7)
seven_again = dict(seven, key="7.0")
unread = {"schema": "artalign-pair/1", "key": "stdin line 2", "status": "failed", "reason": "stdin line 2: invalid JSON"}
extra = [failed_first, named, unread, named_earlier, seven_again, unread]
out = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in extra[:3]] + lines + \
      [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in extra[3:]]
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out) + "\n")
PY

merge_all() {  # merge_all NAME [ENV...]: merges all.jsonl to NAME.tmx, .cov, .json, .out
  local name=$1; shift
  env "$@" "$ARTALIGN" merge "$SCRATCH/all.jsonl" -o "$SCRATCH/$name.tmx" --coverage "$SCRATCH/$name.cov" \
    --summary "$SCRATCH/$name.json" --outcomes "$SCRATCH/$name.out" >"$SCRATCH/out" 2>"$SCRATCH/err"
  [ $? -eq 1 ] || fail "merge $name: expected exit 1 (failed pairs); stderr: $(cat "$SCRATCH/err")"
}
same_outputs() {  # same_outputs A B
  cmp -s <(undated "$SCRATCH/$1.tmx") <(undated "$SCRATCH/$2.tmx") || fail "$2 TMX != $1 TMX"
  for ext in cov json out; do cmp -s "$SCRATCH/$1.$ext" "$SCRATCH/$2.$ext" || fail "$2.$ext != $1.$ext"; done
}

# --- In memory (one run) and on disk (many runs; over 32, so runs are merged into bigger ones).
merge_all memory
grep -q "runs on disk" "$SCRATCH/err" && fail "400 records did not fit in one run in memory: $(cat "$SCRATCH/err")"
python3 - "$SCRATCH/memory.json" "$SCRATCH/memory.out" "$SCRATCH/all.jsonl" <<'PY' || fail "in-memory merge: $(cat "$SCRATCH/memory.json")"
import json, sys
summary = json.load(open(sys.argv[1]))
kept = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
ids = {json.dumps(r.get("id")) for r in map(json.loads, open(sys.argv[3], encoding="utf-8"))}
assert summary["pairs"] == len(kept) == len(ids) + 1 + 1, (summary["pairs"], len(kept), len(ids))  # 7.0; the unread twice
assert summary["duplicate_units"] > 50, summary  # the boilerplate unit
numbers = [r["id"] for r in kept if isinstance(r.get("id"), (int, float))]
assert numbers == sorted(numbers)
assert [r["key"] for r in kept if r.get("id") == 7] == ["7", "7.0"]
assert [r.get("id") for r in kept[-4:]] == ["page-a", "page-b", None, None], kept[-4:]
assert not any("out of memory" in r.get("reason", "") for r in kept)  # the aligned record is kept
PY
for size in 200000 12000; do
  merge_all "runs-$size" ARTALIGN_MERGE_RUN_BYTES=$size
  runs=$(sed -n 's/.* sorted in \([0-9]*\) runs on disk.*/\1/p' "$SCRATCH/err")
  [ "${runs:-0}" -ge 3 ] || fail "ARTALIGN_MERGE_RUN_BYTES=$size: expected several runs on disk: $(cat "$SCRATCH/err")"
  same_outputs memory "runs-$size"
done
[ "$runs" -gt 64 ] || fail "expected over 64 runs with 12000-byte runs, got $runs"
[ -z "$(ls -A "$TMPDIR")" ] || fail "merge left files in TMPDIR: $(ls "$TMPDIR")"

# --- Files without a final newline: alone, and run together by cat (Dask's part files).
split -n l/3 -d "$SCRATCH/all.jsonl" "$SCRATCH/part-"
for part in "$SCRATCH"/part-0*; do printf %s "$(cat "$part")" >"$part.trimmed"; done
[ "$(tail -c 1 "$SCRATCH/part-00.trimmed" | od -An -c | tr -d ' ')" = "}" ] || fail "the parts still end with a newline"
"$ARTALIGN" merge "$SCRATCH"/part-0*.trimmed -o "$SCRATCH/parts.tmx" -q 2>"$SCRATCH/err"
[ $? -eq 1 ] || fail "merge of parts without final newlines: $(cat "$SCRATCH/err")"
cmp -s <(undated "$SCRATCH/memory.tmx") <(undated "$SCRATCH/parts.tmx")  || fail "parts without final newlines: another TMX"
cat "$SCRATCH"/part-0*.trimmed | "$ARTALIGN" merge - -o "$SCRATCH/cat.tmx" --outcomes "$SCRATCH/cat.out" -q 2>"$SCRATCH/err"
[ $? -eq 1 ] || fail "merge of cat'ed parts without final newlines: $(cat "$SCRATCH/err")"
cmp -s <(undated "$SCRATCH/memory.tmx") <(undated "$SCRATCH/cat.tmx") || fail "cat of parts without final newlines: another TMX"
cmp -s "$SCRATCH/memory.out" "$SCRATCH/cat.out" || fail "cat of parts without final newlines: other outcomes"

# --- A cut-short line and a line of junk: refused (one line naming the file and line, nothing
# written), or with --skip-bad-lines reported and skipped.
python3 - "$SCRATCH/all.jsonl" "$SCRATCH/bad.jsonl" "$SCRATCH/good.jsonl" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
bad = list(lines)
bad[9] = bad[9][: len(bad[9]) // 2]
bad[19] = "not json at all"
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(bad) + "\n")
open(sys.argv[3], "w", encoding="utf-8").write("\n".join(l for k, l in enumerate(lines) if k not in (9, 19)) + "\n")
PY
run 1 merge "$SCRATCH/bad.jsonl" -o "$SCRATCH/bad.tmx" --summary "$SCRATCH/bad.json"
[ "$(wc -l <"$SCRATCH/err")" -eq 1 ] && grep -q "^artalign: error: $SCRATCH/bad.jsonl line 10: invalid JSON at column" "$SCRATCH/err" \
  || fail "a cut-short line: $(cat "$SCRATCH/err")"
[ -e "$SCRATCH/bad.tmx" ] || [ -e "$SCRATCH/bad.json" ] && fail "a refused merge wrote an output"
run 1 merge "$SCRATCH/bad.jsonl" -o "$SCRATCH/skipped.tmx" --skip-bad-lines -q
[ "$(wc -l <"$SCRATCH/err")" -eq 2 ] || fail "expected two warnings: $(cat "$SCRATCH/err")"
grep -q "^artalign: warning: $SCRATCH/bad.jsonl line 10: invalid JSON at column .* (line skipped)$" "$SCRATCH/err" \
  || fail "the cut-short line's warning: $(cat "$SCRATCH/err")"
grep -q "^artalign: warning: $SCRATCH/bad.jsonl line 20: invalid JSON at column 1: .* (line skipped)$" "$SCRATCH/err" \
  || fail "the junk line's warning: $(cat "$SCRATCH/err")"
run 1 merge "$SCRATCH/good.jsonl" -o "$SCRATCH/good.tmx" -q
cmp -s <(undated "$SCRATCH/good.tmx") <(undated "$SCRATCH/skipped.tmx") || fail "--skip-bad-lines: not the TMX of the good lines"
# A TMX is refused as such even so.
run 1 merge "$SCRATCH/memory.tmx" -o "$SCRATCH/x.tmx" --skip-bad-lines
expect_error "$SCRATCH/memory.tmx line 1: this is XML (a TMX memory?), not the JSON lines of artalign stream that merge reads"

# --- A tree of reducers: merge(merge(a, b), merge(c, d)) == merge(a, b, c, d).
split -n l/4 -d "$SCRATCH/all.jsonl" "$SCRATCH/quarter-"
q=("$SCRATCH"/quarter-0*)
"$ARTALIGN" merge "${q[0]}" "${q[1]}" --outcomes "$SCRATCH/ab.jsonl" -q 2>"$SCRATCH/err"; [ $? -le 1 ] || fail "merge a b: $(cat "$SCRATCH/err")"
"$ARTALIGN" merge "${q[2]}" "${q[3]}" --outcomes "$SCRATCH/cd.jsonl" -q 2>"$SCRATCH/err"; [ $? -le 1 ] || fail "merge c d: $(cat "$SCRATCH/err")"
[ -s "$SCRATCH/ab.jsonl" ] && [ -s "$SCRATCH/cd.jsonl" ] || fail "--outcomes wrote nothing"
"$ARTALIGN" merge "$SCRATCH/ab.jsonl" "$SCRATCH/cd.jsonl" -o "$SCRATCH/tree.tmx" --coverage "$SCRATCH/tree.cov" \
  --summary "$SCRATCH/tree.json" --outcomes "$SCRATCH/tree.out" -q 2>"$SCRATCH/err"
[ $? -eq 1 ] || fail "merge ab cd: $(cat "$SCRATCH/err")"
"$ARTALIGN" merge "${q[@]}" -o "$SCRATCH/flat.tmx" --coverage "$SCRATCH/flat.cov" --summary "$SCRATCH/flat.json" \
  --outcomes "$SCRATCH/flat.out" -q 2>"$SCRATCH/err"
[ $? -eq 1 ] || fail "merge a b c d: $(cat "$SCRATCH/err")"
same_outputs flat tree
same_outputs memory flat
# --min-score, --srclang and --tgtlang shape the TMX only: the outcomes a merge writes keep the
# pairs as aligned, so a tree of merges with the options at its root gives the flat merge's TMX.
"$ARTALIGN" merge "${q[@]}" -o "$SCRATCH/flat-en.tmx" --min-score 0.9 --srclang en-GB --tgtlang ko \
  --summary "$SCRATCH/flat-en.json" --outcomes "$SCRATCH/flat-en.out" -q 2>"$SCRATCH/err"
[ $? -eq 1 ] || fail "merge a b c d with options: $(cat "$SCRATCH/err")"
cmp -s "$SCRATCH/flat.out" "$SCRATCH/flat-en.out" || fail "--min-score/--srclang changed the --outcomes lines"
"$ARTALIGN" merge "$SCRATCH/ab.jsonl" "$SCRATCH/cd.jsonl" -o "$SCRATCH/tree-en.tmx" --min-score 0.9 --srclang en-GB \
  --tgtlang ko -q 2>"$SCRATCH/err"
[ $? -eq 1 ] || fail "merge ab cd with options: $(cat "$SCRATCH/err")"
cmp -s <(undated "$SCRATCH/flat-en.tmx") <(undated "$SCRATCH/tree-en.tmx") || fail "tree-en TMX != flat-en TMX"
python3 - "$SCRATCH/flat-en.tmx" "$SCRATCH/flat.tmx" "$SCRATCH/flat-en.json" <<'PY' || fail "merge --min-score 0.9 --srclang en-GB --tgtlang ko"
import json, sys, xml.etree.ElementTree as ET
lang = "{http://www.w3.org/XML/1998/namespace}lang"
turned, plain = (ET.parse(path).getroot() for path in sys.argv[1:3])
assert turned.find("header").get("srclang") == "en-GB"
units = list(turned.iter("tu"))
assert units and all([tuv.get(lang) for tuv in tu.findall("tuv")] == ["en-GB", "ko"] for tu in units)
assert all(float(p.text) >= 0.9 for p in turned.iter("prop") if p.get("type") == "x-score")
summary = json.load(open(sys.argv[3]))
assert summary["below_min_score_units"] > 0 and summary["min_score"] == 0.9, summary
assert len(units) == summary["units"] < len(list(plain.iter("tu"))), (len(units), summary)
PY
"$ARTALIGN" merge "$SCRATCH/ab.jsonl" --outcomes - >"$SCRATCH/stdout.jsonl" 2>"$SCRATCH/err"
cmp -s "$SCRATCH/ab.jsonl" "$SCRATCH/stdout.jsonl" || fail "a merge of merged outcomes changed them"
grep -q "^wrote standard output" "$SCRATCH/err" || fail "--outcomes -: $(cat "$SCRATCH/err")"
run 2 merge "$SCRATCH/ab.jsonl"
expect_error "missing -o/--output FILE for the TMX"

finish
