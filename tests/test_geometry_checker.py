"""The checker of tests/geometry.py finds what overflows, and passes what does not.

Its pages are drawn by WeasyPrint straight from HTML with manual.css's A4 margins, so the
checker is tried on known overflows, whatever manualgen's styles do about them.
"""

from __future__ import annotations

import base64

import pytest

from .conftest import png_bytes
from .geometry import missing_words, outside_text_block

PAGE = """<style>
@page { size: A4; margin: 20mm 15mm 20mm 25mm;
  @top-center { content: "Kopfzeile"; font-size: 8pt }
  @bottom-right { content: "Seite " counter(page); font-size: 8pt } }
@page :left { margin-left: 15mm; margin-right: 25mm }
body { margin: 0; font: 10pt sans-serif }
</style>
<p>Ein Absatz, der in den Satzspiegel passt.</p>
"""
PICTURE = "data:image/png;base64," + base64.b64encode(png_bytes(400, 300)).decode()


def pdf_of(tmp_path, body: str):
    from weasyprint import HTML

    path = tmp_path / "page.pdf"
    HTML(string=PAGE + body).write_pdf(path)
    return path


def test_a_page_that_fits_has_nothing_outside(tmp_path):
    pdf = pdf_of(tmp_path, f'<img src="{PICTURE}" style="width: 50mm">'
                           '<p style="break-before: page">Zweite Seite.</p>')
    assert outside_text_block(pdf) == []
    assert missing_words(["Absatz", "Zweite"], pdf) == []


@pytest.mark.parametrize(("body", "where"), [
    ('<p style="white-space: nowrap">' + "Donaudampfschifffahrt " * 12 + "</p>",
     "off the page"),
    ('<p style="margin-right: -10mm; text-align: right">Rand</p>', "in the right margin"),
    ('<p style="margin-left: -12mm">Innen</p>', "in the left margin"),
    (f'<img src="{PICTURE}" style="width: 180mm">', "in the right margin"),
    ('<p style="position: relative; top: 250mm">unten</p>',
     "in the bottom margin"),
    ((f'<div style="position: relative"><img src="{PICTURE}" style="width: 60mm">'
     '<p style="position: absolute; top: 10mm; left: 10mm">verdeckt</p></div>'),
     "on a picture"),
])
def test_what_overflows_is_found_with_its_place(tmp_path, body, where):
    found = outside_text_block(pdf_of(tmp_path, body))
    assert found, "the checker passed an overflowing page"
    assert where in {stray.where for stray in found}, [str(s) for s in found]
    assert all(stray.page == 1 for stray in found)


def test_left_hand_pages_have_the_margins_mirrored(tmp_path):
    # 20 mm from the left edge is inside a left-hand page (outer margin 15 mm) but in the
    # inner margin (25 mm) of a right-hand one.
    body = ('<p style="margin-left: -5mm">Rechts</p>'
            '<p style="break-before: page; margin-left: 5mm">Links</p>')
    found = outside_text_block(pdf_of(tmp_path, body))
    assert [(s.page, s.where) for s in found] == [(1, "in the left margin")]
    assert "Rechts".startswith(found[0].what)


def test_the_running_foot_may_stand_in_the_margin_but_body_text_may_not(tmp_path):
    assert outside_text_block(pdf_of(tmp_path, "")) == []  # "Kopfzeile", "Seite 1" pass
    body = '<p style="position: relative; top: 250mm; font-size: 10pt">Fuss</p>'
    assert [s.what for s in outside_text_block(pdf_of(tmp_path, body))] == ["Fuss"]


def test_a_word_not_printed_is_missing(tmp_path):
    pdf = pdf_of(tmp_path, '<p style="hyphens: auto; width: 20mm" lang="de">'
                           "Grundstücksverkehrsgenehmigung</p>")
    assert missing_words(["Grundstücksverkehrsgenehmigung", "Absatz", "Fehlt"], pdf) == [
        "Fehlt"]
