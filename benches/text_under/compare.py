"""kantlijn's text_under against PyMuPDF's, in one run, alternating.

    python compare.py BUNDLE.pdf [ROUNDS]

Runs, ROUNDS times (5 by default) in turn: the kantlijn binary (whole
process) on one thread and with its default threads, kantlijn without the
text (--no-text, the cost of everything else), and PyMuPDF's tuned recipe
(its in-process time); then PyMuPDF's recipe as documented and get_text
alone, once each (they are slow). Prints medians of wall and processor
time, and the ratios; on a machine busy with other work the processor
times compare more fairly.
Build first: cargo build --release."""
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
KANTLIJN = HERE.parent.parent / "target" / "release" / "kantlijn"
PYMUPDF = [sys.executable, str(HERE / "pymupdf_text_under.py")]


def wall(command):
    """Wall and processor time of a whole process."""
    before = os.times()
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    elapsed = time.perf_counter() - started
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return elapsed, cpu


def pymupdf(bundle, mode):
    """Wall and processor time of PyMuPDF's work, in its process."""
    out = subprocess.run(PYMUPDF + [bundle, mode], capture_output=True, text=True, check=True)
    work = float(re.search(r"work=([\d.]+)", out.stdout).group(1))
    cpu = float(re.search(r"cpu=([\d.]+)", out.stdout).group(1))
    return work, cpu


def main():
    bundle = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    times = {"kantlijn, 1 thread": [], "kantlijn": [], "kantlijn --no-text": [], "pymupdf tuned": []}
    for _ in range(rounds):
        times["kantlijn, 1 thread"].append(wall([KANTLIJN, "--compact", "--threads", "1", bundle]))
        times["kantlijn"].append(wall([KANTLIJN, "--compact", bundle]))
        times["kantlijn --no-text"].append(wall([KANTLIJN, "--compact", "--no-text", bundle]))
        times["pymupdf tuned"].append(pymupdf(bundle, "tuned"))
    times["pymupdf recipe"] = [pymupdf(bundle, "recipe")]
    times["pymupdf get_text only"] = [pymupdf(bundle, "words")]
    medians = {
        name: (statistics.median(v[0] for v in values), statistics.median(v[1] for v in values))
        for name, values in times.items()
    }
    print(f"{'':24} {'wall':>8} {'cpu':>8}")
    for name, (wall_s, cpu_s) in medians.items():
        print(f"{name:24} {wall_s:7.3f}s {cpu_s:7.3f}s")
    for ours in ("kantlijn, 1 thread", "kantlijn"):
        for theirs in ("pymupdf tuned", "pymupdf recipe", "pymupdf get_text only"):
            wall_ratio = medians[theirs][0] / medians[ours][0]
            cpu_ratio = medians[theirs][1] / medians[ours][1]
            print(f"{theirs} / {ours}: {wall_ratio:.1f}x wall, {cpu_ratio:.1f}x cpu")


if __name__ == "__main__":
    main()
