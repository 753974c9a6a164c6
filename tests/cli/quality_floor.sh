#!/usr/bin/env bash
# Quality floor on the alignment benchmark: strict F1 on the `news` profile (seed 7) must not
# fall below FLOOR, nor its omission F1 below OMISSION_FLOOR. Needs ../shared (the benchmark and its corpus, kept outside the project);
# exits 77 (CTest: skipped) when it is absent, as in a fresh clone.
source "$(dirname "$0")/lib.sh"
FLOOR=${FLOOR:?set FLOOR}
OMISSION_FLOOR=${OMISSION_FLOOR:?set OMISSION_FLOOR}
status=0
result=$(bash "$SOURCE_DIR/bench/quality.sh" --binary "$ARTALIGN" news) || status=$?
if [ "$status" -eq 77 ]; then echo "skipped: ../shared not found"; exit 77; fi
[ "$status" -eq 0 ] || { echo "FAIL: bench/quality.sh exited $status" >&2; exit 1; }
echo "$result"
score() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])["score"][sys.argv[2]]["F1"])' "$result" "$1"; }
at_least() { python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) >= float(sys.argv[2]) else 1)' "$1" "$2"; }
f1=$(score strict)
omission=$(score omit)
at_least "$f1" "$FLOOR" || fail "strict F1 on news is $f1, below the floor $FLOOR (docs/quality.md)"
at_least "$omission" "$OMISSION_FLOOR" || fail "omission F1 on news is $omission, below the floor $OMISSION_FLOOR (docs/quality.md)"
finish
