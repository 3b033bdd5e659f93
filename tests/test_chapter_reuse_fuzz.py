"""Regressions found by fuzzing chapter-level layout reuse (issue 11): random small sites,
random edits, and every PDF made with kept layouts (in memory, as --watch does, or read from
the cache folder) compared, byte for byte, with a cold ``--no-cache`` build of the same site.
Each test here is the smallest site found for one difference."""

from __future__ import annotations

from pathlib import Path

import pytest

from manualgen.build import BuildOptions, build

from .conftest import page, write_site
from .test_chapter_reuse import WORDS, cached, cold, edit, lay_out, rebuilt

# A site's stylesheet that floats alerts: a long one runs on over the next pages.
FLOATS = ".alert { float: right; width: 45%; }\n"


@pytest.fixture
def env(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def long_alert(lines: int) -> str:
    return "> [!TIP]\n" + "\n".join("> " + WORDS * 2 for _ in range(lines))


def float_site(root: Path, start: str, alert: bool = True) -> Path:
    """Three chapters; the second ends with a floated alert longer than a page, whose rest
    is laid out on the pages after the chapter's text: the page before the third chapter
    (a blank one, with chapters on a recto) or the third chapter's first page."""
    second = "Kurz.\n\n" + long_alert(40) if alert else "Kurz."
    files = {
        "content/de/_index.md": page("Start", body="Willkommen."),
        "content/de/eins/_index.md": page("Erstes Kapitel", 1, body=WORDS * 3),
        "content/de/eins/p0.md": page("Eins null", 1, body=WORDS * 6),
        "content/de/zwei/_index.md": page("Zweites Kapitel", 2, body=WORDS * 3),
        "content/de/zwei/p0.md": page("Zwei null", 1, body=second),
        "content/de/drei/_index.md": page("Drittes Kapitel", 3, body=WORDS * 3),
        "content/de/drei/p0.md": page("Drei null", 1, body=WORDS * 8),
        "site.css": FLOATS,
        "manualgen.toml": f'[print]\nchapter_start = "{start}"\nstylesheets = ["site.css"]\n',
    }
    return write_site(root, files)


def retitle(site: Path, rel: str, old: str, new: str) -> None:
    path = site / rel
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("start", ["right", "page"])
@pytest.mark.parametrize("across_runs", [False, True])
def test_a_reused_chapter_whose_float_runs_on_past_its_end(tmp_path, env, start, across_runs):
    """The first chapter is edited, the second reused: the rest of its float, laid out on
    the page after it, must not be lost (it was, when only the chapter's own pages were
    kept)."""
    site = float_site(tmp_path / "site", start)
    second = rebuilt(site, tmp_path, across_runs,
                     lambda: retitle(site, "content/de/eins/_index.md", "Erstes Kapitel",
                                     "Erstes Kapitel, neu"))
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")


@pytest.mark.parametrize("start", ["right", "page"])
@pytest.mark.parametrize("across_runs", [False, True])
def test_a_chapter_after_a_float_that_is_gone(tmp_path, env, start, across_runs):
    """The third chapter's first page showed the rest of the second chapter's float; the
    float is removed: the third chapter must not be reused with that rest on it."""
    site = float_site(tmp_path / "site", start)
    second = rebuilt(site, tmp_path, across_runs, lambda: float_site(site, start, alert=False))
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")


# Numbers that a site's stylesheet runs on across the chapters: not in the chapters' HTML.
COUNTERS = ("main { counter-reset: n; }\n"
            "main :is(h2, h3, h4)::before { counter-increment: n; content: counter(n) \". \"; }\n")


def counter_site(root: Path, css: str) -> Path:
    return styled_chapters(root, css, ["eins", "zwei", "drei"])


def styled_chapters(root: Path, css: str, names: list[str]) -> Path:
    """A chapter for each of ``names``, in that order (by weight), and a site stylesheet."""
    files = {"content/de/_index.md": page("Start", body="Willkommen."),
             "site.css": css,
             "manualgen.toml": '[print]\nstylesheets = ["site.css"]\n'}
    for number, name in enumerate(names, start=1):
        files[f"content/de/{name}/_index.md"] = page(f"Kapitel {name}", number,
                                                     body="## Teil\n\n" + WORDS * 5)
        files[f"content/de/{name}/p0.md"] = page(f"{name} null", 1, body=WORDS * 8)
    return write_site(root, files)


@pytest.mark.parametrize("across_runs", [False, True])
def test_a_counter_that_runs_on_from_an_edited_chapter(tmp_path, env, across_runs):
    """A heading more in chapter one renumbers the headings of the later chapters, whose
    HTML is the same: they are laid out again, not reused with the old numbers."""
    site = counter_site(tmp_path / "site", COUNTERS)
    second = rebuilt(site, tmp_path, across_runs,
                     lambda: edit(site, "content/de/eins/p0.md", "\n\n## Neu\n\nMehr.\n"))
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")
    assert "3 Kapitel drei" in second.laid_out


def test_a_counter_reset_in_every_chapter_keeps_the_others_reused(tmp_path, env):
    """The same numbers, counted afresh in each chapter: an edit of chapter one leaves the
    others' numbers, and their layouts are reused."""
    local = COUNTERS.replace("main {", "main > section {")
    site = counter_site(tmp_path / "site", local)
    first = lay_out(site, tmp_path / "a")
    path = site / "content/de/eins/p0.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n\n## Neu\n\nMehr.\n", encoding="utf-8")
    second = lay_out(site, tmp_path / "b", first.layout)
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")
    assert second.laid_out == ["1 Kapitel eins"]


