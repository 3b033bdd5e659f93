"""The structure tree repaired after WeasyPrint (tagging.py): one small page per PDF/UA-1 rule
that WeasyPrint alone fails, the words of each link, and the PDF/A loose ends."""

from __future__ import annotations

import io
import shutil
import subprocess
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from manualgen import tagging

page = pytest.importorskip("page", reason="page-validation is not installed (pip install -e '.[test]')")
weasyprint = pytest.importorskip("weasyprint")
pypdf = pytest.importorskip("pypdf")

HEAD = '<html lang="de"><head><meta charset="utf-8"><title>T</title></head><body>'
# A contents entry as manual.css sets it: a block link, its number placed absolutely (it gets
# an annotation of its own) and the page number added by ::after (tagged as a Link of its own).
TOC = (HEAD + "<style>a.e{display:block;position:relative;padding-left:8mm}"
       "a.e::after{content:' . . . . 3'} .n{position:absolute;left:0}</style>"
       '<ol><li><a class="e" href="#x"><span class="n">1</span> <span>Erste Schritte</span>'
       '</a></li></ol><h1 id="x">Erste Schritte</h1>'
       '<p>Siehe <a href="https://example.org/status">die Statusseite</a>.</p></body></html>')
LIST_WITH_BLOCKS = (HEAD + "<h1>Liste</h1><ul><li><p>Eins</p><div>Zwei</div>"
                    "<table><tr><td>x</td></tr></table></li><li>Drei</li></ul></body></html>")


def render(html: str, variant: str = "pdf/ua-1", repaired: bool = True) -> bytes:
    finisher = tagging.finisher(variant) if repaired else None
    return weasyprint.HTML(string=html).write_pdf(pdf_variant=variant, finisher=finisher)


def failed_rules(data: bytes, profile: str = "ua1") -> list[str]:
    return [f.rule_id for f in page.validate_pdf_bytes(data, profile=profile).failures]


@pytest.mark.parametrize(("html", "rule"), [
    (TOC, "PDFUA1-LINK-LINK-TAG-001"),
    (LIST_WITH_BLOCKS, "PDFUA1-LI-KIDS-001"),
])
def test_a_page_weasyprint_alone_fails_passes_once_repaired(html, rule):
    assert rule in failed_rules(render(html, repaired=False))  # the page does test the rule
    assert failed_rules(render(html)) == []


