#!/usr/bin/env bash
# Seeds the fuzz corpora and runs each target for SECONDS (default 1800).
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#
# Seeds: the repository's fixtures, and the shared corpus and seed documents
# when ../shared sits beside the checkout. Crashes land in fuzz/artifacts/;
# each one found becomes a test in tests/regression.rs.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-1800}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(extract page_text text_string date summary decision)
shared="${KANTLIJN_SHARED_DIR:-../../shared}"

mkdir -p corpus/extract corpus/page_text corpus/text_string corpus/date corpus/summary corpus/decision
cp ../fixtures/*.pdf corpus/extract/
cp ../fixtures/*.pdf corpus/page_text/
if [ -d "$shared/corpus" ]; then
    find "$shared/corpus" -name '*.pdf' -size -2M -exec cp {} corpus/extract/ \;
    find "$shared/corpus" -name "*.pdf" -size -2M -exec cp {} corpus/page_text/ \;
    # Strings and dates as they occur in real annotations.
    python3 - "$shared/corpus/expected" <<'PY'
import json, pathlib, sys, hashlib
root = pathlib.Path(sys.argv[1])
for f in root.rglob("*.json"):
    if f.name.endswith(".pdfannots.json") or f.name.startswith("_"):
        continue
    for a in json.loads(f.read_text()).get("annotations", []):
        for key, target in (("created", "date"), ("modified", "date"), ("contents", "decision"), ("author", "text_string")):
            value = a.get(key)
            if value:
                data = value.encode("utf-8")
                name = hashlib.sha1(data).hexdigest()[:16]
                pathlib.Path("corpus", target, name).write_bytes(data)
PY
fi
cp ../fixtures/*.txt corpus/summary/
cp ../fixtures/*.txt corpus/decision/
if [ -d "$shared/seeds" ]; then
    cp "$shared"/seeds/*.txt corpus/summary/
    cp "$shared"/seeds/*.txt corpus/decision/
fi
printf 'D:20260608091102+02\x2700\x27' > corpus/date/spec
printf '\xfe\xff\x00A\x01A' > corpus/text_string/utf16

mkdir -p logs
failed=()
for target in "${targets[@]}"; do
    echo "=== $target for $seconds s (full log: fuzz/logs/$target.log)"
    if ! cargo +nightly fuzz run -O "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=10 -print_final_stats=1 \
        > "logs/$target.log" 2>&1; then
        failed+=("$target")
        echo "$target: the fuzzer stopped early: a finding in fuzz/artifacts/$target, or a build error in the log"
    fi
    grep -E "INITED|DONE|^Done|stat::|SUMMARY|ERROR|error" "logs/$target.log" | tail -12 || true
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "stopped early: ${failed[*]}"
    exit 1
fi
