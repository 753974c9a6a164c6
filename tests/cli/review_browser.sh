#!/usr/bin/env bash
# The review page in a real browser: headless Debian chromium driven by playwright-core (from
# npm, installed here from tests/browser/package-lock.json; no browser is downloaded). A review
# by mouse and keyboard (tests/browser/review_page_test.js), then its exports are checked: the
# TMX against the DTD and with artalign validate, and align --corrections must rebuild the
# same TMX from the pages. Planted markup stays text in the page and every export. A
# 300-sentence page's load and click times are printed. Screenshots go to $REVIEW_OUTPUT_DIR.
source "$(dirname "$0")/lib.sh"

CHROMIUM=$(command -v chromium || command -v chromium-browser) || { echo "FAIL: chromium is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }
command -v npm >/dev/null || { echo "FAIL: npm is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }
OUTPUT_DIR=${REVIEW_OUTPUT_DIR:-$SCRATCH/output}
mkdir -p "$OUTPUT_DIR"

# playwright-core, pinned by the lock file, in a folder of the build (reused while the lock is unchanged).
DEPS=${BROWSER_DEPS_DIR:-$SCRATCH/browser-deps}
if ! cmp -s "$SOURCE_DIR/tests/browser/package-lock.json" "$DEPS/package-lock.json" || [ ! -d "$DEPS/node_modules/playwright-core" ]; then
  rm -rf "$DEPS" && mkdir -p "$DEPS"
  cp "$SOURCE_DIR/tests/browser/package.json" "$SOURCE_DIR/tests/browser/package-lock.json" "$DEPS/"
  (cd "$DEPS" && timeout 300 npm ci --no-audit --no-fund --loglevel=error >"$SCRATCH/npm.log" 2>&1) \
    || { echo "FAIL: npm ci of playwright-core failed: $(tail -3 "$SCRATCH/npm.log")" >&2; exit 1; }
fi
export PLAYWRIGHT_CORE="$DEPS/node_modules/playwright-core" CHROMIUM
DRIVER="$SOURCE_DIR/tests/browser/review_page_test.js"

# same_tmx A B: the same bytes but for the creation dates.
same_tmx() {
  diff <(sed 's/creationdate="[^"]*"//' "$1") <(sed 's/creationdate="[^"]*"//' "$2") >"$SCRATCH/tmx.diff" \
    || fail "$1 and $2 differ: $(head -6 "$SCRATCH/tmx.diff")"
}

# check_tmx FILE: valid against the DTD and for artalign validate.
check_tmx() {
  xmllint --noout --dtdvalid "$DTD" "$1" 2>"$SCRATCH/xmllint.err" || fail "$1 is not valid against the DTD: $(head -3 "$SCRATCH/xmllint.err")"
  run 0 validate "$1"
}

# 1. A review of the sample pair by mouse and keyboard.
run 0 align "$SAMPLE_EN" -o "$SCRATCH/sample.tmx" --report "$SCRATCH/sample.html"
node "$DRIVER" review "$SCRATCH/sample.html" "$OUTPUT_DIR" || fail "the review in the browser failed"
cp "$SCRATCH/sample.html" "$OUTPUT_DIR/review-page.html"
check_tmx "$OUTPUT_DIR/corrected.tmx"
grep -q '<prop type="x-reviewed">yes</prop>' "$OUTPUT_DIR/corrected.tmx" || fail "no unit of the exported TMX is marked reviewed"
# The decisions last: align --corrections rebuilds the TMX the page exported.
run 0 align "$SAMPLE_EN" -o "$SCRATCH/rerun.tmx" --corrections "$OUTPUT_DIR/corrections.json" --report "$SCRATCH/rerun.html"
[ ! -s "$SCRATCH/err" ] || fail "applying the page's own corrections reported: $(cat "$SCRATCH/err")"
check_tmx "$SCRATCH/rerun.tmx"
same_tmx "$OUTPUT_DIR/corrected.tmx" "$SCRATCH/rerun.tmx"
# The page made by that run exports it again, untouched; and any untouched page exports the
# TMX align wrote beside it, whichever side is the source and whatever was left out (one
# browser for the four pages).
run 0 align "$SAMPLE_EN" -o "$SCRATCH/english-source.tmx" --srclang en --min-score 0.95 --no-dedupe --report "$SCRATCH/english-source.html"
# A pair that is not a translation: every unit warned about, and shown as doubtful.
run 0 align "$SAMPLE_EN" "$SOURCE_DIR/tests/data/unrelated-ko.html" -o "$SCRATCH/unrelated.tmx" --min-score 0.2 --report "$SCRATCH/unrelated.html"
node "$DRIVER" export "$SCRATCH/rerun.html" "$SCRATCH/untouched" "$SCRATCH/sample.html" "$SCRATCH/english-source.html" \
  "$SCRATCH/unrelated.html" || fail "exporting untouched pages failed"
for name in rerun sample english-source unrelated; do
  same_tmx "$SCRATCH/$name.tmx" "$SCRATCH/untouched/$name.tmx"
done
grep -q 'x-warning' "$SCRATCH/unrelated.tmx" || fail "the unrelated pair's units carry no warning"
grep -q '<tr class="bead weak' "$SCRATCH/unrelated.html" || fail "no unit of the unrelated pair is shown as doubtful"
grep -q '<tr class="bead" ' "$SCRATCH/unrelated.html" && fail "a unit of the unrelated pair looks like a normal row"

# 2. A correction that no longer applies is reported, one line each, never dropped silently.
python3 - "$OUTPUT_DIR/corrections.json" "$SCRATCH/stale.json" <<'PY'
import json, sys
corrections = json.load(open(sys.argv[1], encoding="utf-8"))
corrections["corrections"].append({"action": "pair", "source": [{"text": "문장이 사라졌다.", "index": 3}],
                                   "target": [{"text": "A sentence that is gone.", "index": 3}]})
json.dump(corrections, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
run 0 align "$SAMPLE_EN" -o "$SCRATCH/stale.tmx" --corrections "$SCRATCH/stale.json" --report "$SCRATCH/stale.html"
stale_line="artalign: warning: $SCRATCH/stale.json: correction $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["corrections"]))' "$SCRATCH/stale.json") (pair) no longer applies: the original has no sentence \"문장이 사라졌다.\""
grep -qxF "$stale_line" "$SCRATCH/err" || fail "stale correction not reported as '$stale_line': $(cat "$SCRATCH/err")"
[ "$(wc -l <"$SCRATCH/err")" -eq 1 ] || fail "expected one line on stderr: $(cat "$SCRATCH/err")"
same_tmx "$OUTPUT_DIR/corrected.tmx" "$SCRATCH/stale.tmx"
grep -qF '문장이 사라졌다.' "$SCRATCH/stale.html" || fail "the page's export forgets the stale correction"
run 1 align "$SAMPLE_EN" -o "$SCRATCH/bad.tmx" --corrections "$SCRATCH/sample.tmx"
[ "$(wc -l <"$SCRATCH/err")" -eq 1 ] && grep -q "^artalign: error: $SCRATCH/sample.tmx: invalid JSON" "$SCRATCH/err" \
  || fail "a bad corrections file should give one line naming it: $(cat "$SCRATCH/err")"
[ ! -e "$SCRATCH/bad.tmx" ] || fail "a bad corrections file still wrote the TMX"

# 3. Untrusted text stays inert: planted markup in the article, the title and the URL.
mkdir -p "$SCRATCH/hostile"
sed -e 's|북한은 지난해 말 노동당 전원회의에서|\&lt;script\&gt;alert(1)\&lt;/script\&gt; \&quot;\&gt;\&lt;img src=x onerror=alert(2)\&gt; 북한은 지난해 말 노동당 전원회의에서|' \
  "$SAMPLE_KO" >"$SCRATCH/hostile/ko.html"
sed -e 's|<h3>Trump says|<h3>\&lt;script\&gt;alert(1)\&lt;/script\&gt; \&quot;\&gt;\&lt;img src=x onerror=alert(2)\&gt; Trump says|' \
    -e 's|<meta property="og:title" content="Trump says|<meta property="og:title" content="\&lt;script\&gt;alert(1)\&lt;/script\&gt; \&quot;\&gt;\&lt;img src=x onerror=alert(2)\&gt; Trump says|' \
    -e 's|e_international/928034.html" />|e_international/\&quot;\&gt;\&lt;img src=x onerror=alert(3)\&gt;\&lt;script\&gt;alert(4)\&lt;/script\&gt;.html" />|' \
    -e 's|<title>Trump says|<title>\&lt;script\&gt;alert(1)\&lt;/script\&gt; \&quot;\&gt;\&lt;img src=x onerror=alert(2)\&gt; Trump says|' \
  "$SAMPLE_EN" >"$SCRATCH/hostile/en.html"
# A local page's URL is its path: plant markup there too.
hostile_dir="$SCRATCH/hostile/\"><img src=x onerror=alert(3)><script>alert(4)<"
mkdir -p "$hostile_dir" && cp "$SCRATCH/hostile/en.html" "$hostile_dir/en.html"
run 0 align "$hostile_dir/en.html" "$SCRATCH/hostile/ko.html" -o "$SCRATCH/hostile.tmx" --report "$SCRATCH/hostile.html"
grep -q 'onerror=alert(3)' "$SCRATCH/hostile.tmx" || fail "the planted URL did not reach the TMX (the test plants nothing)"
node "$DRIVER" hostile "$SCRATCH/hostile.html" "$SCRATCH/hostile-output" || fail "planted markup is live in the page"
check_tmx "$SCRATCH/hostile-output/hostile.tmx"
grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' "$SCRATCH/hostile-output/hostile.tmx" || fail "the planted <script> is not escaped in the exported TMX"
grep -qF 'onerror=alert(3)' "$SCRATCH/hostile-output/hostile.tmx" || fail "the planted URL is not in the exported TMX"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert any("<script>alert(1)</script>" in s["text"] for c in d["corrections"] for s in c.get("source",[])+c.get("target",[]))' \
  "$SCRATCH/hostile-output/hostile-corrections.json" || fail "the planted text did not survive into the corrections as text"
run 0 align "$hostile_dir/en.html" "$SCRATCH/hostile/ko.html" -o "$SCRATCH/hostile-rerun.tmx" --corrections "$SCRATCH/hostile-output/hostile-corrections.json"
same_tmx "$SCRATCH/hostile-output/hostile.tmx" "$SCRATCH/hostile-rerun.tmx"

# 4. The batch index is a work queue: every pair, links both ways, filters, sorting, bins.
python3 "$SOURCE_DIR/bench/generate_pairs.py" "$SCRATCH/mirror" 6 --small --bad || fail "generate_pairs.py failed"
run 1 batch "$SCRATCH/mirror" -o "$SCRATCH/batch.tmx" --report-dir "$SCRATCH/reports" -q
node "$DRIVER" index "$SCRATCH/reports/index.html" "$OUTPUT_DIR" || fail "the batch index in the browser failed"
# batch --corrections-dir: a pair page's export, dropped in the directory, applies on the next run.
pair_page=$(grep -o 'href="pairs/[0-9]*\.html"' "$SCRATCH/reports/index.html" | head -1 | cut -d'"' -f2)
node "$DRIVER" batch "$SCRATCH/reports/$pair_page" "$SCRATCH/corrections" || fail "reviewing a batch pair page failed"
run 1 batch "$SCRATCH/mirror" -o "$SCRATCH/batch2.tmx" --report-dir "$SCRATCH/reports2" --corrections-dir "$SCRATCH/corrections" -q
[ "$(grep -c '<prop type="x-reviewed">yes</prop>' "$SCRATCH/batch2.tmx")" -eq 1 ] || fail "batch did not apply the accepted unit"
# The pair's units in the index (its row's seventh cell): one fewer after the rejection.
pair_units() { grep -F "href=\"$pair_page\"" "$1" | grep -o '<td data-sort="[0-9.]*">' | sed -n 5p | grep -o '[0-9]*'; }
[ "$(pair_units "$SCRATCH/reports2/index.html")" -eq $(( $(pair_units "$SCRATCH/reports/index.html") - 1 )) ] \
  || fail "batch did not apply the rejected unit: $(pair_units "$SCRATCH/reports/index.html") then $(pair_units "$SCRATCH/reports2/index.html") units"
[ "$(grep -c 'data-reviewed="reviewed"' "$SCRATCH/reports2/index.html")" -eq 1 ] || fail "the index does not show the pair as reviewed"
python3 - "$SCRATCH"/corrections/corrections-*.json <<'PY'
import json, sys
corrections = json.load(open(sys.argv[1], encoding="utf-8"))
corrections["corrections"].append({"action": "untranslated", "source": [{"text": "없어진 문장.", "index": 0}]})
json.dump(corrections, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
PY
run 1 batch "$SCRATCH/mirror" -o "$SCRATCH/batch4.tmx" --corrections-dir "$SCRATCH/no-such-dir" -q
expect_error "$SCRATCH/no-such-dir: is not a directory (expected the corrections directory)"
run 1 batch "$SCRATCH/mirror" -o "$SCRATCH/batch3.tmx" --corrections-dir "$SCRATCH/corrections" -q
[ "$(grep -c 'artalign: warning: .*corrections-[0-9a-f]*\.json: correction 3 (untranslated) no longer applies: the original has no sentence "없어진 문장."$' "$SCRATCH/err")" -eq 1 ] \
  || fail "batch did not report the stale correction: $(cat "$SCRATCH/err")"

# 5. A 300-sentence pair: load and click times (figures printed; wide margins only).
python3 "$SOURCE_DIR/tests/browser/long_pair.py" "$SAMPLE_EN" "$SAMPLE_KO" 22 "$SCRATCH/long"
run 0 align "$SCRATCH/long/en.html" "$SCRATCH/long/ko.html" -o "$SCRATCH/long.tmx" --report "$SCRATCH/long.html"
node "$DRIVER" timing "$SCRATCH/long.html" "$SCRATCH/long-output" || fail "the long page is slow or broken"
finish
