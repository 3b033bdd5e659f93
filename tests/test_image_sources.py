"""The picture a reader of the web page sees: a lazy loader's ``data-src`` over its
placeholder ``src``, and ``srcset`` (its largest candidate) where there is no ``src``."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from manualgen.assemble.html import parse_fragment
from manualgen.assemble.resources import largest_candidate, shown_source
from manualgen.build import BuildOptions, build

from .conftest import HUGO_TOML, page, write_site


def png(size) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (200, 210, 220)).save(buf, format="PNG")
    return buf.getvalue()


@pytest.mark.parametrize("srcset, chosen", [
    ("a.png 1x, b.png 2x", "b.png"), ("a.png 800w, b.png 400w", "a.png"),
    ("a.png, b.png 1.5x", "b.png"), ("a.png 2x, b.png 2x", "a.png"), ("a.png", "a.png"),
    ("a.png 2q, b.png", "b.png"), (" , ", ""), ("a.png 600w, b.png 3x", "a.png"),
    # found by fuzzing: a comma inside an address is part of it, as HTML reads a srcset
    ("data:image/png;base64,iVBORw0K 2x, b.png 1x", "data:image/png;base64,iVBORw0K"),
    ("/img/a,b.png 800w, /img/c.png 10w", "/img/a,b.png"), ("a.png,, b.png 2x", "b.png"),
    ("a.png 1x,b.png 2x", "b.png"), (",,,", ""),
])
def test_the_largest_candidate_of_a_srcset(srcset, chosen):
    assert largest_candidate(srcset) == chosen


@pytest.mark.parametrize("tag, shown", [
    ('<img src="blank.gif" data-src="real.png">', "real.png"),
    ('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-original="real.png">', "real.png"),
    ('<img srcset="s.png 1x, l.png 2x">', "l.png"),
    ('<img src="own.png" srcset="s.png 1x, l.png 2x">', "own.png"),
    ('<img class="lazyload" data-srcset="s.png 300w, l.png 900w">', "l.png"),
    # lazysizes with a placeholder in src: the loader's set wins (found by review)
    (('<img class="lazyload" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" '
     'data-srcset="s.png 300w, l.png 900w">'), "l.png"),
    ('<img src="">', ""),
])
def test_the_source_a_reader_sees(tag, shown):
    assert shown_source(parse_fragment(tag).find(".//img")) == shown


def test_lazy_and_srcset_pictures_print_not_their_placeholders(tmp_path):
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Start."),
        "content/de/a.md": page("Bilder", 1, body=(
            '<img class="lazyload" src="/img/blank.gif" data-src="/img/real.png" alt="Maske">\n\n'
            '<img srcset="/img/small.png 1x, /img/real.png 2x" alt="Dialog">\n')),
        "static/img/blank.gif": png((1, 1)),
        "static/img/small.png": png((600, 400)),
        "static/img/real.png": png((1200, 800)),
    }, HUGO_TOML)
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    assert not [f for f in result.findings if f.code == "missing-image"], result.findings
    html = result.results[0].html.read_text(encoding="utf-8")
    assert html.count('data-source="real.png"') == 2 and "blank.gif" not in html
    assert ' srcset="' not in html
