"""Bidi: a run of text in the other direction that crosses inline elements is wrapped in one
``span`` with that direction, so it prints in the order a reader expects.

WeasyPrint 70 orders the bidi text *inside* each inline box (Pango does), but places the
inline boxes of a line one after another in the paragraph's direction.  A left-to-right run
that spans two boxes in a right-to-left paragraph therefore prints its parts in the wrong
order: "**Dataloom** 3.2" prints "3.2 Dataloom", "<kbd>Ctrl</kbd>+<kbd>C</kbd>" prints
"C+Ctrl", and a name manualgen keeps whole in a span ("OAuth 2.0", names.py) prints
"2.0 OAuth".  The same happens to an Arabic or Hebrew phrase with a bold word in a
left-to-right manual.  Inside an element with its own ``dir``, WeasyPrint places the boxes
in that direction, so the pass finds each such run with the Unicode bidi algorithm (the
rules for implicit levels, UAX #9 W1–W7, N1–N2, I1–I2, over the paragraph's text as the
elements join it) and wraps it in ``<span dir="ltr">`` (or ``rtl``), splitting an inline
element the run starts or ends inside.  A run inside one text is left as it is: Pango
orders it already.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
import xml.etree.ElementTree as ET

from .html import parent_map, text_of

BIDI_CLASS = "mg-bidi"
# Elements that sit inside a line of text; any other element starts a block of its own.
_INLINE = {"a", "abbr", "b", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
           "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub",
           "sup", "time", "tt", "u", "var"}
# Inline elements drawn as one object: a neutral character to the text around them.
_OBJECTS = {"img", "svg", "math", "input", "select", "button", "textarea", "video", "audio",
            "object", "iframe", "canvas", "picture"}
_SKIP = {"script", "style", "template", "head"}
# Inline code is a left-to-right isolate in a right-to-left manual (manual.css).
_LTR_IN_RTL = {"code", "samp"}
# Explicit embeddings, overrides and isolates written as characters: the implicit rules
# alone would misjudge such a paragraph, so it is left as written.
_EXPLICIT = {"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
_OBJECT_CHAR = "\ufffc"
# Inline code next to left-to-right words in a right-to-left paragraph is part of their run,
# as a browser reads its letters: "default password <code>pw</code>." is one run.
_LTR_CHAR = "\u200e"
_MARK = "mg-bidi-mark"
_BREAKS = {"br", "bdo"}  # a line break, or text in an order of its own
_STRONG = {"L", "R"}
# Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their presentation forms, the
# right-to-left blocks beyond the BMP, and RLM: a left-to-right page without any has no run
# of the other direction.
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f"
                            "\U00010800-\U00010fff\U0001e800-\U0001efff]")


@dataclasses.dataclass
class _Piece:
    """Where a stretch of the paragraph's text lives: ``node.text`` or ``node.tail``, or a
    whole object element (``attr`` None), starting at ``start`` in the paragraph's string."""

    node: ET.Element
    attr: str | None
    start: int


def isolate_runs(root: ET.Element, direction: str) -> None:
    """Wrap every run of the other direction that crosses inline elements, in ``root`` (a
    page's body) whose text runs in ``direction`` ("ltr" or "rtl")."""
    if direction != "rtl" and not _RIGHT_TO_LEFT.search("".join(root.itertext())):
        return  # the common case, at the cost of one search
    for paragraph, pieces, rtl in list(_paragraphs(root, direction == "rtl")):
        _wrap_crossing_runs(paragraph, pieces, rtl)


# --- paragraphs -----------------------------------------------------------------------------


def _paragraphs(block: ET.Element, rtl: bool):
    """Each stretch of inline content of ``block`` and the blocks and isolates inside it:
    (the element that holds it, its pieces, whether it runs right to left)."""
    pieces: list[_Piece] = []
    text: list[str] = []
    islands: list[int] = []  # where inline code with letters stands in a right-to-left text

    def add(node, attr, value):
        if value:
            pieces.append(_Piece(node, attr, sum(map(len, text))))
            text.append(value)

    def flush():
        if len(pieces) > 1:
            yield block, (list(pieces), _joined_to_neighbours("".join(text), islands)), rtl
        pieces.clear()
        text.clear()
        islands.clear()

    def walk(el):
        add(el, "text", el.text)
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _SKIP or tag == "wbr" or not tag:
                pass
            elif tag in _BREAKS:
                yield from flush()
            elif tag in _OBJECTS or (tag in _INLINE or tag == "bdi") and (
                    tag == "bdi" or child.get("dir") or rtl and tag in _LTR_IN_RTL):
                # an object, or an isolate: one neutral character here, its own text apart
                pieces.append(_Piece(child, None, sum(map(len, text))))
                if rtl and tag in _LTR_IN_RTL and not child.get("dir") and _has_letters(child):
                    islands.append(pieces[-1].start)
                text.append(_OBJECT_CHAR)
                if tag not in _OBJECTS:
                    inner = False if tag in _LTR_IN_RTL and not child.get("dir") else rtl
                    yield from _paragraphs(child, _direction_of(child, inner))
            elif tag in _INLINE and _only_inline(child):
                yield from walk(child)
            else:  # a block: it ends the paragraph and holds its own
                yield from flush()
                yield from _paragraphs(child, _direction_of(child, rtl))
            add(child, "tail", child.tail)

    if block.tag == "pre" and not block.get("dir"):
        rtl = False  # code reads left to right in any manual (manual.css)
    yield from walk(block)
    yield from flush()


