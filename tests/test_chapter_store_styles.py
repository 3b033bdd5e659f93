"""A chapter read back from the cache takes its styles from the document being laid out.

Each chapter file used to carry the computed styles of its boxes as values: read back into
a new document, 70 chapters of a 1,200-page manual held 70 copies of styles the document
already had (issue 11: memory after an edit).  Styles of the chapter's elements are now
written as references with the values the pages read, and the new document's style stands
in where it holds the same values."""

from __future__ import annotations

import weasyprint
import weasyprint.document as wdocument

from manualgen import chapter_store
from manualgen.patching import patched

HTML = """<html><head><style>
:root { --accent: #2a6f97; --gap: 4mm }
body { font-family: sans-serif; font-size: 11pt }
h1 { color: var(--accent); margin-bottom: var(--gap) }
p.note { border-left: 2pt solid var(--accent); padding-left: 3mm }
li::marker { color: var(--accent) }
</style></head><body>
<h1 id="start">Titel</h1>
<p>Erster <em>Absatz</em> mit Text.</p>
<p class="note">Hinweis</p>
<ul><li>eins</li><li>zwei</li></ul>
</body></html>"""


def rendered():
    """The document and its computed styles (by element and pseudo-element)."""
    captured = {}
    original = wdocument.layout_document

    def layout_document(html, root_box, context, *args, **kwargs):
        captured["styles"] = context.style_for._computed_styles
        return original(html, root_box, context, *args, **kwargs)

    with patched(wdocument, "layout_document", layout_document):
        document = weasyprint.HTML(string=HTML).render()
    return document, captured["styles"]


def places(document, styles):
    root = document._html.etree_element
    body = root.find("body")
    return {"html": root}, [body]


def written(document, styles) -> bytes:
    roots, members = places(document, styles)
    refs, kinds = chapter_store.references(document.font_config, {}, roots, members,
                                           chapter_store.styles_by_element(styles))
    data = chapter_store.dump(document.pages[0]._page_box, refs, kinds)
    assert data is not None
    return data


def read_back(data: bytes, document, styles):
    roots, members = places(document, styles)
    return chapter_store.load(data, chapter_store.resolver(
        document.font_config, {}, roots, members, styles))


def style_ids(styles) -> set[int]:
    """The styles of a document, and the anonymous boxes' styles made from them."""
    found = {id(style) for style in styles.values()}
    found |= {id(vars(style)["anonymous_style"]) for style in styles.values()
              if "anonymous_style" in vars(style)}
    return found


def boxes(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from boxes(child)


def test_read_back_boxes_share_the_new_documents_styles():
    first, first_styles = rendered()
    second, second_styles = rendered()
    back = read_back(written(first, first_styles), second, second_styles)
    assert back is not None
    own = style_ids(second_styles)
    element_boxes = [box for box in boxes(back) if getattr(box, "element", None) is not None
                     and getattr(box, "element_tag", None) in ("h1", "p", "li", "em")]
    assert len(element_boxes) > 8
    for box in element_boxes:
        assert id(box.style) in own, box
    assert not {id(box.style) for box in boxes(back)} & style_ids(first_styles)


def test_a_style_with_other_values_is_not_taken():
    """A style the new document computes otherwise (or that a layout changed in place)
    makes the chapter unreadable, and it is laid out afresh."""
    first, first_styles = rendered()
    second, second_styles = rendered()
    note = next(element for (element, pseudo) in second_styles
                if pseudo is None and getattr(element, "get", lambda _k: None)("class") == "note")
    second_styles[note, None]["padding_left"] = (99, "px")
    assert read_back(written(first, first_styles), second, second_styles) is None


def test_values_compared_by_their_text_where_the_parser_keeps_tokens():
    first, first_styles = rendered()
    second, second_styles = rendered()
    root = second._html.etree_element
    accent = second_styles[root, None]["__accent"]
    assert accent is not first_styles[first._html.etree_element, None]["__accent"]
    assert chapter_store._same(accent, first_styles[first._html.etree_element, None]["__accent"])


def test_reading_a_chapter_back_leaves_no_garbage_for_the_collector():
    """The layout runs with the collector off: whatever reading a chapter back leaves in a
    reference cycle stays until the PDF is written.  The unpickler's memo holds a copy of
    every box's attributes, so it must go as soon as the chapter is read."""
    import gc

    first, first_styles = rendered()
    second, second_styles = rendered()
    data = written(first, first_styles)
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        back = read_back(data, second, second_styles)
        assert back is not None
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()
