#!/usr/bin/env bash
# Writes the API reference of the public headers (include/artalign/) as HTML to build/api
# (or API_DIR), with doxygen (docs/Doxyfile). Undocumented public members are printed as
# warnings, FILE:LINE: TEXT, and counted; they do not make the script fail.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v doxygen >/dev/null || { echo "api-docs: doxygen is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }

export ARTALIGN_API_DIR=${API_DIR:-build/api}
ARTALIGN_VERSION=$(sed -n 's/^project(artalign VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
export ARTALIGN_VERSION
mkdir -p "$ARTALIGN_API_DIR"
doxygen docs/Doxyfile
# Doxygen repeats a warning for each class that inherits the member: each once, paths from here.
warnings=$(sed "s|^$PWD/||" "$ARTALIGN_API_DIR/warnings.txt" | sort -u -t: -k1,1 -k2,2n -k3)
[ -z "$warnings" ] || echo "$warnings" >&2
echo "api-docs: wrote $ARTALIGN_API_DIR/index.html; $(grep -c . <<<"$warnings" || true) warning(s)"
