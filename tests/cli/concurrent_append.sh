#!/usr/bin/env bash
# Two `align --append` runs into one memory at the same time, 20 rounds: both exit 0 and the
# memory ends with every unit of both (the second waits for the first's lock). Then a run that
# finds the lock held longer than --lock-timeout fails with one line naming the memory and the
# holder, leaving the memory as it was.
source "$(dirname "$0")/lib.sh"

SECOND_EN="$SOURCE_DIR/samples/mirror/english.hani.co.kr/arti/english_edition/e_national/1068251.html"
units() { grep -c '<tu ' "$1"; }

# An empty memory, and what each pair adds on its own.
cat >"$SCRATCH/empty.tmx" <<'TMX'
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" srclang="ko" datatype="plaintext"/>
  <body>
  </body>
</tmx>
TMX
run 0 align -q "$SAMPLE_EN" -o "$SCRATCH/first.tmx"
run 0 align -q "$SECOND_EN" -o "$SCRATCH/second.tmx"
expected=$(($(units "$SCRATCH/first.tmx") + $(units "$SCRATCH/second.tmx")))

lost=0
for round in $(seq 1 20); do
  cp "$SCRATCH/empty.tmx" "$SCRATCH/memory.tmx"
  "$ARTALIGN" align -q "$SAMPLE_EN" --append "$SCRATCH/memory.tmx" 2>"$SCRATCH/err1" &
  first=$!
  "$ARTALIGN" align -q "$SECOND_EN" --append "$SCRATCH/memory.tmx" 2>"$SCRATCH/err2" &
  second=$!
  wait "$first" || fail "round $round: the first append failed: $(cat "$SCRATCH/err1")"
  wait "$second" || fail "round $round: the second append failed: $(cat "$SCRATCH/err2")"
  [ "$(units "$SCRATCH/memory.tmx")" -eq "$expected" ] || lost=$((lost + 1))
done
[ "$lost" -eq 0 ] || fail "$lost of 20 rounds lost units (expected $expected units each time)"
xmllint --noout --nonet --dtdvalid "$DTD" "$SCRATCH/memory.tmx" 2>/dev/null || fail "the last merged memory is not valid TMX"
leftovers=$(ls -A "$SCRATCH" | grep -E '\.(lock|tmp-)' || true)
[ -z "$leftovers" ] || fail "lock files or temporaries left: $leftovers"

# A holder that keeps the lock (flock(1) on the lock file, as artalign takes it): --lock-timeout 0.5
# gives up with one line naming the memory; the memory is untouched.
cp "$SCRATCH/empty.tmx" "$SCRATCH/held.tmx"
echo "pid 4242" >"$SCRATCH/.held.tmx.lock"
flock "$SCRATCH/.held.tmx.lock" sleep 30 &
holder=$!
for _ in $(seq 1 100); do flock -n "$SCRATCH/.held.tmx.lock" true || break; sleep 0.05; done
run 1 align -q "$SAMPLE_EN" --append "$SCRATCH/held.tmx" --lock-timeout 0.5
expect_error "$SCRATCH/held.tmx: another artalign run (pid 4242) is writing it (lock file $SCRATCH/.held.tmx.lock); gave up after waiting 0.5 s (--lock-timeout)"
cmp -s "$SCRATCH/held.tmx" "$SCRATCH/empty.tmx" || fail "a run that could not lock the memory changed it"
kill "$holder"; wait "$holder" 2>/dev/null
run 2 align -q "$SAMPLE_EN" --append "$SCRATCH/held.tmx" --lock-timeout soon
expect_error "--lock-timeout takes a number of seconds from 0 to 86400, not 'soon'"
run 2 align -q "$SAMPLE_EN" --append "$SCRATCH/held.tmx" --lock-timeout 1e1
expect_error "--lock-timeout takes a number of seconds from 0 to 86400, not '1e1'"

finish
