"""Chapter-level layout reuse (issue 11): a layout kept in the process (``--watch``) lets the
next build lay out only the chapters that changed, and the PDF is the same, byte for byte,
as a cold build of the edited site."""

from __future__ import annotations

from pathlib import Path

import pytest

from manualgen.build import BuildOptions, build

from .conftest import page, write_site

pypdf = pytest.importorskip("pypdf")

WORDS = ("Jede Zeile dieses Absatzes steht hier, damit das Kapitel eine Seite füllt und die "
         "Seitenumbrüche etwas zu tun haben. ")


def paragraphs(count: int, tag: str = "") -> str:
    return "\n\n".join(f"{tag}Absatz {n}. " + WORDS * 4 for n in range(count))


def chapter_files(name: str, title: str, weight: int, sizes: list[int],
                  extra: str = "", lang: str = "de") -> dict[str, str]:
    """A top-level section with sub-pages: a chapter that opens on a recto."""
    files = {f"content/{lang}/{name}/_index.md": page(title, weight, body=paragraphs(2) + extra)}
    for n, size in enumerate(sizes):
        files[f"content/{lang}/{name}/p{n}.md"] = page(f"{title} {n}", n + 1,
                                                       body=paragraphs(size))
    return files


def make_site(root: Path, *, see: bool = False, svg: str | None = None) -> Path:
    files = {"content/de/_index.md": page("Start", body="Willkommen.")}
    files.update(chapter_files("eins", "Erstes Kapitel", 1, [3, 4]))
    files.update(chapter_files("zwei", "Zweites Kapitel", 2, [5, 2],
                               extra="\n\n![Plan](/img/plan.svg)\n" if svg else ""))
    link = "\n\nMehr dazu: [die Einstellungen](/vier/p1/).\n" if see else ""
    files.update(chapter_files("drei", "Drittes Kapitel", 3, [2, 3], extra=link))
    files.update(chapter_files("vier", "Viertes Kapitel", 4, [3, 3], extra=TABLE))
    if svg:
        files["static/img/plan.svg"] = svg
    return write_site(root, files)


TABLE = "\n\n| Feld | Bedeutung |\n|---|---|\n" + "".join(
    f"| Feld {n} | Was Feld {n} bedeutet, in einigen Worten. |\n" for n in range(40))

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
       '<rect width="200" height="100" fill="{}"/></svg>')


def lay_out(site: Path, out: Path, layouts=None, lang: str = "de"):
    """One German build in this process, keeping its layout (as --watch does)."""
    options = BuildOptions(langs=[lang], out=out, no_cache=True, jobs=1, keep_layouts=True,
                           layouts={lang: layouts} if layouts is not None else {})
    result = build(site, options)
    assert not result.findings.errors, [f.format() for f in result.findings]
    return result.results[0]


def cold(site: Path, out: Path, lang: str = "de") -> bytes:
    options = BuildOptions(langs=[lang], out=out, no_cache=True, jobs=1)
    result = build(site, options)
    assert not result.findings.errors, [f.format() for f in result.findings]
    return result.results[0].pdf.read_bytes()


def pages_of(data: bytes) -> int:
    import io

    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def text_of(data: bytes) -> str:
    import io

    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)


def edit(site: Path, rel: str, more: str) -> None:
    path = site / rel
    path.write_text(path.read_text(encoding="utf-8") + more, encoding="utf-8")


def rebuilt(site: Path, tmp_path: Path, across_runs: bool, change):
    """``site`` built, ``change()`` made, and built again the same way: with a cache folder
    (``across_runs``: two `manualgen build` runs) or keeping the layout in this process (as
    --watch --no-cache does). The second build's result."""
    cache = tmp_path / "cache"
    if across_runs:
        cached(site, tmp_path / "a", cache)
        change()
        return cached(site, tmp_path / "b", cache)
    first = lay_out(site, tmp_path / "a")
    change()
    return lay_out(site, tmp_path / "b", first.layout)