def elements(data: bytes):
    """(element, parent) for every structure element, in reading order."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]["/StructTreeRoot"]
    found, stack = [], [(k.get_object(), None) for k in reversed(_kids(root))]
    while stack:
        element, parent = stack.pop()
        if not isinstance(element, dict) or element.get("/Type") == "/OBJR":
            continue
        found.append((element, parent))
        stack.extend((k.get_object(), element) for k in reversed(_kids(element))
                     if hasattr(k, "get_object"))
    return reader, found


def _kids(element) -> list:
    kids = element.get("/K", [])
    return list(kids) if isinstance(kids, list) else [kids]


def test_each_link_annotation_is_in_one_link_element_that_is_in_no_other():
    reader, found = elements(render(TOC))
    links = [e for e, _ in found if e["/S"] == "/Link"]
    owners = {}
    for link in links:
        for kid in _kids(link):
            obj = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(obj, dict) and obj.get("/Type") == "/OBJR":
                owners[obj.raw_get("/Obj").idnum] = link.indirect_reference.idnum
    annotations = [a for p in reader.pages for a in p.get("/Annots", [])]
    assert annotations and {a.idnum for a in annotations} == set(owners)
    parents = {id(e): p for e, p in found}
    for link in links:  # no Link inside a Link
        ancestor = parents[id(link)]
        while ancestor is not None:
            assert ancestor["/S"] != "/Link"
            ancestor = parents[id(ancestor)]
    # the parent tree names the same Link for each annotation (a screen reader starts there)
    nums = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    for annotation in annotations:
        owner = tree[int(annotation.get_object()["/StructParent"])]
        assert owner.idnum == owners[annotation.idnum]


def test_a_link_says_its_words_not_its_anchor():
    reader = pypdf.PdfReader(io.BytesIO(render(TOC)))
    contents = {str(a.get_object()["/Contents"]) for p in reader.pages
                for a in p.get("/Annots", [])}
    # the contents entry: its number and title, without the leader's dots or the page number
    assert contents == {"1 Erste Schritte", "die Statusseite"}


def test_list_items_hold_only_a_label_and_a_body():
    _reader, found = elements(render(LIST_WITH_BLOCKS))
    items = [e for e, _ in found if e["/S"] == "/LI"]
    assert len(items) == 2
    for item in items:
        tags = [k.get_object()["/S"] for k in _kids(item) if hasattr(k, "get_object")]
        assert set(tags) <= {"/Lbl", "/LBody"} and "/LBody" in tags
    body_kids = [e["/S"] for e, p in found if p is not None and p.get("/S") == "/LBody"]
    assert {"/P", "/Div", "/Table"} <= set(body_kids)  # nothing was lost on the way


def test_the_repair_gives_the_same_bytes_each_time_and_a_sound_file(tmp_path):
    first, second = render(TOC), render(TOC)
    assert first == second
    if shutil.which("qpdf") is None:
        pytest.skip("qpdf is not installed")
    target = tmp_path / "toc.pdf"
    target.write_bytes(first)
    check = subprocess.run(["qpdf", "--check", str(target)], capture_output=True, text=True,
                           check=False)
    assert check.returncode == 0, check.stdout + check.stderr


def test_tagged_pdf_a_passes_pdf_a_3a_and_pdf_ua_1():
    html = TOC.replace("</body>", '<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAE'
                       'AAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==" '
                       'alt="Ein Punkt" style="width:2cm"></body>')
    raw = render(html, "pdf/a-3a", repaired=False)
    assert {"PDFA3A-IMAGE-INTERPOLATE-001", "PDFA3A-METADATA-FILTER-001"} <= set(
        failed_rules(raw, "3a"))
    data = render(html, "pdf/a-3a")
    assert data == render(html, "pdf/a-3a")  # reproducible: /ID and XMP come from the input
    assert failed_rules(data, "3a") == []
    assert failed_rules(data, "ua1") == []
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert "/Filter" not in reader.trailer["/Root"]["/Metadata"].get_object()
    assert b"<pdfuaid:part>1</pdfuaid:part>" in reader.trailer["/Root"]["/Metadata"].get_data()


def carriage_return_content() -> bytes:
    """A page content stream whose compressed data ends with a carriage return."""
    for n in range(1, 400):  # a comment's length varies the checksum's last byte
        raw = b"q 1 0 0 1 0 0 cm Q\n%" + b"a" * n
        if tagging._deflate(raw).endswith(b"\r"):
            return raw
    raise AssertionError("no such content found")


@pytest.mark.parametrize("extra", [{}, {"Subtype": "/Image", "Width": 1, "Height": 1}])
def test_no_stream_data_ends_with_a_carriage_return(extra):
    import pydyf

    raw = carriage_return_content()
    stream = pydyf.Stream([raw], dict(extra), compress=True)
    pdf = pydyf.PDF()
    pdf.add_object(stream)
    tagging.clear_stream_ends(pdf)
    written = stream.data
    data = written[written.index(b"stream\n") + 7:written.rindex(b"\nendstream")]
    assert not data.endswith(b"\r")
    filters = stream.extra["Filter"]
    if isinstance(filters, list):  # binary data: wrapped in hexadecimal, decoded unchanged
        assert filters == ["/ASCIIHexDecode", "/FlateDecode"]
        assert zlib.decompress(bytes.fromhex(data[:-1].decode())) == raw
    else:  # a page's content: a newline more at its end
        assert zlib.decompress(data) == raw + b"\n"


# Random pages of the markup that trips WeasyPrint's tree: links holding spans placed on their
# own, links with ::after text, list items holding blocks, nested lists, tables, links across
# page breaks. The repair must never fail, and its result must pass the rules it fixes.
_LEAVES = st.sampled_from([
    "Text", '<a href="#t">Ziel</a>', '<a href="https://example.org/x">Web</a>',
    '<a class="e" href="#t"><span class="n">2</span> Eintrag</a>', "<b>fett</b>",
])


def _blocks(children):
    return st.one_of(
        st.lists(children, min_size=1, max_size=3).map(lambda k: "<p>" + " ".join(k) + "</p>"),
        st.lists(children, min_size=1, max_size=3).map(lambda k: "<div>" + "".join(k) + "</div>"),
        st.lists(children, min_size=1, max_size=3).map(
            lambda k: "<ul>" + "".join(f"<li>{x}</li>" for x in k) + "</ul>"),
        st.lists(children, min_size=1, max_size=3).map(
            lambda k: "<ol><li><p>Eins</p>" + "".join(k) + "</li></ol>"),
        children.map(lambda k: f"<table><tr><th>K</th></tr><tr><td>{k}</td></tr></table>"),
        children.map(lambda k: f'<div style="break-before: page">{k}</div>'),
    )


@settings(max_examples=25, deadline=None)
@given(st.recursive(_LEAVES, _blocks, max_leaves=12))
def test_the_repair_never_fails_and_its_rules_pass_on_random_pages(body):
    html = TOC.replace("</body>", body + "</body>")
    failed = set(failed_rules(render(html)))
    assert not failed & {"PDFUA1-LINK-LINK-TAG-001", "PDFUA1-LI-KIDS-001",
                         "PDFUA1-LINK-CONTENTS-001"}, body
