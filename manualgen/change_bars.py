"""Change bars in the outer margin, placed after layout.

Why after layout: the outer margin is on the right of a recto and on the left of a verso,
and CSS cannot give an element a different side depending on the page it falls on
(WeasyPrint selects ``@page :left/:right``, not elements).  So the assembler marks each
changed block (``mg-changed``) and gives it an empty ``i.mg-bar``, a zero-sized,
absolutely positioned box whose style (``styles/edition.css``) holds the bar's colour and
width.  Once WeasyPrint has laid the pages out, :func:`place_bars` looks on every page for
the boxes of each marked block, and draws one bar per block and page: a copy of that box,
``--change-bar-gap`` outside the text column on the page's outer side, as tall as the part
of the block on that page (a paragraph split over two pages gets a bar on each).  A block
taken out is shown by a short horizontal dash where it was.  The bars are borders, so
WeasyPrint draws them as vector rectangles and marks them as artifacts in a tagged PDF.

The boxes' geometry (``position_x``, ``border_box_y()``, …) is WeasyPrint's documented box
model; the only assumption beyond it is that a page's boxes are its ``_page_box`` tree.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from .assemble.changes import BAR_CLASS, CHANGED_CLASS, REMOVED_AFTER_CLASS, REMOVED_BEFORE_CLASS

PX_PER_MM = 96 / 25.4
GAP = 4 * PX_PER_MM  # from the text column to the bar
DASH = 3 * PX_PER_MM  # length of the mark of a removed block
_MARKS = (CHANGED_CLASS, REMOVED_BEFORE_CLASS, REMOVED_AFTER_CLASS)


@dataclasses.dataclass(frozen=True)
class Mark:
    """One thing to draw on a page: a bar from ``top`` to ``bottom``, or (``dash``) a short
    horizontal line at ``top``."""

    top: float
    bottom: float
    dash: bool = False


def _walk(box) -> Iterator:
    box = getattr(box, "_box", box)  # an absolutely positioned box sits in a placeholder
    yield box
    for child in getattr(box, "children", ()):
        yield from _walk(child)


def _classes(box) -> list[str]:
    element = box.element
    return (element.get("class") or "").split() if element is not None else []


def place_bars(document, twoside: bool = True, rtl: bool = False) -> int:
    """Draw the change bars of a laid-out WeasyPrint document; the number drawn."""
    prototype = None
    for page in document.pages:
        for box in _walk(page._page_box):
            if BAR_CLASS in _classes(box):
                prototype = prototype or box
                box.border_left_width = 0  # the box in the text draws nothing
                box.element_tag = "html"  # nor adds an element to a tagged PDF (see _bar)
    if prototype is None:
        return 0
    seen: set = set()  # elements whose removal dash is drawn (on their first page only)
    count = 0
    for page in document.pages:
        marks = _page_marks(page._page_box, seen)
        if not marks:
            continue
        page_box = page._page_box
        side = page_box.page_type.side if twoside else ("left" if rtl else "right")
        bars = [_bar(prototype, page_box, side, mark) for mark in marks]
        page_box.children = [*page_box.children, *bars]
        count += len(bars)
    return count


def _page_marks(page_box, seen: set) -> list[Mark]:
    """The marks one page needs, top to bottom: each marked block's extent on this page."""
    extents: dict = {}
    kinds: dict = {}
    for box in _walk(page_box):
        names = _classes(box)
        if box.element is None or BAR_CLASS in names:
            continue
        marked = [name for name in _MARKS if name in names]
        if not marked or not hasattr(box, "border_box_y"):
            continue
        top, bottom = box.border_box_y(), box.border_box_y() + box.border_height()
        key = id(box.element)
        old = extents.get(key)
        extents[key] = (min(top, old[0]), max(bottom, old[1])) if old else (top, bottom)
        kinds[key] = (box.element, marked)
    marks = []
    for key, (top, bottom) in extents.items():
        element, marked = kinds[key]
        if CHANGED_CLASS in marked and bottom > top:
            marks.append(Mark(top, bottom))
        if element in seen:
            continue
        if REMOVED_BEFORE_CLASS in marked:
            marks.append(Mark(max(page_box.content_box_y(), top - GAP / 2), 0, dash=True))
            seen.add(element)
        if REMOVED_AFTER_CLASS in marked:
            marks.append(Mark(bottom + GAP / 2, 0, dash=True))
            seen.add(element)
    return sorted(marks, key=lambda m: (m.top, m.bottom, m.dash))


def _bar(prototype, page_box, side: str, mark: Mark):
    """A copy of the bar box, placed in the outer margin of ``page_box``."""
    width = prototype.style["border_left_width"]
    bar = prototype.copy()
    # A tagged PDF walks every box for its structure: an "html" box adds no element of its
    # own, so the bars stay what they are, decoration (their border is an artifact).
    bar.element_tag = "html"
    for part in ("margin", "padding", "border"):
        for edge in ("top", "right", "bottom", "left"):
            setattr(bar, f"{part}_{edge}_width" if part == "border" else f"{part}_{edge}", 0)
    left = page_box.content_box_x()
    right = left + page_box.width
    if mark.dash:
        bar.width, bar.height, bar.border_top_width = DASH, 0, width
        bar.position_x = right + GAP - DASH / 3 if side == "right" else left - GAP - DASH * 2 / 3
    else:
        bar.width, bar.height, bar.border_left_width = 0, mark.bottom - mark.top, width
        bar.position_x = right + GAP if side == "right" else left - GAP - width
    bar.position_y = mark.top
    return bar
