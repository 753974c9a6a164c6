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
# -utf so that it counts characters, not bytes. Prints the fastest and the median of REPEAT
# runs of each.
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
artalign_runs=()
hunalign_runs=()
for _ in $(seq 1 "$repeat"); do
  artalign_runs+=("$(cpu_of "$work/a.time" "$binary" align-text --presplit -q --batch "$work/artalign.list" --jobs 1)")
  # hunalign writes a translate.txt into its working directory: run it in the temporary one.
  hunalign_runs+=("$(cd "$work" && cpu_of "$work/h.time" "$hunalign" -utf -batch "$work/null.dic" "$work/hunalign.list")")
done
[ "$(ls "$work/out-artalign" | wc -l)" -eq "$documents" ] || { echo "artalign wrote too few outputs" >&2; exit 1; }
[ "$(ls "$work/out-hunalign" | wc -l)" -eq "$documents" ] || { echo "hunalign wrote too few outputs" >&2; exit 1; }
echo "$documents documents (news, seeds $seeds), $sentences sentences; $repeat alternating runs each;" \
  "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
# artalign's system time is mostly the writing of its outputs (each atomic, synced in groups);
# hunalign writes without a sync. Both the fastest run and the median run of each are given:
# the sums swing with the disk and with other work, so one run alone says little.
python3 - "$sentences" "${#artalign_runs[@]}" "${artalign_runs[@]}" "${hunalign_runs[@]}" <<'PY'
import statistics, sys
sentences, runs = int(sys.argv[1]), int(sys.argv[2])
def parse(items):
    return [tuple(float(x) for x in item.split()) for item in items]
artalign = parse(sys.argv[3:3 + runs])
hunalign = parse(sys.argv[3 + runs:])
def fastest(times):
    return min(times, key=sum)
def median(times):
    return statistics.median(sum(t) for t in times)
a, h = fastest(artalign), fastest(hunalign)
print(f"artalign align-text --batch: {sum(a):.3f} CPU s = {a[0]:.3f} user + {a[1]:.3f} system "
      f"({sentences / sum(a):.0f} sentences per CPU second); median of runs {median(artalign):.3f}")
print(f"hunalign -batch:             {sum(h):.3f} CPU s = {h[0]:.3f} user + {h[1]:.3f} system "
      f"({sentences / sum(h):.0f} sentences per CPU second); median of runs {median(hunalign):.3f}")
print(f"CPU-time ratio artalign / hunalign = {sum(a) / sum(h):.2f} fastest runs, "
      f"{median(artalign) / median(hunalign):.2f} median runs (user time alone: {a[0] / h[0]:.2f})")
PY
