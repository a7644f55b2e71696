#!/usr/bin/env bash
# Batch scaling: the shared corpus copied N times (default 10) into a temp
# folder, read with --jobs 1 and --jobs 2, alternating, R rounds (default 5).
# Prints the median wall time of each and their ratio, and, as the ceiling
# to read it against, how well this machine runs two copies of a trivially
# parallel CPU-bound task side by side (on shared virtual machines "2 cores"
# often give well under 2x).
#
#   benches/batch_jobs.sh [COPIES] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
copies="${1:-10}"
rounds="${2:-5}"
corpus="${KANTLIJN_SHARED_DIR:-../shared}/corpus"
[ -d "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }

cargo build --release --quiet
bin="$PWD/target/release/kantlijn"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for i in $(seq 1 "$copies"); do
    mkdir -p "$work/copy$i"
    find "$corpus" -name '*.pdf' -exec cp {} "$work/copy$i/" \;
done
files=$(find "$work" -name '*.pdf' | wc -l)
echo "$files PDFs ($copies copies of the corpus), $(nproc) cores"

python3 - "$bin" "$work" "$rounds" <<'PY'
import statistics, subprocess, sys, time
binary, folder, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
times = {1: [], 2: []}
for _ in range(rounds):
    for jobs in (1, 2):
        start = time.perf_counter()
        subprocess.run([binary, "--quiet", "--format", "jsonl", "--jobs", str(jobs), folder],
                       stdout=subprocess.DEVNULL, check=False)
        times[jobs].append(time.perf_counter() - start)
one, two = statistics.median(times[1]), statistics.median(times[2])
print(f"--jobs 1: {one:.2f} s   --jobs 2: {two:.2f} s   speed-up {one / two:.2f}x  (medians of {rounds})")
PY

python3 - "$rounds" <<'PY'
import multiprocessing, statistics, sys, time
def spin(n):
    total = 0
    for i in range(n):
        total += i * i
    return total
if __name__ == "__main__":
    rounds, n = int(sys.argv[1]), 10_000_000
    ratios = []
    with multiprocessing.Pool(2) as pool:
        for _ in range(rounds):
            start = time.perf_counter(); spin(n); spin(n); serial = time.perf_counter() - start
            start = time.perf_counter(); pool.map(spin, [n, n]); parallel = time.perf_counter() - start
            ratios.append(serial / parallel)
    print(f"machine ceiling: two CPU-bound tasks run {statistics.median(ratios):.2f}x faster side by side than one after the other")
PY
