"""Repair the structure tree WeasyPrint writes, so a tagged PDF passes PDF/UA-1.

WeasyPrint 70 tags a document well enough for a screen reader to follow, but three things in
its tree fail PDF/UA-1 (measured with page-validation, see docs/accessibility.md):

- a link annotation may sit in a structure element that is not a ``Link`` (an absolutely
  placed ``<span>`` inside a link gets an annotation of its own) or in a ``Link`` nested in
  another ``Link`` (``a::after`` is tagged as a link of its own);
- a list item (``LI``) may hold a ``Div`` or bare content beside its ``Lbl`` and ``LBody``;
- a link annotation's ``/Contents`` is its target (``p-data-1_upload``), not words a reader
  hears.

WeasyPrint writes the document's language (/Lang in the catalog) but none on structure
elements: a page in another language (a fallback page in the default language, or text a
site marks with ``lang``) was read out in the manual's.  While the tree is made,
:func:`languages_marked` gives the elements of each HTML element with a ``lang`` their /Lang.

The repair runs as WeasyPrint's *finisher*: after the PDF objects are made and before a byte
is written, on the same ``pydyf`` objects, so nothing is parsed twice and the output stays a
pure function of the input (new objects are appended in document order; no random names, no
clock). The same finisher makes PDF/A variants pass what WeasyPrint leaves open: images with
``/Interpolate true`` and a compressed XMP metadata stream, and a tagged PDF/A (``pdf/a-3a``)
also declares PDF/UA-1 in its metadata.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
import zlib
from collections.abc import Callable, Iterator
from typing import Any

from .patching import patched
from .xml_names import local_name

LIST_ITEM_KIDS = ("/Lbl", "/LBody")
PDFUA_NS = "http://www.aiim.org/pdfua/ns/id/"


def finisher(pdf_variant: str | None) -> Callable[[Any, Any], None]:
    """A WeasyPrint finisher that repairs the tree and the variant's loose ends."""

    def finish(document, pdf) -> None:
        if "StructTreeRoot" in pdf.catalog:
            tree = StructTree.of(pdf)
            tree.nest_links()
            tree.close_list_items()
            name_links(document)
        if pdf_variant and pdf_variant.startswith("pdf/a"):
            no_interpolation(pdf)
            plain_metadata(pdf, declare_ua=pdf_variant.endswith("a"))
            clear_stream_ends(pdf)

    return finish


def languages_marked():
    """While WeasyPrint makes the structure tree (within the block), each element made for
    the box of an HTML element with a ``lang`` attribute has that language as /Lang (PDF
    1.7, 14.9.2), so a screen reader reads it in its language."""
    import pydyf
    from weasyprint.pdf import tags

    original = tags._build_box_tree

    def build(box, parent, *args):
        inner = getattr(box, "_box", box)  # an absolutely placed box's placeholder
        element = inner.element
        lang = (element.get("lang") if element is not None and inner.element_tag != "html"
                else None)
        for made in original(box, parent, *args):
            if lang and "Lang" not in made:
                made["Lang"] = pydyf.String(lang)
            yield made

    return patched(tags, "_build_box_tree", build)


@contextlib.contextmanager
def decorations_as_artifacts() -> Iterator[None]:
    """While WeasyPrint draws and tags (within the block), a picture marked
    ``aria-hidden="true"`` or ``role="presentation"``/``"none"`` (a decorative icon, see
    ``assemble.steps``) is drawn as an artifact, as WeasyPrint draws backgrounds and borders,
    and gets no structure element: a screen reader skips it, as a browser's does, instead of
    reading a figure.  It stays a replaced box, drawn with the text's colour
    (``currentColor``).  WeasyPrint 70 tags every ``<img>`` and ``<svg>`` box as /Figure,
    whatever its attributes (``weasyprint/pdf/tags.py``, ``draw.draw_inline_level``)."""
    from weasyprint.formatting_structure.boxes import ReplacedBox
    from weasyprint.pdf import stream as stream_module
    from weasyprint.pdf import tags

    original_marked = stream_module.Stream.marked
    original_build = tags._build_box_tree

    def marked(self, box, tag):
        if tag == "Figure" and is_decoration(box):
            return self.artifact()
        return original_marked(self, box, tag)

    def build(box, parent, pdf, page_number, nums, annotations, tags_left):
        inner = getattr(box, "_box", box)
        if not is_decoration(inner) or not isinstance(inner, ReplacedBox):
            # a picture that could not be loaded is its alternative text, tagged as text
            return original_build(box, parent, pdf, page_number, nums, annotations, tags_left)
        if inner.link_annotation is None:
            return iter(())
        return iter((_link_of(inner.link_annotation, parent, pdf, page_number, annotations),))

    with patched(stream_module.Stream, "marked", marked), \
            patched(tags, "_build_box_tree", build):
        yield


