#!/usr/bin/env bash
# OCR speed: pages per second of `kantlijn --ocr` on a bundle of scanned
# pages without a text layer, against Tesseract alone on the same pages as
# images rendered beforehand; both use every core (Tesseract: one process
# per page, as many at a time as there are cores; kantlijn: one thread per
# core, one Tesseract instance each), both with OMP_THREAD_LIMIT=1 and the
# same languages and page segmentation. Reports wall times, pages per
# second, the ratio, and the peak memory (largest process) of each; and
# the CPU time (user and system) of each, whose ratio holds when others
# share the machine and the wall times swing.
#
#   benches/ocr.sh [PAGES]        (default 16)
#
# The bundle and its page images are written by the repository's fixture
# builder (`--scans`) into $KANTLIJN_OCR_BENCH, else
# ~/.cache/kantlijn-bench/ocr. Needs the ocr feature's packages and the
# tesseract command (Debian: tesseract-ocr).
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-16}"
dir="${KANTLIJN_OCR_BENCH:-${XDG_CACHE_HOME:-$HOME/.cache}/kantlijn-bench/ocr}"
cores="$(nproc)"
export OMP_THREAD_LIMIT=1

cargo build --release --quiet --features ocr
cargo run --release --quiet -p kantlijn-fixtures -- --scans "$dir" "$pages" >/dev/null
bundle="$dir/bundle-ocr.pdf"

# Prints "SECONDS PEAK_KIB CPU_SECONDS" for a command (CPU: user and
# system, children included), its output kept in $dir/out.txt.
measure() {
    /usr/bin/time -f "%e %M %U %S" -o "$dir/time.txt" "$@" >"$dir/out.txt" 2>/dev/null
    read -r wall peak user system <"$dir/time.txt"
    echo "$wall $peak $(python3 -c "print($user + $system)")"
}

read -r t_wall t_mem t_cpu < <(measure sh -c \
    "ls '$dir'/page-*.pbm | xargs -P '$cores' -I{} tesseract {} - -l nld+eng --dpi 300 --psm 3")
read -r k_wall k_mem k_cpu < <(measure target/release/kantlijn --ocr --compact --timeout 3600 "$bundle")
read_pages="$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['ocr_pages']))" "$dir/out.txt")"
if [ "$read_pages" != "$pages" ]; then
    echo "kantlijn read $read_pages of $pages pages by OCR (time limit per file?)" >&2
    exit 1
fi

python3 - "$pages" "$t_wall" "$t_mem" "$t_cpu" "$k_wall" "$k_mem" "$k_cpu" "$cores" <<'PY'
import sys
pages, t_wall, t_mem, t_cpu, k_wall, k_mem, k_cpu, cores = sys.argv[1:]
pages, t_wall, k_wall = int(pages), float(t_wall), float(k_wall)
t_cpu, k_cpu = float(t_cpu), float(k_cpu)
print(f"{pages} scanned A4 pages at 300 dpi, {cores} cores")
print(f"{'':24}{'seconds':>9}{'pages/s':>9}{'peak MiB':>10}{'CPU s':>9}")
print(f"{'tesseract alone':24}{t_wall:9.2f}{pages / t_wall:9.2f}{int(t_mem) / 1024:10.0f}{t_cpu:9.1f}")
print(f"{'kantlijn --ocr':24}{k_wall:9.2f}{pages / k_wall:9.2f}{int(k_mem) / 1024:10.0f}{k_cpu:9.1f}")
print(f"ratio kantlijn / tesseract: {k_wall / t_wall:.2f} wall, {k_cpu / t_cpu:.2f} CPU (goal: at most 1.3)")
PY
