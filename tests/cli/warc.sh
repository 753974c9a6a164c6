#!/usr/bin/env bash
# WARC input for batch, discover and stream, on WARC files a real crawler writes: wget
# --warc-file against the local test server (tests/fetch/http_test_server.py, started here and
# stopped by its pid). Per-record gzip (wget's default) and plain .warc, WARC/1.0 and 1.1 (a
# copy with the version lines changed), HTTP headers honoured (a redirect to the original, which
# is EUC-KR by its HTTP header only, gzipped and chunked), revisit records (wget --warc-dedup)
# resolved with the WARC they refer to and skipped with the reason without it; bad files.
source "$(dirname "$0")/lib.sh"

undated() { sed -E 's/creationdate="[^"]*"//g' "$1"; }
server_pid=
trap '[ -n "$server_pid" ] && { kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; }; rm -rf "$SCRATCH"' EXIT
python3 "$SOURCE_DIR/tests/fetch/http_test_server.py" >"$SCRATCH/port" 2>"$SCRATCH/server.log" &
server_pid=$!
for _ in $(seq 50); do [ -s "$SCRATCH/port" ] && break; sleep 0.1; done
port=$(head -1 "$SCRATCH/port")
[ -n "$port" ] || { echo "FAIL: the test server did not start: $(cat "$SCRATCH/server.log")" >&2; exit 1; }
base="http://127.0.0.1:$port"
command -v wget >/dev/null || { fail "wget is not installed (scripts/install-deps.sh)"; finish; }

# The crawl: the sample articles and originals through the server (links rewritten to it), the
# redirected EUC-KR pair, and pages that are not pairs (an image, a 404, a redirect).
en=english.hani.co.kr/arti/english_edition
ko=www.hani.co.kr/arti
printf "$base/mirror/%s\n" "$en/e_international/928034.html" "$en/e_northkorea/450321.html" "$en/e_national/1068251.html" \
  "$ko/international/america/927886.html" "$ko/politics/defense/450298.html" "$ko/society/society_general/1067990.html" \
  >"$SCRATCH/urls.txt"
printf "$base/%s\n" pair/en.html pair/ko-moved image.png missing redirect >>"$SCRATCH/urls.txt"
cd "$SCRATCH" || exit 1
wget -q --warc-file=crawl --warc-cdx -i urls.txt -O /dev/null   # exit 8: the 404 answer
wget -q --warc-file=plain --no-warc-compression -i urls.txt -O /dev/null
[ -s crawl.warc.gz ] && [ -s plain.warc ] || { fail "wget wrote no WARC files"; finish; }
[ "$(zcat crawl.warc.gz | grep -ac '^WARC-Type: response')" -gt 0 ] || fail "no response records in wget's WARC"
sed 's#^WARC/1\.0\r$#WARC/1.1\r#' plain.warc >v11.warc
grep -aq '^WARC/1.1' v11.warc || fail "the WARC/1.1 copy has no 1.1 records"

# --- batch over the WARC: 4 pairs aligned (3 samples on the server + the redirected pair).
run 0 batch crawl.warc.gz -o crawl.tmx --summary crawl.json -q
python3 - crawl.json <<'PY' || fail "batch crawl.warc.gz summary: $(cat crawl.json)"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["aligned"] == 4 and s["failed"] == 0, s
PY
xmllint --noout --dtdvalid "$DTD" crawl.tmx 2>/dev/null || fail "the WARC batch TMX is not valid TMX"
# The same crawl as plain .warc and as WARC/1.1 gives the same TMX.
run 0 batch plain.warc -o plain.tmx -q
cmp -s <(undated crawl.tmx) <(undated plain.tmx) || fail "plain .warc TMX != .warc.gz TMX"
run 0 batch v11.warc -o v11.tmx -q
cmp -s <(undated crawl.tmx) <(undated v11.tmx) || fail "WARC/1.1 TMX != WARC/1.0 TMX"

# --- discover | split | stream | merge == batch; records name the file and offset.
run 0 discover crawl.warc.gz -o records.jsonl
python3 - records.jsonl "$base" <<'PY' || fail "discover records: $(cat records.jsonl)"
import json, sys
records = [json.loads(line) for line in open(sys.argv[1])]
assert all(set(r) == {"id", "translation", "warc", "offset", "archive"} for r in records), records
assert all(r["warc"] == "crawl.warc.gz" and r["archive"] == ["crawl.warc.gz"] for r in records), records
assert [r["id"] for r in records] == list(range(1, len(records) + 1))
assert sys.argv[2] + "/pair/en.html" in [r["translation"] for r in records]
offsets = [r["offset"] for r in records]
assert offsets == sorted(offsets) and offsets[0] > 0, offsets
PY
mkdir parts
split -n r/2 records.jsonl parts/records-
workers=()
for part in parts/records-*; do "$ARTALIGN" stream <"$part" >"${part/records-/outcomes-}" & workers+=($!); done
wait "${workers[@]}"
cat parts/outcomes-* | "$ARTALIGN" merge - -o merged.tmx -q || fail "merge of WARC outcomes failed"
cmp -s <(undated crawl.tmx) <(undated merged.tmx) || fail "discover|stream|merge TMX != batch TMX on the WARC"

