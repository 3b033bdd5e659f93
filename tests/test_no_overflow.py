"""Hostile but realistic pages print whole, inside the text block (tests/geometry.py).

tests/hostile_site.py draws the pages from a seed: steps beside screenshots taller and
wider than a page, a step longer than a page, twelve-column tables of URLs, identifiers and
German compounds, code with 300-character lines, long tokens in inline code, lists eight
levels deep with pictures, a 300-character heading, alerts holding tables and code, three
and four columns of HTML and of grid shortcodes, pictures in table cells, math, footnotes;
code, a table and a quote in a step's text column, a picture and a table given widths in
pixels wider than the page, figure captions, a long formula, chapter and page titles of
hundreds of characters.
"""

from __future__ import annotations

import pytest

from manualgen.cli import main

from .geometry import missing_words, outside_text_block
from .hostile_site import write_hostile_site

CASES = [(1, "a4", "twoside"), (2, "a5", "twoside"), (3, "letter", "oneside")]


@pytest.fixture(scope="module", params=CASES, ids=lambda c: f"seed{c[0]}-{c[1]}-{c[2]}")
def built(request, tmp_path_factory):
    seed, paper, sides = request.param
    root = tmp_path_factory.mktemp(f"hostile-{seed}")
    words = write_hostile_site(root, seed, paper, sides)
    out = root / "out"
    assert main(["build", "--site", str(root), "--lang", "de", "--out", str(out),
                 "--no-cache", "--jobs", "1", "-q"]) == 0
    return next(out.glob("*.pdf")), paper, sides, words


def test_nothing_lies_outside_the_text_block_or_on_a_picture(built):
    pdf, paper, sides, _words = built
    assert [str(s) for s in outside_text_block(pdf, paper, sides)] == []


def test_every_word_of_the_pages_is_printed(built):
    pdf, _paper, _sides, words = built
    assert len(words) > 200
    assert missing_words(words, pdf) == []


def test_a_list_nested_deep_with_a_screenshot_at_every_other_level_leaves_no_page_blank(
        tmp_path):
    from .conftest import page, png_bytes, write_site
    from .hostile_site import Markers, nested_list

    words = Markers()
    site = write_site(tmp_path / "site", {
        "manualgen.toml": 'hugo_config = "hugo.toml"\n',
        "content/de/_index.md": page("Start", 0, "Start."),
        "content/de/a.md": page("Liste", 1, "Einleitung.\n\n" + nested_list(words)),
        "static/img/dialog.png": png_bytes(1200, 900),
    })
    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--lang", "de", "--out", str(out),
                 "--no-cache", "--jobs", "1", "-q"]) == 0
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(next(out.glob("*.pdf"))))
    texts = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    levels = [next(i for i, t in enumerate(texts) if f"Ebene {n}" in t) for n in range(1, 9)]
    # Four screenshots of about 120 mm and eight lines fit on three pages; the list kept
    # whole was pushed from page to page, one level a page (seven pages).
    assert levels[-1] - levels[0] <= 2, levels


def test_the_hostile_pages_pass_pdf_ua_1(built):
    """Every shape of page (inline drawings, emoji, pictures in cells and columns, math,
    footnotes) still makes a PDF the validator accepts."""
    validator = pytest.importorskip("page", reason="page-validation is not installed")
    pdf, *_rest = built
    assert [f"{f.rule_id}: {f.message}" for f in validator.validate_pdf(pdf, profile="ua1").failures] == []


def test_a_long_file_name_or_address_with_hyphens_breaks_inside_the_text_block(tmp_path):
    """A file name or an address longer than the line, with hard hyphens inside, in running
    text: it was cut into spans at its hyphens, and WeasyPrint does not break a word made of
    several spans, so the line ran into the margin and off the paper."""
    from .conftest import page, write_site

    name = ("Datenschutzfolgenabschätzungsverpflichtung_Datenschutzfolgenabschätzungs"
            "verpflichtung_Export_2025-12-31_final_v2.xlsx")
    address = ("https://dataloom.example.org/api/v2/exports/"
               "rechnungsstellungsueberpruefungsprotokoll/x?sort=-created_at&page=12")
    body = f"Laden Sie die Datei {name} herunter.\n\nDie Liste steht unter {address} bereit.\n"
    site = write_site(tmp_path / "site", {
        "manualgen.toml": 'hugo_config = "hugo.toml"\n',
        "content/de/_index.md": page("Start", 0, "Start."),
        "content/de/a.md": page("Datei", 1, body),
    })
    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--lang", "de", "--out", str(out),
                 "--no-cache", "--jobs", "1", "-q"]) == 0
    pdf = next(out.glob("*.pdf"))
    assert [str(s) for s in outside_text_block(pdf, "a4", "twoside")] == []
    assert missing_words([name, address], pdf) == []


@pytest.mark.parametrize("paper", ["a4", "a5"])
def test_three_columns_of_given_widths_stay_inside_the_text_block(tmp_path, paper):
    """Bootstrap's row of three ``col-md-4`` (text, a phone screen, a wide screenshot): the
    columns' widths add up to the page's, and the gaps between them were added on top, so
    the row ran 10 mm into the right margin."""
    from .conftest import page, png_bytes, write_site

    body = ('<div class="row">\n<div class="col-md-4">\n\nKlicken Sie auf Weiter.\n\n</div>\n'
            '<div class="col-md-4">\n\n![Telefon](/img/phone.png)\n\n</div>\n'
            '<div class="col-md-4">\n\n![Dialog](/img/wide.png)\n\n</div>\n</div>\n')
    site = write_site(tmp_path / "site", {
        "manualgen.toml": f'hugo_config = "hugo.toml"\n[print]\npaper = "{paper}"\n',
        "content/de/_index.md": page("Start", 0, "Start."),
        "content/de/a.md": page("Spalten", 1, body),
        "static/img/phone.png": png_bytes(420, 1700),
        "static/img/wide.png": png_bytes(1900, 700),
    })
    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--lang", "de", "--out", str(out),
                 "--no-cache", "--jobs", "1", "-q"]) == 0
    assert [str(s) for s in outside_text_block(next(out.glob("*.pdf")), paper, "twoside")] == []
