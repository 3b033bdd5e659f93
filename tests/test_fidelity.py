"""Fidelity: manualgen's HTML for each corpus page carries what Hugo's own rendering carries.

``reference/<lang>/<path>.html`` in the corpus is Hugo 0.149's ``.Content`` for every page.
Both sides are parsed and reduced to what a reader of the printed manual gets: the visible
text, the headings (with their ids, which links use), the images in order, the links, and the
shape of lists and tables.  Markup that only serves the web (buttons, icon fonts, inline SVG
icons) and manualgen's print-only labels (``mg-label``) are left out before comparing, so the
print templates may differ from the site's web templates as long as the content is the same.

Run ``pytest tests/test_fidelity.py -s`` to see the per-page result and the score.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path, PurePosixPath

import pytest
import tinyhtml5

from manualgen.build import page_converter
from manualgen.config import load_settings
from manualgen.content import Page, discover, read_page_file
from manualgen.errors import Findings

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

# Elements whose text a reader never sees on paper, or that only drive the web page.
WEB_ONLY_TAGS = {"button", "svg", "script", "style", "template", "noscript"}
# Elements that start a new line of text: their edges separate words.
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul",
}


def _classes(el: ET.Element) -> list[str]:
    return (el.get("class") or "").split()


def is_web_only(el: ET.Element) -> bool:
    """Buttons, icon fonts and SVG icons (web), and manualgen's print labels (paper)."""
    if not isinstance(el.tag, str):
        return True  # comments
    classes = _classes(el)
    if el.tag in WEB_ONLY_TAGS or "mg-label" in classes:
        return True
    return el.tag == "i" and any(c in ("fa", "fas", "far", "fab") or c.startswith("fa-") for c in classes)


def normalise(text: str) -> str:
    """Whitespace collapsed and NFC; entities are already decoded by the HTML parser."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def parse(html: str) -> ET.Element:
    """The fragment as an element tree with the web-only parts removed."""
    doc = tinyhtml5.parse(f"<!DOCTYPE html><html><body>{html}</body></html>",
                          namespace_html_elements=False)
    body = doc.find("body")
    assert body is not None

    def prune(el: ET.Element) -> None:
        for child in list(el):
            if is_web_only(child):
                # Keep the tail: it is text of the parent that follows the removed element.
                index = list(el).index(child)
                tail = child.tail or ""
                if tail:
                    if index == 0:
                        el.text = (el.text or "") + tail
                    else:
                        prev = el[index - 1]
                        prev.tail = (prev.tail or "") + tail
                el.remove(child)
            else:
                prune(child)

    prune(body)
    return body


def words(root: ET.Element) -> list[str]:
    """The visible text as words and punctuation marks, block edges counting as spaces."""
    parts: list[str] = []

    def walk(el: ET.Element) -> None:
        block = el.tag in BLOCK_TAGS
        if block:
            parts.append(" ")
        parts.append(el.text or "")
        for child in el:
            walk(child)
            parts.append(child.tail or "")
        if block:
            parts.append(" ")

    walk(root)
    # Punctuation is a word of its own, so "Hilfe." and "Hilfe ." (a template's line break
    # before the full stop) read the same; a space between two words still counts.
    return re.findall(r"\w+|[^\w\s]", normalise("".join(parts)))


def text_of(el: ET.Element) -> str:
    return normalise("".join(el.itertext()))


@dataclasses.dataclass
class Digest:
    """What a page carries for a reader, in document order."""

    words: list[str]
    headings: list[tuple[int, str, str]]  # level, id, text
    images: list[tuple[str, str]]  # file name, alt
    links: list[tuple[str, str]]  # href, text
    lists: list[str]  # "ol@depth:items"
    tables: list[list[int]]  # cells per row

    @classmethod
    def of(cls, html: str) -> Digest:
        root = parse(html)
        headings, images, links, lists, tables = [], [], [], [], []
        for el in root.iter():
            tag = el.tag
            if re.fullmatch(r"h[1-6]", tag):
                headings.append((int(tag[1]), el.get("id") or "", text_of(el)))
            elif tag == "img":
                images.append((PurePosixPath(el.get("src") or "").name, normalise(el.get("alt") or "")))
            elif tag == "a" and el.get("href") is not None:
                links.append((el.get("href") or "", text_of(el)))
            elif tag == "table":
                tables.append([len([c for c in tr if c.tag in ("td", "th")]) for tr in el.iter("tr")])
        _list_shapes(root, 0, lists)
        return cls(words(root), headings, images, links, lists, tables)


def _list_shapes(el: ET.Element, depth: int, out: list[str]) -> None:
    for child in el:
        if child.tag in ("ol", "ul", "dl"):
            items = [k for k in child if k.tag in ("li", "dt", "dd")]
            out.append(f"{child.tag}@{depth}:{len(items)}")
            _list_shapes(child, depth + 1, out)
        else:
            _list_shapes(child, depth, out)


def compare(expected_html: str, actual_html: str) -> list[str]:
    """Readable differences between Hugo's rendering and manualgen's; empty when they match."""
    want, got = Digest.of(expected_html), Digest.of(actual_html)
    problems: list[str] = []
    if want.words != got.words:
        diff = difflib.unified_diff(want.words, got.words, "hugo", "manualgen", n=4, lineterm="")
        problems.append("text differs:\n    " + "\n    ".join(list(diff)[2:40]))
    for field in ("headings", "images", "links", "lists", "tables"):
        a, b = getattr(want, field), getattr(got, field)
        if a != b:
            lines = difflib.unified_diff([repr(x) for x in a], [repr(x) for x in b], "hugo",
                                         "manualgen", n=1, lineterm="")
            problems.append(f"{field} differ:\n    " + "\n    ".join(list(lines)[2:30]))
    return problems


# --- the corpus ----------------------------------------------------------------------------


def corpus_pages(site: Path, lang: str) -> list[Page]:
    """Every page that has a reference rendering: the manual's pages and unlisted ones too."""
    settings = load_settings(site)
    home = discover(settings, lang, Findings(), NOW)
    assert home is not None
    pages = {page.rel: page for page in home.walk()}
    content = settings.languages[lang].content_dirs[0]
    for ref in sorted((site / "reference" / lang).rglob("*.html")):
        rel = ref.relative_to(site / "reference" / lang).with_suffix(".md").as_posix()
        if rel not in pages and (content / rel).is_file():
            meta, body, body_line = read_page_file(content / rel)
            pages[rel] = Page(lang=lang, path=content / rel, rel=rel, kind="page", meta=meta,
                              body=body, body_line=body_line)
    return list(pages.values())


