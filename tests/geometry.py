"""Where a built PDF put its text and pictures: what lies outside the page's text block.

manual.css sets the page margins (section 2, "Pages"); the running head and the page
numbers are its only text in them, in 8 pt, above and below the text block. Everything
else, every character and every picture, must lie inside the text block: what does not has
overflowed its box (a table wider than the page, a line of code that does not wrap, a
screenshot taller than a page) and is drawn over the margin, or cut off at the paper's edge.
Text must not lie on a picture either: a word too long for a step's text column runs on
under the screenshot beside it, hidden.

``outside_text_block(pdf, paper, sides)`` reads the PDF with pypdfium2 and lists each such
character or picture, one :class:`Stray` per run of them on a line, so a test can say
exactly what overflowed and where.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

MM = 72 / 25.4  # PDF points per millimetre
# manual.css :root: (top, bottom, inner, outer) for two-sided pages and (top, bottom, left,
# right) for one-sided ones, in mm, per paper.
MARGINS_MM = {
    ("a4", "twoside"): (20.0, 20.0, 25.0, 15.0),
    ("letter", "twoside"): (20.0, 20.0, 25.0, 15.0),
    ("a5", "twoside"): (15.0, 15.0, 20.0, 12.0),
    ("a4", "oneside"): (20.0, 20.0, 20.0, 20.0),
    ("letter", "oneside"): (20.0, 20.0, 20.0, 20.0),
    ("a5", "oneside"): (15.0, 15.0, 16.0, 16.0),
}
# The running head and foot are set in 8 pt; pdfium gives WeasyPrint's font sizes in CSS px
# (WeasyPrint draws in px under a 0.75 scale), 8 pt = 10.67 px, body text 13.3 px.
MARGIN_TEXT_PX = 8.2 * 4 / 3
TOLERANCE_PT = 1.0  # a glyph's ink may reach a little past its advance (italics, accents)


@dataclasses.dataclass(frozen=True)
class Stray:
    """Something drawn outside the text block: ``what`` is the text or "image W×H pt"."""

    page: int  # 1-based
    what: str
    box: tuple[float, float, float, float]  # left, bottom, right, top in pt
    where: str  # "off the page", "in the left margin", …

    def __str__(self) -> str:
        left, bottom, right, top = (round(v / MM, 1) for v in self.box)
        return (f"page {self.page}: {self.what!r} {self.where} "
                f"(x {left}–{right} mm, y {bottom}–{top} mm from the foot)")


def text_block(width: float, height: float, number: int, paper: str, sides: str,
               rtl: bool = False) -> tuple[float, float, float, float]:
    """The text block of page ``number`` (1-based) in pt: left, bottom, right, top.

    Two-sided, the first page is a right-hand one (a left-hand one in a right-to-left
    book), and the inner margin is on the binding side."""
    top, bottom, inner, outer = MARGINS_MM[(paper, sides)]
    left_mm, right_mm = inner, outer
    if sides == "twoside" and (number % 2 == 0) != rtl:  # a left-hand page
        left_mm, right_mm = outer, inner
    return (left_mm * MM, bottom * MM, width - right_mm * MM, height - top * MM)


def where_is(box, block, page_size) -> str | None:
    """Which margin (or whether off the page) ``box`` reaches, or None inside the block."""
    left, bottom, right, top = box
    b_left, b_bottom, b_right, b_top = block
    width, height = page_size
    t = TOLERANCE_PT
    if left < -t or bottom < -t or right > width + t or top > height + t:
        return "off the page"
    for name, out in (("left margin", left < b_left - t), ("right margin", right > b_right + t),
                      ("bottom margin", bottom < b_bottom - t), ("top margin", top > b_top + t)):
        if out:
            return f"in the {name}"
    return None


def under(box, pictures) -> bool:
    """Whether the middle of ``box`` lies on one of the ``pictures`` (hidden by it, or
    printed over it)."""
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    t = TOLERANCE_PT
    return any(p[0] + t < x < p[2] - t and p[1] + t < y < p[3] - t for p in pictures)


def _stray_chars(page, number, block, size, pictures):
    """The characters outside the block or on a picture, runs on one line merged; the
    running head and foot (small text in the top and bottom margins, inside the block's
    width) pass."""
    text = page.get_textpage()
    found: list[Stray] = []
    for i in range(text.count_chars()):
        char = text.get_text_range(i, 1)
        if not char.strip() or unicodedata.category(char[0]) in ("Cc", "Cf"):
            continue
        box = text.get_charbox(i)
        where = where_is(box, block, size) or ("on a picture" if under(box, pictures) else None)
        if where is None:
            continue
        small = pdfium_raw.FPDFText_GetFontSize(text.raw, i) <= MARGIN_TEXT_PX
        beside = box[0] < block[0] - TOLERANCE_PT or box[2] > block[2] + TOLERANCE_PT
        if small and not beside and where in ("in the top margin", "in the bottom margin"):
            continue
        last = found[-1] if found else None
        if last and last.where == where and box[1] < last.box[3] and box[3] > last.box[1]:
            found[-1] = dataclasses.replace(
                last, what=last.what + char,
                box=(min(last.box[0], box[0]), min(last.box[1], box[1]),
                     max(last.box[2], box[2]), max(last.box[3], box[3])))
        else:
            found.append(Stray(number, char, tuple(box), where))
    return found


def picture_boxes(page) -> list[tuple[float, float, float, float]]:
    return [tuple(obj.get_bounds()) for obj in
            page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_IMAGE], max_depth=8)]


def _stray_images(number, block, size, pictures):
    found = []
    for box in pictures:
        where = where_is(box, block, size)
        if where is not None:
            w, h = box[2] - box[0], box[3] - box[1]
            found.append(Stray(number, f"image {w:.0f}×{h:.0f} pt", box, where))
    return found


def outside_text_block(pdf, paper: str = "a4", sides: str = "twoside",
                       rtl: bool = False) -> list[Stray]:
    """Every character and picture of ``pdf`` outside its page's text block, and every
    character on a picture (see above)."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        found = []
        for index in range(len(doc)):
            page = doc[index]
            size = page.get_size()
            block = text_block(*size, index + 1, paper, sides, rtl)
            pictures = picture_boxes(page)
            found += _stray_chars(page, index + 1, block, size, pictures)
            found += _stray_images(index + 1, block, size, pictures)
        return found
    finally:
        doc.close()


# --- text that went missing --------------------------------------------------------------

def printed_text(pdf) -> str:
    """All the PDF's text as pypdfium2 extracts it."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def squeezed(text: str) -> str:
    """``text`` without what line breaking adds or takes: spaces, hyphens, soft hyphens,
    zero-width breaks; so a word broken over two lines is found whole."""
    return re.sub(r"[\s\-\u00ad\u200b\u2010\u2011\x02\ufffe]+", "", text)


def missing_words(words, pdf) -> list[str]:
    """The ``words`` (markers written into a test page) that the PDF does not print."""
    printed = squeezed(printed_text(pdf))
    return [word for word in words if squeezed(word) not in printed]
