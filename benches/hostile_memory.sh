#!/usr/bin/env bash
# Time and peak memory per file, whole process, on the hostile suite's
# generated files and on every PDF of the shared corpus, each read the way a
# default run reads it (every page's text included, so the flate bombs in
# page content are inflated and read). Flags a file over 5 s or over
# 4 × its size + 64 MiB of peak resident memory.
#
#   benches/hostile_memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
KANTLIJN_HOSTILE_DIR="$dir" cargo test --release --quiet --test hostile >/dev/null
corpus="${KANTLIJN_SHARED_DIR:-../shared}/corpus"
{
    find "$dir" -type f
    if [ -d "$corpus" ]; then find "$corpus" -name '*.pdf'; fi
} | while read -r file; do
    size=$(stat -c %s "$file")
    /usr/bin/time -o "$dir/time.txt" -f "%e %M" target/release/kantlijn --quiet --compact "$file" >/dev/null 2>&1 || true
    echo "$(tail -1 "$dir/time.txt") $size $file"
done > "$dir/measured.txt"
python3 - "$dir/measured.txt" <<'PY'
import sys
rows = [line.rstrip("\n").split(maxsplit=3) for line in open(sys.argv[1]) if line.strip()]
bad = 0
for seconds, kib, size, name in rows:
    seconds, rss, size = float(seconds), int(kib) * 1024, int(size)
    budget = 4 * size + 64 * 2**20
    flags = []
    if seconds > 5:
        flags.append("over 5 s")
    if rss > budget:
        flags.append(f"over {budget / 2**20:.0f} MiB")
    if flags or size > 10 * 2**20 or seconds > 1:
        print(f"{seconds:6.2f} s {rss / 2**20:7.1f} MiB  {size / 2**20:7.1f} MiB file  {name}  {', '.join(flags)}")
    bad += bool(flags)
slowest = max(rows, key=lambda r: float(r[0]))
hungriest = max(rows, key=lambda r: int(r[1]) * 1024 / (4 * int(r[2]) + 64 * 2**20))
print(f"{len(rows)} files; slowest {float(slowest[0]):.2f} s ({slowest[3]}); "
      f"highest memory against its budget {int(hungriest[1]) / 1024:.1f} MiB ({hungriest[3]}); {bad} over a bound")
sys.exit(1 if bad else 0)
PY
