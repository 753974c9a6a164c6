#!/usr/bin/env bash
# install.consumer: artalign installed and used as another project would use it. Installs the
# current build into a fresh prefix, checks what is there (and that no path of the source or
# build tree leaked into the package files), builds examples/ against the prefix alone with
# find_package, runs align_texts on the Korean and English text of the sample article (its
# coverage line must be the command line's for the pair), validates the TMX it writes, checks
# that it read its data from the prefix, and builds a small program with pkg-config.
# Environment: CMAKE, BUILD_DIR, SOURCE_DIR; CXX (the compiler that built the library) and
# CONSUMER_LINK_FLAGS (what linking the library needs beyond it: the sanitizers' runtimes).
set -uo pipefail
: "${CMAKE:?}" "${BUILD_DIR:?}" "${SOURCE_DIR:?}"
CXX=${CXX:-c++}
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
prefix=$SCRATCH/prefix
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# must DESCRIPTION COMMAND...: runs COMMAND with its output in $SCRATCH/log; stops the test when it fails.
must() {
  local what=$1; shift
  "$@" >"$SCRATCH/log" 2>&1 || { cat "$SCRATCH/log" >&2; echo "FAIL: $what" >&2; exit 1; }
}
unset ARTALIGN_DATA_DIR  # the program must find the data through the prefix, not the environment

# 1. Install, and look at what was installed.
must "cmake --install into a fresh prefix" "$CMAKE" --install "$BUILD_DIR" --prefix "$prefix"
for file in bin/artalign lib/libartalign.a include/artalign/version.hpp include/artalign/types.hpp \
            include/artalign/error.hpp lib/cmake/artalign/artalignConfig.cmake \
            lib/cmake/artalign/artalignConfigVersion.cmake lib/cmake/artalign/artalignTargets.cmake \
            lib/pkgconfig/artalign.pc share/artalign/tmx/tmx14.dtd; do
  [ -f "$prefix/$file" ] || fail "$file was not installed"
