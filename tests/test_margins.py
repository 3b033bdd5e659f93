"""manualgen.toml's [print] margins reach the printed page."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from manualgen.cli import main

from .conftest import page, write_site

MM = 72 / 25.4


def leftmost_text_mm(pdf_path, index: int) -> float:
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        text = pdf[index].get_textpage()
        lefts = [text.get_charbox(i)[0] for i in range(text.count_chars())
                 if not text.get_text_range(i, 1).isspace()]
        return min(lefts) / MM
    finally:
        pdf.close()


@pytest.mark.parametrize("paper", ["a4", "a5"])
def test_inner_margin_from_manualgen_toml_moves_the_text(tmp_path, paper):
    body = "Ein Absatz mit etwas Text, der auf der Seite steht.\n\n" * 3
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body=body),
        "content/de/a.md": page("Kapitel", 1, body=body),
        "manualgen.toml": f'[print]\npaper = "{paper}"\nsides = "oneside"\n'
                          'margin_inner = "45mm"\nmargin_outer = "12mm"\n',
    })
    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--lang", "de", "--out", str(out), "--quiet",
                 "--no-cache", "--jobs", "1"]) == 0
    pdf = next(out.glob("*.pdf"))
    # The last page is the chapter's: its body text starts at the configured left margin.
    count = len(pdfium.PdfDocument(str(pdf)))
    left = leftmost_text_mm(pdf, count - 1)
    assert 44 <= left <= 47, left
