#!/usr/bin/env bash
# Hostile input: bytes that are not UTF-8, NUL bytes, pathological lengths, a page in the wrong
# language, a pair that is not a translation, links to other schemes or out of the mirror. Each
# gives a clean result or a one-line error naming the file, and never damages an output.
# (50 MB and deeply nested pages: bad_input.sh; redirects and fetch time: fetch.sh.)
source "$(dirname "$0")/lib.sh"

out="$SCRATCH/memory.tmx"
echo "precious existing memory" >"$out"
keep() { grep -qx "precious existing memory" "$out" || fail "$1 damaged the existing output"; }
valid_tmx() {
  xmllint --noout --nonet --dtdvalid "$DTD" "$1" 2>"$SCRATCH/xmllint" \
    || fail "$1 does not validate against the TMX 1.4b DTD: $(cat "$SCRATCH/xmllint")"
}
# utf8_with_fffd FILE: the file is valid UTF-8 and holds U+FFFD where the bad bytes were.
utf8_with_fffd() {
  python3 -c "import sys; t = open(sys.argv[1], 'rb').read().decode('utf-8'); assert '\ufffd' in t and '\0' not in t" "$1" \
    || fail "$1 is not valid UTF-8 with U+FFFD for the bad bytes"
}
# edit IN OUT PYTHON_EXPRESSION: OUT is IN's bytes `b` transformed by the expression (which must change them).
edit() {
  python3 -c "import sys; b = open(sys.argv[1], 'rb').read(); open(sys.argv[2], 'wb').write($3)" "$1" "$2" \
    || fail "could not make $2"
  cmp -s "$1" "$2" && fail "making $2 changed nothing in $1"
}

# --- Invalid UTF-8 in both pages: replaced by U+FFFD, never passed on into the TMX.
edit "$SAMPLE_EN" "$SCRATCH/bad-en.html" "b.replace(b'CNN reported', b'CNN\xff\xfe rep\xc3orted', 1)"
edit "$SAMPLE_KO" "$SCRATCH/bad-ko.html" "b.replace('트럼프 대통령이'.encode(), '트럼프'.encode() + b'\xed\xa0\x80\xff' + ' 대통령이'.encode(), 1)"
run 0 align "$SCRATCH/bad-en.html" "$SCRATCH/bad-ko.html" -o "$SCRATCH/bad.tmx"
valid_tmx "$SCRATCH/bad.tmx"
utf8_with_fffd "$SCRATCH/bad.tmx"
grep -q "CNN� rep�orted\|CNN�� rep�orted" "$SCRATCH/bad.tmx" || fail "the bad bytes are not U+FFFD in the TMX"
run 0 extract "$SCRATCH/bad-ko.html"
# JSON writes U+FFFD as \ufffd (as it does the invalid bytes it replaces): check the decoded text.
python3 -c "import json, sys; t = json.dumps(json.load(open(sys.argv[1], encoding='utf-8')), ensure_ascii=False); assert '\ufffd' in t and '\0' not in t" "$SCRATCH/out" \
  || fail "extract's JSON does not carry U+FFFD for the bad bytes"

# --- NUL bytes: in a page's first 8 KB it is taken for binary (one-line error naming it);
# further on, libxml2 drops them and the article is the same.
edit "$SAMPLE_EN" "$SCRATCH/nul-head.html" "b.replace(b'<title>', b'<title>\0', 1)"
run 1 align "$SCRATCH/nul-head.html" -o "$out"
expect_error "$SCRATCH/nul-head.html: looks like a binary file, not an HTML page"
keep "a page with a NUL byte"
edit "$SAMPLE_EN" "$SCRATCH/nul-body.html" \
  "(lambda head, body: head + b'<!-- ' + b'x' * 9000 + b' --><body' + body.replace(b'. ', b'.\0 '))(*b.split(b'<body', 1))"
run 0 extract --text "$SCRATCH/nul-body.html"
mv "$SCRATCH/out" "$SCRATCH/nul-body.txt"
run 0 extract --text "$SAMPLE_EN"
cmp -s "$SCRATCH/out" "$SCRATCH/nul-body.txt" || fail "NUL bytes deep in a page changed its article"