def _only_inline(el: ET.Element) -> bool:
    """Whether ``el`` holds no block (an inline element around a block is one too)."""
    for kid in el:
        tag = kid.tag if isinstance(kid.tag, str) else ""
        if tag in _OBJECTS or tag in _SKIP or tag in _BREAKS or not tag:
            continue
        if tag not in _INLINE and tag != "bdi" or not _only_inline(kid):
            return False
    return True


def _direction_of(el: ET.Element, inherited: bool) -> bool:
    """Whether ``el`` runs right to left: its own ``dir``, else its parent's."""
    value = (el.get("dir") or "").strip().lower()
    if value == "auto":
        return _first_strong(text_of(el)) == "R"
    return {"rtl": True, "ltr": False}.get(value, inherited)


def _first_strong(text: str) -> str | None:
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "L"
        if kind in ("R", "AL"):
            return "R"
    return None


# --- the implicit levels (UAX #9) ---------------------------------------------------------


def levels(text: str, rtl: bool) -> list[int] | None:
    """The embedding level of each character of a paragraph with no explicit embeddings
    (None when it has some), its own level 1 when ``rtl``, else 0."""
    types = [_bidi_type(c) for c in text]
    if _EXPLICIT & set(types):
        return None
    base = "R" if rtl else "L"
    _weak_types(types, base)
    _neutral_types(types, base)
    if rtl:  # I2
        return [2 if kind in ("L", "EN", "AN") else 1 for kind in types]
    return [{"R": 1, "EN": 2, "AN": 2}.get(kind, 0) for kind in types]  # I1


def _bidi_type(char: str) -> str:
    if char in "\n\r\t\f":
        return "WS"  # collapsible white space in HTML, not a paragraph or segment break
    return unicodedata.bidirectional(char) or "ON"


def _weak_types(types: list[str], base: str) -> None:
    """W1–W7, in place."""
    previous = base  # sos
    for i, kind in enumerate(types):  # W1 (and BN, which X9 removes, as NSM)
        if kind in ("NSM", "BN"):
            types[i] = previous
        previous = types[i]
    strong = base
    for i, kind in enumerate(types):  # W2, W3
        if kind == "EN" and strong == "AL":
            types[i] = "AN"
        if kind in ("L", "R", "AL"):
            strong = kind
        if kind == "AL":
            types[i] = "R"
    for i in range(1, len(types) - 1):  # W4
        before, kind, after = types[i - 1], types[i], types[i + 1]
        if kind == "ES" and before == after == "EN":
            types[i] = "EN"
        elif kind == "CS" and before == after and before in ("EN", "AN"):
            types[i] = before
    i = 0
    while i < len(types):  # W5
        if types[i] == "ET":
            j = i
            while j < len(types) and types[j] == "ET":
                j += 1
            if (i > 0 and types[i - 1] == "EN") or (j < len(types) and types[j] == "EN"):
                types[i:j] = ["EN"] * (j - i)
            i = j
        else:
            i += 1
    for i, kind in enumerate(types):  # W6
        if kind in ("ES", "ET", "CS"):
            types[i] = "ON"
    strong = base
    for i, kind in enumerate(types):  # W7
        if kind in _STRONG:
            strong = kind
        elif kind == "EN" and strong == "L":
            types[i] = "L"


def _neutral_types(types: list[str], base: str) -> None:
    """N1–N2, in place: a run of neutrals between two strong types of one direction takes
    it (numbers count as R), any other the paragraph's."""
    def side(kind: str) -> str:
        return "R" if kind in ("R", "EN", "AN") else kind

    i = 0
    while i < len(types):
        if types[i] in ("L", "R", "EN", "AN"):
            i += 1
            continue
        j = i
        while j < len(types) and types[j] not in ("L", "R", "EN", "AN"):
            j += 1
        before = side(types[i - 1]) if i > 0 else base
        after = side(types[j]) if j < len(types) else base
        types[i:j] = [before if before == after else base] * (j - i)
        i = j


# --- wrapping -------------------------------------------------------------------------------


