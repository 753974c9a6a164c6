# Shared helpers for the command-line tests. Expects ARTALIGN (the binary) and SOURCE_DIR.
set -uo pipefail

: "${ARTALIGN:?set ARTALIGN to the artalign binary}"
: "${SOURCE_DIR:?set SOURCE_DIR to the source tree}"
SAMPLE_EN="$SOURCE_DIR/samples/mirror/english.hani.co.kr/arti/english_edition/e_international/928034.html"
SAMPLE_KO="$SOURCE_DIR/samples/mirror/www.hani.co.kr/arti/international/america/927886.html"
DTD="$SOURCE_DIR/data/tmx/tmx14.dtd"
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# run EXPECTED_STATUS ARGS...: runs artalign, keeps stdout/stderr in $SCRATCH/out, $SCRATCH/err.
run() {
  local expected=$1; shift
  "$ARTALIGN" "$@" >"$SCRATCH/out" 2>"$SCRATCH/err"
  local status=$?
  [ "$status" -eq "$expected" ] || fail "artalign $* exited $status, expected $expected; stderr: $(cat "$SCRATCH/err")"
}

# expect_error TEXT: stderr is exactly one line, "artalign: error: TEXT".
expect_error() {
  local lines; lines=$(wc -l <"$SCRATCH/err")
  [ "$lines" -eq 1 ] || fail "expected one line on stderr, got $lines: $(cat "$SCRATCH/err")"
  grep -qxF "artalign: error: $1" "$SCRATCH/err" || fail "expected 'artalign: error: $1', got: $(cat "$SCRATCH/err")"
}

finish() {
  [ "$failures" -eq 0 ] && echo "ok" || { echo "$failures failure(s)" >&2; exit 1; }
}
