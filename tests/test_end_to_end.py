"""Whole builds: the example manual and the corpus, read back from the PDF."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pypdf import PdfReader

from manualgen.cli import main
from manualgen.config import load_settings
from manualgen.content import discover
from manualgen.errors import Findings

from .conftest import ROOT, write_site
from .conftest import page as page_md

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def squash(text: str) -> str:
    """PDF text without hyphenation breaks, spacing or typographic quote differences."""
    text = re.sub(r"-\n", "", text)
    text = text.replace("’", "'").replace("\u00ad", "")
    return re.sub(r"\s+", "", text).lower()


def body_text(pdf) -> str:
    reader = PdfReader(pdf)
    # Skip the cover and the contents: the titles must appear in the chapters themselves.
    pages = [p.extract_text() or "" for p in reader.pages]
    start = next(i for i, t in enumerate(pages) if i > 1 and "...." not in t and t.strip())
    return squash("\n".join(pages[start:]))


def assert_titles_in_order(site, lang, pdf):
    home = discover(load_settings(site), lang, Findings(), NOW)
    text = body_text(pdf)
    position = 0
    for page in list(home.walk())[1:]:
        title = squash(page.title)
        found = text.find(title, position)
        assert found >= 0, f"{page.rel}: title {page.title!r} missing or out of order"
        position = found + len(title)


@pytest.fixture(scope="module")
def example_pdfs(tmp_path_factory):
    out = tmp_path_factory.mktemp("example")
    assert main(["build", "--site", str(ROOT), "--all", "--out", str(out), "--quiet"]) == 0
    return out


@pytest.mark.parametrize("lang", ["de", "fr", "it"])
def test_example_manual_has_every_page_in_order(example_pdfs, lang):
    pdf = example_pdfs / f"dataloom-manual-{lang}.pdf"
    assert pdf.exists()
    assert_titles_in_order(ROOT, lang, pdf)
    text = "".join(p.extract_text() or "" for p in PdfReader(pdf).pages)
    assert "{{<" not in text and "{{%" not in text


def test_footnotes_print_their_number_without_see_page(tmp_path):
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page_md("Start", 0, "Start."),
        "content/de/p.md": page_md("Seite", 1, "Es gilt die Verordnung[^v].\n\n[^v]: Die Verordnung.\n"),
    })
    assert main(["build", "--site", str(site), "--lang", "de", "--out", str(tmp_path / "out"),
                 "--html", "--quiet", "--no-cache"]) == 0
    html = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    [ref] = re.findall(r"<a [^>]*footnote-ref[^>]*>", html)
    [back] = re.findall(r"<a [^>]*footnote-backref[^>]*>", html)
    for link in (ref, back):  # "Verordnung¹ (siehe Seite 2)" and "↩ (siehe Seite 2)" before
        assert 'href="#' in link and "data-see" not in link and "internal" not in link
    text = "".join(p.extract_text() or "" for p in PdfReader(next((tmp_path / "out").glob("*.pdf"))).pages)
    assert "Die Verordnung." in text and "\u21a9" not in text


def test_a_link_that_shows_nothing_prints_nothing(tmp_path):
    """An empty link (a heading's permalink "## Titel[](https://…/#titel)", an icon-font
    link) shows nothing on the web: no "(siehe Seite N)" nor address stands for it on paper.
    A link with words or a picture keeps its reference."""
    site = write_site(tmp_path / "site", {
        "hugo.toml": 'baseURL = "https://handbuch.example.org/"\n'
                     'defaultContentLanguage = "de"\n[languages.de]\nweight = 1\n'
                     "[markup.goldmark.renderer]\nunsafe = true\n",
        "content/de/_index.md": page_md("Start", 0, "Start."),
        "content/de/p.md": page_md("Seite", 1, "## Dienste[](https://handbuch.example.org/p/#dienste)\n\n"
                                   "Text [](https://elsewhere.example.com/) und "
                                   '<a href="/p/"><i class="fa fa-link"></i></a> hier.\n\n'
                                   "Siehe [Dienste](#dienste).\n"),
    })
    assert main(["build", "--site", str(site), "--lang", "de", "--out", str(tmp_path / "out"),
                 "--html", "--quiet", "--no-cache"]) == 0
    html = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    text = squash("".join(p.extract_text() or "" for p in
                          PdfReader(next((tmp_path / "out").glob("*.pdf"))).pages))
    assert "elsewhere.example.com" not in text and "elsewhere.example.com" not in html
    assert text.count("(sieheseite") == 1, text  # "Siehe Dienste" only
    assert "dienstetextundhier." in text


def test_cli_prints_the_pdf_paths_last(tmp_path, capsys):
    assert main(["build", "--site", str(ROOT), "--lang", "it", "--out", str(tmp_path), "--html"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1] == str(tmp_path / "dataloom-manual-it.pdf")
    html = (tmp_path / "dataloom-manual-it.html").read_text(encoding="utf-8")
    assert "manualgen.invalid" not in html and "file://" in html  # images reachable from a browser


@pytest.fixture(scope="module")
def corpus_pdfs(tmp_path_factory):
    from .conftest import CORPUS

    if not CORPUS.is_dir():
        pytest.skip(f"the SpiGes corpus is not beside the project ({CORPUS} is absent)")
    out = tmp_path_factory.mktemp("corpus")
    code = main(["build", "--site", str(CORPUS), "--all", "--out", str(out), "--quiet"])
    return CORPUS, out, code


@pytest.mark.parametrize("lang", ["de", "fr"])
def test_corpus_pdf_has_every_listed_page_in_hugo_order(corpus_pdfs, lang):
    corpus, out, code = corpus_pdfs
    pdf = out / f"handbuch-spiges-{lang}.pdf"
    assert pdf.exists(), f"no PDF (exit {code})"
    assert_titles_in_order(corpus, lang, pdf)
    text = "".join(p.extract_text() or "" for p in PdfReader(pdf).pages)
    assert "{{<" not in text and "{{%" not in text
