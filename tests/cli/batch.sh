#!/usr/bin/env bash
# artalign batch: the same TMX whatever --jobs, bad pages counted (exit 1) not fatal, every
# output written, and a run killed halfway (SIGKILL, and Ctrl-C) resumed to the same TMX.
source "$(dirname "$0")/lib.sh"

generate() { python3 "$SOURCE_DIR/bench/generate_pairs.py" "$@" || fail "generate_pairs.py $*"; }
undated() { sed -E 's/creationdate="[^"]*"//g' "$1"; }
tu_count() { grep -c '<tu ' "$1"; }
json_field() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$1" "$2"; }
# check_page_labels TMX REPORT_DIR LEFT_OUT: every row of every pair page is labelled as the run's
# TMX has its unit (the tu whose Korean and English segments are the row's texts): its tuid,
# "= TUID" for a repeat left out (at least one), "–" for no unit; each tuid labels exactly one
# row; LEFT_OUT says whether units left out by --min-score ("–" rows with both sides) must occur.
check_page_labels() {
  python3 - "$@" <<'PY' || fail "the pair pages of $2 are not labelled with the tuids of $1"
import glob, re, sys, xml.etree.ElementTree as ET
from html.parser import HTMLParser
tmx, pages, left_out_expected = sys.argv[1], sys.argv[2], sys.argv[3] == "yes"
lang = "{http://www.w3.org/XML/1998/namespace}lang"
units = {}
for tu in ET.parse(tmx).iter("tu"):
    texts = {tuv.get(lang)[:2]: tuv.find("seg").text for tuv in tu.findall("tuv")}
    units[tu.get("tuid")] = (texts["ko"], texts["en"])

class Rows(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.where, self.side, self.depth = [], None, None, 0
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tbody" and a.get("id") == "rows": self.where = "body"
        elif self.where and tag == "tr": self.rows.append({"label": "", "title": "", "source": [], "target": []})
        elif self.where and tag == "th": self.where, self.rows[-1]["title"] = "label", a.get("title", "")
        elif self.where and tag == "span" and a.get("class") == "sentence":
            self.side = a["data-side"]; self.rows[-1][self.side].append("")
        elif self.side and tag == "span" and a.get("class") == "pilcrow": self.side = ("pilcrow", self.side)
    def handle_endtag(self, tag):
        if tag == "tbody": self.where = None
        elif tag == "th" and self.where == "label": self.where = "body"
        elif tag == "span" and self.side:
            self.side = self.side[1] if isinstance(self.side, tuple) else None
    def handle_data(self, data):
        if self.where == "label": self.rows[-1]["label"] += data
        elif isinstance(self.side, str): self.rows[-1][self.side][-1] += data

def clean(parts): return re.sub(r"\s+", " ", " ".join(parts)).strip()
labelled, repeats, left_out = {}, 0, 0
for page in sorted(glob.glob(pages + "/pairs/*.html")):
    parser = Rows()
    parser.feed(open(page, encoding="utf-8").read())
    assert parser.rows, page
    for row in parser.rows:
        label, texts = row["label"], (clean(row["source"]), clean(row["target"]))
        if not row["source"] or not row["target"]:
            assert label == "–", (page, label, texts)
        elif label.isdigit():
            assert units.get(label) == texts, (page, label, texts, units.get(label))
            assert label not in labelled, (label, page, labelled.get(label))
            labelled[label] = page
        elif label.startswith("= "):
            assert units.get(label[2:]) == texts, (page, label, texts, units.get(label[2:]))
            assert "exact repeat" in row["title"], row["title"]
            repeats += 1
        else:
            assert label == "–", (page, label)
            left_out += 1
assert sorted(labelled) == sorted(units), "tuids labelling no row: %s" % sorted(set(units) - set(labelled))[:5]
assert repeats > 0, "no repeat labelled"
assert (left_out > 0) == left_out_expected, left_out
print("labels: %d tuids, %d repeats, %d left out" % (len(labelled), repeats, left_out))
PY
}
# wait_for_journal FILE LINES: waits (30 s at most) until a running batch's journal has LINES lines.
wait_for_journal() {
  for _ in $(seq 1 3000); do
    [ "$(wc -l <"$1" 2>/dev/null || echo 0)" -ge "$2" ] && break
    sleep 0.01
  done
}

# --- 40 pairs, a section index page (skipped) and a pair whose original is missing (failed).
generate "$SCRATCH/m" 40 --small --bad
for jobs in 1 8; do
  run 1 batch "$SCRATCH/m" -o "$SCRATCH/j$jobs.tmx" --jobs "$jobs" --coverage "$SCRATCH/j$jobs.jsonl" \
    --summary "$SCRATCH/j$jobs.json" --report-dir "$SCRATCH/r$jobs"
done
cmp -s <(undated "$SCRATCH/j1.tmx") <(undated "$SCRATCH/j8.tmx") || fail "TMX differs between --jobs 1 and --jobs 8"
cmp -s "$SCRATCH/j1.jsonl" "$SCRATCH/j8.jsonl" || fail "coverage JSONL differs between --jobs 1 and --jobs 8"
cmp -s "$SCRATCH/r1/index.html" "$SCRATCH/r8/index.html" || fail "report index differs between --jobs 1 and --jobs 8"
diff -r "$SCRATCH/r1/pairs" "$SCRATCH/r8/pairs" >/dev/null || fail "report pages differ between --jobs 1 and --jobs 8"
check_page_labels "$SCRATCH/j1.tmx" "$SCRATCH/r1" no
xmllint --noout --dtdvalid "$DTD" "$SCRATCH/j1.tmx" 2>"$SCRATCH/xmllint" || fail "batch TMX is not valid TMX: $(cat "$SCRATCH/xmllint")"
[ "$(json_field "$SCRATCH/j1.json" aligned)" = 40 ] || fail "summary: expected 40 aligned"
[ "$(json_field "$SCRATCH/j1.json" skipped)" = 1 ] || fail "summary: expected 1 skipped"
[ "$(json_field "$SCRATCH/j1.json" failed)" = 1 ] || fail "summary: expected 1 failed"
grep -q "failed: .*199999.html: the original http://www.hani.co.kr/arti/international/america/999999.html is not in the mirror" \
  "$SCRATCH/out" || fail "the failure and its reason are not in the printed summary: $(cat "$SCRATCH/out")"
[ "$(wc -l <"$SCRATCH/j1.jsonl")" -eq 40 ] || fail "expected one coverage line per aligned pair"
[ "$(ls "$SCRATCH/r1/pairs" | wc -l)" -eq 40 ] || fail "expected one report page per aligned pair"
units=$(json_field "$SCRATCH/j1.json" units)
[ "$(tu_count "$SCRATCH/j1.tmx")" -eq "$units" ] || fail "summary units ($units) != <tu> in the TMX"
[ "$(json_field "$SCRATCH/j1.json" duplicate_units)" -gt 0 ] || fail "generated articles share paragraphs: expected repeats left out"
# Exact repeats are gone: no (source, target) pair appears twice.
python3 - "$SCRATCH/j1.tmx" <<'PY' || fail "the batch TMX holds a repeated unit"
import sys, xml.etree.ElementTree as ET
seen = set()
for tu in ET.parse(sys.argv[1]).getroot().iter("tu"):
    key = tuple(seg.text for seg in tu.iter("seg"))
    assert key not in seen, key
    seen.add(key)
PY
[ -f "$SCRATCH/j1.tmx.journal" ] || fail "the journal should be kept after a run with failures (to retry them)"
run 1 batch "$SCRATCH/m" -o "$SCRATCH/j1.tmx" -q
expect_error "$SCRATCH/j1.tmx.journal: a journal from an earlier run exists: add --resume to continue that run, or delete it"
run 0 batch --list /dev/null -o "$SCRATCH/empty.tmx" -q
xmllint --noout --dtdvalid "$DTD" "$SCRATCH/empty.tmx" 2>/dev/null || fail "an empty run should write a valid empty TMX"
[ ! -f "$SCRATCH/empty.tmx.journal" ] || fail "the journal of a run without failures should be removed"
run 2 batch "$SCRATCH/m" --list x -o "$SCRATCH/x.tmx"
run 2 batch "$SCRATCH/m" -o "$SCRATCH/x.tmx" --jobs 0
run 1 batch "$SCRATCH/m" -o "$SCRATCH/early.tmx" --summary "$SCRATCH/no/such/dir/s.json" -q
expect_error "$SCRATCH/no/such/dir/s.json: directory $SCRATCH/no/such/dir does not exist"
[ ! -e "$SCRATCH/early.tmx.journal" ] || fail "an unwritable output should stop the run before any work"
run 1 batch "$SCRATCH/no-such-dir" -o "$SCRATCH/x.tmx" -q
expect_error "$SCRATCH/no-such-dir: is not a directory (expected a site mirror: DIR/host/path.html)"

# --- One pair: batch writes the TMX align writes.
run 0 align "$SAMPLE_EN" -o "$SCRATCH/align.tmx" -q
echo "$SAMPLE_EN" >"$SCRATCH/one.txt"
run 0 batch --list "$SCRATCH/one.txt" -o "$SCRATCH/one.tmx" -q
cmp -s <(undated "$SCRATCH/align.tmx") <(undated "$SCRATCH/one.tmx") || fail "batch of the sample pair != align's TMX"
# With --min-score, --srclang en and --tgtlang too: English the source, weak units out, as align.
run 0 align "$SAMPLE_EN" -o "$SCRATCH/align-en.tmx" --min-score 0.9995 --srclang en --tgtlang ko-KR -q
run 0 batch --list "$SCRATCH/one.txt" -o "$SCRATCH/one-en.tmx" --min-score 0.9995 --srclang en --tgtlang ko-KR -q
cmp -s <(undated "$SCRATCH/align-en.tmx") <(undated "$SCRATCH/one-en.tmx") ||
  fail "batch --min-score 0.9995 --srclang en --tgtlang ko-KR != align's TMX with them"
grep -q 'srclang="en"' "$SCRATCH/one-en.tmx" || fail "batch --srclang en not in the header"
python3 - "$SCRATCH/one-en.tmx" "$SCRATCH/one.tmx" <<'PY' || fail "batch --srclang en did not turn the units around"
import sys, xml.etree.ElementTree as ET
lang = "{http://www.w3.org/XML/1998/namespace}lang"
def pairs(path):
    return {tuple((tuv.get(lang), tuv.find("seg").text) for tuv in tu.findall("tuv")) for tu in ET.parse(path).iter("tu")}
turned, plain = pairs(sys.argv[1]), pairs(sys.argv[2])
assert turned and len(turned) < len(plain), (len(turned), len(plain))  # the weak units are out
assert all(p[0][0] == "en" and p[1][0] == "ko-KR" for p in turned), turned
assert {(("ko", ko), ("en", en)) for (_, en), (_, ko) in turned} <= plain
PY
for verb in batch merge; do
  run 2 "$verb" "$SCRATCH/one.txt" -o "$SCRATCH/x.tmx" --min-score 1.5
  expect_error "--min-score takes a number from 0 to 1, not '1.5'"
  run 2 "$verb" "$SCRATCH/one.txt" -o "$SCRATCH/x.tmx" --srclang ja
  expect_error "--srclang 'ja' is not a language artalign has data for (supported: en, ko)"
  run 2 "$verb" "$SCRATCH/one.txt" -o "$SCRATCH/x.tmx" --tgtlang ko
  expect_error "--tgtlang ko does not name the memory's target language (en)"
  run 2 "$verb" "$SCRATCH/one.txt" -o "$SCRATCH/x.tmx" --srclang 'ko KR'
  expect_error "--srclang 'ko KR' is not a language code such as ko, en or ko-KR"
  run 2 "$verb" "$SCRATCH/one.txt" -o "$SCRATCH/x.tmx" --format moses
  expect_error "--format moses writes two files, which a run does not stream: use tsv (the same lines, one file)"
  run 2 "$verb" "$SCRATCH/one.txt" -o "$SCRATCH/x.tmx" --format xliff
  expect_error "unknown --format 'xliff' (known: tmx, tsv, jsonl)"
done
[ -e "$SCRATCH/x.tmx" ] && fail "a usage error wrote an output file"

# --- The mirror with a score floor: fewer units, none weaker, counted in the summary. The
# generated articles repeat their paragraphs, so a floor just above the weakest unit only lets a
# later strong repeat in instead: 1 leaves out all but the perfect ones. --jobs 1 keeps the
# journal in the run's order, so merge of it with the same options must write the same TMX.
floor=1
run 1 batch "$SCRATCH/m" -o "$SCRATCH/weak.tmx" --journal "$SCRATCH/weak.journal" --jobs 1 --min-score "$floor" \
  --srclang en --summary "$SCRATCH/weak.json" --report-dir "$SCRATCH/weak-report"
check_page_labels "$SCRATCH/weak.tmx" "$SCRATCH/weak-report" yes
strong=$(tu_count "$SCRATCH/weak.tmx")
[ "$strong" -lt "$units" ] || fail "--min-score $floor left nothing out ($strong of $units units)"
[ "$strong" -eq "$(json_field "$SCRATCH/weak.json" units)" ] || fail "summary units != <tu> with --min-score"
below=$(json_field "$SCRATCH/weak.json" below_min_score_units)
[ "$below" -gt 0 ] || fail "summary: no units counted below --min-score"
grep -qx "$strong units written ([0-9]* exact repeats left out, $below below --min-score $floor)" "$SCRATCH/out" ||
  fail "the printed summary does not count the weak units: $(cat "$SCRATCH/out")"
grep -q "below" "$SCRATCH/j1.json" && fail "a summary without --min-score mentions it"
grep -o '<prop type="x-score">[0-9.]*' "$SCRATCH/weak.tmx" | sed 's/.*>//' | awk -v t="$floor" '$1 < t - 0.0005 { exit 1 }' ||
  fail "--min-score $floor kept a weaker unit"
python3 - "$SCRATCH/weak.tmx" <<'PY' || fail "batch --srclang en: the header or a unit does not have English first"
import sys, xml.etree.ElementTree as ET
lang = "{http://www.w3.org/XML/1998/namespace}lang"
root = ET.parse(sys.argv[1]).getroot()
assert root.find("header").get("srclang") == "en"
assert all([tuv.get(lang) for tuv in tu.findall("tuv")] == ["en", "ko"] for tu in root.iter("tu"))
PY
xmllint --noout --dtdvalid "$DTD" "$SCRATCH/weak.tmx" 2>/dev/null || fail "batch --srclang en TMX is not valid TMX"
run 1 merge "$SCRATCH/weak.journal" -o "$SCRATCH/weak-merged.tmx" --min-score "$floor" --srclang en -q
cmp -s <(undated "$SCRATCH/weak.tmx") <(undated "$SCRATCH/weak-merged.tmx") ||
  fail "merge of the journal with the same options != batch's TMX"
# --format tsv|jsonl: the lines align writes for one pair; for the run, one line a unit the TMX has.
undated_jsonl() { sed -E 's/"creationdate":"[^"]*"//' "$1"; }
for format in tsv jsonl; do
  run 0 align "$SAMPLE_EN" -o "$SCRATCH/align-en.$format" --format "$format" --min-score 0.9995 --srclang en -q
  run 0 batch --list "$SCRATCH/one.txt" -o "$SCRATCH/one-en.$format" --format "$format" --min-score 0.9995 --srclang en -q
  cmp -s <(undated_jsonl "$SCRATCH/align-en.$format") <(undated_jsonl "$SCRATCH/one-en.$format") ||
    fail "batch --format $format != align --format $format"
  run 1 merge "$SCRATCH/weak.journal" -o "$SCRATCH/weak.$format" --format "$format" --min-score "$floor" --srclang en -q
  [ "$(wc -l <"$SCRATCH/weak.$format")" -eq "$strong" ] || fail "merge --format $format: not one line a unit of the TMX"
done
head -1 "$SCRATCH/weak.jsonl" | grep -q '"tuid":1,"creationdate":"[0-9TZ]*","source_lang":"en","target_lang":"ko",' ||
  fail "merge --format jsonl: $(head -1 "$SCRATCH/weak.jsonl")"
[ "$(cut -f1 "$SCRATCH/weak.tsv" | head -1)" = "$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["source"])' "$SCRATCH/weak.jsonl")" ] ||
  fail "merge --format tsv and jsonl disagree on the first unit's source"
run 1 merge "$SCRATCH/weak.journal" -o "$SCRATCH/plain-merged.tmx" -q
cmp -s <(undated "$SCRATCH/j1.tmx") <(undated "$SCRATCH/plain-merged.tmx") ||
  fail "the journal keeps the pairs as aligned: merge without options != batch without them"

# --- The names wget --mirror gives: a site on port 8080 under "host:8080", a page whose URL has a
# query as "page.html?QUERY". Without its canonical link the English page's URL is the one its
# place in the mirror gives, query and all, and its original is found under its own query.
wget_mirror="$SCRATCH/wget"
mkdir -p "$wget_mirror/english.hani.co.kr:8080/arti" "$wget_mirror/www.hani.co.kr:8080/arti"
sed -e '/og:url/d' -e '/rel="canonical"/d' \
  -e 's|http://www.hani.co.kr/arti/international/america/927886.html|http://www.hani.co.kr:8080/arti/927886.html?id=3|' \
  "$SAMPLE_EN" >"$wget_mirror/english.hani.co.kr:8080/arti/928034.html?id=3&lang=en"
cp "$SAMPLE_KO" "$wget_mirror/www.hani.co.kr:8080/arti/927886.html?id=3"
run 0 batch "$wget_mirror" -o "$SCRATCH/wget.tmx" --summary "$SCRATCH/wget.json" -q
[ "$(json_field "$SCRATCH/wget.json" aligned)" = 1 ] || fail "wget names: expected the one pair aligned: $(cat "$SCRATCH/err")"
grep -qF '"x-target-url">http://english.hani.co.kr:8080/arti/928034.html?id=3&amp;lang=en<' "$SCRATCH/wget.tmx" ||
  fail "wget names: the English page's URL lost its port or query"

# --- The same pages from a list file, and from JSONL records, give the same TMX.
find "$SCRATCH/m/english.hani.co.kr" -name '1*.html' | sort >"$SCRATCH/pages.txt"
run 1 batch --list "$SCRATCH/pages.txt" --mirror "$SCRATCH/m" -o "$SCRATCH/list.tmx" -q
cmp -s <(undated "$SCRATCH/j1.tmx") <(undated "$SCRATCH/list.tmx") || fail "--list TMX differs from the mirror's"
sed -E "s|^$SCRATCH/m/|https://|" "$SCRATCH/pages.txt" >"$SCRATCH/urls.txt"  # the same pages as URLs
run 1 batch --list "$SCRATCH/urls.txt" --mirror "$SCRATCH/m" -o "$SCRATCH/urls.tmx" -q
cmp -s <(undated "$SCRATCH/j1.tmx") <(undated "$SCRATCH/urls.tmx") || fail "--list of URLs TMX differs from the mirror's"

# --- Kill -9 halfway, resume: the same TMX as an uninterrupted run, nothing lost or repeated.
generate "$SCRATCH/k" 300 --small
run 0 batch "$SCRATCH/k" -o "$SCRATCH/whole.tmx" -q
"$ARTALIGN" batch "$SCRATCH/k" -o "$SCRATCH/killed.tmx" --jobs 2 -q 2>"$SCRATCH/err" &
pid=$!
wait_for_journal "$SCRATCH/killed.tmx.journal" 100
kill -KILL "$pid" 2>/dev/null || fail "the run finished before it could be killed"
wait "$pid" 2>/dev/null
done_before=$(($(wc -l <"$SCRATCH/killed.tmx.journal") - 1))
[ "$done_before" -lt 300 ] || fail "the run finished before it could be killed ($done_before pairs)"
[ ! -f "$SCRATCH/killed.tmx" ] || fail "a killed run left a TMX behind"
printf '{"schema":"artalign-pair/1","key":"torn' >>"$SCRATCH/killed.tmx.journal"  # as a crash mid-write would
run 0 batch "$SCRATCH/k" -o "$SCRATCH/killed.tmx" --resume --jobs 2 --summary "$SCRATCH/resumed.json" -q
[ "$(json_field "$SCRATCH/resumed.json" resumed)" -eq "$done_before" ] || fail "resume redid finished pairs"
cmp -s <(undated "$SCRATCH/whole.tmx") <(undated "$SCRATCH/killed.tmx") || fail "killed + resumed TMX differs from an uninterrupted run"
[ ! -f "$SCRATCH/killed.tmx.journal" ] || fail "the journal should be gone after the resumed run completed"

# --- Ctrl-C: workers stop after their pair, exit 130 with a hint, and --resume finishes.
"$ARTALIGN" batch "$SCRATCH/k" -o "$SCRATCH/int.tmx" --jobs 1 -q 2>"$SCRATCH/err" &
pid=$!
wait_for_journal "$SCRATCH/int.tmx.journal" 50
kill -INT "$pid"
wait "$pid"
status=$?
[ "$status" -eq 130 ] || fail "Ctrl-C: expected exit 130, got $status"
grep -q "run again with --resume" "$SCRATCH/err" || fail "Ctrl-C: no hint to resume: $(cat "$SCRATCH/err")"
run 0 batch "$SCRATCH/k" -o "$SCRATCH/int.tmx" --resume -q
cmp -s <(undated "$SCRATCH/whole.tmx") <(undated "$SCRATCH/int.tmx") || fail "interrupted + resumed TMX differs"

finish