def _link_of(annotation, parent, pdf, page_number: int, annotations: list):
    """A ``Link`` element holding a link annotation, as WeasyPrint makes one: an icon in a
    link has an annotation of its own, which PDF/UA wants in a ``Link`` (this one is inside
    its link's, and :meth:`StructTree.nest_links` merges the two)."""
    import pydyf

    page = pdf.page_references[page_number]
    link = pydyf.Dictionary({"Type": "/StructElem", "S": "/Link", "K": pydyf.Array([]),
                             "Pg": page, "P": parent.reference})
    pdf.add_object(link)
    objr = pydyf.Dictionary({"Type": "/OBJR", "Obj": annotation.reference, "Pg": page})
    pdf.add_object(objr)
    link["K"].append(objr.reference)
    annotations.append((link.reference, annotation))
    return link


def is_decoration(box) -> bool:
    """True for the box of a picture that its page marks as not to be read aloud."""
    element = getattr(box, "element", None)
    if element is None or "::" in (box.element_tag or ""):
        return False
    if local_name(element.tag) not in ("svg", "img"):
        return False
    return _marked_decorative(element)


def _marked_decorative(element) -> bool:
    return (element.get("aria-hidden", "").strip().lower() == "true"
            or element.get("role", "").strip().lower() in ("presentation", "none"))


# --- the structure tree --------------------------------------------------------------------


def _is_ref(value: object) -> bool:
    return isinstance(value, bytes) and value.endswith(b" R")


