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


def count_parses(monkeypatch) -> list[str]:
    """From now on, the address of every stylesheet WeasyPrint parses ("string" for one
    given as text), in a list."""
    from weasyprint import css as weasyprint_css

    parsed: list[str] = []
    real = weasyprint_css.CSS

    class Counting(real):
        def __init__(self, *args, **kw):
            parsed.append(kw.get("url") or "string")
            super().__init__(*args, **kw)

    monkeypatch.setattr(weasyprint_css, "CSS", Counting)
    return parsed


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
    site = make_site(tmp_path / "site")
    sheets = ParsedSheets()
    built(site, tmp_path / "a", sheets)
    parsed = count_parses(monkeypatch)
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


# --- random stylesheets: a kept parse lays a document out as a fresh one does -------------

CSS_PIECES = [
    "@page { size: a6; margin: 12mm }",
    "@page :left { @bottom-left { content: counter(page) } }",
    "@page :first { @top-center { content: 'Titel' } }",
    "@page wide { size: a6 landscape }",
    "@counter-style stars { system: cyclic; symbols: '*'; suffix: ' ' }",
    "@counter-style roman-ish { system: additive; additive-symbols: 5 V, 1 I }",
    "ol { list-style: stars }",
    "ul { list-style: roman-ish }",
    "h1 { color: #036; page: wide }",
    "p { colour: red }",
    "p { font-size: 11pt; line-height: 1.4 }",
    "p::first-letter { font-weight: bold }",
    "@media screen { p { color: blue } }",
    "@font-face { font-family: Face; src: url(face.woff) }",
    "@font-face { font-family: Gone; src: url(missing.woff) }",
    "h1 { font-family: Face, sans-serif }",
    "@import url(more.css);",
    "li::marker { color: #a00 }",
    "}",
    "@page { @bottom-right { content: 'S. ' counter(page) ' / ' counter(pages) } }",
]

DOCUMENT = ("<!DOCTYPE html><html lang=de><head>{links}</head><body><h1>Titel</h1>"
            "<p>Erster Absatz mit etwas Text.</p><ol><li>eins</li><li>zwei</li></ol>"
            "<ul><li>a</li></ul><p>Zweiter Absatz.</p></body></html>")


def render_tiny(folder: Path, sheets: ParsedSheets | None) -> tuple[bytes, list[str]]:
    import logging

    import weasyprint

    from manualgen.pdf import VIRTUAL_BASE, Roots, _reader, make_fetcher

    roots = Roots({"site": folder})
    links = "".join(f'<link rel="stylesheet" href="{VIRTUAL_BASE}site/{name}">'
                    for name in ("one.css", "two.css"))
    records: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record.getMessage())

    logger, handler = logging.getLogger("weasyprint"), Keep(logging.WARNING)
    logger.addHandler(handler)
    try:
        document = weasyprint.HTML(string=DOCUMENT.format(links=links), base_url=VIRTUAL_BASE,
                                   url_fetcher=make_fetcher(roots, []))
        if sheets is None:
            return document.write_pdf(), records
        kept = sheets.count()
        sheets.checked(_reader(roots))
        assert sheets.count() == kept  # nothing changed: nothing is forgotten
        with sheets.in_use():
            return document.render(font_config=sheets.font_config).write_pdf(), records
    finally:
        logger.removeHandler(handler)


@pytest.mark.filterwarnings("ignore")
def test_random_stylesheets_render_alike_kept_or_fresh(tmp_path):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    pieces = st.lists(st.sampled_from(CSS_PIECES), max_size=6)

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(one=pieces, two=pieces, more=pieces)
    def check(one, two, more):
        folder = tmp_path / "site"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        shutil.copy(FONT, folder / "face.woff")
        more = [rule for rule in more if "@import" not in rule]  # no cycle (WeasyPrint's own)
        for name, rules in (("one.css", one), ("two.css", two), ("more.css", more)):
            (folder / name).write_text("\n".join(rules), "utf-8")
        fresh = render_tiny(folder, None)
        sheets = ParsedSheets()
        first = render_tiny(folder, sheets)
        assert sheets.count() >= 1 or not (one or two)
        again = render_tiny(folder, sheets)
        assert first == fresh
        assert again == fresh

    check()


def test_a_failure_while_parsing_ahead_leaves_the_layout_to_report_it(tmp_path, monkeypatch):
    """Parsing the sheets before the languages' processes start only saves time: if it
    fails, nothing is kept (the layout meets the fault again, and reports it)."""
    from manualgen import parsed_sheets
    from manualgen.pdf import Roots, parse_sheets

    site = make_site(tmp_path / "site")
    roots = Roots({"site": site})
    urls = ["https://manualgen.invalid/site/print.css"]
    sheets = ParsedSheets()
    parse_sheets(sheets, urls, roots)
    assert sheets.count() == 1
    fonts = sheets.font_config

    def failing(self, real, *args, **kw):
        raise RuntimeError("a fault while parsing ahead")

    monkeypatch.setattr(parsed_sheets.ParsedSheets, "_stylesheet", failing)
    sheets.forget()
    parse_sheets(sheets, urls, roots)  # no exception
    assert sheets.count() == 0 and sheets.font_config is not fonts


def test_a_build_of_two_languages_parses_ahead_once(tmp_path, monkeypatch):
    """Two languages in two processes: the parent parses the sheets, the workers use them."""
    from manualgen import parsed_sheets

    site = make_site(tmp_path / "site")
    for rel in ("content/de/_index.md", "content/de/eins/_index.md"):
        fr = rel.replace("/de/", "/fr/")
        (site / fr).parent.mkdir(parents=True, exist_ok=True)
        (site / fr).write_text((site / rel).read_text("utf-8"), "utf-8")
    parses: list[str] = []
    real_parsed = parsed_sheets._parsed

    def counted(real, kw):
        parses.append(kw["url"])
        return real_parsed(real, kw)

    monkeypatch.setattr(parsed_sheets, "_parsed", counted)
    result = build(site, BuildOptions(all=True, out=tmp_path / "out", jobs=2, no_cache=True))
    assert not result.findings.errors and all(r.pdf for r in result.results)
    assert len(parses) == 4  # in this process, once; the workers' own counts stay theirs


def test_the_first_save_under_watch_parses_no_stylesheet_after_a_build_that_reused_its_pdf(
        tmp_path, monkeypatch):
    """A --watch whose first build reused the PDF laid nothing out, so it parsed no
    stylesheet: the wait before the first save parses them (warm_up), and the save only
    replays them, with the bytes of a fresh build."""
    from manualgen.build import warm_up
    from manualgen.config import load_settings

    site = make_site(tmp_path / "site")
    cache = tmp_path / "cache"
    built(site, tmp_path / "a", cache=cache)
    sheets = ParsedSheets()
    first, _ = built(site, tmp_path / "a", sheets, cache=cache)  # as --watch starts
    assert first.results[0].reused and sheets.count() == 0
    warm_up(load_settings(site), sheets)
    assert sheets.count() == 4
    parsed = count_parses(monkeypatch)
    edit(site, "content/de/zwei/p0.md", "\nEin Satz mehr.\n")
    _, saved = built(site, tmp_path / "b", sheets, cache=cache)
    assert [url for url in parsed if url != "string"] == []
    assert saved == built(site, tmp_path / "c")[1]
