"""Each page's boxes let go as soon as the page is painted (issue 11, memory).

WeasyPrint 70 keeps every laid-out page until the PDF is written: after painting the last
page it walks every page's boxes again to make the structure tree (``pdf/tags.py``), and
manualgen's finisher reads the link boxes to name the links (tagging.name_links).  Here the
structure elements of a page are made right after it is painted, by WeasyPrint's own
``_build_box_tree``, against a stand-in PDF that numbers them provisionally (negative
numbers); the boxes are then dropped (the page's box tree, its link boxes but for a small
record of what the finisher reads).  When WeasyPrint would make the tree, the elements are
added to the PDF in the order it would have added them, their provisional numbers replaced
by the real ones, and the tree's root, parent tree and annotations' keys are made as
WeasyPrint makes them: the same objects with the same numbers, so the same bytes.

Not for PDF/A, whose writing may run twice (pdf.write_pdf) and so needs the boxes again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
from collections.abc import Iterator

from .patching import patched

_DOCUMENT = -(10**9)  # the provisional number of the /Document element
_TABLE_KEY = re.compile(r"-(\d+)(-\d+-\d+)")  # WeasyPrint's header IDs: number-row-column


@dataclasses.dataclass
class PageTags:
    """A painted page's structure elements, numbered provisionally."""

    made: list  # every object made, in the order WeasyPrint added them
    top: list  # the references that the /Document element's kids get from the page
    nums: dict  # MCID → the reference of the element that owns it
    annotations: list  # (element reference, annotation), in order


@dataclasses.dataclass
class LinkRecord:
    """What the finisher reads of a link box once the box is gone (tagging.name_links)."""

    element: object
    link_annotation: object


class _StandIn:
    """What ``_build_box_tree`` uses of a PDF: numbers given here, page references real."""

    def __init__(self, pdf, page_number: int) -> None:
        # Only this page's reference is asked for, made as pydyf's ``page_references`` makes
        # it (that property builds every page's reference at each reading).
        number = pdf.pages["Kids"][3 * page_number]
        self.page_references = {page_number: f"{number} 0 R".encode("ascii")}
        self.made: list = []

    def add_object(self, obj) -> None:
        self.made.append(obj)
        obj.number = -len(self.made)


def page_tags(page_box, pdf, page_number: int, tags: dict) -> PageTags:
    """The structure elements of a painted page, as WeasyPrint's ``add_tags`` makes them,
    numbered provisionally; ``tags`` (the page stream's marked contents) is emptied."""
    import pydyf
    from weasyprint.pdf.tags import _build_box_tree

    stand_in = _StandIn(pdf, page_number)
    # The page's share of the /Document element's kids: WeasyPrint appends each element as
    # it is made, and may insert a nested list's elements at the end of it meanwhile.
    document = pydyf.Dictionary({"Type": "/StructElem", "S": "/Document", "K": pydyf.Array()})
    document.number = _DOCUMENT
    nums: dict = {}
    annotations: list = []
    for element in _build_box_tree(page_box, document, stand_in, page_number, nums,
                                   annotations, tags):
        document["K"].append(element.reference)
    if tags:
        raise AssertionError("marked content left without a structure element")
    return PageTags(stand_in.made, list(document["K"]), nums, annotations)


def _renumber(value, numbers: dict[int, bytes]):
    """``value`` with the provisional references in it replaced (arrays and dictionaries
    changed in place)."""
    import pydyf

    if isinstance(value, bytes) and value.startswith(b"-") and value.endswith(b" 0 R"):
        return numbers[int(value[:-4])]
    if isinstance(value, pydyf.Dictionary):
        for key, item in value.items():
            if key == "ID":
                _rekey(item, numbers)
            elif key == "Headers":
                for header in item:
                    _rekey(header, numbers)
            else:
                value[key] = _renumber(item, numbers)
    elif isinstance(value, list):
        value[:] = [_renumber(item, numbers) for item in value]
    return value


def _rekey(string, numbers: dict[int, bytes]) -> None:
    """A table header's ID (``number-row-column``) named by the element's real number; the
    same String object may be met twice (the header's /ID and a cell's /Headers)."""
    match = _TABLE_KEY.fullmatch(string.string)
    if match:
        real = numbers[-int(match.group(1))].split()[0].decode()
        string.string = real + match.group(2)


def add_recorded(pdf, document, recorded: list[PageTags], content_mapping) -> None:
    """The pages' elements added to ``pdf`` in WeasyPrint's order, with real numbers."""
    import pydyf

    annotations = []
    for page_number, tags in enumerate(recorded):
        content_mapping["Nums"].append(page_number)
        content_mapping["Nums"].append(pydyf.Array())
        numbers = {_DOCUMENT: document.reference}
        for obj in tags.made:
            provisional = obj.number
            pdf.add_object(obj)
            numbers[provisional] = obj.reference
        for obj in tags.made:
            _renumber(obj, numbers)
        for reference in tags.top:
            document["K"].append(numbers[int(reference[:-4])])
        content_mapping["Nums"][-1].extend(
            numbers[int(ref[:-4])] for _, ref in sorted(tags.nums.items()))
        annotations.extend((numbers[int(ref[:-4])], annotation)
                           for ref, annotation in tags.annotations)
    start = len(recorded)
    for key, (reference, annotation) in enumerate(annotations, start=start):
        content_mapping["Nums"].append(key)
        content_mapping["Nums"].append(reference)
        annotation["StructParent"] = key


