#!/usr/bin/env bash
# artalign stream + merge: one outcome line per record (bad records included, never a crash),
# inline HTML, and stream run under GNU parallel then merged equals the single-process batch TMX.
source "$(dirname "$0")/lib.sh"

undated() { sed -E 's/creationdate="[^"]*"//g' "$1"; }
python3 "$SOURCE_DIR/bench/generate_pairs.py" "$SCRATCH/m" 60 --small || fail "generate_pairs.py"

# Records for every translation page, in path order (the order batch uses), numbered.
python3 - "$SCRATCH/m" >"$SCRATCH/records.jsonl" <<'PY'
import json, os, sys
root = sys.argv[1]
pages = sorted(os.path.join(d, f) for d, _, files in os.walk(os.path.join(root, "english.hani.co.kr")) for f in files)
for k, page in enumerate(pages, 1):
    print(json.dumps({"id": k, "translation": page, "mirror": root}))
PY

# --- Good, bad and inline records: one line out per line in, in order, exit 0.
python3 - "$SAMPLE_EN" "$SAMPLE_KO" >"$SCRATCH/mixed.jsonl" <<'PY'
import json, sys
en, ko = (open(p, encoding="utf-8").read() for p in sys.argv[1:3])
print(json.dumps({"id": 1, "translation": sys.argv[1]}))
print('{"id": 2, "translation": ')                       # not JSON
print(json.dumps({"id": 3, "translaton": "x.html"}))     # misspelt field
print(json.dumps({"id": 4, "translation": "/no/such/page.html"}))
print(json.dumps({"id": 5, "translation_html": en, "original_html": ko}))
print(json.dumps({"id": 6, "translation_html": "<html><body>menu</body></html>"}))
print(json.dumps({"id": 7, "translation": "https://example.org/a.html"}))
PY
"$ARTALIGN" stream <"$SCRATCH/mixed.jsonl" >"$SCRATCH/mixed.out" 2>"$SCRATCH/err"
status=$?
[ "$status" -eq 0 ] || fail "stream exited $status on bad records: $(cat "$SCRATCH/err")"
[ ! -s "$SCRATCH/err" ] || fail "stream wrote to stderr: $(cat "$SCRATCH/err")"
python3 - "$SCRATCH/mixed.out" <<'PY' || fail "stream outcomes are not as expected"
import json, sys
lines = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert len(lines) == 7, len(lines)
status = [line["status"] for line in lines]
assert status == ["aligned", "failed", "failed", "failed", "aligned", "skipped", "failed"], status
assert lines[0]["id"] == 1 and lines[4]["id"] == 5
assert "invalid JSON" in lines[1]["reason"] and lines[1]["key"] == "stdin line 2", lines[1]
assert 'unknown field "translaton"' in lines[2]["reason"], lines[2]
assert lines[3]["reason"].startswith("/no/such/page.html: "), lines[3]
assert "fetching is off" in lines[6]["reason"], lines[6]
assert lines[0]["units"] == lines[4]["units"] and len(lines[0]["units"]) > 8
assert lines[0]["coverage"]["schema"] == "artalign-coverage/1"
PY

# --- GNU parallel: 4 workers, 7 records each, output in whatever order they finish.
command -v parallel >/dev/null || { fail "GNU parallel is not installed (scripts/install-deps.sh)"; finish; }
parallel --will-cite --pipe -N 7 -j 4 "$ARTALIGN" stream <"$SCRATCH/records.jsonl" >"$SCRATCH/parallel.jsonl" 2>"$SCRATCH/err" \
  || fail "stream under parallel failed: $(cat "$SCRATCH/err")"
