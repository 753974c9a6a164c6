#!/usr/bin/env bash
# The output policy (docs/outputs.md) on every kind of output name: devices (private nodes made
# with mknod in the scratch directory, never the real /dev), FIFOs, symlinks, hard links, "-",
# a memory's mode and owner, outputs that are inputs, a --journal that is not a journal, and
# failed writes to standard output (a full device, a closed pipe).
source "$(dirname "$0")/lib.sh"

D="$SCRATCH/d"
mkdir -p "$D"
is_char_device() { [ -c "$1" ] || fail "$1 is no longer a character device"; }
only_files() {  # only_files DIR NAME...: DIR holds exactly these names
  local want; want=$(printf '%s\n' "${@:2}" | sort)
  local have; have=$(ls -A "$1" | sort)
  [ "$have" = "$want" ] || fail "$1 holds '$(echo $have)', expected '$(echo $want)'"
}
echo "$SAMPLE_EN" >"$SCRATCH/one.txt"
# run_bounded EXPECTED ARGS...: run, within 20 s (a FIFO that blocks must not hang the test).
run_bounded() {
  local expected=$1; shift
  timeout 20 "$ARTALIGN" "$@" >"$SCRATCH/out" 2>"$SCRATCH/err"
  local status=$?
  [ "$status" -eq "$expected" ] || fail "artalign $* exited $status, expected $expected; stderr: $(cat "$SCRATCH/err")"
}

if mknod "$D/null" c 1 3 2>/dev/null && mknod "$D/full" c 1 7 2>/dev/null; then
  # Devices are written in place: never renamed over, nothing created beside them.
  run 0 align -q "$SAMPLE_EN" -o "$D/null"
  is_char_device "$D/null"
  run 0 coverage -q "$SAMPLE_EN" -o "$D/null"
  is_char_device "$D/null"
  run 0 align -q "$SAMPLE_EN" -o "$D/null" --format tsv
  is_char_device "$D/null"
  run 1 align -q "$SAMPLE_EN" -o "$D/full"
  expect_error "$D/full: write failed: No space left on device"
  is_char_device "$D/full"
  # batch to a device: no journal beside it; with --journal elsewhere it runs.
  run 2 batch --list "$SCRATCH/one.txt" -o "$D/null" -q
  expect_error "$D/null is not a regular file, so the run's journal cannot go beside it: give --journal FILE"
  run 0 batch --list "$SCRATCH/one.txt" -o "$D/null" --journal "$SCRATCH/run.journal" -q
  is_char_device "$D/null"
  run 1 batch --list "$SCRATCH/one.txt" -o "$D/full" --journal "$SCRATCH/full.journal" -q
  expect_error "$D/full: write failed: No space left on device"
  rm -f "$SCRATCH/full.journal"
  # --append never reads or replaces a device; a device given as --journal is never removed.
  run 1 align -q "$SAMPLE_EN" --append "$D/null"
  expect_error "$D/null: is a character device; --append merges into a regular file (-o writes to a device or pipe)"
  run 1 batch --list "$SCRATCH/one.txt" -o "$SCRATCH/j.tmx" --journal "$D/null" --resume -q
  expect_error "$D/null: is a character device, not a journal (a journal is a regular file; give --journal FILE)"
  is_char_device "$D/null"
  only_files "$D" null full
else
  echo "note: mknod refused (not root?): device cases skipped"
fi

# A FIFO: -o writes into it for the reader; --append refuses it at once (no read, no hang).
mkfifo "$D/fifo"
timeout 20 cat "$D/fifo" >"$SCRATCH/from-fifo.tmx" &
reader=$!
run_bounded 0 align -q "$SAMPLE_EN" -o "$D/fifo"
wait "$reader"
[ -p "$D/fifo" ] || fail "the FIFO was replaced"
xmllint --noout --nonet --dtdvalid "$DTD" "$SCRATCH/from-fifo.tmx" 2>/dev/null || fail "the TMX read from the FIFO is not valid"
run_bounded 1 align -q "$SAMPLE_EN" --append "$D/fifo"
expect_error "$D/fifo: is a FIFO; --append merges into a regular file (-o writes to a device or pipe)"
[ -p "$D/fifo" ] || fail "--append replaced the FIFO"
rm -f "$D/fifo"

