"""Page numbers printed in the second round of pagination (page_numbers.py): the contents
and the "see page N" pages are laid out twice, not three times, and the PDF is the one
WeasyPrint's own three rounds make, also where a number's width moves the page it names."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from .conftest import page, write_site
from .test_chapter_reuse import cached, cold, edit, lay_out, make_site

pypdf = pytest.importorskip("pypdf")


@pytest.fixture
def env(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


@pytest.fixture
def made(monkeypatch):
    """How often each page (by its index) is laid out, a Counter per layout of the test."""
    import weasyprint.layout.page as wpage

    counts: list[Counter] = []
    remake = wpage.remake_page

    def counting(index, context, root_box, html):
        counts[-1][index] += 1
        return remake(index, context, root_box, html)

    monkeypatch.setattr(wpage, "remake_page", counting)
    return counts


def test_a_layout_prints_its_numbers_in_the_second_round(tmp_path, env, made, monkeypatch):
    import manualgen.page_numbers as numbers

    site = make_site(tmp_path / "site", see=True)
    made.append(Counter())
    settled = cold(site, tmp_path / "a")
    assert max(made[0].values()) == 2
    monkeypatch.setattr(numbers, "settled_after_first_round", lambda make_all_pages: make_all_pages)
    made.append(Counter())
    plain = cold(site, tmp_path / "b")
    assert max(made[1].values()) == 3
    assert settled == plain


def test_a_save_lays_the_contents_out_twice_and_gives_a_cold_builds_bytes(tmp_path, env, made):
    site = make_site(tmp_path / "site", see=True)
    made.append(Counter())
    first = lay_out(site, tmp_path / "a")
    made.append(Counter())
    edit(site, "content/de/vier/p1.md", "\nEin Satz mehr.\n")
    second = lay_out(site, tmp_path / "b", first.layout)
    assert second.laid_out == ["4 Viertes Kapitel"]
    assert max(made[1].values()) == 2
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")


def test_a_new_page_before_the_contents_targets_gets_its_number(tmp_path, env):
    site = make_site(tmp_path / "site", see=True)
    first = lay_out(site, tmp_path / "a")
    write_site(site, {"content/de/eins/neu.md": page("Eine neue Seite", 0, body="Neu. " * 300)})
    second = lay_out(site, tmp_path / "b", first.layout)
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")
    assert "Eine neue Seite" in pypdf.PdfReader(second.pdf).pages[2].extract_text()


def _wrapping_site(root: Path, letters: int) -> Path:
    """A5, chapters on a page of their own: chapter one ends with a paragraph whose "see
    page N" fits on its last line when N has one digit and wraps when it has two, and the
    wrapped line pushes chapter two from page 9 to page 10 (found by fuzzing)."""
    filler = "\n\n".join(f"Absatz {n} " + " ".join(["Zeile mit Worten"] * 20) for n in range(19))
    last = " ".join(["Wort"] * 41) + " " + "x" * letters + " [hier](/zwei/).\n"
    return write_site(root, {
        "manualgen.toml": '[print]\npaper = "a5"\nchapter_start = "page"\n',
        "content/de/_index.md": page("Start", body="Hallo."),
        "content/de/eins/_index.md": page("Eins", 1, body=filler + "\n\n" + last),
        "content/de/zwei/_index.md": page("Zwei", 2, body="Das Ziel."),
    })


@pytest.mark.parametrize("across_runs", [False, True])
def test_a_number_whose_width_moves_its_page_ends_as_a_cold_build(tmp_path, env, across_runs):
    """Two numberings agree with themselves here ("9" fits; "10" wraps, which makes it
    10): a layout after an edit ends where a layout from nothing ends."""
    site = _wrapping_site(tmp_path / "site", 5)
    if across_runs:
        cached(site, tmp_path / "a", tmp_path / "cache")
    else:
        first = lay_out(site, tmp_path / "a")
    _wrapping_site(tmp_path / "site", 4)
    second = (cached(site, tmp_path / "b", tmp_path / "cache") if across_runs
              else lay_out(site, tmp_path / "b", first.layout))
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")
