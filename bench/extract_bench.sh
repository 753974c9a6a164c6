#!/usr/bin/env bash
# Extraction benchmark: builds artalign (RelWithDebInfo, into BENCH_BUILD_DIR, default build)
# and reports pages/s and MB/s of HTML for artalign's extraction against libxml2's bare parse
# of the same pages: the sample pages, then the English sample padded to 5 MB with menu
# entries (a big page). SECONDS (default 3) is the time spent on each measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BENCH_BUILD_DIR:-build}
seconds=${1:-3}
BUILD_DIR=$build_dir scripts/build.sh >/dev/null
bench="$build_dir/bench/extract_bench"

mapfile -t pages < <(find samples/mirror -name '*.html' | sort)
echo "== the ${#pages[@]} sample pages (samples/mirror), $seconds s per measurement"
"$bench" data "$seconds" "${pages[@]}"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 - samples/mirror/english.hani.co.kr/arti/english_edition/e_international/928034.html "$scratch/big.html" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
menu = '<li><a href="/arti/english_edition/e_national/">National news menu entry</a></li>\n' * 66000
open(sys.argv[2], "w", encoding="utf-8").write(page.replace('<ul id="gnb">', '<ul id="gnb">' + menu, 1))
PY
echo "== one 5 MB page (the English sample with a huge menu)"
"$bench" data "$seconds" "$scratch/big.html"