def add_tags_from(pdf, document, pdf_version, recorded: list[PageTags]) -> None:
    """WeasyPrint's ``add_tags`` made from the recorded pages instead of their boxes."""
    import pydyf
    from weasyprint.logger import LOGGER

    content_mapping = pydyf.Dictionary({})
    pdf.add_object(content_mapping)
    root = pydyf.Dictionary({"Type": "/StructTreeRoot", "ParentTree": content_mapping.reference})
    pdf.add_object(root)
    top = pydyf.Dictionary({"Type": "/StructElem", "S": "/Document", "K": pydyf.Array(),
                            "P": root.reference})
    pdf.add_object(top)
    root["K"] = pydyf.Array([top.reference])
    pdf.catalog["StructTreeRoot"] = root.reference
    if str(pdf_version) >= "2.0":
        namespace = pydyf.Dictionary({"Type": "/Namespace",
                                      "NS": pydyf.String("http://iso.org/pdf2/ssn")})
        pdf.add_object(namespace)
        root["Namespaces"] = pydyf.Array([namespace.reference])
        top["NS"] = namespace.reference
    content_mapping["Nums"] = pydyf.Array()
    if len(recorded) != len(document.pages):
        raise AssertionError("a page painted without its structure recorded")
    add_recorded(pdf, top, recorded, content_mapping)
    pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})
    pdf.catalog["MarkInfo"] = pydyf.Dictionary({"Marked": "true"})
    if "Lang" not in pdf.catalog:
        LOGGER.error('Missing required "lang" attribute at the root of the document')
        pdf.catalog["Lang"] = pydyf.String()


def release(page, links: list | None) -> None:
    """A painted page's boxes let go: its box tree, and its link boxes but for what the
    finisher reads; ``links`` (WeasyPrint's resolved links of the page, used before the
    page is painted) emptied."""
    page._page_box = None
    page.links = [(kind, target, rectangle,
                   LinkRecord(getattr(box, "element", None), getattr(box, "link_annotation", None)))
                  for kind, target, rectangle, box in page.links]
    if links is not None:
        links.clear()


@contextlib.contextmanager
def pages_released_as_painted(tagged: bool) -> Iterator[None]:
    """For the PDFs written inside: each page's structure elements made when it is painted,
    then its boxes released (see the module's docstring).  ``tagged``: whether the PDF has a
    structure tree (WeasyPrint's ``pdf_tags``, on for PDF/UA)."""
    import weasyprint.pdf as wpdf
    from weasyprint import document as wdocument

    state: dict = {"pdf": None, "links": None, "recorded": []}
    original_paint = wdocument.Page.paint
    original_links = wpdf.add_links

    def add_links(links_and_anchors, matrix, pdf, *args, **kwargs):
        if state["pdf"] is not pdf:  # a new PDF
            state.update(pdf=pdf, recorded=[])
        state["links"] = links_and_anchors[0]
        return original_links(links_and_anchors, matrix, pdf, *args, **kwargs)

    def paint(page, stream, *args, **kwargs):
        painted = original_paint(page, stream, *args, **kwargs)
        recorded = state["recorded"]
        recorded.append(page_tags(page._page_box, state["pdf"], len(recorded), stream._tags)
                        if tagged else None)
        release(page, state["links"])
        state["links"] = None
        return painted

    def add_tags(pdf, document, pdf_version, page_streams):
        recorded, state["recorded"] = state["recorded"], []
        add_tags_from(pdf, document, pdf_version, recorded)

    with patched(wdocument.Page, "paint", paint), patched(wpdf, "add_links", add_links), \
            patched(wpdf, "add_tags", add_tags):
        yield


@contextlib.contextmanager
def shapes_kept() -> Iterator[None]:
    """For the PDFs written inside: each line of text keeps its shaped Pango layout once
    painted, and a line painted again (a page of a layout kept for the next ``--watch``
    save) is drawn from it instead of being shaped once more (issue 11: shaping is most of
    a page's painting, and the kept chapters' pages are painted again at every save).

    WeasyPrint makes a line's layout again before painting it (``reactivate``: the same
    style, the same text, justified) and lets it go after (``deactivate``).  A line whose
    painting changed its text (``text-overflow``/``block-ellipsis`` add "…", and WeasyPrint
    keeps the shortened text) lets it go and gets its own text back: painted again, it
    would otherwise end in two ellipses.  The same glyphs at the same places, so the same
    bytes as a cold build.  Only for layouts kept alive anyway: the shapes live as long as
    the pages do."""
    import weasyprint.draw as wdraw

    def draw_text(stream, textbox, *args, **kwargs):
        layout = getattr(textbox, "pango_layout", None)
        if layout is None:
            return original(stream, textbox, *args, **kwargs)
        fields = vars(layout)
        own = layout.text  # the line's text, before any painting changes it
        shaped = fields.pop("_shaped_text", None)
        warm = "layout" in fields and fields.get("style") is textbox.style and shaped == own
        made = {"text": own if warm else None}

        def reactivate(style):
            type(layout).reactivate(layout, style)
            made["text"] = layout.text

        layout.reactivate = (lambda style: None) if warm else reactivate
        layout.deactivate = lambda: None
        try:
            result = original(stream, textbox, *args, **kwargs)
        finally:
            del layout.reactivate, layout.deactivate
        if made["text"] is not None and layout.text == made["text"]:
            fields["_shaped_text"] = layout.text
        else:  # painting changed it (an ellipsis): the next painting starts from its text
            if "layout" in fields:
                layout.deactivate()
            layout.text = own
        return result

    with patched(wdraw, "draw_text", draw_text) as original:
        yield

