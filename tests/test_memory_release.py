"""Memory of large manuals (issue 11): slim leader dots, the layout's garbage released without
a collection, the heap trimmed.  Each must leave the PDF's bytes as they were."""

from __future__ import annotations

import collections
import contextlib
import gc
import io

import pytest

weasyprint = pytest.importorskip("weasyprint")

from weasyprint.formatting_structure.boxes import TextBox

from manualgen import chapter_store, heap, leaders, tagging

STYLE = """
@page { size: A6; margin: 10mm; @bottom-center { content: counter(page) } }
h2 { break-before: page }
.toc a { display: block }
.toc a::after { content: leader(". ") "\\00A0" target-counter(attr(href), page) }
.rtl a::after { content: leader("-") target-counter(attr(href), page) }
"""


def document(pages: int = 14) -> str:
    """A contents with dot leaders and page numbers (the numbers move the pages after the
    contents, so WeasyPrint lays the contents out in more than one round), one entry in a
    right-to-left block, and pages of text."""
    toc = "".join(f'<a href="#t{n}">Kapitel {n} {"lang " * (n % 4)}</a>' for n in range(pages))
    body = "".join(f'<h2 id="t{n}">Kapitel {n}</h2><p>{"Text. " * 40}</p>' for n in range(pages))
    rtl = '<div class="toc rtl" dir="rtl"><a href="#t1">פרק</a></div>'
    return (f'<html lang="de"><style>{STYLE}</style><div class="toc">{toc}</div>{rtl}'
            f"{body}</html>")


def pdf_bytes(html: str, *managers) -> bytes:
    out = io.BytesIO()
    document_ = weasyprint.HTML(string=html)
    with contextlib.ExitStack() as stack:
        for manager in managers:
            stack.enter_context(manager)
        rendered = document_.render()
    rendered.write_pdf(out, pdf_variant="pdf/ua-1", pdf_identifier=b"x")
    return out.getvalue()


def leader_boxes(rendered) -> list:
    return [box for page in rendered.pages for box in page._page_box.descendants()
            if getattr(box, "is_leader", False)]


def test_slim_leaders_give_the_same_pdf():
    html = document()
    assert pdf_bytes(html, leaders.slim_leaders(after=0)) == pdf_bytes(html)


def test_leader_dots_are_slim_and_read_the_first_dot():
    with leaders.slim_leaders(after=0):
        rendered = weasyprint.HTML(string=document()).render()
    found = leader_boxes(rendered)
    assert found
    for leader in found:
        first, *rest = leader.children
        assert type(first) is TextBox
        assert rest and all(isinstance(dot, leaders.LeaderDot) for dot in rest)
        for dot in rest:
            assert len(dot.__dict__) < len(first.__dict__) / 2
            assert dot.style is first.style and dot.text == first.text
            assert "style" in vars(dot)  # read most: not through __getattr__
            assert dot.position_x != first.position_x  # its own place
        xs = [dot.position_x for dot in leader.children]
        assert len(set(xs)) == len(xs)


def test_a_moved_dot_never_moves_the_first():
    with leaders.slim_leaders(after=0):
        rendered = weasyprint.HTML(string=document(3)).render()
    leader = leader_boxes(rendered)[0]
    first, second = leader.children[:2]
    before = (first.position_x, first.position_y)
    second.translate(dx=5, dy=7)
    assert (first.position_x, first.position_y) == before
    copy = second.copy()
    assert copy.position_y == second.position_y and copy.text == first.text


def test_a_slim_dot_survives_the_chapter_store():
    """Chapters are pickled into the cache with their boxes: a dot must come back whole."""
    with leaders.slim_leaders(after=0):
        rendered = weasyprint.HTML(string=document(3)).render()
    leader = leader_boxes(rendered)[0]
    elements = list(rendered._html.etree_element.iter())
    refs = {id(element): ("element", n) for n, element in enumerate(elements)}
    refs[id(rendered.font_config)] = ("fonts",)
    data = chapter_store.dump(leader, refs, {type(rendered.font_config)})
    assert data is not None
    back = chapter_store.load(data, lambda pid: (
        rendered.font_config if pid == ("fonts",) else elements[pid[1]]))
    assert [type(dot) for dot in back.children] == [type(dot) for dot in leader.children]
    assert [dot.position_x for dot in back.children] == [dot.position_x for dot in leader.children]
    assert back.children[1].text == leader.children[1].text
    with pytest.raises(AttributeError):
        back.children[1].no_such_attribute  # noqa: B018


def test_slim_leaves_other_boxes_alone():
    class Leader:
        children = ("not a box", "nor this")

    leader = Leader()
    leaders.slim(leader)
    assert leader.children == ("not a box", "nor this")


def test_released_layout_garbage_gives_the_same_pdf():
    html = document(30)
    assert pdf_bytes(html, heap.layout_garbage_released()) == pdf_bytes(html)