@dataclasses.dataclass
class StructTree:
    """The document's structure elements, their parents, and the parent tree that maps
    marked content and annotations back to them (ISO 32000-1, 14.7.4.4)."""

    pdf: Any
    parents: dict[int, int]  # element number → its parent element's number
    page_of: dict[bytes, int]  # page reference → page index
    page_content: dict[int, Any]  # page index → its array of owners, indexed by MCID
    annotation_owner: dict[int, int]  # /StructParent key → index of its value in /Nums

    @classmethod
    def of(cls, pdf) -> StructTree:
        root = pdf.objects[_number(pdf.catalog["StructTreeRoot"])]
        nums = pdf.objects[_number(root["ParentTree"])]["Nums"]
        pages = len(pdf.page_references)
        page_content, annotation_owner = {}, {}
        for i in range(0, len(nums) - 1, 2):
            key = int(nums[i])
            if key < pages and not _is_ref(nums[i + 1]):
                page_content[key] = nums[i + 1]
            else:
                annotation_owner[key] = i + 1
        tree = cls(pdf, {}, {ref: i for i, ref in enumerate(pdf.page_references)},
                   page_content, annotation_owner)
        for kid in root["K"] if isinstance(root["K"], list) else [root["K"]]:
            tree._learn_parents(pdf.objects[_number(kid)])
        return tree

    def _learn_parents(self, top) -> None:
        stack = [top]
        while stack:
            element = stack.pop()
            for kid in self.element_kids(element):
                if kid.number not in self.parents:
                    self.parents[kid.number] = element.number
                    stack.append(kid)

    def get(self, ref: bytes):
        return self.pdf.objects[_number(ref)]

    def kids(self, element) -> list:
        """The element's /K as an array that may be changed in place (a single kid, or
        none, becomes one)."""
        kids = element.get("K")
        if not isinstance(kids, list):
            import pydyf

            element["K"] = kids = pydyf.Array([] if kids is None else [kids])
        return kids

    def element_kids(self, element) -> Iterator:
        for kid in self.kids(element):
            if _is_ref(kid):
                obj = self.get(kid)
                if isinstance(obj, dict) and obj.get("Type") == "/StructElem":
                    yield obj

    def in_order(self) -> list:
        """Every element reachable from the root, in reading order."""
        root = self.pdf.objects[_number(self.pdf.catalog["StructTreeRoot"])]
        order, stack = [], [self.get(k) for k in reversed(self.kids(root))]
        seen = set()
        while stack:
            element = stack.pop()
            if element.number in seen:
                continue
            seen.add(element.number)
            order.append(element)
            stack.extend(reversed(list(self.element_kids(element))))
        return order

    def ancestors(self, element) -> Iterator:
        number = self.parents.get(element.number)
        while number is not None:
            yield self.pdf.objects[number]
            number = self.parents.get(number)

    def new_element(self, tag: str, parent, page: bytes | None):
        import pydyf

        element = pydyf.Dictionary({"Type": "/StructElem", "S": tag, "K": pydyf.Array(),
                                    "P": parent.reference})
        if page is not None:
            element["Pg"] = page
        self.pdf.add_object(element)
        self.parents[element.number] = parent.number
        return element

    # Moving content keeps the parent tree right: every MCID and annotation names its owner.

    def move(self, kid, source, target) -> None:
        """Move one kid (element, MCID, marked-content or object reference) from ``source``
        to the end of ``target``."""
        kids = self.kids(source)
        kids.pop(next(i for i, k in enumerate(kids) if k is kid or k == kid))
        self.kids(target).append(self._rehome(kid, source, target))

    def _rehome(self, kid, source, target):
        """The kid as ``target`` must hold it, with the parent tree pointing at ``target``."""
        if _is_ref(kid):
            obj = self.get(kid)
            if obj.get("Type") == "/StructElem":
                obj["P"] = target.reference
                self.parents[obj.number] = target.number
            elif obj.get("Type") == "/OBJR":
                self._own_annotation(self.get(obj["Obj"]), target)
            return kid
        if isinstance(kid, int):
            page = source.get("Pg")
            self._own_content(page, kid, source, target)
            if page != target.get("Pg"):
                return _content_reference(page, kid)
            return kid
        if isinstance(kid, dict) and kid.get("Type") == "/MCR":
            self._own_content(kid.get("Pg", source.get("Pg")), kid["MCID"], source, target)
        return kid

    def _own_content(self, page: bytes | None, mcid: int, source, target) -> None:
        owners = self.page_content.get(self.page_of.get(page, -1))
        if owners is not None and 0 <= mcid < len(owners) and owners[mcid] == source.reference:
            owners[mcid] = target.reference

    def _own_annotation(self, annotation, target) -> None:
        slot = self.annotation_owner.get(annotation.get("StructParent"))
        if slot is not None:
            nums = self.pdf.objects[_number(self._root()["ParentTree"])]["Nums"]
            nums[slot] = target.reference

    def _root(self):
        return self.pdf.objects[_number(self.pdf.catalog["StructTreeRoot"])]

    def replace(self, old, new_refs: list, parent) -> None:
        """Put ``new_refs`` where ``old`` was among its parent's kids."""
        kids = self.kids(parent)
        at = next(i for i, k in enumerate(kids) if k == old.reference)
        kids[at:at + 1] = new_refs

    # Links ------------------------------------------------------------------------------

    def link_objects(self, element) -> list:
        """The object references to link annotations an element holds."""
        found = []
        for kid in self.kids(element):
            if _is_ref(kid):
                obj = self.get(kid)
                if obj.get("Type") == "/OBJR" and self.get(obj["Obj"]).get("Subtype") == "/Link":
                    found.append(kid)
        return found

    def nest_links(self) -> None:
        """Each link annotation in the outermost ``Link`` element around it, or in a new
        ``Link`` around the element that holds it; no ``Link`` inside another."""
        for element in self.in_order():
            objrs = self.link_objects(element)
            outer = self._outermost_link(element)
            if outer is not None:
                for objr in objrs:
                    self.move(objr, element, outer)
                if element.get("S") == "/Link":
                    self._dissolve(element)
            elif objrs and element.get("S") != "/Link":
                self._wrap_in_link(element, objrs)

    def _outermost_link(self, element):
        outer = None
        for ancestor in self.ancestors(element):
            if ancestor.get("S") == "/Link":
                outer = ancestor
        return outer

    def _dissolve(self, link) -> None:
        """A ``Link`` inside a ``Link``: its content goes to its parent, where it was."""
        parent = self.pdf.objects[self.parents[link.number]]
        kids = list(self.kids(link))
        rehomed = [self._rehome(kid, link, parent) for kid in kids]
        link["K"].clear()
        self.replace(link, rehomed, parent)
        del self.parents[link.number]

    def _wrap_in_link(self, element, objrs: list) -> None:
        parent = self.pdf.objects[self.parents[element.number]]
        link = self.new_element("/Link", parent, element.get("Pg"))
        for objr in objrs:
            self.move(objr, element, link)
        self.replace(element, [link.reference], parent)
        self.kids(link).append(element.reference)
        element["P"] = link.reference
        self.parents[element.number] = link.number

    # Lists ------------------------------------------------------------------------------

    def close_list_items(self) -> None:
        """A list item holds only ``Lbl`` and ``LBody``: anything else joins the body
        before it (or a new body, when none comes before it)."""
        for item in self.in_order():
            if item.get("S") == "/LI":
                self._close_list_item(item)

    def _close_list_item(self, item) -> None:
        body = None
        for kid in list(self.kids(item)):
            tag = self.get(kid).get("S") if _is_ref(kid) else None
            if tag in LIST_ITEM_KIDS:
                body = self.get(kid) if tag == "/LBody" else body
                continue
            if body is None:
                body = self.new_element("/LBody", item, item.get("Pg"))
                kids = self.kids(item)
                at = next(i for i, k in enumerate(kids) if k is kid or k == kid)
                kids.insert(at, body.reference)
            self.move(kid, item, body)


