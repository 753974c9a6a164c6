#!/usr/bin/env bash
# Installs the Debian 12 packages artalign needs to build and test; a no-op when all are present.
set -euo pipefail

packages=(
  cmake make g++ pkg-config
  libicu-dev libxml2-dev libfmt-dev doctest-dev libcurl4-openssl-dev
  zlib1g-dev      # reading .warc.gz files (src/read/warc_reader.cpp)
  libxml2-utils   # xmllint: tests validate every TMX against the DTD
  python3         # test helpers and the alignment benchmark
  chromium fonts-nanum  # the coverage report is tested in headless Chromium; Nanum renders Hangul
  parallel        # GNU parallel: the stream verb is tested under it
  wget            # the WARC tests crawl the local test server with wget --warc-file
  python3-distributed  # Dask: discover | stream | merge is tested on a Dask LocalCluster
  omegat          # CAT tool the tests load the TMX into (brings OpenJDK)
  python3-translate  # translate-toolkit: the tests parse the TMX with translate.storage.tmx
  time            # /usr/bin/time -v: peak memory in bench/tmx_bench.sh and bench/batch_bench.sh
  clang libclang-rt-14-dev  # libFuzzer: scripts/fuzz-smoke.sh runs every fuzz target briefly
  doxygen         # scripts/api-docs.sh: the API reference of include/artalign/
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "artalign: installing ${missing[*]}" >&2
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Node.js and npm drive the review page test (playwright-core); Debian's packages only where
# none is installed (a machine with another Node.js build has its own npm, which Debian's conflicts with).
if ! command -v npm >/dev/null; then
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

# playwright-core for the review page test, pinned by tests/browser/package-lock.json (it drives
# the chromium installed above; no browser is downloaded). The test installs it too when missing.
browser_tests="$(dirname "$0")/../tests/browser"
if [ ! -d "$browser_tests/node_modules/playwright-core" ]; then
  (cd "$browser_tests" && npm ci --no-audit --no-fund --loglevel=error)
fi
