#!/usr/bin/env bash
# Fetching from a local HTTP server this script starts on 127.0.0.1 (and stops, by its pid):
# a pair aligned from URLs, the second run served from the cache, fetch errors, and robots.txt
# (two more servers: one with rules, one whose robots.txt answers 500).
source "$(dirname "$0")/lib.sh"

server_pids=()
trap 'for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done; rm -rf "$SCRATCH"' EXIT
# start_server NAME ROBOTS_MODE: starts a server, sets NAME to its base URL.
start_server() {
  python3 "$SOURCE_DIR/tests/fetch/http_test_server.py" "$2" >"$SCRATCH/$1.port" 2>"$SCRATCH/$1.log" &
  server_pids+=($!)
  for _ in $(seq 50); do [ -s "$SCRATCH/$1.port" ] && break; sleep 0.1; done
  local port; port=$(head -1 "$SCRATCH/$1.port")
  [ -n "$port" ] || { echo "FAIL: the test server did not start: $(cat "$SCRATCH/$1.log")" >&2; exit 1; }
  printf -v "$1" 'http://127.0.0.1:%s' "$port"
}
start_server base 404
start_server ruled rules
start_server broken 500
# count PATH [BASE]: how many requests the server at BASE (default $base) has had for PATH.
count() { python3 -c "import urllib.request,sys; print(urllib.request.urlopen(sys.argv[1]).read().decode())" "${2:-$base}/count?path=$1"; }

en="$base/mirror/english.hani.co.kr/arti/english_edition/e_national/1068251.html"
ko_path="/mirror/www.hani.co.kr/arti/society/society_general/1067990.html"
cache="$SCRATCH/cache"

run 0 align "$en" -o "$SCRATCH/first.tmx" --cache "$cache"
grep -q "<tu" "$SCRATCH/first.tmx" || fail "the fetched pair gave no units"
grep -q "$base$ko_path" "$SCRATCH/first.tmx" || fail "the TMX does not name the fetched original"
[ "$(count "$ko_path")" = 1 ] || fail "the original was fetched $(count "$ko_path") times, expected 1"
# Both pages are on one host: its robots.txt (a 404 here: everything allowed) was asked once.
[ "$(count /robots.txt)" = 1 ] || fail "robots.txt was fetched $(count /robots.txt) times, expected 1"

# The second run is served from the cache: the server sees no new request.
run 0 align "$en" -o "$SCRATCH/second.tmx" --cache "$cache"
[ "$(count "$ko_path")" = 1 ] || fail "the second run fetched the original again"
[ "$(count "/mirror/english.hani.co.kr/arti/english_edition/e_national/1068251.html")" = 1 ] \
  || fail "the second run fetched the translation again"
normalise() { sed -E 's/(creationdate|creationtoolversion)="[^"]*"/\1="X"/g' "$1"; }
diff <(normalise "$SCRATCH/first.tmx") <(normalise "$SCRATCH/second.tmx") >/dev/null || fail "the cached run gave another TMX"

# extract from URLs: gzip and an EUC-KR header.
run 0 extract --cache "$cache" "$base/gzip"
grep -q "The first paragraph of the local test article" "$SCRATCH/out" || fail "gzip page: $(cat "$SCRATCH/out")"
run 0 extract --cache "$cache" "$base/euc-kr"
grep -q '"charset": "windows-949 (HTTP header)"' "$SCRATCH/out" || fail "EUC-KR page: $(cat "$SCRATCH/out")"
grep -q "첫째 문단입니다." "$SCRATCH/out" || fail "EUC-KR page not decoded: $(cat "$SCRATCH/out")"

# Errors name the URL, one line, exit 1, and an existing output stays intact.
echo "precious" >"$SCRATCH/keep.tmx"
run 1 align "$base/missing" -o "$SCRATCH/keep.tmx" --cache "$cache"
expect_error "$base/missing: the server answered HTTP 404 (not found)"
run 1 extract --cache "$cache" "$base/to-file"
expect_error "$base/to-file: redirected to file:///etc/passwd, which is not an http(s) URL; refused"
run 1 extract --cache "$cache" "$base/image.png"
expect_error "$base/image.png: the answer is image/png, not an HTML page"
run 1 extract --cache "$cache" --timeout 1 "$base/slow"
grep -q "^artalign: error: $base/slow: timed out after 1000 ms" "$SCRATCH/err" || fail "slow page: $(cat "$SCRATCH/err")"
# Redirects to other schemes are refused at every hop, loops stop.
for location in "javascript:alert(1)" "data:text/html,hello" "ftp://127.0.0.1/x.html" "mailto:a@example.com"; do
  escaped=$(python3 -c "import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=''))" "$location")
  run 1 extract --cache "$cache" "$base/redirect-to?location=$escaped"
  expect_error "$base/redirect-to?location=$escaped: redirected to $location, which is not an http(s) URL; refused"
done
run 1 align "$base/ping-pong-a" -o "$SCRATCH/keep.tmx" --cache "$cache"
expect_error "$base/ping-pong-a: more than 5 redirects"
# --max-fetch-time bounds one fetch, retries included, whatever the per-attempt --timeout. The
# answer would come after 60 s and each attempt may wait 100 s: stopping within 30 s can only be
# the limit's doing, with a wide margin for a loaded machine and the sanitizers (a tight bound,
# 3 s, failed under ASan at load 9). The message names the last attempt when one ended inside
# the limit; on a slow machine the limit can run out before any did (a fresh CI run under ASan
# printed none), so that part is optional.
start=$(date +%s)
run 1 align "$base/slow?seconds=60" -o "$SCRATCH/keep.tmx" --cache "$cache" --timeout 100 --max-fetch-time 1
grep -Eq "^artalign: error: $base/slow\?seconds=60: cannot finish within the 1 s limit for one fetch, retries and redirects included \(--max-fetch-time\)(; the last attempt: .*)?$" \
  "$SCRATCH/err" || fail "--max-fetch-time: $(cat "$SCRATCH/err")"
