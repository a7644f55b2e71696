#!/usr/bin/env python3
"""What the Python bindings cost over the command-line tool on a batch.

Reads the PDFs of the shared corpus (every one COPIES times over) with

- the CLI: ``kantlijn --quiet --format jsonl --jobs J --files-from LIST``,
  its output to /dev/null;
- the bindings: ``list(kantlijn.extract_many(paths, jobs=J))``, every
  report a dict in this process;
- and, for reference, the CLI run from Python with its JSON Lines parsed
  into dicts (what shelling out costs),

each once per round in turn, ROUNDS rounds, and prints the medians and their
ratios. Before timing, it checks that the bindings give exactly the CLI's
reports, in the same order. Run it with the Python that has the package
installed:

    v/bin/python benches/python_bindings.py [--copies 3] [--rounds 5] [--jobs 2]

The corpus is ``$KANTLIJN_CORPUS``, else ``$KANTLIJN_SHARED_DIR/corpus``,
else ``../shared/corpus``; the CLI is ``$KANTLIJN_BIN``, else
``target/release/kantlijn`` (``cargo build --release``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import kantlijn

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    corpus = Path(
        os.environ.get("KANTLIJN_CORPUS")
        or Path(os.environ.get("KANTLIJN_SHARED_DIR", ROOT.parent / "shared")) / "corpus"
    )
    binary = Path(os.environ.get("KANTLIJN_BIN", ROOT / "target" / "release" / "kantlijn"))
    if not corpus.is_dir():
        sys.exit(f"no corpus at {corpus}")
    if not binary.is_file():
        sys.exit(f"no CLI at {binary}: cargo build --release")
    pdfs = sorted(str(p) for p in corpus.rglob("*.pdf"))
    paths = pdfs * args.copies
    size = sum(os.path.getsize(p) for p in pdfs) * args.copies
    print(
        f"{len(paths)} inputs ({len(pdfs)} PDFs of {corpus} x {args.copies}, {size / 1e6:.0f} MB), "
        f"--jobs {args.jobs}, {os.cpu_count()} cores, kantlijn {kantlijn.__version__}"
    )

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("".join(f"{p}\n" for p in paths))
    command = [str(binary), "--quiet", "--format", "jsonl", "--jobs", str(args.jobs), "--files-from", listing.name]
    try:
        lines = subprocess.run(command, capture_output=True, check=False).stdout.splitlines()
        cli_reports = [json.loads(line) for line in lines]
        python_reports = list(kantlijn.extract_many(paths, jobs=args.jobs))
        differ = [a["file"] for a, b in zip(python_reports, cli_reports) if a != b]
        if len(python_reports) != len(paths) or len(cli_reports) != len(paths) or differ:
            sys.exit(f"the reports differ: {len(python_reports)} and {len(cli_reports)} reports; {differ[:5]}")
        print(f"same {len(paths)} reports from both, {sum(len(line) for line in lines) / 1e6:.1f} MB of JSON")

        def cli() -> None:
            subprocess.run(command, stdout=subprocess.DEVNULL, check=False)

        def bindings() -> None:
            for _ in kantlijn.extract_many(paths, jobs=args.jobs):
                pass
            # Workers are kept a few seconds for a next batch; a run here
            # starts and stops its own, as the CLI does.
            kantlijn._pool._IDLE.stop_all()

        def cli_parsed() -> None:
            done = subprocess.run(command, capture_output=True, check=False)
            for line in done.stdout.splitlines():
                json.loads(line)

        runs = {"CLI": cli, "extract_many": bindings, "CLI, parsed in Python": cli_parsed}
        times: dict = {name: [] for name in runs}
        cpu: dict = {name: [] for name in runs}
        kantlijn._pool._IDLE.stop_all()
        for _ in range(args.rounds):
            for name, run in runs.items():
                start, used = time.perf_counter(), _cpu()
                run()
                times[name].append(time.perf_counter() - start)
                cpu[name].append(_cpu() - used)
    finally:
        os.unlink(listing.name)

    base, base_cpu = statistics.median(times["CLI"]), statistics.median(cpu["CLI"])
    print(f"medians of {args.rounds} rounds; CPU is user + system time of this process and its children")
    for name, measured in times.items():
        wall, used = statistics.median(measured), statistics.median(cpu[name])
        print(
            f"{name:>22}: wall {wall:6.2f} s ({wall / base:.3f}x the CLI; min {min(measured):.2f}, "
            f"max {max(measured):.2f}), CPU {used:6.2f} s ({used / base_cpu:.3f}x)"
        )


def _cpu() -> float:
    """CPU seconds used so far by this process and its waited-for children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    main()
