"""A 1,500-page scanned bundle for the text_under benchmark: each page a
greyscale page image, an invisible OCR text layer of 45 lines (Tr 3,
non-embedded Helvetica, as PyMuPDF writes it) and 0-3 highlights, one quad
per word, some over two lines.

    python make_bundle.py bundle.pdf
"""
import random
import sys

import pymupdf

random.seed(7)
WORDS = ("de het een van en in is op te dat voor met zijn niet aan worden door "
         "minister besluit nota akkoord advies wetsvoorstel gemeente beleid uitvoering "
         "directie kamerbrief overleg financiering verzoek openbaarmaking documenten "
         "informatie staatssecretaris maatregelen regeling organisatie belang "
         "verantwoordelijkheid ontwikkeling samenwerking afspraken").split()

def line():
    """A line of 9 to 13 words."""
    return " ".join(random.choice(WORDS) for _ in range(random.randint(9, 13)))

# One page image, drawn on every page: 620 x 877 grey noise as a JPEG.
samples = bytes(random.getrandbits(8) for _ in range(620 * 877))
jpeg = pymupdf.Pixmap(pymupdf.csGRAY, 620, 877, samples, False).tobytes("jpeg")

doc = pymupdf.open()
image_xref = 0
for n in range(1500):
    page = doc.new_page(width=595, height=842)
    if image_xref == 0:
        image_xref = page.insert_image(page.rect, stream=jpeg)
    else:
        page.insert_image(page.rect, xref=image_xref)
    y = 60
    for _ in range(45):
        page.insert_text((50, y), line(), fontsize=10, fontname="helv", render_mode=3)
        y += 16
    count = random.choice([0, 0, 1, 1, 2, 3])
    if count:
        words = page.get_text("words")
        for _ in range(count):
            i = random.randrange(0, len(words) - 40)
            # 2 to 20 words from a random place: longer ones run over a
            # line break.
            chosen = words[i:i + random.randint(2, 20)]
            quads = [pymupdf.Rect(w[:4]).quad for w in chosen]
            annot = page.add_highlight_annot(quads)
            annot.set_info(title="Aartsen, A.A.", subject="Markering")
            annot.update()
doc.save(sys.argv[1], garbage=1, deflate=True)
print(len(doc), "pages written to", sys.argv[1])
