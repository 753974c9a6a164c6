#!/usr/bin/env bash
# `artalign align-text --batch`: many pairs in one process give the same bytes as one process
# each, from a list file or standard input, on 1 or 3 threads; a failing pair is one line and
# the others go on; bad lists and bad usage fail before anything is written.
source "$(dirname "$0")/lib.sh"

cat >"$SCRATCH/a.ko" <<'TEXT'
트럼프 대통령은 2월 10일 백악관에서 기자회견을 열었다.
한편 서울의 날씨는 맑았다.
CNN은 트럼프가 김정은 위원장과 11월 대선 전에는 만나지 않을 것이라고 보도했다.
TEXT
cat >"$SCRATCH/a.en" <<'TEXT'
President Trump held a press conference at the White House on Feb. 10.
Trump will not meet Kim Jong-un before the presidential election in November, CNN reported.
TEXT
printf '하노이 회담은 지난해 2월 27일 열렸다.\n스톡홀름에서 실무 협상이 열렸다.\n' >"$SCRATCH/b.ko"
printf 'The Hanoi summit was held on Feb. 27 last year.\nWorking-level talks were held in Stockholm.\n' >"$SCRATCH/b.en"
printf '문재인 대통령이 말했다.\n' >"$SCRATCH/c.ko"
printf 'President Moon Jae-in said so.\n' >"$SCRATCH/c.en"
mkdir -p "$SCRATCH/one" "$SCRATCH/many"
for name in a b c; do
  run 0 align-text --presplit -q --source "$SCRATCH/$name.ko" --target "$SCRATCH/$name.en" -o "$SCRATCH/one/$name.jsonl"
  printf '%s\t%s\t%s\n' "$SCRATCH/$name.ko" "$SCRATCH/$name.en" "$SCRATCH/many/$name.jsonl" >>"$SCRATCH/list"
done

