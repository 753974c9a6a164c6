#!/usr/bin/env bash
# --append: units merged into an existing TMX without duplicates (all of them with
# --no-dedupe), existing bytes kept; every bad memory (malformed, not TMX, other srclang,
# unwritable, hostile DOCTYPE) refused with the file byte-for-byte as it was (merge, which reads
# JSON lines, refuses such a TMX too); nothing is ever fetched from the network.
source "$(dirname "$0")/lib.sh"

valid_tmx() {
  xmllint --noout --nonet --dtdvalid "$DTD" "$1" 2>"$SCRATCH/xmllint" \
    || fail "$1 does not validate against the TMX 1.4b DTD: $(cat "$SCRATCH/xmllint")"
}

run 0 align -q "$SAMPLE_EN" -o "$SCRATCH/full.tmx"
total=$(grep -c '<tu ' "$SCRATCH/full.tmx")

# A memory holding the first three units only; appending the pair adds the rest.
python3 - "$SCRATCH/full.tmx" "$SCRATCH/memory.tmx" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
cut = text.index('    <tu tuid="4"')
open(sys.argv[2], "w", encoding="utf-8").write(text[:cut] + text[text.index("  </body>"):])
PY
cp "$SCRATCH/memory.tmx" "$SCRATCH/before.tmx"
run 0 align "$SAMPLE_EN" --append "$SCRATCH/memory.tmx" --report "$SCRATCH/appended.html"
grep -qx "appended $((total - 3)) units to $SCRATCH/memory.tmx (3 were there, 3 new units already in it)" "$SCRATCH/out" \
  || fail "append summary: $(cat "$SCRATCH/out")"
valid_tmx "$SCRATCH/memory.tmx"
[ "$(grep -c '<tu ' "$SCRATCH/memory.tmx")" -eq "$total" ] || fail "merged memory does not hold $total units"
keep_bytes=$(grep -b -m1 '  </body>' "$SCRATCH/before.tmx" | cut -d: -f1)
cmp -s <(head -c "$keep_bytes" "$SCRATCH/before.tmx") <(head -c "$keep_bytes" "$SCRATCH/memory.tmx") \
  || fail "the existing units were not kept byte for byte"
[ "$(grep -o 'tuid="[0-9]*"' "$SCRATCH/memory.tmx" | sort | uniq -d | wc -l)" -eq 0 ] || fail "duplicate tuids"
run 0 validate "$SCRATCH/memory.tmx"
# The review page labels each row with the memory's tuid of its unit: the three units already
# there as "= TUID" (the memory's), the rest with the tuids they were appended with; "–" for no unit.
python3 - "$SCRATCH/memory.tmx" "$SCRATCH/appended.html" "$total" <<'PY' || fail "the --append page is not labelled with the memory's tuids"
import html, re, sys, xml.etree.ElementTree as ET
lang = "{http://www.w3.org/XML/1998/namespace}lang"
units = {tu.get("tuid"): tuple(tu.find(f"tuv[@{lang}='{code}']/seg").text for code in ("ko", "en"))
         for tu in ET.parse(sys.argv[1]).iter("tu")}
page = open(sys.argv[2], encoding="utf-8").read()
tbody = page[page.index('<tbody id="rows">'):page.index("</tbody>")]
def side(row, name):
    spans = re.findall(r'<span class="sentence" data-side="%s" data-index="\d+">(?:<span class="pilcrow">¶ </span>)?([^<]*)</span>' % name, row)
    return html.unescape(re.sub(r"\s+", " ", " ".join(spans)).strip())
labels = []
for row in re.findall(r"<tr .*?</tr>", tbody):
    label = html.unescape(re.search(r'<th scope="row" class="number"(?: title="[^"]*")?>([^<]*)</th>', row).group(1))
    texts = (side(row, "source"), side(row, "target"))
    if not texts[0] or not texts[1]:
        assert label == "–", (label, texts)
        continue
    tuid = label[2:] if label.startswith("= ") else label
    assert units.get(tuid) == texts, (label, texts, units.get(tuid))
    labels.append(label)
total = int(sys.argv[3])
assert labels[:3] == ["= 1", "= 2", "= 3"], labels[:5]
assert sorted(int(l) for l in labels if not l.startswith("=")) == list(range(4, total + 1)), labels
assert 'a unit already in the memory' in page
PY

# Appending the same pair again adds nothing and leaves the file alone.
cp "$SCRATCH/memory.tmx" "$SCRATCH/merged.tmx"
run 0 align "$SAMPLE_EN" --append "$SCRATCH/memory.tmx"
grep -qx "appended 0 units to $SCRATCH/memory.tmx ($total were there, $total new units already in it)" "$SCRATCH/out" \
  || fail "second append: $(cat "$SCRATCH/out")"
cmp -s "$SCRATCH/memory.tmx" "$SCRATCH/merged.tmx" || fail "an append with nothing new changed the file"

