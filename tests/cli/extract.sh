#!/usr/bin/env bash
# `artalign extract`: JSON with every field, --text, warnings on stderr, user profiles, errors.
source "$(dirname "$0")/lib.sh"

MIRROR="$SOURCE_DIR/samples/mirror"
MOBILE="$MIRROR/english.hani.co.kr/arti/english_edition/e_national/1068251.html"
LEGACY_KO="$MIRROR/www.hani.co.kr/arti/politics/defense/450298.html"
GENERIC_EN="$MIRROR/en.harbourdaily.example/news/2023/0315/e1234.html"

run 0 extract --help
grep -q -- '--text' "$SCRATCH/out" || fail "extract --help does not describe --text"

# JSON: parse it and check fields and paragraphs.
run 0 extract --offline "$MOBILE"
[ -s "$SCRATCH/err" ] && fail "a profiled page printed warnings: $(cat "$SCRATCH/err")"
python3 - "$SCRATCH/out" <<'PY' || fail "extract JSON for the mobile sample is wrong"
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
assert a["profile"] == "hani-english-mobile", a["profile"]
assert a["title"] == "Seoul to double public bike stations along the Han River by 2024", a["title"]
assert a["published"] == "2022-11-22T16:41:00+09:00", a["published"]
assert a["original"] == "https://www.hani.co.kr/arti/society/society_general/1067990.html", a["original"]
assert a["byline"] == "By Kim Mi-na, staff reporter", a["byline"]
assert len(a["paragraphs"]) == 4, a["paragraphs"]
assert a["warnings"] == [], a["warnings"]
PY

# The legacy EUC-KR page comes out as UTF-8, and says how it was decoded.
run 0 extract --offline "$LEGACY_KO"
python3 - "$SCRATCH/out" <<'PY' || fail "extract JSON for the EUC-KR sample is wrong"
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
assert a["title"] == "국방부 “남북 군사실무회담 다음달 재개”", a["title"]
assert a["charset"] == "windows-949 (<meta>)", a["charset"]
assert a["subtitle"] == "판문점서 실무대표 접촉\n군 통신선 복구 논의", a["subtitle"]
PY

# --text: title, subtitle, paragraphs, byline.
run 0 extract --offline --text "$LEGACY_KO"
head -1 "$SCRATCH/out" | grep -qx '국방부 “남북 군사실무회담 다음달 재개”' || fail "--text first line: $(head -1 "$SCRATCH/out")"
grep -qx '박민희 기자 minggu@hani.co.kr' "$SCRATCH/out" || fail "--text lacks the byline"
grep -q '판문점 전경' "$SCRATCH/out" && fail "--text kept the photo caption"

# No profile: the generic extractor, with a warning on stderr.
run 0 extract --offline "$GENERIC_EN"
grep -qx "artalign: warning: $GENERIC_EN: no site profile matches this page; the generic extractor chose the <div> with class 'story-body'" \
  "$SCRATCH/err" || fail "no generic-extractor warning: $(cat "$SCRATCH/err")"

# A user's profile directory, without recompiling: a profile for the generic site wins.
mkdir -p "$SCRATCH/profiles"
cat >"$SCRATCH/profiles/harbour.profile" <<'PROFILE'
name = harbour-daily-en
language = en
host = en.harbourdaily.example
match = //div[@class='story-body']
title = //h1[@class='headline']
body = //div[@class='story-body']
caption = //figure
drop = //div[@class='ad-slot']
drop_paragraph = ^Copyright
PROFILE
run 0 extract --offline --profiles "$SCRATCH/profiles" "$GENERIC_EN"
grep -q '"profile": "harbour-daily-en"' "$SCRATCH/out" || fail "the user's profile was not used: $(head -5 "$SCRATCH/out")"
[ -s "$SCRATCH/err" ] && fail "a user-profiled page printed warnings: $(cat "$SCRATCH/err")"
# The same directory as the user's config directory, found without any option.
mkdir -p "$SCRATCH/config/artalign"
cp -r "$SCRATCH/profiles" "$SCRATCH/config/artalign/profiles"
XDG_CONFIG_HOME="$SCRATCH/config" run 0 extract --offline "$GENERIC_EN"
grep -q '"profile": "harbour-daily-en"' "$SCRATCH/out" || fail "the config directory's profile was not used"
echo "name = broken" >"$SCRATCH/profiles/broken.profile"
run 1 extract --offline --profiles "$SCRATCH/profiles" "$GENERIC_EN"
expect_error "$SCRATCH/profiles/broken.profile: profile has no 'language'"

run 2 extract
expect_error "missing PAGE; usage: artalign extract PAGE [--text]"
run 2 extract a b
run 2 extract --timeout soon "$MOBILE"
expect_error "--timeout takes a whole number of seconds from 1 to 99999, not 'soon'"
run 1 extract --offline "https://english.hani.co.kr/arti/english_edition/e_national/1.html"
expect_error "https://english.hani.co.kr/arti/english_edition/e_national/1.html: fetching is off; give a local file or --mirror DIR"

# A page re-saved as UTF-8 that still says euc-kr in its meta (as scrapers leave them): read as
# UTF-8, the same article as the original, and a warning naming the page.
KOREAN="$MIRROR/www.hani.co.kr/arti/society/society_general/1067990.html"
sed 's/<meta charset="utf-8">/<meta charset="euc-kr">/' "$KOREAN" >"$SCRATCH/resaved.html"
grep -q 'charset="euc-kr"' "$SCRATCH/resaved.html" || fail "the re-saved page does not declare euc-kr"
run 0 extract --offline --text "$SCRATCH/resaved.html"
mv "$SCRATCH/out" "$SCRATCH/resaved.txt"
grep -qxF "artalign: warning: $SCRATCH/resaved.html: the page declares charset euc-kr (<meta>), but its bytes are not valid in it and are valid UTF-8: read as UTF-8" \
  "$SCRATCH/err" || fail "re-saved page: no warning: $(cat "$SCRATCH/err")"
run 0 extract --offline --text "$KOREAN"
cmp -s "$SCRATCH/out" "$SCRATCH/resaved.txt" || fail "the re-saved page gives another article than its original"
finish
