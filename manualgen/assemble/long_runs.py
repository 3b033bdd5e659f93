"""Very long runs of text without a place to break (a base64 blob or a key pasted into a code
block) get places where a line may end.

WeasyPrint 70 lays out the rest of such a run again for every line it breaks off it, so its
time grows with the square of the run's length: 20,000 letters in a code block took 2.9 s,
80,000 took 49 s.  A zero-width space every ``BREAK_EVERY`` characters lets each line end
near its margin, and lays the same 80,000 letters out in under a second.  Only runs longer
than ``LONG_RUN`` characters are touched: the words, addresses and tokens of ordinary pages
(a signed token is about 1,000 characters) print as they did, byte for byte; a reader who
copies such a run from the PDF gets the zero-width spaces with it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..xml_names import local_name

LONG_RUN = 2000
BREAK_EVERY = 16
_RUN = re.compile(r"[^\s\u200b]{" + str(LONG_RUN) + ",}")
_NOT_TEXT = {"script", "style", "svg", "math", "textarea"}


def break_long_runs(root: ET.Element) -> None:
    """Give every run longer than LONG_RUN characters in ``root``'s text a zero-width space
    every BREAK_EVERY characters (not inside SVG, MathML, scripts or styles)."""
    for element in root:
        _visit(element)
    root.text = _broken(root.text)


def _visit(element: ET.Element) -> None:
    element.tail = _broken(element.tail)
    if not isinstance(element.tag, str) or local_name(element.tag) in _NOT_TEXT:
        return
    element.text = _broken(element.text)
    for child in element:
        _visit(child)


def _broken(text: str | None) -> str | None:
    if not text or len(text) < LONG_RUN:
        return text
    return _RUN.sub(lambda m: "\u200b".join(m.group()[i:i + BREAK_EVERY]
                                            for i in range(0, len(m.group()), BREAK_EVERY)), text)