[ $(( $(date +%s) - start )) -lt 30 ] || fail "--max-fetch-time 1 took $(( $(date +%s) - start )) s (the answer comes after 60 s)"
run 1 extract --cache "$cache" --max-fetch-time 2 "$base/busy"
expect_error "$base/busy: cannot finish within the 2 s limit for one fetch, retries and redirects included (--max-fetch-time); the last attempt: HTTP 503 (server error)"
# A page over --max-page-size is refused while it downloads, and when it comes from the cache.
run 1 extract --cache "$SCRATCH/cache2" --max-page-size 1K "$base$ko_path"
expect_error "$base$ko_path: the answer is over the 1 KB limit (--max-page-size)"
run 1 extract --cache "$cache" --max-page-size 1K "$base$ko_path"
expect_error "$base$ko_path: the cached page is 3.7 KB, over the 1 KB limit (--max-page-size)"
[ "$(count "$ko_path")" = 2 ] || fail "the original was fetched $(count "$ko_path") times, expected 2 (the first run, the 1K one)"
grep -qx "precious" "$SCRATCH/keep.tmx" || fail "a failed fetch damaged the existing output"

# robots.txt: a page it disallows is refused, one line, exit 1, without asking for the page;
# allowed pages are fetched; --ignore-robots fetches anyway; a 500 disallows the whole site.
run 1 extract --cache "$SCRATCH/cache5" "$ruled/again.html"
expect_error "$ruled/again.html: disallowed by $ruled/robots.txt (--ignore-robots to fetch anyway)"
[ "$(count /again.html "$ruled")" = 0 ] || fail "a page robots.txt disallows was requested"
run 0 extract --cache "$SCRATCH/cache5" "$ruled/article.html"
grep -q "The first paragraph of the local test article" "$SCRATCH/out" || fail "allowed page: $(cat "$SCRATCH/out")"
run 0 extract --cache "$SCRATCH/cache5" --ignore-robots "$ruled/again.html"
grep -q "The first paragraph of the local test article" "$SCRATCH/out" || fail "--ignore-robots: $(cat "$SCRATCH/out")"
[ "$(count /robots.txt "$ruled")" = 2 ] || fail "robots.txt was fetched $(count /robots.txt "$ruled") times, expected 2 (one a run)"
run 1 align "$broken/article.html" -o "$SCRATCH/keep.tmx" --cache "$SCRATCH/cache5"
expect_error "$broken/article.html: $broken/robots.txt answered HTTP 500 (server error), so the whole site counts as disallowed (RFC 9309; --ignore-robots to fetch anyway)"
run 0 extract --cache "$SCRATCH/cache5" --ignore-robots "$broken/article.html"
grep -qx "precious" "$SCRATCH/keep.tmx" || fail "a refused fetch damaged the existing output"
echo "$ruled/again.html" >"$SCRATCH/refused.txt"
run 1 batch --list "$SCRATCH/refused.txt" -o "$SCRATCH/refused.tmx" --cache "$SCRATCH/cache6" --fetch \
  --summary "$SCRATCH/refused.json" -q
grep -q "disallowed by $ruled/robots.txt" "$SCRATCH/refused.json" || fail "batch --fetch: $(cat "$SCRATCH/refused.json")"
run 0 stream --help
grep -q -- "--ignore-robots" "$SCRATCH/out" || fail "stream --help does not list --ignore-robots"

# batch and stream fetch only with --fetch (a fresh cache, so that the server is asked).
echo "$en" >"$SCRATCH/urls.txt"
run 1 batch --list "$SCRATCH/urls.txt" -o "$SCRATCH/offline.tmx" --cache "$SCRATCH/cache3" --summary "$SCRATCH/batch.json" -q
grep -q "fetching is off" "$SCRATCH/batch.json" || fail "batch without --fetch: $(cat "$SCRATCH/batch.json")"
run 0 batch --list "$SCRATCH/urls.txt" -o "$SCRATCH/batch.tmx" --cache "$SCRATCH/cache3" --fetch -q
grep -q "<tu" "$SCRATCH/batch.tmx" || fail "batch --fetch gave no units"
printf '{"id": 1, "translation": "%s"}\n' "$en" >"$SCRATCH/record.jsonl"
"$ARTALIGN" stream --cache "$SCRATCH/cache4" <"$SCRATCH/record.jsonl" >"$SCRATCH/off.jsonl" 2>"$SCRATCH/err" \
  || fail "stream exited $?: $(cat "$SCRATCH/err")"
grep -q '"status":"failed".*fetching is off' "$SCRATCH/off.jsonl" || fail "stream without --fetch: $(cat "$SCRATCH/off.jsonl")"
"$ARTALIGN" stream --cache "$SCRATCH/cache4" --fetch <"$SCRATCH/record.jsonl" >"$SCRATCH/on.jsonl" 2>"$SCRATCH/err" \
  || fail "stream --fetch exited $?: $(cat "$SCRATCH/err")"
grep -q '"status":"aligned"' "$SCRATCH/on.jsonl" || fail "stream --fetch: $(cat "$SCRATCH/on.jsonl")"

# libcurl is loaded when a URL is fetched (as above), not linked: a run on files maps none of the
# ~30 libraries it brings. (ldd's whole output first: `ldd | grep -q` fails under pipefail.)
linked=$(ldd "$ARTALIGN" 2>&1)
case "$linked" in *libcurl*) fail "artalign links libcurl: $linked" ;; esac
finish
