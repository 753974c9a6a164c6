#!/usr/bin/env bash
# Inputs that are not ordinary files (issue 13): devices and named pipes refused or bounded,
# a stream record line over its limit, a pipe nobody writes to, SIGTERM while waiting on one,
# symbolic links leading out of a mirror, and a file name holding a newline. Every run is
# wrapped in `timeout`: a regression shows as a failure, never as a hung test.
source "$(dirname "$0")/lib.sh"

# run_bounded SECONDS EXPECTED_STATUS ARGS...: run, but never for longer than SECONDS.
run_bounded() {
  local limit=$1 expected=$2; shift 2
  timeout -k 5 "$limit" "$ARTALIGN" "$@" >"$SCRATCH/out" 2>"$SCRATCH/err"
  local status=$?
  [ "$status" -eq "$expected" ] || fail "artalign $* exited $status, expected $expected; stderr: $(head -c 600 "$SCRATCH/err")"
}

# expect_error_containing TEXT: stderr is one line, an error containing TEXT.
expect_error_containing() {
  local lines; lines=$(wc -l <"$SCRATCH/err")
  [ "$lines" -eq 1 ] || fail "expected one line on stderr, got $lines: $(head -c 600 "$SCRATCH/err")"
  grep -q '^artalign: error: ' "$SCRATCH/err" && grep -qF -- "$1" "$SCRATCH/err" \
    || fail "expected an error containing '$1', got: $(head -c 600 "$SCRATCH/err")"
}

d="$SCRATCH/d"
mkdir -p "$d"
printf 'One sentence. Another one.\n' >"$d/text.txt"

# --- A private /dev/zero (root only: mknod): refused by every reader before any byte is read.
# Before: read whole (about 2 GB, then bad_alloc) or 64 MB of zeros parsed as a page.
if mknod "$d/zero" c 1 5 2>/dev/null; then
  device="is a character device, not a regular file"
  run_bounded 20 1 extract "$d/zero"
  expect_error_containing "$d/zero: $device"
  run_bounded 20 1 validate "$d/zero"
  expect_error_containing "$device"
  run_bounded 20 1 segment --language en "$d/zero"
  expect_error_containing "$d/zero: $device"
  run_bounded 20 1 align-text --source "$d/zero" --target "$d/text.txt" --format tsv
  expect_error_containing "$d/zero: $device"
  run_bounded 20 1 align-text --source "$d/text.txt" --target "$d/text.txt" --lexicon "$d/zero" --format tsv
  expect_error_containing "$d/zero: $device"
  run_bounded 20 1 merge "$d/zero" -o "$d/merged.tmx"
  expect_error_containing "$d/zero: $device"
  run_bounded 20 1 batch --list "$d/zero" -o "$d/batch.tmx"
  expect_error_containing "$d/zero: $device"
  [ ! -e "$d/merged.tmx" ] && [ ! -e "$d/batch.tmx" ] || fail "an output was written from a device"
else
  echo "not root: the device cases are skipped"
fi

# --- A named pipe with no writer: read on the command line, but not waited on forever.
# Before: blocked for ever in open().
mkfifo "$d/fifo"
ARTALIGN_INPUT_WAIT=1 run_bounded 30 1 segment --language en "$d/fifo"
expect_error_containing "$d/fifo: nothing came through the pipe for 1 s"
ARTALIGN_INPUT_WAIT=1 run_bounded 30 1 validate "$d/fifo"
expect_error_containing "nothing came through the pipe"
# A pipe that is written to is read: a process substitution, as the command line allows.
run_bounded 30 0 segment --language en <(cat "$d/text.txt")
[ "$(wc -l <"$SCRATCH/out")" -eq 2 ] || fail "segment of a process substitution: $(cat "$SCRATCH/out")"

# --- A FIFO named by a stream record fails that record at once; the good records after it run.
# Before: blocked for ever on the FIFO, the next record never ran.
python3 - "$d/fifo" "$SAMPLE_EN" "$SAMPLE_KO" >"$d/records.jsonl" <<'PY'
import json, sys
print(json.dumps({"id": 1, "translation": sys.argv[1], "original": sys.argv[3]}))
print(json.dumps({"id": 2, "translation": sys.argv[2], "original": sys.argv[3]}))
PY
timeout -k 5 60 "$ARTALIGN" stream <"$d/records.jsonl" >"$SCRATCH/out" 2>"$SCRATCH/err"
status=$?
[ "$status" -eq 0 ] || fail "stream with a FIFO record exited $status: $(cat "$SCRATCH/err")"
python3 - "$SCRATCH/out" <<'PY' || fail "stream outcomes with a FIFO record: $(cat "$SCRATCH/out")"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert [l["status"] for l in lines] == ["failed", "aligned"], lines
assert "is a named pipe, not a regular file" in lines[0]["reason"], lines[0]["reason"]
PY

