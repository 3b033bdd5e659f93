"""The printed page for a binder: the layouts of tests/binder_site.py, checked in the PDF.

Built on A4 and A5 two-sided and on Letter one-sided. Nothing may lie outside the text
block (tests/geometry.py), every word must print, each step's text must share a page with
each of its pictures, a figure's caption the page of its picture, and no heading may be the
last line of its page.
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest

from manualgen.cli import main

from .binder_site import write_binder_site
from .geometry import missing_words, outside_text_block, printed_text

CASES = [("a4", "twoside"), ("a5", "twoside"), ("letter", "oneside")]


@pytest.fixture(scope="module", params=CASES, ids=lambda c: f"{c[0]}-{c[1]}")
def built(request, tmp_path_factory):
    paper, sides = request.param
    root = tmp_path_factory.mktemp(f"binder-{paper}")
    layout = write_binder_site(root, paper, sides)
    out = root / "out"
    assert main(["build", "--site", str(root), "--lang", "de", "--out", str(out), "--html",
                 "--no-cache", "--jobs", "1", "-q"]) == 0
    pdf = next(out.glob("*.pdf"))
    return pdf, paper, sides, layout, pdf.with_suffix(".html").read_text(encoding="utf-8")


def pages_text_and_pictures(pdf):
    """Each page's text, and every raster picture in document order: (page index, pixel
    aspect ratio)."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        texts, pictures = [], []
        for index in range(len(doc)):
            page = doc[index]
            texts.append(page.get_textpage().get_text_range())
            for obj in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_IMAGE], max_depth=8):
                width, height = obj.get_px_size()
                pictures.append((index, width / height))
        return texts, pictures
    finally:
        doc.close()


def raster_sources(html: str) -> list[str]:
    """The file names of the raster pictures the manual's HTML shows, in order."""
    return [name for name in re.findall(r'<img [^>]*data-source="([^"]+)"', html)
            if not name.endswith(".svg")]


def page_of(texts, needle) -> int:
    found = [n for n, text in enumerate(texts) if needle in text]
    assert found, f"{needle!r} is not in the PDF"
    return found[0]


def test_nothing_lies_outside_the_text_block_or_on_a_picture(built):
    pdf, paper, sides, _layout, _html = built
    assert [str(s) for s in outside_text_block(pdf, paper, sides)] == []


def test_every_word_prints(built):
    pdf, _paper, _sides, layout, _html = built
    assert missing_words(layout.words, pdf) == []


def test_each_step_shares_a_page_with_each_of_its_pictures(built):
    pdf, _paper, _sides, layout, html = built
    texts, pictures = pages_text_and_pictures(pdf)
    sources = raster_sources(html)
    assert len(sources) == len(pictures), (sources, pictures)
    where = {}
    for name, (index, aspect) in zip(sources, pictures):
        width, height = layout.pictures[name.removesuffix(".png")]
        assert aspect == pytest.approx(width / height, rel=0.05), f"{name}: pictures out of order"
        where.setdefault(name.removesuffix(".png"), index)
    for marker, names in layout.steps.items():
        text_page = page_of(texts, marker)
        for name in names:
            assert where[name] == text_page, (
                f"{marker}: text on page {text_page + 1}, {name} on page {where[name] + 1}")


def test_a_long_caption_stays_on_the_page_of_its_picture(built):
    pdf, _paper, _sides, layout, html = built
    texts, pictures = pages_text_and_pictures(pdf)
    sources = raster_sources(html)
    for picture, (first, last) in layout.figures.items():
        index = next(i for (i, _aspect), name in zip(pictures, sources) if name == f"{picture}.png")
        assert (page_of(texts, first), page_of(texts, last)) == (index, index), picture


def last_line(text: str) -> str:
    """The last line of a page's body: the running foot (version, page number) left out."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    body = [line for line in lines if not re.match(r"^(Version|Seite)\b", line)]
    return body[-1] if body else ""


def test_no_heading_ends_a_page(built):
    pdf, _paper, _sides, layout, _html = built
    texts, _pictures = pages_text_and_pictures(pdf)
    ends = {last_line(text) for text in texts}
    assert [h for h in layout.headings if h in ends] == []



def test_twelve_columns_print_their_title_words_whole(built):
    """Twelve columns on the paper leave room for their title words whole ("Spalte", not
    "Spa" and "lte")."""
    pdf, *_rest = built
    assert len(re.findall(r"\bSpalte\b", printed_text(pdf))) == 12


def test_a_short_column_beside_a_long_one_keeps_its_word_whole(built):
    """Column widths are shared out by how many characters the paper's line holds: on
    A5, a column estimated for an A4 line was too narrow for "Kennung", cut "Kennu|ng"."""
    pdf, *_rest = built
    assert "Kennung" in printed_text(pdf).replace("-\r\n", "")


def test_a_hash_prints_without_hyphens(built):
    """A hash is copied as printed: hyphenation must not add a character to it."""
    pdf, _paper, _sides, layout, _html = built
    joined = re.sub(r"\s+", "", printed_text(pdf))
    assert [token for token in layout.tokens if token not in joined] == []
