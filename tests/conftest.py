"""Shared test helpers: tiny sites written into tmp_path, and the corpus location."""

from __future__ import annotations

import contextlib
import io
import json
import re
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "spiges-handbook"

HUGO_TOML = """\
baseURL = "https://example.org/docs/"
title = "Test manual"
defaultContentLanguage = "de"
[params]
version = "2.0"
[markup.goldmark.renderer]
unsafe = true
[languages.de]
languageName = "Deutsch"
contentDir = "content/de"
weight = 1
[languages.de.params]
title = "Testhandbuch"
[languages.fr]
languageName = "Français"
contentDir = "content/fr"
weight = 2
[languages.fr.params]
title = "Manuel de test"
"""


def write_site(root: Path, files: dict[str, str | bytes], hugo: str | None = HUGO_TOML) -> Path:
    """Write a site: {relative path: text or bytes}; a hugo.toml unless hugo is None."""
    root.mkdir(parents=True, exist_ok=True)
    if hugo is not None and "hugo.toml" not in files:
        (root / "hugo.toml").write_text(hugo, encoding="utf-8")
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(textwrap.dedent(data).lstrip("\n"), encoding="utf-8")
    return root


def page(title: str, weight: int | None = None, body: str = "", **extra) -> str:
    lines = ["---", f"title: {title}"]
    if weight is not None:
        lines.append(f"weight: {weight}")
    for key, value in extra.items():
        lines.append(f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n" + textwrap.dedent(body).lstrip("\n")


def png_bytes(width: int = 40, height: int = 30, color=(200, 30, 30)) -> bytes:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buf, format="PNG")
    return buf.getvalue()


def drawn_by_installed_fonts(text: str) -> bool:
    """Whether the machine's fonts draw every character of ``text`` beyond Latin, Greek
    and Cyrillic (which the bundled fonts draw): text in a script no font has comes out of
    the PDF as missing-glyph boxes, with other widths and no text to extract."""
    from manualgen.fonts import system_ranges, uncovered

    wanted = {char for char in text if ord(char) > 0x52F}
    return not wanted or not uncovered(wanted, system_ranges() or [])


def skip_without_fonts_for(text: str) -> None:
    if not drawn_by_installed_fonts(text):
        pytest.skip("no installed font draws this script (Debian: fonts-noto-core, "
                    "fonts-noto-cjk)")


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the SpiGes corpus is not beside the project ({CORPUS} is absent)")
    return CORPUS


def check_findings(root: Path) -> list[dict]:
    """The findings of ``manualgen check --all --format json`` on the site at ``root``."""
    from manualgen.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--site", str(root), "--all", "--format", "json"])
    return json.loads(out.getvalue())["findings"]


def build_all(root: Path, out: Path) -> tuple[int, str]:
    """``manualgen build --all --no-cache --html`` of the site at ``root`` into ``out``: the
    exit status and what it printed."""
    from manualgen.cli import main

    said = io.StringIO()
    with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
        status = main(["build", "--site", str(root), "--all", "--out", str(out), "--no-cache",
                       "--html"])
    return status, said.getvalue()


def build_test_site(write, folder: Path) -> tuple[int, str, Path]:
    """A test site written by ``write`` into ``folder``/site and built with
    :func:`build_all`: the exit status, what it printed, and the folder of its PDFs."""
    root = write(folder / "site")
    out = root.parent / "out"
    status, said = build_all(root, out)
    return status, said, out


def printed_pages(pdf) -> list[tuple]:
    """Per page of ``pdf``: (width, height, its text, [(char, left, bottom, right, top)] for
    every character printed), as pypdfium2 reads them."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    pages = []
    for index in range(len(doc)):
        page = doc[index]
        text = page.get_textpage()
        chars = [(text.get_text_range(i, 1), *text.get_charbox(i))
                 for i in range(text.count_chars())]
        pages.append((*page.get_size(), text.get_text_range(), chars))
    return pages



def body_text(pdf) -> str:
    """The text of a PDF's text blocks, without the running heads and feet (which would
    stand between a page's last words and the next one's), white space made single spaces."""
    margin = 15 * 72 / 25.4  # the heads and feet stand within 12 mm of the edge
    chars = [char for _width, height, _text, page in printed_pages(pdf)
             for char, _left, bottom, _right, top in page if bottom > margin and top < height - margin]
    return " ".join("".join(chars).replace("\ufffe", "").split())


def bookmark_titles(pdf) -> list[str]:
    """The titles of a PDF's bookmarks in order, without their numbers (and the right-to-left
    mark a Persian or Arabic title opens with)."""
    import re

    from pypdf import PdfReader

    reader = PdfReader(pdf)
    titles: list[str] = []

    def walk(nodes):
        for node in nodes:
            if isinstance(node, list):
                walk(node)
            else:
                titles.append(re.sub(r"^\u200f?[\d.]+ ", "", node.title))

    walk(reader.outline)
    return titles


def without_name_spans(html: str) -> str:
    """``html`` without the spans that keep names, tokens and addresses unhyphenated
    (assemble/names.py) and the break allowed before one that starts with "/" or "."
    (assemble/inline_breaks.py), for tests that read a page's words as written."""
    import re

    return re.sub(r'(?:<wbr>)?<span class="mg-name">(.*?)</span>', r"\1", html)


def notdef_fonts(pdf) -> set[str]:
    """The fonts that draw their .notdef glyph (an empty box) somewhere in ``pdf``.
    WeasyPrint maps each character code of a Type0 font straight to a glyph (Identity-H,
    the code is the glyph, which ToUnicode lists), or, when several codes share a glyph,
    through a CMap of its own (``cidchar`` lines): glyph 0 is the .notdef."""
    from pypdf import PdfReader

    found = set()
    for page in PdfReader(pdf).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            if font.get("/Subtype") != "/Type0":
                continue
            encoding = font["/Encoding"]
            if encoding == "/Identity-H":
                cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
                lines = "".join(re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.DOTALL))
                drawn = re.search(r"^<0000>\s", lines, re.MULTILINE)
            else:
                cmap = encoding.get_object().get_data().decode("latin-1")
                lines = "".join(re.findall(r"begincidchar(.*?)endcidchar", cmap, re.DOTALL))
                drawn = re.search(r"^<[0-9a-fA-F]+>\s+0\s*$", lines, re.MULTILINE)
            if drawn:
                found.add(str(font["/BaseFont"]))
    return found
