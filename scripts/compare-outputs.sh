#!/usr/bin/env bash
# Runs one fixed set of commands with two builds of artalign and lists every output that differs
# (dates, versions and timings normalised): what a redesign that must not change behaviour is
# checked with. The commands: align in every format with reports, coverage, extract, batch
# (report pages, coverage, summary, --learn-lexicon), discover | stream | merge on
# samples/mirror, and align-text, align-text --batch and learn-lexicon on the alignment
# benchmark's documents (../shared/bench/alignbench.py, seed 7).
#
# usage: scripts/compare-outputs.sh OLD_ARTALIGN NEW_ARTALIGN
# Each binary reads the data/ of the checkout it was built in (BUILD/../data), or OLD_DATA and
# NEW_DATA when given. Exit 0 when every output is the same.
set -u
cd "$(dirname "$0")/.."
repo=$(pwd)
shared=${SHARED_DIR:-$repo/../shared}
old=$(realpath "${1:?usage: scripts/compare-outputs.sh OLD_ARTALIGN NEW_ARTALIGN}")
new=$(realpath "${2:?usage: scripts/compare-outputs.sh OLD_ARTALIGN NEW_ARTALIGN}")
old_data=${OLD_DATA:-$(dirname "$old")/../data}
new_data=${NEW_DATA:-$(dirname "$new")/../data}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The outputs of one binary, under OUT.
outputs() {
bin=$1; out=$2; data=$(realpath "$3")
rm -rf "$out"; mkdir -p "$out"; cd "$out"
m=$repo/samples/mirror
en=$m/english.hani.co.kr/arti/english_edition/e_international/928034.html
export ARTALIGN_DATA_DIR=$data HOME=$out/home
run() { local name=$1; shift; "$@" >"$name.stdout" 2>"$name.stderr"; echo "rc=$?" >>"$name.stdout"; }
run align "$bin" align "$en" --mirror "$m" -o a.tmx --report a.html
run align_json "$bin" align "$en" --mirror "$m" -o a2.tmx --report a.json
for f in tsv moses jsonl; do run align_$f "$bin" align "$en" --mirror "$m" --format $f -o a.$f; done
run coverage "$bin" coverage "$en" --mirror "$m"
run coverage_json "$bin" coverage "$en" --mirror "$m" --json
run extract "$bin" extract "$en"
run extract_text "$bin" extract "$en" --text
run batch "$bin" batch "$m" -o b.tmx --coverage b.cov.jsonl --report-dir brep --summary b.summary.json -j 1
run batch_learn "$bin" batch "$m" -o bl.tmx --learn-lexicon --save-lexicon bl.lex -j 1
run discover "$bin" discover "$m"
cp discover.stdout records.jsonl; sed -i '/^rc=/d' records.jsonl
run stream "$bin" stream --mirror "$m" < records.jsonl
cp stream.stdout outcomes.jsonl; sed -i '/^rc=/d' outcomes.jsonl
run merge "$bin" merge outcomes.jsonl -o m.tmx --coverage m.cov.jsonl --index m.html --summary m.summary.json
# benchmark documents
python3 $shared/bench/alignbench.py make bench --seed 7 --profile news >/dev/null 2>&1
: > pairs.tsv
for ko in bench/*.ko; do d=${ko%.ko}; n=$(basename $d)
  "$bin" align-text --source $ko --target $d.en --presplit -o bench/$n.jsonl -q
  printf '%s\t%s\t%s\n' $ko $d.en bench/$n.batch.tmx >> pairs.tsv
done
run align_text_batch "$bin" align-text --batch pairs.tsv --presplit --format tmx -q
python3 $shared/bench/alignbench.py score bench bench | tail -1 > bench_score.json
cut -f1,2 pairs.tsv > pairs2.tsv
run learn "$bin" learn-lexicon --pairs pairs2.tsv --presplit -o learned.tsv
run segment_ko "$bin" segment --language ko $shared/corpora/news-ko-en-dev/dev.ko
# normalise dates/versions
find . -type f \( -name '*.tmx' -o -name '*.html' -o -name '*.json' -o -name '*.jsonl' -o -name '*.stdout' \) -print0 |
  xargs -0 sed -i -E 's/(creationdate|changedate|creationtoolversion)="[^"]*"/\1="X"/g; s/"(created|generated|started|finished|elapsed_seconds|seconds)": *[^,}]*/"\1":X/g; s/[0-9]{8}T[0-9]{6}Z/DATE/g'
sort -o batch.stderr batch.stderr
rm -rf home
cd "$repo"
}

outputs "$old" "$scratch/old" "$old_data" >/dev/null 2>&1
outputs "$new" "$scratch/new" "$new_data" >/dev/null 2>&1
if diff -rq "$scratch/old" "$scratch/new"; then
  echo "compare-outputs: every output is the same ($(find "$scratch/new" -type f | wc -l) files)"
else
  echo "compare-outputs: the files above differ" >&2
  exit 1
fi