done
for header in "$SOURCE_DIR"/include/artalign/*.hpp; do
  [ -f "$prefix/include/artalign/${header##*/}" ] || fail "include/artalign/${header##*/} was not installed"
done
# Only the public headers: no internal header (src/STAGE/*.hpp) and no template.
extra=$(cd "$prefix/include" && find . -type f ! -path './artalign/*.hpp')
[ -z "$extra" ] || fail "installed beside the public headers: $extra"
leaks=$(grep -rlF -e "$SOURCE_DIR" -e "$BUILD_DIR" "$prefix/lib/cmake" "$prefix/lib/pkgconfig" "$prefix/include")
[ -z "$leaks" ] || fail "the package names the source or build tree: $leaks"

# 2. Texts to align: the Korean and English articles of the sample pair, as the installed
#    command line extracts them; and the coverage line the command line gives for the pair.
sample_ko=$SOURCE_DIR/samples/mirror/www.hani.co.kr/arti/international/america/927886.html
sample_en=$SOURCE_DIR/samples/mirror/english.hani.co.kr/arti/english_edition/e_international/928034.html
must "artalign extract (Korean)" "$prefix/bin/artalign" extract --text "$sample_ko"
cp "$SCRATCH/log" "$SCRATCH/ko.txt"
must "artalign extract (English)" "$prefix/bin/artalign" extract --text "$sample_en"
cp "$SCRATCH/log" "$SCRATCH/en.txt"
must "artalign align on the sample" "$prefix/bin/artalign" align "$sample_en" "$sample_ko" -o "$SCRATCH/cli.tmx"
cli_coverage=$(grep '^coverage: ' "$SCRATCH/log")

# 3. examples/ against the prefix alone: find_package(artalign) and artalign::artalign.
configure=("$CMAKE" -S "$SOURCE_DIR/examples" -B "$SCRATCH/examples" -DCMAKE_PREFIX_PATH="$prefix"
           -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
[ -z "${CONSUMER_LINK_FLAGS:-}" ] || configure+=(-DCMAKE_EXE_LINKER_FLAGS="$CONSUMER_LINK_FLAGS")
must "configuring examples/ with find_package(artalign)" "${configure[@]}"
grep -qxF "artalign_DIR:PATH=$prefix/lib/cmake/artalign" "$SCRATCH/examples/CMakeCache.txt" \
  || fail "find_package found another artalign: $(grep '^artalign_DIR' "$SCRATCH/examples/CMakeCache.txt")"
must "building examples/" "$CMAKE" --build "$SCRATCH/examples"

align_texts=$SCRATCH/examples/align_texts
"$align_texts" "$SCRATCH/ko.txt" "$SCRATCH/en.txt" "$SCRATCH/out.tmx" >"$SCRATCH/out" 2>"$SCRATCH/err" \
  || fail "align_texts failed: $(cat "$SCRATCH/err")"
# The library through its public API aligns the text as the command line aligns the pages.
[ "$(cat "$SCRATCH/out")" = "$cli_coverage" ] \
  || fail "align_texts printed '$(cat "$SCRATCH/out")', the command line '$cli_coverage'"
units=$(grep -c '<tu[ >]' "$SCRATCH/out.tmx" 2>/dev/null)
[ "${units:-0}" -ge 5 ] || fail "the TMX holds ${units:-no} units, expected at least 5"
xmllint --noout --dtdvalid "$prefix/share/artalign/tmx/tmx14.dtd" "$SCRATCH/out.tmx" 2>"$SCRATCH/err" \
  || fail "the TMX is not valid against the installed DTD: $(head -3 "$SCRATCH/err")"
"$prefix/bin/artalign" validate "$SCRATCH/out.tmx" >"$SCRATCH/err" 2>&1 \
  || fail "artalign validate refuses the TMX: $(head -3 "$SCRATCH/err")"

# The data came from the prefix: without it the program fails, naming the prefix's data directory.
mv "$prefix/share/artalign" "$prefix/share/artalign.moved"
if "$align_texts" "$SCRATCH/ko.txt" "$SCRATCH/en.txt" "$SCRATCH/moved.tmx" >/dev/null 2>"$SCRATCH/err"; then
  fail "align_texts ran without the prefix's data directory: it reads data from elsewhere"
elif ! grep -qF "$prefix/share/artalign" "$SCRATCH/err"; then
  fail "without its data align_texts should name $prefix/share/artalign: $(cat "$SCRATCH/err")"
fi
mv "$prefix/share/artalign.moved" "$prefix/share/artalign"

# 4. pkg-config: a five-line program compiled and linked with what artalign.pc gives.
cat >"$SCRATCH/hello.cpp" <<'CPP'
#include <artalign/segmenter.hpp>
#include <artalign/version.hpp>
#include <iostream>
int main(int, char** argv) { std::cout << "artalign " << artalign::kVersion << ": "
  << artalign::SentenceSplitter::for_language("en", argv[1]).split({"One. Two."}).size() << " sentences\n"; }
CPP
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
if ! flags=$(pkg-config --cflags --libs artalign 2>"$SCRATCH/err"); then
  fail "pkg-config does not know artalign: $(cat "$SCRATCH/err")"
else
  # shellcheck disable=SC2086  # the flags are words
  if ! "$CXX" -std=c++20 "$SCRATCH/hello.cpp" -o "$SCRATCH/hello" $flags ${CONSUMER_LINK_FLAGS:-} 2>"$SCRATCH/err"; then
    fail "the pkg-config program does not build with '$flags': $(head -5 "$SCRATCH/err")"
  else
    data=$(pkg-config --variable=pkgdatadir artalign)
    [ "$data" -ef "$prefix/share/artalign" ] || fail "pkg-config's pkgdatadir is $data, not the prefix's"
    expected="artalign $(pkg-config --modversion artalign): 2 sentences"
    [ "$("$SCRATCH/hello" "$data")" = "$expected" ] || fail "the pkg-config program did not print '$expected'"
  fi
fi

[ "$failures" -eq 0 ] && echo "ok: $cli_coverage" || { echo "$failures failure(s)" >&2; exit 1; }
