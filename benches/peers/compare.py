"""kantlijn against PyMuPDF and pdfannots on the benchmark bundles, in one
run, alternating, several rounds; run by benches/compare.sh.

    python compare.py KANTLIJN FLOOR BUNDLE_DIR ROUNDS PDFANNOTS_ROUNDS

Three jobs, each against PyMuPDF doing the same work with the same peer
code on both bundles: listing the annotations (`--no-text`), the text
under markup (`--no-flattened`), and the default run, which reads the text
of every page (PyMuPDF: get_text("words") on every page). Beside them the
floor: FLOOR (examples/content_floor.rs) decodes and tokenises every
page's content stream and does nothing else, which no reader of every
page's text can undercut.

Each round runs every command once on each bundle, in turn. Every command
is timed as a whole process (wall time, processor time of it and its
children, peak resident memory from wait4); PyMuPDF also reports the time
of its own loop (after `import pymupdf`). The tables give medians over the
rounds, and ratios of medians. pdfannots, which takes minutes, runs in the
first PDFANNOTS_ROUNDS rounds only.

Standard output of every command goes to a file, not a terminal; after the
rounds the outputs of the last round are read to show that the tools did
the same jobs (how many annotations and texts each found)."""
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEER = HERE / "pymupdf_peer.py"
PDFANNOTS = Path(sys.executable).parent / "pdfannots"


def commands(kantlijn, floor, bundles):
    """(bundle, job, tool, argv) for every timed command."""
    out = []
    for name in ("text", "scanned"):
        pdf = str(bundles / f"bundle-{name}.pdf")
        out += [
            (name, "list", "kantlijn", [kantlijn, "--compact", "--no-text", pdf]),
            (name, "list", "pymupdf", [sys.executable, str(PEER), pdf, "list"]),
            (name, "under", "kantlijn", [kantlijn, "--compact", "--no-flattened", pdf]),
            (name, "under", "pymupdf recipe", [sys.executable, str(PEER), pdf, "recipe"]),
            (name, "under", "pymupdf tuned", [sys.executable, str(PEER), pdf, "tuned"]),
            (name, "default", "kantlijn", [kantlijn, "--compact", pdf]),
            (name, "default", "pymupdf words", [sys.executable, str(PEER), pdf, "words"]),
            (name, "default", "floor", [floor, pdf]),
        ]
        if name == "text":
            out.append((name, "list", "pdfannots", [str(PDFANNOTS), "-f", "json", pdf]))
    return out


def run_measured(argv, out_path):
    """Wall s, processor s and peak RSS MiB of one whole process (its
    children included), and PyMuPDF's in-process time; standard output goes
    to `out_path`."""
    with open(out_path, "wb") as out:
        started = time.perf_counter()
        child = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE)
        stderr = child.stderr.read()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    child.returncode = code
    if code != 0:
        sys.exit(f"failed ({code}): {' '.join(argv)}\n{stderr.decode(errors='replace')}")
    work = re.search(rb"work=([\d.]+)", stderr)
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss": usage.ru_maxrss / 1024,
        "work": float(work.group(1)) if work else None,
    }


def output_name(key):
    return "-".join(key).replace(" ", "_") + ".json"


def check(outputs, bundles):
    """What each tool found (from the last timed run's output): the jobs
    are the same jobs."""
    def load(bundle, job, tool):
        return json.loads((outputs / output_name((bundle, job, tool))).read_bytes())

    for name in ("text", "scanned"):
        listed = load(name, "list", "kantlijn")
        under = load(name, "under", "kantlijn")
        full = load(name, "default", "kantlijn")
        peer = load(name, "list", "pymupdf")
        words = load(name, "under", "pymupdf tuned")
        every = load(name, "default", "pymupdf words")
        markup = [a for a in under["annotations"] if a["text_under"] is not None]
        size = os.path.getsize(bundles / f"bundle-{name}.pdf") / 1e6
        print(f"bundle-{name}.pdf: {full['pages']} pages, {size:.1f} MB. kantlijn lists "
              f"{len(listed['annotations'])} annotations (pop-ups folded into their notes), "
              f"PyMuPDF {len(peer)}; text under {len(markup)} markup annotations (PyMuPDF: "
              f"{len(words)}); the default run reads {full['pages']} pages (PyMuPDF: "
              f"{len(every)}, {sum(len(p['words']) for p in every)} words) and also finds "
              f"{len(full['comments'])} printed summary entries and "
              f"{len(full['decisions'])} decisions.")
        if name == "text" and (outputs / output_name((name, "list", "pdfannots"))).exists():
            found = load(name, "list", "pdfannots")
            print(f"  pdfannots lists {len(found)} (it leaves out ink) and the text under "
                  f"the highlights.")