# --- Plain text (align-text, segment): bad bytes become U+FFFD, a NUL byte is an error.
printf '첫째 문장입니다\xff. 둘째 문장\xc3입니다.\n\n셋째 문장입니다.\n' >"$SCRATCH/bad-ko.txt"
printf 'The first\xfe sentence. The second sentence.\n\nThe third sentence.\n' >"$SCRATCH/bad-en.txt"
run 0 segment --language ko "$SCRATCH/bad-ko.txt"
utf8_with_fffd "$SCRATCH/out"
[ "$(grep -c . "$SCRATCH/out")" -eq 3 ] || fail "segment: expected 3 sentences: $(cat "$SCRATCH/out")"
run 0 align-text --source "$SCRATCH/bad-ko.txt" --target "$SCRATCH/bad-en.txt" --format tmx -o "$SCRATCH/text.tmx"
valid_tmx "$SCRATCH/text.tmx"
utf8_with_fffd "$SCRATCH/text.tmx"
run 0 align-text --source "$SCRATCH/bad-ko.txt" --target "$SCRATCH/bad-en.txt" --format tsv
utf8_with_fffd "$SCRATCH/out"
printf 'One sentence.\0 Another.\n' >"$SCRATCH/nul.txt"
nul_error="$SCRATCH/nul.txt: holds a NUL byte at byte 14: not UTF-8 text (UTF-16? convert it with iconv -f UTF-16 -t UTF-8)"
run 1 segment --language en "$SCRATCH/nul.txt"
expect_error "$nul_error"
run 1 align-text --source "$SCRATCH/bad-ko.txt" --target "$SCRATCH/nul.txt" --format tmx -o "$out"
expect_error "$nul_error"
keep "align-text of a text with a NUL byte"

# --- One 100,000-character sentence (no punctuation) in both pages (the English about twice as
# long, as English runs): done quickly, each one segment, reported rather than dropped; the
# ordinary sentences around them align as before.
edit "$SAMPLE_EN" "$SCRATCH/long-en.html" \
  "b.replace(b'US President Donald Trump told', (' '.join(['the long sentence goes on'] * 7700)).encode() + b'<br /><br />US President Donald Trump told', 1)"
edit "$SAMPLE_KO" "$SCRATCH/long-ko.html" \
  "b.replace('도널드 트럼프 미국 대통령이 오는'.encode(), (' '.join(['끝없이 이어지는 긴 문장'] * 7700)).encode() + b'<br><br>' + '도널드 트럼프 미국 대통령이 오는'.encode(), 1)"
# Well under a second in a release build; `timeout 120` is the wide margin that still catches a
# quadratic path (the unit tests check splitting and aligning it in processor time).
timeout 120 "$ARTALIGN" align "$SCRATCH/long-en.html" "$SCRATCH/long-ko.html" -o "$SCRATCH/long.tmx" \
  >"$SCRATCH/out" 2>"$SCRATCH/err" || fail "a 100,000-character sentence (exit 124: over 120 s): $(cat "$SCRATCH/err")"
grep -q "^wrote $SCRATCH/long.tmx (13 units)$" "$SCRATCH/out" || fail "long sentence: $(cat "$SCRATCH/out")"
valid_tmx "$SCRATCH/long.tmx"
run 0 coverage "$SCRATCH/long-en.html" "$SCRATCH/long-ko.html" --json
python3 - "$SCRATCH/out" <<'PY' || fail "the long sentences are not one segment each, reported"
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
assert report["figures"]["source_sentences"] == 18, report["figures"]  # the sample's 17 and the long one
assert report["figures"]["units"] == 13, report["figures"]
assert [len(s["text"]) >= 100000 for s in report["untranslated"]].count(True) == 1, report["untranslated"]
assert [len(s["text"]) >= 190000 for s in report["added"]].count(True) == 1, report["added"]
PY

