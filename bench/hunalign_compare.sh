#!/usr/bin/env bash
# CPU time of `artalign align-text --batch` against `hunalign -batch` on the same generated
# documents (the shared benchmark's `news` profile), one thread each, both whole processes,
# run in alternation; prints each one's CPU seconds (user + system, from the kernel's rusage
# of the child in microseconds, not /usr/bin/time's hundredths) and the ratio.
#
#   bench/hunalign_compare.sh HUNALIGN_SOURCE [--seeds 7,8] [--repeat 5] [--binary build/artalign]
#
# HUNALIGN_SOURCE is a checkout of hunalign's public source (github.com/danielvarga/hunalign):
# its src/ is copied to a temporary folder and built there with its own Makefile (nothing of
# it enters this repository). hunalign gets an empty dictionary (its data/null.dic), so it
# aligns by length and identical tokens; artalign uses its lexicon, names and numbers.
# Documents are presplit (one sentence a line), as hunalign wants them; hunalign runs with
# -utf so that it counts characters, not bytes. Keeps the fastest run of each (REPEAT runs).
# Exits 77 when the benchmark (../shared/bench/alignbench.py or SHARED_DIR) is not there,
# 2 when hunalign cannot be built (saying why).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source=${1:?usage: bench/hunalign_compare.sh HUNALIGN_SOURCE [--seeds 7,8] [--repeat 5] [--binary FILE]}
shift
seeds=7,8
repeat=5
binary="$root/build/artalign"
while [ $# -gt 0 ]; do
  case "$1" in
    --seeds) seeds=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --binary) binary=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
bench="${SHARED_DIR:-$root/../shared}/bench/alignbench.py"
[ -f "$bench" ] || { echo "skipped: $bench not found" >&2; exit 77; }
[ -x "$binary" ] || { echo "build artalign first: $binary" >&2; exit 2; }
[ -f "$source/src/hunalign/Makefile" ] ||
  { echo "cannot build hunalign: $source/src/hunalign/Makefile not found (give a checkout of github.com/danielvarga/hunalign)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$source/src" "$work/src"
if ! make -C "$work/src/hunalign" -j2 >"$work/make.log" 2>&1; then
  echo "cannot build hunalign in $work (make failed):" >&2
  tail -5 "$work/make.log" >&2
  exit 2
fi
hunalign="$work/src/hunalign/hunalign"
: >"$work/null.dic"

mkdir -p "$work/docs" "$work/out-artalign" "$work/out-hunalign"
: >"$work/artalign.list"
: >"$work/hunalign.list"
documents=0
sentences=0
for seed in ${seeds//,/ }; do
  python3 "$bench" make "$work/seed$seed" --profile news --seed "$seed" >/dev/null
  for ko in "$work/seed$seed"/doc*.ko; do
    name="s$seed-$(basename "$ko" .ko)"
    en="${ko%.ko}.en"
    printf '%s\t%s\t%s\n' "$ko" "$en" "$work/out-artalign/$name.jsonl" >>"$work/artalign.list"
    # hunalign's batch line is source, target, output too; its source is the first language.
    printf '%s\t%s\t%s\n' "$ko" "$en" "$work/out-hunalign/$name.ladder" >>"$work/hunalign.list"
    documents=$((documents + 1))
    sentences=$((sentences + $(wc -l <"$ko") + $(wc -l <"$en")))
  done
done

cpu_of() {  # cpu_of LOG COMMAND...: "user system" seconds of COMMAND
  local log=$1; shift
  python3 - "$log" "$@" <<'PY' || { echo "failed: $*" >&2; tail -3 "$log.err" >&2; exit 1; }
import resource, subprocess, sys
log, command = sys.argv[1], sys.argv[2:]
before = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(log + ".err", "w") as err:
    code = subprocess.call(command, stdout=subprocess.DEVNULL, stderr=err)
after = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{after.ru_utime - before.ru_utime:.4f} {after.ru_stime - before.ru_stime:.4f}")
sys.exit(code)
PY
}
# The run with the least user + system time, as "user system".
least() { awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); print (a == "" || y[1] + y[2] < x[1] + x[2]) ? b : a }'; }
best_artalign=
best_hunalign=
for _ in $(seq 1 "$repeat"); do
  a=$(cpu_of "$work/a.time" "$binary" align-text --presplit -q --batch "$work/artalign.list" --jobs 1)
  # hunalign writes a translate.txt into its working directory: run it in the temporary one.
  h=$(cd "$work" && cpu_of "$work/h.time" "$hunalign" -utf -batch "$work/null.dic" "$work/hunalign.list")
  best_artalign=$(least "$best_artalign" "$a")
  best_hunalign=$(least "$best_hunalign" "$h")
done
[ "$(ls "$work/out-artalign" | wc -l)" -eq "$documents" ] || { echo "artalign wrote too few outputs" >&2; exit 1; }
[ "$(ls "$work/out-hunalign" | wc -l)" -eq "$documents" ] || { echo "hunalign wrote too few outputs" >&2; exit 1; }
echo "$documents documents (news, seeds $seeds), $sentences sentences; best of $repeat alternating runs;" \
  "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
# artalign's system time is mostly the fsync of each output it writes (atomically); hunalign
# writes without one.
awk -v as="$best_artalign" -v hs="$best_hunalign" -v n="$sentences" 'BEGIN {
  split(as, x, " "); split(hs, y, " "); a = x[1] + x[2]; h = y[1] + y[2]
  printf "artalign align-text --batch: %.3f CPU s = %.3f user + %.3f system (%.0f sentences per CPU second)\n", a, x[1], x[2], n / a
  printf "hunalign -batch:             %.3f CPU s = %.3f user + %.3f system (%.0f sentences per CPU second)\n", h, y[1], y[2], n / h
  printf "CPU-time ratio artalign / hunalign = %.2f (user time alone: %.2f)\n", a / h, x[1] / y[1]
}'