def next_parent_key(pdf) -> None:
    """Write the structure tree's optional /ParentTreeNextKey (the next free key of its
    parent tree): true, and one way to change the bytes of a PDF without changing its
    meaning (see pdf.write_pdf)."""
    if "StructTreeRoot" not in pdf.catalog:
        return
    root = pdf.objects[_number(pdf.catalog["StructTreeRoot"])]
    nums = pdf.objects[_number(root["ParentTree"])]["Nums"]
    keys = [int(nums[i]) for i in range(0, len(nums) - 1, 2)]
    root["ParentTreeNextKey"] = max(keys, default=-1) + 1


def _number(ref: bytes | str) -> int:
    return int(ref.split()[0])


def _content_reference(page: bytes, mcid: int):
    import pydyf

    return pydyf.Dictionary({"Type": "/MCR", "Pg": page, "MCID": mcid})


# --- what a link says --------------------------------------------------------------------

_LEADER = re.compile(r"(?:\s*\.){3,}\s*")
_SPACE = re.compile(r"\s+")


def link_text(element) -> str:
    """The words of a link, for its annotation's /Contents: its text with a contents
    leader's dots and the white space of the source squeezed out."""
    if element is None:
        return ""
    text = "".join(_words(element))
    return _SPACE.sub(" ", _LEADER.sub(" ", text)).strip()


def _words(element) -> Iterator[str]:
    """The text a reader hears in an element: a drawing says its title (not the text
    drawn in it), a decorative one says nothing; a comment says nothing either."""
    if not isinstance(element.tag, str):
        return
    if local_name(element.tag) == "svg":
        title = next((kid for kid in element if isinstance(kid.tag, str)
                      and local_name(kid.tag) == "title"), None)
        if title is not None and not _marked_decorative(element):
            yield " " + (title.text or "") + " "
    else:
        yield element.text or ""
        for kid in element:
            yield from _words(kid)
            yield kid.tail or ""


def name_links(document) -> None:
    """Every link annotation says in words where it goes: the link's text (the longest of
    the boxes sharing its target on a page, so the number beside a contents entry says the
    entry's title too), else its address."""
    import pydyf

    for page in document.pages:
        best: dict[str, str] = {}
        for _kind, target, _rect, box in page.links:
            text = link_text(getattr(box, "element", None))
            if len(text) > len(best.get(target, "")):
                best[target] = text
        for _kind, target, _rect, box in page.links:
            annotation = getattr(box, "link_annotation", None)
            if annotation is not None:
                annotation["Contents"] = pydyf.String(best.get(target) or target)


# --- PDF/A ---------------------------------------------------------------------------------


def no_interpolation(pdf) -> None:
    """PDF/A forbids ``/Interpolate true`` on images (ISO 19005-2, 6.2.8.3); a viewer then
    shows the pixels as they are, which for screenshots printed at their size is the same."""
    for obj in pdf.objects:
        extra = getattr(obj, "extra", None)
        if (isinstance(extra, dict) and extra.get("Subtype") == "/Image"
                and str(extra.get("Interpolate", "false")) == "true"):
            extra["Interpolate"] = "false"


