"""Editions (build --since REV): the site at a git revision compared with the work tree.

Each test makes a git repository in tmp_path with two commits: the first edition, then one
page edited, one added, one removed, one screenshot replaced under the same name and one
page edited only in ways that print nothing differently (white space, another Markdown
spelling of the same list).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from manualgen.assemble.changes import page_blocks
from manualgen.assemble.html import parse_fragment
from manualgen.cli import main
from manualgen.edition import _block_changes

from .conftest import page, png_bytes, write_site

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

HUGO = """\
baseURL = "https://example.org/docs/"
title = "Edition test"
defaultContentLanguage = "en"
[params]
version = "2.0"
[languages.en]
languageName = "English"
contentDir = "content/en"
weight = 1
"""

STEADY = "The steady page says the same thing in both editions and never changes at all."
OLD_EDITED = "The second paragraph explains the upload, which starts with the old button."
# Enough new text to run over two pages: bars on a verso too, in its left margin.
LONG_NEW_TEXT = "".join(f"New paragraph {n}, one of many that fill this page and the next "
                        "one so that some of them print on a left-hand page.\n\n"
                        for n in range(1, 71))
GONE = "A paragraph the second edition takes out."
NEW_EDITED = "The second paragraph explains the upload, which starts with the new green button."


def _git(root: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org",
               GIT_AUTHOR_DATE="2026-01-01T00:00:00Z", GIT_COMMITTER_DATE="2026-01-01T00:00:00Z")
    out = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                         env=env, check=True)
    return out.stdout.strip()


def _first_edition() -> dict[str, str | bytes]:
    return {
        "hugo.toml": HUGO,
        "content/en/_index.md": page("Home", body="Welcome to the manual.\n"),
        "content/en/steady.md": page("Steady page", 1, body=f"{STEADY}\n"),
        "content/en/edited.md": page("Edited page", 2, body=(
            "The first paragraph stays exactly as it was before.\n\n"
            f"{OLD_EDITED}\n\n"
            f"{GONE}\n\n"
            "- one item that stays\n- another item that stays\n")),
        "content/en/whitespace.md": page("Whitespace page", 3, body=(
            "A paragraph whose source lines\nwill be wrapped differently.\n\n"
            "* a list\n* written with stars\n")),
        "content/en/picture.md": page("Picture page", 4, body=(
            "The screenshot below shows the form.\n\n![The form](/img/form.png)\n")),
        "content/en/removed.md": page("Removed page", 5, body="This page goes away.\n"),
        "static/img/form.png": png_bytes(60, 40, (200, 30, 30)),
    }


def _second_edition(root: Path) -> None:
    write_site(root, {
        "content/en/edited.md": page("Edited page", 2, body=(
            "The first paragraph stays exactly as it was before.\n\n"
            f"{NEW_EDITED}\n\n"
            "- one item that stays\n- another item that stays\n")),
        "content/en/whitespace.md": page("Whitespace page", 3, body=(
            "A paragraph   whose source lines will\nbe wrapped differently.\n\n\n"
            "- a list\n- written with stars\n")),
        "content/en/added.md": page("Added page", 6, body="A page that is new in this edition.\n\n"
                                    + LONG_NEW_TEXT),
        "static/img/form.png": png_bytes(60, 40, (30, 30, 200)),
    }, hugo=None)
    (root / "content/en/removed.md").unlink()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = write_site(tmp_path / "site", _first_edition(), hugo=None)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "first edition")
    _git(root, "tag", "v1.0")
    _second_edition(root)
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "second edition")
    return root


def _check_json(repo: Path, capsys, *extra: str) -> dict:
    code = main(["check", "--site", str(repo), "--since", "v1.0", "--format", "json", *extra])
    out = capsys.readouterr().out
    assert code == 0, out
    return json.loads(out)


def test_check_lists_exactly_the_changed_pages(repo, capsys):
    doc = _check_json(repo, capsys)
    pages = doc["changes"]["en"]["pages"]
    kinds = {p["title"]: p["kind"] for p in pages}
    assert kinds == {"Edited page": "changed", "Picture page": "changed",
                     "Added page": "new", "Removed page": "removed"}
    edited = next(p for p in pages if p["title"] == "Edited page")
    assert [(b["kind"], b["block"]) for b in edited["blocks"]] == [("changed", "paragraph"),
                                                                   ("removed", "paragraph")]
    assert edited["blocks"][0]["line"] == 7  # the line of the edited paragraph in its source
    assert "new green" in edited["blocks"][0]["text"]
    picture = next(p for p in pages if p["title"] == "Picture page")
    assert [(b["kind"], b["block"]) for b in picture["blocks"]] == [("changed", "image")]
    removed = next(p for p in pages if p["title"] == "Removed page")
    assert removed["file"] is None and removed["old_file"] == "content/en/removed.md"


def _pdf_pages(pdf: Path) -> list[tuple[str, list[tuple[float, float, float, float]], float]]:
    """Each page: its text, the bounds of its vector paths (left, bottom, right, top, in
    points), and its width."""
    import pypdfium2 as pdfium
    from pypdfium2 import raw

    pages = []
    document = pdfium.PdfDocument(str(pdf))
    for index in range(len(document)):
        pdf_page = document[index]
        text = pdf_page.get_textpage().get_text_range()
        paths = [obj.get_bounds() for obj in pdf_page.get_objects(max_depth=4)
                 if obj.type == raw.FPDF_PAGEOBJ_PATH]
        pages.append((text, paths, pdf_page.get_width()))
    return pages


def _margin_paths(paths, width: float, margin: float = 15) -> tuple[list, list]:
    """Vertical paths wholly in the left margin and wholly in the right margin: beyond
    ``margin`` mm from the edge is the text (A4 two-sided: 15 mm outer, 25 mm inner)."""
    mm = 72 / 25.4
    left = [p for p in paths if p[2] < (margin - 0.5) * mm and p[3] - p[1] > 2]
    right = [p for p in paths if p[0] > width - (margin - 0.5) * mm and p[3] - p[1] > 2]
    return left, right


def _text_span(pages_pdf, number: int, needle: str) -> tuple[float, float] | None:
    """The bottom and top (points) of ``needle`` on page ``number``, or None."""
    textpage = pages_pdf[number - 1].get_textpage()
    searcher = textpage.search(needle)
    found = searcher.get_next()
    if not found:
        return None
    first, count = found
    boxes = [textpage.get_charbox(i) for i in range(first, first + count)]
    return min(b[1] for b in boxes), max(b[3] for b in boxes)


def _beside(span, bars) -> bool:
    return any(bar[1] <= span[1] and bar[3] >= span[0] for bar in bars)


@pytest.fixture
def built(repo, tmp_path, capsys) -> Path:
    out = tmp_path / "out"
    code = main(["build", "--site", str(repo), "--since", "v1.0", "--out", str(out),
                 "--no-cache", "--quiet"])
    assert code == 0, capsys.readouterr().err
    return out / "edition-test-en.pdf"


def test_bars_stand_in_the_outer_margin_beside_exactly_the_changed_blocks(built):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(built))
    pages = _pdf_pages(built)
    changed = [NEW_EDITED[:40], "A page that is new in this edition"]
    unchanged = [STEADY[:40], "The first paragraph stays", "one item that stays",
                 "A paragraph whose source lines", "written with stars",
                 "The screenshot below shows"]
    seen_changed, barred_pages = set(), set()
    for number, (_text, paths, width) in enumerate(pages, 1):
        left, right = _margin_paths(paths, width)
        outer, inner = (right, left) if number % 2 else (left, right)
        assert not inner, f"page {number}: a mark in the inner margin"
        if outer:
            barred_pages.add(number)
        for needle in changed:
            span = _text_span(document, number, needle)
            if span is not None:
                assert _beside(span, outer), f"no bar beside {needle!r} on page {number}"
                seen_changed.add(needle)
        for needle in unchanged:
            span = _text_span(document, number, needle)
            if span is not None:
                assert not _beside(span, outer), f"a bar beside {needle!r} on page {number}"
    assert seen_changed == set(changed)
    assert any(n % 2 == 0 for n in barred_pages), "no verso with bars: the test needs one"
    for n in range(1, 71):  # every paragraph of the new page has its bar, on either side
        page_of = [k for k in range(1, len(pages) + 1)
                   if _text_span(document, k, f"New paragraph {n},")]
        assert page_of, n
        k = page_of[0]
        left, right = _margin_paths(pages[k - 1][1], pages[k - 1][2])
        assert _beside(_text_span(document, k, f"New paragraph {n},"), right if k % 2 else left)
    # the screenshot replaced under the same name: a bar as tall as the picture, on its page
    picture_page = next(n for n, (text, _p, _w) in enumerate(pages, 1)
                        if "The screenshot below shows" in text)
    outer = _margin_paths(pages[picture_page - 1][1], pages[picture_page - 1][2])[
        0 if picture_page % 2 == 0 else 1]
    below = _text_span(document, picture_page, "The screenshot below shows")
    assert any(bar[3] < below[0] and bar[3] - bar[1] > 20 for bar in outer)
    # only pages with a changed block carry bars (the contents and the list have none)
    assert all(any(_text_span(document, n, needle) for needle in [*changed, "New paragraph"])
               or n == picture_page for n in barred_pages)
    document.close()


def test_a_removed_block_is_marked_where_it_was(built):
    pages = _pdf_pages(built)
    mm = 72 / 25.4
    dashes = []
    for number, (text, paths, width) in enumerate(pages, 1):
        for p in paths:
            horizontal = p[3] - p[1] < 3 and p[2] - p[0] > 2 * mm
            outer = p[0] > width - 14 * mm if number % 2 else p[2] < 14 * mm
            if horizontal and outer:
                dashes.append((number, p))
    assert len(dashes) == 1
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(built))
    number, dash = dashes[0]
    above = _text_span(document, number, NEW_EDITED[:40])
    below = _text_span(document, number, "one item that stays")
    assert below[1] < dash[1] < above[0]  # between the paragraph before and the list after
    document.close()


def test_changes_section_gives_the_page_numbers(built):
    pages = _pdf_pages(built)
    listing = next(text for text, _p, _w in pages if "Changes since v1.0" in text)
    first_words = {"Edited page": "The first paragraph stays", "Picture page":
                   "The screenshot below shows", "Added page": "A page that is new in"}
    for title, words in first_words.items():
        line = next(line for line in listing.splitlines() if title in line)
        number = int(line.rstrip().split()[-1])
        assert words in pages[number - 1][0], f"{title}: listed on page {number}"
    removed = next(line for line in listing.splitlines() if "Removed page" in line)
    assert not removed.rstrip()[-1].isdigit()  # a removed page has no page number
    assert "Steady page" not in listing and "Whitespace page" not in listing
    cover = pages[0][0]
    assert "v1.0" in cover
    assert all("2.0 · 2026-01-01" in text for text, _p, _w in pages[2:])  # in the foot


def test_same_revisions_give_the_same_bytes(repo, tmp_path, built):
    again = tmp_path / "again"
    assert main(["build", "--site", str(repo), "--since", "v1.0", "--out", str(again),
                 "--no-cache", "--quiet"]) == 0
    assert (again / built.name).read_bytes() == built.read_bytes()


def test_edition_table_of_manualgen_toml(repo, capsys):
    (repo / "manualgen.toml").write_text('[edition]\nsince = "v1.0"\n', encoding="utf-8")
    code = main(["check", "--site", str(repo), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0
    assert doc["changes"]["en"]["since"] == "v1.0"
    assert {p["title"] for p in doc["changes"]["en"]["pages"]} == {
        "Edited page", "Picture page", "Added page", "Removed page"}


@pytest.mark.parametrize("rev", ["v9.9", "no-such-branch", "-x"])
def test_unknown_revision_is_a_usage_error_and_writes_nothing(repo, tmp_path, capsys, rev):
    out = tmp_path / "out"
    code = main(["build", "--site", str(repo), f"--since={rev}", "--out", str(out),
                 "--cache", str(tmp_path / "cache")])
    err = capsys.readouterr().err
    assert code == 2
    assert rev in err
    assert not out.exists() and not (tmp_path / "cache").exists()
    assert _git(repo, "status", "--porcelain") == ""  # the work tree untouched


def test_a_site_outside_git_is_a_usage_error(tmp_path, capsys):
    site = write_site(tmp_path / "plain", _first_edition(), hugo=None)
    out = tmp_path / "out"
    code = main(["build", "--site", str(site), "--since", "v1.0", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert "not in a git repository" in err and str(site) in err
    assert not out.exists()


def test_without_changes_the_list_says_so(repo, capsys):
    doc = _check_json(repo, capsys, "--lang", "en")
    assert doc["changes"]["en"]["pages"]
    head = _git(repo, "rev-parse", "HEAD")
    code = main(["check", "--site", str(repo), "--since", head, "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0 and doc["changes"]["en"]["pages"] == []


def test_only_the_changed_pages_are_rendered_again(tmp_path, capsys, monkeypatch):
    """When only pages' text and pictures changed, the old edition renders just the pages
    whose file changed; the result is the same as rendering every page."""
    from manualgen import edition

    root = write_site(tmp_path / "site", _first_edition(), hugo=None)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "first edition")
    _git(root, "tag", "v1.0")
    write_site(root, {"content/en/edited.md": page("Edited page", 2, body=(
        "The first paragraph stays exactly as it was before.\n\n"
        f"{NEW_EDITED}\n\n- one item that stays\n- another item that stays\n"))}, hugo=None)
    rendered: list[str] = []
    real = edition.render_page

    def counting(converter, page_, lang, findings):
        rendered.append(page_.rel)
        return real(converter, page_, lang, findings)

    monkeypatch.setattr(edition, "render_page", counting)
    doc = _check_json(root, capsys)
    assert rendered == ["edited.md"]
    fast = doc["changes"]["en"]["pages"]
    assert [(p["title"], p["kind"]) for p in fast] == [("Edited page", "changed")]
    assert [(b["kind"], b["block"]) for b in fast[0]["blocks"]] == [
        ("changed", "paragraph"), ("removed", "paragraph")]
    # an untracked i18n file: the rendering may differ anywhere, so every page is rendered
    write_site(root, {"i18n/en.toml": 'hello = "Hello"\n'}, hugo=None)
    rendered.clear()
    assert _check_json(root, capsys)["changes"]["en"]["pages"] == fast
    assert len(rendered) == 6


def test_check_prints_the_changes_as_text(repo, capsys):
    assert main(["check", "--site", str(repo), "--since", "v1.0"]) == 0
    out = capsys.readouterr().out
    assert "[en] 4 page(s) changed since v1.0" in out
    assert "changed  paragraph:7: The second paragraph explains the upload" in out
    assert "removed  Removed page (content/en/removed.md)" in out


# --- the block comparison alone ------------------------------------------------------------

_WORDS = st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta"]), min_size=1, max_size=3)
_PARAGRAPHS = st.lists(_WORDS.map(" ".join), max_size=8)


def _blocks(paragraphs: list[str]):
    return page_blocks(parse_fragment("".join(f"<p>{p}</p>" for p in paragraphs)))


class _NoSource:
    def find_line(self, *args, **kwargs):
        return None


@settings(max_examples=150, deadline=None)
@given(_PARAGRAPHS, _PARAGRAPHS)
def test_unmarked_blocks_are_a_common_run_of_both_editions(old, new):
    old_blocks, new_blocks = _blocks(old), _blocks(new)
    found = _block_changes(_NoSource(), new_blocks, [b.fingerprint() for b in old_blocks],
                           [b.fingerprint() for b in new_blocks], old_blocks)
    marked = {c.index for c in found if c.kind != "removed"}
    kept = [b.text for i, b in enumerate(new_blocks) if i not in marked]
    # what stays unmarked appears, in that order, in the old edition
    it = iter(b.text for b in old_blocks)
    assert all(any(text == other for other in it) for text in kept)
    assert all(0 <= c.index <= len(new_blocks) for c in found)
    if old == new:
        assert found == ()
    if not old and new:
        assert {c.kind for c in found} == {"new"}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="<>/=\"' abcdeilmprt\n&;", max_size=200))
def test_any_html_gives_blocks(html):
    for block in page_blocks(parse_fragment(html)):
        assert block.kind and (block.text or block.refs)
        assert block.fingerprint() == block.fingerprint()


def test_a_site_in_a_folder_of_the_repository(tmp_path, capsys):
    """The site is docs/ of a larger repository, given by its Hugo config file."""
    top = tmp_path / "project"
    write_site(top / "docs", _first_edition(), hugo=None)
    (top / "README.md").write_text("a project\n", encoding="utf-8")
    _git(top, "init", "-q")
    _git(top, "add", "-A")
    _git(top, "commit", "-q", "-m", "first")
    (top / "docs/content/en/steady.md").write_text(page("Steady page", 1, body=(
        "A new first paragraph.\n\n" + STEADY + "\n")), encoding="utf-8")
    (top / "README.md").write_text("the project changed\n", encoding="utf-8")
    code = main(["check", "--site", str(top / "docs" / "hugo.toml"), "--since", "HEAD",
                 "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0
    [steady] = doc["changes"]["en"]["pages"]
    assert steady["title"] == "Steady page"
    assert [(b["kind"], b["text"]) for b in steady["blocks"]] == [("new", "A new first paragraph.")]


def test_a_page_moved_to_another_section(tmp_path, capsys):
    root = write_site(tmp_path / "site", {
        "hugo.toml": HUGO,
        "content/en/_index.md": page("Home", body="Welcome.\n"),
        "content/en/first/_index.md": page("First chapter", 1, body="The first chapter.\n"),
        "content/en/first/travel.md": page("Travelling page", 1, body="This page moves.\n"),
        "content/en/second/_index.md": page("Second chapter", 2, body="The second one.\n"),
    }, hugo=None)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "first")
    _git(root, "mv", "content/en/first/travel.md", "content/en/second/travel.md")
    doc = json.loads(main(["check", "--site", str(root), "--since", "HEAD", "--format", "json"])
                     or capsys.readouterr().out)
    [moved] = doc["changes"]["en"]["pages"]
    assert (moved["kind"], moved["title"], moved["chapter"]) == (
        "moved", "Travelling page", "Second chapter")
    assert moved["old_file"] == "content/en/first/travel.md" and moved["blocks"] == []


def test_links_in_the_old_edition_stay_inside_it(tmp_path, capsys):
    """A symbolic link to a file of the repository is kept (its picture is the same in both
    editions); one that leads out of the repository is left out, without a traceback."""
    root = write_site(tmp_path / "site", _first_edition(), hugo=None)
    (root / "static/img/same.png").symlink_to("form.png")
    (root / "static/img/outside.png").symlink_to(tmp_path / "nowhere.png")
    write_site(root, {"content/en/linked.md": page("Linked page", 7, body=(
        "![Same](/img/same.png)\n"))}, hugo=None)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "first")
    code = main(["check", "--site", str(root), "--since", "HEAD", "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0 and doc["changes"]["en"]["pages"] == []


def test_one_sided_bars_beside_a_changed_table_row(tmp_path, capsys):
    """One-sided pages: every bar on the right. A changed table row has its bar beside it,
    the unchanged rows none."""
    table = "| Field | Meaning |\n|---|---|\n| kanton | {} |\n| jahr | the year of the data |\n"
    root = write_site(tmp_path / "site", {
        "hugo.toml": HUGO,
        "manualgen.toml": '[print]\nsides = "oneside"\n',
        "content/en/_index.md": page("Home", body="Welcome.\n"),
        "content/en/table.md": page("Table page", 1, body=table.format("the canton code")),
    }, hugo=None)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "first")
    write_site(root, {"content/en/table.md": page("Table page", 1, body=table.format(
        "the two-letter canton code"))}, hugo=None)
    out = tmp_path / "out"
    assert main(["build", "--site", str(root), "--since", "HEAD", "--out", str(out),
                 "--no-cache", "--quiet"]) == 0, capsys.readouterr().err
    import pypdfium2 as pdfium

    pdf = next(out.glob("*.pdf"))
    document = pdfium.PdfDocument(str(pdf))
    found = False
    for number, (_text, paths, width) in enumerate(_pdf_pages(pdf), 1):
        left, right = _margin_paths(paths, width, margin=20)  # one-sided: 20 mm each side
        assert not left
        row = _text_span(document, number, "two-letter canton code")
        if row is not None:
            found = True
            assert _beside(row, right)
            assert not _beside(_text_span(document, number, "the year of the data"), right)
            assert not _beside(_text_span(document, number, "Meaning"), right)
    assert found
    document.close()
