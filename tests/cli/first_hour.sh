#!/usr/bin/env bash
# A newcomer's first hour (issue 13): typos in verbs and options get a "did you mean", an
# original missing from the mirror is reported as such (not as a robots.txt problem), `batch -q`
# still prints its failures, and language codes artalign has no data for are refused.
source "$(dirname "$0")/lib.sh"

MOBILE="$SOURCE_DIR/samples/mirror/english.hani.co.kr/arti/english_edition/e_national/1068251.html"

# --- Did you mean: the nearest verb or option by edit distance (a swap of two letters counts one).
run 2 algin "$SAMPLE_EN" -o "$SCRATCH/x.tmx"
expect_error "unknown verb 'algin'; did you mean 'align'? (see artalign --help)"
run 2 --versoin
expect_error "unknown option '--versoin'; did you mean '--version'? (see artalign --help)"
run 2 align "$SAMPLE_EN" --ouput "$SCRATCH/x.tmx"
expect_error "unknown option '--ouput'; did you mean '--output'?"
run 2 align "$SAMPLE_EN" -o "$SCRATCH/x.tsv" --formt tsv
expect_error "unknown option '--formt'; did you mean '--format'?"
run 2 segment --langauge en "$MOBILE"
expect_error "unknown option '--langauge'; did you mean '--language'?"
# Nothing near: no guess.
run 2 frobnicate
expect_error "unknown verb 'frobnicate' (see artalign --help)"
run 2 align "$SAMPLE_EN" -o "$SCRATCH/x.tmx" --zzzzzz
expect_error "unknown option '--zzzzzz'"
[ -e "$SCRATCH/x.tmx" ] || [ -e "$SCRATCH/x.tsv" ] && fail "a usage error wrote an output file"

# --- The original is not in the mirror (its link points to a port nothing listens on, so no
# test ever reaches the network): the error says so first, whatever fetching then said.
mirror="$SCRATCH/mirror"
page="$mirror/english.hani.co.kr/arti/english_edition/e_national/1068251.html"
mkdir -p "$(dirname "$page")"
sed 's|https://www.hani.co.kr/arti/society/society_general/1067990.html|http://127.0.0.1:9/arti/1067990.html|' \
  "$MOBILE" >"$page"
grep -q '127.0.0.1:9' "$page" || fail "the test page does not link to the unreachable original"
run 1 align "$page" -o "$SCRATCH/x.tmx"
[ "$(wc -l <"$SCRATCH/err")" -eq 1 ] || fail "missing original: not one line: $(cat "$SCRATCH/err")"
grep -q "^artalign: error: $page: the original http://127.0.0.1:9/arti/1067990.html is not in the mirror at $mirror; fetching it failed: .*robots.txt" \
  "$SCRATCH/err" || fail "missing original, fetching on: $(cat "$SCRATCH/err")"
grep -q "give the original page as a second argument" "$SCRATCH/err" || fail "missing original: no advice: $(cat "$SCRATCH/err")"
run 1 align --offline "$page" -o "$SCRATCH/x.tmx"
expect_error "$page: the original http://127.0.0.1:9/arti/1067990.html is not in the mirror at $mirror"

# --- batch -q: no progress and no summary, but every failure still printed; exit 1.
run 1 batch -q "$mirror" -o "$SCRATCH/batch.tmx"
[ -s "$SCRATCH/out" ] && fail "batch -q printed on stdout: $(cat "$SCRATCH/out")"
[ "$(wc -l <"$SCRATCH/err")" -eq 1 ] || fail "batch -q: expected one line on stderr: $(cat "$SCRATCH/err")"
grep -qxF "artalign: failed: $page: the original http://127.0.0.1:9/arti/1067990.html is not in the mirror at $mirror" \
  "$SCRATCH/err" || fail "batch -q does not print its failure: $(cat "$SCRATCH/err")"

# --- Language codes: only those with segmentation data (en, ko); a usage error names them.
printf 'One sentence. Another one.\n' >"$SCRATCH/text.txt"
run 2 segment --language xx "$SCRATCH/text.txt"
expect_error "--language 'xx' is not a language artalign has data for (supported: en, ko)"
run 0 segment --language en-GB "$SCRATCH/text.txt"
[ "$(grep -c . "$SCRATCH/out")" -eq 2 ] || fail "segment --language en-GB: $(cat "$SCRATCH/out")"
run 2 align-text --source "$SCRATCH/text.txt" --target "$SCRATCH/text.txt" --source-language xx
expect_error "--source-language 'xx' is not a language artalign has data for (supported: en, ko)"
run 2 align-text --source "$SCRATCH/text.txt" --target "$SCRATCH/text.txt" --target-language de
expect_error "--target-language 'de' is not a language artalign has data for (supported: en, ko)"
run 2 align "$SAMPLE_EN" -o "$SCRATCH/x.tmx" --srclang xx
expect_error "--srclang 'xx' is not a language artalign has data for (supported: en, ko)"
run 2 align "$SAMPLE_EN" -o "$SCRATCH/x.tmx" --tgtlang xx-YY
expect_error "--tgtlang 'xx-YY' is not a language artalign has data for (supported: en, ko)"
[ -e "$SCRATCH/x.tmx" ] && fail "a refused language code wrote an output file"

finish