@pytest.fixture
def env(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def test_keeping_the_layout_gives_the_bytes_of_a_plain_build(tmp_path, env):
    site = make_site(tmp_path / "site")
    kept = lay_out(site, tmp_path / "kept")
    assert kept.layout is not None and kept.reused_chapters == 0
    assert kept.pdf.read_bytes() == cold(site, tmp_path / "cold")


def test_an_edit_that_keeps_the_page_count_lays_out_only_its_chapter(tmp_path, env):
    site = make_site(tmp_path / "site")
    first = lay_out(site, tmp_path / "a")
    before = first.pdf.read_bytes()
    edit(site, "content/de/zwei/p1.md", "\nEin Satz mehr.\n")
    second = lay_out(site, tmp_path / "b", first.layout)
    assert second.laid_out == ["2 Zweites Kapitel"]
    assert second.reused_chapters == 4  # the start page, chapters one, three and four
    after = second.pdf.read_bytes()
    assert pages_of(after) == pages_of(before)
    assert after == cold(site, tmp_path / "cold")
    assert "Ein Satz mehr." in text_of(after)


@pytest.mark.parametrize("count", [1, 3, 6])
def test_an_edit_that_changes_the_page_count_moves_the_later_chapters(tmp_path, env, count):
    """Three, nine or eighteen more paragraphs: the chapter grows by a page or more, the
    later chapters move (with a blank page more or less before them, as they open on a
    recto) and keep their layout; the contents and the running page numbers follow."""
    site = make_site(tmp_path / "site")
    first = lay_out(site, tmp_path / "a")
    before = first.pdf.read_bytes()
    edit(site, "content/de/eins/p0.md", "\n\n" + paragraphs(count * 3, "Neu "))
    second = lay_out(site, tmp_path / "b", first.layout)
    after = second.pdf.read_bytes()
    assert second.laid_out == ["1 Erstes Kapitel"]
    assert second.reused_chapters == 4
    assert after == cold(site, tmp_path / "cold")
    assert after != before and "Neu Absatz 2." in text_of(after)


def test_chapters_that_move_to_the_other_side_are_laid_out_again(tmp_path, env):
    """With chapter_start = "page" a chapter opens on the next page, left or right. An edit
    that makes chapter one a page longer moves every later chapter to the other side, where
    the margins are mirrored: they are laid out again, not reused."""
    site = make_site(tmp_path / "site")
    write_site(site, {"manualgen.toml": '[print]\nchapter_start = "page"\n'})
    first = lay_out(site, tmp_path / "a")
    base = pages_of(first.pdf.read_bytes())
    original = (site / "content/de/eins/p1.md").read_text(encoding="utf-8")
    for count in range(1, 12):
        (site / "content/de/eins/p1.md").write_text(
            original + "\n\n" + paragraphs(count, "Neu "), encoding="utf-8")
        data = cold(site, tmp_path / f"cold{count}")
        if pages_of(data) == base + 1:
            break
    else:
        pytest.fail("no edit made the manual one page longer")
    second = lay_out(site, tmp_path / "b", first.layout)
    assert second.pdf.read_bytes() == data
    assert second.laid_out == ["1 Erstes Kapitel", "2 Zweites Kapitel", "3 Drittes Kapitel",
                               "4 Viertes Kapitel"]
    assert second.reused_chapters == 1  # the start page


def test_a_moved_see_page_target_lays_out_its_reference_again(tmp_path, env):
    """Chapter three says "see page N" of a page in chapter four. Growing chapter one
    moves that page: chapter three's layout is not reused with the old number."""
    site = make_site(tmp_path / "site", see=True)
    first = lay_out(site, tmp_path / "a")
    edit(site, "content/de/eins/p0.md", "\n\n" + paragraphs(12, "Neu "))
    second = lay_out(site, tmp_path / "b", first.layout)
    after = second.pdf.read_bytes()
    assert "3 Drittes Kapitel" in second.laid_out and "1 Erstes Kapitel" in second.laid_out
    assert "4 Viertes Kapitel" not in second.laid_out
    assert after == cold(site, tmp_path / "cold")
    assert pages_of(after) > pages_of(first.pdf.read_bytes())


def test_a_see_page_target_that_stays_keeps_its_reference_reused(tmp_path, env):
    site = make_site(tmp_path / "site", see=True)
    first = lay_out(site, tmp_path / "a")
    edit(site, "content/de/vier/p0.md", "\nEin Satz mehr.\n")  # before the target, same pages
    second = lay_out(site, tmp_path / "b", first.layout)
    assert second.laid_out == ["4 Viertes Kapitel"]
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")


def test_a_changed_stylesheet_lays_out_every_chapter(tmp_path, env):
    site = make_site(tmp_path / "site")
    first = lay_out(site, tmp_path / "a")
    write_site(site, {"manualgen.toml": '[print]\npaper = "a5"\n'})
    second = lay_out(site, tmp_path / "b", first.layout)
    assert second.reused_chapters == 0
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")


def test_an_image_changed_under_the_same_address_lays_out_its_chapter(tmp_path, env):
    site = make_site(tmp_path / "site", svg=SVG.format("#c00"))
    first = lay_out(site, tmp_path / "a")
    (site / "static/img/plan.svg").write_text(SVG.format("#0c0"), encoding="utf-8")
    second = lay_out(site, tmp_path / "b", first.layout)
    assert "2 Zweites Kapitel" in second.laid_out
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")


def test_reuse_over_several_edits_in_a_row(tmp_path, env):
    """Layouts kept from a build that itself reused chapters (their fonts from an earlier
    document) are reused again."""
    site = make_site(tmp_path / "site", see=True)
    layout = lay_out(site, tmp_path / "a").layout
    for n, rel in enumerate(["content/de/zwei/p0.md", "content/de/eins/p1.md",
                             "content/de/zwei/p0.md"]):
        edit(site, rel, f"\nÄnderung {n}.\n")
        made = lay_out(site, tmp_path / f"b{n}", layout)
        assert made.reused_chapters >= 3
        assert made.pdf.read_bytes() == cold(site, tmp_path / f"cold{n}")
        layout = made.layout


# Across runs: the chapters in the cache ------------------------------------------------------

def cached(site: Path, out: Path, cache: Path):
    """One German build with a cache folder (as a plain `manualgen build` does)."""
    result = build(site, BuildOptions(langs=["de"], out=out, cache_dir=cache, jobs=1))
    assert not result.findings.errors, [f.format() for f in result.findings]
    return result.results[0]


def stored(cache: Path) -> list[Path]:
    return sorted((cache / "layouts" / "de").glob("*.pickle"))


def test_a_build_after_an_edit_reads_the_other_chapters_from_the_cache(tmp_path, env):
    site = make_site(tmp_path / "site", see=True)
    cache = tmp_path / "cache"
    first = cached(site, tmp_path / "a", cache)
    assert first.reused_chapters == 0 and len(stored(cache)) == 5
    edit(site, "content/de/zwei/p1.md", "\nEin Satz mehr.\n")
    second = cached(site, tmp_path / "b", cache)
    assert second.laid_out == ["2 Zweites Kapitel"] and second.reused_chapters == 4
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")
    assert len(stored(cache)) == 5  # the old "Zweites Kapitel" is gone, the new one is there


def watch_saves(site: Path, tmp_path: Path, monkeypatch, saves: int) -> tuple[list, list]:
    """``build --lang de --watch`` with a cache folder, as the command line runs it: the
    first build, then ``saves`` edits of chapter two, each rebuilt.  The results of the
    rebuilds, and what each rebuild read back from the cache folder (True: a chapter)."""
    from manualgen.chapter_store import Store
    from manualgen.cli import _rebuild_for_watch

    reads: list[list[bool]] = []
    load = Store.load

    def counted(self, key, resolve):
        found = load(self, key, resolve)
        reads[-1].append(found is not None)
        return found

    monkeypatch.setattr(Store, "load", counted)
    rebuild = _rebuild_for_watch(["build", "--site", str(site), "--lang", "de", "-q",
                                  "--out", str(tmp_path / "out"), "--cache", str(tmp_path / "c")])
    reads.append([])
    rebuild()
    results = []
    for n in range(saves):
        edit(site, "content/de/zwei/p1.md", f"\nNoch ein Satz ({n}).\n")
        reads.append([])
        results.append(rebuild().results[0])
    return results, reads[1:]


def test_watch_with_a_cache_keeps_a_layout_made_in_its_own_process(tmp_path, env, monkeypatch):
    """Under --watch a language laid out in the watching process keeps its layout there:
    a save takes the unchanged chapters from memory, not from the cache folder, and the
    PDF is still the cold build's."""
    site = make_site(tmp_path / "site", see=True)
    results, reads = watch_saves(site, tmp_path, monkeypatch, saves=2)
    for result in results:
        assert result.laid_out == ["2 Zweites Kapitel"] and result.reused_chapters == 4
    # the first build had no PDF before it, so no size to go by: the first save reads the
    # chapters back; it knows the size, and the second save takes them from memory
    assert sum(reads[0]) == 4 and results[0].layout is not None
    assert not any(reads[1])  # the changed chapter is looked for, and not found
    assert results[-1].pdf.read_bytes() == cold(site, tmp_path / "cold")


def test_watch_reads_a_large_manuals_chapters_back_instead_of_keeping_them(
        tmp_path, env, monkeypatch):
    """A manual whose last PDF was large keeps no layout in the watching process between
    saves (its memory): its unchanged chapters are read back from the cache folder."""
    from manualgen import heap

    monkeypatch.setattr(heap, "LARGE", 2)  # every manual of this test counts as large
    site = make_site(tmp_path / "site", see=True)
    results, reads = watch_saves(site, tmp_path, monkeypatch, saves=2)
    assert results[0].layout is None and results[1].layout is None
    assert results[1].reused_chapters == 4 and sum(reads[1]) == 4
    assert results[1].pdf.read_bytes() == cold(site, tmp_path / "cold")


def test_a_chapter_moved_by_an_edit_is_read_from_the_cache_in_its_new_place(tmp_path, env):
    """Growing chapter one moves the later chapters (and the "see page N" target): the
    moved chapters come from the cache, the chapter whose reference moved is laid out."""
    site = make_site(tmp_path / "site", see=True)
    cache = tmp_path / "cache"
    cached(site, tmp_path / "a", cache)
    edit(site, "content/de/eins/p0.md", "\n\n" + paragraphs(12, "Neu "))
    second = cached(site, tmp_path / "b", cache)
    assert second.laid_out == ["1 Erstes Kapitel", "3 Drittes Kapitel"]
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")


def test_a_damaged_cache_entry_is_laid_out_again(tmp_path, env):
    site = make_site(tmp_path / "site")
    cache = tmp_path / "cache"
    cached(site, tmp_path / "a", cache)
    for n, path in enumerate(stored(cache)):
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2] if n % 2 else b"not a pickle")
    edit(site, "content/de/zwei/p1.md", "\nEin Satz mehr.\n")
    second = cached(site, tmp_path / "b", cache)
    assert second.reused_chapters == 0
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")