# --- A stream record line over the limit (4 x --max-page-size + 1 MB: 1.1 MB here) is a failed record,
# skipped in bounded memory; the next record runs. Before: the whole line was held (a 1.5 GB
# line took 1.9 GB).
{
  printf '{"id": 1, "translation_html": "'
  head -c 100000000 /dev/zero | tr '\0' 'x'
  printf '"}\n'
  python3 -c 'import json, sys; print(json.dumps({"id": 2, "translation": sys.argv[1], "original": sys.argv[2]}))' \
    "$SAMPLE_EN" "$SAMPLE_KO"
} >"$d/long.jsonl"
timeout -k 5 120 /usr/bin/time -f '%M' -o "$d/peak_kb" "$ARTALIGN" stream --max-page-size 32K <"$d/long.jsonl" \
  >"$SCRATCH/out" 2>"$SCRATCH/err"
status=$?
[ "$status" -eq 0 ] || fail "stream with an over-long line exited $status: $(cat "$SCRATCH/err")"
python3 - "$SCRATCH/out" <<'PY' || fail "stream outcomes with an over-long line: $(head -c 600 "$SCRATCH/out")"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert [l["status"] for l in lines] == ["failed", "aligned"], [l["status"] for l in lines]
assert "stdin line 1: the record line is over the 1.1 MB limit" in lines[0]["reason"], lines[0]["reason"]
PY
# 100 MB went through; a reader holding the line would peak 100 MB above the same run without it
# (measured against that run, so that a sanitizer build's larger base does not matter).
tail -n 1 "$d/long.jsonl" >"$d/short.jsonl"
timeout -k 5 120 /usr/bin/time -f '%M' -o "$d/base_kb" "$ARTALIGN" stream --max-page-size 32K <"$d/short.jsonl" \
  >/dev/null 2>&1 || fail "stream of the good record alone failed"
peak_kb=$(tail -n 1 "$d/peak_kb")
base_kb=$(tail -n 1 "$d/base_kb")
echo "stream with a 100 MB record line: peak RSS ${peak_kb} KB; without that line: ${base_kb} KB"
[ "$peak_kb" -lt $((base_kb + 50000)) ] || fail "stream held the over-long line: peak RSS ${peak_kb} KB, ${base_kb} KB without it"
rm -f "$d/long.jsonl"