@pytest.mark.parametrize("across_runs", [False, True])
def test_pages_styled_by_their_number(tmp_path, env, across_runs):
    """``@page :nth(3n)`` styles every third page. Chapter one grows by some pages and the
    later chapters move (to a page of the same side, but not of the same number modulo
    3): a page kept from the old layout would keep the style of its old place."""
    files = {"content/de/_index.md": page("Start", body="Willkommen."),
             "site.css": "@page :nth(3n) { background: #ddd; }\n",
             "manualgen.toml": '[print]\nstylesheets = ["site.css"]\n'}
    for number, name in enumerate(["eins", "zwei", "drei"], start=1):
        files[f"content/de/{name}/_index.md"] = page(f"Kapitel {name}", number, body=WORDS * 5)
        files[f"content/de/{name}/p0.md"] = page(f"{name} null", 1,
                                                 body="\n\n".join([WORDS * 8] * 6))
    site = write_site(tmp_path / "site", files)
    second = rebuilt(site, tmp_path, across_runs,
                     lambda: edit(site, "content/de/eins/p0.md",
                                  "\n\n" + "\n\n".join([WORDS * 8] * 9)))
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")


def four_chapters(root: Path, toml: str) -> Path:
    files = {"content/de/_index.md": page("Start", body="Willkommen."),
             "manualgen.toml": toml}
    for number, name in enumerate(["eins", "zwei", "drei", "vier"], start=1):
        files[f"content/de/{name}/_index.md"] = page(f"Kapitel {name}", number, body=WORDS * 5)
        files[f"content/de/{name}/p0.md"] = page(f"{name} null", 1,
                                                 body="\n\n".join([WORDS * 8] * 3))
    return write_site(root, files)


NAMED_PAGES = ['[print]\nsides = "oneside"\n', '[print]\npaper = "a5"\n',
               '[print]\npaper = "letter"\nsides = "oneside"\nchapter_start = "page"\n']


@pytest.mark.parametrize("toml", NAMED_PAGES)
@pytest.mark.parametrize("across_runs", [False, True])
def test_one_sided_and_other_papers_reuse_the_unchanged_chapters(tmp_path, env, toml,
                                                                  across_runs):
    """One-sided manuals and A5 or Letter paper lay out on a named page (body { page: … }).
    WeasyPrint counts the pages of such a page group; the kept pages did not count, so every
    chapter after the first kept one started in another state and was laid out again."""
    site = four_chapters(tmp_path / "site", toml)
    second = rebuilt(site, tmp_path, across_runs,
                     lambda: edit(site, "content/de/zwei/p0.md", "\n\nEin Satz.\n"))
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")
    assert second.laid_out == ["2 Kapitel zwei"]


