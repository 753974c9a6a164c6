#!/usr/bin/env bash
# The main job on the bundled samples: installs what is missing, builds, aligns the sample
# English page with the Korean original it links to, writes a TMX and prints a coverage summary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
mkdir -p out
build/artalign align \
  samples/mirror/english.hani.co.kr/arti/english_edition/e_international/928034.html \
  -o out/sample.tmx