def test_chapters_are_read_back_on_another_day(tmp_path, env, monkeypatch):
    """The manual's date shows on the cover and in the running foot, which are made anew: a
    site without git takes its date from its newest page, so every edit changes it, and its
    chapters must still be reused."""
    site = make_site(tmp_path / "site")
    cache = tmp_path / "cache"
    cached(site, tmp_path / "a", cache)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1710000000")
    edit(site, "content/de/zwei/p1.md", "\nEin Satz mehr.\n")
    second = cached(site, tmp_path / "b", cache)
    assert second.laid_out == ["2 Zweites Kapitel"]
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")


def test_chapters_of_another_paper_size_are_not_read(tmp_path, env):
    site = make_site(tmp_path / "site")
    cache = tmp_path / "cache"
    cached(site, tmp_path / "a", cache)
    write_site(site, {"manualgen.toml": '[print]\npaper = "letter"\n'})
    second = cached(site, tmp_path / "b", cache)
    assert second.reused_chapters == 0
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")


def test_no_cache_writes_no_chapters(tmp_path, env):
    site = make_site(tmp_path / "site")
    cold(site, tmp_path / "out")
    assert not list(tmp_path.rglob("*.pickle"))


def test_a_planted_cache_entry_cannot_call_anything(tmp_path, env):
    """Only WeasyPrint's classes and manualgen's own are read back from the cache."""
    import os
    import pickle

    from manualgen.chapter_store import load

    class Boom:
        def __reduce__(self):
            return (os.system, ("echo planted > " + str(tmp_path / "planted"),))

    class Main:  # WeasyPrint's own command line could write a file
        def __reduce__(self):
            from weasyprint.__main__ import main

            return (main, (["-", str(tmp_path / "planted")],))

    for payload in (Boom(), print, Main()):
        assert load(pickle.dumps((1, payload)), lambda pid: None) is None
    assert not (tmp_path / "planted").exists()


