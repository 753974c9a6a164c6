#!/usr/bin/env bash
# Pages that once hung the extractor or were refused or reported badly (issue 13): article
# blocks repeated 1,000 times and nested in unclosed <div>s, an ISO-2022-KR page, a profile with
# a broken XPath. Each gives its article quickly or a one-line error naming the right file.
source "$(dirname "$0")/lib.sh"

MOBILE="$SOURCE_DIR/samples/mirror/english.hani.co.kr/arti/english_edition/e_national/1068251.html"
KOREAN="$SOURCE_DIR/samples/mirror/www.hani.co.kr/arti/society/society_general/1067990.html"

# repeat_block IN OUT START END COPIES [UNCLOSED]: OUT is IN with the text from START to just
# before END repeated COPIES times, its first UNCLOSED (a closing tag) removed from each copy so
# that libxml2 nests every copy inside the one before.
repeat_block() {
  python3 - "$@" <<'PY' || fail "could not make $2"
import sys
source, out, start, end, copies = sys.argv[1:6]
unclosed = sys.argv[6] if len(sys.argv) > 6 else ""
page = open(source, encoding="utf-8").read()
i = page.index(start)
j = page.index(end, i)
block = page[i:j]
if unclosed:
    block = block.replace(unclosed, "", 1)
open(out, "w", encoding="utf-8").write(page[:i] + block * int(copies) + page[j:])
PY
}

# --- 1,000 article blocks, each nesting in the one before (a caption <div> left unclosed):
# 22 copies took over a minute before (exponential); now well under a second, so 20 s is a wide
# margin even under the sanitizers on a loaded machine.
page="$SCRATCH/nested-generic.html"
{
  echo '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Port news</title></head><body>'
  for _ in $(seq 1000); do
    echo "<div class='photo-caption'>Containers at Busan port. (Harbour Daily)"
    echo "<p>Busan port handled a record 2.1 million containers in February, the ministry said, and expects more.</p>"
    echo "<p>The figure is 6 percent higher than a year earlier. Transshipment cargo grew fastest, officials said.</p>"
    echo "<p>Officials attributed the growth to new shipping routes and shorter waiting times at the terminals.</p>"
  done
  echo '</body></html>'
} >"$page"
timeout 20 "$ARTALIGN" extract --text "$page" >"$SCRATCH/out" 2>"$SCRATCH/err"
status=$?
[ "$status" -eq 0 ] || fail "1,000 nested blocks (generic extractor): exit $status (124: timed out): $(cat "$SCRATCH/err")"
grep -q "^Busan port handled a record" "$SCRATCH/out" || fail "1,000 nested blocks: no article text: $(head -c 300 "$SCRATCH/out")"

# The same through a site profile: the mobile sample's body repeated, its photo <div> unclosed.
page="$SCRATCH/nested-profile.html"
repeat_block "$MOBILE" "$page" '<div id="bodyapp">' '<div class="m-related">' 1000 '(Yonhap)</p></div>'
timeout 20 "$ARTALIGN" extract --text "$page" >"$SCRATCH/out" 2>"$SCRATCH/err"
status=$?
[ "$status" -eq 0 ] || fail "1,000 nested blocks (profile): exit $status (124: timed out): $(cat "$SCRATCH/err")"
grep -q "^The Seoul Metropolitan Government announced" "$SCRATCH/out" \
  || fail "1,000 nested blocks (profile): no article text: $(head -c 300 "$SCRATCH/out")"

# The same blocks closed properly: 1,000 siblings.
page="$SCRATCH/siblings-profile.html"
repeat_block "$MOBILE" "$page" '<div id="bodyapp">' '<div class="m-related">' 1000
timeout 20 "$ARTALIGN" extract --text "$page" >"$SCRATCH/out" 2>"$SCRATCH/err"
status=$?
[ "$status" -eq 0 ] || fail "1,000 sibling blocks: exit $status (124: timed out): $(cat "$SCRATCH/err")"

# --- ISO-2022-KR (7-bit: escape sequence, SO/SI around every Korean run), written by iconv and
# declared in <meta>: was refused as "looks like a binary file"; now the same article as the
# UTF-8 original. (Declared in the HTTP header: unit.charset.)
sed 's/<meta charset="utf-8">/<meta charset="ISO-2022-KR">/' "$KOREAN" | iconv -f UTF-8 -t ISO-2022-KR >"$SCRATCH/kr2022.html" \
  || fail "iconv cannot write ISO-2022-KR"
grep -q 'charset="ISO-2022-KR"' "$SCRATCH/kr2022.html" || fail "the ISO-2022-KR page does not declare its charset"
run 0 extract --offline "$SCRATCH/kr2022.html"
grep -qi '"charset": "ISO-2022-KR (\\u003cmeta\\u003e)"' "$SCRATCH/out" || fail "ISO-2022-KR page: $(head -c 300 "$SCRATCH/out")"
run 0 extract --offline --text "$SCRATCH/kr2022.html"
mv "$SCRATCH/out" "$SCRATCH/kr2022.txt"
run 0 extract --offline --text "$KOREAN"
cmp -s "$SCRATCH/out" "$SCRATCH/kr2022.txt" || fail "the ISO-2022-KR page gives another article than its UTF-8 original"

# --- A profile with a broken XPath in --profiles DIR: one line naming the profile file and line
# (was libxml2's own lines on stderr, then an error naming the page), exit 1.
mkdir -p "$SCRATCH/profiles"
printf 'name = broken\nlanguage = en\n# the layout\nmatch = //div[@class=%s\nbody = //div\n' "'story-body'" \
  >"$SCRATCH/profiles/broken.profile"
run 1 extract --offline --profiles "$SCRATCH/profiles" "$MOBILE"
expect_error "$SCRATCH/profiles/broken.profile:4: invalid XPath expression for 'match' (libxml2: Invalid predicate): //div[@class='story-body'"
printf 'name = broken\nlanguage = en\nbody = //div\ndrop_paragraph = ^(Copyright\n' >"$SCRATCH/profiles/broken.profile"
run 1 extract --offline --profiles "$SCRATCH/profiles" "$MOBILE"
expect_error "$SCRATCH/profiles/broken.profile:4: invalid regular expression for 'drop_paragraph' (ICU: U_REGEX_MISMATCHED_PAREN at offset 11): ^(Copyright"

finish