@pytest.mark.parametrize("toml", NAMED_PAGES)
def test_chapters_moved_on_a_named_page_keep_the_bytes(tmp_path, env, toml):
    """Chapter one grows by pages: the later chapters, moved, are reused (the page group's
    count of pages is not compared, nothing reads it without :nth()) with the same bytes."""
    site = four_chapters(tmp_path / "site", toml)
    first = lay_out(site, tmp_path / "a")
    path = site / "content/de/eins/p0.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + "\n\n".join([WORDS * 8] * 8),
                    encoding="utf-8")
    second = lay_out(site, tmp_path / "b", first.layout)
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")
    assert "1 Kapitel eins" in second.laid_out
    assert second.reused_chapters > 1  # the start page, and moved chapters


# The cache folder: chapters' files damaged between runs --------------------------------------

def same_shape_site(root: Path) -> Path:
    """Chapters of the same shape (the same elements in the same places), other words."""
    files = {"content/de/_index.md": page("Start", body="Willkommen.")}
    for number, name in enumerate(["eins", "zwei", "drei"], start=1):
        files[f"content/de/{name}/_index.md"] = page(f"Kapitel {name}", number,
                                                     body=f"{name}: " + WORDS * 5)
        files[f"content/de/{name}/p0.md"] = page(f"{name} null", 1, body=f"{name}. " + WORDS * 8)
    return write_site(root, files)


def stored(cache: Path) -> list[Path]:
    return sorted((cache / "layouts" / "de").glob("*.pickle"))


def test_chapter_files_swapped_in_the_cache_are_not_read(tmp_path, env):
    """Every chapter's file holds another chapter's pages (as a copied or restored cache
    folder might): each is laid out again, not printed with the other chapter's words,
    and its file is written again for the next run."""
    site = same_shape_site(tmp_path / "site")
    cache = tmp_path / "cache"
    cached(site, tmp_path / "a", cache)
    files = stored(cache)
    contents = [path.read_bytes() for path in files]
    for path, data in zip(files, contents[1:] + contents[:1]):
        path.write_bytes(data)
    second = cached(site, tmp_path / "b", cache)
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")
    assert second.reused_chapters == 0
    third = cached(site, tmp_path / "c", cache)
    assert third.reused_chapters == len(files)


@pytest.mark.parametrize("seed", range(4))
def test_chapter_files_with_flipped_bits_are_not_read(tmp_path, env, seed):
    import random

    site = same_shape_site(tmp_path / "site")
    cache = tmp_path / "cache"
    cached(site, tmp_path / "a", cache)
    rng = random.Random(seed)
    for path in stored(cache):
        data = bytearray(path.read_bytes())
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(data))
    second = cached(site, tmp_path / "b", cache)
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")
    assert second.reused_chapters == 0


@pytest.mark.parametrize("css", [
    'main h2::after { content: " / " counter(pages); }\n',
    'main h2 { bookmark-level: 2; bookmark-label: content(text) " / " counter(pages); }\n',
])
@pytest.mark.parametrize("across_runs", [False, True])
def test_a_chapter_that_shows_the_number_of_pages(tmp_path, env, css, across_runs):
    """Chapter two shows the manual's number of pages (in its text, or in a bookmark);
    chapter three grows by pages. Chapter two starts where it did, in the same state, but
    must not be reused with the old number."""
    site = counter_site(tmp_path / "site", css)
    second = rebuilt(site, tmp_path, across_runs,
                     lambda: edit(site, "content/de/drei/p0.md",
                                  "\n\n" + "\n\n".join([WORDS * 8] * 12)))
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")


def test_a_chapter_whose_place_among_the_chapters_changes(tmp_path, env):
    """The start page gets a text, so the manual gets an introduction before the chapters:
    each chapter moves one place among <main>'s children, with the same HTML. A site's
    stylesheet that styles chapters by their place sees that."""
    site = counter_site(tmp_path / "site", "main > section:nth-child(even) h1 { color: #c00; }\n")
    write_site(site, {"content/de/_index.md": page("Start")})
    first = lay_out(site, tmp_path / "a")
    write_site(site, {"content/de/_index.md": page("Start", body="Willkommen. " + WORDS)})
    second = lay_out(site, tmp_path / "b", first.layout)
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")