@pytest.mark.parametrize("across_runs", [False, True])
def test_a_see_page_target_that_moves_while_its_reference_stays(tmp_path, env, across_runs):
    """Chapter two says "see page N" of a page in chapter four; growing chapter three moves
    chapter four but not chapter two. Chapter two must not keep its old number."""
    files = {"content/de/zwei/p0.md": page("Zweites Kapitel 0", 1, body=paragraphs(5)
                                           + "\n\nSiehe [die Einstellungen](/vier/p1/).\n")}
    site = make_site(tmp_path / "site")
    write_site(site, files)
    second = rebuilt(site, tmp_path, across_runs,
                     lambda: edit(site, "content/de/drei/p1.md", "\n\n" + paragraphs(12, "Neu ")))
    after = second.pdf.read_bytes()
    assert "2 Zweites Kapitel" in second.laid_out
    assert after == cold(site, tmp_path / "cold")


RTL_HUGO = """\
baseURL = "https://example.org/docs/"
title = "Test"
defaultContentLanguage = "fa"
[languages.fa]
languageName = "فارسی"
languageDirection = "rtl"
contentDir = "content/fa"
"""


@pytest.mark.parametrize("sides", ["twoside", "oneside"])
def test_right_to_left_and_one_sided_manuals_reuse_chapters_with_the_same_bytes(
        tmp_path, env, sides):
    files = {"content/fa/_index.md": page("آغاز", body="خوش آمدید.")}
    for number, name in enumerate(["a", "b", "c"], start=1):
        files.update(chapter_files(name, f"فصل {name}", number, [3, 2], lang="fa"))
    if sides == "oneside":
        files["manualgen.toml"] = '[print]\nsides = "oneside"\n'
    site = write_site(tmp_path / "site", files, hugo=RTL_HUGO)
    first = lay_out(site, tmp_path / "a", lang="fa")
    edit(site, "content/fa/a/p0.md", "\n\n" + paragraphs(9, "Neu "))
    second = lay_out(site, tmp_path / "b", first.layout, lang="fa")
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold", lang="fa")
    if sides == "twoside":  # chapters open on a recto (a left-hand page here): they keep it
        assert second.laid_out == ["1 فصل a"] and second.reused_chapters == 3
    else:  # one-sided chapters open on the next page: a later one may start on the other side
        assert "1 فصل a" in second.laid_out


