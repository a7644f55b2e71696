"""The text under every markup annotation of a PDF, PyMuPDF's way:
page.get_text("words") once per page that has one, then the words whose
rectangle intersects each quad.

    python pymupdf_text_under.py FILE [recipe|tuned|words]

recipe: the recipe as PyMuPDF's documentation writes it, a Rect per word
        per quad (Rect(w[:4]).intersects(quad.rect));
tuned:  the same test on the plain numbers, which is the fastest way to
        write it in Python;
words:  only get_text("words") for those pages, the floor under both.

Prints the number of annotations, the characters found, and the time in the
process without starting Python and importing PyMuPDF: wall ("work") and
processor time ("cpu")."""
import sys
import time

started = time.perf_counter()
import pymupdf  # noqa: E402

imported = time.perf_counter()
cpu_started = time.process_time()
MARKUP = {8, 9, 10, 11}  # Highlight, Underline, Squiggly, StrikeOut
mode = sys.argv[2] if len(sys.argv) > 2 else "tuned"
doc = pymupdf.open(sys.argv[1])
annotations = characters = 0
for page in doc:
    annots = [a for a in page.annots() if a.type[0] in MARKUP]
    if not annots:
        continue
    words = page.get_text("words")
    if mode == "words":
        continue
    for annot in annots:
        points = annot.vertices or []
        found = []
        for i in range(0, len(points) - 3, 4):
            quad = pymupdf.Quad(points[i:i + 4])
            if mode == "recipe":
                rect = quad.rect
                found.extend(w[4] for w in words if pymupdf.Rect(w[:4]).intersects(rect))
            else:
                x0, y0, x1, y1 = quad.rect
                found.extend(
                    w[4] for w in words if w[0] < x1 and w[2] > x0 and w[1] < y1 and w[3] > y0
                )
        annotations += 1
        characters += len(" ".join(found))
done = time.perf_counter()
cpu = time.process_time() - cpu_started
print(
    f"pymupdf-{mode} annotations={annotations} chars={characters} "
    f"work={done - imported:.3f}s cpu={cpu:.3f}s total={done - started:.3f}s"
)
