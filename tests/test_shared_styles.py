"""Shared computed styles (issue 11, memory): the same PDF, with far fewer style objects."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

weasyprint = pytest.importorskip("weasyprint")

from manualgen import shared_styles

STYLE = """
@page { size: A6; margin: 10mm; @bottom-center { content: counter(page) } }
h2 { break-before: page; string-set: title content() }
.toc a::after { content: " p. " target-counter(attr(href), page) }
li::marker { color: #a00 }
.note { float: footnote }
table { border-collapse: collapse } td { border: 1px solid; padding: 4pt }
"""


def page(n: int) -> str:
    """A page whose elements all sit below an element with an id (as a manual's pages do),
    with lists, a footnote, a table and attributes that differ or repeat."""
    return f"""
<article id="page-{n}" lang="de">
  <h2 id="title-{n}">Seite {n}</h2>
  <p style="color: {'#00a' if n % 2 else '#0a0'}" lang="de">Farbe aus dem Attribut.</p>
  <p style="color: #0a0" lang="fr">Même couleur, autre langue.</p>
  <p>Text<span class="note">Fußnote {n}a</span> und<span class="note">Fußnote {n}b</span>.</p>
  <ol><li id="item-{n}-1">eins</li><li>zwei</li><li lang="it">tre</li></ol>
  <table><tr><td id="cell-{n}">{n}</td><td style="width: 40%">x</td></tr></table>
  <a name="named-{n}">benannt</a>
</article>"""


def document(pages: int = 12) -> str:
    toc = "".join(f'<li><a href="#title-{n}">Seite {n}</a></li>' for n in range(pages))
    body = "".join(page(n) for n in range(pages))
    return f'<html lang="de"><style>{STYLE}</style><ul class="toc">{toc}</ul>{body}</html>'


def render(html: str, share: bool):
    if share:
        with shared_styles.sharing():
            return weasyprint.HTML(string=html).render(presentational_hints=True)
    return weasyprint.HTML(string=html).render(presentational_hints=True)


def pdf_bytes(html: str, share: bool) -> bytes:
    out = io.BytesIO()
    render(html, share).write_pdf(out, pdf_variant="pdf/ua-1")
    return out.getvalue()


def style_objects(html: str, share: bool) -> int:
    """The number of distinct computed-style objects WeasyPrint's cascade made."""
    from weasyprint import css

    seen: dict[int, object] = {}
    original = css.StyleFor.__init__

    def counting(self, *args, **kwargs):
        original(self, *args, **kwargs)
        seen.update((id(style), style) for style in self._computed_styles.values())

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(css.StyleFor, "__init__", counting)  # the sharing class calls it too
        render(html, share)
    return len(seen)


def test_the_pdf_is_the_same_byte_for_byte():
    """Anchors, attributes that differ or repeat, list markers, footnotes (WeasyPrint
    changes a footnote call's style in place), collapsed tables, page references."""
    html = document()
    assert pdf_bytes(html, share=True) == pdf_bytes(html, share=False)


def test_far_fewer_style_objects():
    html = document(pages=30)
    unshared, shared = style_objects(html, False), style_objects(html, True)
    assert shared * 4 < unshared, (shared, unshared)


def test_anchors_links_and_page_references_survive():
    text = _text(pdf_bytes(document(pages=4), share=True))
    for n in range(4):
        assert f"Seite {n} p. {n + 2}" in text  # the contents on page 1, page n on n + 2


def test_the_class_is_restored_after_the_block():
    from weasyprint import css

    before = css.StyleFor, css.find_style_attributes
    with shared_styles.sharing():
        assert css.StyleFor is not before[0]
    assert (css.StyleFor, css.find_style_attributes) == before


def _text(data: bytes) -> str:
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(" ".join(p.extract_text().split()) for p in reader.pages)


# Fuzzing: random small documents from a pool of what makes styles differ -------------------

RULES = [
    "p { margin: 0 0 4pt }", "li::marker { content: '» ' }", ".a { color: #a00 }",
    ".b::before { content: counter(item) '. '; counter-increment: item }",
    "section { counter-reset: item }", "[lang=fr] { font-style: italic }",
    "p + p { text-indent: 1em }", "li:first-child { font-weight: bold }",
    ".n { float: footnote }", "a::after { content: ' (' target-counter(attr(href), page) ')' }",
    "table { border-collapse: collapse } td { padding: 2pt; border: 1px solid }",
    "h2 { break-before: page; string-set: t content() }",
    "@page { @top-center { content: string(t) } }", ".a { -weasy-anchor: 'from-css' }",
    "q::before { content: open-quote } q::after { content: close-quote }",
    ":root { --c: #05a } .v { color: var(--c) }", "span { display: list-item }",
]
ATTRIBUTES = st.sampled_from([
    "", ' id="x1"', ' id="x2"', ' id="x1"', ' lang="fr"', ' lang="de"', ' class="a"',
    ' class="b"', ' class="n"', ' class="v"', ' style="color: red"', ' style="color:red"',
    ' style="margin: bogus"', ' name="x3"', ' dir="rtl"', ' hidden',
])
TAGS = st.sampled_from(["p", "span", "li", "a", "q", "h2", "td", "section", "b"])


@st.composite
def elements(draw, depth=0):
    tag = draw(TAGS)
    attributes = "".join(draw(st.lists(ATTRIBUTES, max_size=3)))
    if tag == "a":
        attributes += draw(st.sampled_from(['', ' href="#x1"', ' href="#x2"', ' href="#nowhere"']))
    children = draw(st.lists(elements(depth + 1), max_size=3)) if depth < 3 else []
    text = draw(st.sampled_from(["", "Wort", "zwei Wörter", "«texte»"]))
    inner = text + "".join(children)
    if tag == "td":
        return f"<table><tr><td{attributes}>{inner}</td></tr></table>"
    if tag == "li":
        return f"<ol><li{attributes}>{inner}</li></ol>"
    return f"<{tag}{attributes}>{inner}</{tag}>"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rules=st.lists(st.sampled_from(RULES), max_size=6),
       body=st.lists(elements(), min_size=1, max_size=6))
def test_fuzz_shared_and_unshared_styles_print_the_same_bytes(rules, body):
    html = f"<html><style>{' '.join(rules)}</style><body>{''.join(body)}</body></html>"
    assert _outcome(html, share=True) == _outcome(html, share=False)


def _outcome(html: str, share: bool):
    """The PDF's bytes, or the kind of exception WeasyPrint raised: some of these documents
    crash WeasyPrint 70 itself (``li::marker { content: … }`` on an empty item), and they
    must crash the same way with shared styles."""
    try:
        return pdf_bytes(html, share)
    except Exception as exc:  # noqa: BLE001  (compared, not hidden)
        return type(exc).__name__, str(exc)


def test_the_example_manual_is_the_same_with_and_without_sharing(tmp_path, monkeypatch):
    """manualgen's own templates and styles, end to end: the German example manual's
    bytes do not depend on the sharing."""
    import contextlib

    from manualgen.build import BuildOptions, build

    from .conftest import ROOT

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")

    def made(out, share: bool) -> bytes:
        if not share:
            monkeypatch.setattr(shared_styles, "sharing", contextlib.nullcontext)
        result = build(ROOT, BuildOptions(langs=["de"], out=out, no_cache=True, jobs=1))
        assert not result.findings.errors
        return result.results[0].pdf.read_bytes()

    assert made(tmp_path / "shared", True) == made(tmp_path / "alone", False)


@pytest.mark.parametrize("variant", [None, "pdf/ua-1"])
def test_pages_deflated_as_painted_give_the_same_bytes(variant):
    """Each page's content deflated as soon as it is painted (memory, issue 11): what pydyf
    does when it writes, done earlier, so the PDF is the same."""

    from weasyprint.document import Page

    from manualgen.pdf import pages_deflated_as_painted

    rendered = render(document(pages=5), share=True)
    options = {"pdf_variant": variant} if variant else {}
    plain = rendered.write_pdf(**options)
    paint = Page.paint
    with pages_deflated_as_painted(variant):
        assert Page.paint is not paint
        early = rendered.write_pdf(**options)
    assert Page.paint is paint and early == plain
    with pages_deflated_as_painted("pdf/a-3b"):
        assert Page.paint is paint  # a PDF/A's streams are settled by the finisher