def main():
    kantlijn, floor, bundles = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    rounds, pdfannots_rounds = int(sys.argv[4]), int(sys.argv[5])
    outputs = Path(tempfile.mkdtemp(prefix="kantlijn-compare-"))
    todo = commands(kantlijn, floor, bundles)
    results = {key[:3]: [] for key in todo}
    for round_ in range(rounds):
        for bundle, job, tool, argv in todo:
            if tool == "pdfannots" and round_ >= pdfannots_rounds:
                continue
            key = (bundle, job, tool)
            results[key].append(run_measured(argv, outputs / output_name(key)))
        print(f"round {round_ + 1} of {rounds} done", file=sys.stderr)
    check(outputs, bundles)
    shutil.rmtree(outputs)

    def med(key, field):
        values = [r[field] for r in results[key] if r[field] is not None]
        return statistics.median(values) if values else None

    print()
    print(f"Medians of {rounds} rounds (pdfannots: {min(rounds, pdfannots_rounds)}), every "
          "command run once per round in turn.")
    print("| bundle | job | tool | wall s | in-process s | cpu s | peak RSS MiB |")
    print("|---|---|---|---:|---:|---:|---:|")
    for key in results:
        if not results[key]:
            continue
        bundle, job, tool = key
        work = med(key, "work")
        print(f"| {bundle} | {job} | {tool} | {med(key, 'wall'):.3f} | "
              f"{'' if work is None else f'{work:.3f}'} | {med(key, 'cpu'):.3f} | "
              f"{med(key, 'rss'):.0f} |")

    print()
    print("Ratios (their median time / kantlijn's median whole-process wall time):")
    print("| bundle | job | against | ratio |")
    print("|---|---|---|---:|")
    for bundle in ("text", "scanned"):
        ours_list = med((bundle, "list", "kantlijn"), "wall")
        ours_under = med((bundle, "under", "kantlijn"), "wall")
        ours_default = med((bundle, "default", "kantlijn"), "wall")
        rows = [
            ("list", "PyMuPDF in-process", med((bundle, "list", "pymupdf"), "work"), ours_list),
            ("list", "PyMuPDF whole process", med((bundle, "list", "pymupdf"), "wall"), ours_list),
            ("under", "PyMuPDF recipe in-process",
             med((bundle, "under", "pymupdf recipe"), "work"), ours_under),
            ("under", "PyMuPDF recipe whole process",
             med((bundle, "under", "pymupdf recipe"), "wall"), ours_under),
            ("under", "PyMuPDF tuned in-process",
             med((bundle, "under", "pymupdf tuned"), "work"), ours_under),
            ("default", "PyMuPDF words in-process",
             med((bundle, "default", "pymupdf words"), "work"), ours_default),
            ("default", "PyMuPDF words whole process",
             med((bundle, "default", "pymupdf words"), "wall"), ours_default),
        ]
        if bundle == "text":
            rows.append(("list", "pdfannots whole process",
                         med((bundle, "list", "pdfannots"), "wall"), ours_list))
        for job, against, theirs, ours in rows:
            if theirs is None:
                continue
            print(f"| {bundle} | {job} | {against} | {theirs / ours:.1f}x |")

    print()
    print("The default run against the floor (decode and tokenise every content stream; "
          "kantlijn's median wall time / the floor's):")
    print("| bundle | default s | floor s | ratio | default peak MiB |")
    print("|---|---:|---:|---:|---:|")
    for bundle in ("text", "scanned"):
        ours = med((bundle, "default", "kantlijn"), "wall")
        floor = med((bundle, "default", "floor"), "wall")
        peak = med((bundle, "default", "kantlijn"), "rss")
        print(f"| {bundle} | {ours:.3f} | {floor:.3f} | {ours / floor:.1f}x | {peak:.0f} |")


if __name__ == "__main__":
    main()