@pytest.mark.parametrize("with_cache", [False, True])
def test_a_picture_inside_an_svg_changed_under_a_kept_layout(tmp_path, env, with_cache):
    """An SVG shows a PNG (<image href="inner.png">); the PNG changes, the SVG does not.
    WeasyPrint fetches the PNG only when it draws the SVG, through the render that loaded
    the SVG: chapter two, kept in memory (--watch), drew the old picture. It is read back
    from the cache (with this render's images) or laid out again instead."""
    from .conftest import png_bytes

    svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
           'width="200" height="100"><image xlink:href="inner.png" width="200" height="100"/></svg>')
    site = counter_site(tmp_path / "site", "")
    write_site(site, {"static/img/plan.svg": svg, "static/img/inner.png": png_bytes(color=(200, 0, 0)),
                      "content/de/zwei/p0.md": page("zwei null", 1, body="![Plan](/img/plan.svg)")})

    def watch(out: Path, layouts=None):
        if not with_cache:
            return lay_out(site, out, layouts)
        result = build(site, BuildOptions(langs=["de"], out=out, cache_dir=tmp_path / "cache",
                                          jobs=1, keep_layouts=True,
                                          layouts={"de": layouts} if layouts else {}))
        assert not result.findings.errors, [f.format() for f in result.findings]
        return result.results[0]

    first = watch(tmp_path / "a")
    (site / "static/img/inner.png").write_bytes(png_bytes(color=(0, 0, 200)))
    path = site / "content/de/eins/p0.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n\nMehr.\n", encoding="utf-8")
    second = watch(tmp_path / "b", first.layout)
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")
    if with_cache:
        assert second.laid_out == ["1 Kapitel eins"]  # chapter two from the cache


def test_a_folder_among_the_chapter_files_does_not_stop_the_build(tmp_path, env):
    """Each build removes the chapter files it no longer needs; a folder with such a name
    (or any file that cannot be removed) made the build fail ("cannot write …pdf: Is a
    directory")."""
    site = same_shape_site(tmp_path / "site")
    cache = tmp_path / "cache"
    cached(site, tmp_path / "a", cache)
    (cache / "layouts" / "de" / "junk.pickle").mkdir()
    old = stored(cache)[0]
    old.unlink()
    old.mkdir()
    path = site / "content/de/eins/p0.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n\nMehr.\n", encoding="utf-8")
    second = cached(site, tmp_path / "b", cache)
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")


@pytest.mark.parametrize("across_runs", [False, True])
def test_a_sibling_selector_that_sees_a_chapter_far_away(tmp_path, env, across_runs):
    """``#p-a ~ section`` styles every chapter after chapter a. Chapter a moves from first to
    last and chapter e from last to first: chapter c keeps its place and both neighbours,
    but is no longer after chapter a."""
    css = "main > section[id$='-a'] ~ section h1 { color: #c00; }\n"
    site = styled_chapters(tmp_path / "site", css, ["a", "b", "c", "d", "e"])
    second = rebuilt(site, tmp_path, across_runs,
                     lambda: styled_chapters(site, css, ["e", "b", "c", "d", "a"]))
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")


@pytest.mark.parametrize("across_runs", [False, True])
def test_a_has_selector_that_looks_into_another_chapter(tmp_path, env, across_runs):
    """``main:has(.warn) h1`` styles every chapter by what any chapter holds: an edit of
    chapter d changes how chapter c looks, though chapter c's HTML is the same."""
    css = "main:has(.warn) h1 { color: #c00; }\n"
    site = styled_chapters(tmp_path / "site", css, ["a", "b", "c", "d", "e"])
    second = rebuilt(site, tmp_path, across_runs,
                     lambda: edit(site, "content/de/d/_index.md",
                                  '\n\n<p class="warn">Achtung.</p>\n'))
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")


@pytest.mark.parametrize(("css", "across"), [
    ("tbody:first-of-type > tr:first-child:has(> th) { break-after: avoid }", False),
    ("section:has(.warn) h1 { color: red }", False),  # inside the chapter itself
    ("li:has(~ li) { color: red }", False),
    ("p { color: red }", False),
    ("main:has(.warn) h1 { color: red }", True),
    ("BODY:HAS(.warn) h1 { color: red }", True),
    (".box:has(.warn) { color: red }", True),  # no tag: it may be <main>
    (":not(:has(.warn)) { color: red }", True),
    ("section:has(+ section .warn) h1 { color: red }", True),
    ("article:has( ~ section) h1 { color: red }", True),
])
def test_which_has_selectors_can_see_past_a_chapter(css, across):
    from manualgen.chapters import looks_across

    assert looks_across(css) is across
