"""Small helpers over ElementTree HTML: parse a fragment, serialise it, classes and text.

Every assemble pass and the translation check read pages through these, so a page is parsed
the same way wherever it is looked at.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from urllib.parse import SplitResult, urlsplit

import tinyhtml5


def split_url(url: str) -> SplitResult:
    """``urlsplit`` for any text a page may hold: a malformed address (``http://[oops``)
    keeps its scheme and host instead of raising ValueError."""
    try:
        return urlsplit(url)
    except ValueError:
        return urlsplit(url.replace("[", "%5B").replace("]", "%5D"))


# Larger than any width, span or count a page means: a number past it is read as it
_HUGE = 10**18


def whole_number(text: str) -> int | None:
    """``text`` read as a whole number written in ASCII digits only ("640"), or None ("640px",
    "²", "٣", "-1").  A number of more than 18 digits is read as 10**18: Python refuses to
    read one of over 4300 digits, and none of that size means more than "very large"."""
    if not (text.isascii() and text.isdigit()):
        return None
    digits = text.lstrip("0") or "0"
    return int(digits) if len(digits) <= 18 else _HUGE


def parse_fragment(html: str) -> ET.Element:
    """A page's HTML as children of a ``body`` element.

    The body itself is the container (not a wrapper ``div``): a stray ``</div>`` or
    ``</body>`` in a page would close a wrapper, and the HTML parser would put the rest of the
    page after it, where nobody looks.  The markup goes to the parser as a stream: tinyhtml5
    takes a short ``str`` for a file name (a short Japanese page failed with "File name too
    long").
    """
    document = io.StringIO(f"<!DOCTYPE html><html><body>{html}</body></html>")
    root = tinyhtml5.parse(document, namespace_html_elements=False)
    body = root.find("body")
    assert body is not None
    _plain_names(body)
    return body


_NS_PREFIXES = {"http://www.w3.org/1999/xlink": "xlink:", "http://www.w3.org/XML/1998/namespace":
                "xml:", "http://www.w3.org/2000/xmlns/": "xmlns:"}


def _plain_names(root: ET.Element) -> None:
    """Inline SVG and MathML with their names as written.

    The parser puts them in their namespaces, which ElementTree writes as ``<ns0:svg>``: an
    unknown element to WeasyPrint, so the drawing would be lost.  Written as ``<svg>``, the
    HTML parser on WeasyPrint's side puts it back in its namespace.
    """
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.startswith("{"):
            el.tag = el.tag.split("}", 1)[1]
        for key in [k for k in el.attrib if k.startswith("{")]:
            value = el.attrib.pop(key)
            if "}" in key:  # the parser's {namespace}name
                namespace, local = key[1:].split("}", 1)
                plain = local == "xmlns" and namespace == "http://www.w3.org/2000/xmlns/"
                el.attrib[local if plain else _NS_PREFIXES.get(namespace, "") + local] = value
            # else a typo such as <div {lass="x">: a name no browser uses, which
            # ElementTree's writer would take for a broken {namespace}; left out


# Elements inside elements: WeasyPrint's layout recurses several calls per level and fails
# at about 150 levels (ElementTree's writer near 1000); real pages stay under 20.
MAX_NESTING = 80


def nesting_depth(root: ET.Element) -> int:
    """How many levels of elements ``root`` holds (without recursion: it may be thousands)."""
    deepest, stack = 0, [(root, 0)]
    while stack:
        el, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in el)
    return deepest


def serialize_children(element: ET.Element) -> str:
    parts = [_escape_text(element.text or "")]
    for child in element:
        parts.append(ET.tostring(child, encoding="unicode", method="html"))
    return "".join(parts)


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def classes(el: ET.Element) -> list[str]:
    return (el.get("class") or "").split()


def add_class(el: ET.Element, *names: str) -> None:
    current = classes(el)
    for name in names:
        if name not in current:
            current.append(name)
    el.set("class", " ".join(current))


def slot_text(element: ET.Element, where: str) -> str:
    """The text of an element's slot: its ``text`` or its ``tail`` ("" for none)."""
    return (element.text if where == "text" else element.tail) or ""


def set_slot_text(element: ET.Element, where: str, text: str) -> None:
    """Set an element's ``text`` or ``tail`` (see :func:`slot_text`)."""
    if where == "text":
        element.text = text
    else:
        element.tail = text


def text_of(el: ET.Element) -> str:
    return "".join(el.itertext())


def parent_map(root: ET.Element) -> dict[ET.Element, ET.Element]:
    return {child: parent for parent in root.iter() for child in parent}


def remove(el: ET.Element, parents: dict) -> None:
    """Remove an element, keeping its tail text."""
    parent = parents.get(el)
    if parent is None:
        return
    index = list(parent).index(el)
    if el.tail and el.tail.strip():
        if index > 0:
            prev = parent[index - 1]
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def is_image_only(el: ET.Element) -> bool:
    """True when a column holds images (and nothing but whitespace, breaks or empty wrappers).
    A placeholder for a missing or remote picture counts as a picture, its words with it."""
    images = [e for e in el.iter() if e.tag == "img" or "missing-image" in classes(e)]
    if not images:
        return False
    parts: list[str] = [el.text or ""]
    stack = list(reversed(list(el)))
    while stack:
        e = stack.pop()
        if e.tag == "span" and "missing-image" in classes(e):
            continue  # a placeholder: its text (and the text after it) is not the column's
        parts += [e.text or "", e.tail or ""]
        stack.extend(reversed(list(e)))
    return not "".join(parts).replace("\u00a0", "").strip()


def ancestors(el: ET.Element, parents: dict):
    while el in parents:
        el = parents[el]
        yield el



def own_name(el: ET.Element) -> str:
    """The name an element gives itself, in the order a browser computes it for a screen
    reader (WAI-ARIA's accessible name, accname 1.2 steps 2C-2I; SVG-AAM for ``<svg>``):
    ``aria-label`` first, then the element's own label (an ``<svg>``'s ``<title>`` child),
    last its ``title`` attribute, which a browser shows as a tooltip.  Spaces collapsed;
    empty when it gives none.  Used for drawings (their alternative text) and videos (the
    title of their note), so both read the same attributes in the same order."""
    title = el.find("title") if el.tag == "svg" else None
    for words in (el.get("aria-label"), title.text if title is not None else None,
                  el.get("title")):
        if words and words.strip():
            return " ".join(words.split())
    return ""


DECORATIVE_ROLES = {"presentation", "none"}


def is_decorative(el: ET.Element, parents: dict) -> bool:
    """True for a picture a screen reader does not read: marked so (``aria-hidden="true"``
    on it or an ancestor, ``role="presentation"`` or ``"none"``), or an icon in a link or
    button whose own words already name it (``<a><svg …/> Download</a>``)."""
    if el.get("role", "").strip().lower() in DECORATIVE_ROLES:
        return True
    chain = [el, *ancestors(el, parents)]
    if any(a.get("aria-hidden", "").strip().lower() == "true" for a in chain):
        return True
    holder = next((a for a in chain[1:] if a.tag in ("a", "button")), None)
    if holder is not None and bool(_words_beside(holder, el).strip()):
        return True
    return el.tag == "svg" and _unnamed_icon_beside_words(el, parents.get(el))


def _unnamed_icon_beside_words(svg: ET.Element, parent: ET.Element | None) -> bool:
    """An ``<svg>`` that names nothing itself (no label, title, description or text) among
    the words of its block (Linkerd's alert: an icon, then the alert's heading): the words
    say what the block is, and a browser reads the icon as nothing."""
    if parent is None or own_name(svg) or svg.find("desc") is not None or "".join(
            svg.itertext()).strip():
        return False
    return bool(_words_beside(parent, svg).strip())


def _words_beside(holder: ET.Element, picture: ET.Element) -> str:
    """The text of ``holder`` outside ``picture`` (and outside other pictures)."""
    parts = [holder.text or ""]
    for child in holder:
        if child is not picture and child.tag not in ("svg", "img"):
            parts.append(_words_beside(child, picture))
        elif child.tag == "img" and child is not picture:
            parts.append(child.get("alt") or "")
        parts.append(child.tail or "")
    return "".join(parts)