def test_a_fault_while_reusing_lays_the_manual_out_afresh(tmp_path, env, monkeypatch):
    """Should splicing ever fail, the manual is laid out from scratch, not lost."""
    from manualgen import chapters

    site = make_site(tmp_path / "site")
    first = lay_out(site, tmp_path / "a")
    edit(site, "content/de/zwei/p1.md", "\nEin Satz mehr.\n")

    def broken(*args, **kwargs):
        raise IndexError("a bug in the splicing")

    monkeypatch.setattr(chapters, "_splice", broken)
    second = lay_out(site, tmp_path / "b", first.layout)
    assert second.reused_chapters == 0
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")


def test_counters_and_sibling_selectors_that_run_across_chapters(tmp_path, env):
    """A site's stylesheet numbers the figures through the whole manual and colours every
    other chapter: adding a figure to chapter one renumbers the figures of chapter three,
    adding a chapter before it changes which chapters are "odd". Neither is reused stale."""
    css = ("main { counter-reset: fig; } .page-body p::before { counter-increment: fig; "
           "content: counter(fig) \" \"; } main > section:nth-child(odd) p { color: #700; }")
    site = make_site(tmp_path / "site")
    write_site(site, {"styles/site.css": css,
                      "manualgen.toml": '[print]\nstylesheets = ["styles/site.css"]\n'})
    layout = lay_out(site, tmp_path / "a").layout
    edit(site, "content/de/eins/p0.md", "\n\nEin Absatz mehr, mit einer Nummer.\n")
    second = lay_out(site, tmp_path / "b", layout)
    assert "3 Drittes Kapitel" in second.laid_out
    assert second.pdf.read_bytes() == cold(site, tmp_path / "cold")
    write_site(site, chapter_files("null", "Nulltes Kapitel", 0, [1]))
    third = lay_out(site, tmp_path / "c", second.layout)
    assert third.pdf.read_bytes() == cold(site, tmp_path / "cold2")


