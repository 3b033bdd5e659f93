"""A page is read once: its source travels with it, and lines are found in that text.

``Page.find_line`` replaced three look-ups that each opened the file again (assemble's
``_line_in_source``, translations' ``SourceLines``, report's ``_source_line``; checked to give
the same lines on every page of the example and the corpus before they were removed).
``Page.line_of_key`` replaces the key look-ups of config and content.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from manualgen.config import load_settings
from manualgen.content import CONTENT_SUFFIXES, Page, discover, read_source
from manualgen.errors import Findings

from .conftest import ROOT, page, write_site

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def pages_of(site: Path) -> list[Page]:
    settings = load_settings(site)
    out = []
    for lang in settings.languages:
        home = discover(settings, lang, Findings(), NOW)
        out += [p for p in home.walk() if p.source.text] if home else []
    return out


def test_find_line_on_a_small_page(tmp_path):
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Home"),
        "content/de/a.md": b"\n---\ntitle: A shot\n---\n![x](shot.png)\n\n"
                           b"## Erste *Schritte* im Tool\n\n![y](shot.png)\n",
    })
    [a] = [p for p in pages_of(site) if p.rel == "a.md"]
    assert a.body_line == 5
    assert a.find_line("shot") == 5  # the body only: line 3 is front matter
    assert a.find_line("shot", anywhere=True) == 3
    assert a.find_line("shot.png", after=6) == 9  # the next image of that name
    assert a.find_line("shot.png", after=10) == 5  # none after: the first one
    assert a.find_line("Erste Schritte im Tool", literal=False) == 7  # words, not markup
    assert a.find_line("Erste Schritte im Tool") is None
    assert a.find_line("") is None and a.find_line("absent") is None


@pytest.mark.parametrize("text, key, line", [
    ("---\ntitle: A\nDraft: true\n---\ndraft: body\n", "draft", 3),  # any case
    ("---\ntitle: A\n---\ndraft: in the body\n", "draft", None),  # the body is not searched
    ("+++\ntitle = 'A'\n[_build]\nlist = 'never'\n+++\n", "_build", 3),
    ("+++\ntitle = 'A'\nbuild.list = 'never'\n+++\n", "build", 3),
    ('{\n  "title": "A",\n  "weight": 2\n}\n', "weight", 3),
    ('{"title": "A", "Weight": 2}\nBody\n', "weight", 1),  # JSON on one line
    ("\n\n---\ntitle: A\npublishDate: 2099-01-01\n---\n", "publishDate", 5),
    ("Just a body.\ntitle: no\n", "title", None),
])
def test_line_of_key(tmp_path, text, key, line):
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    source, found = read_source(path)
    a = Page("de", path, "a.md", "page", found.meta, found.body, found.body_line, source=source)
    assert a.line_of_key(key) == line


def test_discover_opens_each_content_file_once():
    """The example manual: discovery reads every content file of a language once, and
    nothing reads it again to find a line for a message."""
    settings = load_settings(ROOT)
    opened: list[str] = []

    def hook(event: str, args: tuple) -> None:
        if event == "open" and isinstance(args[0], (str, Path)) and (
                str(args[0]).endswith(CONTENT_SUFFIXES)):
            opened.append(str(args[0]))

    sys.addaudithook(hook)  # hooks cannot be removed: this one only records to its list
    homes = {}
    for lang in settings.languages:
        start = len(opened)
        findings = Findings()
        homes[lang] = discover(settings, lang, findings, NOW)
        read = opened[start:]
        files = {str(p.path) for p in homes[lang].walk() if p.source.text}
        assert files and files <= set(read), lang
        assert len(read) == len(set(read)), sorted(f for f in read if read.count(f) > 1)
    # and the pages answer later questions from what they carry
    start = len(opened)
    for home in homes.values():
        for p in home.walk():
            p.find_line("png"), p.find_line("Dataloom", literal=False), p.line_of_key("weight")
    assert opened[start:] == []
