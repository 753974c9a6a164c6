#!/usr/bin/env bash
# Robustness: every sample page truncated at several points and with random bytes overwritten
# must give an article or a one-line error (exit 0 or 1), never a crash or a sanitizer report.
source "$(dirname "$0")/lib.sh"

mapfile -t pages < <(find "$SOURCE_DIR/samples/mirror" -name '*.html' | sort)
python3 - "$SCRATCH" "${pages[@]}" <<'PY'
import os, random, sys
scratch, pages = sys.argv[1], sys.argv[2:]
rng = random.Random(20261127)  # fixed seed: the same variants on every run
n = 0
for page in pages:
    data = open(page, "rb").read()
    for cut in (0.1, 0.5, 0.9):
        n += 1
        open(os.path.join(scratch, "variant-%03d.html" % n), "wb").write(data[: int(len(data) * cut)])
    for _ in range(3):
        mutated = bytearray(data)
        for _ in range(40):
            mutated[rng.randrange(len(mutated))] = rng.randrange(1, 256)
        n += 1
        open(os.path.join(scratch, "variant-%03d.html" % n), "wb").write(bytes(mutated))
PY
for variant in "$SCRATCH"/variant-*.html; do
  "$ARTALIGN" extract --offline "$variant" >"$SCRATCH/out" 2>"$SCRATCH/err"
  status=$?
  case $status in
    0) python3 -c "import json,sys; json.load(open(sys.argv[1], encoding='utf-8'))" "$SCRATCH/out" \
         || fail "$variant: extract printed invalid JSON" ;;
    1) grep -q "^artalign: error: $variant: " "$SCRATCH/err" || fail "$variant: error does not name the page: $(head -3 "$SCRATCH/err")" ;;
    *) fail "$variant: exit $status: $(head -5 "$SCRATCH/err")" ;;
  esac
done
finish