def test_a_chapter_laid_out_again_on_the_other_side_is_stored_again(tmp_path, env):
    """Chapters that moved to the other side are laid out afresh and written over their old
    files: the next edit reuses them from the cache (found by fuzzing: they were never
    written again, so laid out on every build)."""
    site = make_site(tmp_path / "site")
    write_site(site, {"manualgen.toml": '[print]\nchapter_start = "page"\n'})
    cache = tmp_path / "cache"
    base = pages_of(cached(site, tmp_path / "a", cache).pdf.read_bytes())
    original = (site / "content/de/eins/p1.md").read_text(encoding="utf-8")
    for count in range(1, 12):
        (site / "content/de/eins/p1.md").write_text(
            original + "\n\n" + paragraphs(count, "Neu "), encoding="utf-8")
        if pages_of(cold(site, tmp_path / f"cold{count}")) == base + 1:
            break
    else:
        pytest.fail("no edit made the manual one page longer")
    moved = cached(site, tmp_path / "b", cache)
    assert "4 Viertes Kapitel" in moved.laid_out
    edit(site, "content/de/eins/p0.md", "\nEin Satz mehr.\n")
    again = cached(site, tmp_path / "c", cache)
    assert again.laid_out == ["1 Erstes Kapitel"]
    assert again.pdf.read_bytes() == cold(site, tmp_path / "cold")


ELLIPSIS_CSS = (".kurz { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; "
                "width: 4cm; }\n"
                ".zwei { display: -webkit-box; overflow: hidden; block-ellipsis: auto; "
                "max-lines: 1; width: 4cm; }\n")


def test_a_kept_layout_is_painted_again_without_shaping_its_lines_again(
        tmp_path, env, monkeypatch):
    """A save paints every page, also those of the chapters it kept; their lines keep the
    shapes Pango gave them at the last painting (painted.shapes_kept), and a line that an
    ellipsis shortened when painted is shaped again from its own text: the bytes of a cold
    build."""
    from weasyprint.text import line_break

    site = make_site(tmp_path / "site")
    short = ('\n\n<p class="kurz">Ein sehr langer Satz, der nicht in die Breite passt</p>\n'
             '<p class="zwei">Noch ein sehr langer Satz, der nicht in die Breite passt</p>\n')
    edit(site, "content/de/eins/p0.md", short)
    (site / "styles").mkdir()
    (site / "styles" / "site.css").write_text(ELLIPSIS_CSS, encoding="utf-8")
    (site / "manualgen.toml").write_text('[print]\nstylesheets = ["styles/site.css"]\n',
                                         encoding="utf-8")
    shaped = []
    setup = line_break.Layout.setup
    monkeypatch.setattr(line_break.Layout, "setup",
                        lambda self, style: (shaped.append(1), setup(self, style))[1])
    first = lay_out(site, tmp_path / "a")
    edit(site, "content/de/zwei/p1.md", "\nEin Satz mehr.\n")
    shaped.clear()
    second = lay_out(site, tmp_path / "b", first.layout)
    again = len(shaped)
    shaped.clear()
    data = cold(site, tmp_path / "cold")
    assert second.reused_chapters == 4
    assert 0 < again < len(shaped) / 2  # the kept chapters' lines were not shaped again
    assert second.pdf.read_bytes() == data  # two ellipses on a line kept and painted again
