#!/usr/bin/env bash
# Writes the two benchmark bundles with the repository's fixture builder
# (deterministic; about 5 MB and 155 MB; not committed):
#   DIR/bundle-text.pdf     1,500 pages of text, 0-3 comments a page
#   DIR/bundle-scanned.pdf  1,500 scanned pages: a ~100 KB image, an
#                           invisible OCR text layer, comments, and a printed
#                           comment summary every 25 pages
#
#   benches/bundles.sh [DIR] [PAGES]
# DIR defaults to $KANTLIJN_BUNDLES, else ~/.cache/kantlijn-bench/bundles.
set -euo pipefail
cd "$(dirname "$0")/.."
cache="${XDG_CACHE_HOME:-$HOME/.cache}/kantlijn-bench"
dir="${1:-${KANTLIJN_BUNDLES:-$cache/bundles}}"
pages="${2:-1500}"
cargo run --release --quiet -p kantlijn-fixtures -- --bundles "$dir" "$pages"
