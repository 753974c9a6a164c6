#!/usr/bin/env bash
# Bad input: one-line errors naming the file, exit code 1, and an existing output left intact.
source "$(dirname "$0")/lib.sh"

out="$SCRATCH/memory.tmx"
echo "precious existing memory" >"$out"
keep() { grep -qx "precious existing memory" "$out" || fail "$1 damaged the existing output"; }

run 1 align "$SCRATCH/missing.html" -o "$out"
expect_error "$SCRATCH/missing.html: no such file"
keep "a missing page"

: >"$SCRATCH/empty.html"
run 1 align "$SCRATCH/empty.html" -o "$out"
expect_error "$SCRATCH/empty.html: the page is empty"
keep "an empty page"

head -c 4096 /dev/urandom >"$SCRATCH/binary.html"
run 1 align "$SCRATCH/binary.html" -o "$out"
grep -q "^artalign: error: $SCRATCH/binary.html: " "$SCRATCH/err" || fail "binary page: $(cat "$SCRATCH/err")"
keep "a binary page"

echo '<html><body><ul><li><a href="/a">Home</a></li><li><a href="/b">About</a></li></ul></body></html>' >"$SCRATCH/menu.html"
run 1 align "$SCRATCH/menu.html" -o "$out"
expect_error "$SCRATCH/menu.html: no article found: no site profile matches and no block of text looks like an article body"
keep "a page with no article"

# A page no profile knows, with text but no link to an original: a warning, then a clear error.
echo '<html><body><p>A blog post, not a news article, but long enough to be a paragraph.</p></body></html>' >"$SCRATCH/blog.html"
run 1 align "$SCRATCH/blog.html" -o "$out"
grep -q "^artalign: error: $SCRATCH/blog.html: no link to the original found" "$SCRATCH/err" || fail "blog page: $(cat "$SCRATCH/err")"
keep "a page with no link"

# Truncated and malformed HTML: parsed leniently, best effort.
head -c 5000 "$SAMPLE_EN" >"$SCRATCH/truncated.html"
run 1 align --offline "$SCRATCH/truncated.html" -o "$out"
grep -q "^artalign: error: $SCRATCH/truncated.html: " "$SCRATCH/err" || fail "truncated page: $(cat "$SCRATCH/err")"
keep "a truncated page"
sed -e 's|</div>||g' -e 's|<p |<p <<|g' "$SAMPLE_KO" >"$SCRATCH/malformed.html"
run 0 extract "$SCRATCH/malformed.html"
grep -q "도널드 트럼프 미국 대통령이" "$SCRATCH/out" || fail "malformed page lost its text"

# A deeply nested page (libxml2 stops at depth 256): no crash; a clear error when the article
# lies deeper, a warning and the article when it comes first.
python3 -c "print('<html><body>' + '<div>' * 100000 + '<p>Deep text, long enough to be a paragraph of an article.</p>' + '</div>' * 100000 + '</body></html>')" >"$SCRATCH/deep.html"
run 1 extract "$SCRATCH/deep.html"
expect_error "$SCRATCH/deep.html: no article found, and the page nests elements more than 256 deep (libxml2's limit); the parser stopped there, so the rest of the page is missing"
python3 - "$SAMPLE_EN" "$SCRATCH/deep-after.html" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(page.replace('<div id="footer">', '<div>' * 100000, 1))
PY
run 0 extract --offline "$SCRATCH/deep-after.html"
grep -q '"profile": "hani-english-desktop"' "$SCRATCH/out" || fail "deep-after page: $(head -5 "$SCRATCH/out")"
grep -q "^artalign: warning: $SCRATCH/deep-after.html: the page nests elements more than 256 deep" "$SCRATCH/err" \
  || fail "no nesting warning: $(cat "$SCRATCH/err")"

# A 50 MB page (the sample padded with a huge menu): extracted as usual, within the limits.
python3 - "$SAMPLE_EN" "$SCRATCH/big.html" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
menu = '<li><a href="/arti/english_edition/e_national/">National news menu entry</a></li>\n' * 660000
open(sys.argv[2], "w", encoding="utf-8").write(page.replace('<ul id="gnb">', '<ul id="gnb">' + menu, 1))
PY
[ "$(stat -c %s "$SCRATCH/big.html")" -gt 50000000 ] || fail "the big page is not over 50 MB"
run 0 extract --offline "$SCRATCH/big.html"
grep -q '"profile": "hani-english-desktop"' "$SCRATCH/out" || fail "50 MB page: $(head -5 "$SCRATCH/out")"
python3 -c "print('<p>' + 'x' * 70000000 + '</p>')" >"$SCRATCH/huge.html"
run 1 extract "$SCRATCH/huge.html"
expect_error "$SCRATCH/huge.html: page is 66.8 MB, over the 64 MB limit (--max-page-size)"

# The sample without its button: no link to the original, and the message says what was looked for.
sed '/class="article-btn"/,/<\/div>/d' "$SAMPLE_EN" >"$SCRATCH/nolink.html"
run 1 align "$SCRATCH/nolink.html" -o "$out"
grep -q "no link to the original found; looked for the site profile's button" "$SCRATCH/err" \
  || fail "no-link page: $(cat "$SCRATCH/err")"
keep "a page with no link"

# A page outside any mirror: the link cannot be resolved to a local file.
cp "$SAMPLE_EN" "$SCRATCH/loose.html"
run 1 align --offline "$SCRATCH/loose.html" -o "$out"
expect_error "$SCRATCH/loose.html: the original http://www.hani.co.kr/arti/international/america/927886.html is not local; give --mirror DIR or the original page"
keep "an unresolvable original"

run 1 align "$SAMPLE_EN" -o "$SCRATCH/no/such/dir/out.tmx"
expect_error "$SCRATCH/no/such/dir/out.tmx: directory $SCRATCH/no/such/dir does not exist"

[ "$(ls -A "$SCRATCH" | grep -c '\.tmp-')" -eq 0 ] || fail "a temporary file was left behind"
finish
