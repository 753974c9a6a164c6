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
