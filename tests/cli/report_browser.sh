#!/usr/bin/env bash
# The coverage report in a real browser (headless Chromium): the rendered page has one
# highlighted row per untranslated (1-0) bead and the header figures of the JSON report; a
# pair whose text holds markup renders it as text; a pair that is not a translation warns in
# every output. Screenshots are kept in $REPORT_OUTPUT_DIR for a person to look at.
source "$(dirname "$0")/lib.sh"

CHROMIUM=$(command -v chromium || command -v chromium-browser) || { echo "FAIL: chromium is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }
OUTPUT_DIR=${REPORT_OUTPUT_DIR:-$SCRATCH/output}
mkdir -p "$OUTPUT_DIR"

# browse HTML_FILE DOM_OUT [SCREENSHOT]: the DOM after rendering, and optionally a screenshot.
browse() {
  local profile; profile=$(mktemp -d)
  local flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run
               --disable-component-update --disable-sync --user-data-dir="$profile" --window-size=1280,1800)
  timeout 120 "$CHROMIUM" "${flags[@]}" --dump-dom "file://$1" >"$2" 2>"$SCRATCH/chromium.log" \
    || fail "chromium could not render $1: $(tail -3 "$SCRATCH/chromium.log")"
  if [ -n "${3:-}" ]; then
    timeout 120 "$CHROMIUM" "${flags[@]}" --screenshot="$3" "file://$1" >/dev/null 2>>"$SCRATCH/chromium.log" \
      || fail "chromium could not take a screenshot of $1"
    [ -s "$3" ] || fail "no screenshot written to $3"
  fi
  rm -rf "$profile"
}

# check_dom DOM JSON: the rendered rows and header figures agree with the JSON report.
check_dom() {
  python3 - "$1" "$2" <<'PY' || fail "rendered report disagrees with its JSON ($1)"
import json, sys
from html.parser import HTMLParser

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.figures, self.scripts, self.warning = [], {}, 0, False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr" and "bead" in a.get("class", "").split():
            self.rows.append(a["class"].split())
        if tag == "dd" and "id" in a:
            self.figures[a["id"]] = a.get("data-value")
        if tag == "script":
            self.scripts += 1
        if tag == "p" and a.get("id") == "warning":
            self.warning = True

page = Page()
page.feed(open(sys.argv[1], encoding="utf-8").read())
report = json.load(open(sys.argv[2], encoding="utf-8"))
figures = report["figures"]
problems = []
null_beads = sum(1 for b in report["beads"] if b["type"] == "1-0" or (b["source"] and not b["target"]))
untranslated_rows = sum(1 for classes in page.rows if "untranslated" in classes)
if untranslated_rows != null_beads:
    problems.append(f"{untranslated_rows} untranslated rows, {null_beads} 1-0 beads")
if untranslated_rows == 0 and not report["likely_not_translation"]:
    problems.append("no untranslated row at all: the sample should have some")
if len(page.rows) != len(report["beads"]):
    problems.append(f"{len(page.rows)} rows for {len(report['beads'])} beads")
for figure_id, key in [("sentence-coverage", "sentence_coverage"), ("character-coverage", "character_coverage"),
                       ("alignment-score", "alignment_score")]:
    if abs(float(page.figures[figure_id]) - figures[key]) > 1e-3:
        problems.append(f"{figure_id}: page {page.figures[figure_id]}, JSON {figures[key]}")
for figure_id, key in [("untranslated-sentences", "untranslated_sentences"), ("added-sentences", "added_sentences"),
                       ("omitted-paragraphs", "omitted_paragraphs"), ("units", "units"), ("weak-beads", "weak_beads")]:
    if int(page.figures[figure_id]) != figures[key]:
        problems.append(f"{figure_id}: page {page.figures[figure_id]}, JSON {figures[key]}")
if page.scripts != 2:
    problems.append(f"{page.scripts} script elements in the rendered page, expected the page's data and its editor")
if page.warning != report["likely_not_translation"]:
    problems.append(f"warning shown: {page.warning}, likely_not_translation: {report['likely_not_translation']}")
for p in problems:
    print("  " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
}

# 1. The bundled sample.
run 0 coverage "$SAMPLE_EN" --json -o "$SCRATCH/sample.json" --report "$SCRATCH/sample.html"
browse "$SCRATCH/sample.html" "$SCRATCH/sample.dom" "$OUTPUT_DIR/sample-report.png"
check_dom "$SCRATCH/sample.dom" "$SCRATCH/sample.json"
cp "$SCRATCH/sample.html" "$OUTPUT_DIR/sample-report.html"

# 2. Markup inside the article text renders as text, never as elements.
mkdir -p "$SCRATCH/hostile"
sed 's|북한은 지난해 말 노동당 전원회의에서|\&lt;script\&gt;alert(1)\&lt;/script\&gt; \&quot;인용\&quot; \&amp; 북한은 지난해 말 노동당 전원회의에서|' \
  "$SAMPLE_KO" >"$SCRATCH/hostile/ko.html"
grep -q '&lt;script&gt;alert(1)' "$SCRATCH/hostile/ko.html" || fail "could not plant markup in the Korean page"
run 0 coverage "$SAMPLE_EN" "$SCRATCH/hostile/ko.html" --json -o "$SCRATCH/hostile.json" --report "$SCRATCH/hostile.html"
browse "$SCRATCH/hostile.html" "$SCRATCH/hostile.dom"
check_dom "$SCRATCH/hostile.dom" "$SCRATCH/hostile.json"
grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' "$SCRATCH/hostile.dom" || fail "the planted markup is not shown as text"

# 3. A pair that is not a translation: a warning in every output.
unrelated="$SOURCE_DIR/tests/data/unrelated-ko.html"
run 0 coverage "$SAMPLE_EN" "$unrelated" --json -o "$SCRATCH/unrelated.json" --report "$SCRATCH/unrelated.html"
grep -q '^artalign: warning: These pages are probably not translations' "$SCRATCH/err" || fail "no warning on stderr"
grep -q '"likely_not_translation": true' "$SCRATCH/unrelated.json" || fail "JSON does not flag the unrelated pair"
browse "$SCRATCH/unrelated.html" "$SCRATCH/unrelated.dom" "$OUTPUT_DIR/unrelated-report.png"
check_dom "$SCRATCH/unrelated.dom" "$SCRATCH/unrelated.json"
run 0 coverage "$SAMPLE_EN" "$unrelated"
grep -q 'warning: These pages are probably not translations' "$SCRATCH/out" || fail "no warning in the people's view"
run 0 align "$SAMPLE_EN" "$unrelated" -o "$SCRATCH/unrelated.tmx"
grep -q '^artalign: warning: These pages are probably not translations' "$SCRATCH/err" || fail "align gives no warning"
units=$(grep -c '<tu ' "$SCRATCH/unrelated.tmx")
warned=$(grep -c '<prop type="x-warning">probably not a translation</prop>' "$SCRATCH/unrelated.tmx")
[ "$units" -gt 0 ] && [ "$warned" -eq "$units" ] || fail "$warned of $units TMX units carry the x-warning prop"
run 0 align "$SAMPLE_EN" "$unrelated" -o "$SCRATCH/unrelated.jsonl" --format jsonl
[ "$(grep -c '"warning":"probably not a translation"' "$SCRATCH/unrelated.jsonl")" -eq "$units" ] \
  || fail "JSONL units do not carry the warning"
run 0 align "$SAMPLE_EN" -o "$SCRATCH/sample.tmx"
grep -q 'x-warning' "$SCRATCH/sample.tmx" && fail "the sample pair's units carry a warning"
finish