# --no-dedupe: every unit of the run is added, those the memory already holds too.
run 0 align -q "$SAMPLE_EN" -o "$SCRATCH/all.tmx" --no-dedupe
all=$(grep -c '<tu ' "$SCRATCH/all.tmx")
cp "$SCRATCH/merged.tmx" "$SCRATCH/repeated.tmx"
run 0 align "$SAMPLE_EN" --append "$SCRATCH/repeated.tmx" --no-dedupe
grep -qx "appended $all units to $SCRATCH/repeated.tmx ($total were there, 0 new units already in it)" "$SCRATCH/out" \
  || fail "append --no-dedupe: $(cat "$SCRATCH/out")"
[ "$(grep -c '<tu ' "$SCRATCH/repeated.tmx")" -eq $((total + all)) ] || fail "append --no-dedupe left units out"
valid_tmx "$SCRATCH/repeated.tmx"

# Usage: --append is for TMX, and replaces -o.
run 2 align "$SAMPLE_EN" --append "$SCRATCH/memory.tmx" -o "$SCRATCH/other.tmx"
expect_error "give -o/--output or --append, not both"
run 2 align "$SAMPLE_EN" --append "$SCRATCH/memory.tmx" --format tsv
expect_error "--append merges into a TMX memory; it cannot be used with --format tsv"

run 1 align "$SAMPLE_EN" --append "$SCRATCH/none.tmx"
expect_error "$SCRATCH/none.tmx: no such file (--append merges into an existing memory; -o starts a new one)"
[ -e "$SCRATCH/none.tmx" ] && fail "--append created a missing memory"

# Bad memories: an error naming the file, the file unchanged, no temporary left.
refused() {  # refused NAME EXPECTED_MESSAGE_START [align options...]
  local name=$1 expected=$2; shift 2
  cp "$SCRATCH/$name" "$SCRATCH/$name.orig"
  run 1 align "$SAMPLE_EN" --append "$SCRATCH/$name" "$@"
  grep -q "^artalign: error: $SCRATCH/$name: $expected" "$SCRATCH/err" || fail "$name: $(cat "$SCRATCH/err")"
  [ "$(wc -l <"$SCRATCH/err")" -eq 1 ] || fail "$name: more than one error line"
  cmp -s "$SCRATCH/$name" "$SCRATCH/$name.orig" || fail "$name was changed by a refused append"
}
head -c 2000 "$SCRATCH/before.tmx" >"$SCRATCH/truncated.tmx"
refused truncated.tmx "not well-formed XML (line "
echo '<html><body><p>not a memory</p></body></html>' >"$SCRATCH/page.tmx"
refused page.tmx "not a TMX memory (line 1: the root element is <html>, not <tmx>"
sed 's/srclang="ko"/srclang="ja"/' "$SCRATCH/before.tmx" >"$SCRATCH/japanese.tmx"
refused japanese.tmx "its srclang is 'ja' but this run's source language is 'ko' (this run's units are ko and en; append them to a memory whose srclang is one of those or \*all\*)"
cp "$SCRATCH/before.tmx" "$SCRATCH/korea.tmx"
refused korea.tmx "its srclang is 'ko' but this run's source language is 'ko-KR'" --srclang ko-KR
# Every --srclang the refusal advises works as printed; memories in languages this run has
# no side in get no --srclang advice (it would be a usage error).
hint_works() {  # hint_works NAME: run the advised --srclang, which must append
  local advice; advice=$(grep -o 'give --srclang [^ ]*' "$SCRATCH/err" | cut -d' ' -f3)
  [ -n "$advice" ] || { fail "$1: no --srclang advice: $(cat "$SCRATCH/err")"; return; }
  run 0 align -q "$SAMPLE_EN" --append "$SCRATCH/$1" --srclang "$advice"
  valid_tmx "$SCRATCH/$1"
}
hint_works korea.tmx
sed -e 's/srclang="ko"/srclang="en-US"/' -e 's/xml:lang="en"/xml:lang="en-US"/g' "$SCRATCH/before.tmx" >"$SCRATCH/english.tmx"
refused english.tmx "its srclang is 'en-US' but this run's source language is 'ko' (give --srclang en-US or another memory)"
hint_works english.tmx
for language in ja zh-CN it-IT cy-GB; do
  sed -e "s/srclang=\"ko\"/srclang=\"$language\"/" -e "s/xml:lang=\"ko\"/xml:lang=\"$language\"/g" "$SCRATCH/before.tmx" \
    >"$SCRATCH/other-$language.tmx"
  refused "other-$language.tmx" "its srclang is '$language' but this run's source language is 'ko' (this run's units are ko and en; append them to a memory whose srclang is one of those or \\*all\\*)"
