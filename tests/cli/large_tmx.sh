#!/usr/bin/env bash
# A TMX larger than memory should need: validate and --append stream a 128 MiB memory (about
# 160,000 units) with a peak memory well below the file's size, and the append keeps every
# existing byte. bench/large_tmx.sh does the same at 500 MiB and prints the figures.
source "$(dirname "$0")/lib.sh"

peak_mib() { echo $(($(sed -n 's/^\tMaximum resident set size (kbytes): //p' "$1") / 1024)); }
# AddressSanitizer keeps freed memory in quarantine (256 MiB by default), so peak memory says
# nothing about streaming there: the sanitizer build checks the results only, on a smaller
# memory (it runs about five times slower).
sanitized=0
# Read ldd's whole output first: `ldd | grep -q` under pipefail fails when grep stops early
# and ldd dies of SIGPIPE, which took a sanitizer build for a plain one.
case "$(ldd "$ARTALIGN" 2>/dev/null)" in *libasan*) sanitized=1 ;; esac
megabytes=128
[ "$sanitized" -eq 0 ] || megabytes=32

python3 "$SOURCE_DIR/bench/generate_tmx.py" "$SCRATCH/big.tmx" "$megabytes" >/dev/null || fail "generate_tmx.py"
size=$(stat -c %s "$SCRATCH/big.tmx")
units=$(grep -c '<tu ' "$SCRATCH/big.tmx")

/usr/bin/time -v "$ARTALIGN" validate "$SCRATCH/big.tmx" >"$SCRATCH/out" 2>"$SCRATCH/time" || fail "validate failed: $(cat "$SCRATCH/out")"
grep -q "^$SCRATCH/big.tmx: valid TMX 1.4 ($units units, srclang ko, UTF-8; checked: " "$SCRATCH/out" || fail "validate: $(cat "$SCRATCH/out")"
peak=$(peak_mib "$SCRATCH/time")
[ "$sanitized" -eq 1 ] || [ "$peak" -lt 64 ] || fail "validate of a $((size >> 20)) MiB memory peaked at $peak MiB (streaming should stay below 64 MiB)"

cp "$SCRATCH/big.tmx" "$SCRATCH/memory.tmx"
/usr/bin/time -v "$ARTALIGN" align -q "$SAMPLE_EN" --append "$SCRATCH/memory.tmx" 2>"$SCRATCH/time" \
  || fail "--append failed: $(cat "$SCRATCH/time")"
peak=$(peak_mib "$SCRATCH/time")
# The memory's units are remembered as 128-bit hashes for deduplication: 16-32 bytes each.
[ "$sanitized" -eq 1 ] || [ "$peak" -lt 128 ] || fail "--append into a $((size >> 20)) MiB memory peaked at $peak MiB"
added=$(($(grep -c '<tu ' "$SCRATCH/memory.tmx") - units))
[ "$added" -eq 13 ] || fail "--append added $added units, expected the sample's 13"
keep=$((size - $(printf '  </body>\n</tmx>\n' | wc -c)))
cmp -s <(head -c "$keep" "$SCRATCH/big.tmx") <(head -c "$keep" "$SCRATCH/memory.tmx") || fail "--append changed existing bytes"
run 0 validate -q "$SCRATCH/memory.tmx"
[ "$(ls -A "$SCRATCH" | grep -c '\.tmp-')" -eq 0 ] || fail "a temporary file was left behind"

finish