def _wrap_crossing_runs(paragraph: ET.Element, found, rtl: bool) -> None:
    pieces, text = found
    resolved = levels(text, rtl)
    if resolved is None:
        return
    base = 1 if rtl else 0
    runs = []
    i = 0
    while i < len(text):
        if resolved[i] <= base:
            i += 1
            continue
        j = i
        while j < len(text) and resolved[j] > base:
            j += 1
        runs.append((i, j))
        i = j
    starts = [p.start for p in pieces]
    for start, end in reversed(runs):  # the last first: the earlier pieces stay as they are
        first, last = _piece_at(starts, start), _piece_at(starts, end - 1)
        if first != last:
            _wrap(paragraph, pieces[first], start, pieces[last], end, "rtl" if base == 0 else "ltr")


def _piece_at(starts: list[int], index: int) -> int:
    low, high = 0, len(starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if starts[middle] <= index:
            low = middle
        else:
            high = middle - 1
    return low


def _wrap(paragraph: ET.Element, first: _Piece, start: int, last: _Piece, end: int,
          direction: str) -> None:
    """Wrap the paragraph's text from ``start`` to ``end`` (in pieces ``first`` to ``last``)
    in a span of ``direction``."""
    parents = parent_map(paragraph)
    end_mark = _mark(last, end - last.start, parents, after=True)
    start_mark = _mark(first, start - first.start, parents, after=False)
    parents = parent_map(paragraph)
    common = _common_parent(start_mark, end_mark, parents)
    for mark in (start_mark, end_mark):
        while parents[mark] is not common:
            _hoist(mark, parents)
            parents = parent_map(paragraph)
    kids = list(common)
    at, to = kids.index(start_mark), kids.index(end_mark)
    span = ET.Element("span", {"dir": direction, "class": BIDI_CLASS})
    span.text = start_mark.tail
    for kid in kids[at + 1:to]:
        common.remove(kid)
        span.append(kid)
    span.tail = end_mark.tail
    common.remove(start_mark)
    common.remove(end_mark)
    common.insert(at, span)


def _mark(piece: _Piece, offset: int, parents: dict, after: bool) -> ET.Element:
    """An empty marker element put where the run starts (``offset`` into the piece) or ends."""
    mark = ET.Element(_MARK)
    node = piece.node
    if piece.attr == "text":
        mark.tail, node.text = node.text[offset:], node.text[:offset]
        node.insert(0, mark)
        return mark
    parent = parents[node]
    at = list(parent).index(node)
    if piece.attr == "tail":
        mark.tail, node.tail = node.tail[offset:], node.tail[:offset]
        parent.insert(at + 1, mark)
    elif after:  # after an object
        mark.tail, node.tail = node.tail, None
        parent.insert(at + 1, mark)
    else:
        parent.insert(at, mark)
    return mark


def _common_parent(a: ET.Element, b: ET.Element, parents: dict) -> ET.Element:
    above_a = []
    node = parents[a]
    while node is not None:
        above_a.append(node)
        node = parents.get(node)
    node = parents[b]
    while node not in above_a:
        node = parents[node]
    return node


def _hoist(mark: ET.Element, parents: dict) -> None:
    """Move ``mark`` out of its parent, one level up, splitting the parent in two around it
    (the second part a copy of the element without its id) unless it stands at an end."""
    box = parents[mark]
    up = parents[box]
    kids = list(box)
    at = kids.index(mark)
    pos = list(up).index(box)
    box.remove(mark)
    if at == 0 and not box.text:  # nothing before it: it goes before the element
        box.text, mark.tail = mark.tail, None
        up.insert(pos, mark)
    elif at == len(kids) - 1 and not mark.tail:  # nothing after it: after the element
        mark.tail, box.tail = box.tail, None
        up.insert(pos + 1, mark)
    else:
        right = ET.Element(box.tag, {k: v for k, v in box.attrib.items() if k != "id"})
        right.text, mark.tail = mark.tail, None
        for kid in kids[at + 1:]:
            box.remove(kid)
            right.append(kid)
        right.tail, box.tail = box.tail, None
        up.insert(pos + 1, mark)
        up.insert(pos + 2, right)


def _has_letters(el: ET.Element) -> bool:
    """Whether an element's text holds a letter or digit (``pw``, ``8080``), not only marks."""
    return any(ch.isalnum() for ch in text_of(el))


def _joined_to_neighbours(text: str, islands: list[int]) -> str:
    """The paragraph's text with each inline code (an island of its own) that has
    left-to-right words as its nearest strong neighbour on either side counted as
    left-to-right text, so that it joins their run; between right-to-left words, or alone
    beside numbers, it stays an island."""
    if not islands:
        return text
    chars = list(text)
    for at in islands:
        before = next((_strong(c) for c in reversed(text[:at]) if _strong(c)), None)
        after = next((_strong(c) for c in text[at + 1:] if _strong(c)), None)
        if "L" in (before, after):
            chars[at] = _LTR_CHAR
    return "".join(chars)


def _strong(ch: str) -> str | None:
    """"L" or "R" for a strong character (AL counts as R), else None."""
    kind = unicodedata.bidirectional(ch)
    return "L" if kind == "L" else "R" if kind in ("R", "AL") else None
