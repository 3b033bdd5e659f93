"""A layout that starts from the page numbers the last one ended with (page_numbers.py):
the contents is laid out once instead of three times, and numbers that are wrong, or
missing for a new heading, still give the pages of a layout made from nothing."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from manualgen.page_numbers import Numbers

from .conftest import page, write_site
from .test_chapter_reuse import cached, cold, edit, lay_out, make_site, paragraphs

pypdf = pytest.importorskip("pypdf")


@pytest.fixture
def env(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


@pytest.fixture
def made(monkeypatch):
    """How often each page (by its index) is laid out, over the layouts made in the test."""
    import weasyprint.layout.page as wpage

    counts: list[Counter] = []
    remake = wpage.remake_page

    def counting(index, context, root_box, html):
        counts[-1][index] += 1
        return remake(index, context, root_box, html)

    monkeypatch.setattr(wpage, "remake_page", counting)
    return counts


def test_a_layout_from_the_last_numbers_lays_each_page_out_once(tmp_path, env, made):
    site = make_site(tmp_path / "site", see=True)
    made.append(Counter())
    first = lay_out(site, tmp_path / "a")
    assert max(made[0].values()) == 2  # from nothing: the contents, in two rounds
    made.append(Counter())
    edit(site, "content/de/vier/p1.md", "\nEin Satz mehr.\n")
    second = lay_out(site, tmp_path / "b", first.layout)
    assert second.laid_out == ["4 Viertes Kapitel"]
    assert max(made[1].values()) == 1
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")


def _shifted(numbers: Numbers, by: int, total: int = 0) -> Numbers:
    """``numbers`` with every page number moved by ``by``, and the total by ``total``."""
    def moved(values: dict) -> dict:
        return {name: [value + (by if name == "page" else total) for value in found]
                for name, found in values.items()}

    return Numbers(numbers.total + total,
                   {name: moved(v) for name, v in numbers.anchors.items()},
                   {key: moved(v) for key, v in numbers.lookups.items()})


@pytest.mark.parametrize(("by", "total"), [(-2, 0), (1, 0), (7, 0), (1, 1), (0, 3)])
def test_wrong_numbers_still_give_the_pages_of_a_layout_from_nothing(tmp_path, env, by, total):
    site = make_site(tmp_path / "site", see=True)
    first = lay_out(site, tmp_path / "a")
    wrong = dataclasses.replace(first.layout, numbers=_shifted(first.layout.numbers, by, total))
    second = lay_out(site, tmp_path / "b", wrong)
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")


def test_numbers_of_another_document_still_give_its_pages(tmp_path, env):
    """Numbers whose anchors are all gone, and a total far off."""
    site = make_site(tmp_path / "site", see=True)
    first = lay_out(site, tmp_path / "a")
    other = Numbers(400, {"p-nirgends": {"page": [9], "pages": [400]}},
                    {("a::after", "content", (("href", "#p-nirgends"),), 1): {"page": [3]}})
    second = lay_out(site, tmp_path / "b", dataclasses.replace(first.layout, numbers=other))
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")


def test_a_new_page_before_the_contents_targets_gets_its_number(tmp_path, env):
    """A page written into the first chapter is a contents entry and an anchor the last
    layout did not have, and pushes every later page on."""
    site = make_site(tmp_path / "site", see=True)
    first = lay_out(site, tmp_path / "a")
    write_site(site, {"content/de/eins/neu.md": page("Eine neue Seite", 0, body=paragraphs(6))})
    second = lay_out(site, tmp_path / "b", first.layout)
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")
    contents = pypdf.PdfReader(second.pdf).pages[2].extract_text()
    assert "Eine neue Seite" in contents


def test_the_cache_folder_keeps_the_numbers_for_the_next_build(tmp_path, env, made):
    site = make_site(tmp_path / "site", see=True)
    cache = tmp_path / "cache"
    made.append(Counter())
    cached(site, tmp_path / "a", cache)
    made.append(Counter())
    edit(site, "content/de/eins/p1.md", "\n\n" + paragraphs(9, "Neu "))  # moves the later pages
    second = cached(site, tmp_path / "b", cache)
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")
    made.append(Counter())
    edit(site, "content/de/vier/p1.md", "\nEin Satz mehr.\n")  # moves nothing
    third = cached(site, tmp_path / "c", cache)
    assert max(made[2].values()) == 1
    assert third.pdf.read_bytes() == cold(site, tmp_path / "cold2")


def test_a_layout_from_nothing_prints_its_numbers_in_the_second_round(tmp_path, env, made,
                                                                      monkeypatch):
    """The contents and a "see page N" ahead are worked out when the first round ends, so
    the second round prints them and no page is laid out a third time; the PDF is the one
    WeasyPrint's three rounds make."""
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