def render_corpus(site: Path, lang: str) -> tuple[list[tuple[Page, str]], Findings]:
    settings = load_settings(site)
    findings = Findings()
    converter = page_converter(settings, lang, findings)
    return [(page, converter.convert(page)) for page in corpus_pages(site, lang)], findings


def reference_langs(site: Path) -> list[str]:
    return sorted(p.name for p in (site / "reference").iterdir() if p.is_dir())


@pytest.mark.parametrize("lang", ["de", "fr"])
def test_corpus_pages_render_as_hugo_does(corpus, lang):
    if lang not in reference_langs(corpus):
        pytest.skip(f"no reference rendering for {lang}")
    index = json.loads((corpus / "reference" / "index.json").read_text(encoding="utf-8"))
    listed = {e["path"] for e in index if e["lang"] == lang}
    rendered, findings = render_corpus(corpus, lang)
    failures: dict[str, list[str]] = {}
    compared = 0
    for page, html in rendered:
        ref = corpus / "reference" / lang / (page.rel[: -len(".md")] + ".html")
        if not ref.is_file():
            assert page.rel not in listed, f"{page.rel}: listed in index.json, no reference file"
            continue
        compared += 1
        problems = compare(ref.read_text(encoding="utf-8"), html)
        print(f"{lang}/{page.rel}: {'ok' if not problems else 'DIFFERS'}")
        if problems:
            failures[page.rel] = problems
    references = list((corpus / "reference" / lang).rglob("*.html"))
    print(f"fidelity [{lang}]: {compared - len(failures)}/{compared} pages match "
          f"({len(references)} reference files)")
    assert compared == len(references), "some reference pages were not rendered"
    assert not findings.errors, [str(e) for e in findings.errors]
    report = "\n".join(f"{rel}:\n  " + "\n  ".join(p) for rel, p in failures.items())
    assert not failures, f"{len(failures)} of {compared} pages differ from Hugo:\n{report}"


# --- the comparison itself -----------------------------------------------------------------


def test_compare_ignores_web_only_markup_and_print_labels():
    hugo = ('<div class="b"><span><i class="collapsible-block__icon fas" title="tip"></i>'
            '<button type="button"></button></span><p>Oui &ndash; c&rsquo;est ça</p></div>')
    ours = '<div class="faq-answer"><p class="faq-answer-label mg-label">Réponse</p><p>Oui – c’est ça</p></div>'
    assert compare(hugo, ours) == []


def test_compare_reports_lost_text_headings_images_and_lists():
    hugo = '<h2 id="a">A</h2><ol><li>x</li><li>y</li></ol><img src="/h/img/a.png" alt="d">'
    ours = '<h2 id="b">A</h2><ol><li>x</li></ol><img src="/h/img/b.png" alt="d">'
    problems = "\n".join(compare(hugo, ours))
    for word in ("text differs", "headings differ", "images differ", "lists differ"):
        assert word in problems
