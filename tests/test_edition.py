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

from manualgen.cli import main

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
        "content/en/added.md": page("Added page", 6, body="A page that is new in this edition.\n"),
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
    assert [(b["kind"], b["block"]) for b in edited["blocks"]] == [("changed", "paragraph")]
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
    import pypdfium2.raw as raw

    pages = []
    document = pdfium.PdfDocument(str(pdf))
    for index in range(len(document)):
        pdf_page = document[index]
        text = pdf_page.get_textpage().get_text_range()
        paths = [obj.get_bounds() for obj in pdf_page.get_objects(max_depth=4)
                 if obj.type == raw.FPDF_PAGEOBJ_PATH]
        pages.append((text, paths, pdf_page.get_width()))
    return pages


def _margin_paths(paths, width: float) -> tuple[list, list]:
    """Paths wholly in the left margin and wholly in the right margin (A4: the text column
    starts 15 or 25 mm from an edge)."""
    mm = 72 / 25.4
    left = [p for p in paths if p[2] < 14 * mm and p[3] - p[1] > 2]
    right = [p for p in paths if p[0] > width - 14 * mm and p[3] - p[1] > 2]
    return left, right


def test_build_marks_changed_blocks_in_the_outer_margin(repo, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["build", "--site", str(repo), "--since", "v1.0", "--out", str(out),
                 "--no-cache", "--quiet"])
    assert code == 0, capsys.readouterr().err
    pages = _pdf_pages(out / "edition-test-en.pdf")
    barred = {}
    for number, (text, paths, width) in enumerate(pages, 1):
        left, right = _margin_paths(paths, width)
        outer, inner = (right, left) if number % 2 else (left, right)
        assert not inner, f"page {number}: a mark in the inner margin"
        if outer:
            barred[number] = text
    assert any("new green button" in text for text in barred.values())
    assert any("A page that is new in this edition" in text for text in barred.values())
    assert all(STEADY not in text for text in barred.values())
    assert all("wrapped differently" not in text for text in barred.values())
