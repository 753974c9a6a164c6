#!/usr/bin/env bash
# CLI conventions: --version, --help on every verb, usage errors exit 2 with one line.
source "$(dirname "$0")/lib.sh"

run 0 --version
grep -qE '^artalign [0-9]+\.[0-9]+\.[0-9]+$' "$SCRATCH/out" || fail "--version printed: $(cat "$SCRATCH/out")"

run 0 --help
grep -q 'align EN_PAGE' "$SCRATCH/out" || fail "--help does not list the align verb"
grep -q 'extract PAGE' "$SCRATCH/out" || fail "--help does not list the extract verb"
grep -q 'exit codes' "$SCRATCH/out" || fail "--help does not document exit codes"

run 0 align --help
grep -q -- '--output' "$SCRATCH/out" || fail "align --help does not describe --output"
run 0 align -h
grep -q -- '--format' "$SCRATCH/out" || fail "align --help does not describe --format"
grep -q -- '--append' "$SCRATCH/out" || fail "align --help does not describe --append"
run 0 --help
grep -q 'validate FILE.tmx' "$SCRATCH/out" || fail "--help does not list the validate verb"
run 0 validate -h

# The verbs that read pages declare the same page options (page_options.cpp); align, coverage
# and extract fetch unless --offline, batch and stream only with --fetch.
for verb in align coverage extract batch stream; do
  run 0 "$verb" --help
  for option in --mirror --profiles --cache --timeout --max-page-size --max-fetch-time --max-sentences; do
    grep -q -- "  $option " "$SCRATCH/out" || fail "$verb --help does not describe $option"
  done
  case "$verb" in
    batch|stream) present=--fetch absent=--offline ;;
    *) present=--offline absent=--fetch ;;
  esac
  grep -q -- "  $present " "$SCRATCH/out" || fail "$verb --help does not describe $present"
  grep -q -- "  $absent " "$SCRATCH/out" && fail "$verb --help describes $absent"
  run 2 "$verb" "$absent"
  expect_error "unknown option '$absent'"
done
run 2 batch "$SOURCE_DIR/samples/mirror" -o "$SCRATCH/x.tmx" --timeout 0
expect_error "--timeout takes a whole number of seconds from 1 to 99999, not '0'"

run 2
run 2 frobnicate
expect_error "unknown verb 'frobnicate' (see artalign --help)"
run 2 align "$SAMPLE_EN"
expect_error "missing -o/--output FILE for the TMX"
run 2 align --no-such-option "$SAMPLE_EN" -o "$SCRATCH/x.tmx"
expect_error "unknown option '--no-such-option'"
run 2 align "$SAMPLE_EN" -o
expect_error "option '-o' needs a value (FILE)"
run 2 align a b c -o "$SCRATCH/x.tmx"
[ -e "$SCRATCH/x.tmx" ] && fail "a usage error wrote an output file"

run 0 align -q "$SAMPLE_EN" -o "$SCRATCH/q.tmx"
[ -s "$SCRATCH/out" ] && fail "--quiet still printed: $(cat "$SCRATCH/out")"
[ -s "$SCRATCH/q.tmx" ] || fail "--quiet run wrote no TMX"
xmllint --noout --nonet --dtdvalid "$DTD" "$SCRATCH/q.tmx" 2>/dev/null || fail "q.tmx does not validate against the DTD"
finish
