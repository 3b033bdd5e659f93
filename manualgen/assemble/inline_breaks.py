"""A line may end before an inline element that opens with a mark no line starts with.

"…mit dem Zusatz `/contao-manager.phar.php` auf": Unicode's line breaking (UAX #14, rule
LB13) allows no break between the space and a "/", ".", ",", ":", ";", "!", "?" or closing
bracket, even after spaces, so the word before the space and the code are one unit. When
that unit does not fit at the end of a line, WeasyPrint 70 goes back into the text before
the element and breaks it at its first place instead of its last: the paragraph's first
line holds one word ("Du") and the rest starts on the next (seen in a quarter of such
paragraphs of Contao's German manual). A ``<wbr>`` before the element gives the line a
place to end there, as the reader expects; where the line does not end, it prints nothing.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

# what UAX #14 lets no line start with, even after a space (classes CL, CP, EX, IS, SY)
_NO_BREAK_BEFORE = frozenset("/.,:;!?)]}")
_INLINE = frozenset({"a", "abbr", "b", "cite", "code", "dfn", "em", "i", "kbd", "mark", "q",
                     "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"})
_NOT_TEXT = frozenset({"pre", "script", "style", "svg", "math", "textarea"})


def allow_breaks_before_marks(root: ET.Element) -> None:
    """Put a ``<wbr>`` before every inline element of ``root`` that follows a space and
    whose text opens with a mark of ``_NO_BREAK_BEFORE`` (code, pictures and formulas
    left alone)."""
    stack = [root]
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str) or element.tag in _NOT_TEXT:
            continue
        children = list(element)
        stack.extend(children)
        for index in reversed(range(len(children))):  # inserting keeps the earlier indexes
            before = element.text if index == 0 else children[index - 1].tail
            if _opens_with_mark(children[index]) and before and before[-1].isspace():
                element.insert(index, ET.Element("wbr"))


def _opens_with_mark(element: ET.Element) -> bool:
    if not isinstance(element.tag, str) or element.tag not in _INLINE:
        return False
    text = "".join(element.itertext())
    return bool(text) and text[0] in _NO_BREAK_BEFORE