# --- SIGTERM while a verb waits on a pipe: it stops at once, exit 143, one line, no temporaries.
# Before: batch --list naming a FIFO page ignored SIGTERM (its workers waited on the page).
# wait_for_handlers PID: waits (at most 30 s) until the artalign that `timeout` (PID) runs catches
# SIGTERM, so that the signal lands on the run and not on its start-up; sets $running to its pid.
# The test signals artalign itself: `timeout` would pass a SIGTERM on twice (to the child and
# to its process group), and a second SIGTERM kills at once, by design.
wait_for_handlers() {
  local child mask
  for _ in $(seq 300); do
    child=$(pgrep -P "$1" | head -n 1)
    # The child of `timeout` shares its handlers until it has become artalign.
    [ -n "$child" ] && [ "$(readlink "/proc/$child/exe")" = "$(readlink -f "$ARTALIGN")" ] || { sleep 0.1; continue; }
    mask=$(awk '/^SigCgt:/ { print $2 }' "/proc/$child/status" 2>/dev/null)
    [ -n "$mask" ] && (( (16#$mask >> 14) & 1 )) && { running=$child; sleep 0.5; return; }
    sleep 0.1
  done
}

# sigterm_case NAME EXPECTED_STATUS ARGS...: runs artalign in $d/term beside "fifo", which a writer
# holds open without writing (standard input is that FIFO too), sends SIGTERM after a second.
sigterm_case() {
  local name=$1 expected=$2; shift 2
  rm -rf "$d/term" && mkdir "$d/term" && mkfifo "$d/term/fifo"
  sleep 120 >"$d/term/fifo" &  # a writer that never writes: the pipe stays silent
  local writer=$!
  (cd "$d/term" && exec timeout -k 5 60 "$ARTALIGN" "$@" <fifo >"$SCRATCH/out" 2>"$SCRATCH/err") &
  local pid=$! running=
  wait_for_handlers "$pid"
  local started=$SECONDS
  kill -TERM "$running" 2>/dev/null
  wait "$pid"
  local status=$?
  kill "$writer" 2>/dev/null; wait "$writer" 2>/dev/null
  [ $((SECONDS - started)) -le 10 ] || fail "$name: took $((SECONDS - started)) s to stop after SIGTERM"
  [ "$status" -eq "$expected" ] || fail "$name: exited $status after SIGTERM, expected $expected: $(cat "$SCRATCH/err")"
  local left; left=$(ls -A "$d/term" | grep -v -x fifo)
  [ -z "$left" ] || fail "$name: left $left behind"
}
sigterm_case "segment FIFO" 143 segment --language en fifo
expect_error "interrupted by SIGTERM"
sigterm_case "batch --list FIFO" 143 batch --list fifo -o out.tmx
expect_error "interrupted by SIGTERM"
sigterm_case "stream waiting for records" 143 stream
expect_error "interrupted by SIGTERM"
# The issue's case: a FIFO page in a batch list. Pages named in data must be regular files, so
# the pair fails at once. Before: a worker waited on the FIFO for ever, and SIGTERM was ignored.
rm -rf "$d/term" && mkdir "$d/term" && mkfifo "$d/term/page.html" && echo page.html >"$d/term/list"
(cd "$d/term" && exec timeout -k 5 60 "$ARTALIGN" batch --list list -o out.tmx >"$SCRATCH/out" 2>"$SCRATCH/err")
status=$?
[ "$status" -eq 1 ] || fail "batch with a FIFO page exited $status, expected 1 (the pair failed): $(cat "$SCRATCH/err")"
grep -qF "page.html: is a named pipe" "$SCRATCH/out" "$SCRATCH/err" || fail "batch with a FIFO page: no reason given"

# --- Confinement: a mirror whose page, or host directory, is a symbolic link to a file outside.
# Before: followed; the outside file's text ended up in the output.
outside="$SCRATCH/outside"
mkdir -p "$outside/host"
sed 's/Trump/SECRETNAME/g' "$SAMPLE_EN" >"$outside/secret.html"
m="$SCRATCH/mirror"
mkdir -p "$m"
cp -r "$SOURCE_DIR/samples/mirror/english.hani.co.kr" "$SOURCE_DIR/samples/mirror/www.hani.co.kr" "$m/"
en_rel=english.hani.co.kr/arti/english_edition/e_international/928034.html
ko_rel=www.hani.co.kr/arti/international/america/927886.html
ln -sf "$outside/secret.html" "$m/$en_rel"
url="http://$en_rel"
run_bounded 60 1 extract "$url" --mirror "$m" --offline
expect_error_containing "$m/$en_rel: a symbolic link leads outside the mirror $m (to $outside/secret.html); not read"
grep -q SECRETNAME "$SCRATCH/out" && fail "extract printed the outside file"
run_bounded 60 0 extract "$url" --mirror "$m" --offline --follow-symlinks
grep -q SECRETNAME "$SCRATCH/out" || fail "--follow-symlinks did not read through the link"
# batch over the mirror: the linked page fails, nothing of it reaches the TMX.
run_bounded 120 1 batch "$m" -o "$d/confined.tmx" --jobs 1
grep -q SECRETNAME "$d/confined.tmx" 2>/dev/null && fail "batch wrote the outside file's text into the TMX"
grep -qF "a symbolic link leads outside the mirror" "$SCRATCH/out" "$SCRATCH/err" || fail "batch did not say why the linked page failed"
# align: the original, found through the link in the page, is in a host directory that is a link.
cp "$SAMPLE_EN" "$m/$en_rel.real" && mv "$m/$en_rel.real" "$m/$en_rel"
mv "$m/www.hani.co.kr" "$outside/host/www.hani.co.kr"
ln -s "$outside/host/www.hani.co.kr" "$m/www.hani.co.kr"
run_bounded 60 1 align "$m/$en_rel" --mirror "$m" --offline -o "$d/aligned.tmx"
expect_error_containing "$m/$ko_rel: a symbolic link leads outside the mirror"
[ ! -e "$d/aligned.tmx" ] || fail "align wrote a TMX from an original outside the mirror"
run_bounded 60 0 align "$m/$en_rel" --mirror "$m" --offline --follow-symlinks -o "$d/aligned.tmx"

# --- A file name holding a newline cannot make an error span lines or forge one.
# Before: "artalign: error: .../bad" then a second line "artalign: error: forged.html: no such file".
forged="$d/bad
artalign: error: forged.html"
run_bounded 20 1 extract "$forged"
expect_error "$d/bad\\nartalign: error: forged.html: no such file"
printf '<html><body><p>x</p></body></html>' >"$forged"
run_bounded 20 1 segment --language en "$forged/x"
[ "$(wc -l <"$SCRATCH/err")" -eq 1 ] || fail "a path with a newline made the error span lines: $(cat "$SCRATCH/err")"

finish
