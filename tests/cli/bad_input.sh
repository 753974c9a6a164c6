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

echo '<html><body><p>A blog post, not a news article.</p></body></html>' >"$SCRATCH/blog.html"
run 1 align "$SCRATCH/blog.html" -o "$out"
expect_error "$SCRATCH/blog.html: no site profile matches this page's layout (is it a news article page?)"
keep "a page with no article"

# The sample without its button: no link to the original, and the message says what was looked for.
sed '/class="article-btn"/,/<\/div>/d' "$SAMPLE_EN" >"$SCRATCH/nolink.html"
run 1 align "$SCRATCH/nolink.html" -o "$out"
grep -q "no link to the original found; looked for the site profile's button" "$SCRATCH/err" \
  || fail "no-link page: $(cat "$SCRATCH/err")"
keep "a page with no link"

# A page outside any mirror: the link cannot be resolved to a local file.
cp "$SAMPLE_EN" "$SCRATCH/loose.html"
run 1 align "$SCRATCH/loose.html" -o "$out"
expect_error "$SCRATCH/loose.html: the original http://www.hani.co.kr/arti/international/america/927886.html is not local; give --mirror DIR or the original page"
keep "an unresolvable original"

run 1 align "$SAMPLE_EN" -o "$SCRATCH/no/such/dir/out.tmx"
expect_error "$SCRATCH/no/such/dir/out.tmx: directory $SCRATCH/no/such/dir does not exist"

ls -A "$SCRATCH" | grep -q '\.tmp-' && fail "a temporary file was left behind"
finish