def layout_garbage(*managers) -> collections.Counter:
    """The types of the cyclic garbage a render of a contents laid out in several rounds
    leaves, the collector off as manualgen lays out (the rendered document kept)."""
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        with contextlib.ExitStack() as stack:
            for manager in managers:
                stack.enter_context(manager)
            rendered = weasyprint.HTML(string=document(30)).render()
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        found = collections.Counter(type(thing).__name__ for thing in gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was_enabled:
            gc.enable()
    assert len(rendered.pages) > 1
    return found


def test_replaced_pages_and_the_layout_context_need_no_collection():
    """The pages a later round made again, and the layout's context with all it holds, are
    freed by reference counting: a full collection walks every object alive (5 s for
    1,200 pages).  Without the release both wait for the collector."""
    before = layout_garbage()
    assert before["PageBox"] and before["LayoutContext"]  # what the release is for
    after = layout_garbage(heap.layout_garbage_released())
    assert after["PageBox"] == after["LayoutContext"] == after["TextBox"] == 0, after


def test_rounds_released_and_weasyprint_restored():
    import weasyprint.document as wdocument
    import weasyprint.layout as wlayout

    before = (wlayout.make_all_pages, wdocument.layout_document)
    with heap.layout_garbage_released():
        assert wlayout.make_all_pages is not before[0]
        weasyprint.HTML(string=document(30)).render()
    assert (wlayout.make_all_pages, wdocument.layout_document) == before


def test_trim_says_whether_it_could():
    assert heap.trim() in (True, False)


TAGGED = """
<html lang="de"><style>@page { size: A6; margin: 8mm } h2 { break-before: page }</style>
<nav><a href="#a">Nach A</a> <a href="https://example.org/x">außen</a></nav>
<h2 id="a">Tabellen</h2>
<table><thead><tr><th>Kopf 1</th><th scope="col">Kopf 2</th></tr></thead>
<tbody><tr><th scope="row">Zeile</th><td>Wert</td></tr>
<tr><td colspan="2">breit</td></tr></tbody></table>
<ul><li>eins<ul><li>innen <a href="#b">Link</a></li></ul></li><li>zwei</li></ul>
<ol><li style="list-style: none">ohne Zeichen</li></ol>
<dl><dt>Begriff</dt><dd>Erklärung</dd></dl>
<p><img alt="Bild" src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='20' height='10'/%3E"></p>
<h2 id="b">Zwei</h2><ul>{items}</ul><table>{rows}</table>
</html>"""


def tagged_document() -> str:
    items = "".join(f"<li>Punkt {n} <a href='#a'>zurück</a></li>" for n in range(60))
    rows = "".join(f"<tr><th>H{n}</th><td>{n}</td></tr>" for n in range(50))
    return TAGGED.replace("{items}", items).replace("{rows}", rows)


def written(html: str, variant: str | None, release: bool, tagged: bool = True) -> tuple:
    from manualgen import painted

    rendered = weasyprint.HTML(string=html).render()
    manager = painted.pages_released_as_painted(tagged) if release else contextlib.nullcontext()
    with manager:
        data = rendered.write_pdf(pdf_variant=variant, pdf_identifier=b"x", uncompressed_pdf=True,
                                  finisher=tagging.finisher(variant))
    return data, rendered


@pytest.mark.parametrize("variant", ["pdf/ua-1", "pdf/ua-2", None])
def test_pages_released_as_painted_give_the_same_pdf(variant):
    html = tagged_document()
    tagged = variant is not None
    before, _ = written(html, variant, release=False)
    after, rendered = written(html, variant, release=True, tagged=tagged)
    assert after == before
    assert len(rendered.pages) > 2
    assert all(page._page_box is None for page in rendered.pages)
    if tagged:
        assert b"/StructTreeRoot" in after and b"/Headers" in after


def test_released_pages_keep_what_the_finisher_reads():
    _, rendered = written(tagged_document(), "pdf/ua-1", release=True)
    links = [link for page in rendered.pages for link in page.links]
    assert links and all(not hasattr(box, "children") for *_, box in links)
    assert any(box.link_annotation is not None for *_, box in links)
    assert any(tagging.link_text(box.element) == "zurück" for *_, box in links)


def test_a_short_contents_keeps_its_dots_as_weasyprint_made_them():
    """Slim dots cost time to read; a manual whose contents makes few dots keeps them whole."""
    from weasyprint.formatting_structure.boxes import TextBox

    with leaders.slim_leaders():
        doc = weasyprint.HTML(string=document(30)).render()
    dots = [box for page in doc.pages for box in page._page_box.descendants()
            if isinstance(box, TextBox) and box.text.strip() == "."]
    assert dots and not any(isinstance(box, leaders.LeaderDot) for box in dots)
