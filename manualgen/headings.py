"""Headings without gaps: a page's levels renumbered so none is skipped.

A screen reader's outline (and PDF/UA-1, rule "heading nesting") expects each heading to be at
most one level below the one before it. Markdown pages skip levels often (``##`` then
``####``, or a shortcode's ``<h5>`` right under the page title), and the assembler's shift of
a page's headings below its title keeps such gaps. :func:`close_gaps` removes them while
keeping what the page says about which heading belongs under which.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

_HEADING = re.compile(r"h([1-6])")

Change = tuple[str, str, str, str]  # (tag before, tag after, the heading's text, its id)


def heading_text(element: ET.Element) -> str:
    """A heading's words, its white space collapsed (how changes and messages name it)."""
    return " ".join("".join(element.itertext()).split())


def heading_level(element: ET.Element) -> int | None:
    """1 to 6 for an h1 to h6, None for any other element."""
    match = _HEADING.fullmatch(element.tag) if isinstance(element.tag, str) else None
    return int(match.group(1)) if match else None


def close_gaps(root: ET.Element, title_level: int) -> list[Change]:
    """Renumber the headings under ``root`` (a page's body, whose title is a heading of
    ``title_level``) so that none is more than one level below the heading before it.

    A heading goes one level below the nearest heading before it whose original level was
    higher (smaller number), or just below the page title when there is none: ``h2 h4 h5
    h3`` under an ``h1`` title becomes ``h2 h3 h4 h3``. Levels stop at 6. Returns what
    changed, in document order, so that the caller can name the file and line.
    """
    changes: list[Change] = []
    open_levels: list[tuple[int, int]] = []  # (level in the page, level given) of the ancestors
    for element in root.iter():
        level = heading_level(element)
        if level is None:
            continue
        while open_levels and open_levels[-1][0] >= level:
            open_levels.pop()
        parent = open_levels[-1][1] if open_levels else max(0, min(6, title_level))
        new = min(6, parent + 1)
        open_levels.append((level, new))
        if new != level:
            old_tag = element.tag
            element.tag = f"h{new}"
            changes.append((old_tag, element.tag, heading_text(element), element.get("id") or ""))
    return changes