[ "$(wc -l <"$SCRATCH/parallel.jsonl")" -eq 60 ] || fail "expected 60 outcome lines from parallel"
run 0 merge "$SCRATCH/parallel.jsonl" -o "$SCRATCH/merged.tmx" --summary "$SCRATCH/merged.json"
run 0 batch "$SCRATCH/m" -o "$SCRATCH/batch.tmx" --jobs 2 -q
cmp -s <(undated "$SCRATCH/batch.tmx") <(undated "$SCRATCH/merged.tmx") || fail "merged parallel stream TMX != batch TMX"
xmllint --noout --dtdvalid "$DTD" "$SCRATCH/merged.tmx" 2>/dev/null || fail "merged TMX is not valid TMX"
# Outcome lines of earlier versions (the unit's "date" and "title", not "article_date" and
# "article_title") still merge, to the same TMX.
python3 - "$SCRATCH/parallel.jsonl" >"$SCRATCH/old_spelling.jsonl" <<'PY' || fail "outcome units are not spelt as expected"
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    record = json.loads(line)
    for unit in record.get("units", []):
        assert "date" not in unit and "title" not in unit, unit
        unit["date"] = unit.pop("article_date")
        unit["title"] = unit.pop("article_title")
    print(json.dumps(record, ensure_ascii=False))
PY
run 0 merge "$SCRATCH/old_spelling.jsonl" -o "$SCRATCH/old_spelling.tmx" -q
cmp -s <(undated "$SCRATCH/merged.tmx") <(undated "$SCRATCH/old_spelling.tmx") || fail "old-spelling outcomes merge differently"
# Lines in reverse order, and a retried task's repeat, merge to the same TMX.
{ tac "$SCRATCH/parallel.jsonl"; head -3 "$SCRATCH/parallel.jsonl"; } | "$ARTALIGN" merge - -o "$SCRATCH/shuffled.tmx" -q \
  || fail "merge of shuffled lines failed"
cmp -s <(undated "$SCRATCH/batch.tmx") <(undated "$SCRATCH/shuffled.tmx") || fail "merge depends on line order or repeats"
# batch --records reads the same records.
run 0 batch --records "$SCRATCH/records.jsonl" -o "$SCRATCH/records.tmx" -q
cmp -s <(undated "$SCRATCH/batch.tmx") <(undated "$SCRATCH/records.tmx") || fail "batch --records TMX != batch TMX"

# --- merge: failed records make exit 1; a line that is not an outcome is an error naming it.
run 1 merge "$SCRATCH/mixed.out" "$SCRATCH/mixed.out" -o "$SCRATCH/mixed.tmx" --summary "$SCRATCH/mixed.json"
# Twice the same lines: pairs with ids count once; the unreadable record (no id) twice.
python3 -c "import json,sys; s=json.load(open(sys.argv[1])); assert (s['aligned'], s['skipped'], s['failed']) == (2, 1, 5), s" \
  "$SCRATCH/mixed.json" || fail "merge summary of repeated records: $(cat "$SCRATCH/mixed.json")"
echo '{"a": 1}' >"$SCRATCH/junk.jsonl"
run 1 merge "$SCRATCH/junk.jsonl" -o "$SCRATCH/junk.tmx"
expect_error "$SCRATCH/junk.jsonl line 1: not an artalign pair record: no \"schema\""
[ ! -e "$SCRATCH/junk.tmx" ] || fail "a failed merge wrote a TMX"
run 2 merge -o "$SCRATCH/x.tmx"

# --- batch and discover | stream | merge name a failed pair alike: by its page, not a record id.
cp -r "$SCRATCH/m" "$SCRATCH/broken"
: >"$(find "$SCRATCH/broken" -path '*www.hani.co.kr*' -name '*.html' | sort | head -1)"  # an empty original
run 1 batch "$SCRATCH/broken" -o "$SCRATCH/broken-batch.tmx" --summary "$SCRATCH/broken-batch.json" --jobs 1 -q
"$ARTALIGN" discover "$SCRATCH/broken" >"$SCRATCH/broken.records" 2>/dev/null || fail "discover failed"
"$ARTALIGN" stream <"$SCRATCH/broken.records" >"$SCRATCH/broken.out" 2>/dev/null || fail "stream failed"
run 1 merge "$SCRATCH/broken.out" -o "$SCRATCH/broken-merge.tmx" --summary "$SCRATCH/broken-merge.json" -q
python3 - "$SCRATCH/broken-batch.json" "$SCRATCH/broken-merge.json" <<'PY' || fail "batch and merge name failures differently"
import json, sys
batch, merge = (json.load(open(name))["failures"] for name in sys.argv[1:])
assert len(batch) == 1 and batch == merge, (batch, merge)
assert batch[0]["key"].endswith(".html"), batch
PY

finish