def plain_metadata(pdf, declare_ua: bool) -> None:
    """The XMP metadata stream uncompressed, so a file search or an archive tool reads it
    (PDF/A validators ask for it); with ``declare_ua``, it also claims PDF/UA-1 (a tagged
    PDF/A that passes PDF/UA says so, with the extension schema PDF/A needs for the key)."""
    if "Metadata" not in pdf.catalog:
        return
    stream = pdf.objects[_number(pdf.catalog["Metadata"])]
    stream.compress = False
    if declare_ua:
        xmp = b"\n".join(_pdf_bytes(part) for part in stream.stream)
        stream.stream = [declare_pdfua(xmp)]


_UA_DESCRIPTION = (
    '<rdf:Description xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" rdf:about="" '
    f'xmlns:pdfuaid="{PDFUA_NS}"><pdfuaid:part>1</pdfuaid:part></rdf:Description>'
    '<rdf:Description xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" rdf:about="" '
    'xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" '
    'xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" '
    'xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">'
    "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">"
    "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>"
    f"<pdfaSchema:namespaceURI>{PDFUA_NS}</pdfaSchema:namespaceURI>"
    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"
    "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">"
    "<pdfaProperty:name>part</pdfaProperty:name>"
    "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
    "<pdfaProperty:category>internal</pdfaProperty:category>"
    "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed"
    "</pdfaProperty:description>"
    "</rdf:li></rdf:Seq></pdfaSchema:property>"
    "</rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>"
)


def declare_pdfua(xmp: bytes) -> bytes:
    """XMP metadata that also says ``pdfuaid:part 1`` (once, however often it is called)."""
    if PDFUA_NS.encode() in xmp:
        return xmp
    end = xmp.rfind(b"</rdf:RDF>")
    if end < 0:
        return xmp
    return xmp[:end] + _UA_DESCRIPTION.encode() + xmp[end:]


# A stream whose data ends with a carriage return is written as "…\r" "\n" "endstream": a
# validator may read "\r\n" as the end-of-line marker and find /Length one byte too long
# (page-validation's PDFA*-STREAM-LENGTH-001; ISO 19005-2, 6.1.7.1). One compressed stream in
# 256 ends so (the last byte is its checksum's), so a long manual meets it. A page's content
# takes a harmless trailing newline; other data (fonts, images) an outer ASCIIHexDecode
# filter, whose data ends with ">".


def clear_stream_ends(pdf) -> None:
    """No stream's data ends with a carriage return (compressed streams are compressed here,
    as pydyf would, so that their last byte is known)."""
    import pydyf

    for obj in pdf.objects:
        if isinstance(obj, pydyf.Stream):
            _settle_stream(obj)


def _deflate(raw: bytes) -> bytes:
    compressor = zlib.compressobj(level=9)  # what pydyf uses: the same bytes as before
    return compressor.compress(raw) + compressor.flush()


def deflate_now(stream) -> None:
    """``stream``'s parts joined and deflated now, as pydyf would when it writes the PDF:
    the same bytes and dictionary (/Filter, then /Length), held as one compressed part."""
    if not stream.compress:
        return
    stream.stream = [_deflate(b"\n".join(_pdf_bytes(item) for item in stream.stream))]
    stream.compress = False
    stream.extra["Filter"] = "/FlateDecode"


def _settle_stream(stream) -> None:
    raw = b"\n".join(_pdf_bytes(item) for item in stream.stream)
    content = stream.extra.get("Subtype") in (None, "/Form") and "Type" not in stream.extra
    if content and raw.endswith(b"\r"):
        raw += b"\n"
    if stream.compress:
        data = _deflate(raw)
        if data.endswith(b"\r") and content:
            raw += b"\n"
            data = _deflate(raw)
        stream.stream, stream.compress = [data], False
        stream.extra["Filter"] = "/FlateDecode"
    else:
        data = raw
        stream.stream = [data]
    if data.endswith(b"\r"):
        _hex_wrap(stream, data)


def _hex_wrap(stream, data: bytes) -> None:
    import pydyf

    filters = stream.extra.get("Filter")
    inner = list(filters) if isinstance(filters, list) else ([filters] if filters else [])
    stream.stream = [data.hex().encode() + b">"]
    stream.extra["Filter"] = pydyf.Array(["/ASCIIHexDecode", *inner])
    params = stream.extra.get("DecodeParms")
    if params is not None:
        inner_params = list(params) if isinstance(params, list) else [params]
        stream.extra["DecodeParms"] = pydyf.Array(["null", *inner_params])


def _pdf_bytes(item) -> bytes:
    import pydyf

    return pydyf._to_bytes(item)  # how pydyf itself joins a stream's parts