done
# srclang="*all*": any unit's language may be its source.
sed 's/srclang="ko"/srclang="*all*"/' "$SCRATCH/before.tmx" >"$SCRATCH/all.tmx"
run 0 align -q "$SAMPLE_EN" --append "$SCRATCH/all.tmx"
valid_tmx "$SCRATCH/all.tmx"
# A <tu srclang> override (TMX 1.4b) no longer makes the memory refused.
sed '0,/<tu tuid="1"/s//<tu tuid="1" srclang="en"/' "$SCRATCH/before.tmx" >"$SCRATCH/override.tmx"
grep -q 'srclang="en"' "$SCRATCH/override.tmx" || fail "override.tmx has no <tu srclang>"
run 0 align -q "$SAMPLE_EN" --append "$SCRATCH/override.tmx"
sed 's/<tuv xml:lang="en">/<tuv>/' "$SCRATCH/before.tmx" >"$SCRATCH/invalid.tmx"
refused invalid.tmx "not valid TMX 1.4 (line "
: >"$SCRATCH/empty.tmx"
refused empty.tmx "not well-formed XML (the file is empty)"

# Cannot be written: a file size limit (as a full disk would) stops the merged file. Works as
# root, unlike a read-only directory.
cp "$SCRATCH/before.tmx" "$SCRATCH/full-disk.tmx"
size_kb=$(( $(stat -c %s "$SCRATCH/before.tmx") / 1024 + 1 ))
( trap '' XFSZ; ulimit -f "$size_kb"; "$ARTALIGN" align "$SAMPLE_EN" --append "$SCRATCH/full-disk.tmx" ) \
  >"$SCRATCH/out" 2>"$SCRATCH/err" && fail "append past the file size limit succeeded"
grep -q "^artalign: error: $SCRATCH/full-disk.tmx: write failed" "$SCRATCH/err" || fail "full disk: $(cat "$SCRATCH/err")"
cmp -s "$SCRATCH/full-disk.tmx" "$SCRATCH/before.tmx" || fail "a failed write changed the memory"

# Hostile DOCTYPEs: a local HTTP server on the loopback records every request; none may come.
python3 - "$SCRATCH/port" "$SCRATCH/requests" <<'PY' &
import http.server, sys, threading
class Log(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        open(sys.argv[2], "a").write(self.path + "\n")
        self.send_response(200); self.end_headers(); self.wfile.write(b'<!ENTITY x "fetched">')
    def log_message(self, *args): pass
server = http.server.HTTPServer(("127.0.0.1", 0), Log)
open(sys.argv[1], "w").write(str(server.server_address[1]))
threading.Timer(60, server.shutdown).start()  # never outlives the test
server.serve_forever()
PY
server_pid=$!
for _ in $(seq 50); do [ -s "$SCRATCH/port" ] && break; sleep 0.1; done
port=$(cat "$SCRATCH/port")
url="http://127.0.0.1:$port"
body=$(sed -n '/<tmx /,$p' "$SCRATCH/before.tmx")
printf '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "%s/xxe">]>\n%s\n' "$url" "$body" >"$SCRATCH/xxe.tmx"
printf '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY %% pe SYSTEM "%s/pe.dtd"> %%pe;]>\n%s\n' "$url" "$body" >"$SCRATCH/pe.tmx"
printf '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n%s\n' \
  "$body" >"$SCRATCH/laughs.tmx"
for name in xxe.tmx pe.tmx laughs.tmx; do
  refused "$name" "its DOCTYPE declares entities; refused without expanding or fetching anything"
  run 1 validate "$SCRATCH/$name"
  grep -q "declares entities" "$SCRATCH/out" || fail "validate $name: $(cat "$SCRATCH/out")"
  run 1 merge "$SCRATCH/$name" -o "$SCRATCH/merge-out.tmx"
  expect_error "$SCRATCH/$name line 1: this is XML (a TMX memory?), not the JSON lines of artalign stream that merge reads"
  [ -e "$SCRATCH/merge-out.tmx" ] && fail "merge of $name wrote a TMX"
done
# A DOCTYPE naming a remote DTD is fine, but the DTD is never fetched: artalign uses its own.
printf '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "%s/tmx14.dtd">\n%s\n' "$url" "$body" >"$SCRATCH/remote-dtd.tmx"
run 0 validate "$SCRATCH/remote-dtd.tmx"
run 0 align "$SAMPLE_EN" --append "$SCRATCH/remote-dtd.tmx"
valid_tmx "$SCRATCH/remote-dtd.tmx"
sleep 0.2
[ -s "$SCRATCH/requests" ] && fail "artalign fetched from the network: $(cat "$SCRATCH/requests")"
kill "$server_pid" 2>/dev/null
wait "$server_pid" 2>/dev/null

[ "$(ls -A "$SCRATCH" | grep -c '\.tmp-')" -eq 0 ] || fail "a temporary file was left behind"
finish
