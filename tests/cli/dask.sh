#!/usr/bin/env bash
# A real distributed engine: discover | stream | merge on a Dask LocalCluster (two worker
# processes, scripts/dask_stream.py) gives the TMX batch gives, byte for byte apart from dates.
source "$(dirname "$0")/lib.sh"

undated() { sed -E 's/creationdate="[^"]*"//g' "$1"; }
# Debian's python3-distributed is for Debian's python3, which may not be first on PATH.
python=
for candidate in "${DASK_PYTHON:-python3}" /usr/bin/python3; do
  "$candidate" -c "import dask.bag, distributed" 2>/dev/null && { python=$candidate; break; }
done
[ -n "$python" ] || { fail "Dask is not installed (python3-distributed; scripts/install-deps.sh)"; finish; }

python3 "$SOURCE_DIR/bench/generate_pairs.py" "$SCRATCH/m" 24 --small --bad || fail "generate_pairs.py"
run 1 batch "$SCRATCH/m" -o "$SCRATCH/batch.tmx" --summary "$SCRATCH/batch.json" -q   # --bad: one pair fails
"$ARTALIGN" discover "$SCRATCH/m" -o "$SCRATCH/records.jsonl" || fail "discover failed"
"$python" "$SOURCE_DIR/scripts/dask_stream.py" "$SCRATCH/records.jsonl" "$SCRATCH/outcomes.jsonl" \
  --workers 2 --partitions 5 --artalign "$ARTALIGN" 2>"$SCRATCH/dask.err" \
  || fail "dask_stream.py failed: $(tail -5 "$SCRATCH/dask.err")"
grep -q "^dask_stream: 26 records in 5 partitions on [12] workers" "$SCRATCH/dask.err" \
  || fail "dask_stream.py summary: $(tail -3 "$SCRATCH/dask.err")"
run 1 merge "$SCRATCH/outcomes.jsonl" -o "$SCRATCH/dask.tmx" --summary "$SCRATCH/dask.json"
cmp -s <(undated "$SCRATCH/batch.tmx") <(undated "$SCRATCH/dask.tmx") || fail "Dask TMX != batch TMX"
python3 - "$SCRATCH/batch.json" "$SCRATCH/dask.json" <<'PY' || fail "summaries differ"
import json, sys
batch, dask = (json.load(open(p)) for p in sys.argv[1:3])
for key in ("aligned", "skipped", "failed", "units"):
    assert batch[key] == dask[key], (key, batch[key], dask[key])
PY
finish
