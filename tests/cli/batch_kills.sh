#!/usr/bin/env bash
# artalign batch killed with SIGKILL at random points, eight times over, each run resumed with
# --resume: the final TMX equals an uninterrupted run's (creation dates aside), so no unit is
# lost or repeated, whether a kill lands while pairs are aligned and journalled, while the
# journal is being created, or while the TMX is being assembled and renamed; and the
# temporaries killed runs leave beside the output and among the report pages are gone once a
# resumed run completes.
source "$(dirname "$0")/lib.sh"

undated() { sed -E 's/creationdate="[^"]*"//g' "$1"; }
now_ms() { date +%s%3N; }

python3 "$SOURCE_DIR/bench/generate_pairs.py" "$SCRATCH/m" 200 --small >/dev/null || fail "generate_pairs.py"
mkdir -p "$SCRATCH/o"
start=$(now_ms)
run 0 batch "$SCRATCH/m" -o "$SCRATCH/whole.tmx" --report-dir "$SCRATCH/whole-report" --jobs 2 -q
whole_ms=$(($(now_ms) - start))

RANDOM=8  # a fixed seed: the same kill points on every run of the test
kills=0
runs=0
while [ "$kills" -lt 8 ] && [ "$runs" -lt 20 ]; do
  runs=$((runs + 1))
  # Kill anywhere from the start up to about half an uninterrupted run's time.
  delay_ms=$((RANDOM % (whole_ms / 2 + 1)))
  "$ARTALIGN" batch "$SCRATCH/m" -o "$SCRATCH/o/killed.tmx" --report-dir "$SCRATCH/report" --jobs 2 --resume -q \
    2>"$SCRATCH/err" &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if kill -KILL "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null
    kills=$((kills + 1))
    journal_lines=$(wc -l <"$SCRATCH/o/killed.tmx.journal" 2>/dev/null || echo none)
    echo "run $runs: killed after ${delay_ms} ms, journal lines: $journal_lines"
  else
    wait "$pid"
    status=$?
    [ "$status" -eq 0 ] || fail "run $runs exited $status: $(cat "$SCRATCH/err")"
    echo "run $runs: finished before the kill at ${delay_ms} ms; starting over"
    cmp -s <(undated "$SCRATCH/whole.tmx") <(undated "$SCRATCH/o/killed.tmx") || fail "run $runs: TMX differs"
    rm -f "$SCRATCH/o/killed.tmx"
  fi
done
[ "$kills" -eq 8 ] || fail "only $kills of 8 kills landed before a run finished"

# A kill lands while a report page is written only by luck (its write is short): leave what it
# would leave, a page's hidden temporary, as well.
mkdir -p "$SCRATCH/report/pairs"
echo '<!DOCTYPE html><html><body>half a page' >"$SCRATCH/report/pairs/.000007.html.tmp-Ab3xYz"
run 0 batch "$SCRATCH/m" -o "$SCRATCH/o/killed.tmx" --report-dir "$SCRATCH/report" --jobs 2 --resume \
  --summary "$SCRATCH/summary.json" -q
cmp -s <(undated "$SCRATCH/whole.tmx") <(undated "$SCRATCH/o/killed.tmx") \
  || fail "killed 8 times + resumed: the TMX differs from an uninterrupted run's"
[ ! -e "$SCRATCH/o/killed.tmx.journal" ] || fail "the journal should be gone after the run completed"
leftovers=$(ls -A "$SCRATCH/o" | grep -v -x 'killed.tmx')
[ -z "$leftovers" ] || fail "files left beside the output: $leftovers"
diff -r "$SCRATCH/whole-report/pairs" "$SCRATCH/report/pairs" >/dev/null \
  || fail "the report pages differ from an uninterrupted run's: $(diff -rq "$SCRATCH/whole-report/pairs" "$SCRATCH/report/pairs")"
leftovers=$(ls -A "$SCRATCH/report" "$SCRATCH/report/pairs" | grep '\.tmp-')
[ -z "$leftovers" ] || fail "temporaries left among the report pages: $leftovers"

finish
