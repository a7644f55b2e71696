"""PyMuPDF doing kantlijn's two jobs, for benches/compare.sh.

    python pymupdf_peer.py FILE list|recipe|tuned|words

list:   every annotation of every page with its fields, as JSON on
        standard output (the job of `kantlijn --no-text`);
recipe: the text under every highlight, underline, squiggly and
        strike-out the way PyMuPDF's documentation writes it:
        page.get_text("words") once per page that has one, then the words
        whose rectangle intersects each quad (Rect(w[:4]).intersects(...));
        as JSON on standard output (the job of `kantlijn --no-flattened`);
tuned:  the same with the rectangle test written on plain numbers, the
        fastest way to write it in Python;
words:  page.get_text("words") on every page, the words as JSON on
        standard output (the job of a default `kantlijn` run, which reads
        the text of every page).

Prints on standard error the time of the work in the process, Python's
start and the import of PyMuPDF excluded: wall ("work") and processor
time ("cpu"), and how many annotations it listed."""
import json
import sys
import time

import pymupdf

MARKUP = {
    pymupdf.PDF_ANNOT_HIGHLIGHT,
    pymupdf.PDF_ANNOT_UNDERLINE,
    pymupdf.PDF_ANNOT_SQUIGGLY,
    pymupdf.PDF_ANNOT_STRIKE_OUT,
}


def listing(doc, out):
    """Every annotation with the fields kantlijn reports."""
    records = []
    for page in doc:
        for annot in page.annots():
            info = annot.info
            records.append({
                "page": page.number + 1,
                "ref": annot.xref,
                "subtype": annot.type[1],
                "author": info["title"],
                "subject": info["subject"],
                "contents": info["content"],
                "name": info["name"],
                "created": info["creationDate"],
                "modified": info["modDate"],
                "rect": list(annot.rect),
                "quads": annot.vertices,
                "color": annot.colors,
                "opacity": annot.opacity,
                "flags": annot.flags,
                "in_reply_to": annot.irt_xref,
                "popup": list(annot.popup_rect) if annot.has_popup else None,
            })
    json.dump(records, out)
    return len(records)


def text_under(doc, out, tuned):
    """The words under each markup annotation's quads."""
    records = []
    for page in doc:
        annots = [a for a in page.annots() if a.type[0] in MARKUP]
        if not annots:
            continue
        words = page.get_text("words")
        for annot in annots:
            points = annot.vertices or []
            found = []
            for i in range(0, len(points) - 3, 4):
                rect = pymupdf.Quad(points[i:i + 4]).rect
                if tuned:
                    x0, y0, x1, y1 = rect
                    found.extend(
                        w[4] for w in words if w[0] < x1 and w[2] > x0 and w[1] < y1 and w[3] > y0
                    )
                else:
                    found.extend(w[4] for w in words if pymupdf.Rect(w[:4]).intersects(rect))
            records.append({"page": page.number + 1, "ref": annot.xref, "text": " ".join(found)})
    json.dump(records, out)
    return len(records)


def words(doc, out):
    """The words of every page."""
    records = []
    for page in doc:
        records.append({
            "page": page.number + 1,
            "words": [w[4] for w in page.get_text("words")],
        })
    json.dump(records, out)
    return len(records)


def main():
    path, mode = sys.argv[1], sys.argv[2]
    started = time.perf_counter()
    cpu_started = time.process_time()
    doc = pymupdf.open(path)
    if mode == "list":
        count = listing(doc, sys.stdout)
    elif mode == "words":
        count = words(doc, sys.stdout)
    else:
        count = text_under(doc, sys.stdout, tuned=(mode == "tuned"))
    sys.stdout.flush()
    work = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    print(f"pymupdf-{mode} annotations={count} work={work:.4f} cpu={cpu:.4f}", file=sys.stderr)


if __name__ == "__main__":
    main()