# --- Thousands of empty paragraphs change nothing.
edit "$SAMPLE_EN" "$SCRATCH/empty-en.html" "b.replace(b'<br /><br />', b'<br /><br />' + b'<p></p><p> </p><br /><br />' * 2500, 1)"
edit "$SAMPLE_KO" "$SCRATCH/empty-ko.html" "b.replace(b'<br><br>', b'<br><br>' + b'<p>&nbsp;</p><br><br>' * 5000, 1)"
run 0 align "$SCRATCH/empty-en.html" "$SCRATCH/empty-ko.html" -o "$SCRATCH/empty.tmx"
grep -q "^wrote $SCRATCH/empty.tmx (13 units)$" "$SCRATCH/out" || fail "empty paragraphs: $(cat "$SCRATCH/out")"

# --- A Korean page where the English one is expected, and the other way round.
run 1 align "$SAMPLE_KO" -o "$out"
expect_error "$SAMPLE_KO: this page is in Korean, not English (99% of its letters are Hangul or Han); the English page comes first, then its original"
keep "a Korean page given as the translation"
run 1 align "$SAMPLE_KO" "$SAMPLE_EN" -o "$out"
expect_error "$SAMPLE_KO: this page is in Korean, not English (99% of its letters are Hangul or Han); the English page comes first, then its original"
run 1 coverage "$SAMPLE_EN" "$SAMPLE_EN"
expect_error "$SAMPLE_EN: this page is in English, not Korean (100% of its letters are Latin); the original must be the Korean page"
keep "swapped pages"

# --- A pair that is not a translation: aligned, but flagged by its score everywhere.
run 0 align "$SAMPLE_EN" "$SOURCE_DIR/tests/data/unrelated-ko.html" -o "$SCRATCH/unrelated.tmx"
grep -q '^artalign: warning: These pages are probably not translations' "$SCRATCH/err" || fail "no warning: $(cat "$SCRATCH/err")"
units=$(grep -c '<tu ' "$SCRATCH/unrelated.tmx")
warned=$(grep -c '<prop type="x-warning">probably not a translation</prop>' "$SCRATCH/unrelated.tmx")
[ "$units" -gt 0 ] && [ "$warned" -eq "$units" ] || fail "$warned of $units units carry the x-warning prop"

# --- Links to the original with other schemes: refused, the link quoted.
link="http://www.hani.co.kr/arti/international/america/927886.html"
for scheme_link in "file:///etc/passwd" "javascript:openOriginal(927886)" "data:text/html,<p>x</p>" \
                   "ftp://www.hani.co.kr/arti/927886.html" "mailto:desk@hani.co.kr"; do
  sed "s|$link|$scheme_link|g" "$SAMPLE_EN" >"$SCRATCH/scheme.html"
  run 1 align "$SCRATCH/scheme.html" -o "$out"
  expect_error "$SCRATCH/scheme.html: the link to the original, '$scheme_link', is not an http(s) URL; refused. Give the original page as a second argument"
done
keep "a link with another scheme"

# --- Links in a local mirror never lead out of it: '..' stops at the site's root, and a
# host of '..' maps to no file. A Korean article waits outside the mirror; it is never read.
mirror="$SCRATCH/site/mirror"
page="$mirror/english.hani.co.kr/arti/english_edition/e_international/928034.html"
mkdir -p "$(dirname "$page")" "$SCRATCH/site/outside"
cp "$SAMPLE_KO" "$SCRATCH/site/outside/ko.html"
for href in "../../../../../outside/ko.html" "//../outside/ko.html" "http://../outside/ko.html"; do
  sed "s|$link|$href|g" "$SAMPLE_EN" >"$page"
  run 1 align --offline "$page" -o "$out"
  grep -q "^artalign: error: $page: the original https\?://[^ ]*outside/ko.html is not in the mirror at $mirror$" "$SCRATCH/err" \
    || fail "link $href: $(cat "$SCRATCH/err")"
done
keep "a link out of the mirror"

[ "$(ls -A "$SCRATCH" | grep -c '\.tmp-')" -eq 0 ] || fail "a temporary file was left behind"
finish