# -o - is standard output, and the messages keep off it.
"$ARTALIGN" align "$SAMPLE_EN" -o - >"$SCRATCH/stdout.tmx" 2>"$SCRATCH/err" || fail "align -o - failed: $(cat "$SCRATCH/err")"
xmllint --noout --nonet --dtdvalid "$DTD" "$SCRATCH/stdout.tmx" 2>/dev/null || fail "align -o - wrote no valid TMX"
grep -q '^wrote standard output' "$SCRATCH/err" || fail "align -o - did not say what it wrote on stderr: $(cat "$SCRATCH/err")"

# A symlink stays a link and its target gets the output (-o, --append, --report); a dangling
# link creates its target.
mkdir -p "$SCRATCH/real"
run 0 align -q "$SAMPLE_EN" -o "$SCRATCH/real/memory.tmx"
before=$(grep -c '<tu ' "$SCRATCH/real/memory.tmx")
ln -s real/memory.tmx "$SCRATCH/link.tmx"
SECOND_EN="$SOURCE_DIR/samples/mirror/english.hani.co.kr/arti/english_edition/e_national/1068251.html"
run 0 align -q "$SECOND_EN" --append "$SCRATCH/link.tmx"
[ -L "$SCRATCH/link.tmx" ] || fail "--append replaced the symlink"
[ "$(grep -c '<tu ' "$SCRATCH/real/memory.tmx")" -gt "$before" ] || fail "--append through a symlink left its target as it was"
run 0 align -q "$SAMPLE_EN" -o "$SCRATCH/link.tmx"
[ -L "$SCRATCH/link.tmx" ] || fail "-o replaced the symlink"
[ "$(grep -c '<tu ' "$SCRATCH/real/memory.tmx")" -eq "$before" ] || fail "-o through a symlink did not replace its target"
ln -s real/new.json "$SCRATCH/dangling.json"
run 0 coverage -q "$SAMPLE_EN" --report "$SCRATCH/dangling.json"
[ -L "$SCRATCH/dangling.json" ] && [ -s "$SCRATCH/real/new.json" ] || fail "--report through a dangling symlink did not create its target"
only_files "$SCRATCH/real" memory.tmx new.json

# An appended memory keeps its mode and owner (root may give it back; others keep the mode).
chmod 0444 "$SCRATCH/real/memory.tmx"
chown 12345:12345 "$SCRATCH/real/memory.tmx" 2>/dev/null
owner=$(stat -c %u:%g "$SCRATCH/real/memory.tmx")
run 0 align -q "$SOURCE_DIR/samples/mirror/english.hani.co.kr/arti/english_edition/e_national/1068251.html" --append "$SCRATCH/real/memory.tmx" --no-dedupe
[ "$(stat -c %a "$SCRATCH/real/memory.tmx")" = 444 ] || fail "the appended memory's mode is $(stat -c %a "$SCRATCH/real/memory.tmx"), not 444"
[ "$(stat -c %u:%g "$SCRATCH/real/memory.tmx")" = "$owner" ] || fail "the appended memory's owner is $(stat -c %u:%g "$SCRATCH/real/memory.tmx"), not $owner"

# An output that is an input (by name, symlink or hard link) is a usage error; nothing written.
cp "$SAMPLE_EN" "$SCRATCH/page.html"
cp "$SCRATCH/page.html" "$SCRATCH/page.orig"
ln -s page.html "$SCRATCH/page-link.tmx"
ln "$SCRATCH/page.html" "$SCRATCH/page-hard.tmx"
run 2 align -q "$SCRATCH/page.html" "$SAMPLE_KO" -o "$SCRATCH/page.html"
expect_error "output $SCRATCH/page.html is the input $SCRATCH/page.html; artalign never writes over its input"
run 2 align -q "$SCRATCH/page.html" "$SAMPLE_KO" -o "$SCRATCH/page-link.tmx"
run 2 align -q "$SCRATCH/page.html" "$SAMPLE_KO" -o "$SCRATCH/page-hard.tmx"
run 2 align -q "$SAMPLE_EN" "$SCRATCH/page.html" -o "$SCRATCH/x.tmx" --report "$SCRATCH/page.html"
run 2 coverage -q "$SCRATCH/page.html" "$SAMPLE_KO" --report "$SCRATCH/page.html"
run 2 coverage -q "$SCRATCH/page.html" "$SAMPLE_KO" -o "$SCRATCH/page-hard.tmx"
cmp -s "$SCRATCH/page.html" "$SCRATCH/page.orig" || fail "an input page was overwritten"
[ -L "$SCRATCH/page-link.tmx" ] || fail "the symlink to the input was replaced"
[ ! -e "$SCRATCH/x.tmx" ] || fail "a refused run wrote its TMX"
"$ARTALIGN" extract --text "$SAMPLE_KO" >"$SCRATCH/ko.txt"
run 2 align-text --source "$SCRATCH/ko.txt" --target "$SCRATCH/ko.txt" -o "$SCRATCH/ko.txt"
run 0 stream <<<"{\"id\":1,\"translation\":\"$SAMPLE_EN\"}" >/dev/null
"$ARTALIGN" stream <<<"{\"id\":1,\"translation\":\"$SAMPLE_EN\"}" >"$SCRATCH/outcomes.jsonl"
cp "$SCRATCH/outcomes.jsonl" "$SCRATCH/outcomes.orig"
run 2 merge "$SCRATCH/outcomes.jsonl" -o "$SCRATCH/outcomes.jsonl"
run 2 batch --list "$SCRATCH/one.txt" -o "$SCRATCH/one.txt"
cmp -s "$SCRATCH/outcomes.jsonl" "$SCRATCH/outcomes.orig" || fail "merge overwrote its input"
[ "$(cat "$SCRATCH/one.txt")" = "$SAMPLE_EN" ] || fail "batch overwrote its page list"

