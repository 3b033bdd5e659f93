"""Inputs that once crashed or hung manualgen, found by mutating real pages; each is kept
as the smallest site that showed the problem, and asserts a finding or clean output."""

import re

import pypdfium2 as pdfium

from manualgen.cli import main

from .conftest import page, write_site


def _pdf_text(path) -> str:
    doc = pdfium.PdfDocument(str(path))
    return "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))


def test_a_chapter_title_of_one_long_word_prints_a_short_running_head(tmp_path):
    # A 5,000-character title without a space hung the layout: WeasyPrint breaks the
    # running head in every page's margin box afresh, at a cost that grows with its square.
    title = "x" * 3000
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Intro.\n"),
        "content/de/a/_index.md": page(title, 1, body="Chapter text.\n\n" + "Paragraph.\n\n" * 120),
    })
    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--out", str(out), "--no-cache", "-q", "--html",
                 "--jobs", "1"]) == 0
    html = (out / "test-manual-de.html").read_text(encoding="utf-8")
    heads = re.findall(r'data-chapter="([^"]*)"', html)
    assert heads and all(len(head) <= 110 for head in heads)
    assert any(head.endswith("…") and head.startswith("1 xxx") for head in heads)
    text = _pdf_text(out / "test-manual-de.pdf")
    assert "Paragraph." in text and "xxxxxxxxxx" in text