# --- HTTP honoured: the pair read through a redirect from an EUC-KR, gzipped, chunked answer
# gives the units the local files give.
pair=$(grep -F '/pair/en.html"' records.jsonl)
echo "$pair" | "$ARTALIGN" stream >pair.out
printf '{"id": 1, "translation": "%s", "original": "%s"}\n' "$SAMPLE_EN" "$SAMPLE_KO" | "$ARTALIGN" stream >files.out
python3 - pair.out files.out <<'PY' || fail "the WARC pair differs from the files: $(head -c 600 pair.out)"
import json, sys
warc, files = (json.loads(open(p).readline()) for p in sys.argv[1:3])
assert warc["status"] == "aligned", warc
texts = lambda o: [(u["source"], u["target"]) for u in o["units"]]
assert texts(warc) == texts(files) and len(texts(warc)) > 8
PY

# --- Revisits: a second crawl deduplicated against the first holds revisit records only.
wget -q --warc-file=again --warc-dedup=crawl.cdx -i urls.txt -O /dev/null
[ "$(zcat again.warc.gz | grep -ac '^WARC-Type: revisit')" -gt 0 ] || fail "wget wrote no revisit records"
# With the WARC they refer to (given after it, so the revisits come first): resolved.
run 0 batch again.warc.gz crawl.warc.gz -o again.tmx -q
cmp -s <(undated crawl.tmx) <(undated again.tmx) || fail "resolved revisits TMX != crawl TMX"
# Alone: each page is skipped with the reason, nothing fails.
run 0 batch again.warc.gz -o alone.tmx --summary alone.json -q
python3 - alone.json <<'PY' || fail "revisits without their captures: $(cat alone.json)"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["aligned"] == 0 and s["failed"] == 0 and s["skipped"] >= 4, s
reasons = json.dumps(s)
assert "a revisit record of a capture the WARC files do not hold (WARC-Refers-To <urn:uuid:" in reasons, s
PY

# --- Bad input: one line naming the file (and the offset), exit 1, no output written.
head -c 3000 crawl.warc.gz >cut.warc.gz
run 1 batch cut.warc.gz -o cut.tmx
grep -q "^artalign: error: cut.warc.gz: the gzip member at offset [0-9]* is cut short (truncated file?)$" "$SCRATCH/err" \
  || fail "truncated .warc.gz: $(cat "$SCRATCH/err")"
[ ! -e cut.tmx ] || fail "a failed run wrote a TMX"
gzip -c plain.warc >whole.warc.gz
run 1 discover whole.warc.gz
grep -q "^artalign: error: whole.warc.gz: a record at offset 0 shares its gzip member with the one before" "$SCRATCH/err" \
  || fail "whole-file gzip: $(cat "$SCRATCH/err")"
cp "$SAMPLE_EN" page.warc
run 1 discover page.warc
expect_error "page.warc at offset 0: not a WARC file (it does not start with \"WARC/\")"
sed '0,/^Content-Length: [0-9]*\r$/s//Content-Length: 99999999\r/' plain.warc >long.warc
run 1 batch long.warc -o long.tmx
grep -q "^artalign: error: long.warc at offset 0: the record's block is cut short (truncated file?)$" "$SCRATCH/err" \
  || fail "bad Content-Length: $(cat "$SCRATCH/err")"
run 1 discover crawl.warc.gz no-such.warc
expect_error "no-such.warc: no such WARC file"
# Bad records: each a failed outcome with the reason, stream goes on.
printf '%s\n' '{"id": 1, "warc": "crawl.warc.gz", "offset": 1}' '{"id": 2, "warc": "crawl.warc.gz"}' \
  '{"id": 3, "warc": "crawl.warc.gz", "offset": -4}' >bad.jsonl
"$ARTALIGN" stream <bad.jsonl >bad.out || fail "stream exited non-zero on bad WARC records"
python3 - bad.out <<'PY' || fail "bad WARC records: $(cat bad.out)"
import json, sys
lines = [json.loads(line) for line in open(sys.argv[1])]
assert [l["status"] for l in lines] == ["failed"] * 3, lines
assert "crawl.warc.gz at offset 1: no response, resource or revisit record starts here" in lines[0]["reason"], lines[0]
assert '"warc" and "offset" go together' in lines[1]["reason"], lines[1]
assert "byte offset" in lines[2]["reason"], lines[2]
PY
finish