# Same bytes as one process a pair: from a file, on one and on three threads, and from stdin.
for jobs in 1 3; do
  rm -f "$SCRATCH"/many/*
  run 0 align-text --presplit --batch "$SCRATCH/list" --jobs "$jobs"
  diff -r "$SCRATCH/one" "$SCRATCH/many" >/dev/null || fail "--batch --jobs $jobs wrote other beads than one process a pair"
  [ "$(grep -c 'alignment score' "$SCRATCH/err")" -eq 3 ] || fail "expected a summary line a pair: $(cat "$SCRATCH/err")"
  grep -q "^$SCRATCH/many/b.jsonl: alignment score" "$SCRATCH/err" || fail "summary lines do not name the output"
  grep -qx '3 pairs aligned, 0 failed' "$SCRATCH/err" || fail "no closing count: $(cat "$SCRATCH/err")"
done
# Outputs are committed in groups (one flush per file system): none is left as a temporary,
# and an output that is a device is written in place among files.
ls -A "$SCRATCH/many" | grep -q tmp && fail "temporaries left behind: $(ls -A "$SCRATCH/many")"
{ cat "$SCRATCH/list"; printf '%s\t%s\t/dev/null\n' "$SCRATCH/a.ko" "$SCRATCH/a.en"; } >"$SCRATCH/list-device"
rm -f "$SCRATCH"/many/*
run 0 align-text --presplit --batch "$SCRATCH/list-device"
grep -q "^/dev/null: alignment score" "$SCRATCH/err" || fail "no summary line for the device output: $(cat "$SCRATCH/err")"
diff -r "$SCRATCH/one" "$SCRATCH/many" >/dev/null || fail "a device among the outputs changed the files written"
rm -f "$SCRATCH"/many/*
"$ARTALIGN" align-text --presplit -q --batch - <"$SCRATCH/list" >"$SCRATCH/out" 2>"$SCRATCH/err" || fail "--batch - failed: $(cat "$SCRATCH/err")"
[ -s "$SCRATCH/err" ] && fail "-q --batch - printed: $(cat "$SCRATCH/err")"
diff -r "$SCRATCH/one" "$SCRATCH/many" >/dev/null || fail "--batch - wrote other beads than one process a pair"

# Other formats go through the same writers: TMX validates.
sed 's/\.jsonl$/.tmx/' "$SCRATCH/list" >"$SCRATCH/list-tmx"
run 0 align-text --presplit -q --format tmx --batch "$SCRATCH/list-tmx" --jobs 2
for name in a b c; do
  xmllint --noout --nonet --dtdvalid "$DTD" "$SCRATCH/many/$name.tmx" 2>/dev/null || fail "batch TMX $name does not validate"
done

# The lexicon and the rest of the data are read once, whatever the pairs and threads.
# (LeakSanitizer cannot run under ptrace, so it is off for this run of a sanitizer build.)
if command -v strace >/dev/null; then
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -e trace=openat -o "$SCRATCH/trace" "$ARTALIGN" align-text --presplit -q --batch "$SCRATCH/list" --jobs 3 \
    || fail "batch under strace failed"
  # The stop word list is read at every start; a table only when the index's stamp does not
  # match (it does, for the build tree's data, so a start reads none).
  opens=$(grep -c 'lexicon/en.stopwords' "$SCRATCH/trace")
  [ "$opens" -eq 1 ] || fail "the lexicon was read $opens times for 3 pairs on 3 threads"
  tables=$(grep -c 'lexicon/news.tsv' "$SCRATCH/trace")
  [ "$tables" -le 1 ] || fail "a lexicon table was opened $tables times for 3 pairs on 3 threads"
fi

# Run again over the same pairs, an output that already holds its beads is kept (same inode,
# its time renewed), one whose pair changed is replaced; the bytes are as one process a pair.
rm -f "$SCRATCH"/many/*
run 0 align-text --presplit -q --batch "$SCRATCH/list"
touch -d '2020-01-01' "$SCRATCH"/many/*.jsonl
inode_a=$(stat -c %i "$SCRATCH/many/a.jsonl")
inode_b=$(stat -c %i "$SCRATCH/many/b.jsonl")
cp "$SCRATCH/b.ko" "$SCRATCH/b.ko.saved"
printf '하노이 회담은 지난해 2월 27일 열렸다.\n' >"$SCRATCH/b.ko"
run 0 align-text --presplit -q --batch "$SCRATCH/list"
[ "$(stat -c %i "$SCRATCH/many/a.jsonl")" = "$inode_a" ] || fail "an unchanged output was replaced, not kept"
[ "$(stat -c %Y "$SCRATCH/many/a.jsonl")" -gt "$(date -d '2021-01-01' +%s)" ] || fail "a kept output's time was not renewed"
[ "$(stat -c %i "$SCRATCH/many/b.jsonl")" != "$inode_b" ] || fail "a changed output was not replaced"
run 0 align-text --presplit -q --source "$SCRATCH/b.ko" --target "$SCRATCH/b.en" -o "$SCRATCH/b-one.jsonl"
cmp -s "$SCRATCH/b-one.jsonl" "$SCRATCH/many/b.jsonl" || fail "the replaced output differs from one process's"
mv "$SCRATCH/b.ko.saved" "$SCRATCH/b.ko"
diff -r "$SCRATCH/one" "$SCRATCH/many" >/dev/null && fail "b's output should differ after its source changed"
ls -A "$SCRATCH/many" | grep -q tmp && fail "temporaries left behind: $(ls -A "$SCRATCH/many")"

# A failing pair (missing source) is one line naming it; the others are written; an earlier
# output of the failing pair is left as it was.
rm -f "$SCRATCH"/many/*
echo old >"$SCRATCH/many/x.jsonl"
{
  sed -n 1p "$SCRATCH/list"
  printf '%s\t%s\t%s\n' "$SCRATCH/missing.ko" "$SCRATCH/a.en" "$SCRATCH/many/x.jsonl"
  sed -n '2,3p' "$SCRATCH/list"
} >"$SCRATCH/list-bad"
run 1 align-text --presplit -q --batch "$SCRATCH/list-bad" --jobs 2
expect_error "pair on line 2 ($SCRATCH/missing.ko + $SCRATCH/a.en -> $SCRATCH/many/x.jsonl): $SCRATCH/missing.ko: no such file"
for name in a b c; do
  cmp -s "$SCRATCH/one/$name.jsonl" "$SCRATCH/many/$name.jsonl" || fail "pair $name was not aligned after a failing pair"
done
[ "$(cat "$SCRATCH/many/x.jsonl")" = old ] || fail "the failing pair's earlier output was changed"

# A bad list fails before anything is aligned.
rm -f "$SCRATCH"/many/*
{ sed -n 1p "$SCRATCH/list"; printf 'only-one-path.ko\n'; } >"$SCRATCH/list-malformed"
run 1 align-text --presplit -q --batch "$SCRATCH/list-malformed"
expect_error "$SCRATCH/list-malformed: line 2 is not SOURCE<TAB>TARGET<TAB>OUTPUT (three paths)"
[ -e "$SCRATCH/many/a.jsonl" ] && fail "a malformed list still aligned its first pair"
run 1 align-text --presplit -q --batch "$SCRATCH/no-such-list"
expect_error "$SCRATCH/no-such-list: no such file"

# A list that would lose a file fails before anything is written: an output that is an input
# (of its own pair, of another pair, the lexicon), or two pairs writing one file, also through a
# symlinked directory or a hard link. Devices and FIFOs may be written by several pairs.
cp "$SCRATCH/a.ko" "$SCRATCH/a.ko.saved"
printf '%s\t%s\t%s\n' "$SCRATCH/b.ko" "$SCRATCH/b.en" "$SCRATCH/many/b.jsonl" "$SCRATCH/c.ko" "$SCRATCH/c.en" "$SCRATCH/a.ko" \
  "$SCRATCH/a.ko" "$SCRATCH/a.en" "$SCRATCH/many/a.jsonl" >"$SCRATCH/list-over-input"
run 1 align-text --presplit -q --batch "$SCRATCH/list-over-input" --jobs 2
expect_error "$SCRATCH/list-over-input: line 2's output $SCRATCH/a.ko is the source of line 3 ($SCRATCH/a.ko); artalign never writes over its input"
cmp -s "$SCRATCH/a.ko" "$SCRATCH/a.ko.saved" || fail "a pair's output overwrote another pair's source"
[ -e "$SCRATCH/many/b.jsonl" ] && fail "a list with an output over an input still aligned its first pair"
printf '%s\t%s\t%s\n' "$SCRATCH/a.ko" "$SCRATCH/a.en" "$SCRATCH/a.en" >"$SCRATCH/list-own-input"
run 1 align-text --presplit -q --batch "$SCRATCH/list-own-input"
expect_error "$SCRATCH/list-own-input: line 1's output $SCRATCH/a.en is the target of line 1 ($SCRATCH/a.en); artalign never writes over its input"
printf '대통령\tpresident\n' >"$SCRATCH/lexicon.tsv"
printf '%s\t%s\t%s\n' "$SCRATCH/a.ko" "$SCRATCH/a.en" "$SCRATCH/lexicon.tsv" >"$SCRATCH/list-over-lexicon"
run 1 align-text --presplit -q --batch "$SCRATCH/list-over-lexicon" --lexicon "$SCRATCH/lexicon.tsv"
expect_error "$SCRATCH/list-over-lexicon: line 1's output $SCRATCH/lexicon.tsv is the --lexicon ($SCRATCH/lexicon.tsv); artalign never writes over its input"
[ "$(cat "$SCRATCH/lexicon.tsv")" = "$(printf '대통령\tpresident')" ] || fail "the lexicon was written over"
ln -sfn "$SCRATCH/many" "$SCRATCH/many-link"
printf '%s\t%s\t%s\n' "$SCRATCH/a.ko" "$SCRATCH/a.en" "$SCRATCH/many/same.jsonl" "$SCRATCH/b.ko" "$SCRATCH/b.en" \
  "$SCRATCH/many-link/same.jsonl" >"$SCRATCH/list-same-output"
run 1 align-text --presplit -q --batch "$SCRATCH/list-same-output" --jobs 2
expect_error "$SCRATCH/list-same-output: lines 1 and 2 write one file ($SCRATCH/many-link/same.jsonl); each pair needs its own output"
[ -e "$SCRATCH/many/same.jsonl" ] && fail "a list with two pairs writing one file still wrote it"
echo old >"$SCRATCH/many/kept.jsonl"
ln -f "$SCRATCH/many/kept.jsonl" "$SCRATCH/many/kept-link.jsonl"
printf '%s\t%s\t%s\n' "$SCRATCH/a.ko" "$SCRATCH/a.en" "$SCRATCH/many/kept.jsonl" "$SCRATCH/b.ko" "$SCRATCH/b.en" \
  "$SCRATCH/many/kept-link.jsonl" >"$SCRATCH/list-hard-link"
run 1 align-text --presplit -q --batch "$SCRATCH/list-hard-link"
expect_error "$SCRATCH/list-hard-link: lines 1 and 2 write one file ($SCRATCH/many/kept-link.jsonl); each pair needs its own output"
[ "$(cat "$SCRATCH/many/kept.jsonl")" = old ] || fail "a list with two names of one file still wrote it"
rm -f "$SCRATCH/many/kept.jsonl" "$SCRATCH/many/kept-link.jsonl"
mkfifo "$SCRATCH/shared.fifo"
exec 3<>"$SCRATCH/shared.fifo"  # held open for reading and writing: both pairs' small outputs fit its buffer
printf '%s\t%s\t%s\n' "$SCRATCH/a.ko" "$SCRATCH/a.en" "$SCRATCH/shared.fifo" "$SCRATCH/b.ko" "$SCRATCH/b.en" \
  "$SCRATCH/shared.fifo" >"$SCRATCH/list-fifos"
run 0 align-text --presplit -q --batch "$SCRATCH/list-fifos" --jobs 2
exec 3<&-

printf '# comment\n\n' >"$SCRATCH/list-empty"
run 0 align-text --presplit -q --batch "$SCRATCH/list-empty"

# Usage errors.
run 2 align-text --batch "$SCRATCH/list" --source "$SCRATCH/a.ko"
expect_error "--batch takes the files from its list: no --source, --target or --output"
run 2 align-text --batch "$SCRATCH/list" -o "$SCRATCH/x.jsonl"
expect_error "--batch takes the files from its list: no --source, --target or --output"
run 2 align-text --source "$SCRATCH/a.ko" --target "$SCRATCH/a.en" --jobs 2
expect_error "--jobs goes with --batch"
run 2 align-text --batch "$SCRATCH/list" --jobs 0
expect_error "--jobs takes a whole number from 1 to 1024, not '0'"
finish
