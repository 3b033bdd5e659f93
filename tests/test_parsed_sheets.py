"""Stylesheets parsed once and used again (parsed_sheets.py): the same PDF as a fresh parse,
and a changed stylesheet or font read again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from manualgen.build import BuildOptions, build
from manualgen.config import BUILTIN_STYLES
from manualgen.parsed_sheets import ParsedSheets

from .conftest import page, write_site
from .test_chapter_reuse import chapter_files, edit

FONT = BUILTIN_STYLES / "fonts" / "SourceSans3-Bold.ttf.woff"
OTHER_FONT = BUILTIN_STYLES / "fonts" / "SourceCodePro-Regular.ttf.woff"

SITE_CSS = """\
@font-face { font-family: "Site Face"; src: url("face.woff") format("woff"); }
@page { @bottom-left { content: "Seite " counter(page); } }
@counter-style site-steps { system: cyclic; symbols: "»"; suffix: " "; }
h1 { font-family: "Site Face"; color: #036; }
ol.steps { list-style: site-steps; }
p { colour: red; }
"""


def make_site(root: Path, css: str = SITE_CSS) -> Path:
    files = {
        "content/de/_index.md": page("Start", body="Willkommen.\n\n1. eins\n2. zwei\n"),
        "manualgen.toml": '[print]\nstylesheets = ["print.css"]\n',
        "print.css": css,
    }
    files.update(chapter_files("eins", "Erstes Kapitel", 1, [1, 2]))
    files.update(chapter_files("zwei", "Zweites Kapitel", 2, [2, 1]))
    site = write_site(root, files)
    shutil.copy(FONT, site / "face.woff")
    return site


def built(site: Path, out: Path, sheets: ParsedSheets | None = None, cache: Path | None = None):
    options = BuildOptions(langs=["de"], out=out, jobs=1, sheets=sheets,
                           no_cache=cache is None, cache_dir=cache or Path(".unused"))
    result = build(site, options)
    assert not result.findings.errors, [f.format() for f in result.findings]
    return result, result.results[0].pdf.read_bytes()


@pytest.fixture(autouse=True)
def env(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def test_kept_sheets_give_the_bytes_of_a_fresh_parse(tmp_path):
    site = make_site(tmp_path / "site")
    sheets = ParsedSheets()
    _, first = built(site, tmp_path / "a", sheets)
    kept = sheets.count()
    assert kept >= 4  # fonts.css, manual.css, content.css and the site's print.css
    _, again = built(site, tmp_path / "b", sheets)
    assert sheets.count() == kept
    _, fresh = built(site, tmp_path / "c")
    assert first == again == fresh


def test_kept_sheets_with_a_cache_folder_reuse_chapters_as_before(tmp_path):
    site = make_site(tmp_path / "site")
    sheets = ParsedSheets()
    built(site, tmp_path / "a", sheets, tmp_path / "cache")
    edit(site, "content/de/zwei/p1.md", "\n\nNoch ein Satz.\n")
    result, again = built(site, tmp_path / "b", sheets, tmp_path / "cache")
    assert result.results[0].reused_chapters >= 1  # the fetcher saw the sheets' files again
    _, fresh = built(site, tmp_path / "c")
    assert again == fresh


def test_a_changed_stylesheet_is_parsed_again(tmp_path):
    site = make_site(tmp_path / "site")
    sheets = ParsedSheets()
    built(site, tmp_path / "a", sheets)
    (site / "print.css").write_text(SITE_CSS.replace("#036", "#a00"), "utf-8")
    _, again = built(site, tmp_path / "b", sheets)
    _, fresh = built(site, tmp_path / "c")
    assert again == fresh


def test_a_changed_font_file_forgets_the_fonts_too(tmp_path):
    site = make_site(tmp_path / "site")
    sheets = ParsedSheets()
    _, first = built(site, tmp_path / "a", sheets)
    fonts_before = sheets.font_config
    shutil.copy(OTHER_FONT, site / "face.woff")
    _, again = built(site, tmp_path / "b", sheets)
    assert sheets.font_config is not fonts_before
    _, fresh = built(site, tmp_path / "c")
    assert again == fresh != first


def test_a_stylesheet_warning_is_reported_by_every_build(tmp_path):
    site = make_site(tmp_path / "site")
    sheets = ParsedSheets()
    for out in ("a", "b"):
        result, _ = built(site, tmp_path / out, sheets)
        css = [f for f in result.findings if f.code == "css"]
        assert any("colour" in f.message for f in css), [f.format() for f in result.findings]


def test_a_refused_font_is_reported_by_every_build(tmp_path):
    css = SITE_CSS.replace('url("face.woff")', 'url("../outside.woff")')
    site = make_site(tmp_path / "site", css)
    sheets = ParsedSheets()
    for out in ("a", "b"):
        options = BuildOptions(langs=["de"], out=tmp_path / out, jobs=1, sheets=sheets,
                               no_cache=True)
        result = build(site, options)
        refused = [f for f in result.findings if f.code == "refused-resource"]
        assert refused and "outside" in refused[0].message, [f.format() for f in result.findings]


def test_a_watch_rebuild_parses_no_stylesheet_again(tmp_path, monkeypatch):
    """What the kept sheets are for: the second build of a process does not parse them."""
    from weasyprint import css as weasyprint_css

    site = make_site(tmp_path / "site")
    sheets = ParsedSheets()
    built(site, tmp_path / "a", sheets)
    parsed: list[str] = []
    real = weasyprint_css.CSS

    class Counting(real):
        def __init__(self, *args, **kw):
            parsed.append(kw.get("url") or "string")
            super().__init__(*args, **kw)

    monkeypatch.setattr(weasyprint_css, "CSS", Counting)
    built(site, tmp_path / "b", sheets)
    kept_parses = [url for url in parsed if url != "string"]
    parsed.clear()
    built(site, tmp_path / "c", ParsedSheets())
    fresh_parses = [url for url in parsed if url != "string"]
    assert kept_parses == [] and len(fresh_parses) == 4, fresh_parses


def test_a_kept_sheet_that_looks_across_chapters_still_lays_the_manual_out_whole(tmp_path):
    """A site sheet with ``main:has(…)`` makes every build lay out every chapter
    (chapters.looks_across): the fetcher must see that sheet on every build, kept or not."""
    site = make_site(tmp_path / "site", SITE_CSS + "main:has(.warn) h1 { color: #c00; }\n")
    sheets = ParsedSheets()
    built(site, tmp_path / "a", sheets, tmp_path / "cache")
    edit(site, "content/de/zwei/p1.md", "\n\nNoch ein Satz.\n")
    result, again = built(site, tmp_path / "b", sheets, tmp_path / "cache")
    assert result.results[0].reused_chapters == 0
    _, fresh = built(site, tmp_path / "c")
    assert again == fresh
