"""A line break written between two Chinese or Japanese characters prints no space.

Writers of Chinese and Japanese wrap their Markdown where they like, inside a word
("缺" at the end of one line, "少" at the start of the next); Goldmark keeps the line break in
the HTML.  CSS Text 3 (segment break transformation) removes such a break when the
characters on both sides are East Asian wide, full-width or half-width (Hangul aside:
Korean puts spaces between its words), as Firefox does; WeasyPrint 70 prints it as a space,
which splits the word in the PDF.  This pass removes those breaks, with the spaces
beside them, from the text the reader sees; code blocks, SVG and MathML keep theirs.
A break beside a zero-width space goes too, as the same rule says."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET

from ..xml_names import local_name
from .html import set_slot_text, slot_text

# collapsible white space holding at least one segment break (CSS collapses the spaces
# around a break first, then transforms the break)
_BREAK = re.compile(r"[ \t]*\n[ \t\n]*")
_KEEP_SPACES = {"pre", "textarea", "script", "style", "svg", "math", "listing", "plaintext",
                "xmp"}


def join_wide_lines(root: ET.Element) -> None:
    """Remove each segment break in ``root``'s text whose neighbours (across inline
    elements too) are both wide characters, with the spaces beside it."""
    slots = list(_text_slots(root))
    texts = [_read(element, where) for element, where in slots]
    befores, afters = _neighbours(texts)
    for index, text in enumerate(texts):
        if text and "\n" in text:
            joined = _joined_text(text, befores[index], afters[index])
            if joined != text:
                set_slot_text(*slots[index], joined)


def _neighbours(texts: list[str | None]) -> tuple[list[str], list[str]]:
    """For each text, the last character a reader sees before it and the first after it
    ("" beside a barrier or at the ends), in two passes."""
    befores, last = [], ""
    for text in texts:
        befores.append(last)
        last = "" if text is None else (text[-1] if text else last)
    afters, first = [], ""
    for text in reversed(texts):
        afters.append(first)
        first = "" if text is None else (text[0] if text else first)
    return befores, afters[::-1]


def _joined_text(text: str, before: str, after: str) -> str:
    """``text`` without the segment breaks between wide characters (``before`` and
    ``after``: the characters beside the text)."""
    def joined(match: re.Match) -> str:
        left = text[match.start() - 1] if match.start() > 0 else before
        right = text[match.end()] if match.end() < len(text) else after
        if left == "\u200b" or right == "\u200b" or (_wide(left) and _wide(right)):
            return ""
        return match.group()

    return _BREAK.sub(joined, text)


def _text_slots(root: ET.Element):
    """(element, "text" or "tail") of every text of ``root`` a reader sees, in reading
    order; the text inside an element that keeps its spaces is not one of them, and such
    an element stands between the texts before and after it as a slot of None."""
    yield root, "text"
    for child in root:
        yield from _child_slots(child)


def _child_slots(element: ET.Element):
    if local_name(element.tag).lower() in _KEEP_SPACES:
        yield None, "barrier"
    elif isinstance(element.tag, str):
        yield element, "text"
        for child in element:
            yield from _child_slots(child)
    yield element, "tail"


def _read(element: ET.Element | None, where: str) -> str | None:
    """The text of a slot ("" for none), None for a barrier."""
    return None if element is None else slot_text(element, where)


def _wide(char: str) -> bool:
    """East Asian wide, full-width or half-width, and not Hangul (CSS Text 3, 4.1.3)."""
    if not char or unicodedata.east_asian_width(char) not in ("W", "F", "H"):
        return False
    return "HANGUL" not in unicodedata.name(char, "")