# A --journal that is not a journal is never removed or changed, with or without --resume.
for content in "precious, no newline" "" "precious line
second line"; do
  printf '%s' "$content" >"$SCRATCH/notes.txt"
  [ -z "$content" ] && echo "keep" >"$SCRATCH/notes.txt"  # a one-line file
  cp "$SCRATCH/notes.txt" "$SCRATCH/notes.orig"
  for resume in "" --resume; do
    run 1 batch --list "$SCRATCH/one.txt" -o "$SCRATCH/j.tmx" --journal "$SCRATCH/notes.txt" $resume -q
    cmp -s "$SCRATCH/notes.txt" "$SCRATCH/notes.orig" || fail "--journal $resume changed a file that is not a journal ('$content')"
  done
done
run 1 batch --list "$SCRATCH/one.txt" -o "$SCRATCH/j.tmx" --journal "$SCRATCH/notes.txt" --resume -q
expect_error "$SCRATCH/notes.txt: not an artalign journal (first line is not its header)"
printf 'precious, no newline' >"$SCRATCH/notes.txt"
run 1 batch --list "$SCRATCH/one.txt" -o "$SCRATCH/j.tmx" --journal "$SCRATCH/notes.txt" --resume -q
expect_error "$SCRATCH/notes.txt: not an artalign journal (its first line is not the journal header); left as it was"
# An empty one (a crash right after creating it) is a journal to start again.
: >"$SCRATCH/empty.journal"
run 0 batch --list "$SCRATCH/one.txt" -o "$SCRATCH/j.tmx" --journal "$SCRATCH/empty.journal" --resume -q

# Every failed write to standard output is one line and exit 1: a full device, a closed pipe.
"$ARTALIGN" extract "$SAMPLE_EN" >/dev/full 2>"$SCRATCH/err"; [ $? -eq 1 ] || fail "extract > /dev/full did not exit 1"
expect_error "standard output: write failed: No space left on device"
"$ARTALIGN" segment --language en "$SCRATCH/ko.txt" >/dev/full 2>"$SCRATCH/err"; [ $? -eq 1 ] || fail "segment > /dev/full did not exit 1"
expect_error "standard output: write failed: No space left on device"
"$ARTALIGN" align -q "$SAMPLE_EN" -o - >/dev/full 2>"$SCRATCH/err"; [ $? -eq 1 ] || fail "align -o - > /dev/full did not exit 1"
expect_error "standard output: write failed: No space left on device"
"$ARTALIGN" align "$SAMPLE_EN" -o "$SCRATCH/x.tmx" >/dev/full 2>"$SCRATCH/err"; [ $? -eq 1 ] || fail "align's message > /dev/full did not exit 1"
expect_error "standard output: write failed: No space left on device"
for k in $(seq 1 3000); do echo "{\"id\":$k,\"translation\":\"$SCRATCH/missing-$k.html\",\"original\":\"$SCRATCH/m.html\"}"; done >"$SCRATCH/records.jsonl"
"$ARTALIGN" stream <"$SCRATCH/records.jsonl" 2>"$SCRATCH/err" | head -1 >/dev/null
status=${PIPESTATUS[0]}
[ "$status" -eq 1 ] || fail "stream | head -1 exited $status, expected 1"
expect_error "standard output: write failed: Broken pipe"

finish
