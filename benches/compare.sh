#!/usr/bin/env bash
# kantlijn against PyMuPDF and pdfannots on the benchmark bundles, in one
# run: every command once per round, in turn, ROUNDS rounds (default 5);
# medians, peak memory and ratios. Three jobs, each against PyMuPDF doing the
# same work: listing, the text under markup, and the default run (the text
# of every page), and the default run against the floor (decoding and
# tokenising every content stream, examples/content_floor.rs). Sets up its peers itself: a Python venv
# with PyMuPDF and pdfannots from PyPI under the cache directory. Writes the
# bundles (benches/bundles.sh) when they are missing.
#
#   benches/compare.sh [ROUNDS]
#
# Environment: KANTLIJN_BUNDLES (where the bundles are, or go),
# KANTLIJN_BENCH_CACHE (default ~/.cache/kantlijn-bench),
# PYMUPDF_VERSION, PDFANNOTS_VERSION (the peers' versions, pinned by default),
# PDFANNOTS_ROUNDS (default 3: pdfannots takes minutes a run).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
cache="${KANTLIJN_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kantlijn-bench}"
bundles="${KANTLIJN_BUNDLES:-$cache/bundles}"
venv="$cache/venv"
pymupdf_version="${PYMUPDF_VERSION:-2.0}"
pdfannots_version="${PDFANNOTS_VERSION:-0.5}"

if [ ! -x "$venv/bin/pdfannots" ] || ! "$venv/bin/python" -c "import pymupdf" 2>/dev/null; then
    echo "setting up the peers in $venv" >&2
    mkdir -p "$cache"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "pymupdf==$pymupdf_version" "pdfannots==$pdfannots_version"
fi

cargo build --release --quiet --bin kantlijn --example content_floor
if [ ! -f "$bundles/bundle-text.pdf" ] || [ ! -f "$bundles/bundle-scanned.pdf" ]; then
    echo "writing the bundles into $bundles" >&2
    benches/bundles.sh "$bundles"
fi

echo "kantlijn $(git describe --always --dirty 2>/dev/null || echo '?'), $("$venv/bin/python" -c 'import pymupdf; print("PyMuPDF", pymupdf.VersionBind, "MuPDF", pymupdf.VersionFitz)'), pdfannots $("$venv/bin/pdfannots" --version 2>&1 | tail -1), $(nproc) cores"
"$venv/bin/python" benches/peers/compare.py "$PWD/target/release/kantlijn" \
    "$PWD/target/release/examples/content_floor" "$bundles" "$rounds" "${PDFANNOTS_ROUNDS:-3}"
