#!/usr/bin/env bash
# artalign discover: the records batch would align, in batch's order (bytewise by path, whatever
# the locale), so that discover | split | stream | merge gives batch's TMX byte for byte
# (creation dates apart), on a mirror with .htm pages, wget's "page.html?id=N" names and
# non-ASCII names.
source "$(dirname "$0")/lib.sh"

undated() { sed -E 's/creationdate="[^"]*"//g' "$1"; }
m="$SCRATCH/m"
python3 "$SOURCE_DIR/bench/generate_pairs.py" "$m" 9 --small || fail "generate_pairs.py"
en="$m/english.hani.co.kr/arti/english_edition/e_international"
ko="$m/www.hani.co.kr/arti/international/america"
# The names the old `find -name '*.html' | sort` recipe missed or ordered by locale.
mv "$en/100002.html" "$en/100002.htm"
mv "$en/100003.html" "$en/view.html?id=3"
mv "$en/100004.html" "$en/기사-4.html"
mv "$en/100005.html" "$en/Zebra.html"
mv "$en/100006.html" "$en/apple.html"
# An original saved under a query name: the translation links to ...?id=7.
mv "$ko/200007.html" "$ko/view.html?id=7"
sed -i 's#america/200007.html#america/view.html?id=7#' "$en/100007.html"

# Records: one per page, ids 1.., bytewise path order, the same under any locale.
LC_ALL=C "$ARTALIGN" discover "$m" >"$SCRATCH/records.jsonl" 2>"$SCRATCH/err" || fail "discover: $(cat "$SCRATCH/err")"
LC_ALL=C.UTF-8 LANG=ko_KR.UTF-8 "$ARTALIGN" discover "$m" -o "$SCRATCH/records2.jsonl" || fail "discover -o"
cmp -s "$SCRATCH/records.jsonl" "$SCRATCH/records2.jsonl" || fail "discover depends on the locale or on -o"
python3 - "$SCRATCH/records.jsonl" "$m" <<'PY' || fail "discover records: $(cat "$SCRATCH/records.jsonl")"
import json, os, sys
records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
root = sys.argv[2]
pages = sorted((os.path.join(d, f) for d, _, files in os.walk(os.path.join(root, "english.hani.co.kr")) for f in files),
               key=os.fsencode)
assert [r["translation"] for r in records] == pages, [r["translation"] for r in records]
assert [r["id"] for r in records] == list(range(1, 10))
assert all(r["mirror"] == root and set(r) == {"id", "translation", "mirror"} for r in records)
assert any(p.endswith(".htm") for p in pages) and any("?id=3" in p for p in pages) and any("기사" in p for p in pages)
PY

# discover | split | stream (3 workers) | merge == batch.
run 0 batch "$m" -o "$SCRATCH/batch.tmx" --summary "$SCRATCH/batch.json" -q
python3 -c "import json,sys; s=json.load(open(sys.argv[1])); assert s['aligned'] == 9, s" "$SCRATCH/batch.json" \
  || fail "batch did not align the 9 pairs: $(cat "$SCRATCH/batch.json")"
mkdir "$SCRATCH/parts"
"$ARTALIGN" discover "$m" | split -n r/3 - "$SCRATCH/parts/records-"
for part in "$SCRATCH/parts"/records-*; do "$ARTALIGN" stream <"$part" >"${part/records-/outcomes-}" & done
wait
cat "$SCRATCH/parts"/outcomes-* | "$ARTALIGN" merge - -o "$SCRATCH/merged.tmx" -q || fail "merge failed"
cmp -s <(undated "$SCRATCH/batch.tmx") <(undated "$SCRATCH/merged.tmx") || fail "discover|stream|merge TMX != batch TMX"
grep -c "<tu " "$SCRATCH/merged.tmx" | grep -qv '^0$' || fail "the merged TMX has no units"

# --list: the list's order, repeats once, the list's --mirror in every record.
printf '%s\n' "$en/apple.html" "# a comment" "$en/100001.html" "$en/apple.html" >"$SCRATCH/list.txt"
run 0 discover --list "$SCRATCH/list.txt" --mirror "$m"
python3 - "$SCRATCH/out" "$en" "$m" <<'PY' || fail "discover --list: $(cat "$SCRATCH/out")"
import json, sys
records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert records == [{"id": 1, "translation": sys.argv[2] + "/apple.html", "mirror": sys.argv[3]},
                   {"id": 2, "translation": sys.argv[2] + "/100001.html", "mirror": sys.argv[3]}], records
PY

# Usage and input errors.
run 2 discover
run 2 discover "$m" --list "$SCRATCH/list.txt"
run 2 discover "$m" --mirror "$m"
# A file name that is not UTF-8 (wget writes EUC-KR URLs' bytes as they are) cannot be put in a
# JSON record: refused with the name, not mangled into another path.
cp -r "$m" "$SCRATCH/euc"
mv "$SCRATCH/euc/english.hani.co.kr/arti/english_edition/e_international/apple.html" \
  "$SCRATCH/euc/english.hani.co.kr/arti/english_edition/e_international/$(printf '\xb1\xe2')-euc.html"
run 1 discover "$SCRATCH/euc"
grep -qF "artalign: error: $SCRATCH/euc/english.hani.co.kr/arti/english_edition/e_international/\xb1\xe2-euc.html: the path is not UTF-8, so no JSON record can name it; rename the file" \
  "$SCRATCH/err" || fail "non-UTF-8 name: $(cat "$SCRATCH/err")"
[ ! -s "$SCRATCH/out" ] || fail "discover wrote records before refusing"
run 1 discover "$SCRATCH/none"
expect_error "$SCRATCH/none: is not a directory (expected a site mirror: DIR/host/path.html)"
finish
