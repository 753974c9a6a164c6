#!/usr/bin/env bash
# CPU time of `artalign align-text --batch` against `hunalign -batch` on the same generated
# documents (the shared benchmark's `news` profile), one thread each, both whole processes,
# run in alternation; prints each one's CPU seconds (user + system, from the kernel's rusage
# of the child in microseconds, not /usr/bin/time's hundredths) and the ratio.
#
#   bench/hunalign_compare.sh HUNALIGN_SOURCE [--seeds 7] [--repeat 5] [--binary build/artalign]
#
# One seed cuts the whole benchmark corpus (1,000 sentence pairs) into about 40 documents, every
# one of them distinct: the default. Each further seed cuts the same corpus again (seeds 7 and 8
# share 906 of their 970 Korean sentences), and a batch over repeated text is cheaper for
# artalign, which caches what it found for a word across the documents of a run, than for
# hunalign, which caches nothing: more seeds flatter artalign and measure repetition.
#
# HUNALIGN_SOURCE is a checkout of hunalign's public source (github.com/danielvarga/hunalign):
# its src/ is copied to a temporary folder and built there with its own Makefile (nothing of
# it enters this repository). hunalign gets an empty dictionary (its data/null.dic), so it
# aligns by length and identical tokens; artalign uses its lexicon, names and numbers.
# Documents are presplit (one sentence a line), as hunalign wants them; hunalign runs with
# -utf so that it counts characters, not bytes. Prints, for outputs left from the round
# before and for fresh outputs, the fastest and the median of REPEAT runs of each and the
# median of the rounds' ratios.
# Exits 77 when the benchmark (../shared/bench/alignbench.py or SHARED_DIR) is not there,
# 2 when hunalign cannot be built (saying why).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source=${1:?usage: bench/hunalign_compare.sh HUNALIGN_SOURCE [--seeds 7] [--repeat 5] [--binary FILE]}
shift
seeds=7
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
# Two cases, in alternation within each round: the outputs are there from the round before (a
# batch run again: artalign keeps an output that already holds its text, hunalign rewrites it
# in place), and a fresh run (each tool's outputs removed first, outside the timing: both
# create every file).
# The two tools take turns at going first, as the one after a removal meets a file system
# that has just freed what the other then finds freed a moment longer.
declare -A runs
run_artalign() {
  runs[artalign-$1]+="$(cpu_of "$work/a.time" "$binary" align-text --presplit -q --batch "$work/artalign.list" --jobs 1);"
}
run_hunalign() {
  # hunalign writes a translate.txt into its working directory: run it in the temporary one.
  runs[hunalign-$1]+="$(cd "$work" && cpu_of "$work/h.time" "$hunalign" -utf -batch "$work/null.dic" "$work/hunalign.list");"
}
for round in $(seq 1 "$repeat"); do
  for case in again fresh; do
    [ "$case" = fresh ] && rm -f "$work/out-artalign"/* "$work/out-hunalign"/*
    if [ $((round % 2)) -eq 1 ]; then run_artalign "$case"; run_hunalign "$case"
    else run_hunalign "$case"; run_artalign "$case"; fi
  done
done
[ "$(ls "$work/out-artalign" | wc -l)" -eq "$documents" ] || { echo "artalign wrote too few outputs" >&2; exit 1; }
[ "$(ls "$work/out-hunalign" | wc -l)" -eq "$documents" ] || { echo "hunalign wrote too few outputs" >&2; exit 1; }
echo "$documents documents (news, seeds $seeds), $sentences sentences; $repeat alternating rounds;" \
  "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
# CPU time is user + system from the kernel's accounting, which is exact for the sum; how it is
# split between user and system is sampled at the timer tick, so only the sums are compared.
# The fastest run, the median run and the median of the rounds' ratios are given: the sums
# swing with the disk and with other work, so one run alone says little.
python3 - "$sentences" "${runs[artalign-again]}" "${runs[hunalign-again]}" "${runs[artalign-fresh]}" "${runs[hunalign-fresh]}" <<'PY'
import statistics, sys
sentences = int(sys.argv[1])
def parse(item):
    return [sum(float(x) for x in run.split()) for run in item.split(";") if run]
cases = {"outputs there from the round before": (parse(sys.argv[2]), parse(sys.argv[3])),
         "fresh outputs (removed before each run)": (parse(sys.argv[4]), parse(sys.argv[5]))}
for name, (artalign, hunalign) in cases.items():
    a_fast, h_fast = min(artalign), min(hunalign)
    a_median, h_median = statistics.median(artalign), statistics.median(hunalign)
    rounds = statistics.median(a / h for a, h in zip(artalign, hunalign))
    print(f"{name}:")
    print(f"  artalign align-text --batch: fastest {a_fast:.3f} CPU s ({sentences / a_fast:.0f} sentences per CPU second), median {a_median:.3f}")
    print(f"  hunalign -batch:             fastest {h_fast:.3f} CPU s ({sentences / h_fast:.0f} sentences per CPU second), median {h_median:.3f}")
    print(f"  CPU-time ratio artalign / hunalign: {a_fast / h_fast:.2f} fastest runs, {a_median / h_median:.2f} median runs, "
          f"{rounds:.2f} median of the rounds")
PY
