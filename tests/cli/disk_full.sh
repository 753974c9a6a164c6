#!/usr/bin/env bash
# Writing onto a full disk (a small tmpfs, filled up): align -o, --append, batch and batch
# --coverage each fail with one line naming the file and saying "No space left on device",
# exit 1, leave the previous file byte for byte and no temporary behind; a batch whose journal
# fills the disk continues with --resume once there is room, to the TMX of a run that never
# failed.
# Needs root to mount the tmpfs; skipped (77) where mounting is not allowed.
source "$(dirname "$0")/lib.sh"

FULL="$SCRATCH/full"
mkdir -p "$FULL"
mount -t tmpfs -o size=2m artalign-test "$FULL" 2>/dev/null || { echo "skipped: cannot mount a tmpfs here"; exit 77; }
trap 'umount "$FULL" 2>/dev/null; rm -rf "$SCRATCH"' EXIT

undated() { sed -E 's/creationdate="[^"]*"//g' "$1"; }
# fill BYTES: leaves about BYTES free on the tmpfs.
fill() {
  rm -f "$FULL/filler"
  local avail; avail=$(df -B1 --output=avail "$FULL" | tail -1)
  fallocate -l $((avail - $1)) "$FULL/filler" || fail "cannot fill the tmpfs"
}
# failed_write FILE BEFORE: the run failed as a full disk should make it, FILE is still BEFORE.
failed_write() {
  expect_error "$1: write failed: No space left on device"
  cmp -s "$1" "$2" || fail "$1 changed although the write failed"
  local temporaries; temporaries=$(ls -A "$FULL" | grep '\.tmp-')
  [ -z "$temporaries" ] || fail "temporaries left behind: $temporaries"
}

# Previous outputs: the sample pair's first three units (a memory to replace or append to).
run 0 align -q "$SAMPLE_EN" -o "$SCRATCH/full.tmx"
python3 - "$SCRATCH/full.tmx" "$SCRATCH/three.tmx" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(text[:text.index('    <tu tuid="4"')] + text[text.index("  </body>"):])
PY
for name in align append batch; do cp "$SCRATCH/three.tmx" "$FULL/$name.tmx"; done
echo '{"previous":"coverage"}' >"$SCRATCH/coverage.jsonl"
cp "$SCRATCH/coverage.jsonl" "$FULL/coverage.jsonl"

# 4 KiB free: the sample's 14 KB TMX cannot be written.
fill 4096
run 1 align -q "$SAMPLE_EN" -o "$FULL/align.tmx"
failed_write "$FULL/align.tmx" "$SCRATCH/three.tmx"
run 1 align -q "$SAMPLE_EN" --append "$FULL/append.tmx"
failed_write "$FULL/append.tmx" "$SCRATCH/three.tmx"
echo "$SAMPLE_EN" >"$SCRATCH/one.txt"
run 1 batch --list "$SCRATCH/one.txt" -o "$FULL/batch.tmx" --journal "$SCRATCH/batch.journal" -q
failed_write "$FULL/batch.tmx" "$SCRATCH/three.tmx"
# The batch's coverage lines (the sample's take 7.8 KB) on the full disk, its TMX elsewhere.
run 1 batch --list "$SCRATCH/one.txt" -o "$SCRATCH/coverage-run.tmx" --coverage "$FULL/coverage.jsonl" -q
failed_write "$FULL/coverage.jsonl" "$SCRATCH/coverage.jsonl"
rm -f "$FULL/coverage.jsonl"

# With room again, the same commands succeed (nothing was left in a state that stops them).
rm -f "$FULL/filler"
run 0 align -q "$SAMPLE_EN" --append "$FULL/append.tmx"
xmllint --noout --nonet --dtdvalid "$DTD" "$FULL/append.tmx" 2>/dev/null || fail "append after freeing space: invalid TMX"
run 0 batch --list "$SCRATCH/one.txt" -o "$FULL/batch.tmx" --journal "$SCRATCH/batch.journal" --resume -q
cmp -s <(undated "$SCRATCH/full.tmx") <(undated "$FULL/batch.tmx") || fail "batch after freeing space: TMX differs"

# A disk that fills halfway through a run: one line, exit 1; --resume with room again cuts the
# torn last record and ends with the TMX of a run on an empty disk. The TMX is written while the
# run goes on, so whichever of the journal and the TMX next wants a block meets the full disk.
python3 "$SOURCE_DIR/bench/generate_pairs.py" "$SCRATCH/m" 40 --small >/dev/null || fail "generate_pairs.py"
run 0 batch "$SCRATCH/m" -o "$SCRATCH/reference.tmx" -q
rm -f "$FULL"/*.tmx
fill 131072
run 1 batch "$SCRATCH/m" -o "$FULL/run.tmx" -q
[ "$(wc -l <"$SCRATCH/err")" -eq 1 ] || fail "expected one line on stderr: $(cat "$SCRATCH/err")"
grep -qxF "artalign: error: $FULL/run.tmx.journal: cannot append to the journal: No space left on device" "$SCRATCH/err" ||
  grep -qxF "artalign: error: $FULL/run.tmx: write failed: No space left on device" "$SCRATCH/err" ||
  fail "expected the journal's or the TMX's full-disk error, got: $(cat "$SCRATCH/err")"
[ ! -e "$FULL/run.tmx" ] || fail "a run that failed wrote its TMX"
rm -f "$FULL/filler"
run 0 batch "$SCRATCH/m" -o "$FULL/run.tmx" --resume -q
cmp -s <(undated "$SCRATCH/reference.tmx") <(undated "$FULL/run.tmx") \
  || fail "a run whose journal filled the disk, resumed, differs from an uninterrupted run"
[ "$(ls -A "$FULL")" = "run.tmx" ] || fail "files left on the tmpfs: $(ls -A "$FULL")"

finish
